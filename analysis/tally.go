package analysis

import (
	"slices"
	"sort"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Tally is everything the report's numbers and charts need from the items,
// gathered item by item so that the items need not be kept: its size
// depends on the months and kinds present, not on the number of items.
type Tally struct {
	Items     int
	ByOutcome [policy.NumOutcomes]int
	Kinds     map[parse.Kind]*KindTally
	Undated   int
	// UndatedAssumed counts the classified items the policy places at the
	// registration for want of a date (those flagged "undated"): the
	// undated items of the kinds it covers.
	UndatedAssumed int
	// Exposed counts the items in scope or possibly in scope.
	Exposed int
	// Split counts the items created before ([0]) and on or after ([1])
	// the result's SplitDay.
	Split [2][policy.NumOutcomes]int
	// First and Last are the range of the dated items' days, placed on the
	// time axis as ItemDay places them.
	First, Last time.Time
	// months counts the dated items by outcome and month of creation
	// (year*12 + month-1).
	months map[int]*[policy.NumOutcomes]int
	// top holds the newest exposed items for the report's list.
	top *boundedList[ShownItem]
}

// KindTally is the part of a Tally for one kind.
type KindTally struct {
	N           int
	ByOutcome   [policy.NumOutcomes]int
	First, Last time.Time
}

// tallyRules are the facts that decide where an item is counted.
type tallyRules struct {
	registered time.Time // a lower-bound date is never before it
	split      time.Time
	topN       int
}

func newTally(topN int) *Tally {
	return &Tally{Kinds: map[parse.Kind]*KindTally{}, months: map[int]*[policy.NumOutcomes]int{}, top: newBoundedList(topN, newerItem)}
}

// add counts one item with its classification (nil when unclassified).
func (t *Tally) add(rules *tallyRules, it *parse.Item, c *policy.Result) {
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
	if c == nil {
		return
	}
	outcome := c.Outcome
	if slices.Contains(c.Flags, policy.FlagUndated) {
		t.UndatedAssumed++
	}
	t.ByOutcome[outcome]++
	k.ByOutcome[outcome]++
	day := ItemDay(it, rules.registered)
	after := 0
	if !it.Date.IsZero() {
		t.addMonth(day, outcome)
		if !day.Before(rules.split) {
			after = 1
		}
	}
	t.Split[after][outcome]++
	if outcome.Exposed() {
		t.Exposed++
	}
}

// offerNewest offers an item to the list of the newest exposed items. The
// ordered pass offers them, not the workers: a batch of its own would copy
// every exposed item of the batch only to have most turned away.
func (t *Tally) offerNewest(it *parse.Item, c *policy.Result, order int64) {
	if c != nil && c.Outcome.Exposed() {
		t.top.offer(ShownItem{Item: *it, Outcome: c.Outcome, Reason: c.Reason, Flags: c.Flags, order: order})
	}
}

func (t *Tally) addMonth(day time.Time, outcome policy.Outcome) {
	if t.First.IsZero() || day.Before(t.First) {
		t.First = day
	}
	if day.After(t.Last) {
		t.Last = day
	}
	m := monthNumber(day)
	c := t.months[m]
	if c == nil {
		c = &[policy.NumOutcomes]int{}
		t.months[m] = c
	}
	c[outcome]++
}

// merge adds u's counts to t.
func (t *Tally) merge(u *Tally) {
	t.Items += u.Items
	t.Undated += u.Undated
	t.UndatedAssumed += u.UndatedAssumed
	t.Exposed += u.Exposed
	for i := range policy.NumOutcomes {
		t.ByOutcome[i] += u.ByOutcome[i]
		t.Split[0][i] += u.Split[0][i]
		t.Split[1][i] += u.Split[1][i]
	}
	for kind, b := range u.Kinds {
		a := t.Kinds[kind]
		if a == nil {
			a = &KindTally{}
			t.Kinds[kind] = a
		}
		a.N += b.N
		for i := range policy.NumOutcomes {
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
			a = &[policy.NumOutcomes]int{}
			t.months[m] = a
		}
		for i := range policy.NumOutcomes {
			a[i] += b[i]
		}
	}
	if !u.First.IsZero() && (t.First.IsZero() || u.First.Before(t.First)) {
		t.First = u.First
	}
	if u.Last.After(t.Last) {
		t.Last = u.Last
	}
}

// MonthCounts is the count of one outcome for each month of the axis
// (labels "2006-01").
func (t *Tally) MonthCounts(months []string, outcome policy.Outcome) []int {
	out := make([]int, len(months))
	for i, m := range months {
		if c := t.months[monthNumberOf(m)]; c != nil {
			out[i] = c[outcome]
		}
	}
	return out
}

// ItemDay is the day an item is placed on the time axis: its date, but a
// lower bound is never before the registration (nothing was added to the
// profile before the account existed).
func ItemDay(it *parse.Item, registered time.Time) time.Time {
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

// Newest is the newest exposed items, newest first, as many as the
// analysis's TopN.
func (t *Tally) Newest() []ShownItem { return t.top.first() }

// ShownItem is an item kept for the report's list, with its outcome and
// its place in the export.
type ShownItem struct {
	Item    parse.Item
	Outcome policy.Outcome
	Reason  policy.Reason
	// Flags are the classification's flags (the item's own are in Item):
	// shared and read-only.
	Flags []string
	order int64
}

// newerItem: newer first; equal dates in export order; undated last.
func newerItem(a, b *ShownItem) bool {
	if !a.Item.Date.Equal(b.Item.Date) {
		return a.Item.Date.After(b.Item.Date)
	}
	return a.order < b.order
}

// boundedList keeps the first max of the values offered in the order
// before gives (a total order), whatever the order they are offered in. It
// holds no more than max values: a heap whose root is the last value kept,
// so that a value that does not come before it is turned away at once, and
// a long export costs one comparison per value past its newest ones.
type boundedList[T any] struct {
	max    int
	before func(a, b *T) bool
	items  []T
	// sorted: items are in order (first was called), not a heap.
	sorted bool
	// offered holds the value being offered: one passed to before from a
	// local variable would be moved to the heap, one allocation per offer.
	offered T
}

func newBoundedList[T any](max int, before func(a, b *T) bool) *boundedList[T] {
	return &boundedList[T]{max: max, before: before}
}

func (l *boundedList[T]) offer(v T) {
	l.offered = v
	defer l.clearOffered()
	if l.max <= 0 || len(l.items) == l.max && !l.before(&l.offered, &l.items[l.root()]) {
		return
	}
	if l.sorted {
		slices.Reverse(l.items) // the reverse of the order is a heap
		l.sorted = false
	}
	if len(l.items) < l.max {
		l.items = append(l.items, v)
		l.up(len(l.items) - 1)
		return
	}
	l.items[0] = v
	l.down(0)
}

// clearOffered lets go of what the value offered refers to.
func (l *boundedList[T]) clearOffered() {
	var zero T
	l.offered = zero
}

// root is where the last value kept is.
func (l *boundedList[T]) root() int {
	if l.sorted {
		return len(l.items) - 1
	}
	return 0
}

// comesAfter orders the heap: a parent comes after its children.
func (l *boundedList[T]) comesAfter(i, j int) bool { return l.before(&l.items[j], &l.items[i]) }

func (l *boundedList[T]) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !l.comesAfter(i, parent) {
			return
		}
		l.items[i], l.items[parent] = l.items[parent], l.items[i]
		i = parent
	}
}

func (l *boundedList[T]) down(i int) {
	for {
		last, left := i, 2*i+1
		if left < len(l.items) && l.comesAfter(left, last) {
			last = left
		}
		if right := left + 1; right < len(l.items) && l.comesAfter(right, last) {
			last = right
		}
		if last == i {
			return
		}
		l.items[i], l.items[last] = l.items[last], l.items[i]
		i = last
	}
}

func (l *boundedList[T]) merge(u *boundedList[T]) {
	for _, v := range u.items {
		l.offer(v)
	}
}

// first is the kept values in order.
func (l *boundedList[T]) first() []T {
	if !l.sorted {
		sort.Sort(inOrder[T]{l})
		l.sorted = true
	}
	return l.items
}

// inOrder sorts a list's values by index, comparing them where they are:
// copies handed to before would each be moved to the heap.
type inOrder[T any] struct{ l *boundedList[T] }

func (o inOrder[T]) Len() int           { return len(o.l.items) }
func (o inOrder[T]) Less(i, j int) bool { return o.l.before(&o.l.items[i], &o.l.items[j]) }
func (o inOrder[T]) Swap(i, j int)      { o.l.items[i], o.l.items[j] = o.l.items[j], o.l.items[i] }
