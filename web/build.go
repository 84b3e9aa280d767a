package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// ErrNoEngine says the engine is neither embedded nor buildable here.
var ErrNoEngine = errors.New("the web page's engine (WebAssembly) is not built into this exposure, and it cannot be built here")

// BuildFlags are those of the engine's build: -trimpath and no VCS stamp,
// so that the same source gives the same binary wherever it is built, and
// no symbol table or DWARF (-s -w), which the page does not need.
var BuildFlags = []string{"-trimpath", "-buildvcs=false", "-ldflags=-s -w"}

// Build compiles cmd/exposure-wasm of the module in moduleDir for
// GOOS=js GOARCH=wasm into outDir, with the Go toolchain on the PATH, and
// copies beside it the wasm_exec.js of the same Go release. Nothing is
// downloaded (GOPROXY=off, GOTOOLCHAIN=local): the modules it needs are
// those the command itself was built with. An engine already built and up
// to date is not linked again.
func Build(ctx context.Context, moduleDir, outDir string) (wasm, wasmExec []byte, err error) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return nil, nil, fmt.Errorf("%w: no Go toolchain (go) on the PATH", ErrNoEngine)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, nil, err
	}
	out := filepath.Join(outDir, WasmFile)
	args := append([]string{"build"}, BuildFlags...)
	args = append(args, "-o", out, "./cmd/exposure-wasm")
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = moduleDir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOPROXY=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		return nil, nil, fmt.Errorf("building the web page's engine (go %s in %s): %v\n%s", strings.Join(args, " "), moduleDir, err, stderr.String())
	}
	root, err := exec.CommandContext(ctx, goCmd, "env", "GOROOT").Output()
	if err != nil {
		return nil, nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	wasmExec, err = os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", WasmExecFile))
	if err != nil {
		return nil, nil, fmt.Errorf("the Go release has no wasm_exec.js: %v", err)
	}
	if err := writeFileAtomic(filepath.Join(outDir, WasmExecFile), wasmExec); err != nil {
		return nil, nil, err
	}
	wasm, err = os.ReadFile(out)
	return wasm, wasmExec, err
}

// ModuleDir finds this module's source: the folder holding its go.mod,
// from the working directory up, else the one this file was compiled in
// (go run from anywhere). It must hold cmd/exposure-wasm.
func ModuleDir() (string, error) {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		starts = append(starts, filepath.Dir(file))
	}
	for _, dir := range starts {
		for {
			if isModule(dir) {
				return dir, nil
			}
			up := filepath.Dir(dir)
			if up == dir {
				break
			}
			dir = up
		}
	}
	return "", fmt.Errorf("%w: exposure's source folder was not found", ErrNoEngine)
}

func isModule(dir string) bool {
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	first, _, _ := strings.Cut(string(mod), "\n")
	if strings.TrimSpace(first) != "module exposure" {
		return false
	}
	fi, err := os.Stat(filepath.Join(dir, "cmd", "exposure-wasm"))
	return err == nil && fi.IsDir()
}

// Engine is the page's engine: the one embedded at build time, else one
// built from this module's source into the user's cache folder (logf says
// so, as the first build takes a minute), else ErrNoEngine with what to do.
func Engine(ctx context.Context, logf func(format string, args ...any)) (wasm, wasmExec []byte, err error) {
	if wasm, wasmExec, ok := Embedded(); ok {
		return wasm, wasmExec, nil
	}
	dir, err := ModuleDir()
	if err != nil {
		return nil, nil, explain(err)
	}
	if _, err := exec.LookPath("go"); err != nil {
		return nil, nil, explain(fmt.Errorf("%w: no Go toolchain (go) on the PATH", ErrNoEngine))
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	out := filepath.Join(cache, "exposure", "web")
	logf("Building the web page's engine (WebAssembly) from %s into %s; the first time takes a minute…", dir, out)
	return Build(ctx, dir, out)
}

func explain(err error) error {
	return fmt.Errorf("%v.\nBuild it into exposure with:  go generate ./web && go build ./cmd/exposure\n"+
		"or run `go run ./cmd/exposure serve` from exposure's source folder, with Go installed", err)
}
