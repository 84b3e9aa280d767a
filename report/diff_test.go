package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"strings"
	"testing"
	"time"

	"exposure/analysis/analysistest"
)

// The diff page of the small fixture against the injection export: it
// renders in both languages, holds the counts the comparison found, and
// stays inert whatever the exports' texts say.
func TestDiffPage(tt *testing.T) {
	text := t
	t := tt
	old := tstFixture(t)
	cur := tstAnalyse(tstRead(t, tstInjectionExport(t)), nil)
	d, err := analysistest.Compare(old.side(), cur.side())
	if err != nil {
		t.Fatal(err)
	}
	added, removed, changed := d.Counts()
	if added == 0 || removed == 0 {
		t.Fatalf("fixture and injection export should differ both ways: added %d, removed %d", added, removed)
	}
	var js bytes.Buffer
	if err := WriteDiffJSON(&js, d); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema string `json:"schema"`
		Added  struct {
			Count int `json:"count"`
		} `json:"added"`
		Removed struct {
			Count int `json:"count"`
		} `json:"removed"`
		Changed struct {
			Count int `json:"count"`
		} `json:"changed"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != DiffSchema || doc.Added.Count != added || doc.Removed.Count != removed || doc.Changed.Count != changed {
		t.Errorf("JSON %+v disagrees with the comparison", doc)
	}
	for _, lang := range Languages {
		var b bytes.Buffer
		if err := WriteDiffHTML(&b, d, HTMLOptions{Lang: lang, ECharts: tstEChartsStub}); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		tstCheckInert(t, page)
		items := func(n int) string { return tn(lang, "diff_n_items", n, number(lang, n)) }
		want := text(lang, "diff_counts", items(added), items(removed), items(changed))
		if !strings.Contains(page, want) {
			t.Errorf("%s: the page does not say %q", lang, want)
		}
		for _, id := range []string{"chart-diff-totals", "chart-diff-kinds", "chart-diff-timeline"} {
			if !strings.Contains(page, `id="`+id+`"`) {
				t.Errorf("%s: chart %s missing", lang, id)
			}
		}
	}
}

// diff --csv lists every added, removed and changed item, one row each,
// with the outcomes of the side(s) it is in.
func TestDiffCSV(t *testing.T) {
	old := tstFixture(t)
	opted := tstFixture(t)
	opted.c.Member.OptOut = time.Date(2025, 10, 10, 0, 0, 0, 0, time.UTC) // earlier: some outcomes change
	cur := tstAnalyse(tstRead(t, tstInjectionExport(t)), nil)
	for name, pair := range map[string][2]*tstResult{"injection": {old, cur}, "earlier opt-out": {old, opted}} {
		d, err := analysistest.Compare(pair[0].side(), pair[1].side())
		if err != nil {
			t.Fatal(err)
		}
		added, removed, changed := d.Counts()
		var b bytes.Buffer
		if err := WriteDiffCSV(&b, d); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := strings.Join(recs[0], ","), strings.Join(diffCSVHeader, ","); got != want {
			t.Errorf("%s: header %s, want %s", name, got, want)
		}
		n := map[string]int{}
		for _, rec := range recs[1:] {
			n[rec[0]]++
			switch rec[0] {
			case "added":
				if rec[6] != "" || rec[8] == "" {
					t.Errorf("%s: added row %q: want only the new outcome", name, rec)
				}
			case "removed":
				if rec[6] == "" || rec[8] != "" {
					t.Errorf("%s: removed row %q: want only the old outcome", name, rec)
				}
			case "changed":
				if rec[6] == "" || rec[8] == "" || rec[6] == rec[8] {
					t.Errorf("%s: changed row %q: want two different outcomes", name, rec)
				}
			}
		}
		if n["added"] != added || n["removed"] != removed || n["changed"] != changed || len(recs)-1 != added+removed+changed {
			t.Errorf("%s: rows %v, want added %d, removed %d, changed %d", name, n, added, removed, changed)
		}
		if name == "earlier opt-out" && changed == 0 {
			t.Errorf("%s: no outcome changed: the test proves nothing about changed rows", name)
		}
	}
}

// Comparing an export with itself: the page says in words that nothing
// was added, removed or changed, and draws no empty chart of kinds.
func TestDiffPageEmpty(tt *testing.T) {
	text := t
	t := tt
	r := tstFixture(t)
	d, err := analysistest.Compare(r.side(), r.side())
	if err != nil {
		t.Fatal(err)
	}
	if a, rm, c := d.Counts(); a+rm+c != 0 {
		t.Fatalf("an export against itself: added %d, removed %d, changed %d", a, rm, c)
	}
	for _, lang := range Languages {
		var b bytes.Buffer
		if err := WriteDiffHTML(&b, d, HTMLOptions{Lang: lang, ECharts: tstEChartsStub}); err != nil {
			t.Fatal(err)
		}
		page := html.UnescapeString(b.String())
		for _, key := range []string{"diff_nothing", "diff_changed_none", "diff_removed_none", "diff_added_none"} {
			if !strings.Contains(page, text(lang, key)) {
				t.Errorf("%s: the page does not say %q", lang, text(lang, key))
			}
		}
		if strings.Contains(page, `id="chart-diff-kinds"`) {
			t.Errorf("%s: an empty chart of added and removed kinds is drawn", lang)
		}
	}
}
