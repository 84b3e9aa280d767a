package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// sentences say in one line what each outcome means for the member.
var sentences = map[string]string{
	"in_scope":          "eligible for LinkedIn's generative-AI training and not protected; may already have been used",
	"possibly_in_scope": "would be in scope, but the facts are disputed for these items",
	"protected":         "in a category the policy covers, but kept out by your choice or a rule",
	"excluded":          "LinkedIn says this kind of data is not used for this training",
	"not_listed":        "not named by the training policy (it may serve other purposes, e.g. ads)",
}

// WriteSummary prints the classification in the terminal: who, which
// policy, the totals per outcome and the kinds behind each.
func WriteSummary(w io.Writer, r *Result) error {
	m := r.Member
	fmt.Fprintf(w, "Export:   %s\n", strings.Join(r.Export.Sources, ", "))
	fmt.Fprintf(w, "Region:   %s (%s)\n", m.Region, regionSourceText(m.RegionSource))
	fmt.Fprintf(w, "Opt-out:  %s\n", optOutText(m))
	fmt.Fprintf(w, "As of:    %s    Policy: %s %s (%s)\n\n", r.AsOf.Format("2006-01-02"), r.Policy.ID, r.Policy.Version, r.Policy.Origin)

	by := r.ByOutcome()
	kinds := r.kindsByOutcome()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, o := range Outcomes {
		fmt.Fprintf(tw, "%s\t%7d\t%s\n", o, by[o], sentences[o])
		if k := kinds[o]; k != "" {
			fmt.Fprintf(tw, "\t\t  %s\n", k)
		}
	}
	fmt.Fprintf(tw, "total\t%7d\t\n", r.Tally.Items)
	return tw.Flush()
}

func regionSourceText(s string) string {
	switch s {
	case "flag":
		return "given with --region"
	case "profile":
		return "from Profile.csv Geo Location"
	}
	return "not found in the export; give --region"
}

func optOutText(m MemberInfo) string {
	var parts []string
	if !m.OptOut.IsZero() {
		parts = append(parts, "setting off on "+m.OptOut.Format("2006-01-02"))
	}
	if !m.Objection.IsZero() {
		parts = append(parts, "objection sent on "+m.Objection.Format("2006-01-02"))
	}
	if len(parts) == 0 {
		return "none given (--opt-out, --objection)"
	}
	return strings.Join(parts, "; ")
}

// kindsByOutcome lists, per outcome, its kinds with their counts, largest first.
func (r *Result) kindsByOutcome() map[string]string {
	out := map[string]string{}
	for i, o := range Outcomes {
		byKind := map[string]int{}
		for k, kt := range r.Tally.Kinds {
			if n := kt.ByOutcome[i]; n > 0 {
				byKind[string(k)] = n
			}
		}
		if len(byKind) > 0 {
			out[o] = topCounts(byKind, 6)
		}
	}
	return out
}
