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
	"exposure/parse"
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

// WriteSummary prints the classification in the terminal, in lang (en or
// fr): who, which policy, the totals per outcome in words and the kinds
// behind each.
func WriteSummary(w io.Writer, ar *analysis.Result, lang string) error {
	r := &result{Result: ar}
	m := r.Member
	origin := r.Policy.Origin
	if origin == "embedded" {
		origin = t(lang, "embedded")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	tprintf(tw, "%s\t%s\n", t(lang, "term_export"), strings.Join(r.Export.Sources, ", "))
	tprintf(tw, "%s\t%s (%s)\n", t(lang, "region"), m.Region, t(lang, "term_region_"+regionSourceKey(m.RegionSource)))
	tprintf(tw, "%s\t%s\n", t(lang, "optout"), optOutText(lang, m))
	tprintf(tw, "%s\t%s    %s%s%s %s (%s)\n", t(lang, "asof"), r.AsOf.Format("2006-01-02"), t(lang, "term_policy"), colon(lang), r.Policy.ID, r.Policy.Version, origin)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)

	by := r.ByOutcome()
	kinds := r.kindsByOutcome(lang)
	// Numbers right-aligned, words left-aligned.
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, o := range outcomeNames {
		tprintf(tw, "%s\t%8s  %s\n", t(lang, "out_"+o), termNumber(lang, by[o]), t(lang, "say_"+o))
		if k := kinds[o]; k != "" {
			tprintf(tw, "\t%8s    %s\n", "", k)
		}
	}
	tprintf(tw, "%s\t%8s\n", t(lang, "term_total"), termNumber(lang, r.Tally.Items))
	return tw.Flush()
}

// termNumber groups thousands as number does, with a plain space in
// French: a terminal may not show a narrow one.
func termNumber(lang string, n int) string {
	return strings.ReplaceAll(number(lang, n), "\u202f", " ")
}

func regionSourceKey(s string) string {
	switch s {
	case "flag", "profile":
		return s
	}
	return "default"
}

func optOutText(lang string, m policy.Member) string {
	var parts []string
	if !m.OptOut.IsZero() {
		parts = append(parts, t(lang, "term_setting_off", m.OptOut.Format("2006-01-02")))
	}
	if !m.Objection.IsZero() {
		parts = append(parts, t(lang, "term_objection_sent", m.Objection.Format("2006-01-02")))
	}
	if len(parts) == 0 {
		return t(lang, "term_no_optout")
	}
	return strings.Join(parts, "; ")
}

// kindsByOutcome lists, per outcome, its kinds in words with their
// counts, largest first.
func (r *result) kindsByOutcome(lang string) map[string]string {
	out := map[string]string{}
	for i, o := range outcomeNames {
		byKind := map[string]int{}
		for k, kt := range r.Tally.Kinds {
			if n := kt.ByOutcome[i]; n > 0 {
				byKind[kindName(lang, string(k))] = n
			}
		}
		if len(byKind) > 0 {
			out[o] = topCountsIn(lang, byKind, 6)
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
		problems += parse.ProblemLines(f.Problems)
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
				tprintf(w, "  … and %d more (the --json result lists more)\n", total-shown)
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
func topCounts(counts map[string]int, n int) string { return topCountsIn("en", counts, n) }

func topCountsIn(lang string, counts map[string]int, n int) string {
	var parts []string
	for i, k := range sortedKinds(counts) {
		if i == n {
			parts = append(parts, t(lang, "term_more", len(counts)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s", k, termNumber(lang, counts[k])))
	}
	return strings.Join(parts, ", ")
}

// WriteDiffSummary prints the comparison in the terminal, in lang.
func WriteDiffSummary(w io.Writer, d *analysis.Diff, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	tprintf(tw, "%s\t%s (%s %s)\n", t(lang, "diff_old"), strings.Join(d.Old.Export.Sources, ", "), t(lang, "asof"), d.Old.AsOf.Format("2006-01-02"))
	tprintf(tw, "%s\t%s (%s %s)\n", t(lang, "diff_new"), strings.Join(d.New.Export.Sources, ", "), t(lang, "asof"), d.New.AsOf.Format("2006-01-02"))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	ob, nb := (&result{Result: d.Old}).ByOutcome(), (&result{Result: d.New}).ByOutcome()
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	tprintf(tw, "%s\t%s\t%s\t%s\t\n", t(lang, "col_outcome"), t(lang, "diff_old"), t(lang, "diff_new"), t(lang, "diff_change"))
	for _, o := range outcomeNames {
		tprintf(tw, "%s\t%s\t%s\t%s\t\n", t(lang, "out_"+o), termNumber(lang, ob[o]), termNumber(lang, nb[o]), termSigned(lang, nb[o]-ob[o]))
	}
	tprintf(tw, "%s\t%s\t%s\t%s\t\n", t(lang, "term_total"), termNumber(lang, d.Old.Tally.Items), termNumber(lang, d.New.Tally.Items), termSigned(lang, d.New.Tally.Items-d.Old.Tally.Items))
	if err := tw.Flush(); err != nil {
		return err
	}
	added, removed, changed := d.Counts()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	tprintf(tw, "%s\t%s\t%s\n", t(lang, "term_added"), termNumber(lang, added), kindCounts(lang, d.Added()))
	tprintf(tw, "%s\t%s\t%s\n", t(lang, "term_removed"), termNumber(lang, removed), kindCounts(lang, d.Removed()))
	tprintf(tw, "%s\t%s\t%s\n", t(lang, "term_changed"), termNumber(lang, changed), changeCounts(lang, d))
	return tw.Flush()
}

func termSigned(lang string, n int) string {
	if n > 0 {
		return "+" + termNumber(lang, n)
	}
	return termNumber(lang, n)
}

func kindCounts(lang string, items iter.Seq[analysis.DiffItem]) string {
	counts := map[string]int{}
	for k, n := range byKind(items) {
		counts[kindName(lang, k)] += n
	}
	if len(counts) == 0 {
		return ""
	}
	return "(" + topCountsIn(lang, counts, 6) + ")"
}

func byKind(items iter.Seq[analysis.DiffItem]) map[string]int {
	counts := map[string]int{}
	for it := range items {
		counts[string(it.Kind)]++
	}
	return counts
}

// changeCounts groups the changes by their move, e.g. "In scope → Protected 12".
func changeCounts(lang string, d *analysis.Diff) string {
	counts := map[string]int{}
	for old, cur := range d.Changed() {
		counts[t(lang, "out_"+old.Outcome.String())+" → "+t(lang, "out_"+cur.Outcome.String())]++
	}
	if len(counts) == 0 {
		return ""
	}
	return "(" + topCountsIn(lang, counts, 6) + ")"
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
	total := parse.ProblemLines(x.Problems)
	for _, f := range x.Files {
		if n := parse.ProblemLines(f.Problems); n > 0 {
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
	if n := parse.ProblemLines(x.Problems); n > 0 {
		where += fmt.Sprintf(", %d about the archive", n)
	}
	tprintf(w, "\nProblems: %d%s; 'exposure inspect' and the --json result list them (the first 100 of each reason per file, the rest counted).\n", total, where)
}
