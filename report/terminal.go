package report

import (
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"exposure/analysis"
	"exposure/internal/termsafe"
	"exposure/policy"
)

// The terminal outputs: the summary of a report, the table of inspect and
// the summary of a comparison. Plain text, aligned with tabwriter.

// tprintf is fmt.Fprintf with every string argument escaped for the
// terminal: names, paths and reasons come from the archive, and a control
// character in them must not clear the screen or forge a table row.
func tprintf(w io.Writer, format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = termsafe.Escape(s)
		}
	}
	fmt.Fprintf(w, format, args...)
}

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
func WriteSummary(w io.Writer, ar *analysis.Result) error {
	r := &result{Result: ar}
	m := r.Member
	tprintf(w, "Export:   %s\n", strings.Join(r.Export.Sources, ", "))
	tprintf(w, "Region:   %s (%s)\n", m.Region, regionSourceText(m.RegionSource))
	tprintf(w, "Opt-out:  %s\n", optOutText(m))
	tprintf(w, "As of:    %s    Policy: %s %s (%s)\n\n", r.AsOf.Format("2006-01-02"), r.Policy.ID, r.Policy.Version, r.Policy.Origin)

	by := r.ByOutcome()
	kinds := r.kindsByOutcome()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, o := range outcomeNames {
		tprintf(tw, "%s\t%7d\t%s\n", o, by[o], sentences[o])
		if k := kinds[o]; k != "" {
			tprintf(tw, "\t\t  %s\n", k)
		}
	}
	tprintf(tw, "total\t%7d\t\n", r.Tally.Items)
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

func optOutText(m policy.Member) string {
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
func (r *result) kindsByOutcome() map[string]string {
	out := map[string]string{}
	for i, o := range outcomeNames {
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

// maxProblemsShown bounds the problems printed in the terminal; all of them
// are in the --json output.
const maxProblemsShown = 40

// WriteInspect prints what is in the export as a readable table: each file
// with its kind, rows, items, rejected rows and date range, then the
// problems (file, line, reason), the unknown files and the archive notes.
func WriteInspect(w io.Writer, ar *analysis.Result) error {
	r := &result{Result: ar}
	x := r.Export
	tprintf(w, "Export:   %s\n", strings.Join(x.Sources, ", "))
	typ := x.Type
	if typ == "" {
		typ = "unknown (not in the archive name)"
	}
	date := "unknown (not in the archive name)"
	if !x.Date.IsZero() {
		date = x.Date.Format("2006-01-02")
	}
	tprintf(w, "Type:     %s\nExported: %s\n\n", typ, date)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tKIND\t   ROWS\t  ITEMS\tREJECTED\tFIRST\tLAST")
	var rows, items, rejected, problems int
	for _, f := range x.Files {
		tprintf(tw, "%s\t%s\t%7d\t%7d\t%8d\t%s\t%s\n", shortPath(f.Path), f.Kind, f.Rows, f.Items, f.Rejected, shortDay(f.First), shortDay(f.Last))
		rows, items, rejected = rows+f.Rows, items+f.Items, rejected+f.Rejected
		problems += len(f.Problems)
	}
	tprintf(tw, "%d files\t\t%7d\t%7d\t%8d\t\t\n", len(x.Files), rows, items, rejected)
	if err := tw.Flush(); err != nil {
		return err
	}
	writeKinds(w, r)
	writeProblems(w, r, problems)
	writeNotes(w, r)
	if len(x.Unknown) > 0 {
		tprintf(w, "\nUnknown files (%d), not analysed:\n", len(x.Unknown))
		for _, u := range x.Unknown {
			tprintf(w, "  %s  (%d rows)\n", u.Path, u.Rows)
		}
	}
	return nil
}

// shortPath keeps long article names from widening the whole table.
func shortPath(p string) string {
	const max = 56
	r := []rune(p)
	if len(r) <= max {
		return p
	}
	return string(r[:max/2-1]) + "…" + string(r[len(r)-max/2:])
}

func shortDay(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

func writeKinds(w io.Writer, r *result) {
	counts := map[string]int{}
	for k, kt := range r.Tally.Kinds {
		counts[string(k)] = kt.N
	}
	tprintf(w, "\nItems by kind (%d kinds):\n", len(counts))
	parts := strings.Split(topCounts(counts, len(counts)), ", ")
	for len(parts) > 0 && parts[0] != "" {
		n := min(6, len(parts))
		tprintf(w, "  %s\n", strings.Join(parts[:n], ", "))
		parts = parts[n:]
	}
}

func writeProblems(w io.Writer, r *result, total int) {
	if total == 0 {
		fmt.Fprintln(w, "\nProblems: none")
		return
	}
	tprintf(w, "\nProblems (%d):\n", total)
	shown := 0
	for _, f := range r.Export.Files {
		for _, p := range f.Problems {
			if shown == maxProblemsShown {
				tprintf(w, "  … and %d more (all are in --json)\n", total-shown)
				return
			}
			tprintf(w, "  %s\n", p.Error())
			shown++
		}
	}
}

func writeNotes(w io.Writer, r *result) {
	var lines []string
	for _, f := range r.Export.Files {
		for k, n := range f.Repairs {
			lines = append(lines, fmt.Sprintf("%s: repaired %d × %s", f.Path, n, strings.ReplaceAll(k, "_", " ")))
		}
		for _, n := range f.Notes {
			lines = append(lines, fmt.Sprintf("%s: %s", f.Path, n))
		}
	}
	for _, p := range r.Export.Problems {
		lines = append(lines, p.Error())
	}
	if len(lines) == 0 {
		return
	}
	sort.Strings(lines)
	tprintf(w, "\nRepairs and notes (%d):\n", len(lines))
	for _, l := range lines {
		tprintf(w, "  %s\n", l)
	}
}

// topCounts formats the n largest counts as "a 3, b 2, … and 4 more".
func topCounts(counts map[string]int, n int) string {
	var parts []string
	for i, k := range sortedKinds(counts) {
		if i == n {
			parts = append(parts, fmt.Sprintf("and %d more", len(counts)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", k, counts[k]))
	}
	return strings.Join(parts, ", ")
}

// WriteDiffSummary prints the comparison in the terminal.
func WriteDiffSummary(w io.Writer, d *analysis.Diff) error {
	tprintf(w, "Old: %s (as of %s)\nNew: %s (as of %s)\n\n",
		strings.Join(d.Old.Export.Sources, ", "), d.Old.AsOf.Format("2006-01-02"),
		strings.Join(d.New.Export.Sources, ", "), d.New.AsOf.Format("2006-01-02"))
	ob, nb := (&result{Result: d.Old}).ByOutcome(), (&result{Result: d.New}).ByOutcome()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTCOME\t    OLD\t    NEW\t CHANGE")
	for _, o := range outcomeNames {
		tprintf(tw, "%s\t%7d\t%7d\t%+7d\n", o, ob[o], nb[o], nb[o]-ob[o])
	}
	tprintf(tw, "total\t%7d\t%7d\t%+7d\n", d.Old.Tally.Items, d.New.Tally.Items, d.New.Tally.Items-d.Old.Tally.Items)
	if err := tw.Flush(); err != nil {
		return err
	}
	added, removed, changed := d.Counts()
	tprintf(w, "\nAdded since the old export:   %d  %s\n", added, kindCounts(d.Added()))
	tprintf(w, "Removed (deleted) since:      %d  %s\n", removed, kindCounts(d.Removed()))
	tprintf(w, "Outcome changed:              %d  %s\n", changed, changeCounts(d))
	return nil
}

func kindCounts(items iter.Seq[analysis.DiffItem]) string {
	counts := byKind(items)
	if len(counts) == 0 {
		return ""
	}
	return "(" + topCounts(counts, 6) + ")"
}

func byKind(items iter.Seq[analysis.DiffItem]) map[string]int {
	counts := map[string]int{}
	for it := range items {
		counts[string(it.Kind)]++
	}
	return counts
}

// changeCounts groups the changes by their move, e.g. "in_scope→protected 12".
func changeCounts(d *analysis.Diff) string {
	counts := map[string]int{}
	for old, cur := range d.Changed() {
		counts[old.Outcome.String()+"→"+cur.Outcome.String()]++
	}
	if len(counts) == 0 {
		return ""
	}
	return "(" + topCounts(counts, 6) + ")"
}

// sortedKinds lists the kinds of a count map, largest first.
func sortedKinds(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if counts[keys[a]] != counts[keys[b]] {
			return counts[keys[a]] > counts[keys[b]]
		}
		return keys[a] < keys[b]
	})
	return keys
}

// WriteProblemLine says in one line whether reading the export met
// problems: how many, in which files (the worst first), and where to see
// them. Nothing is printed when there were none.
func WriteProblemLine(w io.Writer, ar *analysis.Result) {
	x := ar.Export
	byFile := map[string]int{}
	total := len(x.Problems)
	for _, f := range x.Files {
		if n := len(f.Problems); n > 0 {
			byFile[shortPath(f.Path)] += n
			total += n
		}
	}
	if total == 0 {
		return
	}
	where := ""
	if len(byFile) > 0 {
		where = fmt.Sprintf(" in %d files (%s)", len(byFile), topCounts(byFile, 3))
	}
	if len(x.Problems) > 0 {
		where += fmt.Sprintf(", %d about the archive", len(x.Problems))
	}
	tprintf(w, "\nProblems: %d%s; 'exposure inspect' lists them, and --json keeps them all.\n", total, where)
}
