package browsertest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"exposure/analysis/analysistest"
	"exposure/internal/chromium"
	"exposure/parse"
	"exposure/parse/parsetest"
	"exposure/policy"
	"exposure/report"
)

// The browser test opens the report in headless Chromium with the network
// blocked, and checks what a reader gets: every chart drawn, no console
// error (a Content-Security-Policy violation is one), no request other than
// the page itself, no element or script injected by the export's texts, and
// the title unchanged. Without a browser it skips, except in CI (CI=true),
// where .ci/run installs Debian's chromium.

// The texts that try to break out of the page: out of a script, into a
// function revived from JSON (go-echarts' __f__ marker), into an element,
// and the two line terminators that end a JavaScript string literal.
const (
	injScript = `</script><script>window.__pwned=1</script>`
	injFunc   = `__f__function(){window.__pwned=2}__f__`
	injImg    = `<img src=x onerror="window.__pwned=3">`
	injFile   = `<img src=x onerror="window.__pwned=4">.csv`
	injLines  = "line\u2028separator\u2029paragraph"
)

var (
	browserOptOut = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	browserAsOf   = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
)

// browserPage is one report to load.
type browserPage struct {
	name, lang string
	file       string   // the report written
	wantText   []string // texts that must appear, as text, in <main>
	// layout: check the page at both widths, light and dark, with axe-core.
	layout bool
	// explorer: what the item explorer must count under each filter.
	explorer *explorerWant
}

func TestBrowserReport(t *testing.T) {
	chromium.Exe(t)
	start := time.Now()
	dir := t.TempDir()

	sample := readExport(t, "../../sample_export")
	injDir := filepath.Join(dir, "injection-export")
	wantInjected := injectionExport(t, injDir)
	injected := readExport(t, injDir)

	want := explorerCounts(sample)
	pages := []browserPage{
		{name: "en", lang: "en", file: writeReport(t, sample, dir, "report-en.html", 0, report.HTMLOptions{Lang: "en"}), layout: true, explorer: want},
		{name: "fr", lang: "fr", file: writeReport(t, sample, dir, "report-fr.html", 0, report.HTMLOptions{Lang: "fr"}), layout: true, explorer: want},
		// Every in-scope item is listed, so that the injected ones are too.
		{name: "injection", lang: "en", file: writeReport(t, injected, dir, "report-injection.html", 1<<20, report.HTMLOptions{Lang: "en"}),
			wantText: wantInjected},
	}

	browserCtx := chromium.Start(t, 9*time.Minute)

	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) { checkPageInBrowser(t, browserCtx, p) })
	}
	t.Logf("browser test took %v", time.Since(start).Round(time.Millisecond))
}

func readExport(t *testing.T, dir string) *parse.Export {
	t.Helper()
	x, err := parsetest.Read(dir)
	if err != nil {
		t.Fatalf("parsetest.Read(%s): %v", dir, err)
	}
	return x
}

// writeReport analyses x for an EU member who opted out on 2025-12-01 and
// writes the HTML report, with the real ECharts, to dir/name; listed caps
// the list of exposed items (0: the report's default).
func writeReport(t *testing.T, x *parse.Export, dir, name string, listed int, opt report.HTMLOptions) string {
	t.Helper()
	m := policy.Member{Region: "EU", RegionSource: "flag", OptOut: browserOptOut, Registered: x.Member.Registered}
	r, err := analysistest.Analyse(x, x.Items, analysistest.Case{Policy: policy.Default(), Member: m, AsOf: browserAsOf, TopN: listed})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, r, opt); err != nil {
		t.Fatalf("WriteHTML %s: %v", name, err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes (%.2f MiB)", name, buf.Len(), float64(buf.Len())/(1<<20))
	return file
}

// injectionExport copies the sample export to dir and adds texts that try
// to break out of the page: in posts and comments (dated before the
// opt-out, so in scope and listed), in skills, in an article's title and in
// the names of unknown files. Each text is tagged with where it came from,
// and the texts that must then show, as text, are returned.
func injectionExport(t *testing.T, dir string) []string {
	t.Helper()
	if err := os.CopyFS(dir, os.DirFS("../../sample_export")); err != nil {
		t.Fatalf("copying the sample export: %v", err)
	}
	payloads := []string{injScript, injFunc, injImg, injLines}
	var want []string
	tagged := func(source string) []string {
		var out []string
		for _, p := range payloads {
			out = append(out, p+" ["+source+"]")
			if p != injLines { // Snippet turns U+2028 and U+2029 into spaces
				want = append(want, p+" ["+source+"]")
			}
		}
		return out
	}
	var shares, comments, skills [][]string
	for i, text := range tagged("post") {
		shares = append(shares, []string{fmt.Sprintf("2025-11-2%d 10:00:00", i), fmt.Sprintf("https://www.linkedin.com/feed/update/urn%%3Ali%%3Ashare%%3A740000000000000000%d", i), text, "", "", "PUBLIC"})
	}
	for i, text := range tagged("comment") {
		comments = append(comments, []string{fmt.Sprintf("2025-11-1%d 10:00:00", i), fmt.Sprintf("https://www.linkedin.com/feed/update/urn%%3Ali%%3Aactivity%%3A740000000000000001%d", i), text})
	}
	for _, text := range tagged("skill") {
		skills = append(skills, []string{text})
	}
	appendCSV(t, filepath.Join(dir, "Shares_183746529.csv"), shares)
	appendCSV(t, filepath.Join(dir, "Comments_183746529.csv"), comments)
	appendCSV(t, filepath.Join(dir, "Skills.csv"), skills)
	title := injScript + " " + injImg + " [article]"
	want = append(want, title)
	writeFile(t, filepath.Join(dir, "Articles", "Articles", "injection-k0k0k.html"),
		`<html><head><title>injection</title><meta charset="UTF-8"></head><body><h1>`+html.EscapeString(title+"\u2028")+
			`</h1><p class="created">Created on 2025-11-12 10:00</p><p class="published">Published on 2025-11-12 11:00</p><div><p>Body.</p></div></body></html>`)
	// Names of unknown files; a file system that refuses such a name skips it.
	for _, name := range []string{injFile, injLines + ".csv"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("Column A,Column B\n1,2\n"), 0o644); err != nil {
			t.Logf("cannot create %q, skipped: %v", name, err)
			continue
		}
		want = append(want, name)
	}
	return want
}

func appendCSV(t *testing.T, file string, rows [][]string) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(old) > 0 && old[len(old)-1] != '\n' {
		old = append(old, '\n')
	}
	writeFile(t, file, string(old)+buf.String())
}

func writeFile(t *testing.T, file, content string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

var titleRE = regexp.MustCompile(`(?s)<title>(.*?)</title>`)

// pageFacts is what the page reports about itself once its charts are drawn.
type pageFacts struct {
	Title  string `json:"title"`
	Lang   string `json:"lang"`
	H1     string `json:"h1"`
	Pwned  string `json:"pwned"`
	Charts []struct {
		ID     string `json:"id"`
		Drawn  string `json:"drawn"`
		SVGs   int    `json:"svgs"`
		Shapes int    `json:"shapes"`
	} `json:"charts"`
	Scripts []struct {
		Type string `json:"type"`
		ID   string `json:"id"`
		Src  string `json:"src"`
		Len  int    `json:"len"`
	} `json:"scripts"`
	Imgs       int      `json:"imgs"`
	Embeds     int      `json:"embeds"`
	WithSrc    int      `json:"withSrc"`
	Handlers   []string `json:"handlers"`
	MainText   string   `json:"mainText"`
	Navigation struct {
		ResponseEnd      float64 `json:"responseEnd"`
		DOMInteractive   float64 `json:"domInteractive"`
		DOMContentLoaded float64 `json:"domContentLoaded"`
		LoadEventEnd     float64 `json:"loadEventEnd"`
	} `json:"navigation"`
	Now float64 `json:"now"`
}

const factsJS = `(() => {
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const handlers = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith("on")) handlers.push(el.tagName + " " + a.name);
    }
  }
  const main = document.querySelector("main");
  return {
    title: document.title,
    lang: document.documentElement.lang,
    h1: (document.getElementById("title") || {}).textContent || "",
    pwned: typeof window.__pwned === "undefined" ? "" : String(window.__pwned),
    charts: [...document.querySelectorAll("div.chart")].map(d => ({
      id: d.id, drawn: d.getAttribute("data-drawn") || "",
      svgs: d.querySelectorAll("svg").length,
      shapes: d.querySelectorAll("svg path, svg rect").length,
    })),
    scripts: [...document.scripts].map(s => ({type: s.type, id: s.id, src: s.getAttribute("src") || "", len: s.textContent.length})),
    imgs: document.querySelectorAll("img, image").length,
    embeds: document.querySelectorAll("iframe, frame, object, embed, link, base, form, meta[http-equiv=refresh]").length,
    withSrc: document.querySelectorAll("[src], [srcset], [srcdoc]").length,
    handlers: handlers,
    mainText: main ? main.textContent : "",
    navigation: {responseEnd: nav.responseEnd || 0, domInteractive: nav.domInteractive || 0,
      domContentLoaded: nav.domContentLoadedEventEnd || 0, loadEventEnd: nav.loadEventEnd || 0},
    now: performance.now(),
  };
})()`

const allDrawnJS = `(() => {
  const c = document.querySelectorAll("div.chart");
  return document.readyState === "complete" && c.length > 0 &&
    [...c].every(d => d.getAttribute("data-drawn") === "true");
})()`

// checkPageInBrowser loads one report in a new tab of the browser, with the
// network off and every request but the page's own failed, and checks it.
func checkPageInBrowser(t *testing.T, browserCtx context.Context, p browserPage) {
	src, err := os.ReadFile(p.file)
	if err != nil {
		t.Fatal(err)
	}
	m := titleRE.FindSubmatch(src)
	if m == nil {
		t.Fatal("the report has no <title>")
	}
	wantTitle := html.UnescapeString(string(m[1]))
	pageURL := (&url.URL{Scheme: "file", Path: p.file}).String()

	tabCtx, cancel := chromedp.NewContext(browserCtx)
	defer cancel()
	if err := chromedp.Do(tabCtx); err != nil { // opens the tab
		t.Fatal(err)
	}

	var mu sync.Mutex
	var problems, requests, blocked []string
	note := func(list *[]string, format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		*list = append(*list, fmt.Sprintf(format, args...))
	}
	err = chromedp.Listen(tabCtx, func(ev any) {
		if problem, ok := chromium.PageProblem(ev, true); ok {
			note(&problems, "%s", problem)
		}
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if ev.Request.URL != pageURL {
				note(&requests, "%s %s", ev.Type, ev.Request.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}

	// Every request pauses; the page's own continues, any other fails and
	// is recorded.
	paused := chromedp.Events(tabCtx, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			if ev.Request.URL == pageURL {
				_, _ = chromedp.Call(tabCtx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			note(&blocked, "%s %s", ev.ResourceType, ev.Request.URL)
			_, _ = chromedp.Call(tabCtx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	if _, err := chromedp.Call(tabCtx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatalf("Fetch.enable: %v", err)
	}
	if err := chromium.GoOffline(tabCtx); err != nil {
		t.Fatalf("Network.emulateNetworkConditionsByRule: %v", err)
	}
	if _, err := chromedp.Call(tabCtx, network.OverrideNetworkState,
		network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("Network.overrideNetworkState: %v", err)
	}

	if _, err := chromedp.Call(tabCtx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Fatalf("Performance.enable: %v", err)
	}

	navStart := time.Now()
	if err := chromedp.Do(tabCtx, chromedp.Navigate(pageURL)); err != nil {
		t.Fatalf("navigating to %s: %v", pageURL, err)
	}
	if _, err := chromedp.Run(tabCtx, chromedp.Poll[bool](allDrawnJS, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("waiting for every chart to be drawn: %v", err)
	}
	wall := time.Since(navStart)
	if len(p.wantText) > 0 { // every row of the explorer, for the texts to show
		if _, err := chromedp.Run(tabCtx, chromedp.Evaluate[bool](`(function () { var s = document.getElementById("x-size");
  s.value = "all"; s.dispatchEvent(new Event("change")); return true; })()`)); err != nil {
			t.Fatalf("listing every item: %v", err)
		}
	}
	f, err := chromedp.Run(tabCtx, chromedp.Evaluate[pageFacts](factsJS))
	if err != nil {
		t.Fatalf("reading the page: %v", err)
	}
	// Let late errors (a failed request, a deferred exception) arrive.
	if err := chromedp.Do(tabCtx, chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes; load %v (Go, navigation start to every chart drawn); in page: response end %.0f ms, DOM interactive %.0f ms, DOMContentLoaded end %.0f ms, load end %.0f ms",
		filepath.Base(p.file), len(src), wall.Round(time.Millisecond),
		f.Navigation.ResponseEnd, f.Navigation.DOMInteractive, f.Navigation.DOMContentLoaded, f.Navigation.LoadEventEnd)
	if pm, err := chromedp.Call(tabCtx, performance.GetMetrics, cdp.Empty{}); err == nil {
		v := map[string]float64{}
		for _, m := range pm.Metrics {
			v[m.Name] = m.Value
		}
		t.Logf("%s: browser time: script %.0f ms, style %.0f ms, layout %.0f ms, all tasks %.0f ms; %d DOM nodes; JS heap %.1f MiB",
			filepath.Base(p.file), 1000*v["ScriptDuration"], 1000*v["RecalcStyleDuration"], 1000*v["LayoutDuration"], 1000*v["TaskDuration"],
			int(v["Nodes"]), v["JSHeapUsedSize"]/(1<<20))
	}

	mu.Lock()
	defer mu.Unlock()
	for _, s := range problems {
		t.Errorf("page error: %s", s)
	}
	for _, s := range blocked {
		t.Errorf("request attempted (blocked): %s", s)
	}
	for _, s := range requests {
		t.Errorf("request sent: %s", s)
	}

	if f.Title != wantTitle || wantTitle == "" {
		t.Errorf("document.title = %q, want %q (the page's <title>)", f.Title, wantTitle)
	}
	if f.H1 != wantTitle {
		t.Errorf("h1#title = %q, want %q", f.H1, wantTitle)
	}
	if f.Pwned != "" {
		t.Errorf("window.__pwned = %s: text from the export ran as code", f.Pwned)
	}
	if len(f.Charts) != 5 {
		t.Errorf("%d div.chart, want 5", len(f.Charts))
	}
	for _, c := range f.Charts {
		if c.Drawn != "true" || c.SVGs == 0 || c.Shapes <= 10 {
			t.Errorf("chart %s: data-drawn=%q, %d svg, %d path/rect; want drawn, an svg, more than 10 shapes", c.ID, c.Drawn, c.SVGs, c.Shapes)
		}
	}
	if len(f.Scripts) != 4 ||
		f.Scripts[0].Type != "application/json" || f.Scripts[0].ID != "exposure-charts" ||
		f.Scripts[1].Type != "application/json" || f.Scripts[1].ID != "exposure-items" ||
		f.Scripts[2].Type != "" || f.Scripts[2].Len < 100_000 ||
		f.Scripts[3].Type != "" || f.Scripts[3].Len > 20_000 {
		t.Errorf("scripts in the DOM: %+v; want the two JSON blocks, ECharts and the page's script", f.Scripts)
	}
	for _, s := range f.Scripts {
		if s.Src != "" {
			t.Errorf("a script with src %q", s.Src)
		}
	}
	if f.Imgs != 0 || f.Embeds != 0 || f.WithSrc != 0 {
		t.Errorf("injected elements: %d img/image, %d iframe/object/embed/link/base/form/refresh, %d with src", f.Imgs, f.Embeds, f.WithSrc)
	}
	if len(f.Handlers) != 0 {
		t.Errorf("event-handler attributes in the DOM: %v", f.Handlers)
	}
	for _, want := range p.wantText {
		if !strings.Contains(f.MainText, want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
	if len(p.wantText) > 0 {
		t.Logf("%d injected texts shown as text: %q", len(p.wantText), p.wantText)
	}
	if f.Lang != p.lang {
		t.Errorf("<html lang=%q>, want %q", f.Lang, p.lang)
	}
	if p.explorer != nil {
		checkExplorer(t, tabCtx, p.explorer)
	}
	if p.layout {
		checkLayout(t, tabCtx, p)
	}
}
