package parse

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The splitter's bounds (Limits.MaxField, MaxRecord): what they exclude
// depends on the text alone, never on how it is read or cut; the chunks and
// the records excluded cover the text's lines in order; and no record
// handed on is longer than the bound.

// boundEvent is a run of chunk text, or a record the bounds excluded.
type boundEvent struct {
	text string
	bad  string // the recordError, with its lines and size
	from int    // bad: its lines
	to   int
}

// splitBounded splits text with bounds and returns its events, the chunks
// between two excluded records joined into one.
func splitBounded(t testing.TB, text []byte, comma rune, lazy bool, maxField, maxRecord int, stopLong bool, size, reads int) []boundEvent {
	t.Helper()
	s := newCSVSplitter(splitReads(bytes.NewReader(text), reads), comma, lazy)
	s.limit(maxField, maxRecord, stopLong)
	var out []boundEvent
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, boundEvent{text: cur.String()})
			cur.Reset()
		}
	}
	for range 4*len(text) + 8 {
		chunk, _, _, err := s.next(size)
		checkChunkRecords(t, chunk, comma, lazy, maxRecord)
		cur.Write(chunk)
		var bad *recordError
		switch {
		case errors.As(err, &bad):
			flush()
			out = append(out, boundEvent{bad: fmt.Sprintf("%d %d-%d %d", bad.kind, bad.Line, bad.EndLine, bad.Size), from: bad.Line, to: bad.EndLine})
			if bad.fatal() {
				return out
			}
		case err == io.EOF:
			flush()
			return out
		case err != nil:
			t.Fatalf("error %v", err)
		}
	}
	t.Fatalf("no end")
	return nil
}

// checkChunkRecords fails when a record of chunk is longer than max.
func checkChunkRecords(t testing.TB, chunk []byte, comma rune, lazy bool, max int) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(chunk))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, lazy, -1
	var off int64
	for {
		_, err := r.Read()
		if err == io.EOF {
			return
		}
		end := r.InputOffset()
		// A record's own bytes, without the blank lines before it.
		rec := bytes.TrimLeft(chunk[off:end], "\r\n")
		if n := len(rec); n > max {
			t.Fatalf("a record of %d bytes handed on, bound %d: %q", n, max, rec)
		}
		off = end
	}
}

// textLines splits text into lines, each with its '\n'.
func textLines(text []byte) []string {
	return strings.SplitAfter(string(text), "\n")
}

func checkBounded(t *testing.T, text []byte, comma rune, lazy bool, maxField, maxRecord int, stopLong bool) {
	t.Helper()
	want := splitBounded(t, text, comma, lazy, maxField, maxRecord, stopLong, 1<<20, 0)
	for _, size := range []int{1, 7, 64} {
		for _, reads := range []int{0, 1, 3} {
			got := splitBounded(t, text, comma, lazy, maxField, maxRecord, stopLong, size, reads)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("text %q, bounds %d/%d, size %d reads %d:\n%v\nwhole:\n%v", text, maxField, maxRecord, size, reads, got, want)
			}
		}
	}
	// The events cover the text's lines in order.
	lines := textLines(text)
	var b strings.Builder
	stopped := false
	for _, ev := range want {
		if ev.bad == "" {
			b.WriteString(ev.text)
			continue
		}
		if ev.from < 1 || ev.to < ev.from || ev.to > len(lines) {
			t.Fatalf("text %q: excluded lines %d-%d of %d", text, ev.from, ev.to, len(lines))
		}
		if strings.HasPrefix(ev.bad, fmt.Sprint(recStopLine)) || strings.HasPrefix(ev.bad, fmt.Sprint(recStopQuotes)) {
			stopped = true
			break
		}
		b.WriteString(strings.Join(lines[ev.from-1:ev.to], ""))
	}
	if got := b.String(); stopped && !strings.HasPrefix(string(text), got) || !stopped && got != string(text) {
		t.Fatalf("text %q: the events cover %q", text, got)
	}
}

var boundTexts = []string{
	"a,b\n\"open\nc,d\ne,f\n",
	"a,\"x\ny\"\nb,\"" + strings.Repeat("z", 40) + "\"\nc\n",
	"h\n\"" + strings.Repeat("q\n", 30) + "\"\nlast\n",
	"h\n" + strings.Repeat("w", 100) + "\nnext\n",
	"h\n" + strings.Repeat("w", 100),
	"h\n,\"x\n" + strings.Repeat(",\"x\n", 40),
	"\"a\"\"\n\"\"b\n" + strings.Repeat("c", 50) + "\n",
	"x\r\n\"" + strings.Repeat("y\r\n", 20) + "\"\r\n",
	"a,\"b\nc\",d,\"" + strings.Repeat("e", 30) + "\nf\n",
}

func TestCSVSplitBounds(t *testing.T) {
	for _, text := range boundTexts {
		for _, lazy := range []bool{false, true} {
			for _, stop := range []bool{false, true} {
				for _, bounds := range [][2]int{{8, 16}, {16, 32}, {4, 64}, {64, 8}, {1, 1}} {
					checkBounded(t, []byte(text), ',', lazy, bounds[0], bounds[1], stop)
				}
			}
		}
	}
}

// An unclosed quote is rejected and the text read again after its line;
// a long line is skipped with its size.
func TestCSVSplitBoundsExamples(t *testing.T) {
	text := "h\n1,\"open\n2,x\n3,y\n4,z\n"
	got := splitBounded(t, []byte(text), ',', false, 8, 64, false, 1<<20, 0)
	if len(got) != 3 || got[0].text != "h\n" || got[1].from != 2 || got[1].to != 2 || got[2].text != "2,x\n3,y\n4,z\n" {
		t.Errorf("unclosed quote: %v", got)
	}
	text = "h\n" + strings.Repeat("w", 100) + "\nnext\n"
	got = splitBounded(t, []byte(text), ',', false, 8, 16, false, 1<<20, 1)
	if len(got) != 3 || got[1].bad != fmt.Sprintf("%d 2-2 101", recLongLine) || got[2].text != "next\n" {
		t.Errorf("long line: %v", got)
	}
	got = splitBounded(t, []byte(text), ',', false, 8, 16, true, 1<<20, 1)
	if len(got) != 2 || !strings.HasPrefix(got[1].bad, fmt.Sprintf("%d 2-2", recStopLine)) {
		t.Errorf("long line, stopping: %v", got)
	}
}

// FuzzCSVSplitBounds checks the bounds on any text.
func FuzzCSVSplitBounds(f *testing.F) {
	for i, text := range boundTexts {
		f.Add([]byte(text), i%2 == 0, uint8(8+i), uint8(16+i), i%3 == 0)
	}
	for _, name := range splitSamples[:3] {
		f.Add(splitSample(f, name, 2000), false, uint8(40), uint8(200), false)
	}
	f.Fuzz(func(t *testing.T, text []byte, lazy bool, field, record uint8, stop bool) {
		checkBounded(t, text, ',', lazy, 1+int(field), 1+int(record), stop)
	})
}
