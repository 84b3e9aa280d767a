package parse

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// memEntry is an export file held in memory.
func memEntry(name string, data []byte) *entry {
	return &entry{path: name, source: "fuzz", size: int64(len(data)), open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// sampleSeeds returns the beginning of every file of sample_export/, so the
// fuzzer starts from the real shapes and quirks.
func sampleSeeds(t testing.TB, limit int) map[string][]byte {
	seeds := map[string][]byte{}
	root := filepath.Join("..", "sample_export")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, p)
		seeds[filepath.ToSlash(rel)] = data[:min(len(data), limit)]
		return nil
	})
	return seeds
}

// FuzzReadFile runs the repair and decode path of every recognised file on
// arbitrary content: it must never panic, and must account for every row.
// The file is read whole, one chunk after the other, and through Scan cut
// into chunks of a few dozen bytes parsed by workers: both must find the
// same rows, items, problems and notes. bounds, when not 0, sets small
// record bounds (Limits.MaxField, MaxRecord), so that unclosed quotes, long
// lines and the repairs' bounds are met on every input.
func FuzzReadFile(f *testing.F) {
	for name, data := range sampleSeeds(f, 3000) {
		f.Add(name, data, uint16(0))
		f.Add(name, data, uint16(300+len(name)))
	}
	f.Add("Comments.csv", []byte("Date,Link,Message\r\n2022-06-01 10:00:00,l,one\r\ntwo\r\n\r\n2022-06-02 10:00:00,l,\"a \\\"b\\\"\"\n"), uint16(0))
	f.Add("Comments.csv", []byte("Date,Link,Message\n2022-06-01 10:00:00,l,one\ntwo\nthree\nfour\n2022-06-02 10:00:00,l,\"open\nx\ny\n"), uint16(5+12<<8))
	f.Add("SearchQueries.csv", []byte("Time,Search Query\n2025/01/05 09:00:00 UTC,a, b, c\n2025/08/19 23:22:34 UTC,\"k\"\u200b line (a, b)\n"), uint16(0))
	f.Add("Shares.csv", []byte("\xff\xfe\"\x00D\x00\"\x00"), uint16(0))
	f.Add("Shares.csv", []byte("Date,ShareLink,ShareCommentary\n2024-01-01 10:00:00,l,12\" tray\n2024-01-02 10:00:00,l,\"open\nmore\nmore\n"), uint16(9+20<<8))
	f.Fuzz(func(t *testing.T, name string, data []byte, bounds uint16) {
		if _, ok := specFor(name); !ok {
			return
		}
		e := memEntry(name, data)
		if bounds != 0 {
			e.lim = Limits{MaxField: 1 + int(bounds>>8), MaxRecord: 1 + int(bounds&0xff)}
		}
		r := readEntry(e)
		if r.unknown != nil {
			t.Fatalf("%s read as unknown", name)
		}
		fr := r.report
		if fr.Rows != fr.Items+fr.Rejected || fr.Items != len(r.items) {
			t.Fatalf("rows %d, items %d (%d returned), rejected %d", fr.Rows, fr.Items, len(r.items), fr.Rejected)
		}
		for _, it := range r.items {
			if it.ID == "" || it.Line < 0 || it.Kind == "" {
				t.Fatalf("bad item %+v", it)
			}
		}
		for _, p := range fr.Problems {
			if p.Line < 0 || strings.TrimSpace(p.Reason) == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		checkChunked(t, e, r)
	})
}

// checkChunked reads one file through Scan in small chunks and compares
// it with the file read whole (r). IDs may differ only where Scan ranked
// identical rows, which reading whole does not do.
func checkChunked(t *testing.T, e *entry, r entryResult) {
	old := chunkSize
	chunkSize = 29
	defer func() { chunkSize = old }()
	src := &source{name: "fuzz", entries: []entry{*e}, close: func() error { return nil }}
	x, err := keepAll(func(start func(Member) (Sink, error)) (*Export, error) {
		return scanSources([]*source{src}, []string{"fuzz"}, start)
	})
	if err != nil {
		t.Fatalf("chunked: %v", err)
	}
	if len(x.Files) != 1 {
		t.Fatalf("chunked: %d files", len(x.Files))
	}
	got, want := x.Files[0], r.report
	got.Source, want.Source = "", ""
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("file report (-whole +chunked):\n%s", diff)
	}
	ids := map[string]bool{}
	for i := range x.Items {
		if ids[x.Items[i].ID] {
			t.Fatalf("ID %s given twice", x.Items[i].ID)
		}
		ids[x.Items[i].ID] = true
	}
	if diff := cmp.Diff(r.items, x.Items, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(Item{}, "ID")); diff != "" {
		t.Fatalf("items (-whole +chunked):\n%s", diff)
	}
}

// zipOf packs files into a ZIP in memory.
func zipOf(t testing.TB, files map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzOpenArchive feeds arbitrary bytes as an archive: opening and reading
// must end in an export or an error, never a panic or a hang, and every
// file read must account for its rows.
func FuzzOpenArchive(f *testing.F) {
	seeds := sampleSeeds(f, 600)
	small := map[string][]byte{}
	for _, name := range []string{"Profile.csv", "Skills.csv", "Connections.csv", "Comments_183746529.csv", "Shares_183746529.csv", "SearchQueries.csv", "messages.csv"} {
		small[name] = seeds[name]
	}
	f.Add(zipOf(f, small))
	f.Add(zipOf(f, map[string][]byte{"wrap/Skills.csv": []byte("Name\nGo\n"), "wrap/notes.txt": []byte("x")}))
	f.Add(zipOf(f, map[string][]byte{"inner.zip": zipOf(f, map[string][]byte{"Skills.csv": []byte("Name\nGo\n")})}))
	f.Add([]byte("PK\x03\x04 not really"))
	for _, seed := range craftedArchives(f) {
		f.Add(seed)
	}
	// Small bounds, so that the archive guards (entries, shared data, what
	// is inflated) and the record bounds are met.
	lim := Limits{MaxInflated: 8 << 20, MaxRatio: 200, MaxTotal: 12 << 20, MaxEntries: 64, MaxField: 256, MaxRecord: 1024}
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := ReadZip("fuzz.zip", bytes.NewReader(data), int64(len(data)), lim)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		checkAccounting(t, x)
	})
}

// craftedArchives are seeds for FuzzOpenArchive that a zip.Writer does
// not write: entries sharing data, a wrong CRC-32 and size, two files of
// one name, a stored nested archive.
func craftedArchives(t testing.TB) [][]byte {
	var out [][]byte
	skills := []byte("Name\nGo\nPrivacy\n")
	var z rawZip
	f := z.local("Skills.csv", zip.Deflate, skills)
	z.central(f)
	f.name = "Languages.csv"
	z.central(f)
	out = append(out, z.bytes())

	z = rawZip{}
	f = z.local("Skills.csv", zip.Deflate, skills)
	f.crc ^= 1
	z.central(f)
	g := z.local("Reactions.csv", zip.Store, []byte("Date,Type,Link\n2024-01-01 10:00:00,LIKE,l\n"))
	g.usize = 5
	z.central(g)
	out = append(out, z.bytes())

	z = rawZip{}
	z.file("Skills.csv", skills)
	z.file("Skills.csv", []byte("Name\nRust\n"))
	out = append(out, z.bytes())

	z = rawZip{}
	z.central(z.local("Complete_LinkedInDataExport_11-20-2026.zip", zip.Store, zipOf(t, map[string][]byte{"Skills.csv": skills})))
	out = append(out, z.bytes())
	return out
}
