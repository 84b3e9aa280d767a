package policy

import (
	"cmp"
	"slices"
	"time"
)

// WhatIfPoint is the outcome count for one hypothetical opt-out month.
type WhatIfPoint struct {
	Month  time.Time        // first day of the month (UTC)
	Counts [NumOutcomes]int // items by outcome
}

// WhatIf answers "what if I had opted out then?": for every month from the month of the
// earliest item to the month of asOf, the outcome counts had the member opted out on the first
// day of that month, the objection ignored and every other fact unchanged.
//
// The earliest item is the earliest item date (a lower bound counts; an undated item counts at
// the registration day). With no date at all the months start at the region's first window, or
// at the as-of month if that is earlier. Items made after asOf do not move the start past it.
//
// It makes one pass over the items. With everything else fixed, an item's outcome is a step
// function of the opt-out day o: the rules only ask whether o <= c (the item's creation day)
// and whether o <= s for each start s of a window that can expose the item (its region's, and
// those of any other purpose that takes its kind in). So the item's thresholds split the days into at
// most 2+len(windows) intervals (t[j-1], t[j]], on each of which the outcome is constant; the
// item is classified once per interval, and the interval's months are added to a difference
// array for that outcome. Classify gives the same counts month by month (the tests check it).
func (p *Policy) WhatIf(subjects []Subject, m Member, asOf time.Time) []WhatIfPoint {
	a := p.NewWhatIf(m, asOf)
	for _, s := range subjects {
		a.Add(s)
	}
	return a.Points()
}

// WhatIfAcc accumulates the what-if counts item by item. Its memory is
// bounded by the number of months, not of items. One WhatIfAcc is not safe
// for concurrent use; give each goroutine its own and Merge them.
//
// The first month of the curve is known only once every item is in, so the
// difference arrays are keyed by absolute month (monthOf) rather than by
// offset from the first month. Every key is at most the as-of month: a change
// after it is never seen. So row d of an outcome holds at d[lastM-k] the
// change at month k, and grows only towards earlier months, by appending.
type WhatIfAcc struct {
	p     *Policy
	m     Member     // with no opt-out or objection: every month is a what-if
	c     Classifier // m as of a
	r     *Region
	a     int64 // as-of day
	lastM int64 // as-of month
	first int64 // earliest item day; posInf while there is none

	base [NumOutcomes]int   // items in each outcome from the earliest month on
	rows [NumOutcomes][]int // per outcome, changes by month, latest month first

	ts []bound // scratch: one item's thresholds
}

// bound is a threshold day with its month, so that Add needs monthOf only for
// the item's own day: monthOf goes through the calendar.
type bound struct{ day, month int64 }

// NewWhatIf starts an accumulation for member m as of asOf.
func (p *Policy) NewWhatIf(m Member, asOf time.Time) *WhatIfAcc {
	m.Objection = time.Time{}
	m.OptOut = time.Time{}
	r := p.region(m.Region)
	a := dayNum(asOf)
	acc := &WhatIfAcc{p: p, m: m, r: r, a: a, lastM: monthOf(a), first: posInf}
	p.prepare(&acc.c, m, asOf)
	acc.ts = make([]bound, 0, 8)
	return acc
}

// Add counts one item.
func (a *WhatIfAcc) Add(s Subject) {
	p := a.p
	it := a.c.itemOf(s)
	if it.c != negInf { // before the gate: a rejected item still starts the curve
		a.first = min(a.first, it.c)
	}
	res, pl, done := a.c.gate(s, it)
	if done {
		a.base[res.Outcome]++
		return
	}
	a.ts = thresholds(a.ts, pl.starts, it.c)
	prev := bound{negInf, negInf}
	for j := 0; j <= len(a.ts); j++ {
		// Interval (prev, hi]; its representative opt-out day is hi (or prev+1 at the end).
		hi, o := bound{posInf, posInf}, prev.day+1
		if j < len(a.ts) {
			hi, o = a.ts[j], a.ts[j].day
		}
		// Its months are those whose first day is in it: from the month after prev's
		// through hi's. One that begins after the as-of month is never shown.
		from, to := after(prev), after(hi)
		if from < to && from <= a.lastM {
			outcome, _, _ := p.finish(p.windows(pl, it.c, o, a.a), pl, s)
			a.span(outcome, from, to)
		}
		prev = hi
	}
}

// thresholds returns the sorted distinct days at which an item created on day
// c may change outcome: the window starts, and c unless it is unknown.
func thresholds(ts, starts []bound, c int64) []bound {
	ts = append(ts[:0], starts...)
	if c == negInf {
		return ts
	}
	i, found := slices.BinarySearchFunc(ts, c, func(b bound, d int64) int { return cmp.Compare(b.day, d) })
	if found {
		return ts
	}
	return slices.Insert(ts, i, bound{c, monthOf(c)})
}

// after is the first month whose first day comes after day b: negInf and
// posInf stay infinite.
func after(b bound) int64 {
	if b.day == negInf || b.day == posInf {
		return b.day
	}
	return b.month + 1
}

// span counts one item in outcome o for the months [from, to).
func (a *WhatIfAcc) span(o Outcome, from, to int64) {
	if from == negInf {
		a.base[o]++
	} else {
		a.change(o, from, +1)
	}
	if to <= a.lastM {
		a.change(o, to, -1)
	}
}

func (a *WhatIfAcc) change(o Outcome, month int64, v int) {
	i := int(a.lastM - month)
	d := a.rows[o]
	if i >= len(d) {
		d = append(d, make([]int, i+1-len(d))...)
		a.rows[o] = d
	}
	d[i] += v
}

// Merge adds b's counts to a (same policy, member and as-of).
func (a *WhatIfAcc) Merge(b *WhatIfAcc) {
	if a.p != b.p || a.a != b.a || !sameMember(a.m, b.m) {
		panic("policy: merging what-if counts of another policy, member or as-of day")
	}
	a.first = min(a.first, b.first)
	for o := range NumOutcomes {
		a.base[o] += b.base[o]
		a.rows[o] = addRow(a.rows[o], b.rows[o])
	}
}

// sameMember compares instants, not time zones: the rules see only days.
func sameMember(m, n Member) bool {
	return m.Region == n.Region && m.Born.Equal(n.Born) && m.BornYearOnly == n.BornYearOnly &&
		m.Registered.Equal(n.Registered)
}

func addRow(d, e []int) []int {
	if len(e) > len(d) {
		d = append(d, make([]int, len(e)-len(d))...)
	}
	for i, v := range e {
		d[i] += v
	}
	return d
}

// Points returns the curve, as WhatIf does for the same items.
func (a *WhatIfAcc) Points() []WhatIfPoint {
	first := a.first
	if first == posInf {
		first = a.r.Windows[0].start
	}
	firstM := min(monthOf(first), a.lastM)
	var run [NumOutcomes]int
	for o := range NumOutcomes {
		run[o] = a.base[o] + sumFrom(a.rows[o], int(a.lastM-firstM))
	}
	points := make([]WhatIfPoint, a.lastM-firstM+1)
	for k := range points {
		i := int(a.lastM-firstM) - k
		for o := range NumOutcomes {
			if k > 0 && i < len(a.rows[o]) {
				run[o] += a.rows[o][i]
			}
		}
		points[k] = WhatIfPoint{Month: monthTime(firstM + int64(k)), Counts: run}
	}
	return points
}

// sumFrom adds d[i:]: the changes up to and including month lastM-i.
func sumFrom(d []int, i int) int {
	n := 0
	for _, v := range d[min(i, len(d)):] {
		n += v
	}
	return n
}

// monthOf numbers the month of a day: year*12 + month-1.
func monthOf(d int64) int64 {
	y, m, _ := dayTime(d).Date()
	return int64(y)*12 + int64(m) - 1
}

func monthTime(k int64) time.Time {
	return time.Date(int(k/12), time.Month(k%12+1), 1, 0, 0, 0, 0, time.UTC)
}
