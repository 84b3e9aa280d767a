// Package chromium starts headless Chromium for the tests that drive a real
// browser: report/browsertest (the HTML report) and cmd/exposure (the web
// page). It exists so that the two start the browser one way, and so that a
// browser that dies while it starts (seen in CI, where go test runs the two
// packages at once on two cores) is started again rather than failing the
// test. Only test files import it, so that chromedp is not linked into the
// binaries.
package chromium

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Attempts is how many times Start starts the browser before it gives up.
const Attempts = 3

// Exe returns the browser to run: Debian's chromium first, then other
// names. Without one the test is skipped, except in CI (CI=true), where
// .ci/run installs Debian's chromium and the test fails.
func Exe(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium: .ci/run installs it")
	}
	t.Skip("no chromium or chrome found; install Debian's chromium to run the browser test")
	return ""
}

// Start starts headless Chromium and returns the browser's context, which
// ends after timeout or when the test does; extra adds allocator options
// (a window size, say). Each attempt has a fresh profile, a temporary
// folder that chromedp removes. When the browser fails to start, each
// attempt's output is logged and it is started again, up to Attempts
// times; once it runs, nothing is retried. Should the test fail, the
// browser's output is logged at its end.
func Start(t testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return start(t, Exe(t), timeout, extra...)
}

func start(t testing.TB, exe string, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		// Shared memory in /tmp, not /dev/shm. chromedp's defaults have it
		// too; Debian's launcher means to add it when /dev/shm is small,
		// but its test of the free space can fail (two lines of findmnt).
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	opts = append(opts, extra...)
	for attempt := 1; ; attempt++ {
		out := &output{}
		alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(slices.Clip(opts), chromedp.CombinedOutput(out))...)
		bctx, cancelBrowser := chromedp.NewContext(alloc)
		launch := time.Now()
		err := chromedp.Do(bctx)
		if err == nil {
			t.Logf("browser %s started in %v (attempt %d)", exe, time.Since(launch).Round(time.Millisecond), attempt)
			// Cleanups run last first: the output is logged once the
			// browser has exited and all of it is read.
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("browser output:\n%s", out.String())
				}
			})
			t.Cleanup(cancelAlloc)
			t.Cleanup(cancelBrowser)
			return bctx
		}
		cancelBrowser()
		cancelAlloc()
		// The error repeats the start of the output; the output is whole.
		first, _, _ := strings.Cut(err.Error(), "\n")
		first = strings.TrimSuffix(first, ":")
		if attempt == Attempts || ctx.Err() != nil {
			t.Fatalf("starting %s (attempt %d of %d): %s\n%s", exe, attempt, Attempts, first, out.String())
		}
		t.Logf("starting %s (attempt %d of %d): %s; starting it again. Its output:\n%s", exe, attempt, Attempts, first, out.String())
		select {
		case <-ctx.Done():
		case <-time.After(time.Duration(attempt) * time.Second):
		}
	}
}

// output is the browser's output, written by chromedp and read by the test.
type output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *output) Write(b []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(b)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// GoOffline turns the tab's network off. Chromium moved "offline" out of
// each rule's conditions to the command's own parameters (Chromium 14x);
// the form cdproto knows is tried first, then the newer one.
func GoOffline(ctx context.Context) error {
	offline := network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}
	_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule,
		network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{&offline}})
	if err == nil {
		return nil
	}
	type rule struct {
		URLPattern         string  `json:"urlPattern"`
		Latency            float64 `json:"latency"`
		DownloadThroughput float64 `json:"downloadThroughput"`
		UploadThroughput   float64 `json:"uploadThroughput"`
	}
	type params struct {
		Offline bool   `json:"offline"`
		Rules   []rule `json:"matchedNetworkConditions"`
	}
	byRule := cdp.Command[params, network.EmulateNetworkConditionsByRuleResult]{Method: network.CommandEmulateNetworkConditionsByRule}
	if _, err2 := chromedp.Call(ctx, byRule, params{Offline: true, Rules: []rule{{DownloadThroughput: -1, UploadThroughput: -1}}}); err2 != nil {
		return fmt.Errorf("%v; with offline as a parameter: %v", err, err2)
	}
	return nil
}
