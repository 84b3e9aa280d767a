package analysis_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"exposure/analysis"
	"exposure/parse"
	"exposure/parse/parsetest"
	"exposure/report"
)

// A folder read through fs.FS gives the result its path gives.
func TestRunDirsAsPaths(t *testing.T) {
	dir := writeExport(t, smallExport)
	a, b := content(), content()
	opt := eu()
	opt.Writers = []analysis.ItemWriter{a}
	byPath := run(t, analysis.Source{Paths: []string{dir}}, opt)
	opt.Writers = []analysis.ItemWriter{b}
	byFS := run(t, analysis.Source{Dirs: []parse.DirFS{{Name: exportName, FS: os.DirFS(dir)}}}, opt)
	if !slicesEqual(a.got, b.got) || byPath.Tally.ByOutcome != byFS.Tally.ByOutcome || !byPath.Export.Date.Equal(byFS.Export.Date) {
		t.Errorf("by path %v %v, through fs.FS %v %v", byPath.Tally.ByOutcome, byPath.Export.Date, byFS.Tally.ByOutcome, byFS.Export.Date)
	}
	if got := byFS.Export.Sources; len(got) != 1 || got[0] != exportName {
		t.Errorf("sources %q, want the folder's name", got)
	}
}

// A saved result read from a stream reads as one read from its path, and
// is named by SavedName in its messages.
func TestRunSavedJSONAsPath(t *testing.T) {
	dir := writeExport(t, smallExport)
	var js bytes.Buffer
	opt := eu()
	opt.Writers = []analysis.ItemWriter{report.NewJSONWriter(&js, false)}
	run(t, analysis.Source{Paths: []string{dir}}, opt)

	a, b := content(), content()
	opt = eu()
	opt.Writers = []analysis.ItemWriter{a}
	byPath := run(t, analysis.Source{Paths: []string{writeFile(t, "result.json", js.Bytes())}}, opt)
	opt.Writers = []analysis.ItemWriter{b}
	src := analysis.Source{SavedJSON: bytes.NewReader(js.Bytes()), SavedName: "picked.json"}
	if !src.Saved() {
		t.Fatal("a SavedJSON source is not Saved()")
	}
	byReader := run(t, src, opt)
	if !slicesEqual(a.got, b.got) || byPath.Tally.ByOutcome != byReader.Tally.ByOutcome {
		t.Errorf("by path %v, by reader %v", byPath.Tally.ByOutcome, byReader.Tally.ByOutcome)
	}
	_, err := analysis.Run(analysis.Source{SavedJSON: strings.NewReader("[1]"), SavedName: "picked.json"}, eu())
	if err == nil || !strings.Contains(err.Error(), "picked.json") {
		t.Errorf("error %v, want one naming picked.json", err)
	}
}

// A replayed export is analysed as the export it was read from: the
// classification, the tallies and every writer's rows are the same, and
// Compare takes it as either side.
func TestRunReplay(t *testing.T) {
	dir := writeExport(t, smallExport)
	x, err := parsetest.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	replay := func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
		s, err := start(x.Member)
		if err != nil {
			return nil, err
		}
		for i, it := range x.Items {
			b := parse.NewBatch([]parse.Item{it}, i)
			s.Process(b)
			s.Commit(b)
		}
		return x, nil
	}
	var js1, js2 bytes.Buffer
	opt := eu()
	opt.Writers = []analysis.ItemWriter{report.NewJSONWriter(&js1, false)}
	read := run(t, analysis.Source{Paths: []string{dir}}, opt)
	opt.Writers = []analysis.ItemWriter{report.NewJSONWriter(&js2, false)}
	replayed := run(t, analysis.Source{Replay: replay}, opt)
	if js1.String() != js2.String() || read.Tally.ByOutcome != replayed.Tally.ByOutcome {
		t.Errorf("replayed JSON differs:\n%s\n%s", js1.String(), js2.String())
	}
	d, err := analysis.Compare(analysis.Source{Paths: []string{dir}}, analysis.Source{Replay: replay}, eu(), eu(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if added, removed, changed := d.Counts(); added+removed+changed != 0 {
		t.Errorf("an export compared with its replay: %d added, %d removed, %d changed", added, removed, changed)
	}
}
