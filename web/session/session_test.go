package session

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"exposure/analysis"
	"exposure/analysis/analysistest"
	"exposure/parse"
	"exposure/parse/parsetest"
	"exposure/policy"
	"exposure/report"
)

const sampleDir = "../../sample_export"

var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// sampleZip zips the sample export as LinkedIn would send it.
func sampleZip(t *testing.T) []byte { return analysistest.ZipFolder(t, sampleDir) }

const zipName = "Complete_LinkedInDataExport_11-20-2026.zip"

func zipInput(data []byte) Input {
	return Input{Zips: []parse.ZipReader{{Name: zipName, R: bytes.NewReader(data), Size: int64(len(data))}}}
}

// direct runs the command line's engine on the same archive: the JSON, the
// CSV and the HTML report it writes.
func direct(t *testing.T, data []byte, f Facts, lang string) (js, csv, html string) {
	t.Helper()
	given, err := f.parse(policy.Default())
	if err != nil {
		t.Fatal(err)
	}
	var j, c, h bytes.Buffer
	r, err := analysis.Run(zipInput(data).source(context.Background()), analysis.Options{Policy: policy.Default(), Given: given, Today: asOf,
		Writers: []analysis.ItemWriter{report.NewJSONWriter(&j, false), report.NewCSVWriter(&c, false)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := report.WriteHTML(&h, r, report.HTMLOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	return j.String(), c.String(), h.String()
}

func outputs(t *testing.T, s *Session, o Options) (js, csv, html string) {
	t.Helper()
	var j, c bytes.Buffer
	ctx := context.Background()
	if err := s.Write(ctx, o, "json", &j); err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, o, "csv", &c); err != nil {
		t.Fatal(err)
	}
	r, err := s.Report(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	return j.String(), c.String(), string(r.HTML)
}

// The session's outputs are byte for byte the command line's, whether it
// read the archive or replayed the items it kept; changing the facts
// re-classifies the kept items without reading the archive again.
func TestSessionMatchesCommandLine(t *testing.T) {
	data := sampleZip(t)
	s, err := New(policy.Default(), zipInput(data))
	if err != nil {
		t.Fatal(err)
	}
	s.Today = func() time.Time { return asOf }
	var progress []Progress
	s.Progress = func(p Progress) { progress = append(progress, p) }

	first, err := s.Report(context.Background(), Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if reads, replays := s.Counts(); reads != 1 || replays != 0 {
		t.Fatalf("after the first report: %d reads, %d replays; want 1, 0", reads, replays)
	}
	if first.Summary.Region != "EU" || first.Summary.RegionSource != "profile" || first.Summary.Born != "1984" || first.Summary.KeptItems != first.Summary.Items {
		t.Errorf("summary %+v", first.Summary)
	}
	if len(progress) == 0 {
		t.Fatal("no progress reported")
	}
	last := progress[len(progress)-1]
	if last.Done != last.Total || last.Total == 0 || last.Items != first.Summary.Items || last.Files == 0 {
		t.Errorf("last progress %+v, want every byte and %d items", last, first.Summary.Items)
	}
	_, _, wantHTML := direct(t, data, Facts{}, "en")
	if string(first.HTML) != wantHTML {
		t.Error("the first report differs from the command line's")
	}

	for i, f := range []Facts{
		{OptOut: "2025-12-01"},
		{Region: "uk", OptOut: "2024-09-01", Born: "2010"},
		{Objection: "2025-11-02", AsOf: "2025-12-31"},
	} {
		for _, lang := range []string{"en", "fr"}[:1+i%2] {
			js, csv, html := outputs(t, s, Options{Facts: f, Lang: lang})
			wantJS, wantCSV, wantHTML := direct(t, data, f, lang)
			if js != wantJS {
				t.Errorf("%+v: the JSON differs from the command line's", f)
			}
			if csv != wantCSV {
				t.Errorf("%+v: the CSV differs from the command line's", f)
			}
			if html != wantHTML {
				t.Errorf("%+v %s: the report differs from the command line's", f, lang)
			}
		}
	}
	if reads, _ := s.Counts(); reads != 1 {
		t.Errorf("the archive was read %d times, want once", reads)
	}
	items, kept, why := s.Kept()
	t.Logf("kept %d items in %d bytes (%v)", items, kept, why)
}

// Past its budget the session keeps no item and reads the archive again;
// the outputs are the same.
func TestSessionOverBudget(t *testing.T) {
	data := sampleZip(t)
	s, err := New(policy.Default(), zipInput(data))
	if err != nil {
		t.Fatal(err)
	}
	s.Today = func() time.Time { return asOf }
	s.Budget = 1 << 20
	f := Facts{OptOut: "2025-12-01"}
	js, _, _ := outputs(t, s, Options{Facts: f, Lang: "en"})
	wantJS, _, _ := direct(t, data, f, "en")
	if js != wantJS {
		t.Error("the JSON differs from the command line's")
	}
	if reads, replays := s.Counts(); reads != 3 || replays != 0 {
		t.Errorf("%d reads, %d replays; want 3, 0", reads, replays)
	}
	r, err := s.Report(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Summary.KeptItems != 0 || !strings.Contains(r.Summary.NotKept, "memory") {
		t.Errorf("summary %+v: want no item kept, and why", r.Summary)
	}
}

// A folder given through fs.FS is read as the archive is.
func TestSessionFolder(t *testing.T) {
	s, err := New(policy.Default(), Input{Dirs: []parse.DirFS{{Name: "Complete_LinkedInDataExport_11-20-2026", FS: os.DirFS(sampleDir)}}})
	if err != nil {
		t.Fatal(err)
	}
	s.Today = func() time.Time { return asOf }
	r, err := s.Report(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := parsetest.Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Summary.Items != len(want.Items) || r.Summary.ExportDate != "2026-11-20" {
		t.Errorf("summary %+v, want %d items exported 2026-11-20", r.Summary, len(want.Items))
	}
}

// cancelAt is an archive whose reads cancel the run once n have been made.
type cancelAt struct {
	r      io.ReaderAt
	n      atomic.Int32
	cancel func()
}

func (c *cancelAt) ReadAt(p []byte, off int64) (int, error) {
	if c.n.Add(-1) == 0 {
		c.cancel()
	}
	return c.r.ReadAt(p, off)
}

// A cancelled run ends with context.Canceled, keeps nothing, and the next
// run reads the archive whole.
func TestSessionCancel(t *testing.T) {
	data := sampleZip(t)
	ctx, cancel := context.WithCancel(context.Background())
	r := &cancelAt{r: bytes.NewReader(data), cancel: cancel}
	r.n.Store(40)
	in := Input{Zips: []parse.ZipReader{{Name: zipName, R: r, Size: int64(len(data))}}}
	s, err := New(policy.Default(), in)
	if err != nil {
		t.Fatal(err)
	}
	s.Today = func() time.Time { return asOf }
	if _, err := s.Report(ctx, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if n, _, _ := s.Kept(); n != 0 {
		t.Errorf("%d items kept from a cancelled read", n)
	}
	rep, err := s.Report(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rep; r.Summary.Reads != 2 || r.Summary.KeptItems != r.Summary.Items {
		t.Errorf("summary %+v", r.Summary)
	}
	// Replays stop too.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if _, err := s.Report(ctx, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("replay: error %v, want context.Canceled", err)
	}
}

// The session compares an older archive, or a saved result, with its
// export as the command line's diff does.
func TestSessionCompare(t *testing.T) {
	data := sampleZip(t)
	s, err := New(policy.Default(), zipInput(data))
	if err != nil {
		t.Fatal(err)
	}
	s.Today = func() time.Time { return asOf }
	o := Options{Facts: Facts{Region: "EU", OptOut: "2025-12-01"}, Lang: "en"}
	if _, err := s.Report(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var saved bytes.Buffer
	old := Options{Facts: Facts{Region: "EU"}, Lang: "en"}
	if err := s.Write(context.Background(), old, "json", &saved); err != nil {
		t.Fatal(err)
	}
	given, _ := o.Facts.parse(policy.Default())
	opt := analysis.Options{Policy: policy.Default(), Given: given, Today: asOf}
	for name, in := range map[string]Input{
		"archive": zipInput(data),
		"saved":   {Saved: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(saved.Bytes())), nil }, SavedName: "result.json"},
	} {
		html, err := s.Compare(context.Background(), in, o)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got bytes.Buffer
		if err := s.WriteDiffJSON(&got); err != nil {
			t.Fatal(err)
		}
		oldSrc := zipInput(data).source(context.Background())
		if in.Saved != nil {
			oldSrc = analysis.Source{SavedJSON: bytes.NewReader(saved.Bytes()), SavedName: "result.json"}
		}
		d, err := analysis.Compare(oldSrc, zipInput(data).source(context.Background()), opt, opt, 0)
		if err != nil {
			t.Fatal(err)
		}
		var want, wantHTML bytes.Buffer
		if err := report.WriteDiffJSON(&want, d); err != nil {
			t.Fatal(err)
		}
		if err := report.WriteDiffHTML(&wantHTML, d, report.HTMLOptions{Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() || string(html) != wantHTML.String() {
			t.Errorf("%s: the comparison differs from the command line's", name)
		}
	}
	if reads, _ := s.Counts(); reads != 1 {
		t.Errorf("the archive was read %d times, want once", reads)
	}
}

// Facts the page cannot read are refused, naming the field.
func TestSessionRefusesFacts(t *testing.T) {
	s, err := New(policy.Default(), zipInput(sampleZip(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Facts{{OptOut: "1/12/2025"}, {Region: "Mars"}, {Born: "eighty"}, {AsOf: "tomorrow"}} {
		_, err := s.Report(context.Background(), Options{Facts: f})
		var fe *FactError
		if !errors.As(err, &fe) {
			t.Errorf("%+v: error %v, want a FactError", f, err)
		}
	}
	if _, err := New(policy.Default(), Input{}); err == nil {
		t.Error("a session without an export was started")
	}
}

// A record takes the 48 bytes the budget counts, on every platform.
func TestRecordSize(t *testing.T) {
	if n := unsafe.Sizeof(itemRec{}); n != recSize {
		t.Errorf("itemRec is %d bytes, recSize says %d", n, recSize)
	}
}

// Every field of an item survives the cache, odd ones included.
func TestCacheKeepsItems(t *testing.T) {
	items := []parse.Item{
		{ID: "0123456789abcdef01234567", Kind: parse.KindPost, File: "Shares.csv", Line: 7, Date: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC),
			Basis: parse.DateExact, Visibility: "PUBLIC", Text: "Hello ✓", Flags: []string{"draft", "ai_turn"}},
		{ID: "not-hex", Kind: "future_kind", File: "Future.csv", Line: -1, Basis: parse.DateNone},
		{ID: "0123456789ABCDEF01234567", Kind: parse.KindPosition, File: "Positions.csv", Line: 2,
			Date: time.Date(1970, 1, 1, 0, 0, 0, 5, time.UTC), Basis: parse.DateLowerBound},
	}
	rec := newRecorder(0)
	for i := range items {
		if err := rec.WriteRow(rec.AppendRow(nil, &items[i], nil)); err != nil {
			t.Fatal(err)
		}
	}
	c, err := rec.done()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range items {
		var got parse.Item
		c.item(i, &got)
		if got.ID != want.ID || got.Kind != want.Kind || got.File != want.File || got.Line != want.Line || !got.Date.Equal(want.Date) ||
			got.Basis != want.Basis || got.Visibility != want.Visibility || got.Text != want.Text || strings.Join(got.Flags, ",") != strings.Join(want.Flags, ",") {
			t.Errorf("item %d: got %+v, want %+v", i, got, want)
		}
	}
}

// A row cut short anywhere, or with bytes after its end, does not decode.
func TestDecodeRowRefusesDamage(t *testing.T) {
	it := parse.Item{ID: "0123456789abcdef01234567", Kind: parse.KindPost, File: "Shares.csv", Line: 3,
		Date: time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), Basis: parse.DateExact, Text: "Hello", Flags: []string{"draft"}}
	row := newRecorder(0).AppendRow(nil, &it, nil)
	if _, ok := decodeRow(row); !ok {
		t.Fatal("the whole row does not decode")
	}
	for n := range len(row) {
		if _, ok := decodeRow(row[:n]); ok {
			t.Errorf("the row cut to %d of %d bytes decodes", n, len(row))
		}
	}
	if _, ok := decodeRow(append(row, 0)); ok {
		t.Error("a row with a byte after its end decodes")
	}
}
