package policy

import (
	"slices"
	"time"
)

// WhatIfPoint is the outcome count for one hypothetical opt-out month.
type WhatIfPoint struct {
	Month  time.Time      // first day of the month (UTC)
	Counts map[string]int // outcome -> items; every outcome is present
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
// and whether o <= s for each window start s. So the item's thresholds split the days into at
// most 2+len(windows) intervals (t[j-1], t[j]], on each of which the outcome is constant; the
// item is classified once per interval, and the interval's months are added to a difference
// array for that outcome. Classify gives the same counts month by month (the tests check it).
func (p *Policy) WhatIf(subjects []Subject, m Member, asOf time.Time) []WhatIfPoint {
	return p.WhatIfFunc(len(subjects), func(i int) Subject { return subjects[i] }, m, asOf)
}

// WhatIfFunc is WhatIf over n subjects given one at a time by subject(i),
// so that a caller holding its items in another form need not build a
// slice of subjects: on a large export that slice alone is hundreds of MB.
// subject is called twice per item, in order.
func (p *Policy) WhatIfFunc(n int, subject func(i int) Subject, m Member, asOf time.Time) []WhatIfPoint {
	m.Objection = time.Time{}
	m.OptOut = time.Time{}
	r := p.region(m.Region)
	a := dayNum(asOf)

	first := int64(posInf)
	for i := range n {
		if c := p.itemOf(subject(i), m).c; c != negInf {
			first = min(first, c)
		}
	}
	if first == posInf {
		first = r.Windows[0].start
	}
	lastM := monthOf(a)
	firstM := min(monthOf(first), lastM)
	months := int(lastM-firstM) + 1

	// monthsUpTo is the number of months (from firstM) whose first day is on or before day x.
	monthsUpTo := func(x int64) int {
		switch {
		case x <= negInf:
			return 0
		case x >= posInf:
			return months
		}
		k := int(monthOf(x)-firstM) + 1
		return max(0, min(k, months))
	}

	diff := map[string][]int{}
	for _, o := range Outcomes {
		diff[o] = make([]int, months+1)
	}
	add := func(outcome string, lo, hi int) {
		if lo >= hi {
			return
		}
		d, ok := diff[outcome]
		if !ok { // a custom not_started outcome is one of Outcomes; this is only a guard
			d = make([]int, months+1)
			diff[outcome] = d
		}
		d[lo]++
		d[hi]--
	}

	starts := make([]int64, len(r.Windows))
	for i, w := range r.Windows {
		starts[i] = w.start
	}
	ts := make([]int64, 0, len(starts)+1)
	for i := range n {
		s := subject(i)
		it := p.itemOf(s, m)
		if res, _ := p.gate(s, it, m, r, a); res != nil {
			add(res.Outcome, 0, months)
			continue
		}
		cat := p.byKind[s.Kind]
		ts = append(ts[:0], starts...)
		if it.c != negInf {
			ts = append(ts, it.c)
		}
		slices.Sort(ts)
		ts = slices.Compact(ts)
		prev := int64(negInf)
		for j := 0; j <= len(ts); j++ {
			// Interval (prev, hi]; its representative opt-out day is hi (or prev+1 at the end).
			hi, o := int64(posInf), prev+1
			if j < len(ts) {
				hi, o = ts[j], ts[j]
			}
			lo, up := monthsUpTo(prev), monthsUpTo(hi)
			if lo < up {
				outcome, _, _ := p.finish(p.windows(r, it.c, o, a), cat, s)
				add(outcome, lo, up)
			}
			prev = hi
		}
	}

	points := make([]WhatIfPoint, months)
	run := map[string]int{}
	for k := range months {
		counts := make(map[string]int, len(diff))
		for o, d := range diff {
			run[o] += d[k]
			counts[o] = run[o]
		}
		points[k] = WhatIfPoint{Month: monthTime(firstM + int64(k)), Counts: counts}
	}
	return points
}

// monthOf numbers the month of a day: year*12 + month-1.
func monthOf(d int64) int64 {
	y, m, _ := dayTime(d).Date()
	return int64(y)*12 + int64(m) - 1
}

func monthTime(k int64) time.Time {
	return time.Date(int(k/12), time.Month(k%12+1), 1, 0, 0, 0, 0, time.UTC)
}
