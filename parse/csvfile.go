package parse

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
)

// csvOptions are the per-file settings of the CSV driver.
type csvOptions struct {
	// repair wraps the decoded text with a line-preserving repair (repair.go).
	repair func(r *bufio.Reader, rc *repairCtx) io.Reader
	// lazyQuotes tolerates bare quotes; only where an era is known to write them.
	lazyQuotes bool
}

// rowFunc turns one decoded row into an item. It returns a reason when the
// row cannot be an item; the row is then counted as rejected.
type rowFunc[T any] func(c *fileCtx, row *T, line int) (Item, string)

// readCSV reads one CSV file of the export into items, accounting for every
// record: read, repaired, or rejected with its line and a reason.
//
// The header row is found by content (the Connections preamble, §3 Q1;
// placeholders, Q8) and mapped to T's `csv` tags by normalised name, so that
// case, spacing and underscores (`SharedURL`/`SharedUrl`, `createdTime`/
// `CreatedTime`, Q6) do not matter and missing columns are tolerated. A tag
// may list several names for one field (`csv:"Started On,Start Date"`).
//
// The text is always cut into chunks of whole records (split.go), which
// bounds every record (Limits.MaxField, MaxRecord); under Scan the chunks
// are parsed by workers, otherwise here, one after the other.
func readCSV[T any](c *fileCtx, opt csvOptions, toItem rowFunc[T]) {
	if c.emit == nil {
		c.emit = c.runNow
	}
	readCSVChunks(c, opt, toItem)
}

// runNow parses a chunk at once and adds what it gives to the file's report.
func (c *fileCtx) runNow(_ int, run func() *Batch) {
	b := run()
	if !c.factsOnly {
		c.items = append(c.items, b.Items...)
	}
	if b.recycle {
		recycleItems(b.Items)
	}
	addPart(&c.report, b.part)
	c.problems.addOmitted(b.omitted)
}

// addPart adds what the rows of one chunk gave to a file's report; keep,
// when set, decides which of its problems are listed.
func addPart(r *FileReport, p *FileReport, keep ...func(Problem) bool) {
	if p == nil {
		return
	}
	r.Rows += p.Rows
	r.Items += p.Items
	r.Rejected += p.Rejected
	for k, v := range p.Repairs {
		r.Repairs[k] += v
	}
	for _, pr := range p.Problems {
		if len(keep) == 0 || keep[0](pr) {
			r.Problems = append(r.Problems, pr)
		}
	}
	r.Notes = append(r.Notes, p.Notes...)
	if !p.First.IsZero() && (r.First.IsZero() || p.First.Before(r.First)) {
		r.First = p.First
	}
	if p.Last.After(r.Last) {
		r.Last = p.Last
	}
}

// readRows reads the records of an open table into items.
func readRows[T any](c *fileCtx, t *table[T], toItem rowFunc[T]) {
	row := new(T) // reused: items keep none of it but strings, which are the record's
	for {
		line, extra, err := t.next(row)
		switch {
		case err == io.EOF:
			return
		case isParseError(err):
			c.reject(csvErrLine(err), csvReason(err))
			continue
		case err == errTooWide:
			c.reject(line, fmt.Sprintf("more fields than the header's %d", t.width()))
			continue
		case err != nil:
			// The stream itself failed (a truncated entry, an inflate limit):
			// nothing after this point can be read.
			c.fileProblem("reading stopped after line %d: %v", t.lastLine, err)
			return
		}
		if isEmptyRow(row, extra) {
			continue // a record whose cells are all empty is not a row
		}
		t.checkShape(c, line)
		it, reason := toItem(c, row, line)
		if reason != "" {
			c.reject(line, reason)
			continue
		}
		c.add(it)
	}
}

// factsWindow is how much of a member-fact file is read for the facts:
// its first records, enough for any real one (Profile.csv is one row), so
// that a file of millions of rows is not read twice whole.
const factsWindow = 1 << 20

// readCSVChunks: here, in the goroutine that walks the archive, the file is
// decoded, repaired, its header found and its text cut into chunks of whole
// records; each chunk is parsed (c.emit) as if it followed the header alone.
// Lines are those of the whole file.
func readCSVChunks[T any](c *fileCtx, opt csvOptions, toItem rowFunc[T]) {
	cols := columnsOf[T]()
	br, comma := c.csvText(opt, cols)
	skip, ok := c.findHeader(br, comma, cols)
	if !ok {
		return
	}
	sp := newCSVSplitter(br, comma, opt.lazyQuotes)
	sp.limit(c.lim.MaxField, c.lim.MaxRecord, false)
	defer func() { c.reached = sp.reached() }()
	header, ok := c.splitHeader(sp, comma, opt.lazyQuotes, skip)
	if !ok {
		return
	}
	mapped, unknown := c.mapHeader(header, cols)
	dec, err := newRowDecoder[T](gocsvHeader(mapped, comma), unknown)
	if err != nil { // a row struct with a field of a kind no reader uses
		panic(err)
	}
	c.openProblems, c.openNotes = len(c.report.Problems), len(c.report.Notes)
	size := chunkSize
	if c.factsOnly {
		size = factsWindow
	}
	facts := c.facts
	c.eachChunk(sp, size, c.factsOnly, func(chunk []byte, line int) {
		data := chunkBuffer(chunk)
		c.emit(len(chunk), func() *Batch {
			b := parseChunk(c.e, c.kind, dec, *data, line, comma, opt.lazyQuotes, toItem, facts)
			chunkBuffers.Put(data) // the items hold none of it: csv.Reader copies fields
			return b
		})
	}, func(bad *recordError) {
		c.emit(0, func() *Batch { return rejectedBatch(c.e, bad) })
	})
}

// eachChunk hands the splitter's text to chunk, size bytes of whole
// records at a time with the line of the first, and each record the
// splitter leaves out to bad, until the text ends, a bound stops it, or
// reading fails (a problem of the file); once, only the first chunk.
func (c *fileCtx) eachChunk(sp *csvSplitter, size int, once bool, chunk func(data []byte, line int), bad func(*recordError)) {
	last := 0
	for {
		data, line, lastStart, err := sp.next(size)
		if len(data) > 0 {
			chunk(data, line)
		}
		if lastStart > 0 {
			last = lastStart
		}
		var rec *recordError
		switch {
		case errors.As(err, &rec):
			bad(rec)
			if rec.fatal() {
				return
			}
			last = rec.EndLine
		case err == io.EOF:
			return
		case err != nil:
			c.fileProblem("reading stopped after line %d: %v", last, err)
			return
		}
		if once {
			return
		}
	}
}

// rejectedBatch counts a record the splitter left out as a rejected row.
func rejectedBatch(e *entry, bad *recordError) *Batch {
	return &Batch{part: &FileReport{Rows: 1, Rejected: 1,
		Problems: []Problem{{File: e.path, Line: bad.Line, Reason: bad.Error()}}}}
}

// itemSlices recycles the items of the chunks' batches once committed: a
// batch of a 256 KB chunk holds a few thousand items, and allocating them
// anew was a quarter of the memory a large report allocated.
var itemSlices = sync.Pool{New: func() any { return new([]Item) }}

// itemSlice is an empty slice of at least n items' room.
func itemSlice(n int) []Item {
	p := itemSlices.Get().(*[]Item)
	if cap(*p) < n {
		return make([]Item, 0, n)
	}
	return (*p)[:0]
}

// recycleItems gives a batch's items back, emptied so that they keep no
// strings alive, once nothing refers to them.
func recycleItems(items []Item) {
	clear(items)
	items = items[:0]
	itemSlices.Put(&items)
}

// chunkBuffers recycles the copies of the chunks handed to the workers.
var chunkBuffers = sync.Pool{New: func() any { return new([]byte) }}

func chunkBuffer(chunk []byte) *[]byte {
	p := chunkBuffers.Get().(*[]byte)
	*p = append((*p)[:0], chunk...)
	return p
}

// splitHeader reads the records before the header and the header itself.
func (c *fileCtx) splitHeader(sp *csvSplitter, comma rune, lazy bool, skip int) ([]string, bool) {
	for i := 0; ; {
		rec, line, start, err := sp.next(1)
		var bad *recordError
		if errors.As(err, &bad) {
			c.problem(bad.Line, "cannot read the header: %v", err)
			return nil, false
		}
		if start == 0 { // blank lines only
			if err != nil {
				c.fileProblem("cannot read the header: %v", err)
				return nil, false
			}
			continue
		}
		if i++; i <= skip {
			continue
		}
		r := newCSVReader(bytes.NewReader(rec), comma, lazy)
		header, err := r.Read()
		if err != nil {
			c.fileProblem("cannot read the header: %v", shiftLines(err, line-1))
			return nil, false
		}
		return header, true
	}
}

// gocsvHeader is the header as gocsv would read it from the mapped names
// written as CSV text: the text a record's fields are bound by.
func gocsvHeader(names []string, comma rune) []string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = comma
	w.Write(names)
	w.Flush()
	header, err := newCSVReader(&b, comma, false).Read()
	if err != nil { // written by csv.Writer a moment ago
		panic(err)
	}
	return slices.Clone(header)
}

// parseChunk reads the records of one chunk into a batch; what it finds
// (rows, problems, repairs) goes into the batch's part of the file report.
//
// facts, when set, holds the member facts of the rows before, and gets
// those of this chunk's: the chunks are then parsed one after the other.
func parseChunk[T any](e *entry, kind Kind, dec *rowDecoder[T], data []byte, line int, comma rune, lazy bool, toItem rowFunc[T], facts *Member) *Batch {
	c := &fileCtx{e: e, kind: kind, report: FileReport{Repairs: map[string]int{}}}
	if facts != nil {
		c.member = *facts
		defer func() { *facts = c.member }()
	}
	c.items = itemSlice(bytes.Count(data, []byte("\n")) + 1) // at most one item per line
	t := &table[T]{r: newCSVReader(bytes.NewReader(data), comma, lazy), dec: dec, lineOffset: line - 1}
	readRows(c, t, toItem)
	var pc problemCounter
	c.report.Problems = pc.bound(c.report.Problems)
	return &Batch{Items: c.items, part: &c.report, omitted: pc.omitted, recycle: true}
}

func newCSVReader(src io.Reader, comma rune, lazy bool) *csv.Reader {
	r := csv.NewReader(src)
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	r.LazyQuotes = lazy
	return r
}

// table is the records of a CSV file after its header (or of a chunk of
// it), decoded into Ts.
type table[T any] struct {
	r        *csv.Reader
	dec      *rowDecoder[T]
	lastLine int   // line of the last record read whole
	size     int64 // bytes of the last record read
	fields   int   // fields of the last record read
	// lineOffset turns the reader's lines into the file's: a chunk is read
	// on its own.
	lineOffset int
}

// width is the number of the header's columns.
func (t *table[T]) width() int { return len(t.dec.set) }

// errTooWide: a record has more fields than the header, and the header has
// columns no field takes; gocsv cannot map the record to them.
var errTooWide = errors.New("more fields than the header")

// maxRecordBytes: a record larger than this is reported (it is still read,
// up to Limits.MaxRecord: résumé texts run to hundreds of KB, but several MB
// is no real export).
const maxRecordBytes = 8 << 20

// csvText is the file's text, decoded and repaired, and its delimiter.
func (c *fileCtx) csvText(opt csvOptions, cols csvColumns) (*bufio.Reader, rune) {
	text, comma := c.text()
	if len(cols.keys) == 1 {
		comma = ',' // a single-column file's values may hold ';' or tabs
	}
	var src io.Reader = text
	if opt.repair != nil && comma == ',' {
		src = opt.repair(text, &repairCtx{counts: c.report.Repairs, maxLine: c.lim.MaxRecord, maxGlue: c.lim.MaxField / 2, problem: c.problem})
	}
	return bufio.NewReaderSize(src, 64<<10), comma
}

// next reads one record into row, and gives its line and the values of
// the header's unknown columns (errTooWide when it cannot have them).
func (t *table[T]) next(row *T) (line int, extra map[string]string, err error) {
	start := t.r.InputOffset()
	rec, err := t.r.Read()
	if err != nil {
		return 0, nil, shiftLines(err, t.lineOffset)
	}
	line, _ = t.r.FieldPos(0) // a record read without error has a field
	line += t.lineOffset
	t.lastLine, t.size, t.fields = line, t.r.InputOffset()-start, len(rec)
	extra, ok := t.dec.decode(rec, row)
	if !ok {
		return line, nil, errTooWide
	}
	return line, extra, nil
}

// shiftLines moves the lines of a parse error by offset: from a chunk's
// (or a header's) to the file's.
func shiftLines(err error, offset int) error {
	var pe *csv.ParseError
	if offset == 0 || !errors.As(err, &pe) {
		return err
	}
	moved := *pe
	moved.StartLine += offset
	moved.Line += offset
	return &moved
}

// checkShape reports records wider than the header or unusually large.
func (t *table[T]) checkShape(c *fileCtx, line int) {
	if t.fields > t.width() {
		c.problem(line, "more fields than the header's %d; the extra ones were ignored", t.width())
	}
	if t.size > maxRecordBytes {
		c.problem(line, "a record of %d MB, far larger than any real export's; kept", t.size>>20)
	}
}

// csvColumns describes T's columns: every accepted name, normalised.
type csvColumns struct {
	keys  map[string]string // normalised name -> the tag name gocsv matches
	names []string          // the first name of each field, for messages
}

var columnsCache sync.Map // reflect.Type -> *csvColumns

func columnsOf[T any]() csvColumns {
	t := reflect.TypeFor[T]()
	if c, ok := columnsCache.Load(t); ok {
		return *c.(*csvColumns)
	}
	c := &csvColumns{keys: map[string]string{}}
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("csv")
		if tag == "" || tag == "-" {
			continue
		}
		names := strings.Split(tag, ",")
		c.names = append(c.names, names[0])
		for _, n := range names {
			c.keys[normColumn(n)] = n
		}
	}
	columnsCache.Store(t, c)
	return *c
}

// normColumn folds a column name to compare names across eras: case, spaces,
// underscores and surrounding quotes or BOMs do not matter.
func normColumn(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "\"\uFEFF"))
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r == ' ' || r == '_' || r == '-' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// findHeader looks for the header among the first records: the first one
// that names enough of T's columns. It returns how many records precede it.
// Files that hold no header (empty, a placeholder, or not this table) are
// accounted for here.
func (c *fileCtx) findHeader(br *bufio.Reader, comma rune, cols csvColumns) (int, bool) {
	head, _ := br.Peek(headerWindow)
	pr := csv.NewReader(bytes.NewReader(head))
	pr.Comma = comma
	pr.FieldsPerRecord = -1
	pr.LazyQuotes = true
	var seen [][]string
	for i := 0; i < 12; i++ {
		rec, err := pr.Read()
		if err != nil {
			break
		}
		if matchesHeader(rec, cols) || i == 0 && firstRecordHeader(rec, cols) {
			if i > 0 {
				c.note("skipped %d line(s) before the header (preamble)", lineOf(pr)-1)
			}
			return i, true
		}
		seen = append(seen, append([]string(nil), rec...))
	}
	switch {
	case len(seen) == 0:
		c.note("empty file")
	case len(seen) == 1 && len(seen[0]) == 1 && strings.HasPrefix(strings.ToLower(seen[0][0]), "no ") && strings.HasSuffix(seen[0][0], "found"):
		c.note("placeholder instead of data (%q)", seen[0][0])
	case len(head) == headerWindow && bytes.IndexByte(head, '\n') < 0:
		c.fileProblem("no header row found within the first %d bytes, which hold no line break; expected columns like %s", headerWindow, strings.Join(first(cols.names, 3), ", "))
		c.countHeaderless(br, comma)
	default:
		c.fileProblem("no header row found; expected columns like %s", strings.Join(first(cols.names, 3), ", "))
		c.countHeaderless(br, comma)
	}
	return 0, false
}

// headerWindow is how far into a file its header is looked for.
const headerWindow = 64 << 10

// lineOf is the line of the record r read last without error.
func lineOf(r *csv.Reader) int { l, _ := r.FieldPos(0); return l }

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// matchesHeader accepts a record as the header when at least half of its
// non-empty cells (and at least one, or two for wide tables) are T's columns.
func matchesHeader(rec []string, cols csvColumns) bool {
	known, cells := 0, 0
	for _, f := range rec {
		if strings.TrimSpace(f) == "" {
			continue
		}
		cells++
		if _, ok := cols.keys[normColumn(f)]; ok {
			known++
		}
	}
	need := 1
	if len(cols.names) > 2 {
		need = 2
	}
	return known >= need && known*2 >= cells
}

// firstRecordHeader accepts the file's first record as its header when it
// names at least three of T's columns, however many it adds: the 2018
// Ad Targeting.csv has columns of its own beside the few later files kept
// (§2.8), and no data row names three columns.
func firstRecordHeader(rec []string, cols csvColumns) bool {
	known := 0
	for _, f := range rec {
		if _, ok := cols.keys[normColumn(f)]; ok {
			known++
		}
	}
	return known >= 3
}

// countHeaderless counts the records of a file whose header was not found:
// each is a row, and each is rejected, so nothing disappears silently. The
// records are read as a lenient csv.Reader would, in bounded chunks; a line
// too long for a record ends the count, since counting gains nothing from
// reading on.
func (c *fileCtx) countHeaderless(br *bufio.Reader, comma rune) {
	sp := newCSVSplitter(br, comma, true)
	sp.limit(c.lim.MaxField, c.lim.MaxRecord, true)
	defer func() { c.reached = sp.reached() }()
	rows := 0
	c.eachChunk(sp, chunkSize, false, func(chunk []byte, _ int) {
		rows += countRecords(chunk, comma)
	}, func(bad *recordError) {
		rows++
		c.problem(bad.Line, "%v", bad)
	})
	c.report.Rows += rows
	c.report.Rejected += rows
}

// countRecords counts the records of a chunk that are not all empty.
func countRecords(chunk []byte, comma rune) int {
	r := csv.NewReader(bytes.NewReader(chunk))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err == nil && allEmpty(rec) {
			continue
		}
		rows++
		if err != nil && !isParseError(err) {
			return rows
		}
	}
}

func allEmpty(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// mapHeader renames the file's header to T's tag names and notes unknown
// columns once per file. It reports whether there are unknown columns.
func (c *fileCtx) mapHeader(header []string, cols csvColumns) ([]string, bool) {
	mapped := make([]string, len(header))
	var unknown []string
	trailingEmpty := false
	for i, h := range header {
		if tag, ok := cols.keys[normColumn(h)]; ok {
			mapped[i] = tag
			continue
		}
		mapped[i] = h
		if strings.TrimSpace(h) == "" {
			trailingEmpty = trailingEmpty || i == len(header)-1
			continue
		}
		unknown = append(unknown, h)
	}
	if trailingEmpty {
		c.report.Repairs[repairTrailingColumn]++
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		c.note("unknown column(s) kept aside: %s", strings.Join(unknown, ", "))
	}
	return mapped, len(unknown) > 0
}

// isEmptyRow: every field of the row and every unknown column is empty.
func isEmptyRow[T any](row *T, extra map[string]string) bool {
	if !reflect.ValueOf(row).Elem().IsZero() {
		return false
	}
	for _, v := range extra {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func isParseError(err error) bool {
	if err == nil { // most calls: errors.As would still allocate its target
		return false
	}
	var pe *csv.ParseError
	return errors.As(err, &pe)
}

func csvErrLine(err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.StartLine
	}
	return 0
}

// csvReason describes a CSV error without quoting the content.
func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine+1:
			return fmt.Sprintf("a quote opened on line %d is not closed before line %d: those lines are one unreadable record", pe.StartLine, pe.Line)
		case errors.Is(pe.Err, csv.ErrBareQuote):
			return fmt.Sprintf("bare quote in an unquoted field (column %d)", pe.Column)
		case errors.Is(pe.Err, csv.ErrQuote):
			return fmt.Sprintf("unterminated or stray quote in a quoted field (column %d)", pe.Column)
		}
		return pe.Err.Error()
	}
	return "unreadable record: " + err.Error()
}
