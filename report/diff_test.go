package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

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
