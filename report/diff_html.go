package report

import (
	_ "embed"
	"html/template"
	"io"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"exposure/analysis"
	"exposure/policy"
)

//go:embed templates/diff.html.tmpl
var diffTemplate string

// Colours of the two sides in the diff charts.
const (
	oldColor     = "#7a8794"
	newColor     = "#0072b2"
	removedColor = "#cc79a7"
)

type diffPage struct {
	Lang, CSP   string
	Old, New    diffSide
	Totals      []totalRow
	Counts      string
	Nothing     string
	KindsNone   string // why the chart of added and removed kinds is missing
	Charts      []chartSpec
	ChartData   []chartSpec
	Changed     []changeRow
	MoreChanged string
	Removed     []changeRow
	MoreRemoved string
	Redacted    bool
	ItemData    *explorerData // always nil: the diff page has no explorer
	ECharts     template.JS
	Boot        template.JS
	Style       template.CSS
}

type diffSide struct{ Exported, AsOf, Region, OptOut, Items string }

type totalRow struct{ Outcome, Label, Old, New, Change string }

type changeRow struct {
	Date, Kind, Text                string
	OldOutcome, OldLabel, OldReason string
	NewOutcome, NewLabel, NewReason string
}

// WriteDiffHTML writes the comparison as a page in the report's style:
// outcome totals old and new, what was added and removed per kind, the two
// timelines overlaid, the items whose outcome changed and why, and the
// member's deletions; each list says so in words when it is empty.
func WriteDiffHTML(w io.Writer, d *analysis.Diff, opt HTMLOptions) error {
	opt = opt.withDefaults()
	return render(w, diffTemplate, opt.Lang, buildDiffPage(d, opt))
}

func buildDiffPage(d *analysis.Diff, opt HTMLOptions) diffPage {
	lang := opt.Lang
	redact := opt.Redact
	old, cur := &result{d.Old, redact}, &result{d.New, redact}
	p := diffPage{
		Lang: lang, CSP: cspFor(string(opt.ECharts), bootJS),
		Old: sideOf(lang, old), New: sideOf(lang, cur), Redacted: redact,
		ECharts: template.JS(opt.ECharts), Boot: template.JS(bootJS), Style: template.CSS(pageStyle),
	}
	ob, nb := old.ByOutcome(), cur.ByOutcome()
	for _, o := range outcomeNames {
		p.Totals = append(p.Totals, totalRow{Outcome: o, Label: t(lang, "out_"+o),
			Old: number(lang, ob[o]), New: number(lang, nb[o]), Change: signed(lang, nb[o]-ob[o])})
	}
	added, removed, changed := d.Counts()
	items := func(n int) string { return tn(lang, "diff_n_items", n, number(lang, n)) }
	p.Counts = t(lang, "diff_counts", items(added), items(removed), items(changed))
	if added+removed+changed == 0 {
		p.Nothing = t(lang, "diff_nothing")
	}
	if added+removed == 0 {
		p.KindsNone = t(lang, "diff_added_none") + " " + t(lang, "diff_removed_none")
	}
	p.Charts = diffCharts(d, old, cur, lang)
	p.ChartData = p.Charts

	for _, c := range d.ShownChanged() {
		row := shownRow(lang, &c, redact)
		o := c.New.Outcome.String()
		row.NewOutcome, row.NewLabel, row.NewReason = o, t(lang, "out_"+o), reasonLabel(lang, c.New.Reason)
		p.Changed = append(p.Changed, row)
	}
	if n := changed - len(p.Changed); n > 0 {
		p.MoreChanged = t(lang, "diff_more", number(lang, n))
	}
	for _, c := range d.ShownRemoved() {
		p.Removed = append(p.Removed, shownRow(lang, &c, redact))
	}
	if n := removed - len(p.Removed); n > 0 {
		p.MoreRemoved = t(lang, "diff_more", number(lang, n))
	}
	return p
}

func sideOf(lang string, r *result) diffSide {
	s := diffSide{Exported: dateText(lang, r.Export.Date), AsOf: dateText(lang, r.AsOf), Region: regionText(lang, r),
		OptOut: dayOrNone(lang, r.Member.EffectiveOptOut()), Items: number(lang, r.Tally.Items)}
	if r.Export.Date.IsZero() {
		s.Exported = t(lang, "unknown")
	}
	return s
}

func signed(lang string, n int) string {
	if n > 0 {
		return "+" + number(lang, n)
	}
	return number(lang, n)
}

// shownRow describes a listed item with its outcome in the old export.
func shownRow(lang string, c *analysis.DiffShown, redact bool) changeRow {
	o := c.Old.Outcome.String()
	row := changeRow{Date: dateText(lang, c.Item.Date), Kind: kindOne(lang, string(c.Item.Kind)),
		OldOutcome: o, OldLabel: t(lang, "out_"+o), OldReason: reasonLabel(lang, c.Old.Reason)}
	if !redact {
		row.Text = c.Item.Text
	}
	return row
}

func diffCharts(d *analysis.Diff, old, cur *result, lang string) []chartSpec {
	// Outcome totals, old next to new.
	ob, nb := old.ByOutcome(), cur.ByOutcome()
	labels := make([]string, len(outcomeNames))
	var oldV, newV []int
	for i, o := range outcomeNames {
		labels[i] = t(lang, "out_"+o)
		oldV, newV = append(oldV, ob[o]), append(newV, nb[o])
	}
	totals := sideBars(labels, []namedSeries{{Name: t(lang, "diff_old"), Color: oldColor, Values: oldV}, {Name: t(lang, "diff_new"), Color: newColor, Values: newV}}, false)

	// Added and removed per kind.
	added, removed := byKind(d.Added()), byKind(d.Removed())
	all := map[string]int{}
	for k, n := range added {
		all[k] += n
	}
	for k, n := range removed {
		all[k] += n
	}
	kinds := sortedKinds(all)
	if len(kinds) > maxKindBars {
		kinds = kinds[:maxKindBars]
	}
	names := make([]string, len(kinds))
	var addV, remV []int
	for i, k := range kinds {
		names[i] = kindName(lang, k)
		addV, remV = append(addV, added[k]), append(remV, removed[k])
	}
	kindSeries := []namedSeries{{Name: t(lang, "diff_added"), Color: newColor, Values: addV}, {Name: t(lang, "diff_removed_short"), Color: removedColor, Values: remV}}
	perKind := sideBars(names, kindSeries, true)
	nAdded, nRemoved, _ := d.Counts()

	// The two timelines overlaid: items in scope accumulated by creation month.
	first, last := old.AsOf, cur.AsOf
	for _, r := range []*result{old, cur} {
		f, l := r.monthRange()
		first, last = minTime(first, f), maxTime(last, l)
	}
	months := monthAxis(first, last)
	index := map[string]int{}
	for i, m := range months {
		index[m] = i
	}
	lines := []namedSeries{
		{Name: t(lang, "diff_old"), Color: oldColor, Dash: "dashed", Values: cumulate(old.Tally.MonthCounts(months, policy.InScope))},
		{Name: t(lang, "diff_new"), Color: newColor, Values: cumulate(cur.Tally.MonthCounts(months, policy.InScope))},
	}
	timeline := linesChart(months, lines, nil)

	totalsTable := chartTable{Caption: t(lang, "diff_ch_totals"), Head: []string{t(lang, "col_outcome"), t(lang, "diff_old"), t(lang, "diff_new")}}
	for i := range labels {
		totalsTable.Rows = append(totalsTable.Rows, []string{labels[i], number(lang, oldV[i]), number(lang, newV[i])})
	}
	kindsTable := chartTable{Caption: t(lang, "diff_ch_kinds"), Head: []string{t(lang, "col_kind"), kindSeries[0].Name, kindSeries[1].Name}}
	for i := range names {
		kindsTable.Rows = append(kindsTable.Rows, []string{names[i], number(lang, addV[i]), number(lang, remV[i])})
	}
	final := func(v []int) int {
		if len(v) == 0 {
			return 0
		}
		return v[len(v)-1]
	}
	specs := []chartSpec{
		{ID: "chart-diff-totals", Title: t(lang, "diff_ch_totals"), Height: 320, Options: totals,
			Label: t(lang, "diff_ch_totals_label"), Table: totalsTable},
	}
	if len(names) > 0 {
		specs = append(specs, chartSpec{ID: "chart-diff-kinds", Title: t(lang, "diff_ch_kinds"), Height: 90 + 26*len(names), Options: perKind,
			Label: t(lang, "diff_ch_kinds_label", number(lang, nAdded), number(lang, nRemoved)), Table: kindsTable})
	}
	specs = append(specs, chartSpec{ID: "chart-diff-timeline", Title: t(lang, "diff_ch_timeline"), Note: t(lang, "diff_ch_timeline_note"), Height: 340, Wide: true, Options: timeline,
		Label: t(lang, "diff_ch_timeline_label", number(lang, final(lines[0].Values)), number(lang, final(lines[1].Values))),
		Table: monthTable(lang, t(lang, "diff_ch_timeline"), months, lines, true)})
	return specs
}

// sideBars: one bar series per side over categories.
func sideBars(categories []string, series []namedSeries, horizontal bool) any {
	bar := newCategoryBar(categories)
	for _, s := range series {
		bar.AddSeries(s.Name, barData(s.Values), charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}))
	}
	finishBars(bar, horizontal)
	return bar.JSON()
}
