package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"exposure/web"
)

// fakeEngine stands for the WebAssembly engine where the page is served
// but never run.
func fakeEngine(context.Context, func(string, ...any)) ([]byte, []byte, error) {
	return []byte("\x00asm\x01\x00\x00\x00"), []byte("// wasm_exec.js\n"), nil
}

// served is a running `exposure serve`.
type served struct {
	url    string
	stop   context.CancelFunc
	done   chan int
	stdout *lockedBuffer
}

// startServe runs `exposure serve args...` until the test ends (or stop).
func startServe(t *testing.T, eng func(context.Context, func(string, ...any)) ([]byte, []byte, error), args ...string) *served {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	defer func(e func(context.Context, func(string, ...any)) ([]byte, []byte, error), i func() (context.Context, context.CancelFunc), s func(string)) {
		engine, interrupted, serving = e, i, s
	}(engine, interrupted, serving)
	engine = eng
	interrupted = func() (context.Context, context.CancelFunc) { return ctx, stop }
	urls := make(chan string, 1)
	serving = func(u string) { urls <- u }
	s := &served{stop: stop, done: make(chan int, 1), stdout: &lockedBuffer{}}
	var stderr lockedBuffer
	go func() { s.done <- run(append([]string{"serve"}, args...), s.stdout, &stderr) }()
	select {
	case s.url = <-urls:
	case code := <-s.done:
		t.Fatalf("serve ended with %d before listening: %s", code, stderr.String())
	case <-time.After(5 * time.Minute):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		stop()
		select {
		case code := <-s.done:
			if code != exitOK {
				t.Errorf("serve ended with %d: %s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	return s
}

type lockedBuffer struct {
	mu  chan struct{}
	buf bytes.Buffer
}

func (b *lockedBuffer) lock() {
	if b.mu == nil {
		b.mu = make(chan struct{}, 1)
	}
	b.mu <- struct{}{}
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.lock()
	defer func() { <-b.mu }()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.lock()
	defer func() { <-b.mu }()
	return b.buf.String()
}

func request(t *testing.T, method, u, host string, body io.Reader) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// serve listens on a loopback address only, prints the page's address,
// serves the page with its security headers, and stops on Ctrl-C.
func TestServeServesThePage(t *testing.T) {
	s := startServe(t, fakeEngine)
	u, err := url.Parse(s.url)
	if err != nil {
		t.Fatal(err)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() || u.Port() == "0" {
		t.Errorf("serving at %s: want a loopback address and a port", s.url)
	}
	if !strings.Contains(s.stdout.String(), s.url) {
		t.Errorf("the address is not printed: %q", s.stdout.String())
	}
	for _, path := range []string{"", "index.html", "app.js", "style.css", "wasm_exec.js", "exposure-wasm.js", "LICENSE-wasm_exec.txt"} {
		resp := request(t, "GET", s.url+path, "", nil)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /%s: %s", path, resp.Status)
		}
		h := resp.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'none'") || !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("GET /%s: Content-Security-Policy %q", path, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cross-Origin-Opener-Policy": "same-origin"} {
			if h.Get(k) != v {
				t.Errorf("GET /%s: %s %q, want %q", path, k, h.Get(k), v)
			}
		}
	}
	if resp := request(t, "GET", s.url+"../../go.mod", "", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /../../go.mod: %s", resp.Status)
	}
	s.stop()
	if code := <-s.done; code != exitOK {
		t.Errorf("after Ctrl-C: exit %d", code)
	}
	s.done <- exitOK // for the cleanup
	if !strings.Contains(s.stdout.String(), "stopped") {
		t.Errorf("no word of stopping: %q", s.stdout.String())
	}
}

// A request whose Host is not the address serve is bound to is refused:
// another site whose name resolves to 127.0.0.1 (DNS rebinding) cannot
// read the page's answers.
func TestServeRefusesForeignHost(t *testing.T) {
	s := startServe(t, fakeEngine)
	u, _ := url.Parse(s.url)
	for host, want := range map[string]int{
		u.Host:                        http.StatusOK,
		"localhost:" + u.Port():       http.StatusOK,
		"LOCALHOST:" + u.Port():       http.StatusOK,
		"evil.example:" + u.Port():    http.StatusMisdirectedRequest,
		"evil.example":                http.StatusMisdirectedRequest,
		"127.0.0.1":                   http.StatusMisdirectedRequest,
		"127.0.0.1:1":                 http.StatusMisdirectedRequest,
		"127.0.0.1." + ":" + u.Port(): http.StatusMisdirectedRequest,
	} {
		if resp := request(t, "GET", s.url, host, nil); resp.StatusCode != want {
			t.Errorf("Host %q: %s, want %d", host, resp.Status, want)
		}
	}
}

// No handler accepts a request body: every method but GET and HEAD is
// refused, and so is a GET that carries a body.
func TestServeAcceptsNoBody(t *testing.T) {
	s := startServe(t, fakeEngine)
	for _, path := range []string{"", "index.html", "upload", "app.js"} {
		for _, method := range []string{"POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
			resp := request(t, method, s.url+path, "", strings.NewReader("my archive"))
			if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s /%s: %s (Allow %q), want 405", method, path, resp.Status, resp.Header.Get("Allow"))
			}
		}
		if resp := request(t, "GET", s.url+path, "", strings.NewReader("my archive")); resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("GET /%s with a body: %s, want 413", path, resp.Status)
		}
	}
	if resp := request(t, "HEAD", s.url, "", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("HEAD /: %s", resp.Status)
	}
}

// serve refuses to listen anywhere but on this computer.
func TestServeLoopbackOnly(t *testing.T) {
	defer func(e func(context.Context, func(string, ...any)) ([]byte, []byte, error)) { engine = e }(engine)
	engine = fakeEngine
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0", "192.0.2.1:0", "example.com:0", "nonsense"} {
		code, _, errs := runCmd(t, "serve", "--addr", addr)
		if code != exitUsage || !strings.Contains(errs, "--addr") {
			t.Errorf("--addr %s: exit %d, %q; want 2 and a word on --addr", addr, code, errs)
		}
	}
	for _, addr := range []string{"localhost:0", "[::1]:0"} {
		if addr == "[::1]:0" {
			if ln, err := net.Listen("tcp", addr); err != nil {
				continue // no IPv6 here
			} else {
				ln.Close()
			}
		}
		s := startServe(t, fakeEngine, "--addr", addr)
		u, _ := url.Parse(s.url)
		if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() {
			t.Errorf("--addr %s: serving at %s", addr, s.url)
		}
	}
}

// --write writes the page as a folder, and refuses a folder holding
// other files.
func TestServeWrite(t *testing.T) {
	defer func(e func(context.Context, func(string, ...any)) ([]byte, []byte, error)) { engine = e }(engine)
	engine = fakeEngine
	dir := filepath.Join(t.TempDir(), "site")
	code, out, errs := runCmd(t, "serve", "--write", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, dir) {
		t.Errorf("output %q does not name the folder", out)
	}
	wasm, wasmExec, _ := fakeEngine(context.Background(), nil)
	app, err := web.NewApp(wasm, wasmExec)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range app.Names() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		want, _ := app.File(name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %v, %d bytes, want %d", name, err, len(got), len(want))
		}
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !bytes.Contains(index, []byte(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`)) || !bytes.Contains(index, []byte("connect-src 'none'")) {
		t.Error("index.html lacks its Content-Security-Policy")
	}
	// Again into the same folder: its own files are replaced.
	if code, _, errs := runCmd(t, "serve", "--write", dir); code != exitOK {
		t.Errorf("writing again: exit %d: %s", code, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "holiday.jpg"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCmd(t, "serve", "--write", dir); code != exitInput || !strings.Contains(errs, "holiday.jpg") {
		t.Errorf("into a folder with other files: exit %d, %q", code, errs)
	}
}

// Without an engine serve says what to do.
func TestServeWithoutEngine(t *testing.T) {
	defer func(e func(context.Context, func(string, ...any)) ([]byte, []byte, error)) { engine = e }(engine)
	engine = func(context.Context, func(string, ...any)) ([]byte, []byte, error) {
		return nil, nil, fmt.Errorf("%w: no Go toolchain", web.ErrNoEngine)
	}
	code, _, errs := runCmd(t, "serve")
	if code != exitInput || !strings.Contains(errs, "WebAssembly") {
		t.Errorf("exit %d, %q", code, errs)
	}
}
