package policy

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"
	"time"
)

// naiveWhatIf re-classifies every item for every month: the definition WhatIf must match.
func naiveWhatIf(p *Policy, subjects []Subject, m Member, asOf time.Time) []WhatIfPoint {
	m.Objection = time.Time{}
	first := time.Time{}
	for _, s := range subjects {
		d := s.Date
		if d.IsZero() || (s.LowerBound && d.Before(m.Registered)) {
			d = m.Registered
		}
		if !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	if first.IsZero() {
		first = p.region(m.Region).Windows[0].Start
	}
	asOf = asOf.UTC()
	last := time.Date(asOf.Year(), asOf.Month(), 1, 0, 0, 0, 0, time.UTC)
	first = first.UTC()
	month := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	if month.After(last) {
		month = last
	}
	var out []WhatIfPoint
	for ; !month.After(last); month = month.AddDate(0, 1, 0) {
		mm := m
		mm.OptOut = month
		var counts [NumOutcomes]int
		for _, s := range subjects {
			counts[p.Classify(s, mm, asOf).Outcome]++
		}
		out = append(out, WhatIfPoint{Month: month, Counts: counts})
	}
	return out
}

func randomDay(r *rand.Rand, from, to string) time.Time {
	a, b := day(from), day(to)
	span := int(b.Sub(a).Hours() / 24)
	return a.AddDate(0, 0, r.IntN(span+1)).Add(time.Duration(r.IntN(86400)) * time.Second)
}

func randomSubject(r *rand.Rand) Subject {
	kinds := append(ContractKinds, "future_feature")
	s := Subject{Kind: kinds[r.IntN(len(kinds))]}
	if r.IntN(5) > 0 {
		s.Date = randomDay(r, "2003-05-05", "2027-12-31")
		s.LowerBound = r.IntN(4) == 0
	}
	s.Visibility = []string{"", "PUBLIC", "MEMBER_NETWORK", "CONNECTIONS", "Public"}[r.IntN(5)]
	// Put some items right on the days the rules turn on.
	if r.IntN(6) == 0 {
		s.Date = []time.Time{day("2024-09-18"), day("2024-09-20"), day("2024-10-11"), day("2024-12-10"),
			day("2025-11-03"), day("2025-11-02"), day("2024-09-17")}[r.IntN(7)]
	}
	return s
}

func randomMember(r *rand.Rand) Member {
	m := Member{Region: []string{"EU", "UK", "CA", "HK", "US", "FR"}[r.IntN(6)]}
	if r.IntN(2) == 0 {
		m.Registered = randomDay(r, "2003-05-05", "2020-01-01")
	}
	switch r.IntN(4) {
	case 0:
		m.Born = randomDay(r, "1990-01-01", "2012-12-31")
	case 1:
		m.Born = time.Date(1995+r.IntN(18), 1, 1, 0, 0, 0, 0, time.UTC)
		m.BornYearOnly = true
	}
	if r.IntN(2) == 0 { // ignored by WhatIf; the naive version ignores it too
		m.Objection = randomDay(r, "2024-01-01", "2026-12-31")
	}
	return m
}

// WhatIf in one pass equals re-classifying every item for every month, across all regions.
func TestWhatIfMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	p := Default()
	items := 0
	for trial := range 60 {
		m := randomMember(r)
		n := 1 + r.IntN(16)
		if trial%10 == 0 {
			n = 0
		}
		subjects := make([]Subject, n)
		for i := range subjects {
			subjects[i] = randomSubject(r)
		}
		items += n
		asOf := randomDay(r, "2023-06-01", "2028-06-30")
		got := p.WhatIf(subjects, m, asOf)
		want := naiveWhatIf(p, subjects, m, asOf)
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d months, want %d", trial, len(got), len(want))
		}
		for i := range want {
			if !got[i].Month.Equal(want[i].Month) || got[i].Counts != want[i].Counts {
				t.Fatalf("trial %d (%+v, as of %s), month %s: got %v, want %v\nsubjects %+v", trial, m,
					asOf.Format(dateLayout), want[i].Month.Format("2006-01"), got[i].Counts, want[i].Counts, subjects)
			}
		}
	}
	if items < 300 {
		t.Fatalf("only %d random subjects", items)
	}
}

func TestWhatIfExample(t *testing.T) {
	p := Default()
	m := Member{Region: "EU", OptOut: day("2026-03-01")} // ignored: every month is a what-if
	subjects := []Subject{
		post("2025-09-15"), // 2025-09: first month
		kind("comment", "2025-12-10"),
		kind("message", "2025-10-01"),
	}
	pts := p.WhatIf(subjects, m, day("2026-01-20"))
	want := []struct {
		month string
		in    int // in_scope
		prot  int // protected
	}{
		{"2025-09", 0, 2}, // opted out before 3 Nov 2025: both protected
		{"2025-10", 0, 2}, //
		{"2025-11", 0, 2}, // 1 Nov: still before the start
		{"2025-12", 1, 1}, // 1 Dec: the post is exposed, the comment of 10 Dec is not
		{"2026-01", 2, 0}, // 1 Jan: both were made before
	}
	if len(pts) != len(want) {
		t.Fatalf("%d months, want %d", len(pts), len(want))
	}
	for i, w := range want {
		pt := pts[i]
		if pt.Month.Format("2006-01") != w.month || pt.Counts[InScope] != w.in || pt.Counts[Protected] != w.prot ||
			pt.Counts[Excluded] != 1 {
			t.Errorf("%s: %v, want in_scope %d protected %d", pt.Month.Format("2006-01"), pt.Counts, w.in, w.prot)
		}
		if pt.Month.Day() != 1 || pt.Month.Location() != time.UTC {
			t.Errorf("month %v is not the first day in UTC", pt.Month)
		}
	}
}

func TestWhatIfEdges(t *testing.T) {
	p := Default()
	// No items and no dates: from the region's first window to as-of.
	pts := p.WhatIf(nil, Member{Region: "US"}, day("2024-12-05"))
	if len(pts) != 4 || pts[0].Month.Format("2006-01") != "2024-09" {
		t.Fatalf("got %d months from %v", len(pts), pts[0].Month)
	}
	// Items after as-of: only the as-of month.
	pts = p.WhatIf([]Subject{post("2027-01-01")}, Member{Region: "US"}, day("2026-05-05"))
	if len(pts) != 1 || pts[0].Month.Format("2006-01") != "2026-05" {
		t.Fatalf("got %v", pts)
	}
	// A large archive stays cheap: one pass.
	many := make([]Subject, 20000)
	for i := range many {
		many[i] = post(fmt.Sprintf("%d-%02d-15", 2004+i%22, 1+i%12))
	}
	start := time.Now()
	pts = p.WhatIf(many, Member{Region: "UK"}, day("2026-06-01"))
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("WhatIf took %v for %d items", el, len(many))
	}
	total := 0
	for _, c := range pts[len(pts)-1].Counts {
		total += c
	}
	if total != len(many) {
		t.Errorf("counts add up to %d, want %d", total, len(many))
	}
}

// regionCodes lists every region of p and an unknown code, which falls back
// to the rest-of-world region.
func regionCodes(p *Policy) []string {
	codes := []string{"FR"}
	for _, r := range p.Regions {
		codes = append(codes, r.Code)
	}
	return codes
}

// fillInBatches deals the subjects out to n accumulators in batches of
// random size, so that each gets a scattered share, and fills them on one
// goroutine each, as a streaming pipeline does.
func fillInBatches(r *rand.Rand, p *Policy, subjects []Subject, m Member, asOf time.Time, n int) []*WhatIfAcc {
	shares := make([][]Subject, n)
	for rest := subjects; len(rest) > 0; {
		k := min(1+r.IntN(16), len(rest))
		i := r.IntN(n)
		shares[i] = append(shares[i], rest[:k]...)
		rest = rest[k:]
	}
	accs := make([]*WhatIfAcc, n)
	var wg sync.WaitGroup
	for i := range accs {
		accs[i] = p.NewWhatIf(m, asOf)
		wg.Go(func() {
			for _, s := range shares[i] {
				accs[i].Add(s)
			}
		})
	}
	wg.Wait()
	return accs
}

// mergeRandomly merges pairs picked at random until one accumulator is left.
func mergeRandomly(r *rand.Rand, accs []*WhatIfAcc) *WhatIfAcc {
	for len(accs) > 1 {
		i, j := r.IntN(len(accs)), r.IntN(len(accs)-1)
		if j >= i {
			j++
		}
		accs[i].Merge(accs[j])
		accs = append(accs[:j], accs[j+1:]...)
	}
	return accs[0]
}

// Counting in batches on several accumulators and merging them in any order
// gives the same curve as WhatIf over all the items, in every region.
func TestWhatIfAccMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	p := Default()
	for _, code := range regionCodes(p) {
		for trial := range 25 {
			m := randomMember(r)
			m.Region = code
			subjects := make([]Subject, r.IntN(200))
			for i := range subjects {
				subjects[i] = randomSubject(r)
			}
			asOf := randomDay(r, "2023-06-01", "2028-06-30")
			want := p.WhatIf(subjects, m, asOf)
			accs := fillInBatches(r, p, subjects, m, asOf, 1+r.IntN(6))
			if got := mergeRandomly(r, accs).Points(); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s trial %d (%+v, as of %s, %d items in %d accs):\ngot  %v\nwant %v",
					code, trial, m, asOf.Format(dateLayout), len(subjects), len(accs), got, want)
			}
		}
	}
}

// An accumulator that saw no item gives the curve of no items.
func TestWhatIfAccEmpty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	p := Default()
	for _, code := range regionCodes(p) {
		m := randomMember(r)
		m.Region = code
		asOf := randomDay(r, "2023-06-01", "2028-06-30")
		got := p.NewWhatIf(m, asOf).Points()
		if want := p.WhatIf(nil, m, asOf); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want %v", code, got, want)
		}
		if want := naiveWhatIf(p, nil, m, asOf); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, want (naive) %v", code, got, want)
		}
		a := p.NewWhatIf(m, asOf)
		a.Merge(p.NewWhatIf(m, asOf))
		if merged := a.Points(); !reflect.DeepEqual(merged, got) {
			t.Errorf("%s: two empty accumulators merged give %v, want %v", code, merged, got)
		}
	}
}

// Merging counts made for another as-of day would mix two curves.
func TestWhatIfAccMergeMismatch(t *testing.T) {
	p := Default()
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	p.NewWhatIf(Member{Region: "EU"}, day("2026-01-01")).Merge(p.NewWhatIf(Member{Region: "EU"}, day("2026-01-02")))
}

// A window that starts the month before the first item changes the outcome
// of an undated item (no registration) right at the first month: the running
// sums must start with that change. Random dates seldom hit this.
func TestWhatIfWindowStartBeforeFirstMonth(t *testing.T) {
	p := Default()
	m, asOf := Member{Region: "US"}, day("2025-01-15") // window from 2024-09-18, start uncertain
	subjects := []Subject{post("2024-10-05"), {Kind: "post", Visibility: "PUBLIC"}}
	want := naiveWhatIf(p, subjects, m, asOf)
	if got := p.WhatIf(subjects, m, asOf); !reflect.DeepEqual(got, want) {
		t.Errorf("WhatIf: got %v, want %v", got, want)
	}
	a, b := p.NewWhatIf(m, asOf), p.NewWhatIf(m, asOf)
	a.Add(subjects[1])
	b.Add(subjects[0])
	a.Merge(b)
	if got := a.Points(); !reflect.DeepEqual(got, want) {
		t.Errorf("merged: got %v, want %v", got, want)
	}
	if want[0].Counts[InScope] != 1 {
		t.Errorf("2024-10: %v, want the undated post in scope", want[0].Counts)
	}
}
