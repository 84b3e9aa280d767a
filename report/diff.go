package report

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"
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
// or an era's quoting. Only a compact record of each item of the new export
// is kept (32 bytes), the records of the old export's items that are not
// in the new one, and the items the page lists, with their text.
type Diff struct {
	Old, New *Result  // totals and member facts of each side; no items
	Removed  recList  // the member's deletions, in the old export's order
	Changed  []Change // items in both whose outcome differs, in the new export's order

	cur     *recList // every item of the new export
	matched []bool   // the new export's items found in the old one
	names   *diffNames
	shown   diffShownLists
}

// Change is an item present in both exports whose outcome differs.
type Change struct {
	Old, New diffRec
	at       int // the item's place in the new export
}

// Counts is the number of items added, removed and changed.
func (d *Diff) Counts() (added, removed, changed int) {
	for range d.added() {
		added++
	}
	return added, d.Removed.len(), len(d.Changed)
}

// added lists the new export's items that the old one does not hold, in order.
func (d *Diff) added() iter.Seq[*diffRec] {
	return func(yield func(*diffRec) bool) {
		for i, r := range d.cur.all() {
			if !d.matched[i] && !yield(r) {
				return
			}
		}
	}
}

// recList stores records in blocks, so that growing it never copies them:
// a doubling slice of millions of records would need half again as much.
type recList struct {
	blocks [][]diffRec
	n      int
}

const recBlock = 1 << 15

func (l *recList) add(r diffRec) {
	if l.n%recBlock == 0 {
		l.blocks = append(l.blocks, make([]diffRec, 0, recBlock))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, r)
	l.n++
}

func (l *recList) len() int { return l.n }

// values lists the records in order.
func (l *recList) values() iter.Seq[*diffRec] {
	return func(yield func(*diffRec) bool) {
		for _, r := range l.all() {
			if !yield(r) {
				return
			}
		}
	}
}
func (l *recList) at(i int) *diffRec { return &l.blocks[i/recBlock][i%recBlock] }
func (l *recList) all() iter.Seq2[int, *diffRec] {
	return func(yield func(int, *diffRec) bool) {
		for i := range l.n {
			if !yield(i, l.at(i)) {
				return
			}
		}
	}
}

// diffRec is what the comparison keeps of one item.
type diffRec struct {
	date    int64 // Unix seconds; noDate when undated
	id      [idBytes]byte
	line    int32
	file    uint16 // in diffNames.files
	kind    uint8  // in parse.Kinds
	outcome uint8  // in Outcomes
	reason  uint8  // in diffNames.reasons
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
func (n *diffNames) record(it *parse.Item, o *Outcome) (diffRec, error) {
	r := diffRec{date: noDate, line: int32(it.Line), outcome: uint8(outcomeIndex(o.Outcome))}
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
	d   *Diff
	err error
	// old side only:
	cur  *DiffSide
	byID []int32 // the new export's records by ID
}

// NewDiffSide starts the new side of a comparison; maxShow caps the items
// the page lists (default 200).
func NewDiffSide(a Analysis, maxShow int) *DiffSide {
	if maxShow <= 0 {
		maxShow = 200
	}
	d := &Diff{cur: &recList{}, names: newDiffNames(), shown: newDiffShownLists(maxShow)}
	return &DiffSide{Stream: NewStream(a), d: d}
}

// Against starts the old side, to be matched against the new side cur,
// which must be finished.
func (cur *DiffSide) Against(a Analysis) *DiffSide {
	recs := cur.d.cur
	cur.d.matched = make([]bool, recs.len())
	old := &DiffSide{Stream: NewStream(a), d: cur.d, cur: cur, byID: make([]int32, recs.len())}
	for i := range old.byID {
		old.byID[i] = int32(i)
	}
	slices.SortFunc(old.byID, func(a, b int32) int { return compareID(&recs.at(int(a)).id, &recs.at(int(b)).id) })
	return old
}

func compareID(a, b *[idBytes]byte) int {
	if c := cmp.Compare(binary.BigEndian.Uint64(a[:8]), binary.BigEndian.Uint64(b[:8])); c != 0 {
		return c
	}
	return cmp.Compare(binary.BigEndian.Uint32(a[8:]), binary.BigEndian.Uint32(b[8:]))
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

// add records an item of the new export, or matches one of the old; order
// is its place in its export, for the lists the page shows.
func (s *DiffSide) add(it *parse.Item, o *Outcome, order int64) {
	d := s.d
	r, err := d.names.record(it, o)
	if err != nil {
		if s.err == nil {
			s.err = err
		}
		return
	}
	if s.cur == nil {
		d.cur.add(r)
		return
	}
	j, found := s.find(&r.id)
	if !found {
		d.Removed.add(r)
		d.shown.removed.offer(diffShown{Item: *it, Old: *o, New: *o, order: order})
		return
	}
	d.matched[j] = true
	n := d.cur.at(j)
	if n.outcome == r.outcome {
		return
	}
	d.Changed = append(d.Changed, Change{Old: r, New: *n, at: j})
	shown := *it // the same content: its text, with the new export's date and place
	shown.Date = time.Time{}
	if n.date != noDate {
		shown.Date = time.Unix(n.date, 0).UTC()
	}
	d.shown.changed.offer(diffShown{Item: shown, Old: *o, New: Outcome{Outcome: d.names.outcome(*n), Reason: d.names.reason(*n)}, order: int64(j)})
}

// find looks an ID up among the new side's records; an ID the new export
// holds several times (identical rows are ranked, so only across parts
// read as one) matches its first unmatched record.
func (s *DiffSide) find(id *[idBytes]byte) (int, bool) {
	recs, matched := s.d.cur, s.d.matched
	k, _ := slices.BinarySearchFunc(s.byID, id, func(e int32, t *[idBytes]byte) int { return compareID(&recs.at(int(e)).id, t) })
	first := k
	for ; k < len(s.byID) && recs.at(int(s.byID[k])).id == *id; k++ {
		if j := int(s.byID[k]); !matched[j] {
			return j, true
		}
	}
	if k > first {
		return int(s.byID[first]), true // all matched already: count as the same item
	}
	return 0, false
}

// Finish ends the side's outputs; x is the export as read.
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
	slices.SortStableFunc(d.Changed, func(a, b Change) int { return cmp.Compare(a.at, b.at) })
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

// diffSideJSON is the contract's totals object of one side, with where it
// came from added beside its keys.
type diffSideJSON struct {
	totalsJSON
	Sources []string    `json:"sources"`
	AsOf    *string     `json:"as_of"`
	Member  *memberJSON `json:"member"`
}

type diffItemJSON struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Date    *string `json:"date"`
	File    string  `json:"file"`
	Line    int     `json:"line"`
	Outcome string  `json:"outcome"`
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

// WriteDiffJSON writes the comparison as exposure-diff/v1: old and new
// (each the contract's totals, with where it came from), added and removed
// (count, by_kind and items) and changed (count and list). The lists are
// written item by item, one per line: comparing two unrelated exports lists
// millions.
func WriteDiffJSON(w io.Writer, d *Diff) error {
	jw := &diffWriter{bw: bufio.NewWriterSize(w, 256<<10)}
	added, removed, changed := d.Counts()
	jw.raw("{\n \"schema\": ")
	jw.value(DiffSchema, " ")
	jw.raw(",\n \"old\": ")
	jw.value(side(d.Old), " ")
	jw.raw(",\n \"new\": ")
	jw.value(side(d.New), " ")
	jw.raw(",\n \"added\": ")
	d.writeSet(jw, added, d.added())
	jw.raw(",\n \"removed\": ")
	d.writeSet(jw, removed, d.Removed.values())
	jw.raw(",\n \"changed\": {\n  \"count\": ")
	jw.value(changed, "  ")
	jw.raw(",\n  \"list\": [")
	n := d.names
	for i, c := range d.Changed {
		jw.item(i, diffChangeJSON{ID: n.id(c.New), Kind: n.kind(c.New), Date: n.date(c.New),
			OldOutcome: n.outcome(c.Old), OldReason: n.reason(c.Old), NewOutcome: n.outcome(c.New), NewReason: n.reason(c.New)})
	}
	jw.endList()
	jw.raw("\n }\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.bw.Flush()
}

// writeSet writes an added or removed set: its count, by kind, and items.
func (d *Diff) writeSet(jw *diffWriter, count int, recs iter.Seq[*diffRec]) {
	n := d.names
	jw.raw("{\n  \"count\": ")
	jw.value(count, "  ")
	jw.raw(",\n  \"by_kind\": ")
	jw.value(d.byKind(recs), "  ")
	jw.raw(",\n  \"items\": [")
	i := 0
	for r := range recs {
		jw.item(i, diffItemJSON{ID: n.id(*r), Kind: n.kind(*r), Date: n.date(*r), File: n.file(*r), Line: int(r.line), Outcome: n.outcome(*r)})
		i++
	}
	jw.endList()
	jw.raw("\n }")
}

// diffWriter writes JSON pieces, keeping the first error.
type diffWriter struct {
	bw    *bufio.Writer
	err   error
	items int
}

func (j *diffWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.bw.WriteString(s)
	}
}

// value writes v indented under prefix, without escaping HTML characters
// (paths and sources are shown as they are).
func (j *diffWriter) value(v any, prefix string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, " ")
	if err := enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.raw(strings.TrimSuffix(b.String(), "\n"))
}

// item writes the i-th element of a list, on a line of its own.
func (j *diffWriter) item(i int, v any) {
	if i > 0 {
		j.raw(",")
	}
	j.raw("\n   ")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.raw(strings.TrimSuffix(b.String(), "\n"))
	j.items = i + 1
}

// endList closes a list, on its own line when it has items.
func (j *diffWriter) endList() {
	if j.items > 0 {
		j.raw("\n  ")
	}
	j.raw("]")
	j.items = 0
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
	added, removed, changed := d.Counts()
	fmt.Fprintf(w, "\nAdded since the old export:   %d  %s\n", added, d.kindCounts(d.added()))
	fmt.Fprintf(w, "Removed (deleted) since:      %d  %s\n", removed, d.kindCounts(d.Removed.values()))
	fmt.Fprintf(w, "Outcome changed:              %d  %s\n", changed, changeCounts(d))
	return nil
}

func (d *Diff) kindCounts(recs iter.Seq[*diffRec]) string {
	counts := d.byKind(recs)
	if len(counts) == 0 {
		return ""
	}
	return "(" + topCounts(counts, 6) + ")"
}

func (d *Diff) byKind(recs iter.Seq[*diffRec]) map[string]int {
	counts := map[string]int{}
	for r := range recs {
		counts[d.names.kind(*r)]++
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
