package report

import (
	"fmt"
	"strings"
	"testing"

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
