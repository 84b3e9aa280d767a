package policy

import "testing"

func TestInferRegion(t *testing.T) {
	cases := []struct {
		geo  string
		want string // "" = not recognised
	}{
		{"Brussels, Brussels Region, Belgium", "EU"},
		{"Belgique", "EU"},
		{"België", "EU"},
		{"Belgien", "EU"},
		{"Bruxelles, Région de Bruxelles-Capitale, Belgique", "EU"},
		{"Paris, Île-de-France, France", "EU"},
		{"Greater Paris Metropolitan Region", "EU"},
		{"Deutschland", "EU"},
		{"Allemagne", "EU"},
		{"Duitsland", "EU"},
		{"München, Bayern, Deutschland", "EU"},
		{"Amsterdam, North Holland, Netherlands", "EU"},
		{"Nederland", "EU"},
		{"Pays-Bas", "EU"},
		{"Niederlande", "EU"},
		{"Dublin, County Dublin, Ireland", "EU"},
		{"Espagne", "EU"},
		{"Italien", "EU"},
		{"Oostenrijk", "EU"},
		{"Tsjechië", "EU"},
		{"Czech Republic", "EU"},
		{"Oslo, Norway", "EU"},
		{"Norwegen", "EU"},
		{"Reykjavík, Iceland", "EU"},
		{"Vaduz, Liechtenstein", "EU"},
		{"Zürich, Switzerland", "EU"},
		{"Schweiz", "EU"},
		{"Suisse", "EU"},
		{"Zwitserland", "EU"},
		{"Saint-Denis, Réunion", "EU"},
		{"  belgium  ", "EU"},
		{"London, England, United Kingdom", "UK"},
		{"Edinburgh, Scotland", "UK"},
		{"Cardiff, Wales, United Kingdom", "UK"},
		{"Belfast, Northern Ireland", "UK"},
		{"Royaume-Uni", "UK"},
		{"Verenigd Koninkrijk", "UK"},
		{"Vereinigtes Königreich", "UK"},
		{"Greater London", "UK"},
		{"London Area, United Kingdom", "UK"},
		{"Toronto, Ontario, Canada", "CA"},
		{"Montréal, Québec", "CA"},
		{"Greater Vancouver Metropolitan Area", "CA"},
		{"Kanada", "CA"},
		{"Hong Kong SAR", "HK"},
		{"Hong Kong", "HK"},
		{"Kowloon, Hong Kong", "HK"},
		{"Austin, Texas, United States", "US"},
		{"San Francisco Bay Area", "US"},
		{"Washington DC-Baltimore Area", "US"},
		{"UNITED STATES", "US"},
		{"U.S.A.", "US"},
		{"États-Unis", "US"},
		{"Vereinigte Staaten", "US"},
		{"Bengaluru, Karnataka, India", "US"},
		{"Tokyo, Japan", "US"},
		{"São Paulo, Brazil", "US"},
		{"Lagos, Nigeria", "US"},
		{"Côte d'Ivoire", "US"},
		{"Macau", "US"},
		{"Tbilisi, Georgia", "US"},
		{"Atlanta, Georgia, United States", "US"},
		{"Singapore", "US"},
		{"", ""},
		{"Narnia", ""},
		{"Earth", ""},
		{", ,", ""},
	}
	for _, c := range cases {
		got, ok := InferRegion(c.geo)
		if c.want == "" {
			if ok {
				t.Errorf("InferRegion(%q) = %s, want not recognised", c.geo, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("InferRegion(%q) = %q, %v; want %s", c.geo, got, ok, c.want)
		}
	}
}

// All 27 EU states, the EEA and Switzerland are EU; the policy's EU list is exactly those plus
// the outermost regions.
func TestInferRegionEurope(t *testing.T) {
	for _, c := range []string{"Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark",
		"Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia",
		"Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia",
		"Slovenia", "Spain", "Sweden", "Iceland", "Liechtenstein", "Norway", "Switzerland"} {
		if got, ok := InferRegion("Somewhere, " + c); !ok || got != "EU" {
			t.Errorf("%s -> %q %v", c, got, ok)
		}
	}
	r, _ := Default().Region("EU")
	if len(r.Countries) != 31+6 {
		t.Errorf("EU lists %d countries", len(r.Countries))
	}
}

// Every spelling in the tables folds to a key that names one country only.
func TestCountryTables(t *testing.T) {
	tb := lookupTables() // panics on a conflict
	if len(tb.countries) < 400 {
		t.Errorf("only %d country spellings", len(tb.countries))
	}
	for _, f := range []struct{ in, want string }{
		{"Côte d'Ivoire", "cote divoire"},
		{"U.S.A.", "u s a"},
		{"  Île-de-France ", "ile de france"},
		{"The Netherlands", "netherlands"},
		{"Groß\u00adbritannien", "grossbritannien"},
	} {
		if got := fold(f.in); got != f.want {
			t.Errorf("fold(%q) = %q, want %q", f.in, got, f.want)
		}
	}
}
