package report

import (
	"sort"
	"strings"
	"time"

	"exposure/policy"

	"exposure/parse"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// The charts are built with go-echarts as options only. They are never
// rendered by go-echarts' templates: its page puts options into a script
// as raw JavaScript, where text from the export could close the script
// (</script>) or be revived as a function (__f__…__f__). Here the options
// are data, encoded by html/template into a JSON block that the page's own
// fixed script reads (html.go).

// outcomeColors come from the Okabe–Ito palette, which readers with any
// common colour-vision deficiency tell apart: vermillion for exposed,
// orange for disputed, blue for protected, greys for what the training
// does not concern. They differ in lightness too, and the page's script
// adds a pattern to each bar series (ECharts' decals) and a dash style to
// each line, so that colour is never the only cue.
var outcomeColors = map[string]string{
	"in_scope":          "#d55e00",
	"possibly_in_scope": "#e69f00",
	"protected":         "#0072b2",
	"excluded":          "#6c7a89",
	"not_listed":        "#c3c9d0",
}

// outcomeDash is each outcome's line style, the second cue of line charts.
var outcomeDash = map[string]string{"in_scope": "solid", "possibly_in_scope": "dashed", "protected": "dotted"}

// chartSpec is one chart of the page: a fixed ID, so that output is stable,
// its title and note, the ECharts options, and what stands for it without
// sight: an accessible name and a table of its data.
type chartSpec struct {
	ID      string     `json:"id"`
	Title   string     `json:"-"`
	Note    string     `json:"-"`
	Label   string     `json:"-"` // accessible name: what the chart shows, in a sentence
	Height  int        `json:"-"`
	Wide    bool       `json:"-"` // spans the page's two columns
	Table   chartTable `json:"-"`
	Options any        `json:"options"`
}

// chartTable is a chart's data as a table, for screen readers and print.
type chartTable struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// maxKindBars bounds the kinds chart; the table below it lists every kind.
const maxKindBars = 16

// monthAxis lists the months ("2006-01") from first to last inclusive.
func monthAxis(first, last time.Time) []string {
	var out []string
	m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(last.Year(), last.Month(), 1, 0, 0, 0, 0, time.UTC)
	for ; !m.After(end); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

func monthKey(t time.Time) string { return t.UTC().Format("2006-01") }

// marker is a vertical line on a month axis. The opt-out is drawn in the
// protected colour with its label lower down, so that it stays readable
// when it falls a month after a window start.
type marker struct {
	Month  string
	Day    time.Time
	Label  string
	OptOut bool
}

// markLines draws the markers as lines without labels: labels of lines a
// month apart overlap, so the chart's note says what each line is
// (markNote), and hovering a line names it.
func markLines(ms []marker) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		if s.MarkLines == nil {
			s.MarkLines = &opts.MarkLines{}
		}
		for _, m := range ms {
			item := map[string]any{"name": m.Label, "xAxis": m.Month}
			if m.OptOut {
				item["lineStyle"] = map[string]any{"color": outcomeColors["protected"], "type": "solid", "width": 2}
			}
			s.MarkLines.Data = append(s.MarkLines.Data, item)
		}
	}
}

var markStyle = charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
	Symbol:    []string{"none", "none"},
	Label:     &opts.Label{Show: opts.Bool(false), Formatter: "{b}"},
	LineStyle: &opts.LineStyle{Color: "#5b6673", Type: "dashed", Width: 1},
})

// markNote says what the lines of a chart are: "Dashed line: training
// starts (3 Nov 2025). Solid blue line: your opt-out (1 Dec 2025)."
func markNote(lang string, ms []marker) string {
	var parts []string
	seen := map[string]bool{}
	for _, m := range ms {
		key := "mark_line_dashed"
		if m.OptOut {
			key = "mark_line_optout"
		}
		part := t(lang, key, m.Label, dateText(lang, m.Day))
		if !seen[part] {
			seen[part] = true
			parts = append(parts, part)
		}
	}
	return strings.Join(parts, " ")
}

// The legend scrolls on one line rather than wrapping over the plot on a
// narrow screen.
func globalOpts(legend bool) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Type: "scroll", Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "32", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
	}
}

func outcomeSeriesOpts(o string, stack bool) []charts.SeriesOpts {
	s := []charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: outcomeColors[o]})}
	if stack {
		s = append(s, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
	}
	return s
}

func barData(v []int) []opts.BarData {
	out := make([]opts.BarData, len(v))
	for i, n := range v {
		out[i] = opts.BarData{Value: n}
	}
	return out
}

func lineData(v []int) []opts.LineData {
	out := make([]opts.LineData, len(v))
	for i, n := range v {
		out[i] = opts.LineData{Value: n}
	}
	return out
}

// monthAxisOpts: a legend, months along x, whole counts up y; labels that
// would overlap are left out.
func monthAxisOpts() []charts.GlobalOpts {
	return append(globalOpts(true),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1, AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true)}}))
}

// timelineChart: items by month of creation, stacked by outcome, with the
// region's window starts and the opt-out marked.
func timelineChart(lang string, months []string, byOutcome map[string][]int, marks []marker) any {
	bar := charts.NewBar()
	bar.SetGlobalOptions(monthAxisOpts()...)
	bar.SetXAxis(months)
	for i, o := range outcomeNames {
		so := outcomeSeriesOpts(o, true)
		if i == 0 {
			so = append(so, markLines(marks), markStyle)
		}
		bar.AddSeries(t(lang, "out_"+o), barData(byOutcome[o]), so...)
	}
	bar.Validate()
	return bar.JSON()
}

// linesChart: one line per named series over the month axis, with markers.
func linesChart(months []string, series []namedSeries, marks []marker) any {
	line := charts.NewLine()
	line.SetGlobalOptions(monthAxisOpts()...)
	line.SetXAxis(months)
	for i, s := range series {
		dash := s.Dash
		if dash == "" {
			dash = "solid"
		}
		so := []charts.SeriesOpts{
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: s.Color, Width: 2, Type: dash}),
			charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false), Step: s.Step}),
		}
		if i == 0 && len(marks) > 0 {
			so = append(so, markLines(marks), markStyle)
		}
		line.AddSeries(s.Name, lineData(s.Values), so...)
	}
	line.Validate()
	return line.JSON()
}

type namedSeries struct {
	Name   string
	Color  string
	Dash   string // the line's style: solid (default), dashed, dotted
	Values []int
	Step   any
}

// categoryBars: stacked bars by outcome over categories; horizontal puts
// the categories on the vertical axis (kinds with long names).
func categoryBars(lang string, categories []string, byOutcome map[string][]int, horizontal bool) any {
	bar := newCategoryBar(categories)
	for _, o := range outcomeNames {
		bar.AddSeries(t(lang, "out_"+o), barData(byOutcome[o]), outcomeSeriesOpts(o, true)...)
	}
	finishBars(bar, horizontal)
	return bar.JSON()
}

// newCategoryBar is a bar chart over categories whose tooltip shades the
// hovered category.
func newCategoryBar(categories []string) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(globalOpts(true)...)
	bar.SetGlobalOptions(charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}))
	bar.SetXAxis(categories)
	return bar
}

// finishBars shows every category label (ECharts skips some when they are
// long) and, for horizontal bars, lists the categories top down.
func finishBars(bar *charts.Bar, horizontal bool) {
	every := &opts.AxisLabel{Interval: "0"}
	values := &opts.AxisLabel{HideOverlap: opts.Bool(true)}
	if horizontal {
		bar.XYReversal()
		bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: every}),
			charts.WithXAxisOpts(opts.XAxis{Type: "value", AxisLabel: values}))
	} else {
		bar.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: every}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", AxisLabel: values}))
	}
	bar.Validate()
}

// buildCharts makes the page's charts from the tally of the items.
func buildCharts(r *result, lang string) []chartSpec {
	months, index := r.monthIndex()
	created := map[string][]int{}
	for i, o := range outcomeNames {
		created[o] = r.Tally.MonthCounts(months, policy.Outcome(i))
	}
	marks := r.markers(lang, index)
	exposedLines := []namedSeries{
		{Name: t(lang, "out_in_scope"), Color: outcomeColors["in_scope"], Values: cumulate(created["in_scope"])},
		{Name: t(lang, "out_possibly_in_scope"), Color: outcomeColors["possibly_in_scope"], Dash: outcomeDash["possibly_in_scope"], Values: cumulate(created["possibly_in_scope"])},
		{Name: t(lang, "out_protected"), Color: outcomeColors["protected"], Dash: outcomeDash["protected"], Values: cumulate(created["protected"])},
	}
	byOutcome := make([]namedSeries, len(outcomeNames))
	for i, o := range outcomeNames {
		byOutcome[i] = namedSeries{Name: t(lang, "out_"+o), Values: created[o]}
	}
	timelineNote := t(lang, "ch_timeline_note")
	if n := markNote(lang, marks); n != "" {
		timelineNote += " " + n
	}
	specs := []chartSpec{
		{ID: "chart-timeline", Title: t(lang, "ch_timeline"), Note: timelineNote, Height: 340,
			Label:   t(lang, "ch_timeline_label", number(lang, r.Tally.Items-r.Tally.Undated), monthText(lang, months[0]), monthText(lang, months[len(months)-1])),
			Table:   monthTable(lang, t(lang, "ch_timeline"), months, byOutcome, false),
			Options: timelineChart(lang, months, created, marks)},
		{ID: "chart-cumulative", Title: t(lang, "ch_cumulative"), Note: joinNote(t(lang, "ch_cumulative_note"), markNote(lang, marks)), Height: 340,
			Label:   cumulativeLabel(lang, exposedLines),
			Table:   monthTable(lang, t(lang, "ch_cumulative"), months, exposedLines, true),
			Options: linesChart(months, exposedLines, marks)},
		r.whatIfChart(lang),
		r.beforeAfterChart(lang),
		r.kindsChart(lang),
	}
	return specs
}

func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + " " + b
}

// monthText is a month axis label ("2006-01") in words: "Dec 2025", "déc. 2025".
func monthText(lang, label string) string {
	m, err := time.Parse("2006-01", label)
	if err != nil {
		return label
	}
	if lang == "fr" {
		return monthsFR[m.Month()-1] + " " + m.Format("2006")
	}
	return m.Format("Jan 2006")
}

// monthTable is a month chart's data: the months where some value is
// not zero (a running total: where it changes), one column per series.
func monthTable(lang, caption string, months []string, series []namedSeries, running bool) chartTable {
	tb := chartTable{Caption: caption, Head: []string{t(lang, "col_month")}}
	for _, s := range series {
		tb.Head = append(tb.Head, s.Name)
	}
	for i, m := range months {
		keep := false
		for _, s := range series {
			v := s.Values[i]
			if running && i > 0 {
				keep = keep || v != s.Values[i-1]
			} else {
				keep = keep || v != 0
			}
		}
		if !keep {
			continue
		}
		row := []string{monthText(lang, m)}
		for _, s := range series {
			row = append(row, number(lang, s.Values[i]))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// cumulativeLabel: the running totals as of the last month.
func cumulativeLabel(lang string, series []namedSeries) string {
	var parts []string
	for _, s := range series {
		last := 0
		if len(s.Values) > 0 {
			last = s.Values[len(s.Values)-1]
		}
		parts = append(parts, s.Name+" "+number(lang, last))
	}
	return t(lang, "ch_cumulative_label", strings.Join(parts, ", "))
}

// monthIndex is the month axis: from the first dated item to the as-of day
// (or the last item, if later).
func (r *result) monthIndex() ([]string, map[string]int) {
	months := monthAxis(r.monthRange())
	index := make(map[string]int, len(months))
	for i, m := range months {
		index[m] = i
	}
	return months, index
}

// monthRange is the first and last day the time axis must show.
func (r *result) monthRange() (first, last time.Time) {
	first, last = r.AsOf, r.AsOf
	if !r.Tally.First.IsZero() {
		first, last = minTime(first, r.Tally.First), maxTime(last, r.Tally.Last)
	}
	return first, last
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func cumulate(v []int) []int {
	out := make([]int, len(v))
	sum := 0
	for i, n := range v {
		sum += n
		out[i] = sum
	}
	return out
}

// markers: the region's window starts and pauses, and the opt-out, where
// they fall on the axis.
func (r *result) markers(lang string, index map[string]int) []marker {
	var out []marker
	add := func(d time.Time, label string) {
		if _, ok := index[monthKey(d)]; ok && !d.IsZero() {
			out = append(out, marker{Month: monthKey(d), Day: d, Label: label, OptOut: label == t(lang, "mark_optout")})
		}
	}
	if reg, ok := r.Policy.Region(r.Member.Region); ok {
		for _, w := range reg.Windows {
			add(w.Start, t(lang, "mark_start"))
			add(w.End, t(lang, "mark_pause"))
		}
	}
	add(r.Member.EffectiveOptOut(), t(lang, "mark_optout"))
	return out
}

// whatIfChart: had the member opted out in each month, how many items
// would be in scope (and possibly in scope) today. The curve is drawn from
// where it starts to change (the region's first training window); the
// flat span before is said in words.
func (r *result) whatIfChart(lang string) chartSpec {
	points := r.WhatIf
	from := 0
	var first time.Time
	if reg, ok := r.Policy.Region(r.Member.Region); ok {
		for _, w := range reg.Windows {
			if first.IsZero() || w.Start.Before(first) {
				first = w.Start
			}
		}
	}
	for i := range points {
		if points[i].Counts != points[0].Counts || !first.IsZero() && !points[i].Month.Before(first.AddDate(0, -1, 0)) {
			from = max(i-1, 0)
			break
		}
	}
	flat := ""
	if from > 0 {
		p := points[0].Counts
		flat = t(lang, "ch_whatif_flat", monthText(lang, monthKey(points[0].Month)), monthText(lang, monthKey(points[from].Month)),
			number(lang, p[policy.InScope]), number(lang, p[policy.PossiblyInScope]))
	}
	points = points[from:]
	months := make([]string, len(points))
	in := make([]int, len(points))
	maybe := make([]int, len(points))
	index := map[string]int{}
	for i, w := range points {
		months[i], in[i], maybe[i] = monthKey(w.Month), w.Counts[policy.InScope], w.Counts[policy.PossiblyInScope]
		index[months[i]] = i
	}
	var marks []marker
	if reg, ok := r.Policy.Region(r.Member.Region); ok {
		for _, w := range reg.Windows {
			if _, ok := index[monthKey(w.Start)]; ok {
				marks = append(marks, marker{Month: monthKey(w.Start), Day: w.Start, Label: t(lang, "mark_start")})
			}
		}
	}
	if d := r.Member.EffectiveOptOut(); !d.IsZero() {
		if _, ok := index[monthKey(d)]; ok {
			marks = append(marks, marker{Month: monthKey(d), Day: d, Label: t(lang, "mark_optout"), OptOut: true})
		}
	}
	series := []namedSeries{
		{Name: t(lang, "out_in_scope"), Color: outcomeColors["in_scope"], Values: in, Step: "end"},
		{Name: t(lang, "out_possibly_in_scope"), Color: outcomeColors["possibly_in_scope"], Dash: outcomeDash["possibly_in_scope"], Values: maybe, Step: "end"},
	}
	label := t(lang, "ch_whatif_empty")
	if len(months) > 0 {
		label = t(lang, "ch_whatif_label", monthText(lang, months[0]), number(lang, in[0]), number(lang, maybe[0]),
			monthText(lang, months[len(months)-1]), number(lang, in[len(in)-1]), number(lang, maybe[len(maybe)-1]))
	}
	tb := chartTable{Caption: t(lang, "ch_whatif"), Head: []string{t(lang, "col_optout_month"), series[0].Name, series[1].Name}}
	for i, m := range months {
		tb.Rows = append(tb.Rows, []string{monthText(lang, m), number(lang, in[i]), number(lang, maybe[i])})
	}
	return chartSpec{ID: "chart-whatif", Title: t(lang, "ch_whatif"), Note: joinNote(joinNote(t(lang, "ch_whatif_note"), flat), markNote(lang, marks)),
		Height: 340, Label: label, Table: tb, Options: linesChart(months, series, marks)}
}

// beforeAfterChart splits the items at the opt-out, or, without one, at the
// start of the region's current training window.
func (r *result) beforeAfterChart(lang string) chartSpec {
	day := dateText(lang, r.SplitDay())
	cats := []string{t(lang, "before") + " " + day, t(lang, "after") + " " + day}
	counts := map[string][]int{}
	for i, o := range outcomeNames {
		counts[o] = []int{r.Tally.Split[0][i], r.Tally.Split[1][i]}
	}
	return chartSpec{ID: "chart-beforeafter", Title: t(lang, "ch_beforeafter", day), Note: t(lang, "ch_beforeafter_note"), Height: 340,
		Label:   t(lang, "ch_beforeafter_label", day, number(lang, sum(r.Tally.Split[0][:])), number(lang, sum(r.Tally.Split[1][:]))),
		Table:   outcomeTable(lang, t(lang, "ch_beforeafter", day), t(lang, "col_when"), cats, counts),
		Options: categoryBars(lang, cats, counts, false)}
}

func sum(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}

// outcomeTable: one row per category, one column per outcome.
func outcomeTable(lang, caption, first string, cats []string, counts map[string][]int) chartTable {
	tb := chartTable{Caption: caption, Head: []string{first}}
	for _, o := range outcomeNames {
		tb.Head = append(tb.Head, t(lang, "out_"+o))
	}
	for i, c := range cats {
		row := []string{c}
		for _, o := range outcomeNames {
			row = append(row, number(lang, counts[o][i]))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// kindsChart: the outcome of each kind of data present in the export.
func (r *result) kindsChart(lang string) chartSpec {
	totals := map[parse.Kind]int{}
	for k, kt := range r.Tally.Kinds {
		totals[k] = kt.N
	}
	var kinds []parse.Kind
	for _, k := range parse.Kinds {
		if totals[k] > 0 {
			kinds = append(kinds, k)
		}
	}
	sort.SliceStable(kinds, func(a, b int) bool { return totals[kinds[a]] > totals[kinds[b]] })
	pos := map[parse.Kind]int{}
	var names []string
	for i, k := range kinds {
		if i == maxKindBars {
			names = append(names, t(lang, "other_kinds", len(kinds)-maxKindBars))
		}
		pos[k] = min(i, maxKindBars)
		if i < maxKindBars {
			names = append(names, kindName(lang, string(k)))
		}
	}
	counts := map[string][]int{}
	for _, o := range outcomeNames {
		counts[o] = make([]int, len(names))
	}
	for _, k := range kinds {
		for i, o := range outcomeNames {
			counts[o][pos[k]] += r.Tally.Kinds[k].ByOutcome[i]
		}
	}
	label := t(lang, "ch_kinds_label", len(kinds))
	if len(names) > 0 {
		label += " " + t(lang, "ch_kinds_largest", names[0], number(lang, totals[kinds[0]]))
	}
	return chartSpec{ID: "chart-kinds", Title: t(lang, "ch_kinds"), Note: t(lang, "ch_kinds_note"), Height: 90 + 22*len(names), Wide: true,
		Label: label, Table: outcomeTable(lang, t(lang, "ch_kinds"), t(lang, "col_kind"), names, counts),
		Options: categoryBars(lang, names, counts, true)}
}
