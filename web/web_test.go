package web

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"html"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"exposure/analysis"
	"exposure/policy"
	"exposure/report"
)

var fakeWasm = []byte("\x00asm\x01\x00\x00\x00 and some code")

func newApp(t *testing.T) *App {
	t.Helper()
	a, err := NewApp(fakeWasm, []byte("// wasm_exec.js\n"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

var (
	cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	cspHash = regexp.MustCompile(`'sha256-[A-Za-z0-9+/=]+'`)
)

// The page's policy allows the inline scripts of the report and of the
// comparison, whatever they are, since both are shown in a frame that
// inherits the policy; and it allows no connection, no other origin, and
// no eval.
func TestPageCSPAllowsTheReport(t *testing.T) {
	src := analysis.Source{Paths: []string{"../sample_export"}}
	opt := analysis.Options{Policy: policy.Default(), Today: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	r, err := analysis.Run(src, opt)
	if err != nil {
		t.Fatal(err)
	}
	d, err := analysis.Compare(src, src, opt, opt, 0)
	if err != nil {
		t.Fatal(err)
	}
	var page, diff bytes.Buffer
	if err := report.WriteHTML(&page, r, report.HTMLOptions{Lang: "fr"}); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteDiffHTML(&diff, d, report.HTMLOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	csp := PageCSP()
	for name, b := range map[string][]byte{"report": page.Bytes(), "comparison": diff.Bytes()} {
		m := cspMeta.FindSubmatch(b)
		if m == nil {
			t.Fatalf("the %s has no Content-Security-Policy", name)
		}
		hashes := cspHash.FindAllString(html.UnescapeString(string(m[1])), -1)
		if len(hashes) < 2 {
			t.Fatalf("the %s's policy lists %d script hashes", name, len(hashes))
		}
		for _, h := range hashes {
			if !strings.Contains(csp, h) {
				t.Errorf("the page's policy lacks the %s's script %s", name, h)
			}
		}
	}
	for _, want := range []string{"default-src 'none'", "connect-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src blob:", "form-action 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the page's policy lacks %s: %s", want, csp)
		}
	}
	for _, bad := range []string{"'unsafe-eval'", "http:", "https:", "*", "connect-src 'self'"} {
		if strings.Contains(csp, bad) {
			t.Errorf("the page's policy allows %s: %s", bad, csp)
		}
	}
	if !strings.HasSuffix(HeaderCSP(), "; frame-ancestors 'none'") {
		t.Errorf("the header's policy: %s", HeaderCSP())
	}
}

// The app is the static files, index.html with its policy, the Go loader,
// and the engine as a script that decodes to the very binary.
func TestAppFiles(t *testing.T) {
	a := newApp(t)
	want := []string{"LICENSE-wasm_exec.txt", "app.js", "exposure-wasm.js", "index.html", "style.css", "wasm_exec.js"}
	if got := a.Names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files %q, want %q", got, want)
	}
	index, _ := a.File("index.html")
	if !bytes.Contains(index, []byte(`<meta http-equiv="Content-Security-Policy" content="`+PageCSP()+`">`)) {
		t.Error("index.html does not carry the page's policy")
	}
	script, _ := a.File("exposure-wasm.js")
	b64, ok := bytes.CutPrefix(script, []byte(`self.exposureWasm="`))
	b64, ok2 := bytes.CutSuffix(b64, []byte("\";\n"))
	if !ok || !ok2 {
		t.Fatalf("exposure-wasm.js: %.60q…", script)
	}
	gz, err := base64.StdEncoding.DecodeString(string(b64))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(wasm, fakeWasm) {
		t.Errorf("exposure-wasm.js decodes to %q (%v), want the engine", wasm, err)
	}
	if _, err := NewApp([]byte("MZ not wasm"), []byte("x")); err == nil {
		t.Error("a binary that is not WebAssembly was taken as the engine")
	}
}

// No file of the page names another site: every src and href is one of
// the app's own files (or data:), and no script builds an address.
func TestNoThirdPartyFile(t *testing.T) {
	a := newApp(t)
	ref := regexp.MustCompile(`(?:src|href)="([^"]*)"`)
	for _, name := range []string{"index.html", "app.js", "style.css"} {
		data, _ := a.File(name)
		for _, m := range ref.FindAllSubmatch(data, -1) {
			target := string(m[1])
			if _, ours := a.File(target); !ours && target != "#main" && target != "data:," {
				t.Errorf("%s refers to %q", name, target)
			}
		}
		for _, bad := range []string{"http://", "https://", "//cdn", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s holds %q", name, bad)
			}
		}
	}
}

func TestHandler(t *testing.T) {
	h := newApp(t).Handler("127.0.0.1:8080", "localhost:8080")
	for _, tc := range []struct {
		method, path, host string
		want               int
	}{
		{"GET", "/", "127.0.0.1:8080", 200},
		{"GET", "/app.js?x=1", "localhost:8080", 200},
		{"GET", "/%2e%2e/web.go", "127.0.0.1:8080", 404},
		{"GET", "/static/app.js", "127.0.0.1:8080", 404},
		{"GET", "/", "attacker.example:8080", 421},
		{"POST", "/", "127.0.0.1:8080", 405},
		{"POST", "/", "attacker.example:8080", 421},
	} {
		req := httptest.NewRequest(tc.method, tc.path, nil)
		req.Host = tc.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != tc.want {
			t.Errorf("%s %s (Host %s): %d, want %d", tc.method, tc.path, tc.host, w.Code, tc.want)
		}
		if w.Header().Get("Content-Security-Policy") != HeaderCSP() {
			t.Errorf("%s %s: no policy", tc.method, tc.path)
		}
	}
	req := httptest.NewRequest("GET", "/style.css", nil)
	req.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if ct := w.Header().Get("Content-Type"); ct != "text/css; charset=utf-8" {
		t.Errorf("style.css: Content-Type %q", ct)
	}
}

func TestLoopback(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "127.1.2.3": true, "::1": true, "localhost": true, "LocalHost": true,
		"0.0.0.0": false, "": false, "::": false, "192.168.1.2": false, "localhost.example": false, "10.0.0.1": false} {
		if IsLoopback(host) != want {
			t.Errorf("IsLoopback(%q) = %v", host, !want)
		}
	}
	got := LoopbackHosts("127.0.0.1:4242")
	sort.Strings(got)
	if strings.Join(got, " ") != "127.0.0.1:4242 localhost:4242" {
		t.Errorf("LoopbackHosts: %q", got)
	}
	if got := LoopbackHosts("[::1]:4242"); strings.Join(got, " ") != "[::1]:4242 localhost:4242" {
		t.Errorf("LoopbackHosts(::1): %q", got)
	}
}

// The module's source is found from any folder inside it.
func TestModuleDir(t *testing.T) {
	dir, err := ModuleDir()
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("..")
	if dir != abs {
		t.Errorf("ModuleDir() = %s, want %s", dir, abs)
	}
	if _, err := os.Stat(filepath.Join(dir, "cmd", "exposure-wasm", "main.go")); err != nil {
		t.Error(err)
	}
}
