package report

import (
	"exposure/analysis"
	"exposure/policy"
)

// outcomeNames are the outcomes' names, indexed by policy.Outcome: the keys
// of the pages' texts and of the JSON's counts.
var outcomeNames = policy.OutcomeNames()

// result is an analysis's result as the printers see it, with the one
// printing choice that changes what every output shows.
type result struct {
	*analysis.Result
	// Redact leaves out every free text (contract, --redact).
	Redact bool
}

// ByOutcome counts items per outcome name; every outcome is present.
func (r *result) ByOutcome() map[string]int {
	m := make(map[string]int, len(outcomeNames))
	for i, o := range outcomeNames {
		m[o] = r.Tally.ByOutcome[i]
	}
	return m
}

func (r *result) bornText() *string {
	m := r.Member
	if m.Born.IsZero() {
		return nil
	}
	s := m.Born.Format("2006-01-02")
	if m.BornYearOnly {
		s = m.Born.Format("2006")
	}
	return &s
}
