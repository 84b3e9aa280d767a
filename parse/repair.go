package parse

import (
	"bufio"
	"bytes"
	"io"
)

// The repairs here work on the decoded text before the CSV reader sees it.
// Each keeps the number of line breaks unchanged, so that the CSV reader's
// line numbers are the lines of the file as exported.

// Repair names, as counted in FileReport.Repairs.
const (
	repairUnquotedMultiline = "unquoted_multiline_record" // Comments 2021–2024 (§3 Q3)
	repairBackslashQuote    = "backslash_escaped_quote"   // Comments 2025+ (§3 Q3)
	repairBackslashAtEnd    = "backslash_before_closing_quote"
	repairUnquotedCommas    = "unquoted_commas"         // SearchQueries 2025 (§3 Q4)
	repairWrappedLineBreaks = "quote_wrapped_linebreak" // Shares (§3 Q2)
	repairTrailingColumn    = "trailing_empty_column"   // Learning (§3 Q12)
)

// lineSource reads physical lines, each with its line ending.
type lineSource struct {
	br  *bufio.Reader
	eof bool
}

func (s *lineSource) next() ([]byte, bool) {
	if s.eof {
		return nil, false
	}
	line, err := s.br.ReadBytes('\n')
	if err != nil {
		s.eof = true
		if len(line) == 0 {
			return nil, false
		}
	}
	return line, true
}

// lineRepair is the reading side the repairs share: it hands the text's
// lines, one at a time, to a repair's take, which writes the repaired text
// to out, until there is some to return.
type lineRepair struct {
	src    lineSource
	out    bytes.Buffer
	counts map[string]int
}

func newLineRepair(r *bufio.Reader, counts map[string]int) lineRepair {
	return lineRepair{src: lineSource{br: r}, counts: counts}
}

// lineFixer is one repair: take repairs a line, and flush writes, at the
// end of the text, what take held back.
type lineFixer interface {
	take(line []byte)
	flush()
}

func (l *lineRepair) read(fix lineFixer, p []byte) (int, error) {
	for l.out.Len() == 0 {
		line, ok := l.src.next()
		if !ok {
			fix.flush()
			if l.out.Len() == 0 {
				return 0, io.EOF
			}
			break
		}
		fix.take(line)
	}
	return l.out.Read(p)
}

// splitEOL separates a line from its ending ("\n", "\r\n" or none).
func splitEOL(line []byte) (body, eol []byte) {
	n := len(line)
	switch {
	case n >= 2 && line[n-2] == '\r' && line[n-1] == '\n':
		return line[:n-2], line[n-2:]
	case n >= 1 && line[n-1] == '\n':
		return line[:n-1], line[n-1:]
	}
	return line, nil
}

func isBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

func oddQuotes(b []byte) bool { return bytes.Count(b, []byte{'"'})%2 == 1 }

// startsWithISODate reports whether a line begins a Comments record:
// "YYYY-MM-DD HH:MM:SS," (F-ISO, the only layout Comments.csv has used).
func startsWithISODate(b []byte) bool {
	const shape = "dddd-dd-dd dd:dd:dd,"
	if len(b) < len(shape) {
		return false
	}
	for i := 0; i < len(shape); i++ {
		c := b[i]
		if shape[i] == 'd' {
			if c < '0' || c > '9' {
				return false
			}
		} else if c != shape[i] {
			return false
		}
	}
	return true
}

// commentsRepair fixes both escaping bugs of Comments.csv (§3 Q3):
//   - 2025+: a quote inside a quoted field is written \" instead of "".
//   - 2021–2024: a multi-line message is not quoted at all, so its line
//     breaks split the record. A line that does not start with a date, met
//     outside a quoted field, continues the previous record's Message; the
//     record is re-emitted with its Message quoted.
//
// Blank lines between records (CRLF era) are kept as blank lines, which the
// CSV reader skips; blank lines followed by a continuation belong to the
// message.
type commentsRepair struct {
	lineRepair
	rec     [][]byte // the pending record's lines
	blanks  [][]byte // blank lines seen after it, outside quotes
	inQuote bool
	merged  bool // rec holds continuation lines
	escEnd  bool // rec's last line ended with a repaired \"
}

func newCommentsRepair(r *bufio.Reader, counts map[string]int) io.Reader {
	return &commentsRepair{lineRepair: newLineRepair(r, counts)}
}

func (c *commentsRepair) Read(p []byte) (int, error) { return c.read(c, p) }

func (c *commentsRepair) take(raw []byte) {
	body, eol := splitEOL(raw)
	escEnd := bytes.HasSuffix(body, []byte(`\"`))
	if n := bytes.Count(body, []byte(`\"`)); n > 0 {
		body = bytes.ReplaceAll(body, []byte(`\"`), []byte(`""`))
		c.counts[repairBackslashQuote] += n
	}
	line := append(append([]byte{}, body...), eol...)

	if c.inQuote && startsWithISODate(line) && c.escEnd {
		// The previous line ended in a real backslash followed by the
		// closing quote: undo that one replacement, which closes the field.
		last := c.rec[len(c.rec)-1]
		lb, le := splitEOL(last)
		lb = append(lb[:len(lb)-2:len(lb)-2], '\\', '"')
		c.rec[len(c.rec)-1] = append(lb, le...)
		c.counts[repairBackslashQuote]--
		c.counts[repairBackslashAtEnd]++
		c.inQuote = false
	}
	defer func() { c.escEnd = escEnd }()

	switch {
	case c.inQuote:
		c.rec = append(c.rec, line)
	case startsWithISODate(line):
		c.flush()
		c.rec = [][]byte{line}
		_, rest, _ := bytes.Cut(body, []byte{','})
		if _, msg, ok := bytes.Cut(rest, []byte{','}); ok && !bytes.HasPrefix(msg, []byte{'"'}) {
			// An unquoted message: its quotes are literal and open no
			// field. One that holds a quote is re-quoted, as a split one is.
			c.merged = bytes.IndexByte(msg, '"') >= 0
			return
		}
	case isBlank(line) && len(c.rec) > 0:
		c.blanks = append(c.blanks, line)
		return
	case len(c.rec) == 0:
		c.out.Write(line) // header, preamble or leading blank line
		return
	default:
		c.rec = append(c.rec, c.blanks...)
		c.rec = append(c.rec, line)
		c.blanks = nil
		c.merged = true
		return // it continues an unquoted message: its quotes are literal
	}
	if oddQuotes(body) {
		c.inQuote = !c.inQuote
	}
}

// flush writes the pending record, re-quoting its Message if it was split.
func (c *commentsRepair) flush() {
	if len(c.rec) > 0 {
		if c.merged {
			c.writeRequoted()
		} else {
			for _, l := range c.rec {
				c.out.Write(l)
			}
		}
	}
	for _, l := range c.blanks {
		c.out.Write(l)
	}
	c.rec, c.blanks, c.merged, c.inQuote, c.escEnd = nil, nil, false, false, false
}

// writeRequoted emits "date,link,<message>" with the message quoted and its
// line breaks kept, so the record still spans the same number of lines.
func (c *commentsRepair) writeRequoted() {
	first, _ := splitEOL(c.rec[0])
	date, rest, ok1 := bytes.Cut(first, []byte{','})
	link, msg, ok2 := bytes.Cut(rest, []byte{','})
	if !ok1 || !ok2 || bytes.HasPrefix(msg, []byte{'"'}) {
		for _, l := range c.rec { // not the known shape: leave it to the CSV reader
			c.out.Write(l)
		}
		return
	}
	var text bytes.Buffer
	text.Write(msg)
	for _, l := range c.rec[1:] {
		body, _ := splitEOL(l)
		text.WriteByte('\n')
		text.Write(body)
	}
	_, eol := splitEOL(c.rec[len(c.rec)-1])
	c.out.Write(date)
	c.out.WriteByte(',')
	c.out.Write(link)
	c.out.WriteString(`,"`)
	c.out.Write(bytes.ReplaceAll(text.Bytes(), []byte{'"'}, []byte(`""`)))
	c.out.WriteByte('"')
	c.out.Write(eol)
	c.counts[repairUnquotedMultiline]++
}

// searchQueriesRepair quotes the query of 2025 SearchQueries.csv rows that
// were written with unquoted commas (§3 Q4): the first field is the time, the
// rest of the line is the query.
type searchQueriesRepair struct {
	lineRepair
	inQuote bool
}

func newSearchQueriesRepair(r *bufio.Reader, counts map[string]int) io.Reader {
	return &searchQueriesRepair{lineRepair: newLineRepair(r, counts)}
}

func (s *searchQueriesRepair) Read(p []byte) (int, error) { return s.read(s, p) }

// flush has nothing to write: each line is repaired on its own.
func (s *searchQueriesRepair) flush() {}

func (s *searchQueriesRepair) take(line []byte) {
	body, eol := splitEOL(line)
	if !s.inQuote && bytes.Count(body, []byte{','}) >= 2 && body[0] != '"' {
		t, query, _ := bytes.Cut(body, []byte{','})
		if len(query) > 0 && query[0] != '"' {
			s.out.Write(t)
			s.out.WriteString(`,"`)
			s.out.Write(bytes.ReplaceAll(query, []byte{'"'}, []byte(`""`)))
			s.out.WriteByte('"')
			s.out.Write(eol)
			s.counts[repairUnquotedCommas]++
			return
		}
	}
	if oddQuotes(body) {
		s.inQuote = !s.inQuote
	}
	s.out.Write(line)
}
