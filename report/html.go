package report

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
)

//go:embed templates/report.html.tmpl
var pageTemplate string

// pageStyle is shared by the report and the diff page.
//
//go:embed templates/style.css
var pageStyle string

//go:embed assets/echarts/echarts.min.js
var echartsJS []byte

// bootJS is the page's only code besides ECharts (templates/page.js): it
// reads the charts' options and the explorer's items from JSON blocks
// (data, never code), draws the charts and runs the explorer. Its hash,
// like the library's, is listed in the Content-Security-Policy, so no
// other script can run, and nothing can be loaded from the network.
//
//go:embed templates/page.js
var bootJS string

// HTMLOptions are the choices of the HTML report.
type HTMLOptions struct {
	Lang string // "en" or "fr"
	// Redact leaves out every free text (contract, --redact).
	Redact bool
	// ECharts replaces the embedded library (tests stub it so that golden
	// files stay small); nil means the embedded one.
	ECharts []byte
}

// WriteHTML writes the self-contained report: every style and script is
// inline, and the Content-Security-Policy forbids every network load.
func WriteHTML(w io.Writer, ar *analysis.Result, opt HTMLOptions) error {
	r := &result{ar, opt.Redact}
	if !r.Classified() {
		return fmt.Errorf("report: the HTML report needs classified items")
	}
	opt = opt.withDefaults()
	return render(w, pageTemplate, opt.Lang, buildPage(r, opt))
}

func (opt HTMLOptions) withDefaults() HTMLOptions {
	if opt.Lang != "fr" {
		opt.Lang = "en"
	}
	if opt.ECharts == nil {
		opt.ECharts = echartsJS
	}
	return opt
}

// render executes a page template, with {{t "key"}} giving texts in lang.
func render(w io.Writer, src, lang string, data any) error {
	tmpl, err := template.New("page").Funcs(template.FuncMap{
		"t":        func(key string, args ...any) string { return t(lang, key, args...) },
		"isAnchor": func(url string) bool { return strings.HasPrefix(url, "#") },
	}).Parse(src)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := tmpl.Execute(bw, data); err != nil {
		return err
	}
	return bw.Flush()
}

// cspFor allows exactly the two inline scripts, inline styles (ECharts sets
// element styles), and nothing from anywhere else.
func cspFor(scripts ...string) string {
	return "default-src 'none'; script-src " + strings.Join(scriptHashes(scripts...), " ") +
		"; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
}

// ScriptHashes are the Content-Security-Policy sources ('sha256-…') of the
// inline scripts that every report and comparison page carries with the
// embedded ECharts. A page that shows one in a frame, whose policy the
// frame inherits, must allow them.
func ScriptHashes() []string { return scriptHashes(string(echartsJS), bootJS) }

func scriptHashes(scripts ...string) []string {
	hashes := make([]string, len(scripts))
	for i, s := range scripts {
		sum := sha256.Sum256([]byte(s))
		hashes[i] = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return hashes
}

type page struct {
	Lang, CSP     string
	Facts         []fact
	Redacted      bool
	Verdict       []string
	Steps         []stepView
	Cards         []card
	Undated       string
	Explorer      explorerView
	Charts        []chartSpec
	ChartData     []chartSpec
	ItemData      *explorerData
	OutcomeLabels []string
	Kinds         []kindRow
	Files         []fileRow
	Problems      []problemRow
	MoreProblems  string
	Unknown       []string
	PolicyLine    string
	Purposes      []noteView // who trains on the region's data, under which setting
	ChangesTitle  string
	Changes       []string // what the policy's version changed (its changelog entry)
	Glossary      []glossGroup
	Rules         []ruleView
	Windows       string
	WindowSources []sourceRef
	Assumptions   []noteView
	Sources       []sourceView
	ECharts, Boot template.JS
	Style         template.CSS
}

// fact is one line of the page's header: what the analysis assumed.
type fact struct{ Label, Value string }

type card struct{ Outcome, Label, Count, Share, Sentence string }

type kindRow struct {
	Name, Items, Range string
	Counts             []string
	Rule, RuleAnchor   string
}

type fileRow struct{ Path, Kind, Rows, Items, Rejected, Range string }

type problemRow struct {
	File, Reason string
	Line         int
}

// sourceRef is a reference to a source of the page's list ("S3").
type sourceRef struct{ ID, Anchor string }

// noteView is a sentence with the sources it rests on.
type noteView struct {
	Text    string
	Sources []sourceRef
}

type sourceView struct{ ID, Anchor, Text, URL string }

type glossGroup struct {
	Title   string
	Entries []glossEntry
}

type glossEntry struct{ Term, Text, Outcome string }

type ruleView struct {
	Anchor, Name, Scope, Kinds, Count, Note string
	Sources                                 []sourceRef
}

// maxProblemRows bounds the problems listed in the page; the --json result lists the first 100 of each reason per file.
const maxProblemRows = 100

func buildPage(r *result, opt HTMLOptions) page {
	lang := opt.Lang
	m := r.Member
	p := page{
		Lang:     lang,
		CSP:      cspFor(string(opt.ECharts), bootJS),
		Redacted: r.Redact,
		ECharts:  template.JS(opt.ECharts),
		Boot:     template.JS(bootJS),
		Style:    template.CSS(pageStyle),
	}
	exported := dateText(lang, r.Export.Date)
	if r.Export.Date.IsZero() {
		exported = t(lang, "unknown")
	}
	p.Facts = []fact{
		{t(lang, "region"), regionText(lang, r)},
		{t(lang, "optout"), dayOrNone(lang, m.OptOut)},
		{t(lang, "objection"), dayOrNone(lang, m.Objection)},
		{t(lang, "asof"), dateText(lang, r.AsOf)},
		{t(lang, "exported"), exported},
	}
	refs := newSourceRefs()
	s := r.situation()
	p.Verdict = verdict(lang, r, s)
	p.Steps = steps(lang, r, s)
	p.Cards, p.Undated = cards(r, lang)
	p.Explorer, p.ItemData = explorer(r, lang)
	p.Charts = buildCharts(r, lang)
	p.ChartData = p.Charts
	for _, o := range outcomeNames {
		p.OutcomeLabels = append(p.OutcomeLabels, t(lang, "out_"+o))
	}
	p.Kinds = kindRows(r, lang)
	p.Files, p.Problems, p.MoreProblems, p.Unknown = provenance(r, lang)
	origin := r.Policy.Origin
	switch {
	case origin == "embedded":
		origin = t(lang, "embedded")
	case r.Redact:
		origin = redactOrigin(origin)
	}
	p.PolicyLine = t(lang, "policy_line", r.Policy.ID, r.Policy.Version, origin)
	p.Purposes = purposes(lang, r, refs)
	if cl := r.Policy.Changelog; len(cl) > 0 {
		p.ChangesTitle = t(lang, "changes_title", cl[0].Version, dateText(lang, cl[0].Date))
		for i, c := range cl[0].Changes {
			p.Changes = append(p.Changes, plainCodes(lang, r.policyNote(lang, fmt.Sprintf("chg_%s_%d", cl[0].Version, i), c)))
		}
	}
	p.Glossary = glossary(lang, r)
	p.Rules = rules(lang, r, refs)
	p.Windows, p.WindowSources = windowsText(lang, r, refs)
	for _, a := range r.Policy.Assumptions {
		p.Assumptions = append(p.Assumptions, noteView{Text: plainCodes(lang, r.policyNote(lang, "asm_"+a.ID, a.Note)), Sources: refs.cite(a.Sources)})
	}
	p.Sources = refs.list(lang, r.Policy)
	return p
}

// policyNote translates a note of the embedded policy; the notes of a
// policy file given with --policy are shown as written.
func (r *result) policyNote(lang, key, note string) string {
	if r.Policy.Origin != "embedded" {
		return note
	}
	return policyText(lang, key, note)
}

// colon is ": " in English and " : " in French typography.
func colon(lang string) string {
	if lang == "fr" {
		return "\u00a0: "
	}
	return ": "
}

// regionText names the member's region in words.
func regionText(lang string, r *result) string {
	code := r.Member.Region
	if n, ok := regionNames[code]; ok {
		return n.in(lang)
	}
	if reg, ok := r.Policy.Region(code); ok {
		return reg.Name
	}
	return code
}

func dayOrNone(lang string, d time.Time) string {
	if d.IsZero() {
		return t(lang, "none")
	}
	return dateText(lang, d)
}

// sourceRefs collects the sources the page cites, for its list of sources.
type sourceRefs struct {
	cited map[string]bool
	order []policy.Source // in the order first cited
}

func newSourceRefs() *sourceRefs { return &sourceRefs{cited: map[string]bool{}} }

func sourceAnchor(id string) string { return "src-" + anchorSafe(id) }

// anchorSafe keeps letters, digits and dashes of a name, for an element id.
func anchorSafe(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			b.WriteRune(c)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

func (s *sourceRefs) cite(ss []policy.Source) []sourceRef {
	out := make([]sourceRef, len(ss))
	for i, src := range ss {
		if !s.cited[src.ID] {
			s.cited[src.ID] = true
			s.order = append(s.order, src)
		}
		out[i] = sourceRef{ID: src.ID, Anchor: sourceAnchor(src.ID)}
	}
	return out
}

// list is the cited sources, in the order of the policy's library.
func (s *sourceRefs) list(lang string, p *policy.Policy) []sourceView {
	rank := map[string]int{}
	for i, src := range p.Sources {
		rank[src.ID] = i
	}
	cited := slices.Clone(s.order)
	slices.SortStableFunc(cited, func(a, b policy.Source) int {
		ra, oka := rank[a.ID]
		rb, okb := rank[b.ID]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return 0
	})
	var out []sourceView
	for _, src := range cited {
		text := src.Publisher
		if src.Date != "" {
			text += " (" + src.Date + ")"
		}
		text += colon(lang) + src.Title
		out = append(out, sourceView{ID: src.ID, Anchor: sourceAnchor(src.ID), Text: text, URL: src.URL})
	}
	return out
}

// situation is the member's state, which decides the verdict and the
// advice.
type situation struct {
	state   string    // "not_started", "none", "late", "early"
	start   time.Time // the region's current (or next) training window's start
	optOut  time.Time // the effective opt-out
	via     string    // "setting" or "objection": which of the two is effective
	content int       // exposed posts, comments and articles
	// setting and objected: whether the member switched the setting off,
	// and sent the objection form.
	setting, objected bool
	// ads: the policy's separate setting for sharing data for ads, and
	// whether it is offered in the member's region.
	ads        *policy.Control
	adsOffered bool
}

func (r *result) situation() situation {
	m := r.Member
	s := situation{optOut: m.EffectiveOptOut(), via: "setting", setting: !m.OptOut.IsZero(), objected: !m.Objection.IsZero()}
	if c, ok := r.Policy.Control("ads_data_sharing"); ok {
		s.ads, s.adsOffered = c, c.Offered(m.Region)
	}
	if !m.Objection.IsZero() && (m.OptOut.IsZero() || m.Objection.Before(m.OptOut)) {
		s.via = "objection"
	}
	started := false
	if reg, ok := r.Policy.Region(m.Region); ok {
		for _, w := range reg.Windows {
			if !w.Start.After(r.AsOf) {
				s.start, started = w.Start, true
			} else if !started && s.start.IsZero() {
				s.start = w.Start
			}
		}
	}
	for _, k := range contentKinds {
		if kt := r.Tally.Kinds[k]; kt != nil {
			s.content += kt.ByOutcome[policy.InScope] + kt.ByOutcome[policy.PossiblyInScope]
		}
	}
	switch {
	case !started:
		s.state = "not_started"
	case s.optOut.IsZero():
		s.state = "none"
	case !s.optOut.After(s.start):
		s.state = "early"
	default:
		s.state = "late"
	}
	return s
}

// contentKinds are what the member can delete to keep out of later
// training runs, each with a page on LinkedIn.
var contentKinds = []parse.Kind{parse.KindPost, parse.KindArticle, parse.KindComment}

// verdict is the page's first sentence or two: the numbers that matter
// for the member's state.
func verdict(lang string, r *result, s situation) []string {
	by := r.Tally.ByOutcome
	n := func(o policy.Outcome) string { return number(lang, by[o]) }
	exposed := number(lang, r.Tally.Exposed)
	via := t(lang, "via_"+s.via)
	switch s.state {
	case "not_started":
		if !s.optOut.IsZero() {
			return []string{t(lang, "v_not_started_out", dateText(lang, s.optOut), via, dateText(lang, s.start))}
		}
		if s.start.IsZero() {
			return []string{t(lang, "v_no_window", exposed)}
		}
		return []string{t(lang, "v_not_started", dateText(lang, s.start), exposed)}
	case "none":
		return []string{t(lang, "v_none", n(policy.InScope), number(lang, r.Tally.Items), n(policy.PossiblyInScope)), t(lang, "v_none_2", dateText(lang, s.start))}
	case "early":
		out := []string{t(lang, "v_early", dateText(lang, s.optOut), via, dateText(lang, s.start), n(policy.Protected))}
		if r.Tally.Exposed > 0 {
			out = append(out, t(lang, "v_early_rest", n(policy.InScope), n(policy.PossiblyInScope)))
		}
		return out
	}
	return []string{t(lang, "v_late", dateText(lang, s.optOut), via, number(lang, r.Tally.Split[1][policy.Protected])),
		t(lang, "v_late_2", n(policy.InScope), n(policy.PossiblyInScope))}
}

func cards(r *result, lang string) ([]card, string) {
	by := r.ByOutcome()
	total := r.Tally.Items
	var out []card
	for _, o := range outcomeNames {
		out = append(out, card{
			Outcome: o, Label: t(lang, "out_"+o), Count: number(lang, by[o]),
			Share:    t(lang, "of_total", number(lang, total)) + " · " + percent(lang, by[o], total),
			Sentence: t(lang, "say_"+o),
		})
	}
	undated := r.Tally.UndatedAssumed
	if undated == 0 {
		return out, ""
	}
	return out, tn(lang, "undated", undated, number(lang, undated))
}

func kindRows(r *result, lang string) []kindRow {
	var rows []kindRow
	for _, k := range parse.Kinds {
		a := r.Tally.Kinds[k]
		if a == nil {
			continue
		}
		row := kindRow{Name: kindName(lang, string(k)), Items: number(lang, a.N), Range: dateRange(lang, a.First, a.Last)}
		for i := range outcomeNames {
			row.Counts = append(row.Counts, number(lang, a.ByOutcome[i]))
		}
		if c, ok := r.Policy.Category(string(k)); ok {
			row.Rule, row.RuleAnchor = categoryLabel(lang, c.Name), "rule-"+anchorSafe(c.Name)
		}
		rows = append(rows, row)
	}
	return rows
}

func dateRange(lang string, first, last time.Time) string {
	if first.IsZero() {
		return ""
	}
	if first.Equal(last) {
		return dateText(lang, first)
	}
	return dateText(lang, first) + " – " + dateText(lang, last)
}

// glossary: the outcomes, reasons and flags in words, as the page and its
// JSON and CSV outputs name them.
func glossary(lang string, r *result) []glossGroup {
	outcomes := glossGroup{Title: t(lang, "gloss_outcomes")}
	for _, o := range outcomeNames {
		outcomes.Entries = append(outcomes.Entries, glossEntry{Term: t(lang, "out_"+o), Text: t(lang, "say_"+o), Outcome: o})
	}
	reasons := glossGroup{Title: t(lang, "gloss_reasons")}
	for _, reason := range []policy.Reason{policy.ReasonNoOptOut, policy.ReasonBeforeOptOut, policy.ReasonDisputedCategory,
		policy.ReasonVisibility, policy.ReasonPausedWindow, policy.ReasonStartUncertain, policy.ReasonOptedOutBeforeStart,
		policy.ReasonCreatedAfterOptOut, policy.ReasonMinor, policy.ReasonBeforeLookback, policy.ReasonNotStarted, policy.ReasonNotListed} {
		reasons.Entries = append(reasons.Entries, glossEntry{Term: reasonLabel(lang, reason), Text: reasonSentence(lang, reason)})
	}
	reasons.Entries = append(reasons.Entries, glossEntry{Term: t(lang, "gloss_excluded_reason"), Text: t(lang, "reason_excluded_say")})
	flags := glossGroup{Title: t(lang, "gloss_flags")}
	for _, f := range glossFlags {
		flags.Entries = append(flags.Entries, glossEntry{Term: flagLabel(lang, f), Text: t(lang, "flag_"+f+"_say")})
	}
	return []glossGroup{outcomes, reasons, flags}
}

// glossFlags are the flags an item can carry: the policy's and the parser's.
var glossFlags = []string{policy.FlagUndated, policy.FlagLowerBoundDate, policy.FlagHistorical, policy.FlagContinuedUsePossible,
	policy.FlagStartUncertain, policy.FlagLookbackUncertain, policy.FlagPausedWindow, policy.FlagDisputedCategory,
	policy.FlagNonPublic, policy.FlagUnknownKind, "third_party_profile", "draft", "ai_turn", "sponsored", "hidden_profile"}

// rules: each category of the policy once, with its kinds, then the other
// rules, each with its sources.
func rules(lang string, r *result, refs *sourceRefs) []ruleView {
	p := r.Policy
	var out []ruleView
	for _, c := range p.Categories {
		var kinds []string
		n := 0
		for _, k := range c.Kinds {
			kinds = append(kinds, kindName(lang, k))
			if kt := r.Tally.Kinds[parse.Kind(k)]; kt != nil {
				n += kt.N
			}
		}
		// The scope in the member's region, with the rule that sets it there.
		scope, basis := c.ScopeIn(r.Member.Region)
		key := "cat_" + c.Name
		if scope != c.Scope {
			key += "_" + strings.ToLower(r.Member.Region)
		}
		out = append(out, ruleView{
			Anchor: "rule-" + anchorSafe(c.Name), Name: categoryLabel(lang, c.Name), Scope: scopeText(lang, scope),
			Kinds: strings.Join(kinds, ", "), Count: tn(lang, "n_items", n, number(lang, n)),
			Note: plainCodes(lang, r.policyNote(lang, key, basis.Note)), Sources: refs.cite(basis.Sources),
		})
	}
	ru := p.Rules
	for _, x := range []struct {
		name string
		b    policy.Basis
	}{{"opt_out", ru.OptOut.Basis}, {"visibility", ru.Visibility.Basis}, {"minor", ru.Minor.Basis},
		{"lookback", ru.Lookback}, {"undated", ru.Undated.Basis}, {"not_started", ru.NotStarted.Basis}} {
		out = append(out, ruleView{Anchor: "rule-" + anchorSafe(x.name), Name: t(lang, "rule_"+x.name),
			Note: plainCodes(lang, r.policyNote(lang, "rule_"+x.name, x.b.Note)), Sources: refs.cite(x.b.Sources)})
	}
	return out
}

// windowsText says in words when training runs on the region's data.
func windowsText(lang string, r *result, refs *sourceRefs) (string, []sourceRef) {
	reg, ok := r.Policy.Region(r.Member.Region)
	if !ok || len(reg.Windows) == 0 {
		return t(lang, "win_none"), nil
	}
	var parts []string
	var srcs []policy.Source
	for _, w := range reg.Windows {
		part := t(lang, "win_from", dateText(lang, w.Start))
		if w.StartUncertain {
			part += " " + t(lang, "win_start_uncertain")
		}
		if w.Open() {
			part += " " + t(lang, "win_open")
		} else {
			part += " " + t(lang, "win_until", dateText(lang, w.End))
		}
		parts = append(parts, part)
		srcs = append(srcs, w.Sources...)
	}
	var uniq []policy.Source
	seen := map[string]bool{}
	for _, s := range srcs {
		if !seen[s.ID] {
			seen[s.ID] = true
			uniq = append(uniq, s)
		}
	}
	return t(lang, "win_intro", regionText(lang, r)) + " " + strings.Join(parts, "; ") + ".", refs.cite(uniq)
}

func provenance(r *result, lang string) ([]fileRow, []problemRow, string, []string) {
	var files []fileRow
	var probs []problemRow
	total := 0
	scrub := r.scrubber()
	for _, f := range r.Export.Files {
		p := f.Path
		if r.Redact {
			p = redactPath(p)
		}
		files = append(files, fileRow{
			Path: p, Kind: kindName(lang, string(f.Kind)), Rows: number(lang, f.Rows), Items: number(lang, f.Items),
			Rejected: number(lang, f.Rejected), Range: dateRange(lang, f.First, f.Last),
		})
		for _, pr := range f.Problems {
			total += parse.ProblemLines([]parse.Problem{pr})
			if len(probs) < maxProblemRows {
				probs = append(probs, problemRow{File: p, Line: pr.Line, Reason: scrub(pr.Reason)})
			}
		}
	}
	more := ""
	if total > len(probs) {
		more = t(lang, "more_probs", number(lang, total-len(probs)))
	}
	var unknown []string
	for _, u := range r.Export.Unknown {
		p := u.Path
		if r.Redact {
			p = redactPath(p)
		}
		unknown = append(unknown, p+" ("+tn(lang, "n_rows", u.Rows, number(lang, u.Rows))+")")
	}
	return files, probs, more, unknown
}

// purposes says who trains on the member's region's data, on what and
// under which setting: for a UK member, Microsoft's training as well as
// LinkedIn's.
func purposes(lang string, r *result, refs *sourceRefs) []noteView {
	var out []noteView
	for _, u := range r.Policy.PurposesFor(r.Member.Region) {
		line := t(lang, "purpose_line", r.policyNote(lang, "pur_"+u.ID, u.Name), r.policyNote(lang, "pur_"+u.ID+"_recipient", u.Recipient),
			r.policyNote(lang, "ctl_"+u.Control.ID, u.Control.Name), strings.Join(u.Data, "; "))
		if !u.Main {
			kinds := make([]string, len(u.Kinds))
			for i, k := range u.Kinds {
				kinds[i] = kindName(lang, k)
			}
			line += " " + t(lang, "purpose_kinds", strings.Join(kinds, ", "))
			if u.NotInExport != "" {
				line += " " + r.policyNote(lang, "pur_"+u.ID+"_not_in_export", u.NotInExport)
			}
		}
		out = append(out, noteView{Text: plainCodes(lang, line), Sources: refs.cite(u.Sources)})
	}
	return out
}
