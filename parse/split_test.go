package parse

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// The splitter is checked against encoding/csv itself: a chunked parse must
// give the very records and errors of a whole parse.

// splitCommas are the delimiters tried: single bytes, a space, a letter
// (which also begins words), and multi-byte runes.
var splitCommas = []rune{',', ';', '\t', '|', ' ', 'a', 'é', '€', '😀'}

// splitTricky are inputs written with ',' around the corners of readRecord;
// splitWithComma swaps in the other delimiters.
var splitTricky = []string{
	"",
	"\n",
	"\r\n",
	"\r",
	"\n\n\r\n\n",
	"a",
	"a\n",
	"a\r",
	"a\r\r",
	"a\r\n",
	"a,b\nc,d\n",
	"a,b\r\nc,d",
	"a\rb,c\r\nd\n",                // a lone \r is data
	"\n\na,b\n\n\nc\n\n",           // blank lines between records
	" \n\t\n",                      // not blank
	`"a","b"` + "\n" + `"c"`,       // quoted fields
	"\"a\nb\",c\nd\n",              // a quoted field over two lines
	"\"a\r\nb\r\n\r\nc\"\r\nd\r\n", // CRLF inside quotes, blank line inside quotes
	"\"\n\n\n\"\n\"\n",
	`"a""b",c` + "\n" + `"""",""` + "\n" + `""""""` + "\n",
	`"a""` + "\nb\"\nc\n",      // "" then a newline: still quoted
	`"ab"c,d` + "\ne,f\n",      // ErrQuote (strict) / data (lazy)
	`"ab"c"` + "\ne\"\nf\n",    // lazy: the second quote closes
	`"ab"c,"d` + "\ne,f\n\"\n", // strict drops the opening quote too
	"\"a\r",
	"\"a\"\r\n\"b\r\n\r\n\"\r\n",
	`"ab" ,d` + "\n\"x\ny\"\n",             // quote then space
	`"ab"` + "\r\r\n" + "c\"\nd\n",         // \r\r\n: the quote is not last
	`"ab"` + "\r",                          // \r dropped at the end
	`"ab"` + "\r\r",                        // only one \r dropped
	`a"b,c` + "\n" + `d,"e` + "\nf\"\ng\n", // bare quote
	`a,b"` + "\n\"c\nd\"\n",
	`a"b,"c` + "\nd\"\n", // lazy: a literal quote then a quoted field
	`a"b"c,"d` + "\n\"\n",
	`a,"b` + "\nc\n",
	`a,"b` + "\n", // unterminated quote at the end
	`a,"b`,
	`"`,
	`""`,
	`"""`,
	"\"\n",
	"\"\"\n\"",
	"\"a\"\n\n\"b",
	`a,,"",` + "\n,\n",
	`"a",` + "\n" + `"b"` + "\n",
	`"a",,"b` + "\n" + `c",d` + "\n",
	"x,\"y\"z\",w\nq\"\nr\n",
	"\"a,\"\",\n\",b\n",
	"é,€\n\"€\",😀\n\xe2\x82\n\"\xe2\x82\"\xac\n\"\n", // a broken multi-byte delimiter
	"\"a\"\xe2\x82\xac\"b\n\"\n",
}

// splitWithComma rewrites a tricky input for another delimiter.
func splitWithComma(s string, comma rune) string {
	return strings.ReplaceAll(s, ",", string(comma))
}

// splitEvent is what one csv.Reader.Read reported.
type splitEvent struct {
	Fields []string
	Line   int             // FieldPos(0) of a record
	Parse  *csv.ParseError // lines already offset
	Err    error           // any other error, which ends the parse
	End    int64           // InputOffset after the Read
}

// splitParse parses text with one csv.Reader, lines offset by first-1.
func splitParse(text []byte, comma rune, lazy bool, first int) []splitEvent {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, lazy, -1
	var evs []splitEvent
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return evs
		}
		ev := splitEvent{Fields: rec, End: r.InputOffset()}
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			ev.Parse = &csv.ParseError{StartLine: pe.StartLine + first - 1, Line: pe.Line + first - 1, Column: pe.Column, Err: pe.Err}
		case err != nil:
			ev.Err = err
			return append(evs, ev)
		case len(rec) > 0:
			ev.Line, _ = r.FieldPos(0)
			ev.Line += first - 1
		}
		evs = append(evs, ev)
	}
}

// startLine is the line where the event's record starts.
func (e splitEvent) startLine() int {
	if e.Parse != nil {
		return e.Parse.StartLine
	}
	return e.Line
}

// splitChunk is one result of next, copied.
type splitChunk struct {
	text            []byte
	line, lastStart int
	err             error
}

// splitAll calls next until it fails; a runaway loop fails the test.
func splitAll(t testing.TB, r io.Reader, comma rune, lazy bool, size, limit int) []splitChunk {
	t.Helper()
	s := newCSVSplitter(r, comma, lazy)
	var out []splitChunk
	for range limit + 2 {
		chunk, line, last, err := s.next(size)
		out = append(out, splitChunk{bytes.Clone(chunk), line, last, err})
		if err != nil {
			return out
		}
	}
	t.Fatalf("no end after %d chunks", len(out))
	return nil
}

// splitReads returns at most n bytes per Read (all when n <= 0).
func splitReads(r io.Reader, n int) io.Reader {
	if n <= 0 {
		return r
	}
	return &splitLimitedReader{r, n}
}

type splitLimitedReader struct {
	r io.Reader
	n int
}

func (l *splitLimitedReader) Read(p []byte) (int, error) {
	return l.r.Read(p[:min(len(p), l.n)])
}

// checkSplit splits text and compares the chunked parse with the whole one.
func checkSplit(t *testing.T, text []byte, comma rune, lazy bool, size, readSize int) {
	t.Helper()
	name := fmt.Sprintf("comma %q lazy %v size %d reads %d text %q", comma, lazy, size, readSize, text)
	chunks := splitAll(t, splitReads(bytes.NewReader(text), readSize), comma, lazy, size, len(text))
	want := splitParse(text, comma, lazy, 1)
	var got []splitEvent
	var off int
	for i, c := range chunks {
		if c.err != nil && c.err != io.EOF {
			t.Fatalf("%s: chunk %d: %v", name, i, c.err)
		}
		if c.line != 1+bytes.Count(text[:off], []byte("\n")) {
			t.Fatalf("%s: chunk %d at byte %d says line %d", name, i, off, c.line)
		}
		if !bytes.HasPrefix(text[off:], c.text) {
			t.Fatalf("%s: chunk %d %q is not the text at byte %d", name, i, c.text, off)
		}
		off += len(c.text)
		if c.err == nil && len(c.text) < size {
			t.Fatalf("%s: chunk %d %q is shorter than %d", name, i, c.text, size)
		}
		evs := splitParse(c.text, comma, lazy, c.line)
		if last := splitLastStart(evs); c.lastStart != last {
			t.Fatalf("%s: chunk %d %q: lastStart %d, its last record starts on line %d", name, i, c.text, c.lastStart, last)
		}
		got = append(got, evs...)
	}
	if off != len(text) {
		t.Fatalf("%s: chunks cover %d of %d bytes", name, off, len(text))
	}
	if !splitSame(got, want) {
		t.Fatalf("%s: chunked parse\n%s\nwhole parse\n%s", name, splitShow(got), splitShow(want))
	}
}

func splitLastStart(evs []splitEvent) int {
	if len(evs) == 0 {
		return 0
	}
	return evs[len(evs)-1].startLine()
}

// splitSame compares up to the first error that is not a ParseError.
func splitSame(a, b []splitEvent) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.End, y.End = 0, 0 // offsets differ by the chunk's start
		if x.Err != nil || y.Err != nil {
			return x.Err != nil && y.Err != nil
		}
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

func splitShow(evs []splitEvent) string {
	var b strings.Builder
	for _, e := range evs {
		if e.Parse != nil {
			fmt.Fprintf(&b, "  %q %+v\n", e.Fields, *e.Parse)
		} else {
			fmt.Fprintf(&b, "  %q line %d %v\n", e.Fields, e.Line, e.Err)
		}
	}
	return b.String()
}

func TestCSVSplitMatchesReader(t *testing.T) {
	for _, in := range splitTricky {
		for _, comma := range splitCommas {
			text := []byte(splitWithComma(in, comma))
			for _, lazy := range []bool{false, true} {
				for size := 0; size <= len(text)+1; size++ {
					for _, reads := range []int{0, 1, 3} {
						checkSplit(t, text, comma, lazy, size, reads)
					}
				}
			}
		}
	}
}

// splitSample is the beginning of a sample_export file (the first n bytes).
func splitSample(t testing.TB, name string, n int) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "sample_export", name))
	if err != nil {
		t.Fatal(err)
	}
	return data[:min(n, len(data))]
}

var splitSamples = []string{"messages.csv", "Comments_183746529.csv", "Shares_183746529.csv", "SearchQueries.csv", "Connections.csv"}

func TestCSVSplitSamples(t *testing.T) {
	for _, name := range splitSamples {
		text := splitSample(t, name, 1<<20)
		for _, size := range []int{1, 100, 4096, 100000} {
			for _, lazy := range []bool{false, true} {
				checkSplit(t, text, ',', lazy, size, 0)
				checkSplit(t, text, ',', lazy, size, 1000)
			}
		}
	}
}

// TestCSVSplitTight checks that a chunk is not longer than it must be: the
// text before its last record is shorter than size.
func TestCSVSplitTight(t *testing.T) {
	text := splitSample(t, "messages.csv", 1<<20)
	const size = 3000
	for _, c := range splitAll(t, bytes.NewReader(text), ',', false, size, len(text)) {
		evs := splitParse(c.text, ',', false, 1)
		if len(evs) < 2 {
			continue
		}
		if before := evs[len(evs)-2].End; before >= size {
			t.Fatalf("chunk at line %d: %d bytes, but %d before its last record", c.line, len(c.text), before)
		}
	}
}

// TestCSVSplitReadError cuts the reader short at every byte: the chunks
// must hold exactly the records read whole before the failure.
func TestCSVSplitReadError(t *testing.T) {
	texts := append([]string{}, splitTricky...)
	texts = append(texts, string(splitSample(t, "Shares_183746529.csv", 1500)))
	for _, text := range texts {
		for _, lazy := range []bool{false, true} {
			for failAt := 0; failAt <= len(text); failAt++ {
				for _, size := range []int{1, 7, 1 << 20} {
					checkSplitReadError(t, []byte(text), lazy, failAt, size)
				}
			}
		}
	}
}

// checkSplitReadError splits text[:failAt] from a reader that then fails.
func checkSplitReadError(t *testing.T, text []byte, lazy bool, failAt, size int) {
	t.Helper()
	name := fmt.Sprintf("lazy %v fail at %d size %d text %q", lazy, failAt, size, text)
	r := io.MultiReader(iotest.HalfReader(bytes.NewReader(text[:failAt])), iotest.ErrReader(io.ErrUnexpectedEOF))
	chunks := splitAll(t, r, ',', lazy, size, len(text))
	var got []byte
	lastStart := 0
	for _, c := range chunks {
		got = append(got, c.text...)
		if c.lastStart != 0 {
			lastStart = c.lastStart
		}
	}
	if err := chunks[len(chunks)-1].err; err != io.ErrUnexpectedEOF {
		t.Fatalf("%s: error %v", name, err)
	}
	// What csv reads whole before failAt: the records that end there
	// whatever follows (a quote appended would extend any other), then the
	// blank lines after them.
	whole, wantStart := 0, 0
	for _, ev := range splitParse(append(bytes.Clone(text[:failAt]), '"'), ',', lazy, 1) {
		if end := int(ev.End); end <= failAt {
			whole, wantStart = end, ev.startLine()
		}
	}
	for {
		rest := text[whole:failAt]
		if n := len(rest); n >= 1 && rest[0] == '\n' {
			whole++
		} else if n >= 2 && rest[0] == '\r' && rest[1] == '\n' {
			whole += 2
		} else {
			break
		}
	}
	if !bytes.Equal(got, text[:whole]) {
		t.Fatalf("%s: chunks hold %q, want %q", name, got, text[:whole])
	}
	if lastStart != wantStart {
		t.Fatalf("%s: last record starts on line %d, want %d", name, lastStart, wantStart)
	}
}

func TestCSVSplitBadDelimiter(t *testing.T) {
	for _, comma := range []rune{0, '"', '\r', '\n', 0xFFFD, -1, 0x110000, 0xD800} {
		chunk, _, _, err := newCSVSplitter(strings.NewReader("a,b\n"), comma, false).next(1)
		if err == nil || len(chunk) != 0 {
			t.Errorf("comma %q: chunk %q, error %v", comma, chunk, err)
		}
	}
}

// TestCSVSplitNoProgress: a reader that returns nothing forever is an error,
// not a hang.
func TestCSVSplitNoProgress(t *testing.T) {
	_, _, _, err := newCSVSplitter(splitEmptyReads{}, ',', false).next(1)
	if err != io.ErrNoProgress {
		t.Fatalf("error %v", err)
	}
}

type splitEmptyReads struct{}

func (splitEmptyReads) Read([]byte) (int, error) { return 0, nil }

// TestCSVSplitLongRecord: a record far longer than the chunk size comes
// whole, and the buffer does not grow past it by much.
func TestCSVSplitLongRecord(t *testing.T) {
	long := "\"" + strings.Repeat("x\n", 300000) + "\",y\n"
	text := "a\n" + long + "b\n"
	s := newCSVSplitter(iotest.HalfReader(strings.NewReader(text)), ',', false)
	var sizes []int
	for {
		chunk, _, _, err := s.next(1)
		sizes = append(sizes, len(chunk))
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if want := []int{2, len(long), 2}; !reflect.DeepEqual(sizes[:3], want) {
		t.Fatalf("chunk sizes %v, want %v", sizes, want)
	}
	if max := 2*len(long) + 4*splitMinRead; cap(s.buf) > max {
		t.Fatalf("buffer of %d bytes for a record of %d", cap(s.buf), len(long))
	}
}

// TestCSVSplitEnds: a huge size takes the whole text without a huge
// buffer, and the end or a failure stays put on later calls.
func TestCSVSplitEnds(t *testing.T) {
	const text = "a\n\"b\nc\"\n"
	for _, size := range []int{math.MaxInt, 1 << 40} {
		s := newCSVSplitter(strings.NewReader(text), ',', false)
		if chunk, line, last, err := s.next(size); string(chunk) != text || line != 1 || last != 2 || err != io.EOF {
			t.Fatalf("size %d: chunk %q line %d last %d error %v", size, chunk, line, last, err)
		}
		for range 2 {
			if chunk, line, last, err := s.next(size); len(chunk) != 0 || line != 4 || last != 0 || err != io.EOF {
				t.Fatalf("size %d after the end: chunk %q line %d last %d error %v", size, chunk, line, last, err)
			}
		}
	}
	r := io.MultiReader(strings.NewReader("a\nb"), iotest.ErrReader(io.ErrUnexpectedEOF))
	s := newCSVSplitter(r, ',', false)
	if chunk, _, last, err := s.next(100); string(chunk) != "a\n" || last != 1 || err != io.ErrUnexpectedEOF {
		t.Fatalf("failure: chunk %q last %d error %v", chunk, last, err)
	}
	for range 2 {
		if chunk, _, last, err := s.next(100); len(chunk) != 0 || last != 0 || err != io.ErrUnexpectedEOF {
			t.Fatalf("after a failure: chunk %q last %d error %v", chunk, last, err)
		}
	}
}

// FuzzCSVSplit compares a chunked parse with a whole one on any text, and
// cuts the reader short at failAt.
func FuzzCSVSplit(f *testing.F) {
	for _, name := range splitSamples[:4] {
		f.Add(splitSample(f, name, 2000), uint8(0), false, uint8(64), uint8(0), uint16(1000))
	}
	for i, in := range splitTricky {
		f.Add([]byte(in), uint8(i), i%2 == 0, uint8(i%5), uint8(i%3), uint16(len(in)/2))
	}
	f.Fuzz(func(t *testing.T, text []byte, commaSel uint8, lazy bool, size, reads uint8, failAt uint16) {
		comma := splitCommas[int(commaSel)%len(splitCommas)]
		checkSplit(t, text, comma, lazy, 1+int(size)%64, int(reads)%8)
		if comma == ',' && int(failAt) <= len(text) {
			checkSplitReadError(t, text, lazy, int(failAt), 1+int(size)%64)
		}
	})
}

// BenchmarkCSVSplit splits about 16 MB of sample files repeated, in 1 MB
// chunks, from a reader that copies as a decoder would:
//
//	go test ./parse -run '^$' -bench CSVSplit
func BenchmarkCSVSplit(b *testing.B) {
	for _, name := range []string{"messages.csv", "Shares_183746529.csv", "Reactions_183746529.csv"} {
		b.Run(strings.TrimSuffix(name, ".csv"), func(b *testing.B) {
			one := splitSample(b, name, 1<<30)
			text := bytes.Repeat(one, (16<<20)/len(one)+1)
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for b.Loop() {
				s := newCSVSplitter(bytes.NewReader(text), ',', false)
				for {
					if _, _, _, err := s.next(1 << 20); err != nil {
						if err != io.EOF {
							b.Fatal(err)
						}
						break
					}
				}
			}
		})
	}
}
