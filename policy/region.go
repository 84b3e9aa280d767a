package policy

import (
	"strings"
	"sync"
	"unicode"
)

// InferRegion maps a LinkedIn Geo Location ("Brussels, Brussels Region, Belgium", "Belgique",
// "Greater Paris Metropolitan Region") to a region of the embedded policy. See
// Policy.InferRegion.
func InferRegion(geoLocation string) (region string, ok bool) {
	return Default().InferRegion(geoLocation)
}

// InferRegion maps a Geo Location to one of the policy's regions: a country the policy lists
// gives its region; any other recognised country gives the rest-of-world region; anything
// else gives ok=false.
//
// The parts of the location are tried from the last (where LinkedIn puts the country) to the
// first, first as countries, then as states or provinces, then as metropolitan areas.
// Spellings are compared without case, accents or punctuation; English, French, Dutch and
// German names of the European countries and of the named regions are known, as are many
// local names.
func (p *Policy) InferRegion(geoLocation string) (string, bool) {
	canon, ok := countryOfLocation(geoLocation)
	if !ok {
		return "", false
	}
	if code, ok := p.country[canon]; ok {
		return code, true
	}
	return p.rest.Code, true
}

// countryOfLocation finds the country a Geo Location names.
func countryOfLocation(geo string) (string, bool) {
	t := lookupTables()
	var parts []string
	for _, part := range strings.Split(geo, ",") {
		if f := fold(part); f != "" {
			parts = append(parts, f)
		}
	}
	for _, table := range []map[string]string{t.countries, t.subdivisions} {
		for i := len(parts) - 1; i >= 0; i-- {
			if c, ok := table[parts[i]]; ok {
				return c, true
			}
		}
	}
	for i := len(parts) - 1; i >= 0; i-- {
		if c, ok := t.metros[stripMetro(parts[i])]; ok {
			return c, true
		}
	}
	return "", false
}

// canonicalCountry returns the English name the policy uses for a country spelling.
func canonicalCountry(name string) (string, bool) {
	c, ok := lookupTables().countries[fold(name)]
	return c, ok
}

type tables struct {
	countries, subdivisions, metros map[string]string // folded spelling -> English country name
}

var lookupTables = sync.OnceValue(func() tables {
	t := tables{countries: map[string]string{}, subdivisions: map[string]string{}, metros: map[string]string{}}
	put := func(m map[string]string, name, country string) {
		k := fold(name)
		if prev, dup := m[k]; dup && prev != country {
			panic("policy: spelling " + name + " names both " + prev + " and " + country)
		}
		m[k] = country
	}
	for _, line := range countryNames {
		names := strings.Split(line, "|")
		for _, n := range names {
			put(t.countries, n, names[0])
		}
	}
	for country, names := range subdivisionNames {
		for _, n := range names {
			put(t.subdivisions, n, country)
		}
	}
	for country, names := range metroNames {
		for _, n := range names {
			put(t.metros, n, country)
		}
	}
	return t
})

// stripMetro reduces "greater paris metropolitan region" to "paris".
func stripMetro(s string) string {
	s = strings.TrimPrefix(s, "greater ")
	for _, suf := range []string{" metropolitan area", " metropolitan region", " metro area", " metroplex",
		" bay area", " area", " region"} {
		if t, ok := strings.CutSuffix(s, suf); ok {
			return t
		}
	}
	return s
}

// fold lowercases a spelling, removes accents and turns every run of punctuation or space into
// one space: "Côte d'Ivoire" -> "cote divoire", "U.S.A." -> "u s a".
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if rep, ok := foldMap[r]; ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(rep)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if unicode.Is(unicode.Cf, r) {
			continue // soft hyphens, zero-width joiners, byte-order marks
		}
		if r == '\'' || r == '’' || r == '.' {
			// "d'Ivoire" and "U.S." keep their letters together with the word around them.
			if r == '.' {
				space = true
			}
			continue
		}
		space = true
	}
	out := b.String()
	return strings.TrimPrefix(out, "the ")
}

var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c",
	'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i",
	'ł': "l", 'ľ': "l", 'ĺ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ř': "r", 'ŕ': "r",
	'ś': "s", 'š': "s", 'ş': "s", 'ș': "s",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th", 'ð': "d",
}
