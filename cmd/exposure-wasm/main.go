//go:build js && wasm

// Command exposure-wasm is the engine of the web page, compiled to
// WebAssembly: the page's worker gives it the File objects the member
// dropped and the facts they set, and it answers with the report, the
// JSON and CSV results and the comparison, as the command line writes
// them (package web/session does the work; this binds it to JavaScript).
//
// It installs one object, globalThis.exposureEngine:
//
//	open({archives: [File], folder: [{path, file}]})      start a session
//	report(options, onProgress) -> Promise<{html, summary}>
//	output(options, "json"|"csv"|"html") -> Promise<Blob>
//	compare({archives, folder, saved: File}, options, onProgress) -> Promise<{html}>
//	diffJSON() -> Promise<Blob>
//	warmUp() -> Promise                                    analyse an invented export once (see session.WarmUp)
//	cancel()                                               stop the running call
//
// options is {region, opt_out, objection, born, as_of, lang, redact}. A
// rejected promise carries {message, field}: field names the option that
// could not be read. Archives are read through Blob.slice, a megabyte at a
// time, never whole; nothing is written anywhere and nothing is sent.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"exposure/parse"
	"exposure/policy"
	"exposure/web/session"
)

func main() {
	e := &engine{}
	js.Global().Set("exposureEngine", js.ValueOf(map[string]any{
		"open":     js.FuncOf(e.open),
		"report":   js.FuncOf(e.report),
		"output":   js.FuncOf(e.output),
		"compare":  js.FuncOf(e.compare),
		"diffJSON": js.FuncOf(e.diffJSON),
		"warmUp":   js.FuncOf(e.warmUp),
		"cancel":   js.FuncOf(e.cancelCall),
	}))
	select {}
}

// engine holds the page's session and the call running on it.
type engine struct {
	mu     sync.Mutex
	s      *session.Session
	busy   bool
	cancel context.CancelFunc
}

// input is the files of one side as the page gives them.
func input(spec js.Value) (session.Input, error) {
	var in session.Input
	if a := spec.Get("archives"); a.Truthy() {
		for i := range a.Length() {
			f := a.Index(i)
			r := newBlobReaderAt(f)
			in.Zips = append(in.Zips, parse.ZipReader{Name: f.Get("name").String(), R: r, Size: r.size})
		}
	}
	if list := spec.Get("folder"); list.Truthy() && list.Length() > 0 {
		tree, err := newFileTree(list)
		if err != nil {
			return in, err
		}
		name, _, _ := strings.Cut(list.Index(0).Get("path").String(), "/")
		in.Dirs = append(in.Dirs, parse.DirFS{Name: name, FS: tree})
	}
	if f := spec.Get("saved"); f.Truthy() {
		in.Saved = func() (io.ReadCloser, error) { return newBlobStream(f), nil }
		in.SavedName = f.Get("name").String()
	}
	return in, nil
}

func options(v js.Value) session.Options {
	str := func(k string) string {
		if x := v.Get(k); x.Type() == js.TypeString {
			return x.String()
		}
		return ""
	}
	return session.Options{
		Facts: session.Facts{Region: str("region"), OptOut: str("opt_out"), Objection: str("objection"), Born: str("born"), AsOf: str("as_of")},
		Lang:  str("lang"), Redact: v.Get("redact").Truthy(),
	}
}

// open starts a session over the archives or folder given; it returns
// null, or an error object.
func (e *engine) open(_ js.Value, args []js.Value) any {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.busy {
		return errorValue(errors.New("busy"))
	}
	in, err := input(args[0])
	if err != nil {
		return errorValue(err)
	}
	s, err := session.New(policy.Default(), in)
	if err != nil {
		return errorValue(err)
	}
	s.Yield = func() { time.Sleep(time.Millisecond) }
	e.s = s
	return nil
}

// call runs work on the session in a goroutine and returns a promise of
// its answer. Only one call runs at a time.
func (e *engine) call(progress js.Value, work func(ctx context.Context, s *session.Session) (any, error)) any {
	return e.run(true, progress, work)
}

func (e *engine) run(needSession bool, progress js.Value, work func(ctx context.Context, s *session.Session) (any, error)) any {
	handler := js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve, reject := args[0], args[1]
		e.mu.Lock()
		if needSession && e.s == nil || e.busy {
			e.mu.Unlock()
			reject.Invoke(errorValue(errors.New(map[bool]string{true: "busy", false: "no export opened"}[e.s != nil])))
			return nil
		}
		ctx, cancel := context.WithCancel(context.Background())
		e.busy, e.cancel = true, cancel
		s := e.s
		e.mu.Unlock()
		if s == nil {
			s = &session.Session{}
		}
		if progress.Type() == js.TypeFunction {
			s.Progress = func(p session.Progress) {
				progress.Invoke(map[string]any{"done": p.Done, "total": p.Total, "items": p.Items, "files": p.Files})
			}
		} else {
			s.Progress = nil
		}
		go func() {
			v, err := func() (v any, err error) {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("internal error, please report it: %v", r)
					}
				}()
				return work(ctx, s)
			}()
			e.mu.Lock()
			e.busy, e.cancel = false, nil
			e.mu.Unlock()
			cancel()
			if err != nil {
				reject.Invoke(errorValue(err))
				return
			}
			resolve.Invoke(v)
		}()
		return nil
	})
	defer handler.Release()
	return js.Global().Get("Promise").New(handler)
}

func (e *engine) report(_ js.Value, args []js.Value) any {
	o := options(args[0])
	return e.call(arg(args, 1), func(ctx context.Context, s *session.Session) (any, error) {
		r, err := s.Report(ctx, o)
		if err != nil {
			return nil, err
		}
		sum, err := json.Marshal(r.Summary)
		if err != nil {
			return nil, err
		}
		return map[string]any{"html": string(r.HTML), "summary": string(sum)}, nil
	})
}

var mediaTypes = map[string]string{"json": "application/json", "csv": "text/csv;charset=utf-8", "html": "text/html;charset=utf-8"}

func (e *engine) output(_ js.Value, args []js.Value) any {
	o := options(args[0])
	format := arg(args, 1).String()
	return e.call(arg(args, 2), func(ctx context.Context, s *session.Session) (any, error) {
		w := newBlobWriter(mediaTypes[format])
		if err := s.Write(ctx, o, format, w); err != nil {
			return nil, err
		}
		return w.Blob(), nil
	})
}

func (e *engine) compare(_ js.Value, args []js.Value) any {
	old, err := input(args[0])
	if err != nil {
		return rejected(err)
	}
	o := options(arg(args, 1))
	return e.call(arg(args, 2), func(ctx context.Context, s *session.Session) (any, error) {
		html, err := s.Compare(ctx, old, o)
		if err != nil {
			return nil, err
		}
		return map[string]any{"html": string(html)}, nil
	})
}

func (e *engine) diffJSON(_ js.Value, args []js.Value) any {
	return e.call(js.Undefined(), func(_ context.Context, s *session.Session) (any, error) {
		w := newBlobWriter(mediaTypes["json"])
		if err := s.WriteDiffJSON(w); err != nil {
			return nil, err
		}
		return w.Blob(), nil
	})
}

// warmUp runs the engine once over an invented export, so that the
// browser compiles and optimises its code before the member's archive
// comes (the first analysis was several times slower than the next).
func (e *engine) warmUp(js.Value, []js.Value) any {
	return e.run(false, js.Undefined(), func(ctx context.Context, _ *session.Session) (any, error) {
		return nil, session.WarmUp(ctx, 0.05)
	})
}

// cancelCall stops the running call: its reads fail and it rejects with
// "canceled".
func (e *engine) cancelCall(js.Value, []js.Value) any {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		e.cancel()
	}
	return nil
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// errorValue is an error as the page reads it: {message, field, canceled}.
func errorValue(err error) js.Value {
	v := map[string]any{"message": err.Error()}
	var fe *session.FactError
	if errors.As(err, &fe) {
		v["field"] = fe.Field
	}
	if errors.Is(err, context.Canceled) {
		v["canceled"] = true
	}
	return js.ValueOf(v)
}

func rejected(err error) js.Value {
	return js.Global().Get("Promise").Call("reject", errorValue(err))
}
