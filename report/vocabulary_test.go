package report

import (
	"slices"
	"testing"

	"exposure/parse"
	"exposure/policy"
)

// One vocabulary: every kind the parser can produce has a category in the
// embedded policy and a name in every report language; every kind of the
// contract is one the parser produces; no name is kept for a kind that no
// longer exists.
func TestEveryKindNamed(t *testing.T) {
	p := policy.Default()
	for _, k := range parse.Kinds {
		if _, ok := p.Category(string(k)); !ok {
			t.Errorf("kind %s: no category in the embedded policy", k)
		}
		n, ok := kindNames[string(k)]
		if !ok || n.manyEN == "" || n.manyFR == "" {
			t.Errorf("kind %s: no name in English and French (kindNames)", k)
		}
	}
	for _, k := range policy.ContractKinds {
		if !slices.Contains(parse.Kinds, parse.Kind(k)) {
			t.Errorf("contract kind %s: the parser never produces it", k)
		}
	}
	for k := range kindNames {
		if !slices.Contains(parse.Kinds, parse.Kind(k)) {
			t.Errorf("kindNames names %s, which the parser does not produce", k)
		}
	}
	for _, o := range policy.Outcomes {
		n, ok := texts["out_"+o.String()]
		if !ok || n.en == "" || n.fr == "" {
			t.Errorf("outcome %s: no name in English and French", o)
		}
	}
}
