package report

import (
	"sort"
	"time"

	"exposure/parse"
)

// nOutcomes is the number of outcomes; tallies index them by their place
// in Outcomes.
const nOutcomes = 5

// outcomeIndex places an outcome in Outcomes. The policy loader accepts no
// other outcome; an unclassified item (inspect) has none.
func outcomeIndex(o string) int {
	switch o {
	case "in_scope":
		return 0
	case "possibly_in_scope":
		return 1
	case "protected":
		return 2
	case "excluded":
		return 3
	case "not_listed":
		return 4
	}
	return -1
}

// Tally is everything the report's numbers and charts need from the items,
// gathered item by item so that the items need not be kept: its size
// depends on the months and kinds present, not on the number of items.
type Tally struct {
	Items     int
	ByOutcome [nOutcomes]int
	Kinds     map[parse.Kind]*KindTally
	Undated   int
	// months counts the dated items by outcome and month of creation
	// (year*12 + month-1), placed as itemDay places them.
	months      map[int]*[nOutcomes]int
	first, last time.Time // range of the dated items' days
	// split counts the items created before and on or after the split day
	// (the opt-out, else the current window's start).
	split [2][nOutcomes]int
	// top holds the newest exposed items for the report's list.
	top *boundedList[shownItem]
	// exposed counts the items in scope or possibly in scope.
	exposed int
}

// KindTally is the part of a Tally for one kind.
type KindTally struct {
	N           int
	ByOutcome   [nOutcomes]int
	First, Last time.Time
}

// tallyRules are the facts that decide where an item is counted.
type tallyRules struct {
	registered time.Time // a lower-bound date is never before it
	split      time.Time
	topN       int
}

func newTally(topN int) *Tally {
	return &Tally{Kinds: map[parse.Kind]*KindTally{}, months: map[int]*[nOutcomes]int{}, top: newBoundedList(topN, newerItem)}
}

// add counts one item with its outcome (-1 when unclassified); order is its
// place in the export, which breaks ties in the list of newest items.
func (t *Tally) add(rules *tallyRules, it *parse.Item, outcome int, order int64) {
	t.Items++
	k := t.Kinds[it.Kind]
	if k == nil {
		k = &KindTally{}
		t.Kinds[it.Kind] = k
	}
	k.N++
	if !it.Date.IsZero() {
		if k.First.IsZero() || it.Date.Before(k.First) {
			k.First = it.Date
		}
		if it.Date.After(k.Last) {
			k.Last = it.Date
		}
	} else {
		t.Undated++
	}
	if outcome < 0 {
		return
	}
	t.ByOutcome[outcome]++
	k.ByOutcome[outcome]++
	day := itemDay(it, rules.registered)
	after := 0
	if !it.Date.IsZero() {
		t.addMonth(day, outcome)
		if !day.Before(rules.split) {
			after = 1
		}
	}
	t.split[after][outcome]++
	if outcome <= 1 {
		t.exposed++
		t.top.offer(shownItem{Item: *it, Outcome: Outcomes[outcome], order: order})
	}
}

func (t *Tally) addMonth(day time.Time, outcome int) {
	if t.first.IsZero() || day.Before(t.first) {
		t.first = day
	}
	if day.After(t.last) {
		t.last = day
	}
	m := monthNumber(day)
	c := t.months[m]
	if c == nil {
		c = &[nOutcomes]int{}
		t.months[m] = c
	}
	c[outcome]++
}

// merge adds u's counts to t.
func (t *Tally) merge(u *Tally) {
	t.Items += u.Items
	t.Undated += u.Undated
	t.exposed += u.exposed
	for i := range nOutcomes {
		t.ByOutcome[i] += u.ByOutcome[i]
		t.split[0][i] += u.split[0][i]
		t.split[1][i] += u.split[1][i]
	}
	for kind, b := range u.Kinds {
		a := t.Kinds[kind]
		if a == nil {
			a = &KindTally{}
			t.Kinds[kind] = a
		}
		a.N += b.N
		for i := range nOutcomes {
			a.ByOutcome[i] += b.ByOutcome[i]
		}
		if !b.First.IsZero() && (a.First.IsZero() || b.First.Before(a.First)) {
			a.First = b.First
		}
		if b.Last.After(a.Last) {
			a.Last = b.Last
		}
	}
	for m, b := range u.months {
		a := t.months[m]
		if a == nil {
			a = &[nOutcomes]int{}
			t.months[m] = a
		}
		for i := range nOutcomes {
			a[i] += b[i]
		}
	}
	if !u.first.IsZero() && (t.first.IsZero() || u.first.Before(t.first)) {
		t.first = u.first
	}
	if u.last.After(t.last) {
		t.last = u.last
	}
	t.top.merge(u.top)
}

// monthCounts is the count of one outcome for each month of the axis.
func (t *Tally) monthCounts(months []string, outcome int) []int {
	out := make([]int, len(months))
	for i, m := range months {
		if c := t.months[monthNumberOf(m)]; c != nil {
			out[i] = c[outcome]
		}
	}
	return out
}

// itemDay is the day an item is placed on the time axis: its date, but a
// lower bound is never before the registration (nothing was added to the
// profile before the account existed).
func itemDay(it *parse.Item, registered time.Time) time.Time {
	if it.Basis == parse.DateLowerBound && it.Date.Before(registered) {
		return registered
	}
	return it.Date
}

func monthNumber(t time.Time) int {
	t = t.UTC()
	return t.Year()*12 + int(t.Month()) - 1
}

// monthNumberOf reads a month axis label ("2006-01").
func monthNumberOf(label string) int {
	t, err := time.Parse("2006-01", label)
	if err != nil {
		return -1
	}
	return monthNumber(t)
}

// shownItem is an item kept for the report's list, with its outcome and
// its place in the export.
type shownItem struct {
	Item    parse.Item
	Outcome string
	order   int64
}

// newerItem: newer first; equal dates in export order; undated last.
func newerItem(a, b *shownItem) bool {
	if !a.Item.Date.Equal(b.Item.Date) {
		return a.Item.Date.After(b.Item.Date)
	}
	return a.order < b.order
}

// boundedList keeps the first max of the values offered in the order
// before gives, whatever the order they are offered in.
type boundedList[T any] struct {
	max    int
	before func(a, b *T) bool
	items  []T
}

func newBoundedList[T any](max int, before func(a, b *T) bool) *boundedList[T] {
	return &boundedList[T]{max: max, before: before}
}

func (l *boundedList[T]) offer(v T) {
	if l.max <= 0 {
		return
	}
	l.items = append(l.items, v)
	if len(l.items) >= 2*l.max {
		l.trim()
	}
}

func (l *boundedList[T]) merge(u *boundedList[T]) {
	for _, v := range u.items {
		l.offer(v)
	}
}

// trim sorts the list and keeps its first max values.
func (l *boundedList[T]) trim() {
	sort.SliceStable(l.items, func(a, b int) bool { return l.before(&l.items[a], &l.items[b]) })
	if len(l.items) > l.max {
		clear(l.items[l.max:])
		l.items = l.items[:l.max]
	}
}

// first is the kept values in order.
func (l *boundedList[T]) first() []T {
	l.trim()
	return l.items
}
