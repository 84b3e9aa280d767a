package parse

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Hostile and unlucky inputs (issue #12): each is built here, streamed, and
// read in bounded memory and time, with a problem that names the file and
// line, never a panic.

func TestLimitsValidate(t *testing.T) {
	if err := DefaultLimits.Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	bad := map[string]func(*Limits){
		"MaxRatio NaN":      func(l *Limits) { l.MaxRatio = math.NaN() },
		"MaxRatio +Inf":     func(l *Limits) { l.MaxRatio = math.Inf(1) },
		"MaxRatio 0":        func(l *Limits) { l.MaxRatio = 0 },
		"MaxRatio 0.5":      func(l *Limits) { l.MaxRatio = 0.5 },
		"MaxRatio -3":       func(l *Limits) { l.MaxRatio = -3 },
		"MaxInflated 0":     func(l *Limits) { l.MaxInflated = 0 },
		"MaxInflated -1":    func(l *Limits) { l.MaxInflated = -1 },
		"MaxTotal 0":        func(l *Limits) { l.MaxTotal = 0 },
		"MaxEntries -5":     func(l *Limits) { l.MaxEntries = -5 },
		"MaxField 0":        func(l *Limits) { l.MaxField = 0 },
		"MaxRecord -1":      func(l *Limits) { l.MaxRecord = -1 },
		"MaxRecord min int": func(l *Limits) { l.MaxRecord = math.MinInt },
	}
	for name, set := range bad {
		l := DefaultLimits
		set(&l)
		err := l.Validate()
		field, _, _ := strings.Cut(name, " ")
		if !errors.Is(err, ErrLimits) || !strings.Contains(err.Error(), field) {
			t.Errorf("%s: error %v", name, err)
		}
	}
	// Scan refuses what Validate refuses, once the zero fields are filled.
	_, err := Scan(Limits{MaxRatio: math.NaN()}, nil, []string{sampleDir}, func(Member) (Sink, error) { return &countSink{}, nil })
	if !errors.Is(err, ErrLimits) {
		t.Errorf("Scan with a NaN ratio: %v", err)
	}
	// Fields left zero take their defaults.
	scanCount(t, Limits{MaxInflated: 1 << 30}, sampleDir)
}

// A quote opened in Shares.csv and never closed, followed by many ordinary
// lines: the quote may run MaxField bytes; then its record is rejected and
// every following line read as a record of its own. (The limits are lowered
// to keep the test quick; bench/hostile measures the defaults.)
func TestUnclosedQuoteIsBounded(t *testing.T) {
	const rows = 40_000 // about 4.4 MB
	row := func(i int) string {
		return fmt.Sprintf("2024-01-01 10:00:00,https://www.linkedin.com/feed/update/urn%%3Ali%%3Ashare%%3A%d,plain text,,,PUBLIC\n", i)
	}
	head := "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" +
		"2024-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"an unclosed quote,,,PUBLIC\n"
	src := genLines(head, math.MaxInt64, func(i int) string {
		if i >= rows {
			return ""
		}
		return row(i)
	})
	dir := exportDir(t, map[string]io.Reader{"Shares.csv": src})
	x, items, peak := scanCount(t, Limits{MaxField: 1 << 20, MaxRecord: 2 << 20}, dir)
	f := fileReport(t, x, "Shares.csv")
	p := mustProblem(t, "Shares.csv", f.Problems, "quote opened on line 2 is not closed within 1 MB")
	if p.Line != 2 {
		t.Errorf("problem on line %d, want 2", p.Line)
	}
	if f.Items != rows || f.Rejected != 1 || f.Rows != rows+1 {
		t.Errorf("rows %d, items %d, rejected %d; want %d items, 1 rejected", f.Rows, f.Items, f.Rejected, rows)
	}
	if items < rows {
		t.Errorf("%d items", items)
	}
	checkHeap(t, peak, 40)
}

// One line far longer than a record may be: skipped, with its size, and
// the lines after it read.
func TestLongLineIsSkipped(t *testing.T) {
	head := "Date,Link,Message\n2024-01-01 10:00:00,https://x.example/1,"
	body := &repeatReader{b: 'w', n: 12 << 20}
	tail := "\n2024-01-02 10:00:00,https://x.example/2,short\n"
	dir := exportDir(t, map[string]io.Reader{"Comments.csv": io.MultiReader(strings.NewReader(head), body, strings.NewReader(tail))})
	x, _, peak := scanCount(t, Limits{MaxField: 1 << 20, MaxRecord: 1 << 20}, dir)
	f := fileReport(t, x, "Comments.csv")
	p := mustProblem(t, "Comments.csv", f.Problems, "a record of 12 MB, over the limit of 1 MB for one record; skipped")
	if p.Line != 2 || f.Items != 1 || f.Rejected != 1 {
		t.Errorf("problem line %d, %d items, %d rejected; want line 2, 1, 1", p.Line, f.Items, f.Rejected)
	}
	checkHeap(t, peak, 30)
}

// Comments' unquoted multi-line repair glues continuation lines into one
// record: it glues at most half of MaxField, then the lines are records of
// their own.
func TestCommentsGlueIsBounded(t *testing.T) {
	const size = 4 << 20
	head := "Date,Link,Message\n2022-06-01 10:00:00,https://x.example/1,first line of a long comment\n"
	src := genLines(head, size, func(i int) string { return fmt.Sprintf("continuation line %d of the comment, no date\n", i) })
	dir := exportDir(t, map[string]io.Reader{"Comments.csv": src})
	x, _, peak := scanCount(t, Limits{MaxField: 1 << 20}, dir)
	f := fileReport(t, x, "Comments.csv")
	mustProblem(t, "Comments.csv", f.Problems, "continuation lines run past 512 KB")
	// The lines past the bound are rows of their own, undated.
	if f.Items < 50_000 || f.Repairs[repairUnquotedMultiline] != 1 {
		t.Errorf("%d items, repairs %v, %d rejected", f.Items, f.Repairs, f.Rejected)
	}
	if len(f.Problems) > 3*maxProblemsPerReason {
		t.Errorf("%d problems kept", len(f.Problems))
	}
	checkHeap(t, peak, 40)
}

// A ZIP entry of zeros without a line break: the header is looked for in
// its first 64 KB, and counting its records stops at the first record that
// is too long, never reading on.
func TestNoLineBreakEntry(t *testing.T) {
	p := zipFile(t, append(baseEntries(), zipEntry{name: "messages.csv", r: &repeatReader{b: '0', n: 24 << 20}})...)
	start := time.Now()
	x, _, peak := scanCount(t, Limits{MaxRecord: 2 << 20}, p)
	f := fileReport(t, x, "messages.csv")
	mustProblem(t, "messages.csv", f.Problems, "no header row found within the first 65536 bytes")
	mustProblem(t, "messages.csv", f.Problems, "a record longer than 2 MB; reading stopped here")
	if f.Rows != 1 || f.Rejected != 1 {
		t.Errorf("rows %d, rejected %d", f.Rows, f.Rejected)
	}
	checkHeap(t, peak, 30)
	t.Logf("%v", time.Since(start))
}

// A central directory that declares a 4 GB compressed size for a small
// stream does not switch the ratio guard off: the guard counts the
// compressed bytes read.
func TestRatioGuardCountsBytesRead(t *testing.T) {
	old := minRatioCheck
	minRatioCheck = 1 << 20
	defer func() { minRatioCheck = old }()
	var data bytes.Buffer
	data.WriteString("Date,Type,Link\n")
	for data.Len() < 8<<20 {
		data.WriteString("2024-01-01 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n")
	}
	var z rawZip
	for _, name := range sortedKeys(baseExport()) {
		z.file(name, baseExport()[name])
	}
	f := z.local("Reactions.csv", zip.Deflate, data.Bytes())
	f.csize = 0xFFFFFFF0 // about 4 GB
	z.central(f)
	p := z.write(t)
	x, items, _ := scanCount(t, Limits{MaxRatio: 10}, p)
	r := fileReport(t, x, "Reactions.csv")
	mustProblem(t, "Reactions.csv", r.Problems, "inflates past the limit", "times the compressed bytes read")
	if items > 30_000 {
		t.Errorf("%d items: the guard stopped late", items)
	}
}

// Entries pointing at one stream are not read, and reported in one problem:
// a thousand entries pointing at one stream are not a thousand reads. An
// entry whose declared size runs into the next entry is read only up to it.
func TestSharedDataNotRead(t *testing.T) {
	var data bytes.Buffer
	data.WriteString("Date,Type,Link\n")
	for data.Len() < 1<<20 {
		data.WriteString("2024-01-01 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n")
	}
	var z rawZip
	for _, name := range sortedKeys(baseExport()) {
		z.file(name, baseExport()[name])
	}
	f := z.local("Reactions.csv", zip.Deflate, data.Bytes())
	z.central(f)
	for i := range 999 {
		g := f
		g.name = fmt.Sprintf("Reactions_%d.csv", i+1)
		z.central(g)
	}
	p := z.write(t)
	start := time.Now()
	x, _, _ := scanCount(t, Limits{}, p)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	mustProblem(t, "archive", x.Problems, "1000 entries share their compressed data", "none of them is read", `"Reactions.csv"`, "and 995 more")
	if len(x.Files) != 2 {
		t.Errorf("%d files read, want 2", len(x.Files))
	}

	// Votes.csv declares a compressed size that runs over Skills.csv.
	z = rawZip{}
	z.file("Profile.csv", baseExport()["Profile.csv"])
	v := z.local("Votes.csv", zip.Deflate, []byte("Date,Link,OptionText\n2024-01-01 10:00:00,https://x.example/1,Yes\n"))
	v.csize += 200
	z.central(v)
	z.file("Skills.csv", baseExport()["Skills.csv"])
	x, err := Read(z.write(t))
	if err != nil {
		t.Fatal(err)
	}
	mustProblem(t, "archive", x.Problems, "entries declaring more compressed data than lies before the next entry (1;", `"Votes.csv"`)
	if len(itemsOf(x, "Votes.csv")) != 1 || len(itemsOf(x, "Skills.csv")) != 2 {
		t.Errorf("files %+v", x.Files)
	}
}

// A wrong CRC-32, and a central directory that says a file is 100 bytes
// when it holds 2,000 rows: every row is read, and the damage reported with
// the line reached.
func TestDirectoryDisagreesWithData(t *testing.T) {
	var data bytes.Buffer
	data.WriteString("Date,Type,Link\n")
	for i := range 2000 {
		fmt.Fprintf(&data, "2024-01-01 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:%d\n", i)
	}
	for _, tc := range []struct {
		name  string
		lie   func(*rawFile)
		wants []string
	}{
		{"wrong CRC", func(f *rawFile) { f.crc ^= 1 }, []string{"does not match the checksum"}},
		{"size 100", func(f *rawFile) { f.usize = 100 }, []string{"says this file holds 100 bytes", "its data holds"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var z rawZip
			for _, name := range sortedKeys(baseExport()) {
				z.file(name, baseExport()[name])
			}
			f := z.local("Reactions.csv", zip.Deflate, data.Bytes())
			tc.lie(&f)
			z.central(f)
			x, err := Read(z.write(t))
			if err != nil {
				t.Fatal(err)
			}
			r := fileReport(t, x, "Reactions.csv")
			p := mustProblem(t, "Reactions.csv", r.Problems, tc.wants...)
			if r.Items != 2000 || p.Line != 2001 {
				t.Errorf("%d items, problem on line %d; want 2000 and line 2001", r.Items, p.Line)
			}
		})
	}
}

// A re-zipped export: the inner ZIP is read where it lies (stored) or
// through a temporary file (deflated), never loaded into memory, and the
// temporary file is gone at once. The inner archive holds a large file that
// is never read (a video, say), so that loading it would show.
func TestNestedZipNotLoaded(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for _, tc := range []struct {
		store bool
		video int64
	}{{true, 64 << 20}, {false, 8 << 20}} {
		t.Run(fmt.Sprintf("stored %v", tc.store), func(t *testing.T) {
			msgs := genLines(messages10+"\n", 1<<20, func(i int) string {
				return fmt.Sprintf("2-conv%d==,,Anna Example,,Jan Example,,2024-01-01 10:00:%02d UTC,,message %d,INBOX\n", i%100, i%60, i)
			})
			inner := zipFile(t, append(baseEntries(),
				zipEntry{name: "messages.csv", r: msgs},
				zipEntry{name: "Rich Media/video.mp4", r: &repeatReader{b: 7, n: tc.video}, store: true})...)
			f, err := os.Open(inner)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			outer := zipFile(t, zipEntry{name: "Complete_LinkedInDataExport_11-20-2026.zip", r: f, store: tc.store})
			x, _, peak := scanCount(t, Limits{}, outer)
			if r := fileReport(t, x, "messages.csv"); r.Items < 10_000 || r.Rejected != 0 {
				t.Errorf("messages.csv: %d items, %d rejected", r.Items, r.Rejected)
			}
			if x.Date.IsZero() {
				t.Errorf("no export date from the inner archive's name")
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "exposure-*")); len(left) != 0 {
				t.Errorf("left in the temporary folder: %v", left)
			}
			checkHeap(t, peak, 30)
		})
	}
}

// Past MaxEntries entries, one problem says how many were not read; the
// entries read are listed as usual. A central directory too large for
// MaxEntries is not read at all.
func TestEntryCountIsCapped(t *testing.T) {
	var z rawZip
	for _, name := range sortedKeys(baseExport()) {
		z.file(name, baseExport()[name])
	}
	for i := range 20_000 {
		z.central(z.local(fmt.Sprintf("e/%d.txt", i), zip.Store, nil))
	}
	p := z.write(t)
	start := time.Now()
	x, _, _ := scanCount(t, Limits{MaxEntries: 5000}, p)
	mustProblem(t, "archive", x.Problems, "lists 20002 entries; only the first 5000 were read")
	mustProblem(t, "archive", x.Problems, "3998 more files that are not part of a LinkedIn export are neither read nor listed (the first 1000 are)")
	if len(x.Unknown) != 1000 || len(x.Problems) > 10 {
		t.Errorf("%d unknown files, %d problems", len(x.Unknown), len(x.Problems))
	}
	t.Logf("%v", time.Since(start))
	_, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Scan(Limits{MaxEntries: 10}, nil, []string{p}, func(Member) (Sink, error) { return &countSink{}, nil })
	var oe *OpenError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "lists far more entries than the 10") {
		t.Errorf("10 entries at most: %v", err)
	}
}

// A guard that stops an unknown file is a problem of the export, not
// silence.
func TestUnknownFileGuardIsReported(t *testing.T) {
	p := zipFile(t, append(baseEntries(), zipEntry{name: "Future_Feature.csv", r: io.MultiReader(strings.NewReader("A,B\n"), genLines("", 8<<20, func(i int) string { return "1,2\n" }))})...)
	x, _, _ := scanCount(t, Limits{MaxInflated: 1 << 20}, p)
	mustProblem(t, "archive", x.Problems, "inflates past the limit")
	if p, _ := problemWith(x.Problems, "inflates past the limit"); p.File != "Future_Feature.csv" {
		t.Errorf("problem names %q", p.File)
	}
}

// A file whose every row has a date nobody knows keeps the first problems
// of that reason and counts the rest.
func TestProblemsAreBounded(t *testing.T) {
	const rows = 60_000
	src := genLines("Date,Type,Link\n", math.MaxInt64, func(i int) string {
		if i >= rows {
			return ""
		}
		return fmt.Sprintf("sometime in spring,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:%d\n", i)
	})
	dir := exportDir(t, map[string]io.Reader{"Reactions.csv": src})
	x, _, peak := scanCount(t, Limits{}, dir)
	f := fileReport(t, x, "Reactions.csv")
	if f.Items != rows || len(f.Problems) != maxProblemsPerReason+1 {
		t.Fatalf("%d items, %d problems", f.Items, len(f.Problems))
	}
	last := f.Problems[len(f.Problems)-1]
	if last.Omitted != rows-maxProblemsPerReason || !strings.Contains(last.Reason, fmt.Sprintf("and %d more lines with this reason: unrecognised date", rows-maxProblemsPerReason)) {
		t.Errorf("last problem %+v", last)
	}
	if n := ProblemLines(f.Problems); n != rows {
		t.Errorf("problems stand for %d lines, want %d", n, rows)
	}
	checkHeap(t, peak, 30)
}

// Profile.csv of many rows: the facts come from its first records, and its
// rows stream like any file's.
func TestMemberFactFilesAreStreamed(t *testing.T) {
	const rows = 60_000
	row := func(i int) string { return fmt.Sprintf("Anna,Example,Headline %d,\"Brussels, Belgium\"\n", i) }
	head := "First Name,Last Name,Headline,Geo Location\n"
	gen := func() io.Reader {
		return genLines(head, math.MaxInt64, func(i int) string {
			if i >= rows {
				return ""
			}
			return row(i)
		})
	}
	dir := exportDir(t, map[string]io.Reader{"Profile.csv": gen()})
	x, items, _ := scanCount(t, Limits{}, dir)
	if f := fileReport(t, x, "Profile.csv"); f.Items != rows || items < rows {
		t.Errorf("Profile.csv: %d items (%d counted)", f.Items, items)
	}
	if x.Member.GeoLocation != "Brussels, Belgium" {
		t.Errorf("member %+v", x.Member)
	}

	// The facts are read from the file's first factsWindow bytes only.
	var read int64
	e := entry{path: "Profile.csv", source: "test", open: func() (io.ReadCloser, error) {
		return io.NopCloser(&countReader{r: gen(), n: 0}), nil
	}}
	e.open = func() (io.ReadCloser, error) {
		c := &countReader{r: gen()}
		return readCounter{c, &read}, nil
	}
	facts := readFacts([]entry{e})
	if facts[0].GeoLocation != "Brussels, Belgium" || read > factsWindow+256<<10 {
		t.Errorf("facts %+v from %d bytes", facts[0], read)
	}
}

// readCounter reports what a countReader read when it is closed.
type readCounter struct {
	c *countReader
	n *int64
}

func (r readCounter) Read(p []byte) (int, error) { return r.c.Read(p) }
func (r readCounter) Close() error               { *r.n = r.c.n; return nil }

// Two different files of one name in one ZIP are both read; a copy counts
// its items once.
func TestDuplicateEntryNames(t *testing.T) {
	msgs := func(from, to int) io.Reader {
		var b strings.Builder
		b.WriteString(messages10 + "\n")
		for i := from; i < to; i++ {
			fmt.Fprintf(&b, "2-c%d==,,Anna,,Jan,,2024-01-0%d 10:00:00 UTC,,message %d,INBOX\n", i, 1+i%9, i)
		}
		return strings.NewReader(b.String())
	}
	for _, tc := range []struct {
		name        string
		second      io.Reader
		items, dups int
	}{
		{"different", msgs(5, 8), 8, 0},
		{"a copy", msgs(0, 5), 5, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := zipFile(t, append(baseEntries(), zipEntry{name: "messages.csv", r: msgs(0, 5)}, zipEntry{name: "messages.csv", r: tc.second})...)
			x, err := Read(p)
			if err != nil {
				t.Fatal(err)
			}
			var reports []FileReport
			for _, f := range x.Files {
				if f.Path == "messages.csv" {
					reports = append(reports, f)
				}
			}
			if len(reports) != 2 || len(itemsOf(x, "messages.csv")) != tc.items || reports[0].Duplicates+reports[1].Duplicates != tc.dups {
				t.Fatalf("%d reports, %d items: %+v", len(reports), len(itemsOf(x, "messages.csv")), reports)
			}
			if !strings.Contains(strings.Join(reports[1].Notes, "\n"), "holds 2 files of this name") {
				t.Errorf("notes %v", reports[1].Notes)
			}
		})
	}
}

// A folder given through a symbolic link is read; links inside it are not
// followed.
func TestSymlinkedFolderIsFollowed(t *testing.T) {
	dir := exportDir(t, nil)
	link := filepath.Join(t.TempDir(), "slink")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join(dir, "Skills.csv"), filepath.Join(dir, "Languages.csv"))
	x, err := Read(link)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Files) != 2 || len(itemsOf(x, "Skills.csv")) != 2 {
		t.Errorf("%d files: %+v", len(x.Files), x.Files)
	}
	mustProblem(t, "archive", x.Problems, "skipped")
	if p, _ := problemWith(x.Problems, "skipped"); p.File != "Languages.csv (symbolic link, not followed)" {
		t.Errorf("problem %+v", p)
	}
}

// Where names have case, Skills.csv and skills.csv in one folder are both
// read, an item in both counted once.
func TestCaseCopiesInFolder(t *testing.T) {
	dir := exportDir(t, map[string]io.Reader{"skills.csv": strings.NewReader("Name\nGDPR\nRust\n")})
	if names, _ := filepath.Glob(filepath.Join(dir, "?kills.csv")); len(names) != 2 {
		t.Skip("names have no case here")
	}
	x, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	dups := 0
	for _, f := range x.Files {
		dups += f.Duplicates
	}
	if n := len(itemsOf(x, "Skills.csv")) + len(itemsOf(x, "skills.csv")); n != 3 || dups != 1 {
		t.Errorf("%d items, %d duplicates: %+v", n, dups, x.Files)
	}
}

// Bounding problems where chunks are parsed, then per file, gives what
// bounding them once does: read whole (one chunk) and in chunks of 29 bytes.
func TestProblemsBoundedAlike(t *testing.T) {
	var b strings.Builder
	b.WriteString("Date,Type,Link\n")
	for i := range 3000 {
		if i%7 == 0 {
			fmt.Fprintf(&b, "2024-01-01 10:00:00,LIKE,https://x.example/%d,extra\n", i)
		} else {
			fmt.Fprintf(&b, "spring,LIKE,https://x.example/%d\n", i)
		}
	}
	e := memEntry("Reactions.csv", []byte(b.String()))
	whole := readEntry(e)
	if n := len(whole.report.Problems); n != 2*maxProblemsPerReason+2 {
		t.Fatalf("%d problems", n)
	}
	checkChunked(t, e, whole)
}
