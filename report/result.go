package report

import (
	"strings"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Outcomes in the contract's order, from most to least exposed.
var Outcomes = []string{"in_scope", "possibly_in_scope", "protected", "excluded", "not_listed"}

// Result is what the printers print: the export as read and, for the
// report, each item's classification.
type Result struct {
	Export *parse.Export

	// The classification; all zero for inspect.
	Policy   *policy.Policy
	Member   MemberInfo
	AsOf     time.Time
	Outcomes []Outcome // parallel to Export.Items
	WhatIf   []WhatIfPoint

	// Redact leaves out every free text (contract, --redact).
	Redact bool
}

// MemberInfo holds the member facts the classification used, and where
// each came from.
type MemberInfo struct {
	Region, RegionSource string
	OptOut, Objection    time.Time
	Born                 time.Time
	BornYearOnly         bool
	BornSource           string
}

func (m MemberInfo) bornText() *string {
	if m.Born.IsZero() {
		return nil
	}
	s := m.Born.Format("2006-01-02")
	if m.BornYearOnly {
		s = m.Born.Format("2006")
	}
	return &s
}

// Outcome is one item's classification (contract, "Outcomes").
type Outcome struct {
	Outcome, Reason, Confidence string
	Flags                       []string
}

// WhatIfPoint: had the member opted out on Month (its first day), how many
// items would have each outcome.
type WhatIfPoint struct {
	Month  string         `json:"month"`
	Counts map[string]int `json:"counts"`
}

// Classified reports whether the result carries outcomes (report, not inspect).
func (r *Result) Classified() bool { return r.Outcomes != nil }

// ByOutcome counts items per outcome; every outcome is present.
func (r *Result) ByOutcome() map[string]int {
	m := make(map[string]int, len(Outcomes))
	for _, o := range Outcomes {
		m[o] = 0
	}
	for _, o := range r.Outcomes {
		m[o.Outcome]++
	}
	return m
}

// Analyse classifies every item of x for member m as of asOf, and computes
// the what-if curve. info records where each member fact came from.
func Analyse(x *parse.Export, p *policy.Policy, m policy.Member, info MemberInfo, asOf time.Time) *Result {
	r := &Result{Export: x, Policy: p, Member: info, AsOf: asOf, Outcomes: make([]Outcome, len(x.Items))}
	info.Region, info.OptOut, info.Objection = m.Region, m.OptOut, m.Objection
	info.Born, info.BornYearOnly = m.Born, m.BornYearOnly
	r.Member = info
	subject := func(i int) policy.Subject {
		it := &x.Items[i]
		return policy.Subject{Kind: string(it.Kind), Date: it.Date, LowerBound: it.Basis == parse.DateLowerBound, Visibility: it.Visibility}
	}
	// Few distinct flag lists exist: share one slice per list rather than
	// keep millions of copies.
	flagSets := map[string][]string{}
	for i := range x.Items {
		c := p.Classify(subject(i), m, asOf)
		key := strings.Join(c.Flags, "|")
		flags, ok := flagSets[key]
		if !ok {
			flags = c.Flags
			flagSets[key] = flags
		}
		r.Outcomes[i] = Outcome{Outcome: c.Outcome, Reason: c.Reason, Confidence: c.Confidence, Flags: flags}
	}
	for _, w := range p.WhatIfFunc(len(x.Items), subject, m, asOf) {
		r.WhatIf = append(r.WhatIf, WhatIfPoint{Month: w.Month.Format("2006-01"), Counts: w.Counts})
	}
	return r
}
