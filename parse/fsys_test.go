package parse

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// A folder read through fs.FS gives what the same folder read from its
// path gives: every file, row, item and problem, in the same order.
func TestScanFSMatchesScan(t *testing.T) {
	want, err := Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	var progressed int64
	got, err := keepAll(func(start func(Member) (Sink, error)) (*Export, error) {
		return ScanFS([]DirFS{{Name: sampleDir, FS: os.DirFS(sampleDir)}}, func(done, total int64) { progressed = done }, start)
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ScanFS differs from Scan (-Scan +ScanFS):\n%s", diff)
	}
	if progressed == 0 {
		t.Error("no progress reported")
	}
}

// A wrapping folder is removed, litter and links are skipped and
// reported, and a folder that holds no export is refused as Scan refuses it.
func TestScanFSFolderShapes(t *testing.T) {
	files := sampleFiles(t)
	m := fstest.MapFS{}
	for name, data := range files {
		m["Basic_LinkedInDataExport_10-15-2026/"+name] = &fstest.MapFile{Data: data}
	}
	m["Basic_LinkedInDataExport_10-15-2026/.DS_Store"] = &fstest.MapFile{Data: []byte("x")}
	m["Basic_LinkedInDataExport_10-15-2026/elsewhere.csv"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	x, err := keepAll(func(start func(Member) (Sink, error)) (*Export, error) {
		return ScanFS([]DirFS{{Name: "Basic_LinkedInDataExport_10-15-2026", FS: m}}, nil, start)
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Items) != len(want.Items) || len(x.Files) != len(want.Files) {
		t.Errorf("%d items in %d files, want %d in %d", len(x.Items), len(x.Files), len(want.Items), len(want.Files))
	}
	if x.Type != "Basic" || x.Date.Format("2006-01-02") != "2026-10-15" {
		t.Errorf("type %q, date %v: want Basic, 2026-10-15 from the folder's name", x.Type, x.Date)
	}
	skipped := map[string]bool{}
	for _, p := range x.Problems {
		skipped[p.File] = true
	}
	if !skipped["Basic_LinkedInDataExport_10-15-2026/.DS_Store"] || !skipped["Basic_LinkedInDataExport_10-15-2026/elsewhere.csv (symbolic link, not followed)"] {
		t.Errorf("problems %v: want .DS_Store and the link skipped", x.Problems)
	}

	_, err = ScanFS([]DirFS{{Name: "photos", FS: fstest.MapFS{"cat.jpg": {Data: []byte("x")}}}}, nil, func(Member) (Sink, error) { return &collector{}, nil })
	if err == nil {
		t.Error("a folder of photos was read as an export")
	}
}
