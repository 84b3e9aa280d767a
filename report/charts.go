package report

import (
	"exposure/policy"
	"sort"
	"time"

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

// outcomeColors: red for exposed, amber for disputed, green for protected,
// greys for what the training does not concern.
var outcomeColors = map[string]string{
	"in_scope":          "#c0392b",
	"possibly_in_scope": "#e08e0b",
	"protected":         "#2e8b57",
	"excluded":          "#6c7a89",
	"not_listed":        "#c3c9d0",
}

// chartSpec is one chart of the page: a fixed ID, so that output is stable,
// its title and note, and the ECharts options.
type chartSpec struct {
	ID      string `json:"id"`
	Title   string `json:"-"`
	Note    string `json:"-"`
	Height  int    `json:"-"`
	Wide    bool   `json:"-"` // spans the page's two columns
	Options any    `json:"options"`
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
	Label  string
	OptOut bool
}

func markLines(ms []marker) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		if s.MarkLines == nil {
			s.MarkLines = &opts.MarkLines{}
		}
		for _, m := range ms {
			item := map[string]any{"name": m.Label, "xAxis": m.Month}
			if m.OptOut {
				item["label"] = map[string]any{"position": "insideMiddleTop", "color": outcomeColors["protected"]}
				item["lineStyle"] = map[string]any{"color": outcomeColors["protected"], "type": "solid", "width": 2}
			}
			s.MarkLines.Data = append(s.MarkLines.Data, item)
		}
	}
}

var markStyle = charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
	Symbol:    []string{"none", "none"},
	Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop", FontSize: 11},
	LineStyle: &opts.LineStyle{Color: "#1d2630", Type: "dashed", Width: 1},
})

func globalOpts(legend bool) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
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

// monthAxisOpts: a legend, months along x, whole counts up y.
func monthAxisOpts() []charts.GlobalOpts {
	return append(globalOpts(true),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1}))
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
		so := []charts.SeriesOpts{
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.Color}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: s.Color, Width: 2}),
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
	if horizontal {
		bar.XYReversal()
		bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: every}))
	} else {
		bar.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: every}))
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
	specs := []chartSpec{
		{ID: "chart-timeline", Title: t(lang, "ch_timeline"), Note: t(lang, "ch_timeline_note"), Height: 340,
			Options: timelineChart(lang, months, created, marks)},
		{ID: "chart-cumulative", Title: t(lang, "ch_cumulative"), Note: t(lang, "ch_cumulative_note"), Height: 340,
			Options: linesChart(months, []namedSeries{
				{Name: t(lang, "out_in_scope"), Color: outcomeColors["in_scope"], Values: cumulate(created["in_scope"])},
				{Name: t(lang, "out_possibly_in_scope"), Color: outcomeColors["possibly_in_scope"], Values: cumulate(created["possibly_in_scope"])},
				{Name: t(lang, "out_protected"), Color: outcomeColors["protected"], Values: cumulate(created["protected"])},
			}, marks)},
		r.whatIfChart(lang),
		r.beforeAfterChart(lang),
		r.kindsChart(lang),
	}
	return specs
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
			out = append(out, marker{Month: monthKey(d), Label: label, OptOut: label == t(lang, "mark_optout")})
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
// would be in scope (and possibly in scope) today.
func (r *result) whatIfChart(lang string) chartSpec {
	months := make([]string, len(r.WhatIf))
	in := make([]int, len(r.WhatIf))
	maybe := make([]int, len(r.WhatIf))
	index := map[string]int{}
	for i, w := range r.WhatIf {
		months[i], in[i], maybe[i] = monthKey(w.Month), w.Counts[policy.InScope], w.Counts[policy.PossiblyInScope]
		index[months[i]] = i
	}
	var marks []marker
	if d := r.Member.EffectiveOptOut(); !d.IsZero() {
		if _, ok := index[monthKey(d)]; ok {
			marks = append(marks, marker{Month: monthKey(d), Label: t(lang, "mark_optout"), OptOut: true})
		}
	}
	if reg, ok := r.Policy.Region(r.Member.Region); ok {
		for _, w := range reg.Windows {
			if _, ok := index[monthKey(w.Start)]; ok {
				marks = append(marks, marker{Month: monthKey(w.Start), Label: t(lang, "mark_start")})
			}
		}
	}
	return chartSpec{ID: "chart-whatif", Title: t(lang, "ch_whatif"), Note: t(lang, "ch_whatif_note"), Height: 340,
		Options: linesChart(months, []namedSeries{
			{Name: t(lang, "out_in_scope"), Color: outcomeColors["in_scope"], Values: in, Step: "end"},
			{Name: t(lang, "out_possibly_in_scope"), Color: outcomeColors["possibly_in_scope"], Values: maybe, Step: "end"},
		}, marks)}
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
		Options: categoryBars(lang, cats, counts, false)}
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
	return chartSpec{ID: "chart-kinds", Title: t(lang, "ch_kinds"), Note: t(lang, "ch_kinds_note"), Height: 90 + 22*len(names), Wide: true,
		Options: categoryBars(lang, names, counts, true)}
}
