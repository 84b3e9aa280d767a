package policy

import (
	"math/rand/v2"
	"testing"
	"time"
)

// benchMix is the share of each kind in a large export, by items: roughly
// what a heavy member's archive (and internal/synth at a large scale) holds.
var benchMix = []struct {
	kind       string
	weight     int
	visibility []string
	undated    float64 // share without a date
	lowerBound bool
}{
	{kind: "message", weight: 600},
	{kind: "reaction", weight: 120},
	{kind: "search_query", weight: 60},
	{kind: "connection", weight: 50},
	{kind: "comment", weight: 50},
	{kind: "post", weight: 35, visibility: []string{"MEMBER_NETWORK", "PUBLIC", "PUBLIC", "PUBLIC", "CONNECTIONS", "", "LOGGED_IN_MEMBERS"}},
	{kind: "invitation", weight: 25},
	{kind: "login", weight: 20},
	{kind: "repost", weight: 5},
	{kind: "saved_item", weight: 5, undated: 0.3},
	{kind: "ad_targeting", weight: 3, undated: 1},
	{kind: "inference", weight: 2, undated: 1},
	{kind: "position", weight: 2, lowerBound: true},
	{kind: "skill", weight: 2, undated: 1},
	{kind: "endorsement_received", weight: 2},
	{kind: "ai_conversation", weight: 1},
	{kind: "learning", weight: 1},
	{kind: "no_such_kind", weight: 1},
}

// benchSubjects returns n subjects of benchMix, dated between 2009 and the
// as-of day with more items in recent years, the same every time.
func benchSubjects(n int) []Subject {
	total := 0
	for _, k := range benchMix {
		total += k.weight
	}
	r := rand.New(rand.NewPCG(1, 2))
	from, to := time.Date(2009, 4, 17, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	span := to.Sub(from)
	out := make([]Subject, n)
	for i := range out {
		w := r.IntN(total)
		k := benchMix[0]
		for _, c := range benchMix {
			if w < c.weight {
				k = c
				break
			}
			w -= c.weight
		}
		s := Subject{Kind: k.kind, LowerBound: k.lowerBound}
		if r.Float64() >= k.undated {
			q := 1 - r.Float64()*r.Float64() // skewed to recent dates
			s.Date = from.Add(time.Duration(q * float64(span))).Truncate(time.Second)
		}
		if len(k.visibility) > 0 {
			s.Visibility = k.visibility[r.IntN(len(k.visibility))]
		}
		out[i] = s
	}
	return out
}

var benchMember = Member{
	Region:     "EU",
	OptOut:     time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC),
	Born:       time.Date(1984, 1, 1, 0, 0, 0, 0, time.UTC),
	Registered: time.Date(2009, 4, 17, 0, 0, 0, 0, time.UTC),
}

var benchAsOf = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

var resultSink Result

// BenchmarkClassify classifies a realistic mix of items for an EU member who
// opted out on 2025-12-01, as report.Analyse does item by item.
func BenchmarkClassify(b *testing.B) {
	p := Default()
	subjects := benchSubjects(100_000)
	b.ReportAllocs()
	n := 0
	start := time.Now()
	for b.Loop() {
		resultSink = p.Classify(subjects[n%len(subjects)], benchMember, benchAsOf)
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "items/s")
}

// BenchmarkClassifier classifies the same items with the member's facts
// worked out once, as a caller with many items of one member does.
func BenchmarkClassifier(b *testing.B) {
	c := Default().Classifier(benchMember, benchAsOf)
	subjects := benchSubjects(100_000)
	b.ReportAllocs()
	n := 0
	start := time.Now()
	for b.Loop() {
		resultSink = c.Classify(subjects[n%len(subjects)])
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "items/s")
}

// BenchmarkWhatIf accumulates the what-if months item by item, as a
// streaming caller does, for 100,000 items of the same mix.
func BenchmarkWhatIf(b *testing.B) {
	p := Default()
	subjects := benchSubjects(100_000)
	b.ReportAllocs()
	n := 0
	start := time.Now()
	for b.Loop() {
		acc := p.NewWhatIf(benchMember, benchAsOf)
		for _, s := range subjects {
			acc.Add(s)
		}
		if pts := acc.Points(); len(pts) == 0 {
			b.Fatal("no months")
		}
		n += len(subjects)
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "items/s")
}
