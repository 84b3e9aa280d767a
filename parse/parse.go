package parse

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ErrNotExport is wrapped by the error Scan returns when the inputs hold no
// file of a LinkedIn export.
var ErrNotExport = errors.New("not a LinkedIn data export")

// A ZipReader is a ZIP archive read through an io.ReaderAt rather than
// from a path: a file picked in a web page, read slice by slice, or an
// archive held in memory. Name stands for it in messages and may carry the
// export's type and date, as an archive's file name does.
type ZipReader struct {
	Name string
	R    io.ReaderAt
	Size int64
}

// ScanZips is Scan for archives read through io.ReaderAt: the parts of one
// export, read as Scan reads them.
func ScanZips(zips []ZipReader, lim Limits, progress func(done, total int64), start func(Member) (Sink, error)) (*Export, error) {
	names := make([]string, len(zips))
	for i, z := range zips {
		names[i] = z.Name
	}
	return scanOpened(names, progress, start, func(i int) (*source, error) {
		return zipSource(zips[i].Name, zips[i].R, zips[i].Size, lim)
	})
}

// allEncrypted: every recognised file is encrypted, so nothing can be read.
func allEncrypted(entries []entry) bool {
	known := 0
	for _, e := range entries {
		if _, ok := specFor(e.path); !ok {
			continue
		}
		known++
		if !e.encrypted {
			return false
		}
	}
	return known > 0
}

func notExportError(inputs []string, entries []entry, srcs []*source) error {
	var seen []string
	for _, e := range entries {
		seen = append(seen, e.path)
	}
	for _, s := range srcs {
		seen = append(seen, s.skipped...)
	}
	what := "it is empty"
	if len(seen) > 0 {
		if len(seen) > 8 {
			seen = append(seen[:8], fmt.Sprintf("and %d more", len(seen)-8))
		}
		what = "it holds " + strings.Join(seen, ", ")
	}
	return fmt.Errorf("%s: %w: no file LinkedIn puts in its archive was found (%s); download \"Get a copy of your data\" from LinkedIn's Settings & Privacy → Data privacy",
		strings.Join(inputs, ", "), ErrNotExport, what)
}

// exportFacts takes the type and date of the export from the archive names.
func exportFacts(srcs []*source) (string, time.Time) {
	var types []string
	var latest time.Time
	for _, s := range srcs {
		typ, d := exportNameFacts(s.name)
		if d.IsZero() && s.root != "" { // a folder named after the ZIP it came from
			typ, d = exportNameFacts(strings.TrimSuffix(s.root, "/"))
		}
		if typ != "" && !contains(types, typ) {
			types = append(types, typ)
		}
		if d.After(latest) {
			latest = d
		}
	}
	sort.Strings(types)
	return strings.Join(types, "+"), latest
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func mergeMember(a, b Member) Member {
	if a.GeoLocation == "" {
		a.GeoLocation = b.GeoLocation
	}
	if a.BirthYear == 0 {
		a.BirthYear = b.BirthYear
	}
	if a.Registered.IsZero() || (!b.Registered.IsZero() && b.Registered.Before(a.Registered)) {
		a.Registered = b.Registered
	}
	return a
}

// entryResult is what reading one entry gives: a recognised file's report
// and items, or an unknown file.
type entryResult struct {
	report  FileReport
	items   []Item
	member  Member
	unknown *UnknownFile
}

func readEntry(e *entry) entryResult {
	spec, ok := specFor(e.path)
	if !ok {
		return entryResult{unknown: countUnknown(e)}
	}
	c := newFileCtx(e, spec)
	readSpec(c, spec)
	return c.result()
}

func newFileCtx(e *entry, spec *fileSpec) *fileCtx {
	return &fileCtx{e: e, kind: spec.kind, report: FileReport{Path: e.path, Source: e.source, Kind: spec.kind, Repairs: map[string]int{}}}
}

// readSpec opens the entry and reads it with its parser.
func readSpec(c *fileCtx, spec *fileSpec) {
	if c.e.encrypted {
		c.fileProblem("password-protected in the archive; cannot be read")
		return
	}
	rc, err := c.e.open()
	if err != nil {
		c.fileProblem("cannot be opened: %v", err)
		return
	}
	defer rc.Close()
	c.raw = rc
	spec.read(c)
}

// fileCtx is the state of reading one file.
type fileCtx struct {
	e      *entry
	kind   Kind // of the file's items
	raw    io.Reader
	dec    *bufio.Reader
	comma  rune
	report FileReport
	items  []Item
	member Member
	// invalidUTF8 counts the bytes decodeStream replaced.
	invalidUTF8 int
	// datesChecked: a row was read, whose dates' columns were looked up.
	datesChecked bool

	// emit, when set, makes readCSV cut the file into chunks parsed by
	// workers (Scan) instead of reading its rows here.
	emit func(run func() *Batch)
	// openProblems and openNotes count what was found before the first chunk.
	openProblems, openNotes int
}

// text returns the file's content decoded to UTF-8 and its delimiter.
func (c *fileCtx) text() (*bufio.Reader, rune) {
	if c.dec == nil {
		c.dec, c.report.Encoding, c.comma = decodeStream(c.raw, &c.invalidUTF8)
	}
	return c.dec, c.comma
}

func (c *fileCtx) result() entryResult {
	if c.invalidUTF8 > 0 {
		c.fileProblem("%d byte(s) that are not UTF-8 were replaced with U+FFFD (the file may have been re-saved in another encoding)", c.invalidUTF8)
	}
	for k, v := range c.report.Repairs {
		if v == 0 {
			delete(c.report.Repairs, k)
		}
	}
	return entryResult{report: c.report, items: c.items, member: c.member}
}

func (c *fileCtx) note(format string, args ...any) {
	c.report.Notes = append(c.report.Notes, fmt.Sprintf(format, args...))
}

func (c *fileCtx) fileProblem(format string, args ...any) {
	c.problem(0, format, args...)
}

func (c *fileCtx) problem(line int, format string, args ...any) {
	c.report.Problems = append(c.report.Problems, Problem{File: c.e.path, Line: line, Reason: fmt.Sprintf(format, args...)})
}

// reject counts a row that could not become an item.
func (c *fileCtx) reject(line int, reason string) {
	c.report.Rows++
	c.report.Rejected++
	c.problem(line, "%s", reason)
}

// add counts a row that became an item. Identical rows of one file are
// told apart later, in order (scan.rank).
func (c *fileCtx) add(it Item) {
	it.File = c.e.path
	c.report.Rows++
	c.report.Items++
	if !it.Date.IsZero() {
		if c.report.First.IsZero() || it.Date.Before(c.report.First) {
			c.report.First = it.Date
		}
		if it.Date.After(c.report.Last) {
			c.report.Last = it.Date
		}
	}
	c.items = append(c.items, it)
}

// countUnknown lists a file no parser knows, with its row count when it is
// a CSV file (records after the first, all-empty records excluded).
func countUnknown(e *entry) *UnknownFile {
	u := &UnknownFile{Path: e.path, Source: e.source}
	switch strings.ToLower(path.Ext(e.path)) {
	case ".zip":
		u.Note = "an archive inside the archive: not opened (only a sole nested ZIP is followed, one level deep)"
		return u
	case ".csv":
	default:
		return u
	}
	rc, err := e.open()
	if err != nil {
		return u
	}
	defer rc.Close()
	c := &fileCtx{e: e, raw: rc, report: FileReport{Repairs: map[string]int{}}}
	text, comma := c.text()
	c.countHeaderless(text, comma)
	u.Rows = max(c.report.Rows-1, 0)
	return u
}

// baseName is a file's name without folders and extension.
func baseName(p string) string {
	b := path.Base(p)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
