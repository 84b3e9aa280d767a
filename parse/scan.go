package parse

import (
	"encoding/hex"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// Sink receives an export's items while it is read, so that a caller can
// classify and write them without ever holding them all: a heavy member's
// archive has millions of rows.
type Sink interface {
	// Process is called once per batch, from several goroutines at once,
	// before Commit. It may fill b.State.
	Process(b *Batch)
	// Commit is called once per batch, one batch at a time, in the order of
	// the export (files in archive order, rows in file order). It must not
	// keep b.Items, or pointers into it: the slice is reused once Commit
	// returns.
	Commit(b *Batch)
}

// Batch is a run of consecutive items of one file.
type Batch struct {
	Items []Item
	// Renamed lists the items whose ID changed between Process and Commit:
	// a row identical to an earlier row of its file is told apart by its
	// rank among its equals, which only the ordered pass can know.
	Renamed []int
	// Dropped marks the items another part of the export (Basic and
	// Complete) already gave; nil when there are none. They are read, but
	// the export holds them once.
	Dropped []bool
	// State is the sink's own, from Process to Commit.
	State any

	seq     int
	entry   int
	weight  int         // slots the batch holds while in flight (scan.emit)
	part    *FileReport // what reading these rows found (problems, repairs)
	end     *fileEnd    // set on a file's last batch
	unknown *UnknownFile
	// problems of the archive, found reading an unknown file
	problems []Problem
	// omitted counts, by reason, the problems of part left out already
	omitted map[string]int
	// panicked says why the batch's rows are missing (see scan.process).
	panicked string
	// recycle: Items is to be reused once the batch is committed.
	recycle bool
}

// Kept reports whether item i counts (it is not a duplicate of another part).
func (b *Batch) Kept(i int) bool { return b.Dropped == nil || !b.Dropped[i] }

// fileEnd is what the goroutine that opened a file knows once it is done:
// the encoding, the notes on the header, and problems that stopped reading.
// The first openProblems problems (openNotes notes) came before any row.
type fileEnd struct {
	report                  FileReport
	openProblems, openNotes int
}

// chunkSize is how much CSV text one batch covers; tests lower it to cut
// files into many batches.
var chunkSize = 256 << 10

// Scan reads one member's export and hands its items to a sink. The files
// that hold facts about the member (Profile, Registration, Verifications;
// all small) are read first and start is called with those facts, for the
// caller to decide how to classify; then every file is read, large CSV
// files cut into chunks parsed on all cores. The returned Export accounts for
// every file but holds no items.
//
// lim bounds how far entries may inflate. A non-nil progress is told how far
// reading has got: the bytes read so far, uncompressed, of the export's
// files, and their total (the sizes the archives and folders declare). It is
// called after every read of every file, from the goroutines that read the
// files, one call at a time and with done never decreasing, and should
// return quickly. done may end below total: a file that cannot be opened, or
// that stops on an error, is not read to its end.
//
// A zero field of lim stands for its default (DefaultLimits); an invalid
// one is an error (Limits.Validate).
func Scan(lim Limits, progress func(done, total int64), inputs []string, start func(Member) (Sink, error)) (*Export, error) {
	lim, err := lim.checked()
	if err != nil {
		return nil, err
	}
	return scanOpened(inputs, progress, start, func(i int) (*source, error) { return openSource(inputs[i], lim) })
}

// scanOpened opens the sources named by names, with open, and scans them.
func scanOpened(names []string, progress func(done, total int64), start func(Member) (Sink, error), open func(i int) (*source, error)) (*Export, error) {
	var srcs []*source
	defer func() {
		for _, s := range srcs {
			s.close()
		}
	}()
	for i := range names {
		s, err := open(i)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, s)
	}
	if progress != nil {
		watchProgress(srcs, progress)
	}
	return scanSources(srcs, names, start)
}

func scanSources(srcs []*source, inputs []string, start func(Member) (Sink, error)) (*Export, error) {
	entries, dupNotes := mergeEntries(srcs)
	if !anyKnown(entries) {
		return nil, notExportError(inputs, entries, srcs)
	}
	if allEncrypted(entries) {
		return nil, fmt.Errorf("%s: the archive is password-protected; LinkedIn's archives are not: unzip it with its password and give the folder", strings.Join(inputs, ", "))
	}
	x := &Export{Sources: inputs}
	for _, src := range srcs {
		x.Problems = append(x.Problems, src.problems...)
	}
	x.Problems = append(x.Problems, dupNotes...)
	x.Type, x.Date = exportFacts(srcs)

	facts := readFacts(entries)
	for i := range entries { // in archive order: the first file to give a fact wins
		if m, ok := facts[i]; ok {
			x.Member = mergeMember(x.Member, m)
		}
	}
	sink, err := start(x.Member)
	if err != nil {
		return nil, err
	}
	s := &scan{x: x, sink: sink, entries: entries}
	if len(srcs) > 1 || anyCopies(entries) {
		s.firstSource = map[[idBytes]byte]string{}
	}
	s.run()
	if s.unlisted > 0 {
		x.Problems = append(x.Problems, Problem{File: strings.Join(inputs, ", "), Reason: fmt.Sprintf("%d more files that are not part of a LinkedIn export are neither read nor listed (the first %d are)", s.unlisted, maxUnknownListed)})
	}

	for _, src := range srcs {
		for _, name := range src.skipped {
			x.Problems = append(x.Problems, Problem{File: name, Reason: "skipped (not part of the export)"})
		}
		for _, name := range src.renamed {
			x.Problems = append(x.Problems, Problem{File: src.name, Reason: "entry name " + name})
		}
	}
	x.Problems = boundProblems(x.Problems, nil, "entries")
	return x, nil
}

// maxUnknownListed bounds the unknown files listed (and counted): an export
// holds about a hundred files, all known but a few LinkedIn added lately.
const maxUnknownListed = 1000

func anyCopies(entries []entry) bool {
	for i := range entries {
		if entries[i].copies > 1 {
			return true
		}
	}
	return false
}

func anyKnown(entries []entry) bool {
	for _, e := range entries {
		if _, ok := specFor(e.path); ok {
			return true
		}
	}
	return false
}

// holdsMemberFacts: the files whose rows say where the member lives, when
// they registered and when they were born.
func (s *fileSpec) holdsMemberFacts() bool {
	return s.kind == KindProfile || s.kind == KindRegistration || s.kind == KindVerification
}

// readFacts reads the facts of the member-fact files, by entry index, from
// the first records of each (factsWindow): the files themselves are read
// later, in archive order, like any other, so that a huge one costs no more
// than any file.
func readFacts(entries []entry) map[int]Member {
	out := map[int]Member{}
	for i := range entries {
		e := &entries[i]
		if spec, ok := specFor(e.path); ok && spec.holdsMemberFacts() {
			c := newFileCtx(e, spec)
			c.facts, c.factsOnly = &c.member, true
			readGuarded(c, spec)
			out[i] = c.member
		}
	}
	return out
}

// scan is one pass over the export: a producer opens the files in order
// and cuts them into units of work, workers parse the units and let the
// sink process them, and the calling goroutine commits the batches in order.
type scan struct {
	x       *Export
	sink    Sink
	entries []entry

	work chan unit
	done chan *Batch
	// slots bounds the units in flight, so memory does not grow with the
	// archive when the workers or the sink fall behind the producer. A unit
	// holds a slot per chunkSize bytes of text (all of them at most), so
	// that records of many MB are parsed one or two at a time.
	slots chan struct{}
	seq   int

	unknowns int // unknown files met by the producer

	// committer state
	unlisted    int // unknown files past maxUnknownListed
	file        *fileState
	firstSource map[[idBytes]byte]string // item ID -> the part it came from, with several parts
}

type unit struct {
	seq    int
	entry  int
	weight int
	run    func() *Batch
}

func (s *scan) run() {
	workers := runtime.GOMAXPROCS(0)
	inFlight := 4 * workers
	s.work = make(chan unit)
	s.done = make(chan *Batch, inFlight)
	s.slots = make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range s.work {
				s.done <- s.process(u)
			}
		}()
	}
	go func() {
		s.produce()
		close(s.work)
	}()
	go func() {
		wg.Wait()
		close(s.done)
	}()
	s.commitAll()
	if s.file != nil { // a file whose last batch never came (a bug)
		s.file.ids.close()
	}
}

// process runs one unit and lets the sink process its batch. A panic (a
// bug: no input should cause one) becomes a problem of the export naming the
// file, so that the rest is still read and committed, and the run ends with
// a message rather than a stack trace.
func (s *scan) process(u unit) (b *Batch) {
	defer func() {
		if r := recover(); r != nil {
			if b == nil {
				b = &Batch{}
			}
			b.seq, b.entry, b.weight, b.State = u.seq, u.entry, u.weight, nil
			b.panicked = fmt.Sprintf("internal error, please report it (%v); some rows of this file are not counted", r)
		}
	}()
	b = u.run()
	b.seq, b.entry, b.weight = u.seq, u.entry, u.weight
	s.sink.Process(b)
	return b
}

// emit queues one unit of work on size bytes of text, waiting while too
// many are in flight. A chunk is chunkSize bytes and a record more: only
// chunks twice that size or more hold more than one slot.
func (s *scan) emit(entry, size int, run func() *Batch) {
	w := min(max(1, size/chunkSize), cap(s.slots))
	for range w {
		s.slots <- struct{}{}
	}
	s.work <- unit{seq: s.seq, entry: entry, weight: w, run: run}
	s.seq++
}

// produce walks the entries in order. CSV files are opened, decoded and cut
// into chunks here (readCSV), one file at a time; all else runs in workers.
func (s *scan) produce() {
	for i := range s.entries {
		e := &s.entries[i]
		spec, ok := specFor(e.path)
		if !ok {
			if s.unknowns++; s.unknowns > maxUnknownListed {
				s.emit(i, 0, func() *Batch { return &Batch{unknown: &UnknownFile{Path: e.path, Source: e.source}} })
				continue
			}
			s.emit(i, 0, func() *Batch {
				u, problems := countUnknown(e)
				return &Batch{unknown: u, problems: problems}
			})
			continue
		}
		c := newFileCtx(e, spec)
		c.emit = func(size int, run func() *Batch) { s.emit(i, size, run) }
		c.openProblems, c.openNotes = -1, -1
		readGuarded(c, spec)
		r := c.result()
		end := &fileEnd{report: r.report, openProblems: c.openProblems, openNotes: c.openNotes}
		if end.openProblems < 0 { // no chunk was emitted: every problem is the file's own
			end.openProblems, end.openNotes = len(r.report.Problems), len(r.report.Notes)
		}
		s.emit(i, 0, func() *Batch { return &Batch{Items: r.items, end: end, part: &FileReport{}} })
	}
}

// readGuarded reads a file; a panic (a bug) stops that file with a problem.
func readGuarded(c *fileCtx, spec *fileSpec) {
	defer func() {
		if r := recover(); r != nil {
			c.fileProblem("internal error, please report it (%v); reading stopped here", r)
		}
	}()
	readSpec(c, spec)
}

// commitAll commits the batches in sequence order as they come back from
// the workers, in whatever order they finish.
func (s *scan) commitAll() {
	waiting := map[int]*Batch{}
	next := 0
	for b := range s.done {
		waiting[b.seq] = b
		for {
			b, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			s.commit(b)
			if b.recycle {
				recycleItems(b.Items)
			}
			for range b.weight {
				<-s.slots
			}
			next++
		}
	}
}

// fileState is what the committer gathers about the file being committed.
type fileState struct {
	entry    int
	rows     FileReport // counts, repairs, dates and problems from the rows
	problems problemCounter
	ids      idCounts
	fps      []uint64 // the fingerprints of the batch being ranked
	source   string   // the part the file belongs to (entry.partKey)
	dups     int
}

func (s *scan) commit(b *Batch) {
	if b.panicked != "" {
		s.x.Problems = append(s.x.Problems, Problem{File: s.entries[b.entry].path, Reason: b.panicked})
		if b.end == nil && b.part == nil {
			return // nothing else of the batch survived
		}
		b.Items, b.Renamed, b.Dropped = nil, nil, nil
	}
	if b.unknown != nil {
		if len(s.x.Unknown) < maxUnknownListed {
			s.x.Unknown = append(s.x.Unknown, *b.unknown)
		} else {
			s.unlisted++
		}
		s.x.Problems = append(s.x.Problems, b.problems...)
		s.sink.Commit(b)
		return
	}
	f := s.file
	if f == nil || f.entry != b.entry {
		f = &fileState{entry: b.entry, rows: FileReport{Repairs: map[string]int{}}, source: s.entries[b.entry].partKey()}
		s.file = f
	}
	f.addPart(b.part)
	f.problems.addOmitted(b.omitted)
	f.rank(b)
	if s.firstSource != nil {
		f.dropOtherParts(b, s.firstSource)
	}
	s.sink.Commit(b)
	if b.end != nil {
		s.x.Files = append(s.x.Files, f.finish(b.end))
		s.file = nil
	}
}

// addPart adds what the rows of one chunk gave to the file's totals,
// keeping only the first problems of each reason.
func (f *fileState) addPart(p *FileReport) {
	addPart(&f.rows, p, f.problems.keep)
}

// rank gives rows of identical content in one file (two hidden connections
// made the same day) distinct IDs by their rank among equals, which does
// not depend on where they sit in the file.
func (f *fileState) rank(b *Batch) {
	f.fps = f.fps[:0]
	for i := range b.Items {
		f.fps = append(f.fps, fingerprintOf(idKey(b.Items[i].ID)))
	}
	f.ids.touch(f.fps)
	for i, fp := range f.fps {
		it := &b.Items[i]
		if n := f.ids.addFingerprint(fp); n > 0 {
			it.ID = contentID(it.Kind, it.ID, strconv.Itoa(int(n)))
			b.Renamed = append(b.Renamed, i)
		}
	}
}

// dropOtherParts marks the items that another part of the export has
// already given: the Basic and Complete archives repeat files, sometimes
// under another name (Comments.csv and Comments_<id>.csv). Rows of one
// part are never merged with each other: identical rows there are distinct.
func (f *fileState) dropOtherParts(b *Batch, firstSource map[[idBytes]byte]string) {
	for i := range b.Items {
		k := idKey(b.Items[i].ID)
		src, seen := firstSource[k]
		switch {
		case !seen:
			firstSource[k] = f.source
		case src != f.source:
			if b.Dropped == nil {
				b.Dropped = make([]bool, len(b.Items))
			}
			b.Dropped[i] = true
			f.dups++
		}
	}
}

// finish puts the file's report together in the order things were found:
// the header's notes and problems, the rows', then what ended reading.
func (f *fileState) finish(end *fileEnd) FileReport {
	f.ids.close()
	r := end.report
	rows := f.rows
	r.Rows += rows.Rows
	r.Items += rows.Items
	r.Rejected += rows.Rejected
	if r.Repairs == nil {
		r.Repairs = map[string]int{}
	}
	for k, v := range rows.Repairs {
		r.Repairs[k] += v
	}
	for k, v := range r.Repairs {
		if v == 0 {
			delete(r.Repairs, k)
		}
	}
	r.Problems = boundProblems(splice(r.Problems, end.openProblems, rows.Problems), f.problems.omitted, "lines")
	r.Notes = splice(r.Notes, end.openNotes, rows.Notes)
	if !rows.First.IsZero() && (r.First.IsZero() || rows.First.Before(r.First)) {
		r.First = rows.First
	}
	if rows.Last.After(r.Last) {
		r.Last = rows.Last
	}
	r.Duplicates = f.dups
	if f.dups > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d item(s) also in another part of the export, counted once", f.dups))
	}
	return r
}

// splice inserts mid into s at i.
func splice[T any](s []T, i int, mid []T) []T {
	if len(mid) == 0 {
		return s
	}
	i = min(i, len(s))
	out := make([]T, 0, len(s)+len(mid))
	out = append(out, s[:i]...)
	out = append(out, mid...)
	return append(out, s[i:]...)
}

// idBytes is the size of an item ID in bytes (24 hex digits).
const idBytes = 12

// idKey packs a hexadecimal ID into bytes for the maps; anything else (an
// ID from an older result) is hashed into the same space.
func idKey(id string) [idBytes]byte {
	var k [idBytes]byte
	if len(id) == 2*idBytes {
		if _, err := hex.Decode(k[:], []byte(id)); err == nil {
			return k
		}
	}
	copy(k[:], contentID("", id))
	return k
}

// NewBatch makes a batch of items held in memory, for a Sink fed by its
// caller rather than by Scan; seq orders it among the others.
func NewBatch(items []Item, seq int) *Batch { return &Batch{Items: items, seq: seq} }

// Seq is the batch's place in the export: batches are committed in
// increasing Seq.
func (b *Batch) Seq() int { return b.seq }
