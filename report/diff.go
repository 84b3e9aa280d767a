package report

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"exposure/parse"
)

// DiffSchema names the JSON form of a comparison (contract, "diff --json").
const DiffSchema = "exposure-diff/v1"

// Diff compares two analysed exports of one member. Items are matched by
// their content ID, which does not depend on file names, shards, row order
// or an era's quoting. Only a compact record of each item is kept (about
// 40 bytes), and the items the page lists, with their text.
type Diff struct {
	Old, New *Result // totals and member facts of each side; no items
	Added    []diffRec
	Removed  []diffRec // the member's deletions
	Changed  []Change  // items in both whose outcome differs, in the new export's order

	names   *diffNames
	shown   diffShownLists
	maxShow int
}

// Change is an item present in both exports whose outcome differs.
type Change struct{ Old, New diffRec }

// diffRec is what the comparison keeps of one item.
type diffRec struct {
	date    int64 // Unix seconds; noDate when undated
	id      [idBytes]byte
	line    int32
	file    uint16 // in diffNames.files
	kind    uint8  // in parse.Kinds
	outcome uint8  // in Outcomes
	reason  uint8  // in diffNames.reasons
	seq     int64  // place in its export (batch, index)
}

const (
	idBytes = 12
	noDate  = math.MinInt64
)

// diffNames interns the few distinct file names and reasons of the records.
type diffNames struct {
	files, reasons     []string
	fileIdx, reasonIdx map[string]int
}

func newDiffNames() *diffNames {
	return &diffNames{fileIdx: map[string]int{}, reasonIdx: map[string]int{}}
}

func intern(names *[]string, idx map[string]int, s string) int {
	if i, ok := idx[s]; ok {
		return i
	}
	idx[s] = len(*names)
	*names = append(*names, s)
	return idx[s]
}

var kindIndex = func() map[parse.Kind]uint8 {
	m := map[parse.Kind]uint8{}
	for i, k := range parse.Kinds {
		m[k] = uint8(i)
	}
	return m
}()

// record makes the compact record of an item and its outcome.
func (n *diffNames) record(it *parse.Item, o *Outcome, seq int64) (diffRec, error) {
	r := diffRec{date: noDate, line: int32(it.Line), outcome: uint8(outcomeIndex(o.Outcome)), seq: seq}
	if !it.Date.IsZero() {
		r.date = it.Date.Unix()
	}
	if _, err := hex.Decode(r.id[:], []byte(it.ID)); err != nil || len(it.ID) != 2*idBytes {
		return r, fmt.Errorf("item %s:%d: id %q is not %d hexadecimal digits", it.File, it.Line, it.ID, 2*idBytes)
	}
	k, ok := kindIndex[it.Kind]
	if !ok {
		return r, fmt.Errorf("item %s:%d: unknown kind %q", it.File, it.Line, it.Kind)
	}
	r.kind = k
	f := intern(&n.files, n.fileIdx, it.File)
	re := intern(&n.reasons, n.reasonIdx, o.Reason)
	if f > math.MaxUint16 || re > math.MaxUint8 {
		return r, fmt.Errorf("item %s:%d: too many distinct files or reasons to compare", it.File, it.Line)
	}
	r.file, r.reason = uint16(f), uint8(re)
	return r, nil
}

func (n *diffNames) id(r diffRec) string      { return hex.EncodeToString(r.id[:]) }
func (n *diffNames) kind(r diffRec) string    { return string(parse.Kinds[r.kind]) }
func (n *diffNames) outcome(r diffRec) string { return Outcomes[r.outcome] }
func (n *diffNames) reason(r diffRec) string  { return n.reasons[r.reason] }
func (n *diffNames) file(r diffRec) string    { return n.files[r.file] }
func (n *diffNames) date(r diffRec) *string {
	if r.date == noDate {
		return nil
	}
	return stamp(time.Unix(r.date, 0))
}

// DiffSide is the parse.Sink of one side of `exposure diff`: a Stream (the
// side is classified as `exposure report` would) that also keeps each
// item's record. The new export is read first; the old one is then matched
// against it item by item (Against), so that the items the page lists are
// at hand, with their text, when they are found.
type DiffSide struct {
	*Stream
	d    *Diff
	recs []diffRec // new side: every item, in order
	err  error
	// old side only:
	cur     *DiffSide
	byID    []int32 // cur.recs by ID
	matched []bool  // cur.recs found in the old export
}

// NewDiffSide starts the new side of a comparison; maxShow caps the items
// the page lists (default 200).
func NewDiffSide(a Analysis, maxShow int) *DiffSide {
	if maxShow <= 0 {
		maxShow = 200
	}
	d := &Diff{names: newDiffNames(), maxShow: maxShow}
	d.shown = newDiffShownLists(maxShow)
	return &DiffSide{Stream: NewStream(a), d: d}
}

// Against starts the old side, to be matched against the new side cur,
// which must be finished.
func (cur *DiffSide) Against(a Analysis) *DiffSide {
	old := &DiffSide{Stream: NewStream(a), d: cur.d, cur: cur, matched: make([]bool, len(cur.recs))}
	old.byID = make([]int32, len(cur.recs))
	for i := range old.byID {
		old.byID[i] = int32(i)
	}
	recs := cur.recs
	sort.Slice(old.byID, func(a, b int) bool { return bytes.Compare(recs[old.byID[a]].id[:], recs[old.byID[b]].id[:]) < 0 })
	return old
}

// Commit classifies as Stream does, then records or matches the batch's items.
func (s *DiffSide) Commit(b *parse.Batch) {
	st := s.Stream.commit(b)
	if st == nil {
		return
	}
	defer st.release()
	if st.outcomes == nil {
		return
	}
	for i := range b.Items {
		if b.Kept(i) {
			s.add(&b.Items[i], &st.outcomes[i], int64(b.Seq())<<32|int64(i))
		}
	}
}

func (s *DiffSide) add(it *parse.Item, o *Outcome, seq int64) {
	r, err := s.d.names.record(it, o, seq)
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return
	}
	if s.cur == nil {
		s.recs = append(s.recs, r)
		return
	}
	j, found := s.find(r.id)
	switch {
	case !found:
		s.d.Removed = append(s.d.Removed, r)
		s.d.shown.removed.offer(diffShown{Item: *it, Old: *o, New: *o, order: seq})
	case s.cur.recs[j].outcome != r.outcome:
		s.matched[j] = true
		n := s.cur.recs[j]
		s.d.Changed = append(s.d.Changed, Change{Old: r, New: n})
		nd := *it // the same content: its text, with the new export's date and place
		nd.Date = time.Time{}
		if n.date != noDate {
			nd.Date = time.Unix(n.date, 0).UTC()
		}
		s.d.shown.changed.offer(diffShown{Item: nd, Old: *o, New: Outcome{Outcome: s.d.names.outcome(n), Reason: s.d.names.reason(n)}, order: n.seq})
	default:
		s.matched[j] = true
	}
}

// find looks an ID up among the new side's records; an ID the new export
// holds several times (identical rows are ranked, so only across parts
// read as one) matches its first unmatched record.
func (s *DiffSide) find(id [idBytes]byte) (int, bool) {
	recs := s.cur.recs
	k := sort.Search(len(s.byID), func(i int) bool { return bytes.Compare(recs[s.byID[i]].id[:], id[:]) >= 0 })
	for ; k < len(s.byID) && recs[s.byID[k]].id == id; k++ {
		if j := int(s.byID[k]); !s.matched[j] {
			return j, true
		}
	}
	if k > 0 && k <= len(s.byID) && recs[s.byID[k-1]].id == id {
		return int(s.byID[k-1]), true // all matched already: count as the same item
	}
	return 0, false
}

// Finish ends the side's outputs; x is the export as read. For the old
// side it returns the comparison.
func (s *DiffSide) Finish(x *parse.Export) (*Result, error) {
	r, err := s.Stream.Finish(x)
	if err == nil {
		err = s.err
	}
	return r, err
}

// Diff completes the comparison once both sides are finished.
func (s *DiffSide) Diff(old, cur *Result) *Diff {
	d := s.d
	d.Old, d.New = old, cur
	for j, r := range s.cur.recs {
		if !s.matched[j] {
			d.Added = append(d.Added, r)
		}
	}
	sort.SliceStable(d.Changed, func(a, b int) bool { return d.Changed[a].New.seq < d.Changed[b].New.seq })
	return d
}

// Compare matches the items of two results held in memory (Analyse).
func Compare(old, cur *Result) *Diff {
	n := NewDiffSide(Analysis{}, 0)
	for i := range cur.Export.Items {
		n.add(&cur.Export.Items[i], &cur.Outcomes[i], int64(i))
	}
	o := n.Against(Analysis{})
	for i := range old.Export.Items {
		o.add(&old.Export.Items[i], &old.Outcomes[i], int64(i))
	}
	return o.Diff(old, cur)
}

// diffShown is an item the page lists, with its outcome in each export.
type diffShown struct {
	Item     parse.Item
	Old, New Outcome
	order    int64
}

type diffShownLists struct{ changed, removed *boundedList[diffShown] }

func newDiffShownLists(max int) diffShownLists {
	newer := func(a, b *diffShown) bool {
		if !a.Item.Date.Equal(b.Item.Date) {
			return a.Item.Date.After(b.Item.Date)
		}
		return a.order < b.order
	}
	return diffShownLists{changed: newBoundedList(max, newer), removed: newBoundedList(max, newer)}
}

type diffJSON struct {
	Schema  string        `json:"schema"`
	Old     diffSideJSON  `json:"old"`
	New     diffSideJSON  `json:"new"`
	Added   diffSetJSON   `json:"added"`
	Removed diffSetJSON   `json:"removed"`
	Changed diffChangeSet `json:"changed"`
}

// diffSideJSON is the contract's totals object of one side, with where it
// came from added beside its keys.
type diffSideJSON struct {
	totalsJSON
	Sources []string    `json:"sources"`
	AsOf    *string     `json:"as_of"`
	Member  *memberJSON `json:"member"`
}

type diffSetJSON struct {
	Count  int            `json:"count"`
	ByKind map[string]int `json:"by_kind"`
	Items  []diffItemJSON `json:"items"`
}

type diffItemJSON struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Date    *string `json:"date"`
	File    string  `json:"file"`
	Line    int     `json:"line"`
	Outcome string  `json:"outcome"`
}

type diffChangeSet struct {
	Count int              `json:"count"`
	List  []diffChangeJSON `json:"list"`
}

type diffChangeJSON struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Date       *string `json:"date"`
	OldOutcome string  `json:"old_outcome"`
	OldReason  string  `json:"old_reason"`
	NewOutcome string  `json:"new_outcome"`
	NewReason  string  `json:"new_reason"`
}

func side(r *Result) diffSideJSON {
	return diffSideJSON{totalsJSON: r.totals(), Sources: r.Export.Sources, AsOf: day(r.AsOf), Member: r.memberJSON()}
}

func (d *Diff) itemSet(recs []diffRec) diffSetJSON {
	n := d.names
	s := diffSetJSON{Count: len(recs), ByKind: map[string]int{}, Items: []diffItemJSON{}}
	for _, r := range recs {
		s.ByKind[n.kind(r)]++
		s.Items = append(s.Items, diffItemJSON{ID: n.id(r), Kind: n.kind(r), Date: n.date(r), File: n.file(r), Line: int(r.line), Outcome: n.outcome(r)})
	}
	return s
}

// WriteDiffJSON writes the comparison as exposure-diff/v1.
func WriteDiffJSON(w io.Writer, d *Diff) error {
	n := d.names
	doc := diffJSON{
		Schema: DiffSchema, Old: side(d.Old), New: side(d.New),
		Added: d.itemSet(d.Added), Removed: d.itemSet(d.Removed),
		Changed: diffChangeSet{Count: len(d.Changed), List: []diffChangeJSON{}},
	}
	for _, c := range d.Changed {
		doc.Changed.List = append(doc.Changed.List, diffChangeJSON{ID: n.id(c.New), Kind: n.kind(c.New), Date: n.date(c.New),
			OldOutcome: n.outcome(c.Old), OldReason: n.reason(c.Old), NewOutcome: n.outcome(c.New), NewReason: n.reason(c.New)})
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteDiffSummary prints the comparison in the terminal.
func WriteDiffSummary(w io.Writer, d *Diff) error {
	fmt.Fprintf(w, "Old: %s (as of %s)\nNew: %s (as of %s)\n\n",
		strings.Join(d.Old.Export.Sources, ", "), d.Old.AsOf.Format("2006-01-02"),
		strings.Join(d.New.Export.Sources, ", "), d.New.AsOf.Format("2006-01-02"))
	ob, nb := d.Old.ByOutcome(), d.New.ByOutcome()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTCOME\t    OLD\t    NEW\t CHANGE")
	for _, o := range Outcomes {
		fmt.Fprintf(tw, "%s\t%7d\t%7d\t%+7d\n", o, ob[o], nb[o], nb[o]-ob[o])
	}
	fmt.Fprintf(tw, "total\t%7d\t%7d\t%+7d\n", d.Old.Tally.Items, d.New.Tally.Items, d.New.Tally.Items-d.Old.Tally.Items)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nAdded since the old export:   %d  %s\n", len(d.Added), d.kindCounts(d.Added))
	fmt.Fprintf(w, "Removed (deleted) since:      %d  %s\n", len(d.Removed), d.kindCounts(d.Removed))
	fmt.Fprintf(w, "Outcome changed:              %d  %s\n", len(d.Changed), changeCounts(d))
	return nil
}

func (d *Diff) kindCounts(recs []diffRec) string {
	if len(recs) == 0 {
		return ""
	}
	return "(" + topCounts(d.byKind(recs), 6) + ")"
}

func (d *Diff) byKind(recs []diffRec) map[string]int {
	counts := map[string]int{}
	for _, r := range recs {
		counts[d.names.kind(r)]++
	}
	return counts
}

// changeCounts groups the changes by their move, e.g. "in_scope→protected 12".
func changeCounts(d *Diff) string {
	if len(d.Changed) == 0 {
		return ""
	}
	counts := map[string]int{}
	for _, c := range d.Changed {
		counts[d.names.outcome(c.Old)+"→"+d.names.outcome(c.New)]++
	}
	return "(" + topCounts(counts, 6) + ")"
}

// sortedKinds lists the kinds of a count map, largest first.
func sortedKinds(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if counts[keys[a]] != counts[keys[b]] {
			return counts[keys[a]] > counts[keys[b]]
		}
		return keys[a] < keys[b]
	})
	return keys
}
