package analysis_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"exposure/analysis"
	"exposure/analysis/analysistest"
	"exposure/parse"
	"exposure/policy"
)

var asOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// exportName names a fixture folder like LinkedIn's archive, so that the
// export's type and date are read from it.
const exportName = "Complete_LinkedInDataExport_11-20-2026"

// writeExport writes files (slash-separated paths) into a new export folder.
func writeExport(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), exportName)
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// smallExport is a few rows of the files that matter: the member's facts,
// public and network posts on both sides of the EU window's start,
// reactions (two identical), a message and a skill.
var smallExport = map[string]string{
	"Profile.csv":      "First Name,Last Name,Geo Location\nAda,Example,\"Brussels, Belgium\"\n",
	"Registration.csv": "Registered At,Registration Ip,Subscription Types\n\"4/17/09, 8:32 PM\",192.0.2.44,\n",
	"Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" +
		"2025-10-01 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1001,A public post,,,PUBLIC\n" +
		"2025-11-20 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1004,Network post,,,MEMBER_NETWORK\n" +
		"2026-01-10 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1005,After my opt-out,,,PUBLIC\n",
	"Reactions.csv": "Date,Type,Link\n" +
		"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n" +
		"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n" +
		"2025-10-21 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:2\n" +
		"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n",
	"messages.csv": "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n" +
		"c1,,Jean Exemple,,Ada Example,,2025-10-05 11:00:00 UTC,Coffee?,Shall we meet?,INBOX,\n",
	"Skills.csv": "Name\nPrivacy by Design\n",
}

// rows is an ItemWriter that keeps the rows it is given, in order: the
// items' IDs, or their whole content.
type rows struct {
	row  func(it *parse.Item, c *policy.Result) string
	got  []string
	ends int
}

func (w *rows) Begin(*analysis.Result) error { return nil }
func (w *rows) AppendRow(dst []byte, it *parse.Item, c *policy.Result) []byte {
	return append(dst, w.row(it, c)...)
}
func (w *rows) WriteRow(row []byte) error  { w.got = append(w.got, string(row)); return nil }
func (w *rows) End(*analysis.Result) error { w.ends++; return nil }

func ids() *rows { return &rows{row: func(it *parse.Item, _ *policy.Result) string { return it.ID }} }

func eu() analysis.Options {
	return analysis.Options{Policy: policy.Default(), Given: analysis.Facts{Region: "EU", OptOut: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)}, Today: asOf}
}

func run(t *testing.T, src analysis.Source, opt analysis.Options) *analysis.Result {
	t.Helper()
	r, err := analysis.Run(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Identical rows get their rank only when committed, after their rows were
// made: the writers are given them again with the ranked ID, so that each
// ID is written once, and as committed.
func TestRunWritesRankedIDs(t *testing.T) {
	dir := writeExport(t, smallExport)
	a, b := ids(), ids()
	opt := eu()
	opt.Writers = []analysis.ItemWriter{a, b}
	r := run(t, analysis.Source{Paths: []string{dir}}, opt)
	if len(a.got) != r.Tally.Items || !slicesEqual(a.got, b.got) || a.ends != 1 || b.ends != 1 {
		t.Fatalf("writers got %d and %d rows (ended %d, %d times) for %d items", len(a.got), len(b.got), a.ends, b.ends, r.Tally.Items)
	}
	seen := map[string]bool{}
	for _, id := range a.got {
		if seen[id] {
			t.Errorf("ID %s twice", id)
		}
		seen[id] = true
	}
	if r.Tally.Kinds[parse.KindReaction].N != 4 {
		t.Errorf("reactions: %d, want 4", r.Tally.Kinds[parse.KindReaction].N)
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The facts given win over the export's; the export's over the defaults;
// each says where it came from.
func TestResolveMember(t *testing.T) {
	p := policy.Default()
	reg := time.Date(2009, 4, 17, 0, 0, 0, 0, time.UTC)
	brussels := parse.Member{GeoLocation: "Brussels, Belgium", BirthYear: 1984, Registered: reg}
	for _, tc := range []struct {
		name                string
		given               analysis.Facts
		x                   parse.Member
		region, regionFrom  string
		born, bornFrom      string
		yearOnly, wantError bool
	}{
		{"from the export", analysis.Facts{}, brussels, "EU", "profile", "1984-01-01", "verifications", true, false},
		{"given", analysis.Facts{Region: "UK", Born: time.Date(1990, 5, 2, 0, 0, 0, 0, time.UTC)}, brussels, "UK", "flag", "1990-05-02", "flag", false, false},
		{"nothing known", analysis.Facts{}, parse.Member{}, "US", "default", "0001-01-01", "", false, false},
		{"unknown region", analysis.Facts{Region: "XX"}, brussels, "", "", "", "", false, true},
	} {
		m, err := analysis.ResolveMember(p, tc.given, tc.x)
		if (err != nil) != tc.wantError {
			t.Fatalf("%s: error %v", tc.name, err)
		}
		if err != nil {
			continue
		}
		if m.Region != tc.region || m.RegionSource != tc.regionFrom || m.Born.Format(time.DateOnly) != tc.born ||
			m.BornSource != tc.bornFrom || m.BornYearOnly != tc.yearOnly || !m.Registered.Equal(tc.x.Registered) {
			t.Errorf("%s: %+v", tc.name, m)
		}
	}
}

// An archive read through io.ReaderAt gives the result a path gives.
func TestRunZipsAsPaths(t *testing.T) {
	dir := writeExport(t, smallExport)
	zipped := analysistest.ZipFolder(t, dir)
	a, b := ids(), ids()
	opt := eu()
	opt.Writers = []analysis.ItemWriter{a}
	byPath := run(t, analysis.Source{Paths: []string{dir}}, opt)
	opt.Writers = []analysis.ItemWriter{b}
	byReader := run(t, analysis.Source{Zips: []parse.ZipReader{{Name: exportName + ".zip", R: bytes.NewReader(zipped), Size: int64(len(zipped))}}}, opt)
	if !slicesEqual(a.got, b.got) || byPath.Tally.ByOutcome != byReader.Tally.ByOutcome || !byPath.Export.Date.Equal(byReader.Export.Date) {
		t.Errorf("by path %v %v, by reader %v %v", byPath.Tally.ByOutcome, byPath.Export.Date, byReader.Tally.ByOutcome, byReader.Export.Date)
	}
}
