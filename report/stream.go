package report

import (
	"bufio"
	"io"
	"slices"
	"sync"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Analysis is what classifying an export needs besides its items.
type Analysis struct {
	Policy *policy.Policy // nil: tally only (inspect)
	Member policy.Member
	Info   MemberInfo
	AsOf   time.Time
	Redact bool
	// TopN is how many of the newest exposed items the result keeps for the
	// HTML list (default 200).
	TopN int
	// JSON and CSV receive the items as they are classified; nil for none.
	JSON, CSV io.Writer

	keep bool // keep every outcome (Analyse: items in memory)
}

// Stream classifies an export's items while parse.Scan reads them: it is
// the parse.Sink of `exposure report`. Each item is classified and encoded
// for the JSON and CSV outputs on the worker that parsed it; the ordered
// pass writes the encoded rows and adds the batch to the tally. Nothing of
// an item outlives its batch but its counts (and, for the newest exposed
// items, the item itself), so memory does not grow with the archive.
type Stream struct {
	a      Analysis
	r      *Result // printer settings (redaction) for the encoders
	rules  tallyRules
	cls    *policy.Classifier
	tally  *Tally
	whatIf *policy.WhatIfAcc
	json   *jsonWriter
	csv    *bufio.Writer
	err    error
	// With keep, every outcome.
	outcomes []Outcome
}

// NewStream starts an analysis; with a JSON writer it writes the result's
// head, with a CSV writer the header row.
func NewStream(a Analysis) *Stream {
	if a.TopN <= 0 {
		a.TopN = 200
	}
	s := &Stream{a: a, tally: newTally(a.TopN)}
	s.r = &Result{Policy: a.Policy, Member: a.Info, AsOf: a.AsOf, Redact: a.Redact}
	s.rules = tallyRules{registered: a.Info.Registered, split: splitDay(a.Policy, a.Info), topN: a.TopN}
	if a.Policy != nil {
		s.cls = a.Policy.Classifier(a.Member, a.AsOf)
		s.whatIf = a.Policy.NewWhatIf(a.Member, a.AsOf)
	}
	if a.keep {
		s.outcomes = []Outcome{}
	}
	if a.JSON != nil {
		s.json = newJSONWriter(a.JSON)
		s.fail(s.json.start(s.r))
	}
	if a.CSV != nil {
		s.csv = bufio.NewWriterSize(a.CSV, 256<<10)
		_, err := s.csv.Write(appendCSVRecord(nil, csvHeader))
		s.fail(err)
	}
	return s
}

// splitDay is where the before/after chart splits the items: the opt-out
// (or objection), else the start of the region's current training window.
func splitDay(p *policy.Policy, m MemberInfo) time.Time {
	split := m.effectiveOptOut()
	if split.IsZero() && p != nil {
		if reg, ok := p.Region(m.Region); ok && len(reg.Windows) > 0 {
			split = reg.Windows[len(reg.Windows)-1].Start
		}
	}
	return split
}

func (s *Stream) fail(err error) {
	if err != nil && s.err == nil {
		s.err = err
	}
}

// states recycles the batches' buffers: growing a new JSON buffer for
// every batch was the largest source of garbage.
var states = sync.Pool{New: func() any { return &batchState{} }}

func newBatchState() *batchState {
	st := states.Get().(*batchState)
	st.json, st.jsonEnd, st.csv, st.csvEnd = st.json[:0], st.jsonEnd[:0], st.csv[:0], st.csvEnd[:0]
	return st
}

// release gives a committed batch's buffers back.
func (st *batchState) release() {
	st.tally, st.whatIf = nil, nil
	clear(st.outcomes)
	states.Put(st)
}

// batchState is what Process leaves for Commit.
type batchState struct {
	outcomes []Outcome
	json     []byte
	jsonEnd  []int // where each item's JSON ends in json
	csv      []byte
	csvEnd   []int
	tally    *Tally
	whatIf   *policy.WhatIfAcc
}

// Process classifies, encodes and tallies a batch; it runs on parse's
// workers, several at once.
func (s *Stream) Process(b *parse.Batch) {
	b.State = s.process(b.Items, b.Seq(), nil)
}

func (s *Stream) process(items []parse.Item, seq int, keep func(int) bool) *batchState {
	st := newBatchState()
	st.tally = newTally(s.a.TopN)
	if s.whatIf != nil {
		st.whatIf = s.a.Policy.NewWhatIf(s.a.Member, s.a.AsOf)
	}
	if s.a.Policy != nil {
		st.outcomes = slices.Grow(st.outcomes[:0], len(items))[:len(items)]
	} else {
		st.outcomes = nil // unclassified (inspect)
	}
	var scratch []string
	for i := range items {
		it := &items[i]
		var o *Outcome
		if s.a.Policy != nil {
			subj := subject(it)
			c := s.cls.Classify(subj)
			st.outcomes[i] = Outcome{Outcome: c.Outcome, Reason: c.Reason, Confidence: c.Confidence, Flags: c.Flags}
			o = &st.outcomes[i]
			if keep == nil || keep(i) {
				st.whatIf.Add(subj)
			}
		}
		if keep == nil || keep(i) {
			st.tally.add(&s.rules, it, outcomeIndexOf(o), int64(seq)<<32|int64(i))
		}
		scratch = s.encode(st, it, o, scratch)
	}
	return st
}

func subject(it *parse.Item) policy.Subject {
	return policy.Subject{Kind: string(it.Kind), Date: it.Date, LowerBound: it.Basis == parse.DateLowerBound, Visibility: it.Visibility}
}

func outcomeIndexOf(o *Outcome) int {
	if o == nil {
		return -1
	}
	return outcomeIndex(o.Outcome)
}

// encode appends the item's JSON and CSV rows to the batch's buffers.
func (s *Stream) encode(st *batchState, it *parse.Item, o *Outcome, scratch []string) []string {
	if s.json == nil && s.csv == nil {
		return scratch
	}
	j, scratch := s.r.itemJSON(it, o, scratch)
	if s.json != nil {
		st.json = appendItemJSON(st.json, &j)
		st.jsonEnd = append(st.jsonEnd, len(st.json))
	}
	if s.csv != nil {
		st.csv = appendCSVRow(st.csv, &j)
		st.csvEnd = append(st.csvEnd, len(st.csv))
	}
	return scratch
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
// caller does when it is done with the outcomes.
func (s *Stream) commit(b *parse.Batch) *batchState {
	st, _ := b.State.(*batchState)
	if st == nil {
		return nil
	}
	b.State = nil
	if b.Dropped != nil {
		// Rare (Basic and Complete parts): count again without the drops.
		again := s.process(b.Items, b.Seq(), b.Kept)
		st.tally, st.whatIf = again.tally, again.whatIf
	}
	var renamed map[int]bool // almost always none
	for _, i := range b.Renamed {
		if renamed == nil {
			renamed = map[int]bool{}
		}
		renamed[i] = true
	}
	s.write(b, st, renamed)
	s.tally.merge(st.tally)
	if s.whatIf != nil {
		s.whatIf.Merge(st.whatIf)
	}
	if s.outcomes != nil {
		for i := range b.Items {
			if b.Kept(i) {
				s.outcomes = append(s.outcomes, st.outcomes[i]) // the policy shares flag lists
			}
		}
	}
	return st
}

// write sends the batch's encoded rows to the outputs.
func (s *Stream) write(b *parse.Batch, st *batchState, renamed map[int]bool) {
	if s.json == nil && s.csv == nil {
		return
	}
	var scratch []string
	var one batchState
	for i := range b.Items {
		if !b.Kept(i) {
			continue
		}
		jsonRow, csvRow := encodedRow(st.json, st.jsonEnd, i), encodedRow(st.csv, st.csvEnd, i)
		if renamed[i] {
			one.json, one.csv, one.jsonEnd, one.csvEnd = one.json[:0], one.csv[:0], one.jsonEnd[:0], one.csvEnd[:0]
			scratch = s.encode(&one, &b.Items[i], outcomeAt(st, i), scratch)
			jsonRow, csvRow = one.json, one.csv
		}
		if s.json != nil {
			s.fail(s.json.item(jsonRow))
		}
		if s.csv != nil {
			_, err := s.csv.Write(csvRow)
			s.fail(err)
		}
	}
}

func encodedRow(buf []byte, ends []int, i int) []byte {
	if len(ends) == 0 { // not an output of this run
		return nil
	}
	start := 0
	if i > 0 {
		start = ends[i-1]
	}
	return buf[start:ends[i]]
}

func outcomeAt(st *batchState, i int) *Outcome {
	if st.outcomes == nil {
		return nil
	}
	return &st.outcomes[i]
}

// feed runs items held in memory through a sink, in batches.
func feed(s parse.Sink, items []parse.Item) {
	const size = 4096
	for seq := 0; seq*size < len(items); seq++ {
		b := parse.NewBatch(items[seq*size:min((seq+1)*size, len(items))], seq)
		s.Process(b)
		s.Commit(b)
	}
}

// Finish ends the outputs (the JSON's tail: files, problems, totals,
// what-if) and returns the result for the HTML report and the summary. x
// is the export as Scan accounted for it.
func (s *Stream) Finish(x *parse.Export) (*Result, error) {
	r := s.r
	r.Export = x
	r.Tally = s.tally
	r.Outcomes = s.outcomes
	if s.whatIf != nil {
		for _, w := range s.whatIf.Points() {
			r.WhatIf = append(r.WhatIf, WhatIfPoint{Month: w.Month.Format("2006-01"), Counts: w.Counts})
		}
	}
	if s.json != nil {
		s.fail(s.json.end(r))
	}
	if s.csv != nil {
		s.fail(s.csv.Flush())
	}
	return r, s.err
}
