package report

import (
	"time"

	"exposure/parse"
)

// Outcomes in the contract's order, from most to least exposed.
var Outcomes = []string{"in_scope", "possibly_in_scope", "protected", "excluded", "not_listed"}

// Result is what the printers print: the export as read and, for the
// report, each item's classification.
type Result struct {
	Export *parse.Export

	// The classification; all zero for inspect.
	Policy   PolicyInfo
	Member   MemberInfo
	AsOf     time.Time
	Outcomes []Outcome // parallel to Export.Items
	WhatIf   []WhatIfPoint

	// Redact leaves out every free text (contract, --redact).
	Redact bool
}

// PolicyInfo names the policy that classified the items.
type PolicyInfo struct{ ID, Version, Origin string }

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
