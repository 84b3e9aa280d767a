package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// maxProblemsShown bounds the problems printed in the terminal; all of them
// are in the --json output.
const maxProblemsShown = 40

// WriteInspect prints what is in the export as a readable table: each file
// with its kind, rows, items, rejected rows and date range, then the
// problems (file, line, reason), the unknown files and the archive notes.
func WriteInspect(w io.Writer, r *Result) error {
	x := r.Export
	fmt.Fprintf(w, "Export:   %s\n", strings.Join(x.Sources, ", "))
	typ := x.Type
	if typ == "" {
		typ = "unknown (not in the archive name)"
	}
	date := "unknown (not in the archive name)"
	if !x.Date.IsZero() {
		date = x.Date.Format("2006-01-02")
	}
	fmt.Fprintf(w, "Type:     %s\nExported: %s\n\n", typ, date)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tKIND\t   ROWS\t  ITEMS\tREJECTED\tFIRST\tLAST")
	var rows, items, rejected, problems int
	for _, f := range x.Files {
		fmt.Fprintf(tw, "%s\t%s\t%7d\t%7d\t%8d\t%s\t%s\n", shortPath(f.Path), f.Kind, f.Rows, f.Items, f.Rejected, shortDay(f.First), shortDay(f.Last))
		rows, items, rejected = rows+f.Rows, items+f.Items, rejected+f.Rejected
		problems += len(f.Problems)
	}
	fmt.Fprintf(tw, "%d files\t\t%7d\t%7d\t%8d\t\t\n", len(x.Files), rows, items, rejected)
	if err := tw.Flush(); err != nil {
		return err
	}
	writeKinds(w, r)
	writeProblems(w, r, problems)
	writeNotes(w, r)
	if len(x.Unknown) > 0 {
		fmt.Fprintf(w, "\nUnknown files (%d), not analysed:\n", len(x.Unknown))
		for _, u := range x.Unknown {
			fmt.Fprintf(w, "  %s  (%d rows)\n", u.Path, u.Rows)
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

func writeKinds(w io.Writer, r *Result) {
	counts := map[string]int{}
	for k, kt := range r.Tally.Kinds {
		counts[string(k)] = kt.N
	}
	fmt.Fprintf(w, "\nItems by kind (%d kinds):\n", len(counts))
	parts := strings.Split(topCounts(counts, len(counts)), ", ")
	for len(parts) > 0 && parts[0] != "" {
		n := min(6, len(parts))
		fmt.Fprintf(w, "  %s\n", strings.Join(parts[:n], ", "))
		parts = parts[n:]
	}
}

func writeProblems(w io.Writer, r *Result, total int) {
	if total == 0 {
		fmt.Fprintln(w, "\nProblems: none")
		return
	}
	fmt.Fprintf(w, "\nProblems (%d):\n", total)
	shown := 0
	for _, f := range r.Export.Files {
		for _, p := range f.Problems {
			if shown == maxProblemsShown {
				fmt.Fprintf(w, "  … and %d more (all are in --json)\n", total-shown)
				return
			}
			fmt.Fprintf(w, "  %s\n", p.Error())
			shown++
		}
	}
}

func writeNotes(w io.Writer, r *Result) {
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
	fmt.Fprintf(w, "\nRepairs and notes (%d):\n", len(lines))
	for _, l := range lines {
		fmt.Fprintf(w, "  %s\n", l)
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
