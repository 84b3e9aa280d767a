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
	lim, err := lim.checked()
	if err != nil {
		return nil, err
	}
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
		if d.IsZero() && s.nested != "" { // LinkedIn's ZIP, re-zipped
			typ, d = exportNameFacts(s.nested)
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
	if a.Name == "" {
		a.Name = b.Name
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

// readEntry reads one file whole, in this goroutine: chunks are parsed as
// they are cut. Scan reads the member-fact files so (facts only), and the
// tests every file, to compare with Scan's reading.
func readEntry(e *entry) entryResult {
	spec, ok := specFor(e.path)
	if !ok {
		u, _ := countUnknown(e)
		return entryResult{unknown: u}
	}
	c := newFileCtx(e, spec)
	c.facts = &c.member
	readSpec(c, spec)
	r := c.result()
	r.report.Problems = boundProblems(r.report.Problems, c.problems.omitted, "lines")
	return r
}

func newFileCtx(e *entry, spec *fileSpec) *fileCtx {
	c := &fileCtx{e: e, kind: spec.kind, lim: e.limits(), report: FileReport{Path: e.path, Source: e.source, Kind: spec.kind, Repairs: map[string]int{}}}
	if e.copies > 1 {
		c.note("the export holds %d files of this name; each is read, and an item found in more than one is counted once", e.copies)
	}
	return c
}

// readSpec opens the entry and reads it with its parser.
func readSpec(c *fileCtx, spec *fileSpec) {
	if c.e.encrypted {
		c.fileProblem("password-protected in the archive; cannot be read")
		return
	}
	open := c.e.open
	if c.factsOnly && c.e.openUncounted != nil {
		open = c.e.openUncounted
	}
	rc, err := open()
	if err != nil {
		c.fileProblem("cannot be opened: %v", err)
		return
	}
	defer rc.Close()
	c.raw = rc
	spec.read(c)
	c.checkDamage(rc)
}

// checkDamage reports, once a file has been read to its end, an archive
// whose directory does not match the data (size, CRC-32): the rows were
// read as the data holds them, but the user must know.
func (c *fileCtx) checkDamage(rc io.Reader) {
	if d, ok := rc.(damageReporter); ok {
		if err := d.damaged(); err != nil {
			c.problem(c.reached, "%v", err)
		}
	}
}

// fileCtx is the state of reading one file.
type fileCtx struct {
	e      *entry
	kind   Kind // of the file's items
	lim    Limits
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

	// emit hands over a chunk of size bytes, parsed by run: to the workers
	// under Scan, else parsed at once (runNow).
	emit func(size int, run func() *Batch)
	// openProblems and openNotes count what was found before the first chunk.
	openProblems, openNotes int
	// reached is the last line read.
	reached int
	// problems counts what chunks parsed here left out (runNow).
	problems problemCounter

	// facts, when set, is where the rows' member facts go: the file is
	// read here, one chunk after the other, not by workers.
	facts *Member
	// factsOnly: only the facts are wanted; the file's first factsWindow
	// bytes of records are read, and its items dropped.
	factsOnly bool
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
// a CSV file (records after the first, all-empty records excluded). What
// stopped the count (a zip guard, a line too long) is returned as problems:
// a file the export does not know is still the user's to know about.
func countUnknown(e *entry) (*UnknownFile, []Problem) {
	u := &UnknownFile{Path: e.path, Source: e.source}
	switch strings.ToLower(path.Ext(e.path)) {
	case ".zip":
		u.Note = "an archive inside the archive: not opened (only a sole nested ZIP is followed, one level deep)"
		return u, nil
	case ".csv":
	default:
		return u, nil
	}
	if e.encrypted {
		u.Note = "password-protected in the archive; not read"
		return u, nil
	}
	c := &fileCtx{e: e, lim: e.limits(), report: FileReport{Path: e.path, Repairs: map[string]int{}}}
	rc, err := e.open()
	if err != nil {
		c.fileProblem("cannot be opened: %v", err)
		return u, c.report.Problems
	}
	defer rc.Close()
	c.raw = rc
	text, comma := c.text()
	c.countHeaderless(text, comma)
	c.checkDamage(rc)
	u.Rows = max(c.report.Rows-1, 0)
	return u, c.report.Problems
}

// baseName is a file's name without folders and extension.
func baseName(p string) string {
	b := path.Base(p)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
