package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// The web page's measurements, run on demand (they take minutes):
//
//	EXPOSURE_WEB_BENCH=/tmp/x100.zip go test ./cmd/exposure -run TestWebPageBench -v -timeout 30m
//	(EXPOSURE_WEB_WARM=0: without the engine's warm-up)
//	EXPOSURE_WEB_SHOTS=/tmp/shots go test ./cmd/exposure -run TestWebPageScreenshots -v
//
// The bench analyses the archive in the page, re-classifies it with an
// opt-out, writes its JSON, and reports the times and the memory of the
// browser's renderer processes (the page, its worker and the engine's
// WebAssembly memory, and the report's frame), read from /proc. The
// screenshots are taken at 1280 and 390 px wide, in English and French.

func TestWebPageBench(t *testing.T) {
	archive := os.Getenv("EXPOSURE_WEB_BENCH")
	if archive == "" {
		t.Skip("EXPOSURE_WEB_BENCH=ARCHIVE measures the page on that archive")
	}
	eng := realEngine(t)
	dir := t.TempDir()
	downloads := filepath.Join(dir, "downloads")
	os.MkdirAll(downloads, 0o755)
	s := startServe(t, eng)
	bctx := newBrowser(t, 1280, 900)
	tb := openTab(t, bctx, strings.TrimSuffix(s.url, "/"), downloads)
	mem := watchRenderers(t, chromedp.FromContext(bctx).Browser.Process().Pid)

	start := time.Now()
	page := s.url + "#as-of=2026-11-23&region=EU&lang=en"
	if os.Getenv("EXPOSURE_WEB_WARM") == "0" {
		page += "&warm=0" // the engine's first analysis is the member's
	}
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	tb.waitState(t, time.Minute, "ready")
	t.Logf("load: %v to the engine ready (worker, ms: %s)", time.Since(start).Round(time.Millisecond), eval[string](t, tb, `document.body.dataset.timings`))
	for deadline := time.Now().Add(2 * time.Minute); os.Getenv("EXPOSURE_WEB_WARM") != "0" && time.Now().Before(deadline) && eval[string](t, tb, `document.body.dataset.warm || ""`) != "done"; {
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("warmed up %v after the navigation (worker, ms: %s)", time.Since(start).Round(time.Millisecond), eval[string](t, tb, `document.body.dataset.timings`))
	mem.mark(t, "loaded")
	tb.cut(t)

	start = time.Now()
	tb.upload(t, "archives", archive)
	tb.waitState(t, 20*time.Minute, "done")
	st := tb.status(t)
	t.Logf("analysed %v items in %v (page, ms: %s; kept %v items in %v bytes %v)", st.Summary["items"], time.Since(start).Round(time.Millisecond),
		eval[string](t, tb, `document.getElementById("status").dataset.times`), st.Summary["kept_items"], st.Summary["kept_bytes"], st.Summary["not_kept"])
	mem.mark(t, "analysed")
	heap(t, tb, "analysed")

	start = time.Now()
	before := st.Replays
	tb.setFacts(t, map[string]string{"opt_out": "2025-12-01"})
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && tb.status(t).Replays == before; {
		time.Sleep(20 * time.Millisecond)
	}
	tb.waitState(t, 10*time.Minute, "done")
	t.Logf("re-classified with an opt-out in %v (page, ms: %s; reads %d)", time.Since(start).Round(time.Millisecond),
		eval[string](t, tb, `document.getElementById("status").dataset.times`), tb.status(t).Reads)
	mem.mark(t, "re-classified")

	start = time.Now()
	js := tb.download(t, downloads, "dl-json")
	t.Logf("JSON: %d bytes in %v", len(js), time.Since(start).Round(time.Millisecond))
	mem.mark(t, "JSON written")
	heap(t, tb, "end")
	t.Logf("engine memory (WebAssembly): %s bytes", eval[string](t, tb, `document.body.dataset.engineMemory`))
	mem.report(t)
}

// heap logs the page's JavaScript heap (Performance.getMetrics).
func heap(t *testing.T, tb *tab, when string) {
	if _, err := chromedp.Call(tb.ctx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Logf("Performance.enable: %v", err)
		return
	}
	m, err := chromedp.Call(tb.ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		t.Logf("Performance.getMetrics: %v", err)
		return
	}
	v := map[string]float64{}
	for _, x := range m.Metrics {
		v[x.Name] = x.Value
	}
	t.Logf("%s: page JS heap used %.1f MiB of %.1f MiB", when, v["JSHeapUsedSize"]/(1<<20), v["JSHeapTotalSize"]/(1<<20))
}

// renderers samples the memory of the browser's renderer processes every
// 100 ms.
type renderers struct {
	mu      sync.Mutex
	browser int
	peakSum int64 // KiB, all renderers together
	peakOne int64 // KiB, the largest one
	stop    chan struct{}
}

func watchRenderers(t *testing.T, browser int) *renderers {
	r := &renderers{browser: browser, stop: make(chan struct{})}
	go func() {
		for {
			select {
			case <-r.stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			sum, one := r.sample()
			r.mu.Lock()
			r.peakSum, r.peakOne = max(r.peakSum, sum), max(r.peakOne, one)
			r.mu.Unlock()
		}
	}()
	t.Cleanup(func() { close(r.stop) })
	return r
}

// sample sums the proportional set size (Pss: resident memory, pages
// shared between processes counted in part) of the renderers descended
// from the browser.
func (r *renderers) sample() (sum, one int64) {
	for _, pid := range descendants(r.browser) {
		cmd, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
		if !bytes.Contains(cmd, []byte("--type=renderer")) {
			continue
		}
		pss := procPss(pid)
		sum += pss
		one = max(one, pss)
	}
	return sum, one
}

func (r *renderers) mark(t *testing.T, when string) {
	sum, one := r.sample()
	t.Logf("%s: renderers now %.0f MiB Pss (largest %.0f MiB)", when, float64(sum)/1024, float64(one)/1024)
}

func (r *renderers) report(t *testing.T) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var hwm []string
	for _, pid := range descendants(r.browser) {
		cmd, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
		if bytes.Contains(cmd, []byte("--type=renderer")) {
			hwm = append(hwm, strconv.FormatInt(procStatus(pid, "VmHWM")/1024, 10))
		}
	}
	t.Logf("peak memory of the renderers (Pss, sampled every 100 ms): %.0f MiB together, %.0f MiB the largest; peak resident (VmHWM) per renderer, MiB: %s",
		float64(r.peakSum)/1024, float64(r.peakOne)/1024, strings.Join(hwm, ", "))
}

// procPss is a process's proportional set size, in KiB.
func procPss(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/smaps_rollup")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "Pss:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

func procStatus(pid int, key string) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// descendants lists the processes below pid.
func descendants(pid int) []int {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces and parentheses.
		rest := stat[bytes.LastIndexByte(stat, ')')+2:]
		fields := strings.Fields(string(rest))
		if len(fields) > 1 {
			ppid, _ := strconv.Atoi(fields[1])
			children[ppid] = append(children[ppid], p)
		}
	}
	var out []int
	var walk func(int)
	walk = func(p int) {
		for _, c := range children[p] {
			out = append(out, c)
			walk(c)
		}
	}
	walk(pid)
	return out
}

func TestWebPageScreenshots(t *testing.T) {
	out := os.Getenv("EXPOSURE_WEB_SHOTS")
	if out == "" {
		t.Skip("EXPOSURE_WEB_SHOTS=DIR takes screenshots of the page into DIR")
	}
	os.MkdirAll(out, 0o755)
	eng := realEngine(t)
	dir := t.TempDir()
	archive := zipSample(t, dir)
	s := startServe(t, eng)
	for _, width := range []int64{1280, 390} {
		bctx := newBrowser(t, int(width), 900)
		for _, lang := range []string{"en", "fr"} {
			for _, dark := range []bool{false, true} {
				tb := openTab(t, bctx, strings.TrimSuffix(s.url, "/"), "")
				scheme := "light"
				if dark {
					scheme = "dark"
				}
				if _, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 900, DeviceScaleFactor: 1, Mobile: width < 500}); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(tb.ctx, chromedp.Navigate(s.url+"#as-of=2026-11-23&lang="+lang)); err != nil {
					t.Fatal(err)
				}
				tb.waitState(t, time.Minute, "ready")
				name := func(step string) string {
					return filepath.Join(out, step+"-"+strconv.FormatInt(width, 10)+"-"+lang+"-"+scheme+".png")
				}
				shot(t, tb, name("1-drop"))
				tb.upload(t, "archives", archive)
				tb.waitState(t, time.Minute, "done")
				tb.setFacts(t, map[string]string{"opt_out": "2025-12-01"})
				time.Sleep(400 * time.Millisecond)
				tb.waitState(t, time.Minute, "done")
				shot(t, tb, name("2-choices"))
				// The report's frame runs in a process of its own, which a
				// full-page capture leaves blank: the viewport is captured,
				// scrolled to it.
				eval[bool](t, tb, `(document.getElementById("result-title").scrollIntoView(), true)`)
				time.Sleep(1500 * time.Millisecond) // the report's charts
				png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name("3-report"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func shot(t *testing.T, tb *tab, file string) {
	t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes", file, len(png))
}
