package synth

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
)

// person is an invented LinkedIn member.
type person struct {
	First, Last string
	Slug        string // as it appears in profile URLs (percent-encoded)
	Company     string
	Position    string
	Email       string // shared with connections; mostly empty
	Hidden      bool   // closed or hidden profile: a date-only Connections row
}

func (p person) Name() string { return p.First + " " + p.Last }

func (p person) URL() string { return "https://www.linkedin.com/in/" + p.Slug }

// me is the member who downloaded the export.
var me = person{
	First:    "Élise",
	Last:     "Vandermeulen",
	Slug:     "elise-vandermeulen-b7a31942",
	Company:  "Atelier Conformité SRL",
	Position: "Founder & Lead Data Protection Consultant",
	Email:    "elise.vandermeulen@example.org",
}

// The invented members' first and last names, companies and job titles:
// data/names/*.txt, one a line after a # comment line that says what the file
// holds. They are picked by index, so their order is part of every seed's
// output.
var (
	//go:embed data/names/first-names.txt
	firstNamesText string
	//go:embed data/names/last-names.txt
	lastNamesText string
	//go:embed data/names/companies.txt
	companiesText string
	//go:embed data/names/positions.txt
	positionsText string

	firstNames = lines(firstNamesText)
	lastNames  = lines(lastNamesText)
	companies  = lines(companiesText)
	positions  = lines(positionsText)
)

// lines returns the lines of a data file, leaving out blank lines and
// comment lines (starting with #). Entries are taken as they are: they may
// hold spaces, commas, apostrophes and any UTF-8.
func lines(text string) []string {
	var out []string
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// person returns connection number k (0 = the newest connection). The same
// k always gives the same person, so files refer to each other without
// keeping the network in memory. Numbers at or beyond gen.nConn are members
// who are not connections (recruiters, pending invitations…).
func (g *gen) person(k int) person {
	if p, ok := specialPeople[k]; ok {
		return p
	}
	r := g.seeded(1, k)
	p := person{First: pick(r, firstNames), Last: pick(r, lastNames)}
	if chance(r, 0.04) {
		// A second first name, Belgian style.
		p.First += "-" + pick(r, []string{"Marie", "Pierre", "Anne", "Louis", "Jan", "Sophie"})
	}
	p.Slug = makeSlug(r, p.First, p.Last)
	if chance(r, 0.9) {
		p.Company = pick(r, companies)
		p.Position = pick(r, positions)
	}
	if chance(r, 0.1) {
		p.Email = strings.ToLower(fold(p.First)+"."+strings.ReplaceAll(fold(p.Last), " ", "")) + pick(r, []string{"@example.com", "@example.org"})
		p.Email = strings.ReplaceAll(p.Email, "'", "")
	}
	p.Hidden = k > 0 && chance(r, 0.013)
	return p
}

// specialPeople are fixed connections that exercise encodings and quoting.
var specialPeople = map[int]person{
	3:  {First: "Дмитрий", Last: "Соколов", Slug: "dmitry-sokolov-3a9f1e", Company: "Kerngrün GmbH", Position: "Head of Information Security"},
	5:  {First: "Marc-Antoine", Last: "Dubois, PhD", Slug: "marc-antoine-dubois-phd", Company: "Delvaux, Maes & Partners", Position: "Partner, Data & Technology", Email: "ma.dubois@example.com"},
	7:  {First: "Zoé", Last: "Lambert", Slug: "zo%C3%A9-lambert-8c21b4", Company: "Sablon Legal", Position: "Avocate, protection des données"},
	11: {First: "Haruto", Last: "Tanaka", Slug: "haruto-tanaka-5e0d77", Company: "未来データ株式会社", Position: "Privacy Program Manager"},
	19: {First: "Sanne", Last: "Peeters 🌍", Slug: "sannepeeters", Company: "Open Civic Lab", Position: "Community Lead"},
	23: {First: "Anaïs", Last: "O'Brien", Slug: "ana%C3%AFs-o-brien-1f2e3d", Company: "Fjord Payments", Position: "DPO, Benelux", Email: "anais.obrien@example.org"},
}

// makeSlug builds a profile slug: the folded name plus, usually, a hex
// suffix; sometimes the accents are kept and percent-encoded.
func makeSlug(r *rand.Rand, first, last string) string {
	name := strings.ToLower(first + "-" + last)
	if !chance(r, 0.05) {
		name = fold(name)
	}
	var b strings.Builder
	dash := false
	for _, c := range name {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c > 0x7f:
			b.WriteRune(c)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if chance(r, 0.25) {
		s = strings.ReplaceAll(s, "-", "")
	} else {
		w := pick(r, []int{6, 7, 8, 8, 9})
		s += fmt.Sprintf("-%0*x", w, r.Uint64N(1<<(4*w)))
	}
	return url.PathEscape(s)
}

var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'Á': "A", 'É': "E", 'È': "E", 'À': "A",
	'Ç': "C", 'Ö': "O", 'Ü': "U", 'Ä': "A", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'š': "s", 'č': "c",
	'ž': "z", 'ł': "l", 'ń': "n", 'ś': "s", 'ą': "a", 'ę': "e", 'ő': "o", 'ű': "u", 'ă': "a", 'ș': "s", 'ț': "t",
}

// fold removes accents from Latin letters.
func fold(s string) string {
	var b strings.Builder
	for _, c := range s {
		if f, ok := foldMap[c]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}
