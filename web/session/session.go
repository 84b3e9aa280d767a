// Package session is the engine behind the web page: it holds the export a
// member gave the page, analyses it under the facts they set, and writes
// the report, the JSON and CSV results and the comparison, with the same
// engine and printers as the command line (packages analysis and report).
//
// The first analysis reads the archive and keeps its items compactly in
// memory (itemCache); every later one, with another opt-out date,
// objection, birth year, region, as-of day or language, replays them
// through the classifier without reading the archive again, unless they
// did not fit the memory budget, in which case the archive is read again.
//
// It knows nothing of the browser: the page's files come in as
// io.ReaderAt (archives), fs.FS (folders) or io.Reader (a saved result),
// so that it builds and is tested like any Go package; cmd/exposure-wasm
// binds it to JavaScript.
package session

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
	"exposure/report"
)

// Input is an export as the page was given it: archives, or folders, or a
// result saved as JSON (only as the older side of a comparison).
type Input struct {
	Zips []parse.ZipReader
	Dirs []parse.DirFS
	// Saved opens the saved result, named SavedName, each time it is read.
	Saved     func() (io.ReadCloser, error)
	SavedName string
}

func (in Input) empty() bool { return len(in.Zips) == 0 && len(in.Dirs) == 0 && in.Saved == nil }

// Facts are what the member sets in the page, as its fields give them:
// dates as YYYY-MM-DD, the birth as a year or a date, "" for not given.
type Facts struct {
	Region, OptOut, Objection, Born, AsOf string
}

// FactError is a fact the page gave that cannot be read; Field names it.
type FactError struct{ Field, Value string }

func (e *FactError) Error() string { return fmt.Sprintf("%s: %q cannot be read", e.Field, e.Value) }

// parse reads the facts; the policy checks the region.
func (f Facts) parse(p *policy.Policy) (analysis.Facts, error) {
	var out analysis.Facts
	for _, d := range []struct {
		field, v string
		t        *time.Time
	}{{"opt_out", f.OptOut, &out.OptOut}, {"objection", f.Objection, &out.Objection}, {"as_of", f.AsOf, &out.AsOf}} {
		if v := strings.TrimSpace(d.v); v != "" {
			t, err := time.Parse(time.DateOnly, v)
			if err != nil {
				return out, &FactError{d.field, d.v}
			}
			*d.t = t
		}
	}
	if v := strings.ToUpper(strings.TrimSpace(f.Region)); v != "" {
		if _, ok := p.Region(v); !ok {
			return out, &FactError{"region", f.Region}
		}
		out.Region = v
	}
	if v := strings.TrimSpace(f.Born); v != "" {
		var err error
		if out.Born, out.BornYearOnly, err = analysis.ParseBorn(v); err != nil {
			return out, &FactError{"born", f.Born}
		}
	}
	return out, nil
}

// Options are the facts and how the pages are printed.
type Options struct {
	Facts
	Lang   string // "en" or "fr"
	Redact bool
}

func (o Options) html() report.HTMLOptions { return report.HTMLOptions{Lang: o.Lang, Redact: o.Redact} }

// Progress is how far a run has got: the bytes of the export's files read
// (uncompressed) of their total, and the items and files counted so far.
// When the items are replayed from memory, Total is 0.
type Progress struct {
	Done, Total  int64
	Items, Files int
}

// DefaultBudget is how much memory the items kept for re-classification
// may take: the 100 MB export (471,881 items) takes 41.7 MB, so about four
// million items fit; past that the archive is read again at every change.
const DefaultBudget = 384 << 20

// Session is one export given to the page, analysed as often as the
// member changes their facts. Its methods must be called one at a time.
type Session struct {
	policy *policy.Policy
	in     Input
	// Budget caps the memory of the kept items (0: DefaultBudget; <0: keep none).
	Budget int64
	// Today is the as-of day when none is given (default: today, UTC).
	Today func() time.Time
	// Yield, when set, is called every few milliseconds while items are
	// replayed, so that a browser's event loop can run (and a Cancel
	// arrive).
	Yield func()
	// Progress, when set, is told how far each run has got.
	Progress func(Progress)

	cache    *itemCache
	cacheErr error
	reads    int
	replays  int
	diff     *analysis.Diff
}

// New starts a session over an export.
func New(p *policy.Policy, in Input) (*Session, error) {
	if len(in.Zips) == 0 && len(in.Dirs) == 0 {
		return nil, errors.New("give the archive LinkedIn sent (a .zip), or the folder it unzips to")
	}
	if in.Saved != nil {
		return nil, errors.New("a saved JSON result can only be compared with an archive: give the archive first")
	}
	return &Session{policy: p, in: in}, nil
}

// Counts says how often the session read the archive and how often it
// replayed the items it kept.
func (s *Session) Counts() (reads, replays int) { return s.reads, s.replays }

// Kept is the number of items kept in memory and the bytes they take, or
// why none are kept.
func (s *Session) Kept() (items int, bytes int64, why error) {
	if s.cache == nil {
		return 0, 0, s.cacheErr
	}
	return s.cache.n, s.cache.bytes, nil
}

// run analyses the export under o's facts with the writers: from the kept
// items when there are, else by reading the archive (and keeping its items).
func (s *Session) run(ctx context.Context, o Options, writers ...analysis.ItemWriter) (*analysis.Result, error) {
	given, err := o.Facts.parse(s.policy)
	if err != nil {
		return nil, err
	}
	w := &watch{progress: s.Progress}
	writers = append(writers, w)
	opt := analysis.Options{Policy: s.policy, Given: given, Today: s.today(), Writers: writers}
	if s.cache != nil {
		s.replays++
		r, err := analysis.Run(analysis.Source{Replay: s.cache.replay(ctx, s.Yield)}, opt)
		w.end()
		return r, canceled(ctx, err)
	}
	var rec *recorder
	if s.budget() > 0 {
		rec = newRecorder(s.budget())
		opt.Writers = append(opt.Writers, rec)
	}
	s.reads++
	src := s.in.source(ctx)
	src.Progress = w.bytes
	r, err := analysis.Run(src, opt)
	w.end()
	if err = canceled(ctx, err); err != nil {
		return nil, err
	}
	if rec != nil {
		s.cache, s.cacheErr = rec.done()
	}
	return r, nil
}

func (s *Session) budget() int64 {
	switch {
	case s.Budget < 0:
		return 0
	case s.Budget == 0:
		return DefaultBudget
	}
	return s.Budget
}

func (s *Session) today() time.Time {
	if s.Today != nil {
		return s.Today()
	}
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// canceled is ctx's error once it is done: a read cut short by a Cancel
// may have left a result, which is not the export's.
func canceled(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// Report is an analysis as the page shows it.
type Report struct {
	HTML    []byte
	Summary Summary
}

// Summary is what the page says beside the report.
type Summary struct {
	Region       string         `json:"region"`
	RegionSource string         `json:"region_source"` // flag, profile or default
	Born         string         `json:"born,omitempty"`
	BornSource   string         `json:"born_source,omitempty"`
	AsOf         string         `json:"as_of"`
	ExportDate   string         `json:"export_date,omitempty"`
	ExportType   string         `json:"export_type,omitempty"`
	Sources      []string       `json:"sources"`
	Files        int            `json:"files"`
	Problems     int            `json:"problems"`
	Items        int            `json:"items"`
	ByOutcome    map[string]int `json:"by_outcome"`
	// Reads and Replays count the session's runs that read the archive
	// and those that replayed the kept items.
	Reads   int `json:"reads"`
	Replays int `json:"replays"`
	// KeptItems and KeptBytes are the items kept for re-classification;
	// NotKept says why none are.
	KeptItems int    `json:"kept_items"`
	KeptBytes int64  `json:"kept_bytes"`
	NotKept   string `json:"not_kept,omitempty"`
	Millis    int64  `json:"millis"`
}

// Report analyses the export under o and writes its HTML report.
func (s *Session) Report(ctx context.Context, o Options) (*Report, error) {
	start := time.Now()
	r, err := s.run(ctx, o)
	if err != nil {
		return nil, err
	}
	var html bytes.Buffer
	if err := report.WriteHTML(&html, r, o.html()); err != nil {
		return nil, err
	}
	sum := s.summary(r)
	sum.Millis = time.Since(start).Milliseconds()
	return &Report{HTML: html.Bytes(), Summary: sum}, nil
}

func (s *Session) summary(r *analysis.Result) Summary {
	m := r.Member
	sum := Summary{Region: m.Region, RegionSource: m.RegionSource, BornSource: m.BornSource,
		AsOf: r.AsOf.Format(time.DateOnly), ExportType: r.Export.Type, Sources: r.Export.Sources,
		Files: len(r.Export.Files), Items: r.Tally.Items, ByOutcome: map[string]int{}, Reads: s.reads, Replays: s.replays}
	if !m.Born.IsZero() {
		sum.Born = m.Born.Format(time.DateOnly)
		if m.BornYearOnly {
			sum.Born = m.Born.Format("2006")
		}
	}
	if !r.Export.Date.IsZero() {
		sum.ExportDate = r.Export.Date.Format(time.DateOnly)
	}
	sum.Problems = len(r.Export.Problems)
	for _, f := range r.Export.Files {
		sum.Problems += len(f.Problems)
	}
	for i, o := range policy.Outcomes {
		sum.ByOutcome[o.String()] = r.Tally.ByOutcome[i]
	}
	var why error
	sum.KeptItems, sum.KeptBytes, why = s.Kept()
	if why != nil {
		sum.NotKept = why.Error()
	}
	return sum
}

// Write analyses the export under o and writes one output to w: "html"
// (the report), "json" (exposure/v1) or "csv", as the command line does.
func (s *Session) Write(ctx context.Context, o Options, format string, w io.Writer) error {
	switch format {
	case "html":
		r, err := s.run(ctx, o)
		if err != nil {
			return err
		}
		return report.WriteHTML(w, r, o.html())
	case "json":
		_, err := s.run(ctx, o, report.NewJSONWriter(w, o.Redact))
		return err
	case "csv":
		_, err := s.run(ctx, o, report.NewCSVWriter(w, o.Redact))
		return err
	}
	return fmt.Errorf("session: no output %q", format)
}

// Compare compares an older export (or a saved result) with the session's
// export, both under o's facts (a saved result's own facts fill those not
// given, as on the command line), and writes the comparison page. The
// comparison is kept for WriteDiffJSON.
func (s *Session) Compare(ctx context.Context, old Input, o Options) ([]byte, error) {
	if old.empty() {
		return nil, errors.New("give the older archive, or a result saved as JSON")
	}
	given, err := o.Facts.parse(s.policy)
	if err != nil {
		return nil, err
	}
	opt := analysis.Options{Policy: s.policy, Given: given, Today: s.today()}
	cur := s.in.source(ctx)
	if s.cache != nil {
		s.replays++
		cur = analysis.Source{Replay: s.cache.replay(ctx, s.Yield)}
	} else {
		s.reads++
	}
	w := &watch{progress: s.Progress}
	cur.Progress = w.bytes
	oldSrc := old.source(ctx)
	if old.Saved != nil {
		rc, err := old.Saved()
		if err != nil {
			return nil, fmt.Errorf("%s: cannot be read: %v", old.SavedName, err)
		}
		defer rc.Close()
		oldSrc = analysis.Source{SavedJSON: ctxReader{ctx, rc}, SavedName: old.SavedName}
	}
	ow := &watch{progress: s.Progress}
	oldSrc.Progress = ow.bytes
	d, err := analysis.Compare(oldSrc, cur, opt, opt, 0)
	if err = canceled(ctx, err); err != nil {
		return nil, err
	}
	s.diff = d
	var html bytes.Buffer
	if err := report.WriteDiffHTML(&html, d, o.html()); err != nil {
		return nil, err
	}
	return html.Bytes(), nil
}

// WriteDiffJSON writes the last comparison as exposure-diff/v1.
func (s *Session) WriteDiffJSON(w io.Writer) error {
	if s.diff == nil {
		return errors.New("session: nothing compared yet")
	}
	return report.WriteDiffJSON(w, s.diff)
}

// source is the input as an analysis source whose reads stop once ctx is done.
func (in Input) source(ctx context.Context) analysis.Source {
	src := analysis.Source{Limits: parse.DefaultLimits}
	for _, z := range in.Zips {
		z.R = ctxReaderAt{ctx, z.R}
		src.Zips = append(src.Zips, z)
	}
	for _, d := range in.Dirs {
		d.FS = ctxFS{ctx, d.FS}
		src.Dirs = append(src.Dirs, d)
	}
	return src
}

type ctxReaderAt struct {
	ctx context.Context
	r   io.ReaderAt
}

func (r ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.ReadAt(p, off)
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

type ctxFS struct {
	ctx context.Context
	fs  fs.FS
}

func (f ctxFS) Open(name string) (fs.File, error) {
	if err := f.ctx.Err(); err != nil {
		return nil, err
	}
	file, err := f.fs.Open(name)
	if err != nil {
		return nil, err
	}
	return ctxFile{file, f.ctx}, nil
}

// ReadDir keeps the folder's own listing (fs.WalkDir needs it).
func (f ctxFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.ctx.Err(); err != nil {
		return nil, err
	}
	return fs.ReadDir(f.fs, name)
}

// ctxFile is a file of a ctxFS: its reads stop, as a ctxReader's, once
// ctx is done.
type ctxFile struct {
	fs.File
	ctx context.Context
}

func (f ctxFile) Read(p []byte) (int, error) { return ctxReader{f.ctx, f.File}.Read(p) }

// watch is the ItemWriter that counts the items and files written, for
// the progress the page shows; it also receives parse's byte counts.
type watch struct {
	progress func(Progress)
	mu       sync.Mutex // parse counts bytes on its readers' goroutines
	p        Progress
	file     string
	last     time.Time
}

func (w *watch) Begin(*analysis.Result) error { return nil }

func (w *watch) AppendRow(dst []byte, it *parse.Item, _ *policy.Result) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(it.File)))
	return append(dst, it.File...)
}

func (w *watch) WriteRow(row []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.p.Items++
	n, k := binary.Uvarint(row)
	if k > 0 && int(n) <= len(row)-k {
		if f := row[k : k+int(n)]; string(f) != w.file {
			w.file = string(f)
			w.p.Files++
		}
	}
	if w.p.Items%4096 == 0 {
		w.report(false)
	}
	return nil
}

func (w *watch) End(*analysis.Result) error { return nil }

func (w *watch) bytes(done, total int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.p.Done, w.p.Total = done, total
	w.report(false)
}

// end tells the page the final counts.
func (w *watch) end() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.report(true)
}

// report tells the page, at most every 50 ms unless final; w.mu is held.
func (w *watch) report(final bool) {
	if w.progress == nil {
		return
	}
	if now := time.Now(); final || now.Sub(w.last) >= 50*time.Millisecond {
		w.last = now
		w.progress(w.p)
	}
}
