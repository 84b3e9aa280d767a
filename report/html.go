package report

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
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

// bootJS is the page's only code besides ECharts: it reads the options
// from the JSON block (data, never code), formats the value axes' numbers
// in the page's language (ECharts groups digits the English way), and draws
// each chart. Its hash,
// like the library's, is listed in the Content-Security-Policy, so no other
// script can run, and nothing can be loaded from the network.
const bootJS = `(function () {
  var specs = JSON.parse(document.getElementById("exposure-charts").textContent);
  var numbers = new Intl.NumberFormat(document.documentElement.lang || "en");
  var format = function (v) { return typeof v === "number" ? numbers.format(v) : v; };
  var localise = function (axes) {
    [].concat(axes || []).forEach(function (a) {
      if (a && (a.type === "value" || (!a.type && !a.data))) { a.axisLabel = Object.assign({}, a.axisLabel, { formatter: format }); }
    });
  };
  specs.forEach(function (s) {
    var el = document.getElementById(s.id);
    var chart = echarts.init(el, null, { renderer: "svg" });
    localise(s.options.xAxis);
    localise(s.options.yAxis);
    s.options.tooltip = Object.assign({}, s.options.tooltip, { valueFormatter: format });
    chart.setOption(s.options);
    el.setAttribute("data-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();`

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
		"t": func(key string, args ...any) string { return t(lang, key, args...) },
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
	var hashes []string
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s))
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	return "default-src 'none'; script-src " + strings.Join(hashes, " ") +
		"; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
}

type page struct {
	Lang, CSP                 string
	Region, OptOut, Objection string
	AsOf, Exported            string
	Redacted                  bool
	Cards                     []card
	Undated                   string
	Charts                    []chartSpec
	ChartData                 []chartSpec
	OutcomeLabels             []string
	Kinds                     []kindRow
	Yours                     []itemRow
	YoursNote, MoreItems      string
	Todo                      []string
	Files                     []fileRow
	Problems                  []problemRow
	MoreProblems              string
	Unknown                   []string
	PolicyLine                string
	Purposes                  []string // the purposes of the member's region (policy.PurposesFor)
	ChangesTitle              string
	Changes                   []string // what the policy's version changed (its changelog entry)
	Assumptions               []string
	ECharts, Boot             template.JS
	Style                     template.CSS
}

type card struct{ Outcome, Label, Count, Share, Sentence string }

type kindRow struct {
	Name, Items, Range, Rule string
	Counts                   []string
	Sources                  []sourceLink
}

type sourceLink struct{ Label, URL string }

type itemRow struct{ Date, Kind, Outcome, OutcomeLabel, Text, Where string }

type fileRow struct{ Path, Kind, Rows, Items, Rejected, Range string }

type problemRow struct {
	File, Reason string
	Line         int
}

// maxProblemRows bounds the problems listed in the page; all are in --json.
const maxProblemRows = 100

func buildPage(r *result, opt HTMLOptions) page {
	lang := opt.Lang
	m := r.Member
	p := page{
		Lang:      lang,
		CSP:       cspFor(string(opt.ECharts), bootJS),
		Region:    regionText(lang, r),
		OptOut:    dayOrNone(lang, m.OptOut),
		Objection: dayOrNone(lang, m.Objection),
		AsOf:      dateText(lang, r.AsOf),
		Exported:  dateText(lang, r.Export.Date),
		Redacted:  r.Redact,
		ECharts:   template.JS(opt.ECharts),
		Boot:      template.JS(bootJS),
		Style:     template.CSS(pageStyle),
	}
	if r.Export.Date.IsZero() {
		p.Exported = t(lang, "unknown")
	}
	p.Cards, p.Undated = cards(r, lang)
	p.Charts = buildCharts(r, lang)
	p.ChartData = p.Charts
	for _, o := range outcomeNames {
		p.OutcomeLabels = append(p.OutcomeLabels, t(lang, "out_"+o))
	}
	p.Kinds = kindRows(r, lang)
	p.Yours, p.YoursNote, p.MoreItems = yourItems(r, lang)
	p.Todo = todo(r, lang)
	p.Files, p.Problems, p.MoreProblems, p.Unknown = provenance(r, lang)
	origin := r.Policy.Origin
	if r.Redact {
		origin = redactOrigin(origin)
	}
	p.PolicyLine = t(lang, "policy_line", r.Policy.ID, r.Policy.Version, origin)
	p.Purposes = purposeLines(r, lang)
	if cl := r.Policy.Changelog; len(cl) > 0 {
		p.ChangesTitle = t(lang, "changes_title", cl[0].Version, dateText(lang, cl[0].Date))
		for i, c := range cl[0].Changes {
			p.Changes = append(p.Changes, r.policyNote(lang, fmt.Sprintf("chg_%s_%d", cl[0].Version, i), c))
		}
	}
	for _, a := range r.Policy.Assumptions {
		p.Assumptions = append(p.Assumptions, r.policyNote(lang, "asm_"+a.ID, a.Note)+" ("+sourceIDs(a.Sources)+")")
	}
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

func regionText(lang string, r *result) string {
	code := r.Member.Region
	if n, ok := regionNames[code]; ok {
		return code + " – " + n.in(lang)
	}
	if reg, ok := r.Policy.Region(code); ok {
		return code + " – " + reg.Name
	}
	return code
}

func dayOrNone(lang string, d time.Time) string {
	if d.IsZero() {
		return t(lang, "none")
	}
	return dateText(lang, d)
}

func sourceIDs(ss []policy.Source) string {
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
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
	undated := r.Tally.Undated
	if undated == 0 {
		return out, ""
	}
	return out, t(lang, "undated", number(lang, undated))
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
			// The scope in the member's region, with the rule that sets it there.
			scope, basis := c.ScopeIn(r.Member.Region)
			key := "cat_" + c.Name
			if scope != c.Scope {
				key += "_" + strings.ToLower(r.Member.Region)
			}
			row.Rule = scopeText(lang, scope) + " (" + c.Name + ")" + colon(lang) + r.policyNote(lang, key, basis.Note)
			for _, s := range basis.Sources {
				row.Sources = append(row.Sources, sourceLink{Label: s.ID + " " + s.Publisher + " " + s.Date, URL: s.URL})
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func dateRange(lang string, first, last time.Time) string {
	if first.IsZero() {
		return "–"
	}
	return dateText(lang, first) + " – " + dateText(lang, last)
}

// yourItems lists the member's items in scope (and possibly in scope),
// newest first, capped.
func yourItems(r *result, lang string) ([]itemRow, string, string) {
	shown := r.Tally.Newest()
	rows := make([]itemRow, 0, len(shown))
	for i := range shown {
		it, o := &shown[i].Item, shown[i].Outcome.String()
		row := itemRow{
			Date: dateText(lang, it.Date), Kind: kindName(lang, string(it.Kind)),
			Outcome: o, OutcomeLabel: t(lang, "out_"+o),
			Where: fmt.Sprintf("%s:%d", it.File, it.Line),
		}
		if it.Date.IsZero() {
			row.Date = "–"
		}
		if r.Redact {
			row.Where = redactPath(it.File)
		} else {
			row.Text = it.Text
		}
		rows = append(rows, row)
	}
	total := r.Tally.Exposed
	more := ""
	if total > len(shown) {
		more = t(lang, "more_items", number(lang, total-len(shown)))
	}
	return rows, t(lang, "yours_note", number(lang, len(shown)), number(lang, total)), more
}

// purposeLines describes the purposes that concern the member's region: who trains on what,
// under which setting (for a UK member, Microsoft's training as well as LinkedIn's).
func purposeLines(r *result, lang string) []string {
	var out []string
	for _, u := range r.Policy.PurposesFor(r.Member.Region) {
		line := t(lang, "purpose_line", r.policyNote(lang, "pur_"+u.ID, u.Name), r.policyNote(lang, "pur_"+u.ID+"_recipient", u.Recipient),
			r.policyNote(lang, "ctl_"+u.Control.ID, u.Control.Name), strings.Join(u.Data, "; "))
		if !u.Main {
			kinds := make([]string, len(u.Kinds))
			for i, k := range u.Kinds {
				kinds[i] = kindName(lang, k)
			}
			line += " " + t(lang, "purpose_kinds", strings.Join(kinds, ", "), u.Flag)
			if u.NotInExport != "" {
				line += " " + r.policyNote(lang, "pur_"+u.ID+"_not_in_export", u.NotInExport)
			}
		}
		out = append(out, line+" ("+sourceIDs(u.Sources)+")")
	}
	return out
}

func todo(r *result, lang string) []string {
	out := []string{t(lang, "todo_setting"), t(lang, "todo_form")}
	switch r.Member.Region {
	case "EU", "UK":
		out = append(out, t(lang, "todo_art21"), t(lang, "todo_art17"))
	}
	out = append(out, t(lang, "todo_delete"))
	switch r.Member.Region {
	case "EU":
		out = append(out, t(lang, "todo_authority"))
	case "UK":
		out = append(out, t(lang, "todo_uk"))
	case "CA":
		out = append(out, t(lang, "todo_ca"))
	case "HK":
		out = append(out, t(lang, "todo_hk"))
	}
	return out
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
			total++
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
		unknown = append(unknown, fmt.Sprintf("%s (%s %s)", p, number(lang, u.Rows), t(lang, "col_rows")))
	}
	return files, probs, more, unknown
}
