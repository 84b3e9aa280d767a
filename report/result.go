package report

import (
	"io"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Outcomes in the contract's order, from most to least exposed.
var Outcomes = []string{"in_scope", "possibly_in_scope", "protected", "excluded", "not_listed"}

// Result is what the printers print: the export as read and, for the
// report, the tally of the items' classification.
type Result struct {
	// Export accounts for the files; it holds the items only when they
	// were read into memory (Analyse), not when they were streamed.
	Export *parse.Export

	// The classification; Policy is nil for inspect.
	Policy *policy.Policy
	Member MemberInfo
	AsOf   time.Time
	Tally  *Tally
	// Outcomes is parallel to Export.Items when the items are in memory.
	Outcomes []Outcome
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
	Registered           time.Time // from Registration.csv
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
func (r *Result) Classified() bool { return r.Policy != nil }

// ByOutcome counts items per outcome; every outcome is present.
func (r *Result) ByOutcome() map[string]int {
	m := make(map[string]int, len(Outcomes))
	for i, o := range Outcomes {
		m[o] = r.Tally.ByOutcome[i]
	}
	return m
}

// Analyse classifies every item of x, held in memory, as Stream does while
// reading (diff, tests). a.Info records where each member fact came from;
// a.JSON and a.CSV are ignored (WriteJSON and WriteCSV write such a
// result). A nil a.Policy only tallies the items (inspect).
func Analyse(x *parse.Export, a Analysis) *Result {
	m := a.Member
	a.Info.Region, a.Info.OptOut, a.Info.Objection = m.Region, m.OptOut, m.Objection
	a.Info.Born, a.Info.BornYearOnly = m.Born, m.BornYearOnly
	a.Info.Registered = x.Member.Registered
	a.JSON, a.CSV, a.keep = nil, nil, a.Policy != nil
	s := NewStream(a)
	feed(s, x.Items)
	r, _ := s.Finish(x)
	return r
}

// restream writes the JSON or CSV output of r's items, held in memory, by
// running them through a stream as `exposure report` does while reading.
func (r *Result) restream(json, csv io.Writer) error {
	m := policy.Member{Region: r.Member.Region, OptOut: r.Member.OptOut, Objection: r.Member.Objection,
		Born: r.Member.Born, BornYearOnly: r.Member.BornYearOnly, Registered: r.Member.Registered}
	s := NewStream(Analysis{Policy: r.Policy, Member: m, Info: r.Member, AsOf: r.AsOf, Redact: r.Redact, JSON: json, CSV: csv})
	feed(s, r.Export.Items)
	_, err := s.Finish(r.Export)
	return err
}
