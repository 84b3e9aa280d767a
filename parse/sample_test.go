package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const sampleDir = "../sample_export"

func sampleFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(sampleDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(sampleDir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// The sample export reads without a rejected row or a problem, every file
// is recognised but the one LinkedIn "might add", and the member facts the
// policy needs are found.
func TestSampleExport(t *testing.T) {
	x, err := Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	checkAccounting(t, x)
	for _, f := range x.Files {
		if f.Rejected != 0 || len(f.Problems) != 0 {
			t.Errorf("%s: %d rejected, problems %v", f.Path, f.Rejected, f.Problems)
		}
	}
	if len(x.Unknown) != 1 || x.Unknown[0].Path != "Future_Feature.csv" || x.Unknown[0].Rows != 3 {
		t.Errorf("unknown files %+v, want Future_Feature.csv with 3 rows", x.Unknown)
	}
	if !strings.Contains(x.Member.GeoLocation, "Belgium") || x.Member.BirthYear != 1984 || x.Member.Registered.Year() != 2009 {
		t.Errorf("member facts %+v", x.Member)
	}
	seen := map[string]string{}
	for _, it := range x.Items {
		if prev, dup := seen[it.ID]; dup {
			t.Errorf("ID %s given to %s and %s:%d", it.ID, prev, it.File, it.Line)
		}
		seen[it.ID] = it.File
	}
}

// The same export as a ZIP, a .zip.zip, and a ZIP with a wrapping folder
// gives the same items as the folder.
func TestSampleAsZip(t *testing.T) {
	folder, err := Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	files := sampleFiles(t)
	wrapped := map[string][]byte{}
	for name, data := range files {
		wrapped["Complete_LinkedInDataExport_11-15-2026/"+name] = data
	}
	for _, in := range []string{
		writeZip(t, "Complete_LinkedInDataExport_11-15-2026.zip", files),
		writeZip(t, "Complete_LinkedInDataExport_11-15-2026.zip.zip", files),
		writeZip(t, "export.zip", wrapped),
	} {
		x, err := Read(in)
		if err != nil {
			t.Fatal(err)
		}
		if x.Type != "Complete" || x.Date.Format("2006-01-02") != "2026-11-15" {
			t.Errorf("%s: type %q date %v", filepath.Base(in), x.Type, x.Date)
		}
		if diff := cmp.Diff(folder.Items, x.Items); diff != "" {
			t.Errorf("%s: items differ from the folder's (-folder +zip):\n%.2000s", filepath.Base(in), diff)
		}
	}
}

// A Basic and a Complete part of one export: files present in both are read
// once, so every item is counted once.
func TestBasicAndCompleteParts(t *testing.T) {
	files := sampleFiles(t)
	basic := map[string][]byte{}
	for _, name := range []string{"Profile.csv", "Positions.csv", "Skills.csv", "Connections.csv", "messages.csv", "Registration.csv"} {
		basic[name] = files[name]
	}
	x, err := Read(
		writeZip(t, "Basic_LinkedInDataExport_11-14-2026.zip", basic),
		writeZip(t, "Complete_LinkedInDataExport_11-15-2026.zip", files),
	)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Items) != len(whole.Items) {
		t.Errorf("two parts give %d items, the whole export %d", len(x.Items), len(whole.Items))
	}
	if x.Type != "Basic+Complete" || x.Date.Format("2006-01-02") != "2026-11-15" {
		t.Errorf("type %q date %v", x.Type, x.Date)
	}
	if len(x.Problems) != len(basic) {
		t.Errorf("want one note per file present in both parts, got %v", x.Problems)
	}
}

// A part that names a file differently (Comments.csv in one, the 2026
// Comments_<id>.csv in the other) still counts each item once.
func TestPartsWithRenamedFiles(t *testing.T) {
	files := sampleFiles(t)
	basic := map[string][]byte{"Comments.csv": files["Comments_183746529.csv"], "Skills.csv": files["Skills.csv"]}
	x, err := Read(
		writeZip(t, "Basic_LinkedInDataExport_11-14-2026.zip", basic),
		writeZip(t, "Complete_LinkedInDataExport_11-15-2026.zip", files),
	)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Read(sampleDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Items) != len(whole.Items) {
		t.Errorf("%d items from two parts, %d in the export", len(x.Items), len(whole.Items))
	}
	dups := 0
	for _, f := range x.Files {
		dups += f.Duplicates
		if f.Rows != f.Items+f.Rejected {
			t.Errorf("%s: rows %d != items %d + rejected %d", f.Path, f.Rows, f.Items, f.Rejected)
		}
	}
	if dups != 700 {
		t.Errorf("%d duplicates noted, want the 700 comments", dups)
	}
}
