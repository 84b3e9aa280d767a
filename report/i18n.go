package report

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Languages the HTML report is written in.
var Languages = []string{"en", "fr"}

// tr is one text in every language.
type tr struct{ en, fr string }

func (t tr) in(lang string) string {
	if lang == "fr" {
		return t.fr
	}
	return t.en
}

// The report's texts are in texts.yaml, English and French side by side
// per key, so that translators edit a data file and not the Go code; its
// header says how the keys are made. It is decoded once, when the package
// is initialised.
//
//go:embed texts.yaml
var catalogueYAML []byte

// texts holds every sentence of the report (texts.yaml's texts). Keys are
// used from the templates through {{t "key"}}; a missing key fails the
// template's tests. policyTexts translate the embedded policy's notes
// (policy.yaml is written in English; a replaced policy file with other
// names keeps its own English notes). regionNames and kindNames are the
// policy's regions and the kinds of data in words.
var texts, policyTexts, regionNames, kindNames = mustDecodeCatalogue(catalogueYAML)

// catalogueFile is the shape of texts.yaml: a section, a key, then a
// language. The YAML decoder refuses a key written twice in a mapping and,
// with KnownFields, a misspelt section or language.
type catalogueFile struct {
	Texts   map[string]catalogueText `yaml:"texts"`
	Policy  map[string]catalogueText `yaml:"policy"`
	Regions map[string]catalogueText `yaml:"regions"`
	Kinds   map[string]struct {
		EN catalogueKind `yaml:"en"`
		FR catalogueKind `yaml:"fr"`
	} `yaml:"kinds"`
}

type catalogueText struct {
	EN string `yaml:"en"`
	FR string `yaml:"fr"`
}

type catalogueKind struct {
	One  string `yaml:"one"`
	Many string `yaml:"many"`
}

// decodeCatalogue reads a catalogue in texts.yaml's shape.
func decodeCatalogue(b []byte) (texts, policyNotes, regions map[string]tr, kinds map[string]kindWord, err error) {
	var f catalogueFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, nil, nil, nil, err
	}
	if len(f.Texts) == 0 || len(f.Policy) == 0 || len(f.Regions) == 0 || len(f.Kinds) == 0 {
		return nil, nil, nil, nil, errors.New("a section (texts, policy, regions or kinds) is missing or empty")
	}
	trs := func(m map[string]catalogueText) map[string]tr {
		out := make(map[string]tr, len(m))
		for k, s := range m {
			out[k] = tr{s.EN, s.FR}
		}
		return out
	}
	kinds = make(map[string]kindWord, len(f.Kinds))
	for k, w := range f.Kinds {
		kinds[k] = kindWord{w.EN.One, w.EN.Many, w.FR.One, w.FR.Many}
	}
	return trs(f.Texts), trs(f.Policy), trs(f.Regions), kinds, nil
}

// mustDecodeCatalogue decodes the embedded catalogue: one that does not
// decode is a mistake in texts.yaml, which TestCatalogue reports first.
func mustDecodeCatalogue(b []byte) (texts, policyNotes, regions map[string]tr, kinds map[string]kindWord) {
	texts, policyNotes, regions, kinds, err := decodeCatalogue(b)
	if err != nil {
		panic(fmt.Sprintf("report: texts.yaml: %v", err))
	}
	return texts, policyNotes, regions, kinds
}

// Text is one of the report's texts in lang (en or fr), with fmt
// arguments applied: the command's own lines that the member reads.
func Text(lang, key string, args ...any) string { return t(lang, key, args...) }

// t returns a text in lang, with fmt arguments applied.
func t(lang, key string, args ...any) string {
	s, ok := texts[key]
	if !ok {
		panic("report: no text for " + key)
	}
	if len(args) == 0 {
		return s.in(lang)
	}
	return fmt.Sprintf(s.in(lang), args...)
}

// tn is t for a count n: the text key+"_one" when there is one and n is
// singular in lang (1 in English; 0 and 1 in French), else key.
func tn(lang, key string, n int, args ...any) string {
	if n == 1 || lang == "fr" && n == 0 {
		if _, ok := texts[key+"_one"]; ok {
			return t(lang, key+"_one", args...)
		}
	}
	return t(lang, key, args...)
}

// policyText returns the French text for key when there is one, else the
// policy's own English note.
func policyText(lang, key, english string) string {
	if lang == "fr" {
		if s, ok := policyTexts[key]; ok && s.fr != "" {
			return s.fr
		}
	}
	return english
}

func scopeText(lang, scope string) string {
	if s, ok := policyTexts["scope_"+scope]; ok {
		return s.in(lang)
	}
	return scope
}

// kindWord names a kind in English and in French: one item of it, for the
// kinds an explorer row can show (those the policy may put in scope), empty
// for the others, which keep their plural; then its items, the kind's name.
type kindWord struct{ oneEN, manyEN, oneFR, manyFR string }

func (w kindWord) in(lang string) (one, many string) {
	if lang == "fr" {
		return w.oneFR, w.manyFR
	}
	return w.oneEN, w.manyEN
}

// kindOne names one item of kind k.
func kindOne(lang, kind string) string {
	if one, _ := kindNames[kind].in(lang); one != "" {
		return one
	}
	return kindName(lang, kind)
}

func kindName(lang, kind string) string {
	if n, ok := kindNames[kind]; ok {
		_, many := n.in(lang)
		return many
	}
	return strings.ReplaceAll(kind, "_", " ")
}

var monthsFR = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// dateText writes a day in the reader's language: "1 Dec 2025", "1er déc. 2025".
func dateText(lang string, d time.Time) string {
	if d.IsZero() {
		return "–"
	}
	if lang == "fr" {
		day := strconv.Itoa(d.Day())
		if d.Day() == 1 {
			day = "1er"
		}
		return fmt.Sprintf("%s %s %d", day, monthsFR[d.Month()-1], d.Year())
	}
	return d.Format("2 Jan 2006")
}

// number groups thousands: "8,414" in English, "8 414" (narrow no-break
// space) in French.
func number(lang string, n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if lang == "fr" {
		sep = "\u202f"
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func percent(lang string, part, whole int) string {
	if whole == 0 {
		return "0 %"
	}
	v := float64(part) * 100 / float64(whole)
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang == "fr" {
		return strings.Replace(s, ".", ",", 1) + "\u202f%"
	}
	return s + "%"
}
