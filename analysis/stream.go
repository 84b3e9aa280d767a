package analysis

import (
	"slices"
	"sync"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// An ItemWriter prints the classified items while the export is read: a
// JSON or CSV result. Begin is called once before the first item, End once
// after the last, with the result as far as it is known; AppendRow runs on
// the workers, several at once, and the rows it makes are given to
// WriteRow in the export's order.
type ItemWriter interface {
	Begin(r *Result) error
	// AppendRow appends the item's row to dst; c is nil when the items are
	// not classified (inspect). It must not keep it or c.
	AppendRow(dst []byte, it *parse.Item, c *policy.Result) []byte
	WriteRow(row []byte) error
	End(r *Result) error
}

// Options say how to analyse an export besides what it holds.
type Options struct {
	// Policy classifies the items; nil only tallies them (inspect).
	Policy *policy.Policy
	// Given are the facts the member gives of themselves; the rest are
	// read from the export (ResolveMember).
	Given Facts
	// Today is the as-of day when neither Given nor a saved result sets
	// one: the caller's clock, so that tests can fix it.
	Today time.Time
	// TopN is how many of the newest exposed items the result keeps for a
	// report's list (0: MaxListed; below 0: none).
	TopN int
	// Writers receive the items as they are classified.
	Writers []ItemWriter
}

// MaxListed is how many of the newest exposed items a report lists by
// default: its item explorer holds them all, compactly, and says so when
// there are more.
const MaxListed = 20_000

// Stream classifies an export's items while parse.Scan reads them: it is
// the parse.Sink of an analysis. Each item is classified and its rows made
// for the writers on the worker that parsed it; the ordered pass writes the
// rows and adds the batch to the tally. Nothing of an item outlives its
// batch but its counts (and, for the newest exposed items, the item
// itself), so memory does not grow with the archive.
type Stream struct {
	r       *Result
	topN    int
	writers []ItemWriter
	rules   tallyRules
	cls     *policy.Classifier
	whatIf  *policy.WhatIfAcc
	err     error
}

// NewStream starts the analysis of one export for member m as of asOf
// (p nil: inspect), and begins the writers.
func NewStream(p *policy.Policy, m policy.Member, asOf time.Time, topN int, writers []ItemWriter) *Stream {
	switch {
	case topN == 0:
		topN = MaxListed
	case topN < 0:
		topN = 0
	}
	s := &Stream{topN: topN, writers: writers}
	s.r = &Result{Policy: p, Member: m, AsOf: asOf, Tally: newTally(topN)}
	s.rules = tallyRules{registered: m.Registered, split: splitDay(p, m), topN: topN}
	if p != nil {
		s.cls = p.Classifier(m, asOf)
		s.whatIf = p.NewWhatIf(m, asOf)
	}
	for _, w := range writers {
		s.fail(w.Begin(s.r))
	}
	return s
}

func (s *Stream) fail(err error) {
	if err != nil && s.err == nil {
		s.err = err
	}
}

// states recycles the batches' buffers: growing a new row buffer for
// every batch was the largest source of garbage. Not a sync.Pool, which
// the garbage collector empties: the few batches in flight (parse.Scan
// bounds them) would then grow their buffers again after every cycle.
var states freeList[batchState]

// freeList holds values for reuse, as many as were ever in use at once.
type freeList[T any] struct {
	mu   sync.Mutex
	free []*T
}

func (l *freeList[T]) get() *T {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.free); n > 0 {
		v := l.free[n-1]
		l.free = l.free[:n-1]
		return v
	}
	return new(T)
}

func (l *freeList[T]) put(v *T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.free = append(l.free, v)
}

func (s *Stream) newBatchState() *batchState {
	st := states.get()
	if len(st.rows) < len(s.writers) {
		st.rows = make([]rowBuffer, len(s.writers))
	}
	st.rows = st.rows[:len(s.writers)]
	for i := range st.rows {
		st.rows[i].reset()
	}
	return st
}

// release gives a committed batch's buffers back.
func (st *batchState) release() {
	st.tally, st.whatIf = nil, nil
	clear(st.results)
	states.put(st)
}

// batchState is what Process leaves for Commit.
type batchState struct {
	results []policy.Result // nil when unclassified
	rows    []rowBuffer     // one per writer
	tally   *Tally
	whatIf  *policy.WhatIfAcc
}

// rowBuffer holds a batch's rows for one writer, end to end.
type rowBuffer struct {
	buf  []byte
	ends []int // where each item's row ends in buf
}

func (b *rowBuffer) reset() { b.buf, b.ends = b.buf[:0], b.ends[:0] }

// row is item i's row.
func (b *rowBuffer) row(i int) []byte {
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	return b.buf[start:b.ends[i]]
}

// Process classifies, encodes and tallies a batch; it runs on parse's
// workers, several at once.
func (s *Stream) Process(b *parse.Batch) {
	b.State = s.process(b.Items, nil)
}

func (s *Stream) process(items []parse.Item, keep func(int) bool) *batchState {
	st := s.newBatchState()
	st.tally = newTally(0) // lists no items: the ordered pass offers them to the result's
	if s.whatIf != nil {
		st.whatIf = s.r.Policy.NewWhatIf(s.r.Member, s.r.AsOf)
		st.results = slices.Grow(st.results[:0], len(items))[:len(items)]
	} else {
		st.results = nil // unclassified (inspect)
	}
	for i := range items {
		it := &items[i]
		var c *policy.Result
		if s.cls != nil {
			subj := subject(it)
			st.results[i] = s.cls.Classify(subj)
			c = &st.results[i]
			if keep == nil || keep(i) {
				st.whatIf.Add(subj)
			}
		}
		if keep == nil || keep(i) {
			st.tally.add(&s.rules, it, c)
		}
		s.encode(st.rows, it, c)
	}
	return st
}

func subject(it *parse.Item) policy.Subject {
	return policy.Subject{Kind: string(it.Kind), Date: it.Date, LowerBound: it.Basis == parse.DateLowerBound, Visibility: it.Visibility}
}

// encode appends the item's row for each writer.
func (s *Stream) encode(rows []rowBuffer, it *parse.Item, c *policy.Result) {
	for k, w := range s.writers {
		b := &rows[k]
		b.buf = w.AppendRow(b.buf, it, c)
		b.ends = append(b.ends, len(b.buf))
	}
}

// Commit writes a batch's rows and adds it to the tally, in the export's
// order. Items another part of the export already gave are left out; an
// item renamed after Process is encoded again.
func (s *Stream) Commit(b *parse.Batch) {
	if st := s.commit(b); st != nil {
		st.release()
	}
}

// commit is Commit but for giving back the batch's buffers, which the
// caller does when it is done with the results.
func (s *Stream) commit(b *parse.Batch) *batchState {
	st, _ := b.State.(*batchState)
	if st == nil {
		return nil
	}
	b.State = nil
	if b.Dropped != nil {
		// Rare (Basic and Complete parts): count again without the drops.
		again := s.process(b.Items, b.Kept)
		st.tally, st.whatIf = again.tally, again.whatIf
	}
	s.write(b, st)
	s.r.Tally.merge(st.tally)
	if st.results != nil {
		for i := range b.Items {
			if b.Kept(i) {
				s.r.Tally.offerNewest(&b.Items[i], &st.results[i], int64(b.Seq())<<32|int64(i))
			}
		}
	}
	if s.whatIf != nil {
		s.whatIf.Merge(st.whatIf)
	}
	return st
}

// write sends the batch's rows to the writers.
func (s *Stream) write(b *parse.Batch, st *batchState) {
	if len(s.writers) == 0 {
		return
	}
	var renamed map[int]bool // almost always none
	for _, i := range b.Renamed {
		if renamed == nil {
			renamed = map[int]bool{}
		}
		renamed[i] = true
	}
	var again []rowBuffer
	for i := range b.Items {
		if !b.Kept(i) {
			continue
		}
		rows := st.rows
		at := i
		if renamed[i] {
			if again == nil {
				again = make([]rowBuffer, len(s.writers))
			}
			for k := range again {
				again[k].reset()
			}
			s.encode(again, &b.Items[i], st.result(i))
			rows, at = again, 0
		}
		for k, w := range s.writers {
			s.fail(w.WriteRow(rows[k].row(at)))
		}
	}
}

func (st *batchState) result(i int) *policy.Result {
	if st.results == nil {
		return nil
	}
	return &st.results[i]
}

// Finish ends the writers (a JSON result's tail: files, problems, totals,
// what-if) and returns the result. x is the export as Scan accounted for
// it.
func (s *Stream) Finish(x *parse.Export) (*Result, error) {
	r := s.r
	r.Export = x
	if s.whatIf != nil {
		r.WhatIf = s.whatIf.Points()
	}
	for _, w := range s.writers {
		s.fail(w.End(r))
	}
	return r, s.err
}
