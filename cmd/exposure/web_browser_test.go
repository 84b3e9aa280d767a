package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"exposure/analysis/analysistest"
	"exposure/internal/chromium"
	"exposure/internal/synth"
	"exposure/web"
)

// The web page's test: `exposure serve` serves it, headless Chromium loads
// it, the sample archive is given to its file input, and what the page
// shows and offers for download is compared byte for byte with what the
// command line writes for the same archive, flags and as-of day. Without
// a browser it skips, except in CI (CI=true), where .ci/run installs
// Debian's chromium.

// builtEngine builds the page's engine once per test binary, into a
// temporary folder shared by the tests that need it.
var builtEngine = sync.OnceValues(func() (*engineFiles, error) {
	dir, err := os.MkdirTemp("", "exposure-wasm-")
	if err != nil {
		return nil, err
	}
	start := time.Now()
	wasm, wasmExec, err := web.Build(context.Background(), filepath.Join("..", ".."), dir)
	if err != nil {
		return nil, err
	}
	return &engineFiles{dir: dir, wasm: wasm, wasmExec: wasmExec, took: time.Since(start)}, nil
})

type engineFiles struct {
	dir            string
	wasm, wasmExec []byte
	took           time.Duration
}

func realEngine(t *testing.T) func(context.Context, func(string, ...any)) ([]byte, []byte, error) {
	t.Helper()
	e, err := builtEngine()
	if err != nil {
		t.Fatalf("building the engine: %v", err)
	}
	t.Logf("engine: %d bytes (built in %v)", len(e.wasm), e.took.Round(time.Millisecond))
	return func(context.Context, func(string, ...any)) ([]byte, []byte, error) { return e.wasm, e.wasmExec, nil }
}

// zipSample zips the sample export into dir under LinkedIn's name.
func zipSample(t *testing.T, dir string) string {
	t.Helper()
	name := filepath.Join(dir, "Complete_LinkedInDataExport_11-20-2026.zip")
	if err := os.WriteFile(name, analysistest.ZipFolder(t, sample), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// tab is one page of the browser, watched: console errors, exceptions and
// every request the page makes.
type tab struct {
	ctx     context.Context
	origin  string
	mu      sync.Mutex
	offline bool     // fail every request, the page's own included
	errors  []string // console errors, exceptions, log errors
	foreign []string // requests outside the page's origin
	later   []string // requests made once the network was cut
	own     int      // requests to the page's origin
	dl      chan string
}

func (tb *tab) note(list *[]string, format string, args ...any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	*list = append(*list, fmt.Sprintf(format, args...))
}

// newBrowser starts headless Chromium with a window of that size.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	return chromium.Start(t, 6*time.Minute, chromedp.WindowSize(width, height))
}

// openTab opens a tab that lets requests to origin through (until cut)
// and fails, and records, every other; downloads go to dir.
func openTab(t *testing.T, bctx context.Context, origin, downloads string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	tb := &tab{ctx: ctx, origin: origin, dl: make(chan string, 4)}
	err := chromedp.Listen(ctx, func(ev any) {
		if problem, ok := chromium.PageProblem(ev, false); ok {
			tb.note(&tb.errors, "%s", problem)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			u := ev.Request.URL
			tb.mu.Lock()
			mine := u == origin || strings.HasPrefix(u, origin+"/")
			cut := tb.offline
			if mine && !cut {
				tb.own++
			}
			tb.mu.Unlock()
			switch {
			case !mine:
				tb.note(&tb.foreign, "%s %s", ev.ResourceType, u)
			case cut:
				tb.note(&tb.later, "%s %s", ev.ResourceType, u)
			default:
				_, _ = chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
				continue
			}
			_, _ = chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatalf("Fetch.enable: %v", err)
	}
	if downloads != "" {
		progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
		go func() {
			for ev, err := range progress {
				if err != nil {
					return
				}
				if ev.State == browser.DownloadProgressStateCompleted {
					tb.dl <- ev.GUID
				}
			}
		}()
		yes := true
		if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &yes}); err != nil {
			t.Fatalf("Browser.setDownloadBehavior: %v", err)
		}
	}
	return tb
}

// cut takes the network away: every request now fails, the page's own too.
func (tb *tab) cut(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	tb.offline = true
	tb.mu.Unlock()
	if err := chromium.GoOffline(tb.ctx); err != nil {
		t.Logf("Network.emulateNetworkConditionsByRule: %v (every request is failed all the same)", err)
	}
	if _, err := chromedp.Call(tb.ctx, network.OverrideNetworkState,
		network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Errorf("Network.overrideNetworkState: %v", err)
	}
}

// eval evaluates js in the page.
func eval[T any](t *testing.T, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitState waits for the page's body[data-state] to be one of want.
func (tb *tab) waitState(t *testing.T, timeout time.Duration, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var s string
	for time.Now().Before(deadline) {
		s = eval[string](t, tb, `document.body.getAttribute("data-state")`)
		for _, w := range want {
			if s == w {
				return s
			}
		}
		if s == "error" {
			t.Fatalf("the page is in error: %s", eval[string](t, tb, `document.getElementById("error").textContent`))
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the page is %q after %v, want %q; it says %q", s, timeout, want, eval[string](t, tb, `document.getElementById("error").textContent`))
	return ""
}

// status is what the page exposes of its runs.
type status struct {
	Reads, Replays int
	Summary        map[string]any
}

func (tb *tab) status(t *testing.T) status {
	t.Helper()
	raw := eval[map[string]string](t, tb, `(() => { const s = document.getElementById("status");
		return {reads: s.dataset.reads, replays: s.dataset.replays, summary: s.dataset.summary}; })()`)
	var s status
	s.Reads, _ = strconv.Atoi(raw["reads"])
	s.Replays, _ = strconv.Atoi(raw["replays"])
	if raw["summary"] != "" {
		if err := json.Unmarshal([]byte(raw["summary"]), &s.Summary); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// click clicks the element of that id.
func (tb *tab) click(t *testing.T, id string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.ID(id))); err != nil {
		t.Fatalf("clicking #%s: %v", id, err)
	}
}

// upload gives files to the file input of that id.
func (tb *tab) upload(t *testing.T, id string, files ...string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.ID(id), files)); err != nil {
		t.Fatalf("setting the files of #%s: %v", id, err)
	}
}

// drop drops files or folders on the middle of the page, as a member
// dragging them from their file manager.
func (tb *tab) drop(t *testing.T, paths ...string) {
	t.Helper()
	abs := make([]string, len(paths))
	for i, p := range paths {
		abs[i], _ = filepath.Abs(p)
	}
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: abs, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		if _, err := chromedp.Call(tb.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: 600, Y: 300, Data: data}); err != nil {
			t.Fatalf("Input.dispatchDragEvent %s: %v", typ, err)
		}
	}
}

// download clicks a download button and returns the file it saved.
func (tb *tab) download(t *testing.T, dir, button string) []byte {
	t.Helper()
	tb.click(t, button)
	select {
	case guid := <-tb.dl:
		data, err := os.ReadFile(filepath.Join(dir, guid))
		if err != nil {
			t.Fatal(err)
		}
		return data
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s: no download", button)
	}
	return nil
}

// setFacts sets the page's fields and lets it know, as a member would.
func (tb *tab) setFacts(t *testing.T, values map[string]string) {
	t.Helper()
	data, _ := json.Marshal(values)
	eval[bool](t, tb, `(() => { const v = `+string(data)+`; for (const k in v) { const el = document.getElementById(k);
		el.value = v[k]; el.dispatchEvent(new Event("change", {bubbles: true})); } return true; })()`)
}

// frameEval evaluates js in the report's frame. It is sandboxed: the
// page's own scripts cannot reach into it, and the browser runs it in a
// process of its own (an "iframe" target), which the test attaches to.
func frameEval[T any](tb *tab, js string) (T, error) {
	var v T
	tree, err := chromedp.Call(tb.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return v, err
	}
	if n := len(tree.FrameTree.ChildFrames); n == 1 { // in the page's process
		world, err := chromedp.Call(tb.ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID})
		if err != nil {
			return v, err
		}
		return evalIn[T](tb.ctx, js, world.ExecutionContextID)
	}
	targets, err := chromedp.CallBrowser(tb.ctx, target.GetTargets, target.GetTargetsParams{})
	if err != nil {
		return v, err
	}
	var frames []*target.Info
	for _, ti := range targets.TargetInfos {
		if ti.Type == "iframe" && ti.URL == "about:srcdoc" {
			frames = append(frames, ti)
		}
	}
	if len(frames) != 1 {
		return v, fmt.Errorf("%d report frames, want 1", len(frames))
	}
	fctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(frames[0].TargetID), chromedp.WithDetachOnCancel())
	defer cancel()
	return evalIn[T](fctx, js, 0)
}

func evalIn[T any](ctx context.Context, js string, world runtime.ExecutionContextID) (T, error) {
	var v T
	yes := true
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: world, ReturnByValue: &yes})
	if err != nil {
		return v, err
	}
	if res.ExceptionDetails != nil {
		return v, fmt.Errorf("%s", res.ExceptionDetails.Text)
	}
	return v, json.Unmarshal(res.Result.Value, &v)
}

// cliOutputs runs the command line on the archive, from its folder (so
// that the sources are named alike), and returns its JSON, CSV and report.
func cliOutputs(t *testing.T, dir, archive string, args ...string) (js, csv, html []byte) {
	t.Helper()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	out := t.TempDir()
	code, _, errs := runCmd(t, append([]string{"report", filepath.Base(archive), "--json", filepath.Join(out, "r.json"),
		"--csv", filepath.Join(out, "r.csv"), "-o", filepath.Join(out, "r.html")}, args...)...)
	if code != exitOK {
		t.Fatalf("exposure report: exit %d: %s", code, errs)
	}
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	return read("r.json"), read("r.csv"), read("r.html")
}

// writeSynthZip writes an invented export of that scale (internal/synth).
func writeSynthZip(name string, scale float64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	opt := synth.SampleOptions()
	opt.Scale = scale
	if err := synth.Write(synth.ZipFS(zw), opt); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func totalsOf(t *testing.T, js []byte) map[string]any {
	t.Helper()
	var doc struct{ Totals map[string]any }
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Totals
}

func same(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

const chartsDrawnJS = `(() => { const c = document.querySelectorAll("div.chart");
	return document.readyState === "complete" && c.length > 0 && [...c].every(d => d.getAttribute("data-drawn") === "true"); })()`

func TestWebPage(t *testing.T) {
	chromium.Exe(t)
	eng := realEngine(t)
	dir := t.TempDir()
	archive := zipSample(t, dir)
	downloads := filepath.Join(dir, "downloads")
	if err := os.MkdirAll(downloads, 0o755); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, eng)
	origin := strings.TrimSuffix(s.url, "/")
	bctx := newBrowser(t, 1280, 900)
	tb := openTab(t, bctx, origin, downloads)

	const asOf = "2026-11-23"
	start := time.Now()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(s.url+"#as-of="+asOf+"&lang=en")); err != nil {
		t.Fatal(err)
	}
	tb.waitState(t, time.Minute, "ready")
	t.Logf("first load: %v to the engine ready (%d requests to the page's origin; in the worker, ms: %s)", time.Since(start).Round(time.Millisecond), tb.own,
		eval[string](t, tb, `document.body.dataset.timings`))
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && eval[string](t, tb, `document.body.dataset.warm || ""`) != "done"; {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("engine warmed up %v after the navigation (in the worker, ms: %s)", time.Since(start).Round(time.Millisecond), eval[string](t, tb, `document.body.dataset.timings`))

	// From here on the network is gone: the page must not need it.
	tb.cut(t)

	start = time.Now()
	tb.upload(t, "archives", archive)
	tb.waitState(t, time.Minute, "done")
	st := tb.status(t)
	t.Logf("the sample analysed in the browser in %v (in the page, ms: %s)", time.Since(start).Round(time.Millisecond), eval[string](t, tb, `document.getElementById("status").dataset.times`))

	wantJS, wantCSV, wantHTML := cliOutputs(t, dir, archive, "--as-of", asOf, "--lang", "en")
	if st.Reads != 1 || st.Replays != 0 {
		t.Errorf("after the first analysis: %d reads, %d replays; want 1, 0", st.Reads, st.Replays)
	}
	if st.Summary["region"] != "EU" || st.Summary["region_source"] != "profile" || st.Summary["as_of"] != asOf {
		t.Errorf("summary %v: want EU from the profile, as of %s", st.Summary, asOf)
	}
	want := totalsOf(t, wantJS)
	if !same(st.Summary["by_outcome"], want["by_outcome"]) || !same(st.Summary["items"], want["items"]) {
		t.Errorf("the page's totals %v (%v items), the command line's %v (%v items)", st.Summary["by_outcome"], st.Summary["items"], want["by_outcome"], want["items"])
	}
	shown := eval[string](t, tb, `document.getElementById("frame").srcdoc`)
	if shown != string(wantHTML) {
		t.Errorf("the report shown (%d bytes) is not the command line's (%d bytes)", len(shown), len(wantHTML))
	}
	var drawn bool
	for deadline := time.Now().Add(30 * time.Second); !drawn && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var err error
		if drawn, err = frameEval[bool](tb, chartsDrawnJS); err != nil {
			t.Logf("reading the report's frame: %v", err)
		}
	}
	if !drawn {
		t.Error("the report's charts were not drawn in its frame")
	}
	if got := tb.download(t, downloads, "dl-json"); !bytes.Equal(got, wantJS) {
		t.Errorf("the JSON downloaded (%d bytes) is not the command line's (%d bytes)", len(got), len(wantJS))
	}
	if got := tb.download(t, downloads, "dl-csv"); !bytes.Equal(got, wantCSV) {
		t.Errorf("the CSV downloaded (%d bytes) is not the command line's (%d bytes)", len(got), len(wantCSV))
	}
	if got := tb.download(t, downloads, "dl-html"); !bytes.Equal(got, wantHTML) {
		t.Errorf("the report downloaded (%d bytes) is not the command line's (%d bytes)", len(got), len(wantHTML))
	}

	// Another opt-out date: the items are classified again from memory.
	start = time.Now()
	before := tb.status(t).Replays
	tb.setFacts(t, map[string]string{"opt_out": "2025-12-01"})
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && tb.status(t).Replays == before; {
		time.Sleep(20 * time.Millisecond)
	}
	tb.waitState(t, time.Minute, "done")
	t.Logf("re-classified with an opt-out in %v (in the page, ms: %s)", time.Since(start).Round(time.Millisecond), eval[string](t, tb, `document.getElementById("status").dataset.times`))
	st = tb.status(t)
	wantJS, _, wantHTML = cliOutputs(t, dir, archive, "--as-of", asOf, "--lang", "en", "--opt-out", "2025-12-01")
	if st.Reads != 1 {
		t.Errorf("changing the opt-out date read the archive again: %d reads", st.Reads)
	}
	if want := totalsOf(t, wantJS); !same(st.Summary["by_outcome"], want["by_outcome"]) {
		t.Errorf("with an opt-out: the page's totals %v, the command line's %v", st.Summary["by_outcome"], want["by_outcome"])
	}
	shown = eval[string](t, tb, `document.getElementById("frame").srcdoc`)
	if shown != string(wantHTML) {
		t.Error("with an opt-out: the report shown is not the command line's")
	}
	savedJSON := tb.download(t, downloads, "dl-json")
	if !bytes.Equal(savedJSON, wantJS) {
		t.Errorf("with an opt-out: the JSON downloaded (%d bytes) is not the command line's (%d bytes)", len(savedJSON), len(wantJS))
	}

	// In French.
	before = tb.status(t).Replays
	tb.setFacts(t, map[string]string{"lang": "fr"})
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && tb.status(t).Replays == before; {
		time.Sleep(20 * time.Millisecond)
	}
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		shown = eval[string](t, tb, `document.getElementById("frame").srcdoc.slice(0, 40)`)
		if strings.Contains(shown, `lang="fr"`) {
			break
		}
	}
	tb.waitState(t, time.Minute, "done")
	_, _, wantHTML = cliOutputs(t, dir, archive, "--as-of", asOf, "--lang", "fr", "--opt-out", "2025-12-01")
	shown = eval[string](t, tb, `document.getElementById("frame").srcdoc`)
	if shown != string(wantHTML) {
		t.Error("in French: the report shown is not the command line's")
	}
	lang := eval[string](t, tb, `document.documentElement.lang + " " + document.getElementById("pick-title").textContent`)
	if !strings.HasPrefix(lang, "fr ") || !strings.Contains(lang, "Votre archive") {
		t.Errorf("the page in French: %q", lang)
	}
	if st = tb.status(t); st.Reads != 1 {
		t.Errorf("changing the language read the archive again: %d reads", st.Reads)
	}

	// Compared with a saved result: the comparison is the command line's.
	savedPath := filepath.Join(dir, "result.json")
	if err := os.WriteFile(savedPath, savedJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	before = tb.status(t).Replays
	tb.setFacts(t, map[string]string{"lang": "en", "opt_out": ""})
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && tb.status(t).Replays == before; {
		time.Sleep(20 * time.Millisecond)
	}
	tb.waitState(t, time.Minute, "done")
	tb.upload(t, "old", savedPath)
	var diffShown bool
	for deadline := time.Now().Add(time.Minute); !diffShown && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		diffShown = eval[bool](t, tb, `!document.getElementById("views").hidden && document.body.dataset.state === "done"`)
	}
	if !diffShown {
		t.Fatal("no comparison shown")
	}
	wd, _ := os.Getwd()
	os.Chdir(dir)
	code, _, errs := runCmd(t, "diff", "result.json", filepath.Base(archive), "--as-of", asOf, "--lang", "en", "-o", filepath.Join(dir, "diff.html"), "--json", filepath.Join(dir, "diff.json"))
	os.Chdir(wd)
	if code != exitOK {
		t.Fatalf("exposure diff: exit %d: %s", code, errs)
	}
	wantDiffHTML, _ := os.ReadFile(filepath.Join(dir, "diff.html"))
	wantDiffJSON, _ := os.ReadFile(filepath.Join(dir, "diff.json"))
	shown = eval[string](t, tb, `document.getElementById("frame").srcdoc`)
	if shown != string(wantDiffHTML) {
		t.Errorf("the comparison shown (%d bytes) is not the command line's (%d bytes)", len(shown), len(wantDiffHTML))
	}
	if got := tb.download(t, downloads, "dl-diff-json"); !bytes.Equal(got, wantDiffJSON) {
		t.Errorf("the comparison's JSON (%d bytes) is not the command line's (%d bytes)", len(got), len(wantDiffJSON))
	}
	if st = tb.status(t); st.Reads != 1 {
		t.Errorf("comparing read the archive again: %d reads", st.Reads)
	}

	// A folder dropped on the page is read as the archive is.
	sessions := eval[string](t, tb, `document.getElementById("status").dataset.sessions`)
	tb.drop(t, sample)
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && eval[string](t, tb, `document.getElementById("status").dataset.sessions`) == sessions; {
		time.Sleep(20 * time.Millisecond)
	}
	tb.waitState(t, time.Minute, "done")
	if st = tb.status(t); st.Summary["items"] != totalsOf(t, wantJS)["items"] || st.Reads != 1 || st.Replays != 0 {
		t.Errorf("the sample folder: %v items, %d reads, %d replays; want %v items read once", st.Summary["items"], st.Reads, st.Replays, totalsOf(t, wantJS)["items"])
	}

	// Cancel stops a long read; the page then takes an archive again.
	big := filepath.Join(dir, "Complete_LinkedInDataExport_11-21-2026.zip")
	if err := writeSynthZip(big, 40); err != nil {
		t.Fatal(err)
	}
	tb.upload(t, "archives", big)
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if eval[bool](t, tb, `document.getElementById("progress").value > 0`) {
			break
		}
	}
	tb.click(t, "cancel")
	start = time.Now()
	tb.waitState(t, time.Minute, "ready")
	t.Logf("cancelled in %v", time.Since(start).Round(time.Millisecond))
	if msg := eval[string](t, tb, `document.getElementById("error").textContent`); msg != "Stopped." {
		t.Errorf("after Cancel the page says %q", msg)
	}
	tb.upload(t, "archives", archive)
	tb.waitState(t, time.Minute, "done")

	tb.mu.Lock()
	problems := append([]string(nil), tb.errors...)
	foreign, later := tb.foreign, tb.later
	tb.mu.Unlock()
	for _, p := range problems {
		t.Errorf("page error: %s", p)
	}
	for _, r := range foreign {
		t.Errorf("request outside the page's origin: %s", r)
	}
	for _, r := range later {
		t.Errorf("request once the network was cut: %s", r)
	}

	// Last, the page's own check that nothing can leave: the page and its
	// worker are both refused a connection by the policy.
	tb.click(t, "check")
	var checked string
	for deadline := time.Now().Add(10 * time.Second); checked == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		checked = eval[string](t, tb, `document.getElementById("check-result").dataset.ok || ""`)
	}
	if checked != "true" {
		t.Errorf("the page's check that nothing can leave: %q", checked)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.foreign)+len(tb.later) > len(foreign)+len(later) {
		t.Errorf("the check's connections reached the network: %v %v", tb.foreign, tb.later)
	}
}
