package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The raw file, as YAML gives it. Decoding uses KnownFields, so a misspelt key is an error.
type rawPolicy struct {
	ID          string            `yaml:"id"`
	Version     string            `yaml:"version"`
	Title       string            `yaml:"title"`
	Setting     string            `yaml:"setting"`
	Toggle      string            `yaml:"toggle"`
	Sources     map[string]Source `yaml:"sources"` // a source's ID is its key
	Regions     []rawRegion       `yaml:"regions"`
	Categories  []rawCategory     `yaml:"categories"`
	Rules       rawRules          `yaml:"rules"`
	Assumptions []rawAssumption   `yaml:"assumptions"`
	Changelog   []rawChange       `yaml:"changelog"`
	Controls    []rawControl      `yaml:"controls"`
	Purposes    []rawPurpose      `yaml:"purposes"`
}

// rawBasis is what every statement of the file carries, inline: a note
// and the keys of its sources in the library (Basis once loaded).
type rawBasis struct {
	Note    string   `yaml:"note"`
	Sources []string `yaml:"sources"`
}

type rawChange struct {
	Version string   `yaml:"version"`
	Date    string   `yaml:"date"`
	Changes []string `yaml:"changes"`
	Sources []string `yaml:"sources"`
}

// rawControl is a control as the file has it: its basis is loaded apart,
// its regions and texts are checked and tidied.
type rawControl struct {
	Control  `yaml:",inline"`
	rawBasis `yaml:",inline"`
}

type rawPurpose struct {
	ID          string      `yaml:"id"`
	Name        string      `yaml:"name"`
	Recipient   string      `yaml:"recipient"`
	Control     string      `yaml:"control"`
	Regions     []string    `yaml:"regions"`
	Kinds       []string    `yaml:"kinds"`
	Flag        string      `yaml:"flag"`
	Data        []string    `yaml:"data"`
	NotInExport string      `yaml:"not_in_export"`
	Windows     []rawWindow `yaml:"windows"`
	rawBasis    `yaml:",inline"`
}

type rawRegionScope struct {
	Regions  []string `yaml:"regions"`
	Scope    string   `yaml:"scope"`
	rawBasis `yaml:",inline"`
}

type rawRegion struct {
	Code              string      `yaml:"code"`
	Name              string      `yaml:"name"`
	Countries         []string    `yaml:"countries"`
	RestOfWorld       bool        `yaml:"rest_of_world"`
	LookbackCutoff    *string     `yaml:"lookback_cutoff"`
	LookbackUncertain bool        `yaml:"lookback_uncertain"`
	Windows           []rawWindow `yaml:"windows"`
	rawBasis          `yaml:",inline"`
}

type rawWindow struct {
	Start          string  `yaml:"start"`
	End            *string `yaml:"end"`
	StartUncertain bool    `yaml:"start_uncertain"`
	EndUncertain   bool    `yaml:"end_uncertain"`
	Confidence     string  `yaml:"confidence"`
	rawBasis       `yaml:",inline"`
}

type rawCategory struct {
	Category string           `yaml:"category"`
	Scope    string           `yaml:"scope"`
	Kinds    []string         `yaml:"kinds"`
	Flags    []string         `yaml:"flags"`
	ByRegion []rawRegionScope `yaml:"by_region"`
	rawBasis `yaml:",inline"`
}

type rawRules struct {
	OptOut struct {
		Effective            string `yaml:"effective"`
		ContinuedUsePossible bool   `yaml:"continued_use_possible"`
		rawBasis             `yaml:",inline"`
	} `yaml:"opt_out"`
	Visibility struct {
		Kinds    []string `yaml:"kinds"`
		Public   []string `yaml:"public"`
		rawBasis `yaml:",inline"`
	} `yaml:"visibility"`
	Minor struct {
		Age      int `yaml:"age"`
		rawBasis `yaml:",inline"`
	} `yaml:"minor"`
	Lookback rawBasis `yaml:"lookback"`
	Undated  struct {
		Assume   string `yaml:"assume"`
		rawBasis `yaml:",inline"`
	} `yaml:"undated"`
	NotStarted struct {
		Outcome  string `yaml:"outcome"`
		Reason   string `yaml:"reason"`
		rawBasis `yaml:",inline"`
	} `yaml:"not_started"`
}

type rawAssumption struct {
	ID       string `yaml:"id"`
	rawBasis `yaml:",inline"`
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
	l.controls(raw, p)
	l.purposes(raw, p)
	l.changelog(raw, p)
	p.makePlans()

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
			Basis: l.basis(at, "assumption "+a.ID, a.rawBasis)})
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
		case s.Archived != "" && !validDay(s.Archived):
			l.fail(with(at, "archived"), "bad date %q for the archived copy of source %s (want YYYY-MM-DD)", s.Archived, id)
		case s.Accessed != "" && !validDay(s.Accessed):
			l.fail(with(at, "accessed"), "bad date %q for the access to source %s (want YYYY-MM-DD)", s.Accessed, id)
		}
		src := s
		src.ID = id
		if a := s.Archive; a != nil {
			aat := with(at, "archive")
			switch {
			case !repoRe.MatchString(a.Repo):
				l.fail(with(aat, "repo"), "source %s: archive repo %q is not owner/name", id, a.Repo)
			case strings.TrimSpace(a.Path) == "":
				l.fail(aat, "source %s: archive has no path", id)
			case !commitRe.MatchString(a.Commit):
				l.fail(with(aat, "commit"), "source %s: archive commit %q is not 40 hex digits", id, a.Commit)
			}
			want := archiveURL(a)
			if src.Via == "" {
				src.Via = want
			} else if src.Via != want {
				l.fail(with(at, "via"), "source %s: via %s is not the archived file (%s); leave via out", id, src.Via, want)
			}
		}
		l.lib[id] = src
		p.Sources = append(p.Sources, src)
	}
}

var (
	repoRe   = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	commitRe = regexp.MustCompile(`^[0-9a-f]{40}$`)
)

// archiveURL is the address of an archived file on GitHub, at its commit.
func archiveURL(a *Archive) string {
	return "https://github.com/" + a.Repo + "/blob/" + a.Commit + "/" + (&url.URL{Path: a.Path}).EscapedPath()
}

func validDay(s string) bool { _, ok := parseDay(s); return ok }

func isURL(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && !strings.ContainsAny(s, " \t\n")
}

// basis checks a rule's note and sources and resolves the source IDs.
func (l *loader) basis(at []any, what string, rb rawBasis) Basis {
	note := strings.TrimSpace(rb.Note)
	if note == "" {
		l.fail(at, "%s has no note", what)
	}
	if strings.Contains(note, "\n") {
		l.fail(with(at, "note"), "%s: the note must be one line", what)
	}
	if len(rb.Sources) == 0 {
		l.fail(at, "%s has no source", what)
	}
	b := Basis{Note: note, Line: l.line(at...)}
	for i, id := range rb.Sources {
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
			Basis: l.basis(at, "region "+code, rr.rawBasis), cutoff: negInf}
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
		r.Windows = l.windows(at, "region "+code, rr.Windows)
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

// windows reads the windows of a region or a purpose (owner: "region EU"): each with a start,
// an end after it if any, and after the end of the one before.
func (l *loader) windows(at []any, owner string, raws []rawWindow) []Window {
	var out []Window
	for j, rw := range raws {
		wat := with(at, "windows", j)
		what := fmt.Sprintf("window %d of %s", j+1, owner)
		w := Window{StartUncertain: rw.StartUncertain, EndUncertain: rw.EndUncertain,
			Basis: l.basis(wat, what, rw.rawBasis), end: posInf}
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
			prev := out[j-1]
			if prev.Open() {
				l.fail(with(wat, "start"), "window starts %s but the previous window of %s has no end", rw.Start, owner)
			}
			if w.start < prev.end {
				l.fail(with(wat, "start"), "window starts %s before the previous window ends (%s)", rw.Start, prev.End.Format(dateLayout))
			}
		}
		out = append(out, w)
	}
	return out
}

// regionCodes checks a list of region codes against the policy's regions.
func (l *loader) regionCodes(at []any, what string, codes []string, p *Policy) []string {
	seen := map[string]bool{}
	for j, c := range codes {
		if _, ok := p.byRegion[c]; !ok {
			l.fail(with(at, j), "%s names region %q, which the policy does not have", what, c)
		}
		if seen[c] {
			l.fail(with(at, j), "%s names region %s twice", what, c)
		}
		seen[c] = true
	}
	return codes
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
		c := Category{Name: rc.Category, Scope: rc.Scope, Kinds: rc.Kinds, Flags: rc.Flags,
			Basis: l.basis(at, "category "+rc.Category, rc.rawBasis)}
		inRule := map[string]bool{}
		for j, rs := range rc.ByRegion {
			sat := with(at, "by_region", j)
			what := fmt.Sprintf("by-region rule %d of category %s", j+1, rc.Category)
			if len(rs.Regions) == 0 {
				l.fail(sat, "%s names no region", what)
			}
			codes := l.regionCodes(with(sat, "regions"), what, rs.Regions, p)
			for k, code := range codes {
				if inRule[code] {
					l.fail(with(sat, "regions", k), "category %s has two by-region rules for %s", rc.Category, code)
				}
				inRule[code] = true
			}
			if !oneOf(rs.Scope, ScopeInScope, ScopeDisputed, ScopeExcluded, ScopeNotListed) {
				l.fail(with(sat, "scope"), "unknown scope %q in %s (want in_scope, disputed, excluded or not_listed)", rs.Scope, what)
			}
			if rs.Scope == rc.Scope {
				l.fail(with(sat, "scope"), "%s sets the category's own scope %s", what, rs.Scope)
			}
			c.ByRegion = append(c.ByRegion, RegionScope{Regions: codes, Scope: rs.Scope, Basis: l.basis(sat, what, rs.rawBasis)})
		}
		p.Categories = append(p.Categories, c)
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
		Basis: l.basis(at, "rule opt_out", r.OptOut.rawBasis)}

	at = path("rules", "visibility")
	vb := l.basis(at, "rule visibility", r.Visibility.rawBasis)
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
	p.Rules.Minor = MinorRule{Age: r.Minor.Age, Basis: l.basis(at, "rule minor", r.Minor.rawBasis)}

	p.Rules.Lookback = l.basis(path("rules", "lookback"), "rule lookback", r.Lookback)

	at = path("rules", "undated")
	if r.Undated.Assume != "since_registration" {
		l.fail(with(at, "assume"), "rule undated: assume must be \"since_registration\", not %q", r.Undated.Assume)
	}
	p.Rules.Undated = UndatedRule{Assume: r.Undated.Assume, Basis: l.basis(at, "rule undated", r.Undated.rawBasis)}

	at = path("rules", "not_started")
	nsOutcome, ok := ParseOutcome(r.NotStarted.Outcome)
	if !ok {
		l.fail(with(at, "outcome"), "rule not_started: unknown outcome %q (want one of %s)", r.NotStarted.Outcome, strings.Join(OutcomeNames(), ", "))
	}
	if !nameRe.MatchString(r.NotStarted.Reason) {
		l.fail(with(at, "reason"), "rule not_started: bad reason %q", r.NotStarted.Reason)
	}
	p.Rules.NotStarted = NotStartedRule{Outcome: nsOutcome, Reason: Reason(r.NotStarted.Reason),
		Basis: l.basis(at, "rule not_started", r.NotStarted.rawBasis)}
}

// flagRe: the command-line flags a control may record the day of.
var controlFlags = []string{"opt-out", "objection"}

// newID checks the id of a control or purpose: well formed, and not
// defined before (seen holds those before it).
func (l *loader) newID(at []any, what, id string, seen map[string]bool) {
	if !nameRe.MatchString(id) {
		l.fail(with(at, "id"), "bad %s id %q (want lower_case_words)", what, id)
	}
	if seen[id] {
		l.fail(with(at, "id"), "%s %s defined twice", what, id)
	}
	seen[id] = true
}

func (l *loader) controls(raw *rawPolicy, p *Policy) {
	ids := map[string]bool{}
	flags := map[string]string{}
	for i, rc := range raw.Controls {
		at := path("controls", i)
		l.newID(at, "control", rc.ID, ids)
		what := "control " + rc.ID
		if strings.TrimSpace(rc.Name) == "" {
			l.fail(at, "%s has no name", what)
		}
		if !isURL(rc.URL) {
			l.fail(with(at, "url"), "%s needs an http(s) url", what)
		}
		for j, u := range rc.AlsoURLs {
			if !isURL(u) {
				l.fail(with(at, "also_urls", j), "%s: %q is not an http(s) url", what, u)
			}
		}
		if rc.Flag != "" {
			if !oneOf(rc.Flag, controlFlags...) {
				l.fail(with(at, "flag"), "%s: unknown flag %q (want %s, or none for a control that is not classified)", what, rc.Flag, strings.Join(controlFlags, " or "))
			}
			if other, dup := flags[rc.Flag]; dup {
				l.fail(with(at, "flag"), "controls %s and %s both record --%s", other, rc.ID, rc.Flag)
			}
			flags[rc.Flag] = rc.ID
		}
		if strings.TrimSpace(rc.Covers) == "" {
			l.fail(at, "%s does not say what it covers", what)
		}
		for _, t := range []struct{ key, v string }{{"covers", rc.Covers}, {"not_offered", rc.NotOffered}, {"path", rc.Path}} {
			if strings.Contains(strings.TrimSpace(t.v), "\n") {
				l.fail(with(at, t.key), "%s: %s must be one line", what, t.key)
			}
		}
		regions := l.regionCodes(with(at, "regions"), what, rc.Regions, p)
		gpc := l.regionCodes(with(at, "gpc"), what, rc.GPC, p)
		if len(regions) > 0 && strings.TrimSpace(rc.NotOffered) == "" {
			l.fail(with(at, "regions"), "%s is offered only in some regions but does not say why not elsewhere (not_offered)", what)
		}
		if len(regions) == 0 && rc.NotOffered != "" {
			l.fail(with(at, "not_offered"), "%s is offered in every region; not_offered says otherwise", what)
		}
		for j, g := range gpc {
			if len(regions) > 0 && !slices.Contains(regions, g) {
				l.fail(with(at, "gpc", j), "%s honours GPC in %s, where it is not offered", what, g)
			}
		}
		c := rc.Control
		c.Path, c.Covers, c.NotOffered = strings.TrimSpace(c.Path), strings.TrimSpace(c.Covers), strings.TrimSpace(c.NotOffered)
		c.Regions, c.GPC = regions, gpc
		c.Basis = l.basis(at, what, rc.rawBasis)
		p.Controls = append(p.Controls, c)
	}
}

// purposes reads the purposes: the main one (LinkedIn's own training, decided by the
// categories and the regions' windows) first, then others that add kinds in some regions.
func (l *loader) purposes(raw *rawPolicy, p *Policy) {
	if len(raw.Purposes) == 0 {
		return
	}
	if len(raw.Purposes) > maxPurposes+1 {
		l.fail(path("purposes", maxPurposes+1), "more than %d purposes besides the main one", maxPurposes)
	}
	ids := map[string]bool{}
	for i, ru := range raw.Purposes {
		at := path("purposes", i)
		l.newID(at, "purpose", ru.ID, ids)
		what := "purpose " + ru.ID
		main := i == 0
		switch {
		case strings.TrimSpace(ru.Name) == "":
			l.fail(at, "%s has no name", what)
		case strings.TrimSpace(ru.Recipient) == "":
			l.fail(at, "%s has no recipient", what)
		case len(ru.Data) == 0:
			l.fail(at, "%s does not list the data it uses", what)
		}
		ctl, ok := p.Control(ru.Control)
		if !ok {
			l.fail(with(at, "control"), "%s names control %q, which the policy does not have", what, ru.Control)
		}
		u := Purpose{ID: ru.ID, Name: ru.Name, Recipient: ru.Recipient, Control: ctl, Main: main,
			Data: ru.Data, NotInExport: strings.TrimSpace(ru.NotInExport), Basis: l.basis(at, what, ru.rawBasis)}
		if main {
			// The first purpose is LinkedIn's own training: its scope is the category map, its
			// windows the regions' windows.
			for _, k := range []struct {
				key string
				set bool
			}{{"regions", len(ru.Regions) > 0}, {"kinds", len(ru.Kinds) > 0}, {"flag", ru.Flag != ""}, {"windows", len(ru.Windows) > 0}} {
				if k.set {
					l.fail(with(at, k.key), "%s is the main purpose (the first): the categories and the regions' windows decide it, so it takes no %s", what, k.key)
				}
			}
			if ctl.Flag != "opt-out" {
				l.fail(with(at, "control"), "%s: the main purpose's control must be the one --opt-out records", what)
			}
			p.Purposes = append(p.Purposes, u)
			continue
		}
		if ru.Control != raw.Purposes[0].Control {
			l.fail(with(at, "control"), "%s is under control %s, not the main purpose's %s: only the main setting's opt-out is known", what, ru.Control, raw.Purposes[0].Control)
		}
		if len(ru.Regions) == 0 {
			l.fail(at, "%s names no region", what)
		}
		u.Regions = l.regionCodes(with(at, "regions"), what, ru.Regions, p)
		if len(ru.Kinds) == 0 {
			l.fail(at, "%s takes in no kind", what)
		}
		if !nameRe.MatchString(ru.Flag) {
			l.fail(with(at, "flag"), "%s: bad flag %q (want lower_case_words)", what, ru.Flag)
		}
		u.Flag = ru.Flag
		for j, k := range ru.Kinds {
			c, ok := p.byKind[k]
			if !ok {
				l.fail(with(at, "kinds", j), "%s names kind %q, which is not in the category map", what, k)
			}
			for _, code := range u.Regions {
				// An excluded kind stays excluded; a disputed one would need the dispute to
				// be settled per purpose, which the outcome cannot show.
				if sc, _ := c.ScopeIn(code); sc == ScopeExcluded || sc == ScopeDisputed {
					l.fail(with(at, "kinds", j), "%s takes in kind %s, which is %s in %s (category %s)", what, k, sc, code, c.Name)
				}
			}
		}
		u.Kinds = ru.Kinds
		if len(ru.Windows) == 0 {
			l.fail(at, "%s has no window", what)
		}
		u.Windows = l.windows(at, what, ru.Windows)
		p.Purposes = append(p.Purposes, u)
	}
	seen := map[string]string{}
	for i, u := range p.Purposes {
		if u.Flag == "" {
			continue
		}
		if other, dup := seen[u.Flag]; dup {
			l.fail(path("purposes", i, "flag"), "purposes %s and %s both flag %s", other, u.ID, u.Flag)
		}
		if slices.Contains(flagNames[:], u.Flag) {
			l.fail(path("purposes", i, "flag"), "purpose %s: flag %s is one of the policy's own", u.ID, u.Flag)
		}
		seen[u.Flag] = u.ID
	}
}

// changelog reads the dated changelog, newest first; its first entry is this version.
func (l *loader) changelog(raw *rawPolicy, p *Policy) {
	versions := map[string]bool{}
	for i, rc := range raw.Changelog {
		at := path("changelog", i)
		what := fmt.Sprintf("changelog entry %d", i+1)
		if strings.TrimSpace(rc.Version) == "" {
			l.fail(at, "%s has no version", what)
		}
		if i == 0 && rc.Version != p.Version {
			l.fail(with(at, "version"), "the first changelog entry is version %s, but the policy is version %s", rc.Version, p.Version)
		}
		if versions[rc.Version] {
			l.fail(with(at, "version"), "version %s is in the changelog twice", rc.Version)
		}
		versions[rc.Version] = true
		if rc.Date == "" {
			l.fail(at, "%s (version %s) has no date", what, rc.Version)
		}
		d := l.day(with(at, "date"), "changelog version "+rc.Version, rc.Date)
		if i > 0 && dayTime(d).After(p.Changelog[i-1].Date) {
			l.fail(with(at, "date"), "changelog version %s is dated %s, after the entry above it (newest first)", rc.Version, rc.Date)
		}
		if len(rc.Changes) == 0 {
			l.fail(at, "changelog version %s lists no change", rc.Version)
		}
		c := Change{Version: rc.Version, Date: dayTime(d), Line: l.line(at...)}
		for j, ch := range rc.Changes {
			ch = strings.TrimSpace(ch)
			if ch == "" || strings.Contains(ch, "\n") {
				l.fail(with(at, "changes", j), "changelog version %s: each change is one non-empty line", rc.Version)
			}
			c.Changes = append(c.Changes, ch)
		}
		for j, id := range rc.Sources {
			s, ok := l.lib[id]
			if !ok {
				l.fail(with(at, "sources", j), "changelog version %s cites unknown source %q", rc.Version, id)
			}
			c.Sources = append(c.Sources, s)
		}
		p.Changelog = append(p.Changelog, c)
	}
}
