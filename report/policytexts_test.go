package report

import (
	"fmt"
	"html/template"
	"path/filepath"
	"strings"
	"testing"

	"exposure/analysis/analysistest"
	"exposure/policy"
)

// Every note of the embedded policy that the report shows has a French text: the categories
// (and their by-region rules), the assumptions, the purposes and the version's changes; and
// no French text is kept for a note the policy no longer has.
func TestPolicyTextsCoverEmbeddedPolicy(t *testing.T) {
	p := policy.Default()
	want := map[string]bool{}
	for _, c := range p.Categories {
		want["cat_"+c.Name] = true
		for _, rs := range c.ByRegion {
			for _, code := range rs.Regions {
				want["cat_"+c.Name+"_"+strings.ToLower(code)] = true
			}
		}
	}
	for _, a := range p.Assumptions {
		want["asm_"+a.ID] = true
	}
	for _, u := range p.Purposes {
		want["pur_"+u.ID] = true
		want["pur_"+u.ID+"_recipient"] = true
		if u.NotInExport != "" {
			want["pur_"+u.ID+"_not_in_export"] = true
		}
		want["ctl_"+u.Control.ID] = true
	}
	for _, rule := range []string{"opt_out", "visibility", "minor", "lookback", "undated", "not_started"} {
		want["rule_"+rule] = true
	}
	if len(p.Changelog) > 0 {
		for i := range p.Changelog[0].Changes {
			want[fmt.Sprintf("chg_%s_%d", p.Changelog[0].Version, i)] = true
		}
	}
	for key := range want {
		if s, ok := policyTexts[key]; !ok || s.fr == "" {
			t.Errorf("no French text for %s", key)
		}
	}
	for key := range policyTexts {
		if !strings.HasPrefix(key, "scope_") && !want[key] {
			t.Errorf("French text %s matches nothing in the embedded policy", key)
		}
	}
}

// A UK member's report lists Microsoft's training beside LinkedIn's, under the same setting,
// with the kinds of the export it takes in; an EU member's does not.
func TestHTMLPurposesOfTheRegion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), tstExportName)
	tstWriteFiles(t, dir, tstFixtureFiles)
	x := tstRead(t, dir)
	for region, wantMS := range map[string]bool{"UK": true, "EU": false} {
		m := policy.Member{Region: region, RegionSource: "flag", OptOut: tstOptOut, Registered: x.Member.Registered}
		r := &tstResult{x: x, c: analysistest.Case{Policy: policy.Default(), Member: m, AsOf: tstAsOf}}
		r.Result = r.run(nil)
		for _, lang := range Languages {
			page := string(tstHTML(t, r, lang))
			if !strings.Contains(page, t2(lang, "purposes")) {
				t.Errorf("%s %s: no purposes section", region, lang)
			}
			name := policyText(lang, "pur_microsoft_training", policy.Default().Purposes[1].Name)
			ms := strings.Contains(page, template.HTMLEscapeString(name)+" :") || strings.Contains(page, template.HTMLEscapeString(name)+":")
			if ms != wantMS {
				t.Errorf("%s %s: Microsoft's purpose shown %v, want %v", region, lang, ms, wantMS)
			}
			if !strings.Contains(page, t2(lang, "changes_title", "2026-12-06", dateText(lang, policy.Default().Changelog[0].Date))) {
				t.Errorf("%s %s: the version's changes are not shown", region, lang)
			}
		}
	}
}
