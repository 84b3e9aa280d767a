package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"exposure/analysis"
	"exposure/analysis/analysistest"
	"exposure/parse"
	"exposure/policy"
)

// The explorer holds every exposed item of the sample, newest first, each
// with its outcome, its reason in words and, for a post, comment, article,
// reaction or vote the export links, its LinkedIn page; the redacted page
// holds neither text nor link.
func TestExplorerData(t *testing.T) {
	plain := tstSampleResult(t, false)
	exposed := plain.Tally.Exposed
	if exposed < 1000 || exposed > analysis.MaxListed {
		t.Fatalf("%d exposed items in the sample: the test wants over 1,000 and at most %d", exposed, analysis.MaxListed)
	}
	// What the explorer should link: the exposed items with a page.
	linked, posts := 0, 0
	for i := range plain.x.Items {
		it := &plain.x.Items[i]
		if plain.outcome(i).Outcome.Exposed() && it.URL != "" {
			linked++
			if it.Kind == parse.KindPost {
				posts++
			}
		}
	}
	if posts < 100 {
		t.Fatalf("only %d exposed posts with a link in the sample", posts)
	}
	for _, lang := range Languages {
		d := tstExplorerData(t, string(tstHTML(t, plain, lang)))
		if len(d.Rows) != exposed || d.Total != exposed {
			t.Errorf("%s: %d rows, total %d; want %d", lang, len(d.Rows), d.Total, exposed)
		}
		links, prevDay := 0, int64(1<<62)
		for i, row := range d.Rows {
			if o := int(row[2].(float64)); o != int(policy.InScope) && o != int(policy.PossiblyInScope) {
				t.Fatalf("%s: row %d has outcome %d", lang, i, o)
			}
			if row[0] != nil {
				day := int64(row[0].(float64))
				if day > prevDay {
					t.Fatalf("%s: row %d (day %d) is newer than the one before (day %d)", lang, i, day, prevDay)
				}
				prevDay = day
			}
			if p := int(row[5].(float64)); p >= 0 {
				links++
				if u := d.Prefixes[p] + row[6].(string); !strings.HasPrefix(u, "https://www.linkedin.com/") {
					t.Errorf("%s: row %d links to %q", lang, i, u)
				}
			}
			reason := d.Reasons[int(row[3].(float64))]
			if reason[0] == "" || reason[1] == "" {
				t.Errorf("%s: row %d: reason %q without words", lang, i, reason)
			}
		}
		if links != linked {
			t.Errorf("%s: %d rows link to LinkedIn, want %d (every exposed item with a page)", lang, links, linked)
		}
	}

	red := tstSampleResult(t, true)
	for _, lang := range Languages {
		page := string(tstHTML(t, red, lang))
		d := tstExplorerData(t, page)
		if len(d.Rows) != exposed || len(d.Prefixes) != 0 {
			t.Errorf("redacted %s: %d rows, %d link prefixes; want %d rows and no prefix", lang, len(d.Rows), len(d.Prefixes), exposed)
		}
		for _, row := range d.Rows {
			if row[4] != "" || row[5].(float64) != -1 || row[6] != "" {
				t.Fatalf("redacted %s: a row keeps a text or a link: %v", lang, row)
			}
		}
		if strings.Contains(page, "linkedin.com/feed/") || strings.Contains(page, "linkedin.com/pulse/") {
			t.Errorf("redacted %s: the page holds a link to one of the member's items", lang)
		}
	}
}

// Past the cap, the explorer keeps the newest items and says so.
func TestExplorerCap(t *testing.T) {
	r := tstSampleResult(t, false)
	r.c.TopN = 50
	r.Result = r.run(nil)
	page := string(tstHTML(t, r, "en"))
	d := tstExplorerData(t, page)
	if len(d.Rows) != 50 || d.Total != r.Tally.Exposed {
		t.Errorf("%d rows of %d; want 50 of %d", len(d.Rows), d.Total, r.Tally.Exposed)
	}
	want := t2("en", "x_more", number("en", 50), number("en", r.Tally.Exposed))
	if !strings.Contains(html.UnescapeString(page), want) {
		t.Errorf("the page does not say %q", want)
	}
}

func t2(lang, key string, args ...any) string { return t(lang, key, args...) }

// tstCodeRE finds an internal code: a snake_case name ("possibly_in_scope",
// "rules.not_started").
var tstCodeRE = regexp.MustCompile(`\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)*_[a-z0-9]+\b`)

// tstDataRE finds what the page shows of the export itself (file names,
// snippets): data, not the page's words.
var tstDataRE = regexp.MustCompile(`(?s)<span class="(?:path|text)">.*?</span>|<td class="path">.*?</td>|<ul class="paths">.*?</ul>`)

// No text a reader sees, in English or French, holds an internal code:
// not the page's words, the policy's notes, the charts' labels, or the
// explorer's words; the export's own texts (file names, snippets) aside.
func TestNoCodesShown(t *testing.T) {
	for _, code := range []string{"possibly_in_scope", "rules.not_started", "lookback_uncertain"} {
		if tstCodeRE.FindString("flagged "+code+".") != code {
			t.Fatalf("the check does not find %q", code)
		}
	}
	for name, r := range map[string]*tstResult{"fixture": tstFixture(t), "sample": tstSampleResult(t, false), "redacted sample": tstSampleResult(t, true)} {
		for _, lang := range Languages {
			page := string(tstHTML(t, r, lang))
			items := tstExplorerData(t, page)
			shown := tstDataRE.ReplaceAllString(page, " ")
			chartJSON := tstCheckInert(t, shown)
			var b strings.Builder
			b.WriteString(tstPageText(t, shown, chartJSON[:strings.IndexByte(string(chartJSON), '\n')]))
			// The explorer's words (its codes, the rows' data and the file
			// names aside).
			for _, k := range items.Kinds {
				b.WriteString(" " + k[1] + " " + k[2])
			}
			for _, o := range items.Outcomes {
				b.WriteString(" " + o[1])
			}
			for _, re := range items.Reasons {
				b.WriteString(" " + re[0] + " " + re[1])
			}
			for _, f := range items.Flags {
				b.WriteString(" " + f)
			}
			for _, l := range items.Labels {
				b.WriteString(" " + l)
			}
			// Sources' titles are theirs (a release named "nr-c_241210b").
			text := tstWithoutSourceTitles(b.String(), r.Policy)
			for _, f := range r.Export.Files { // file names in the problems' reasons
				text = strings.ReplaceAll(text, f.Path, " ")
			}
			if codes := tstCodeRE.FindAllString(text, -1); len(codes) > 0 {
				t.Errorf("%s, %s: the page shows internal codes: %q", name, lang, dedupe(codes))
			}
		}
	}
	// The diff page too.
	old := tstFixture(t)
	d, err := compareFixtures(t, old)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		page := tstDataRE.ReplaceAllString(tstDiffPage(t, d, lang), " ")
		chartJSON := tstCheckInert(t, page)
		text := tstWithoutSourceTitles(tstPageText(t, page, chartJSON[:strings.IndexByte(string(chartJSON), '\n')]), old.Policy)
		if codes := tstCodeRE.FindAllString(text, -1); len(codes) > 0 {
			t.Errorf("diff page, %s: shows internal codes: %q", lang, dedupe(codes))
		}
	}
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// The embedded policy's notes, categories, rules and assumptions all have
// French words, so that a French page is French throughout.
func TestPolicyInFrench(t *testing.T) {
	p := policy.Default()
	check := func(key string) {
		if s, ok := policyTexts[key]; !ok || s.fr == "" {
			t.Errorf("no French text for the embedded policy's %s", key)
		}
	}
	for _, c := range p.Categories {
		check("cat_" + c.Name)
		if _, ok := texts["catname_"+c.Name]; !ok {
			t.Errorf("category %s has no name in words (catname_%s)", c.Name, c.Name)
		}
	}
	for _, a := range p.Assumptions {
		check("asm_" + a.ID)
	}
	for _, r := range []string{"opt_out", "visibility", "minor", "lookback", "undated", "not_started"} {
		check("rule_" + r)
	}
}

// compareFixtures compares the fixture with itself given an earlier
// opt-out, so that outcomes change with their reasons.
func compareFixtures(t *testing.T, old *tstResult) (*analysis.Diff, error) {
	t.Helper()
	cur := tstFixture(t)
	cur.c.Member.OptOut = time.Date(2025, 10, 10, 0, 0, 0, 0, time.UTC)
	return analysistest.Compare(old.side(), cur.side())
}

func tstDiffPage(t *testing.T, d *analysis.Diff, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDiffHTML(&b, d, HTMLOptions{Lang: lang, ECharts: tstEChartsStub}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The verdict and the advice follow the member's state: no opt-out, a
// late one, an early one, an objection, training not started.
func TestSituationAdvice(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct {
		name              string
		optOut, objection string
		asOf              string
		verdict           string
		steps, notSteps   []string
	}{
		{"no opt-out", "", "", "2026-11-23", "v_none", []string{"setting", "form", "art21"}, []string{"setting_check"}},
		{"late opt-out", "2025-12-01", "", "2026-11-23", "v_late", []string{"setting_check", "form"}, []string{"setting"}},
		{"early opt-out", "2025-10-01", "", "2026-11-23", "v_early", []string{"setting_check"}, []string{"setting"}},
		{"objection only", "", "2025-12-15", "2026-11-23", "v_late", []string{"setting", "erasure"}, []string{"form", "art21"}},
		{"not started", "", "", "2025-06-01", "v_not_started", []string{"setting", "form"}, nil},
	} {
		r := tstFixture(t)
		r.c.Member.OptOut, r.c.Member.Objection = time.Time{}, time.Time{}
		if c.optOut != "" {
			r.c.Member.OptOut = day(c.optOut)
		}
		if c.objection != "" {
			r.c.Member.Objection = day(c.objection)
		}
		r.c.AsOf = day(c.asOf)
		r.Result = r.run(nil)
		res := &result{r.Result, false}
		s := res.situation()
		v := verdict("en", res, s)
		pattern := "^" + strings.ReplaceAll(regexp.QuoteMeta(t2("en", c.verdict)), "%s", ".*") + "$"
		if !regexp.MustCompile(pattern).MatchString(v[0]) {
			t.Errorf("%s: verdict %q, want the %s sentence", c.name, v[0], c.verdict)
		}
		got := map[string]bool{}
		for _, st := range nextSteps {
			if st.when(s, res.Member.Region) {
				got[st.id] = true
			}
		}
		for _, id := range c.steps {
			if !got[id] {
				t.Errorf("%s: no step %s (steps %v)", c.name, id, got)
			}
		}
		for _, id := range c.notSteps {
			if got[id] {
				t.Errorf("%s: step %s given (steps %v)", c.name, id, got)
			}
		}
	}
}
