package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

// trickyStrings are the values where a hand-written encoder most easily
// drifts from the standard library.
var trickyStrings = []string{
	"", "plain", "<a href=\"x\">&amp;</a>", `back\slash`, "quote\"d",
	"\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x1f", "\x7f", "line\nbreak", "cr\rlf\r\n",
	"\u2028\u2029", "a\u2028b\u2029c", "\u2027\u202a", "éàü ñ 日本語 🎉",
	"\xff", "\xc3", "ok\xc3(", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xef\xbf\xbd",
	"a,b", " lead", "\tlead", "\u00a0nbsp", "\u3000ideo", "\u0085nel", "\v", "\f",
	`\.`, `\.x`, `.\`, `"`, `""`, "trail ", "=1+2", "'", "\xa0",
}

func stdItemJSON(t testing.TB, j *itemJSON) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func stdCSVRecord(t testing.TB, fields []string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.Write(fields); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func checkItemJSON(t testing.TB, j *itemJSON) {
	t.Helper()
	want := stdItemJSON(t, j)
	// A non-empty prefix checks that the appender appends rather than
	// overwrites.
	got := appendItemJSON([]byte("pre"), j)
	if !bytes.Equal(got[3:], want) || string(got[:3]) != "pre" {
		t.Fatalf("appendItemJSON(%+v)\n got %q\nwant %q", *j, got[3:], want)
	}
}

func checkCSVRecord(t testing.TB, fields []string) {
	t.Helper()
	want := stdCSVRecord(t, fields)
	got := appendCSVRecord([]byte("pre"), fields)
	if !bytes.Equal(got[3:], want) || string(got[:3]) != "pre" {
		t.Fatalf("appendCSVRecord(%q)\n got %q\nwant %q", fields, got[3:], want)
	}
}

func TestAppendItemJSON(t *testing.T) {
	items := []itemJSON{
		{},
		{Flags: []string{}},
		{Date: itemDate{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)}, Flags: []string{""}},
		{Date: itemDate{time.Date(2025, 11, 3, 23, 30, 59, 999999999, time.FixedZone("CET", 3600))}},
		{Date: itemDate{time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)}},
		realisticItem(),
		{ID: "x", Line: -1, Flags: []string{"a", "b"}},
		{Line: math.MaxInt, Flags: []string{"\u2028"}},
		{Line: math.MinInt, Visibility: "v", Outcome: "o", Reason: "r", Confidence: "c", Text: "t"},
	}
	for _, s := range trickyStrings {
		items = append(items, itemJSON{
			ID: s, File: s, Kind: s, DateBasis: s, Visibility: s,
			Outcome: s, Reason: s, Confidence: s, Flags: []string{s, s}, Text: s,
		})
	}
	for i := range items {
		checkItemJSON(t, &items[i])
	}
}

func TestAppendCSVRecord(t *testing.T) {
	records := [][]string{nil, {}, {""}, {"", ""}, csvHeader}
	for _, s := range trickyStrings {
		records = append(records, []string{s}, []string{s, "x", s})
	}
	for _, r := range records {
		checkCSVRecord(t, r)
	}
}

// TestAppendAllocs guards the point of the appenders: no allocation per
// item once the buffer has grown.
func TestAppendAllocs(t *testing.T) {
	j := realisticItem()
	row := []string{j.ID, j.File, "42", j.Kind, j.Date.text(), j.Text, "a\"b", " x", "\xff"}
	buf := make([]byte, 0, 4096)
	if n := testing.AllocsPerRun(100, func() { buf = appendItemJSON(buf[:0], &j) }); n != 0 {
		t.Errorf("appendItemJSON: %v allocs, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { buf = appendCSVRecord(buf[:0], row) }); n != 0 {
		t.Errorf("appendCSVRecord: %v allocs, want 0", n)
	}
}

// fuzzFlags maps mode to the three shapes encoding/json tells apart: nil,
// empty, and a list split from s.
func fuzzFlags(mode uint8, s string) []string {
	switch mode % 3 {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	return strings.Split(s, "|")
}

func FuzzAppendItemJSON(f *testing.F) {
	for i, s := range trickyStrings {
		f.Add(s, s, i, s, i%2 == 0, int64(i)*1e9, s, s, s, s, s, uint8(i), s+"|"+s, s)
	}
	f.Add("0123456789abcdef01234567", "messages.csv", 42, "message", true, int64(1680674828),
		"exact", "", "excluded", "private_messages", "high", uint8(2), "historical", "")
	f.Fuzz(func(t *testing.T, id, file string, line int, kind string, hasDate bool, unix int64, basis,
		vis, outcome, reason, conf string, flagMode uint8, flags, text string) {
		j := itemJSON{
			ID: id, File: file, Line: line, Kind: kind, DateBasis: basis,
			Visibility: vis, Outcome: outcome, Reason: reason, Confidence: conf,
			Flags: fuzzFlags(flagMode, flags), Text: text,
		}
		if hasDate { // any instant, in a zone of its own
			j.Date = itemDate{time.Unix(unix%(1<<36), unix%1e9).In(time.FixedZone("", int(unix%(14*3600))))}
		}
		checkItemJSON(t, &j)
	})
}

func FuzzAppendCSVRecord(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(uint8(1), s, s, s)
		f.Add(uint8(3), s, "x", s+",")
	}
	f.Fuzz(func(t *testing.T, n uint8, a, b, c string) {
		fields := []string{a, b, c}[:n%4]
		checkCSVRecord(t, fields)
	})
}

// realisticItem is a typical classified message: accents in the text make
// the escaper take its multi-byte path.
func realisticItem() itemJSON {
	text := strings.Repeat("Réunion à Zürich, café crème ", 5)
	text = string([]rune(text)[:140])
	return itemJSON{
		ID: "3f2a9c0d1e4b5a6978c0d1e2", File: "messages.csv", Line: 1234, Kind: "message",
		Date: itemDate{time.Date(2021, 6, 15, 9, 30, 0, 0, time.UTC)}, DateBasis: "exact", Outcome: "excluded",
		Reason: "private_messages", Confidence: "high", Flags: []string{"historical"}, Text: text,
	}
}

func BenchmarkAppendItemJSON(b *testing.B) {
	j := realisticItem()
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = appendItemJSON(buf[:0], &j)
	}
	b.SetBytes(int64(len(buf)))
}

func BenchmarkEncoderItemJSON(b *testing.B) {
	j := realisticItem()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		// By value, as the encoder-based writer did: the interface
		// conversion copies the struct to the heap.
		if err := enc.Encode(j); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(out.Len() - 1))
}

// TestItemDateJSON: an item's date is the JSON string of its RFC 3339 text
// in UTC, as the result wrote it before it was appended in place, and null
// when there is none.
func TestItemDateJSON(t *testing.T) {
	for _, d := range []time.Time{
		{}, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 11, 3, 0, 30, 0, 5, time.FixedZone("CET", 3600)),
		time.Date(-20, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(12000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -3*3600-1800)),
	} {
		want := []byte("null")
		if !d.IsZero() {
			want, _ = json.Marshal(d.UTC().Format(time.RFC3339))
		}
		if got := appendItemDate(nil, itemDate{d}); !bytes.Equal(got, want) {
			t.Errorf("%v: %s, want %s", d, got, want)
		}
	}
}
