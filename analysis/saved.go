package analysis

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"exposure/parse"
)

// Schema is the name and version of a JSON result (contract, "--json
// result"); a saved result is read back only in this schema.
const Schema = "exposure/v1"

// scanSaved reads back a result written by --json (report or inspect) so
// that a saved result can be compared with a new archive. It streams: the
// items are decoded one by one and handed to the sink start returns, in
// batches, never all held. start is called before the first item with the
// member facts the result was made with (none for an inspect result) and
// the registration day it recorded. The items keep what classification
// needs (kind, date and its basis, visibility), so they can be classified
// again under the same member facts as the other side.
func scanSaved(path string, start func(Facts, parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot be read: %v", path, err)
	}
	defer f.Close()
	return decodeSaved(bufio.NewReaderSize(f, 256<<10), path, start)
}

// savedDoc is what is read of a saved result but its items: the parts a
// comparison needs, and the account of the files. Totals, problems and the
// what-if curve are computed again. (encoding/json matches keys to field
// names regardless of case, so only keys with an underscore need a tag.)
type savedDoc struct {
	Schema     string
	Sources    []string
	Member     *savedMember
	Files      []savedFile
	Unknown    []savedFile `json:"unknown_files"`
	ExportType string      `json:"export_type"`
	AsOf       *string     `json:"as_of"`
	ExportDate *string     `json:"export_date"`
}

type savedMember struct {
	Region                      string
	Objection, Born, Registered *string
	OptOut                      *string `json:"opt_out"`
}

type savedFile struct {
	Path, Source, Kind    string
	Rows, Items, Rejected int
}

// savedItem is what is read of an item: what classifying it again needs,
// and where it came from.
type savedItem struct {
	ID, File, Kind, Visibility, Text string
	Line                             int
	Date                             *string
	DateBasis                        string `json:"date_basis"`
}

func decodeSaved(r io.Reader, name string, start func(Facts, parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	notOurs := func(err error) error { return fmt.Errorf("%s: not a JSON result of exposure: %v", name, err) }
	limit := &valueLimit{r: r, max: maxSavedValue}
	dec := json.NewDecoder(limit)
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, notOurs(fmt.Errorf("it does not hold a JSON object"))
	}
	var d savedDoc
	fields := map[string]any{"schema": &d.Schema, "as_of": &d.AsOf, "export_date": &d.ExportDate, "export_type": &d.ExportType,
		"sources": &d.Sources, "member": &d.Member, "files": &d.Files, "unknown_files": &d.Unknown}
	items := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, notOurs(err)
		}
		key, _ := tok.(string)
		switch {
		case key == "items":
			if d.Schema != Schema {
				return nil, fmt.Errorf("%s: schema %q, want %q (write it with exposure report --json)", name, d.Schema, Schema)
			}
			saved, facts, err := d.saved()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
			sink, err := start(saved, facts)
			if err != nil {
				return nil, err
			}
			if err := decodeItems(dec, limit, name, sink); err != nil {
				return nil, err
			}
			items = true
		case fields[key] != nil:
			limit.next()
			if err := dec.Decode(fields[key]); err != nil {
				return nil, notOurs(fmt.Errorf("%q: %v", key, err))
			}
		default: // totals, what_if, problems: computed again
			var skip json.RawMessage
			limit.next()
			if err := dec.Decode(&skip); err != nil {
				return nil, notOurs(err)
			}
		}
	}
	if !items {
		return nil, notOurs(fmt.Errorf("it holds no items"))
	}
	return d.export(name), nil
}

// decodeItems streams the items array into the sink.
func decodeItems(dec *json.Decoder, limit *valueLimit, name string, sink parse.Sink) error {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return fmt.Errorf("%s: items is not a list", name)
	}
	const size = 4096
	batch := make([]parse.Item, 0, size)
	seq, n := 0, 0
	flush := func() {
		b := parse.NewBatch(batch, seq)
		sink.Process(b)
		sink.Commit(b)
		seq++
		batch = make([]parse.Item, 0, size)
	}
	for dec.More() {
		n++
		var j savedItem
		limit.next()
		if err := dec.Decode(&j); err != nil {
			return fmt.Errorf("%s: item %d: %v", name, n, err)
		}
		it, err := itemFromJSON(j)
		if err != nil {
			return fmt.Errorf("%s: item %d: %v", name, n, err)
		}
		if batch = append(batch, it); len(batch) == size {
			flush()
		}
	}
	if len(batch) > 0 {
		flush()
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("%s: after item %d: %v", name, n, err)
	}
	return nil
}

// saved is the facts the result was made with, and the member facts it
// recorded of the export.
func (d *savedDoc) saved() (Facts, parse.Member, error) {
	var f Facts
	var x parse.Member
	if d.Member == nil {
		return f, x, nil
	}
	m := d.Member
	var err error
	f.Region = m.Region
	for _, fact := range []struct {
		name string
		v    *string
		t    *time.Time
	}{{"as_of", d.AsOf, &f.AsOf}, {"opt_out", m.OptOut, &f.OptOut}, {"objection", m.Objection, &f.Objection}, {"registered", m.Registered, &x.Registered}} {
		if fact.v == nil {
			continue
		}
		if *fact.t, err = time.Parse(time.DateOnly, *fact.v); err != nil {
			return f, x, fmt.Errorf("member %s %q is not a date", fact.name, *fact.v)
		}
	}
	if m.Born != nil {
		if f.Born, f.BornYearOnly, err = ParseBorn(*m.Born); err != nil {
			return f, x, fmt.Errorf("member born %q: %v", *m.Born, err)
		}
	}
	return f, x, nil
}

// export is the saved export's account of its files.
func (d *savedDoc) export(name string) *parse.Export {
	x := &parse.Export{Sources: []string{name}, Type: d.ExportType}
	if d.ExportDate != nil {
		x.Date, _ = time.Parse(time.DateOnly, *d.ExportDate)
	}
	for _, f := range d.Files {
		x.Files = append(x.Files, parse.FileReport{Path: f.Path, Source: f.Source, Kind: parse.Kind(f.Kind),
			Rows: f.Rows, Items: f.Items, Rejected: f.Rejected})
	}
	for _, u := range d.Unknown {
		x.Unknown = append(x.Unknown, parse.UnknownFile{Path: u.Path, Source: u.Source, Rows: u.Rows})
	}
	_, x.Member, _ = d.saved()
	return x
}

func itemFromJSON(j savedItem) (parse.Item, error) {
	it := parse.Item{ID: j.ID, Kind: parse.Kind(j.Kind), File: j.File, Line: j.Line, Visibility: j.Visibility, Text: j.Text}
	if j.ID == "" || j.Kind == "" {
		return it, fmt.Errorf("no id or kind")
	}
	if j.Date != nil {
		d, err := time.Parse(time.RFC3339, *j.Date)
		if err != nil {
			return it, fmt.Errorf("date %q: %v", *j.Date, err)
		}
		it.Date = d.UTC()
	}
	switch j.DateBasis {
	case "exact":
		it.Basis = parse.DateExact
	case "lower_bound":
		it.Basis = parse.DateLowerBound
	default:
		it.Basis = parse.DateNone
	}
	return it, nil
}

// maxSavedValue bounds what one value of a saved result (an item, the list
// of files) may take: a result exposure writes holds items of a few
// hundred bytes (texts are 140-character snippets) and a list of files of
// a few kilobytes, and a crafted one with a string of gigabytes must not be
// read into memory.
const maxSavedValue = 16 << 20

// valueLimit lets the JSON decoder read at most max bytes for one value:
// next starts a value's allowance. The decoder reads ahead, so a value may
// see a little more than its own bytes, never more than max in all.
type valueLimit struct {
	r      io.Reader
	n, max int
}

var errValueTooLong = fmt.Errorf("a value longer than %d MiB: not a result written by exposure", maxSavedValue>>20)

func (l *valueLimit) next() { l.n = 0 }

func (l *valueLimit) Read(p []byte) (int, error) {
	if l.n >= l.max {
		return 0, errValueTooLong
	}
	if len(p) > l.max-l.n {
		p = p[:l.max-l.n]
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}
