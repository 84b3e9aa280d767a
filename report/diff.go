package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// DiffSchema names the JSON form of a comparison (contract, "diff --json").
const DiffSchema = "exposure-diff/v1"

// Diff compares two analysed exports of one member. Items are matched by
// their content ID, which does not depend on file names, shards, row order
// or an era's quoting.
type Diff struct {
	Old, New *Result
	Added    []int // indexes into New.Export.Items
	Removed  []int // indexes into Old.Export.Items: the member's deletions
	Changed  []Change
}

// Change is an item present in both exports whose outcome differs.
type Change struct {
	Old, New int // indexes into Old and New items
}

// Compare matches the items of two results.
func Compare(old, cur *Result) *Diff {
	d := &Diff{Old: old, New: cur}
	oldAt := make(map[string]int, len(old.Export.Items))
	for i, it := range old.Export.Items {
		oldAt[it.ID] = i
	}
	seen := make(map[string]bool, len(cur.Export.Items))
	for j, it := range cur.Export.Items {
		seen[it.ID] = true
		i, ok := oldAt[it.ID]
		switch {
		case !ok:
			d.Added = append(d.Added, j)
		case old.Outcomes[i].Outcome != cur.Outcomes[j].Outcome:
			d.Changed = append(d.Changed, Change{Old: i, New: j})
		}
	}
	for i, it := range old.Export.Items {
		if !seen[it.ID] {
			d.Removed = append(d.Removed, i)
		}
	}
	return d
}

type diffJSON struct {
	Schema  string        `json:"schema"`
	Old     diffSideJSON  `json:"old"`
	New     diffSideJSON  `json:"new"`
	Added   diffSetJSON   `json:"added"`
	Removed diffSetJSON   `json:"removed"`
	Changed diffChangeSet `json:"changed"`
}

// diffSideJSON is the contract's totals object of one side, with where it
// came from added beside its keys.
type diffSideJSON struct {
	totalsJSON
	Sources []string    `json:"sources"`
	AsOf    *string     `json:"as_of"`
	Member  *memberJSON `json:"member"`
}

type diffSetJSON struct {
	Count  int            `json:"count"`
	ByKind map[string]int `json:"by_kind"`
	Items  []diffItemJSON `json:"items"`
}

type diffItemJSON struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Date    *string `json:"date"`
	File    string  `json:"file"`
	Line    int     `json:"line"`
	Outcome string  `json:"outcome"`
}

type diffChangeSet struct {
	Count int              `json:"count"`
	List  []diffChangeJSON `json:"list"`
}

type diffChangeJSON struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Date       *string `json:"date"`
	OldOutcome string  `json:"old_outcome"`
	OldReason  string  `json:"old_reason"`
	NewOutcome string  `json:"new_outcome"`
	NewReason  string  `json:"new_reason"`
}

func side(r *Result) diffSideJSON {
	return diffSideJSON{totalsJSON: r.totals(), Sources: r.Export.Sources, AsOf: day(r.AsOf), Member: r.memberJSON()}
}

func itemSet(r *Result, idx []int) diffSetJSON {
	s := diffSetJSON{Count: len(idx), ByKind: map[string]int{}, Items: []diffItemJSON{}}
	for _, i := range idx {
		it := r.Export.Items[i]
		s.ByKind[string(it.Kind)]++
		s.Items = append(s.Items, diffItemJSON{ID: it.ID, Kind: string(it.Kind), Date: stamp(it.Date), File: it.File, Line: it.Line, Outcome: r.Outcomes[i].Outcome})
	}
	return s
}

// WriteDiffJSON writes the comparison as exposure-diff/v1.
func WriteDiffJSON(w io.Writer, d *Diff) error {
	doc := diffJSON{
		Schema: DiffSchema, Old: side(d.Old), New: side(d.New),
		Added: itemSet(d.New, d.Added), Removed: itemSet(d.Old, d.Removed),
		Changed: diffChangeSet{Count: len(d.Changed), List: []diffChangeJSON{}},
	}
	for _, c := range d.Changed {
		it := d.New.Export.Items[c.New]
		o, n := d.Old.Outcomes[c.Old], d.New.Outcomes[c.New]
		doc.Changed.List = append(doc.Changed.List, diffChangeJSON{ID: it.ID, Kind: string(it.Kind), Date: stamp(it.Date),
			OldOutcome: o.Outcome, OldReason: o.Reason, NewOutcome: n.Outcome, NewReason: n.Reason})
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteDiffSummary prints the comparison in the terminal.
func WriteDiffSummary(w io.Writer, d *Diff) error {
	fmt.Fprintf(w, "Old: %s (as of %s)\nNew: %s (as of %s)\n\n",
		strings.Join(d.Old.Export.Sources, ", "), d.Old.AsOf.Format("2006-01-02"),
		strings.Join(d.New.Export.Sources, ", "), d.New.AsOf.Format("2006-01-02"))
	ob, nb := d.Old.ByOutcome(), d.New.ByOutcome()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTCOME\t    OLD\t    NEW\t CHANGE")
	for _, o := range Outcomes {
		fmt.Fprintf(tw, "%s\t%7d\t%7d\t%+7d\n", o, ob[o], nb[o], nb[o]-ob[o])
	}
	fmt.Fprintf(tw, "total\t%7d\t%7d\t%+7d\n", len(d.Old.Outcomes), len(d.New.Outcomes), len(d.New.Outcomes)-len(d.Old.Outcomes))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nAdded since the old export:   %d  %s\n", len(d.Added), kindCounts(d.New, d.Added))
	fmt.Fprintf(w, "Removed (deleted) since:      %d  %s\n", len(d.Removed), kindCounts(d.Old, d.Removed))
	fmt.Fprintf(w, "Outcome changed:              %d  %s\n", len(d.Changed), changeCounts(d))
	return nil
}

func kindCounts(r *Result, idx []int) string {
	if len(idx) == 0 {
		return ""
	}
	counts := map[string]int{}
	for _, i := range idx {
		counts[string(r.Export.Items[i].Kind)]++
	}
	return "(" + topCounts(counts, 6) + ")"
}

// changeCounts groups the changes by their move, e.g. "in_scope→protected 12".
func changeCounts(d *Diff) string {
	if len(d.Changed) == 0 {
		return ""
	}
	counts := map[string]int{}
	for _, c := range d.Changed {
		counts[d.Old.Outcomes[c.Old].Outcome+"→"+d.New.Outcomes[c.New].Outcome]++
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
