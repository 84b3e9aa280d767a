package analysis_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
	"exposure/report"
)

// content is a row that holds what a saved result keeps of an item.
func content() *rows {
	return &rows{row: func(it *parse.Item, c *policy.Result) string {
		return fmt.Sprintf("%s|%s|%s:%d|%s|%s|%s|%q|%s/%s", it.ID, it.Kind, it.File, it.Line, it.Date.Format(time.RFC3339), it.Basis, it.Visibility, it.Text, c.Outcome, c.Reason)
	}}
}

// reorder writes a JSON object with its keys in the given order, as a
// result written before items came first would have them.
func reorder(t *testing.T, data []byte, keys ...string) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kj, _ := json.Marshal(k)
		b.Write(kj)
		b.WriteByte(':')
		b.Write(m[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A saved result reads back into the items it was made from, classified
// again under the facts it was made with, whether its items come first (as
// now written) or last (as written before).
func TestSavedReadsBack(t *testing.T) {
	dir := writeExport(t, smallExport)
	var js bytes.Buffer
	want := content()
	opt := eu()
	opt.Writers = []analysis.ItemWriter{report.NewJSONWriter(&js, false), want}
	r := run(t, analysis.Source{Paths: []string{dir}}, opt)
	itemsLast := reorder(t, js.Bytes(), "schema", "mode", "as_of", "export_date", "export_type", "sources", "member",
		"policy", "files", "unknown_files", "problems", "totals", "what_if", "items")
	for name, data := range map[string][]byte{"items first": js.Bytes(), "items last": itemsLast} {
		got := content()
		saved := run(t, analysis.Source{Paths: []string{writeFile(t, "result.json", data)}},
			analysis.Options{Policy: policy.Default(), Today: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Writers: []analysis.ItemWriter{got}})
		if !slicesEqual(want.got, got.got) {
			t.Errorf("%s: items differ:\n%s\n%s", name, strings.Join(want.got, "\n"), strings.Join(got.got, "\n"))
		}
		m := saved.Member
		if m.Region != "EU" || !m.OptOut.Equal(r.Member.OptOut) || !saved.AsOf.Equal(asOf) || m.Registered.Format(time.DateOnly) != r.Member.Registered.Format(time.DateOnly) {
			t.Errorf("%s: member %+v as of %s", name, m, saved.AsOf)
		}
		if len(saved.Export.Files) != len(r.Export.Files) || !saved.Export.Date.Equal(r.Export.Date) || saved.Tally.ByOutcome != r.Tally.ByOutcome {
			t.Errorf("%s: export %+v, totals %v, want %v", name, saved.Export, saved.Tally.ByOutcome, r.Tally.ByOutcome)
		}
	}
}

// What is not a saved result is refused with the file and what is wrong.
func TestSavedRefuses(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not JSON", "hello", "not a JSON result of exposure"},
		{"an array", "[1,2]", "not a JSON result of exposure"},
		{"another schema", `{"schema":"other/v1","items":[]}`, `schema "other/v1"`},
		{"no items", `{"schema":"exposure/v1"}`, "holds no items"},
		{"an item without id", `{"schema":"exposure/v1","items":[{"kind":"post"}]}`, "item 1: no id or kind"},
		{"a bad date", `{"schema":"exposure/v1","items":[{"id":"a","kind":"post","date":"soon"}]}`, "item 1: date"},
		{"a bad opt-out", `{"schema":"exposure/v1","member":{"region":"EU","opt_out":"soon"},"items":[]}`, "opt_out"},
		{"cut short", `{"schema":"exposure/v1","items":[{"id":"a","kind":"post"}`, "result.json"},
	} {
		_, err := analysis.Run(analysis.Source{Paths: []string{writeFile(t, "result.json", []byte(tc.data))}}, eu())
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "result.json") {
			t.Errorf("%s: error %v, want one naming result.json and saying %q", tc.name, err, tc.want)
		}
	}
}

// A saved result holding a string of 200 MB is refused without reading it
// into memory: the heap stays far below the string's size.
func TestSavedLongStringBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB")
	}
	p := filepath.Join(t.TempDir(), "result.json")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"schema":"exposure/v1","items":[{"id":"a","kind":"post","text":"`)
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for range 200 {
		f.Write(chunk)
	}
	f.WriteString(`"}]}`)
	f.Close()
	peak := watchHeap(t)
	_, err = analysis.Run(analysis.Source{Paths: []string{p}}, eu())
	if err == nil || !strings.Contains(err.Error(), "longer than 16 MiB") || !strings.Contains(err.Error(), "result.json") {
		t.Errorf("error %v", err)
	}
	got := peak()
	t.Logf("heap peak %d MiB", got>>20)
	if got > 300<<20 {
		t.Errorf("heap peaked at %d MiB", got>>20)
	}
}

// watchHeap samples the heap in use until the returned function is
// called, which gives the largest sample.
func watchHeap(t *testing.T) func() uint64 {
	t.Helper()
	runtime.GC()
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(stop); return <-done }
}
