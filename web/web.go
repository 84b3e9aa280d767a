// Package web is the web page that runs the whole analysis in the browser:
// the static app (static/), the engine compiled to WebAssembly
// (cmd/exposure-wasm, built by the Go toolchain, never committed), the
// page's Content-Security-Policy, and the loopback server of `exposure
// serve`.
//
// The engine is built with `go generate ./web`, which writes
// dist/exposure.wasm and dist/wasm_exec.js; a build of the command after
// that embeds them. Without them, Engine builds the engine from this
// module's source into the user's cache folder when a Go toolchain is at
// hand (go run ./cmd/exposure serve), else says how to get it.
package web

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:generate go run ./internal/buildwasm -o dist

//go:embed static
var static embed.FS

// dist holds the engine once go generate has built it (and a README).
//
//go:embed dist
var dist embed.FS

// Engine files: the WebAssembly binary and its loader, from the same Go release.
const (
	WasmFile     = "exposure.wasm"
	WasmExecFile = "wasm_exec.js"
	// wasmScript carries the binary, gzipped and in base64, for the
	// worker's importScripts: a fetch would need connect-src, which the
	// page forbids. Gzipped, the script is a quarter of the size, and the
	// browser parses it four times faster (a string literal of 18 MB took
	// 1.6 s); its native DecompressionStream inflates it in a blink.
	wasmScript = "exposure-wasm.js"
)

// App is the web page's folder: every file it serves, by name.
type App struct {
	files map[string][]byte
}

// NewApp assembles the page around an engine (the WebAssembly binary and
// the wasm_exec.js of the Go release that built it).
func NewApp(wasm, wasmExec []byte) (*App, error) {
	if len(wasm) < 8 || string(wasm[:4]) != "\x00asm" {
		return nil, errors.New("web: the engine is not a WebAssembly binary")
	}
	if len(wasmExec) == 0 {
		return nil, errors.New("web: wasm_exec.js is missing")
	}
	a := &App{files: map[string][]byte{}}
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := static.ReadFile(p)
		a.files[strings.TrimPrefix(p, "static/")] = data
		return err
	})
	if err != nil {
		return nil, err
	}
	index := string(a.files["index.html"])
	if !strings.Contains(index, "{{CSP}}") {
		return nil, errors.New("web: index.html has no {{CSP}} to fill")
	}
	a.files["index.html"] = []byte(strings.Replace(index, "{{CSP}}", PageCSP(), 1))
	a.files[WasmExecFile] = wasmExec
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(wasm); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	script := make([]byte, 0, base64.StdEncoding.EncodedLen(gz.Len())+64)
	script = append(script, "self.exposureWasm=\""...)
	script = base64.StdEncoding.AppendEncode(script, gz.Bytes())
	script = append(script, "\";\n"...)
	a.files[wasmScript] = script
	return a, nil
}

// Names lists the app's files.
func (a *App) Names() []string {
	names := make([]string, 0, len(a.files))
	for n := range a.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// File is one of the app's files.
func (a *App) File(name string) ([]byte, bool) {
	data, ok := a.files[name]
	return data, ok
}

// Write writes the app into dir, for any static host: dir is created if
// need be and must hold no file of another kind; the app's own files are
// replaced.
func (a *App) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, ours := a.files[e.Name()]; !ours {
			return fmt.Errorf("%s already holds %s: give an empty or new folder", dir, e.Name())
		}
	}
	for _, name := range a.Names() {
		if err := writeFileAtomic(filepath.Join(dir, name), a.files[name]); err != nil {
			return err
		}
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Embedded is the engine built by go generate before this program was
// built, if it was.
func Embedded() (wasm, wasmExec []byte, ok bool) {
	wasm, err1 := dist.ReadFile("dist/" + WasmFile)
	wasmExec, err2 := dist.ReadFile("dist/" + WasmExecFile)
	return wasm, wasmExec, err1 == nil && err2 == nil
}
