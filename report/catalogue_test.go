package report

import (
	"strings"
	"testing"
)

// texts.yaml decodes, and every entry is written where the report reads
// it: a text, a region and a kind's name in both languages, a kind's one
// item in both or neither, a policy note in French (its English is the
// policy's own note) and a scope in both.
func TestCatalogue(t *testing.T) {
	texts, policy, regions, kinds, err := decodeCatalogue(catalogueYAML)
	if err != nil {
		t.Fatalf("texts.yaml: %v", err)
	}
	for k, s := range texts {
		if s.en == "" || s.fr == "" {
			t.Errorf("texts %s: en %q, fr %q: both must be written", k, s.en, s.fr)
		}
	}
	for k, s := range regions {
		if s.en == "" || s.fr == "" {
			t.Errorf("regions %s: en %q, fr %q: both must be written", k, s.en, s.fr)
		}
	}
	for k, s := range policy {
		scope := strings.HasPrefix(k, "scope_")
		if s.fr == "" || scope != (s.en != "") {
			t.Errorf("policy %s: en %q, fr %q: want fr, and en only for a scope", k, s.en, s.fr)
		}
	}
	for k, w := range kinds {
		if w.manyEN == "" || w.manyFR == "" || (w.oneEN == "") != (w.oneFR == "") {
			t.Errorf("kinds %s: %q: want many in both languages, one in both or neither", k, w)
		}
	}
}

// What the YAML decoder refuses stops the program rather than losing a
// text: a key written twice, a misspelt language or section, a section
// missing.
func TestCatalogueRefuses(t *testing.T) {
	const rest = "policy: {a: {fr: b}}\nregions: {a: {en: b, fr: c}}\nkinds: {a: {en: {many: b}, fr: {many: c}}}\n"
	for name, doc := range map[string]string{
		"key twice":       "texts:\n  a: {en: b, fr: c}\n  a: {en: d, fr: e}\n" + rest,
		"language":        "texts:\n  a: {en: b, fe: c}\n" + rest,
		"kind's language": "texts:\n  a: {en: b, fr: c}\n" + strings.Replace(rest, "fr: {many", "fre: {many", 1),
		"section":         "text:\n  a: {en: b, fr: c}\n" + rest,
		"no texts":        rest,
		"not a mapping":   "texts: [a, b]\n" + rest,
	} {
		if _, _, _, _, err := decodeCatalogue([]byte(doc)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
	if _, _, _, _, err := decodeCatalogue([]byte("texts:\n  a: {en: b, fr: c}\n" + rest)); err != nil {
		t.Errorf("a well-formed catalogue: %v", err)
	}
}
