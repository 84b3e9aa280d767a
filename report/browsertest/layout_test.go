package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"exposure/parse"
	"exposure/policy"
)

// axeJS is axe-core (npm axe-core, MPL-2.0; testdata/axe holds its
// licence and refresh.sh), run in the page by the test only: the report
// never holds it.
//
//go:embed testdata/axe/axe.min.js
var axeJS string

// explorerWant is what the explorer must count on the sample, computed
// here from the items and their classification.
type explorerWant struct {
	all, posts, inScope, rgpd, year2025, content, postLinks int
}

// explorerCounts classifies the sample as writeReport does and counts the
// exposed items per filter the test sets.
func explorerCounts(x *parse.Export) *explorerWant {
	p := policy.Default()
	m := policy.Member{Region: "EU", RegionSource: "flag", OptOut: browserOptOut, Registered: x.Member.Registered}
	w := &explorerWant{}
	for i := range x.Items {
		it := &x.Items[i]
		c := p.Classify(policy.Subject{Kind: string(it.Kind), Date: it.Date, LowerBound: it.Basis == parse.DateLowerBound, Visibility: it.Visibility}, m, browserAsOf)
		if !c.Outcome.Exposed() {
			continue
		}
		w.all++
		if c.Outcome == policy.InScope {
			w.inScope++
		}
		if strings.Contains(strings.ToLower(it.Text), "rgpd") {
			w.rgpd++
		}
		if !it.Date.IsZero() && it.Date.Year() == 2025 {
			w.year2025++
		}
		switch it.Kind {
		case parse.KindPost:
			w.posts++
			if it.URL != "" {
				w.postLinks++
			}
			w.content++
		case parse.KindComment, parse.KindArticle:
			w.content++
		}
	}
	return w
}

// explorerState is what the explorer shows after a filter.
type explorerState struct {
	Count     int      `json:"count"`
	Rows      int      `json:"rows"`
	Links     int      `json:"links"`
	Posts     int      `json:"posts"`
	PostLinks int      `json:"postLinks"`
	BadLinks  []string `json:"badLinks"`
}

// filterJS sets the explorer's controls (by element id) and reads what it
// shows.
const filterJS = `(function (set) {
  var ids = ["x-q", "x-kind", "x-outcome", "x-reason", "x-year", "x-sort", "x-size"];
  document.getElementById("x-reset").click();
  ids.forEach(function (id) {
    if (!(id in set)) { return; }
    var el = document.getElementById(id);
    if (id === "x-kind") {
      var opt = [].slice.call(el.options).filter(function (o) { return o.textContent === set[id]; })[0];
      el.value = opt ? opt.value : "nothing";
    } else {
      el.value = set[id];
    }
    el.dispatchEvent(new Event(id === "x-q" ? "input" : "change"));
  });
  var root = document.getElementById("explorer");
  var rows = [].slice.call(document.querySelectorAll("#x-rows tr"));
  var links = [].slice.call(document.querySelectorAll("#x-rows a"));
  var posts = rows.filter(function (r) { return r.querySelector(".kind").textContent === set.post; });
  return {
    count: Number(root.getAttribute("data-count")), rows: rows.length, links: links.length,
    posts: posts.length, postLinks: posts.filter(function (r) { return r.querySelector("a.open"); }).length,
    badLinks: links.map(function (a) { return a.href; }).filter(function (h) { return h.indexOf("https://www.linkedin.com/") !== 0; })
  };
})(%s)`

// checkExplorer filters the explorer as a reader would and checks its
// counts against the sample's items.
func checkExplorer(t *testing.T, ctx context.Context, w *explorerWant) {
	t.Helper()
	lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	postsName, onePost := "posts", "post"
	if lang == "fr" {
		postsName, onePost = "publications", "publication"
	}
	for _, c := range []struct {
		name string
		set  map[string]string
		want int
	}{
		{"everything", map[string]string{}, w.all},
		{"posts", map[string]string{"x-kind": postsName, "x-size": "all"}, w.posts},
		{"in scope", map[string]string{"x-outcome": "0"}, w.inScope},
		{"search rgpd", map[string]string{"x-q": "RGPD"}, w.rgpd},
		{"year 2025", map[string]string{"x-year": "2025"}, w.year2025},
	} {
		c.set["post"] = onePost
		arg, _ := json.Marshal(c.set)
		st, err := chromedp.Run(ctx, chromedp.Evaluate[explorerState](fmt.Sprintf(filterJS, arg)))
		if err != nil {
			t.Fatalf("explorer, %s: %v", c.name, err)
		}
		t.Logf("explorer %s, %s: %d items (%d rows shown, %d links)", lang, c.name, st.Count, st.Rows, st.Links)
		if st.Count != c.want || c.want == 0 {
			t.Errorf("explorer %s, %s: %d items, want %d (not 0)", lang, c.name, st.Count, c.want)
		}
		if len(st.BadLinks) > 0 {
			t.Errorf("explorer %s, %s: links to other sites: %q", lang, c.name, st.BadLinks)
		}
		if c.name == "posts" {
			if st.Rows != w.posts || st.Posts != w.posts || st.PostLinks != w.postLinks {
				t.Errorf("explorer %s, every post: %d rows, %d posts, %d with a link; want %d posts, %d with a link (every post the export links)",
					lang, st.Rows, st.Posts, st.PostLinks, w.posts, w.postLinks)
			}
		}
	}
	// The deletion step's link lists the posts, comments and articles.
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(function () {
  document.getElementById("x-reset").click();
  location.hash = "#explore-content";
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  return Number(document.getElementById("explorer").getAttribute("data-count"));
})()`))
	if err != nil || n != w.content {
		t.Errorf("explorer %s, #explore-content: %d items (%v), want %d posts, comments and articles", lang, n, err, w.content)
	}
	chromedp.Run(ctx, chromedp.Evaluate[any](`document.getElementById("x-reset").click(); var s = document.getElementById("x-size"); s.value = "25";
s.dispatchEvent(new Event("change")); history.replaceState(null, "", location.pathname); window.scrollTo(0, 0)`))
}

// layoutJS lists the elements that reach out of the viewport, and the
// charts' widths against their boxes.
const layoutJS = `(function () {
  var vw = document.documentElement.clientWidth;
  var wide = [];
  [].slice.call(document.querySelectorAll("body *")).forEach(function (el) {
    if (el.closest(".sr, .skip, .chart")) { return; }
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) { return; }
    if (r.right > vw + 1 || r.left < -1) {
      wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + " " + Math.round(r.left) + "–" + Math.round(r.right));
    }
  });
  var charts = [].slice.call(document.querySelectorAll("div.chart")).map(function (c) {
    var svg = c.querySelector("svg");
    return { id: c.id, box: Math.round(c.getBoundingClientRect().width), svg: svg ? Math.round(svg.getBoundingClientRect().width) : -1 };
  });
  return { viewport: vw, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 20), nWide: wide.length, charts: charts };
})()`

type layoutFacts struct {
	Viewport    int      `json:"viewport"`
	ScrollWidth int      `json:"scrollWidth"`
	Wide        []string `json:"wide"`
	NWide       int      `json:"nWide"`
	Charts      []struct {
		ID  string `json:"id"`
		Box int    `json:"box"`
		SVG int    `json:"svg"`
	} `json:"charts"`
}

// axeResult is the part of axe-core's results the test reads.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

const axeRunJS = `axe.run({exclude: [[".chart svg"]]}, {resultTypes: ["violations"], runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
  .then(function (r) { return {violations: r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(function (n) { return {target: n.target, html: n.html.slice(0, 200)}; })}; })}; })`

// checkLayout looks at the page at 1280 and 390 pixels, in light and dark
// mode: no element wider than the viewport, the charts redrawn to their
// new width after each change, and axe-core finds nothing serious or
// critical.
func checkLayout(t *testing.T, ctx context.Context, p browserPage) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeJS+";true")); err != nil {
		t.Fatalf("loading axe-core: %v", err)
	}
	for i, width := range []int{1280, 390, 1280} {
		if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: int64(width), Height: 900, DeviceScaleFactor: 1, Mobile: width < 500}); err != nil {
			t.Fatalf("setting the viewport to %d px: %v", width, err)
		}
		// The charts follow the new width.
		resized := fmt.Sprintf(`[].slice.call(document.querySelectorAll("div.chart")).every(function (c) {
  var svg = c.querySelector("svg"), w = c.getBoundingClientRect().width;
  return svg && w <= %d && Math.abs(svg.getBoundingClientRect().width - w) < 2; })`, width)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](resized, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			f, _ := chromedp.Run(ctx, chromedp.Evaluate[layoutFacts](layoutJS))
			t.Errorf("%s at %d px: the charts were not redrawn to the new width: %+v", p.name, width, f.Charts)
		}
		if i == 2 {
			break // back at 1280 px: the charts grew again; the rest was checked
		}
		for _, scheme := range []string{"light", "dark"} {
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
				t.Fatal(err)
			}
			chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond))
			f, err := chromedp.Run(ctx, chromedp.Evaluate[layoutFacts](layoutJS))
			if err != nil {
				t.Fatal(err)
			}
			if f.ScrollWidth > f.Viewport || f.NWide > 0 {
				t.Errorf("%s at %d px, %s: the page is %d px wide in a %d px viewport; %d elements reach out of it: %q",
					p.name, width, scheme, f.ScrollWidth, f.Viewport, f.NWide, f.Wide)
			}
			start := time.Now()
			res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("axe-core at %d px, %s: %v", width, scheme, err)
			}
			impacts := map[string]int{}
			for _, v := range res.Violations {
				impacts[v.Impact] += len(v.Nodes)
				if v.Impact == "serious" || v.Impact == "critical" {
					t.Errorf("%s at %d px, %s: axe %s violation %s (%s): %+v", p.name, width, scheme, v.Impact, v.ID, v.Help, v.Nodes)
				} else {
					t.Logf("%s at %d px, %s: axe %s: %s (%s)", p.name, width, scheme, v.Impact, v.ID, v.Help)
				}
			}
			t.Logf("axe %s at %d px, %s (%v): violations: critical %d, serious %d, moderate %d, minor %d",
				p.name, width, scheme, time.Since(start).Round(time.Millisecond), impacts["critical"], impacts["serious"], impacts["moderate"], impacts["minor"])
		}
	}
}
