package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The raw file, as YAML gives it. Decoding uses KnownFields, so a misspelt key is an error.
type rawPolicy struct {
	ID          string               `yaml:"id"`
	Version     string               `yaml:"version"`
	Title       string               `yaml:"title"`
	Setting     string               `yaml:"setting"`
	Toggle      string               `yaml:"toggle"`
	Sources     map[string]rawSource `yaml:"sources"`
	Regions     []rawRegion          `yaml:"regions"`
	Categories  []rawCategory        `yaml:"categories"`
	Rules       rawRules             `yaml:"rules"`
	Assumptions []rawAssumption      `yaml:"assumptions"`
}

type rawSource struct {
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	Date      string `yaml:"date"`
	URL       string `yaml:"url"`
	Via       string `yaml:"via"`
	Primary   bool   `yaml:"primary"`
}

type rawBasis struct {
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`
}

type rawRegion struct {
	Code              string      `yaml:"code"`
	Name              string      `yaml:"name"`
	Note              string      `yaml:"note"`
	Sources           []string    `yaml:"sources"`
	Countries         []string    `yaml:"countries"`
	RestOfWorld       bool        `yaml:"rest_of_world"`
	LookbackCutoff    *string     `yaml:"lookback_cutoff"`
	LookbackUncertain bool        `yaml:"lookback_uncertain"`
	Windows           []rawWindow `yaml:"windows"`
}

type rawWindow struct {
	Start          string   `yaml:"start"`
	End            *string  `yaml:"end"`
	StartUncertain bool     `yaml:"start_uncertain"`
	EndUncertain   bool     `yaml:"end_uncertain"`
	Confidence     string   `yaml:"confidence"`
	Note           string   `yaml:"note"`
	Sources        []string `yaml:"sources"`
}

type rawCategory struct {
	Category string   `yaml:"category"`
	Scope    string   `yaml:"scope"`
	Kinds    []string `yaml:"kinds"`
	Flags    []string `yaml:"flags"`
	Note     string   `yaml:"note"`
	Sources  []string `yaml:"sources"`
}

type rawRules struct {
	OptOut struct {
		Effective            string   `yaml:"effective"`
		ContinuedUsePossible bool     `yaml:"continued_use_possible"`
		Note                 string   `yaml:"note"`
		Sources              []string `yaml:"sources"`
	} `yaml:"opt_out"`
	Visibility struct {
		Kinds   []string `yaml:"kinds"`
		Public  []string `yaml:"public"`
		Note    string   `yaml:"note"`
		Sources []string `yaml:"sources"`
	} `yaml:"visibility"`
	Minor struct {
		Age     int      `yaml:"age"`
		Note    string   `yaml:"note"`
		Sources []string `yaml:"sources"`
	} `yaml:"minor"`
	Lookback rawBasis `yaml:"lookback"`
	Undated  struct {
		Assume  string   `yaml:"assume"`
		Note    string   `yaml:"note"`
		Sources []string `yaml:"sources"`
	} `yaml:"undated"`
	NotStarted struct {
		Outcome string   `yaml:"outcome"`
		Reason  string   `yaml:"reason"`
		Note    string   `yaml:"note"`
		Sources []string `yaml:"sources"`
	} `yaml:"not_started"`
}

type rawAssumption struct {
	ID      string   `yaml:"id"`
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`
}

// loader holds what validation needs: the file name, the node tree for line numbers, and the
// source library.
type loader struct {
	file string
	root *yaml.Node
	lib  map[string]Source
}

// failure carries a validation error up through the loader's helpers.
type failure struct{ err *Error }

func (l *loader) fail(path []any, format string, args ...any) {
	panic(failure{&Error{File: l.file, Line: l.line(path...), Msg: fmt.Sprintf(format, args...)}})
}

// line returns the line of the node at path (mapping keys as strings, sequence indexes as
// ints): the key's own line when the path ends on a key, the item's first line when it ends
// on a sequence index. When the path does not exist it returns the line of the deepest node
// found on the way.
func (l *loader) line(path ...any) int {
	n := l.root
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	at := n.Line
	for _, step := range path {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		var next *yaml.Node
		switch s := step.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == s {
						next, at = n.Content[i+1], n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s >= 0 && s < len(n.Content) {
				next = n.Content[s]
				at = next.Line
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return at
}

// path builds a node path.
func path(steps ...any) []any { return steps }

func with(p []any, steps ...any) []any {
	return append(slices.Clone(p), steps...)
}

var (
	yamlLineRe = regexp.MustCompile(`^line (\d+): (.*)$`)
	unknownKey = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
)

// yamlError turns an error of the YAML decoder into an Error naming the file and line.
func yamlError(file string, err error) *Error {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msgs = te.Errors
	}
	first := strings.TrimPrefix(msgs[0], "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(first); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg := m[2]
		if k := unknownKey.FindStringSubmatch(msg); k != nil {
			msg = fmt.Sprintf("unknown key %q", k[1])
		}
		return &Error{File: file, Line: n, Msg: msg}
	}
	return &Error{File: file, Msg: first}
}

func load(data []byte, file string) (p *Policy, err error) {
	l := &loader{file: file}

	// The node tree gives line numbers; the strict decode gives the values.
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(file, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, &Error{File: file, Msg: "empty policy file"}
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: root.Content[0].Line, Msg: "a policy file is a mapping (id, version, sources, regions, ...)"}
	}
	l.root = &root

	var raw rawPolicy
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: file, Msg: "empty policy file"}
		}
		return nil, yamlError(file, err)
	}

	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(failure)
			if !ok {
				panic(r)
			}
			p, err = nil, f.err
		}
	}()
	return l.build(&raw), nil
}

func (l *loader) build(raw *rawPolicy) *Policy {
	p := &Policy{
		ID: strings.TrimSpace(raw.ID), Version: strings.TrimSpace(raw.Version),
		Title: raw.Title, Setting: raw.Setting, Toggle: raw.Toggle, Origin: l.file,
		byKind: map[string]*Category{}, byRegion: map[string]*Region{}, country: map[string]string{},
		visKinds: map[string]bool{},
	}
	if p.ID == "" {
		l.fail(path("id"), "missing id")
	}
	if p.Version == "" {
		l.fail(path("version"), "missing version")
	}

	l.sources(raw, p)
	l.regions(raw, p)
	l.categories(raw, p)
	l.rules(raw, p)

	seen := map[string]bool{}
	for i, a := range raw.Assumptions {
		at := path("assumptions", i)
		if a.ID == "" {
			l.fail(at, "assumption without id")
		}
		if seen[a.ID] {
			l.fail(with(at, "id"), "assumption %q defined twice", a.ID)
		}
		seen[a.ID] = true
		p.Assumptions = append(p.Assumptions, Assumption{ID: a.ID,
			Basis: l.basis(at, "assumption "+a.ID, a.Note, a.Sources)})
	}
	return p
}

func (l *loader) sources(raw *rawPolicy, p *Policy) {
	l.lib = map[string]Source{}
	ids := make([]string, 0, len(raw.Sources))
	for id := range raw.Sources {
		ids = append(ids, id)
	}
	// Keep the file's order, which is how a reader numbers them.
	slices.SortFunc(ids, func(a, b string) int { return l.line("sources", a) - l.line("sources", b) })
	for _, id := range ids {
		s := raw.Sources[id]
		at := path("sources", id)
		switch {
		case strings.TrimSpace(s.Title) == "":
			l.fail(at, "source %s has no title", id)
		case strings.TrimSpace(s.Publisher) == "":
			l.fail(at, "source %s has no publisher", id)
		case s.Date == "":
			l.fail(at, "source %s has no date", id)
		case !validPubDate(s.Date):
			l.fail(with(at, "date"), "bad date %q for source %s (want YYYY, YYYY-MM or YYYY-MM-DD)", s.Date, id)
		case !isURL(s.URL):
			l.fail(with(at, "url"), "source %s needs an http(s) url", id)
		case s.Via != "" && !isURL(s.Via):
			l.fail(with(at, "via"), "source %s: via is not an http(s) url", id)
		}
		src := Source{ID: id, Title: s.Title, Publisher: s.Publisher, Date: s.Date, URL: s.URL, Via: s.Via, Primary: s.Primary}
		l.lib[id] = src
		p.Sources = append(p.Sources, src)
	}
}

func isURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \t\n")
}

// basis checks a rule's note and sources and resolves the source IDs.
func (l *loader) basis(at []any, what, note string, ids []string) Basis {
	note = strings.TrimSpace(note)
	if note == "" {
		l.fail(at, "%s has no note", what)
	}
	if strings.Contains(note, "\n") {
		l.fail(with(at, "note"), "%s: the note must be one line", what)
	}
	if len(ids) == 0 {
		l.fail(at, "%s has no source", what)
	}
	b := Basis{Note: note, Line: l.line(at...)}
	for i, id := range ids {
		s, ok := l.lib[id]
		if !ok {
			l.fail(with(at, "sources", i), "%s cites unknown source %q", what, id)
		}
		b.Sources = append(b.Sources, s)
	}
	return b
}

func (l *loader) day(at []any, what, s string) int64 {
	t, ok := parseDay(s)
	if !ok {
		l.fail(at, "bad date %q for %s (want YYYY-MM-DD)", s, what)
	}
	return dayNum(t)
}

func (l *loader) regions(raw *rawPolicy, p *Policy) {
	if len(raw.Regions) == 0 {
		l.fail(path("regions"), "no regions")
	}
	countryAt := map[string]string{}
	codes := map[string]bool{}
	for i, rr := range raw.Regions {
		at := path("regions", i)
		code := rr.Code
		if !codeRe.MatchString(code) {
			l.fail(with(at, "code"), "bad region code %q (want upper-case letters, e.g. EU)", code)
		}
		if codes[code] {
			l.fail(with(at, "code"), "region %s defined twice", code)
		}
		codes[code] = true
		if strings.TrimSpace(rr.Name) == "" {
			l.fail(at, "region %s has no name", code)
		}
		r := Region{Code: code, Name: rr.Name, RestOfWorld: rr.RestOfWorld, LookbackUncertain: rr.LookbackUncertain,
			Basis: l.basis(at, "region "+code, rr.Note, rr.Sources), cutoff: negInf}
		for j, c := range rr.Countries {
			canon, ok := canonicalCountry(c)
			if !ok {
				l.fail(with(at, "countries", j), "unknown country %q in region %s", c, code)
			}
			if other, dup := countryAt[canon]; dup {
				l.fail(with(at, "countries", j), "country %s is in regions %s and %s", canon, other, code)
			}
			countryAt[canon] = code
			r.Countries = append(r.Countries, canon)
		}
		if rr.LookbackCutoff != nil && *rr.LookbackCutoff != "" {
			r.cutoff = l.day(with(at, "lookback_cutoff"), "the look-back cut-off of region "+code, *rr.LookbackCutoff)
			r.LookbackCutoff = dayTime(r.cutoff)
		}
		if len(rr.Windows) == 0 {
			l.fail(at, "region %s has no training window", code)
		}
		for j, rw := range rr.Windows {
			wat := with(at, "windows", j)
			what := fmt.Sprintf("window %d of region %s", j+1, code)
			w := Window{StartUncertain: rw.StartUncertain, EndUncertain: rw.EndUncertain,
				Basis: l.basis(wat, what, rw.Note, rw.Sources), end: posInf}
			if rw.Start == "" {
				l.fail(wat, "%s has no start", what)
			}
			w.start = l.day(with(wat, "start"), what, rw.Start)
			w.Start = dayTime(w.start)
			if rw.End != nil && *rw.End != "" {
				w.end = l.day(with(wat, "end"), what, *rw.End)
				w.End = dayTime(w.end)
				if w.end < w.start {
					l.fail(with(wat, "end"), "window end %s before start %s", *rw.End, rw.Start)
				}
				if w.end == w.start {
					l.fail(with(wat, "end"), "window end %s is its start (an empty window)", *rw.End)
				}
			}
			if !oneOf(rw.Confidence, "", High, Medium, Low) {
				l.fail(with(wat, "confidence"), "unknown confidence %q (want high, medium or low)", rw.Confidence)
			}
			w.Confidence = rw.Confidence
			if j > 0 {
				prev := r.Windows[j-1]
				if prev.Open() {
					l.fail(with(wat, "start"), "window starts %s but the previous window of region %s has no end", rw.Start, code)
				}
				if w.start < prev.end {
					l.fail(with(wat, "start"), "window starts %s before the previous window ends (%s)", rw.Start, prev.End.Format(dateLayout))
				}
			}
			r.Windows = append(r.Windows, w)
		}
		p.Regions = append(p.Regions, r)
	}
	// Pointers into p.Regions are taken once it stops growing.
	for i := range p.Regions {
		r := &p.Regions[i]
		p.byRegion[r.Code] = r
		for _, c := range r.Countries {
			p.country[c] = r.Code
		}
		if r.RestOfWorld {
			if p.rest != nil {
				l.fail(path("regions", i, "rest_of_world"), "regions %s and %s both claim rest_of_world", p.rest.Code, r.Code)
			}
			p.rest = r
		}
	}
	if p.rest == nil {
		l.fail(path("regions"), "no region has rest_of_world: true (one must stand for every other country)")
	}
}

func (l *loader) categories(raw *rawPolicy, p *Policy) {
	names := map[string]bool{}
	for i, rc := range raw.Categories {
		at := path("categories", i)
		if !nameRe.MatchString(rc.Category) {
			l.fail(with(at, "category"), "bad category name %q (want lower_case_words)", rc.Category)
		}
		if names[rc.Category] {
			l.fail(with(at, "category"), "category %s defined twice", rc.Category)
		}
		names[rc.Category] = true
		if !oneOf(rc.Scope, ScopeInScope, ScopeDisputed, ScopeExcluded, ScopeNotListed) {
			l.fail(with(at, "scope"), "unknown scope %q for category %s (want in_scope, disputed, excluded or not_listed)", rc.Scope, rc.Category)
		}
		if len(rc.Kinds) == 0 {
			l.fail(at, "category %s has no kinds", rc.Category)
		}
		for j, f := range rc.Flags {
			if !nameRe.MatchString(f) {
				l.fail(with(at, "flags", j), "bad flag %q", f)
			}
		}
		p.Categories = append(p.Categories, Category{Name: rc.Category, Scope: rc.Scope, Kinds: rc.Kinds, Flags: rc.Flags,
			Basis: l.basis(at, "category "+rc.Category, rc.Note, rc.Sources)})
	}
	for i := range p.Categories {
		c := &p.Categories[i]
		for j, k := range c.Kinds {
			if !nameRe.MatchString(k) {
				l.fail(path("categories", i, "kinds", j), "bad kind %q", k)
			}
			if other, dup := p.byKind[k]; dup {
				l.fail(path("categories", i, "kinds", j), "kind %s is in categories %s and %s", k, other.Name, c.Name)
			}
			p.byKind[k] = c
		}
	}
	for _, k := range ContractKinds {
		if _, ok := p.byKind[k]; !ok {
			l.fail(path("categories"), "kind %q missing from the category map", k)
		}
	}
}

func (l *loader) rules(raw *rawPolicy, p *Policy) {
	r := &raw.Rules
	at := path("rules", "opt_out")
	if r.OptOut.Effective != "earliest" {
		l.fail(with(at, "effective"), "rule opt_out: effective must be \"earliest\" (the earlier of opt-out and objection), not %q", r.OptOut.Effective)
	}
	p.Rules.OptOut = OptOutRule{Effective: r.OptOut.Effective, ContinuedUsePossible: r.OptOut.ContinuedUsePossible,
		Basis: l.basis(at, "rule opt_out", r.OptOut.Note, r.OptOut.Sources)}

	at = path("rules", "visibility")
	vb := l.basis(at, "rule visibility", r.Visibility.Note, r.Visibility.Sources)
	for j, k := range r.Visibility.Kinds {
		if _, ok := p.byKind[k]; !ok {
			l.fail(with(at, "kinds", j), "rule visibility names kind %q, which is not in the category map", k)
		}
		p.visKinds[k] = true
	}
	if len(r.Visibility.Public) == 0 {
		l.fail(at, "rule visibility lists no public value")
	}
	p.Rules.Visibility = VisibilityRule{Kinds: r.Visibility.Kinds, Public: r.Visibility.Public, Basis: vb}
	p.public = r.Visibility.Public

	at = path("rules", "minor")
	if r.Minor.Age < 1 || r.Minor.Age > 30 {
		l.fail(with(at, "age"), "rule minor: age %d is not plausible", r.Minor.Age)
	}
	p.Rules.Minor = MinorRule{Age: r.Minor.Age, Basis: l.basis(at, "rule minor", r.Minor.Note, r.Minor.Sources)}

	p.Rules.Lookback = l.basis(path("rules", "lookback"), "rule lookback", r.Lookback.Note, r.Lookback.Sources)

	at = path("rules", "undated")
	if r.Undated.Assume != "since_registration" {
		l.fail(with(at, "assume"), "rule undated: assume must be \"since_registration\", not %q", r.Undated.Assume)
	}
	p.Rules.Undated = UndatedRule{Assume: r.Undated.Assume, Basis: l.basis(at, "rule undated", r.Undated.Note, r.Undated.Sources)}

	at = path("rules", "not_started")
	nsOutcome, ok := ParseOutcome(r.NotStarted.Outcome)
	if !ok {
		l.fail(with(at, "outcome"), "rule not_started: unknown outcome %q (want one of %s)", r.NotStarted.Outcome, strings.Join(OutcomeNames(), ", "))
	}
	if !nameRe.MatchString(r.NotStarted.Reason) {
		l.fail(with(at, "reason"), "rule not_started: bad reason %q", r.NotStarted.Reason)
	}
	p.Rules.NotStarted = NotStartedRule{Outcome: nsOutcome, Reason: Reason(r.NotStarted.Reason),
		Basis: l.basis(at, "rule not_started", r.NotStarted.Note, r.NotStarted.Sources)}
}
