package synth

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// file writes one export file row by row. Errors are sticky: the first one
// is kept in gen.err and later writes do nothing.
type file struct {
	g       *gen
	name    string
	w       io.WriteCloser
	buf     []byte
	noFinal bool // no newline after the last row (§1.6)
	started bool
	rows    int
}

// create opens name for writing; it returns a file that discards everything
// once an error happened.
func (g *gen) create(name string) *file {
	f := &file{g: g, name: name, buf: make([]byte, 0, 4096)}
	if g.err != nil {
		return f
	}
	w, err := g.fs.Create(name)
	if err != nil {
		g.err = fmt.Errorf("%s: %w", name, err)
		return f
	}
	f.w = w
	return f
}

// close closes the file; the error, if any, names it.
func (f *file) close() {
	if f.w == nil {
		return
	}
	err := f.w.Close()
	f.w = nil
	if err != nil && f.g.err == nil {
		f.g.err = fmt.Errorf("%s: %w", f.name, err)
	}
}

// begin starts a line: in files without a final newline, the separator goes
// before every line but the first.
func (f *file) begin() {
	f.buf = f.buf[:0]
	if f.noFinal && f.started {
		f.buf = append(f.buf, '\n')
	}
	f.started = true
}

// end finishes a line and writes it out.
func (f *file) end() {
	if !f.noFinal {
		f.buf = append(f.buf, '\n')
	}
	f.rows++
	if f.w == nil || f.g.err != nil {
		return
	}
	if _, err := f.w.Write(f.buf); err != nil {
		f.g.err = fmt.Errorf("%s: %w", f.name, err)
		f.w.Close()
		f.w = nil
	}
}

// open creates a file with its header and returns it with the file's own
// random source (rng).
func (g *gen) open(name string, header ...string) (*file, *rand.Rand) {
	f := g.create(name)
	f.row(header...)
	return f, g.rng(name)
}

// table writes a file of fixed rows under its header.
func (g *gen) table(name string, header []string, rows [][]string) {
	f := g.create(name)
	f.row(header...)
	for _, r := range rows {
		f.row(r...)
	}
	f.close()
}

// list writes a file of one column.
func (g *gen) list(name, header string, values ...string) {
	f := g.create(name)
	f.row(header)
	for _, v := range values {
		f.row(v)
	}
	f.close()
}

// raw writes text as one line (or several: text may hold newlines), as is.
func (f *file) raw(text string) {
	f.begin()
	f.buf = append(f.buf, text...)
	f.end()
}

// bytes writes b verbatim, without any line handling (HTML files).
func (f *file) bytes(b []byte) {
	if f.w == nil || f.g.err != nil {
		return
	}
	if _, err := f.w.Write(b); err != nil {
		f.g.err = fmt.Errorf("%s: %w", f.name, err)
	}
}

// row writes one record quoted the way LinkedIn does in most files: a field
// is quoted only when it holds a comma, a quote or a line break, and a quote
// inside is doubled.
func (f *file) row(fields ...string) { f.record(fields, appendField) }

// rowQ writes one record with every field quoted, empty ones as "" (the
// 2026 messages.csv form, Q5).
func (f *file) rowQ(fields ...string) { f.record(fields, appendQuoted) }

func (f *file) record(fields []string, appendField func([]byte, string) []byte) {
	f.begin()
	for i, s := range fields {
		if i > 0 {
			f.buf = append(f.buf, ',')
		}
		f.buf = appendField(f.buf, s)
	}
	f.end()
}

func needsQuotes(s string) bool { return strings.ContainsAny(s, ",\"\r\n") }

func appendField(b []byte, s string) []byte {
	if !needsQuotes(s) {
		return append(b, s...)
	}
	return appendQuoted(b, s)
}

func appendQuoted(b []byte, s string) []byte { return appendQuotedEscaping(b, s, '"') }

// appendBackslashField quotes like appendField but escapes an embedded
// quote as \" instead of "" (Comments.csv 2025+, Q3).
func appendBackslashField(b []byte, s string) []byte {
	if !needsQuotes(s) {
		return append(b, s...)
	}
	return appendQuotedEscaping(b, s, '\\')
}

// appendQuotedEscaping quotes s, writing esc before each quote inside it.
func appendQuotedEscaping(b []byte, s string, esc byte) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, esc)
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// appendWrappedField encodes Shares.csv ShareCommentary (Q2): every line
// break of the text is first wrapped in quote characters ("⏎"), then the
// value is quoted normally, so the raw lines end with "" and start with "".
func appendWrappedField(b []byte, s string) []byte {
	if !strings.Contains(s, "\n") {
		return appendField(b, s)
	}
	return appendQuoted(b, strings.ReplaceAll(s, "\n", "\"\n\""))
}
