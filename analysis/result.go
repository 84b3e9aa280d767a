package analysis

import (
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Result is what an analysis yields, and what the printers print: the
// export as read and, for a report, the tally of the items' classification.
// It holds no item but the few newest exposed ones the tally keeps.
type Result struct {
	// Export accounts for the files, sources and problems.
	Export *parse.Export

	// The classification; Policy is nil for inspect.
	Policy *policy.Policy
	Member policy.Member
	AsOf   time.Time
	Tally  *Tally
	// WhatIf: had the member opted out on the first day of each month,
	// how many items would have each outcome.
	WhatIf []policy.WhatIfPoint
}

// Classified reports whether the result carries outcomes (report, not inspect).
func (r *Result) Classified() bool { return r.Policy != nil }

// SplitDay is where the before/after counts split the items: the
// effective opt-out, else the start of the region's current training
// window.
func (r *Result) SplitDay() time.Time { return splitDay(r.Policy, r.Member) }

func splitDay(p *policy.Policy, m policy.Member) time.Time {
	split := m.EffectiveOptOut()
	if split.IsZero() && p != nil {
		if reg, ok := p.Region(m.Region); ok && len(reg.Windows) > 0 {
			split = reg.Windows[len(reg.Windows)-1].Start
		}
	}
	return split
}
