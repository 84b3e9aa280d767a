package analysis

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Diff compares two analysed exports of one member. Items are matched by
// their content ID, which does not depend on file names, shards, row order
// or an era's quoting. Only a compact record of each item of the new export
// is kept (32 bytes), the records of the old export's items that are not
// in the new one, and the items a page lists, with their text.
type Diff struct {
	Old, New *Result // totals and member facts of each side; no items

	removed recList  // the member's deletions, in the old export's order
	changed []change // items in both whose outcome differs, in the new export's order
	cur     *recList // every item of the new export
	matched []bool   // the new export's items found in the old one
	names   *diffNames
	shown   diffShownLists
}

// change is an item present in both exports whose outcome differs.
type change struct {
	old, new diffRec
	at       int // the item's place in the new export
}

// DiffItem is an item of a comparison as its lists give it.
type DiffItem struct {
	ID      string
	Kind    parse.Kind
	Date    time.Time // zero when undated
	File    string
	Line    int
	Outcome policy.Outcome
	Reason  policy.Reason
}

// Counts is the number of items added, removed and changed.
func (d *Diff) Counts() (added, removed, changed int) {
	for range d.addedRecs() {
		added++
	}
	return added, d.removed.len(), len(d.changed)
}

// Added lists the new export's items that the old one does not hold, in
// the new export's order.
func (d *Diff) Added() iter.Seq[DiffItem] { return d.items(d.addedRecs()) }

// Removed lists the old export's items that the new one does not hold (the
// member's deletions), in the old export's order.
func (d *Diff) Removed() iter.Seq[DiffItem] { return d.items(d.removed.values()) }

// Changed lists the items in both exports whose outcome differs, as each
// export has them, in the new export's order.
func (d *Diff) Changed() iter.Seq2[DiffItem, DiffItem] {
	return func(yield func(DiffItem, DiffItem) bool) {
		for _, c := range d.changed {
			if !yield(d.names.item(c.old), d.names.item(c.new)) {
				return
			}
		}
	}
}

// ShownChanged and ShownRemoved are the newest changed and removed items
// with their text, for a page's lists (as many as the comparison's
// maxShow).
func (d *Diff) ShownChanged() []DiffShown { return d.shown.changed.first() }
func (d *Diff) ShownRemoved() []DiffShown { return d.shown.removed.first() }

func (d *Diff) items(recs iter.Seq[*diffRec]) iter.Seq[DiffItem] {
	return func(yield func(DiffItem) bool) {
		for r := range recs {
			if !yield(d.names.item(*r)) {
				return
			}
		}
	}
}

// addedRecs lists the new export's items that the old one does not hold, in order.
func (d *Diff) addedRecs() iter.Seq[*diffRec] {
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
	outcome policy.Outcome
	reason  uint8 // in diffNames.reasons
}

const (
	idBytes = 12
	noDate  = math.MinInt64
)

// diffNames interns the few distinct file names and reasons of the records.
type diffNames struct {
	files     []string
	reasons   []policy.Reason
	fileIdx   map[string]int
	reasonIdx map[policy.Reason]int
}

func newDiffNames() *diffNames {
	return &diffNames{fileIdx: map[string]int{}, reasonIdx: map[policy.Reason]int{}}
}

func intern[S comparable](names *[]S, idx map[S]int, s S) int {
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
func (n *diffNames) record(it *parse.Item, o *policy.Result) (diffRec, error) {
	r := diffRec{date: noDate, line: int32(it.Line), outcome: o.Outcome}
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

// item is the record as a DiffItem.
func (n *diffNames) item(r diffRec) DiffItem {
	it := DiffItem{ID: hex.EncodeToString(r.id[:]), Kind: parse.Kinds[r.kind], File: n.files[r.file], Line: int(r.line),
		Outcome: r.outcome, Reason: n.reasons[r.reason]}
	if r.date != noDate {
		it.Date = time.Unix(r.date, 0).UTC()
	}
	return it
}

// DiffSide is the parse.Sink of one side of a comparison: a Stream (the
// side is classified as a report would be) that also keeps each
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

// NewDiffSide starts the new side of a comparison, classified by s;
// maxShow caps the items a page lists (default 200).
func NewDiffSide(s *Stream, maxShow int) *DiffSide {
	if maxShow <= 0 {
		maxShow = 200
	}
	d := &Diff{cur: &recList{}, names: newDiffNames(), shown: newDiffShownLists(maxShow)}
	return &DiffSide{Stream: s, d: d}
}

// Against starts the old side, classified by s, to be matched against the
// new side cur, which must be finished.
func (cur *DiffSide) Against(s *Stream) *DiffSide {
	recs := cur.d.cur
	cur.d.matched = make([]bool, recs.len())
	old := &DiffSide{Stream: s, d: cur.d, cur: cur, byID: make([]int32, recs.len())}
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
	if st.results == nil {
		return
	}
	for i := range b.Items {
		if b.Kept(i) {
			s.add(&b.Items[i], &st.results[i], int64(b.Seq())<<32|int64(i))
		}
	}
}

// add records an item of the new export, or matches one of the old; order
// is its place in its export, for the lists the page shows.
func (s *DiffSide) add(it *parse.Item, o *policy.Result, order int64) {
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
		d.removed.add(r)
		d.shown.removed.offer(DiffShown{Item: *it, Old: *o, New: *o, order: order})
		return
	}
	d.matched[j] = true
	n := d.cur.at(j)
	if n.outcome == r.outcome {
		return
	}
	d.changed = append(d.changed, change{old: r, new: *n, at: j})
	shown := *it // the same content: its text, with the new export's date and place
	shown.Date = time.Time{}
	if n.date != noDate {
		shown.Date = time.Unix(n.date, 0).UTC()
	}
	d.shown.changed.offer(DiffShown{Item: shown, Old: *o, New: policy.Result{Outcome: n.outcome, Reason: d.names.reasons[n.reason]}, order: int64(j)})
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
	slices.SortStableFunc(d.changed, func(a, b change) int { return cmp.Compare(a.at, b.at) })
	return d
}

// DiffShown is an item a page lists, with its outcome in each export.
type DiffShown struct {
	Item     parse.Item
	Old, New policy.Result
	order    int64
}

type diffShownLists struct{ changed, removed *boundedList[DiffShown] }

func newDiffShownLists(max int) diffShownLists {
	newer := func(a, b *DiffShown) bool {
		if !a.Item.Date.Equal(b.Item.Date) {
			return a.Item.Date.After(b.Item.Date)
		}
		return a.order < b.order
	}
	return diffShownLists{changed: newBoundedList(max, newer), removed: newBoundedList(max, newer)}
}

// Compare analyses two exports of one member and compares them: the new
// one is read first and kept as compact records, then the old one is
// matched against it while it is read. Each side is a Source with its own
// Options (facts, as-of); writers are not used.
func Compare(old, cur Source, oldOpt, newOpt Options, maxShow int) (*Diff, error) {
	var newSide *DiffSide
	newR, err := runSide(cur, newOpt, func(s *Stream) *DiffSide {
		newSide = NewDiffSide(s, maxShow)
		return newSide
	})
	if err != nil {
		return nil, err
	}
	var oldSide *DiffSide
	oldR, err := runSide(old, oldOpt, func(s *Stream) *DiffSide {
		oldSide = newSide.Against(s)
		return oldSide
	})
	if err != nil {
		return nil, err
	}
	return oldSide.Diff(oldR, newR), nil
}

// runSide reads one side of a comparison into the sink side makes.
func runSide(src Source, opt Options, side func(*Stream) *DiffSide) (*Result, error) {
	var ds *DiffSide
	x, err := src.scan(opt.Given, func(given Facts, facts parse.Member) (parse.Sink, error) {
		s, err := opt.newStream(given, facts)
		if err != nil {
			return nil, err
		}
		ds = side(s)
		return ds, nil
	})
	if err != nil {
		return nil, err
	}
	r, err := ds.Finish(x)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", strings.Join(src.names(), ", "), err)
	}
	return r, nil
}
