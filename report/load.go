package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"exposure/parse"
)

// ScanJSON reads back a result written by --json (report or inspect) so
// that `exposure diff` can compare a saved result with a new archive. It
// streams: the items are decoded one by one and handed to the sink start
// returns, in batches, never all held. start is called before the first
// item with the member facts the result was made with (nil for an inspect
// result) and the registration day it recorded. The items keep what
// classification needs (kind, date and its basis, visibility), so they can
// be classified again under the same member facts as the other side.
func ScanJSON(path string, start func(*SavedMember, parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot be read: %v", path, err)
	}
	defer f.Close()
	return scanJSON(bufio.NewReaderSize(f, 256<<10), path, start)
}

// SavedMember is the member block of a saved result.
type SavedMember struct {
	Region, OptOut, Objection, Born, Registered, AsOf string
}

// savedDoc is a saved result but its items.
type savedDoc struct {
	Schema     string        `json:"schema"`
	AsOf       *string       `json:"as_of"`
	ExportDate *string       `json:"export_date"`
	ExportType string        `json:"export_type"`
	Sources    []string      `json:"sources"`
	Member     *memberJSON   `json:"member"`
	Files      []fileJSON    `json:"files"`
	Unknown    []unknownJSON `json:"unknown_files"`
}

func scanJSON(r io.Reader, name string, start func(*SavedMember, parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	notOurs := func(err error) error { return fmt.Errorf("%s: not a JSON result of exposure: %v", name, err) }
	dec := json.NewDecoder(r)
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
			saved, facts := d.saved()
			sink, err := start(saved, facts)
			if err != nil {
				return nil, err
			}
			if err := decodeItems(dec, name, sink); err != nil {
				return nil, err
			}
			items = true
		case fields[key] != nil:
			if err := dec.Decode(fields[key]); err != nil {
				return nil, notOurs(fmt.Errorf("%q: %v", key, err))
			}
		default: // totals, what_if, problems: computed again
			var skip json.RawMessage
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
func decodeItems(dec *json.Decoder, name string, sink parse.Sink) error {
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
		var j itemJSON
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

// saved is the member block, and the member facts it records.
func (d *savedDoc) saved() (*SavedMember, parse.Member) {
	if d.Member == nil {
		return nil, parse.Member{}
	}
	m := &SavedMember{Region: d.Member.Region, OptOut: deref(d.Member.OptOut), Objection: deref(d.Member.Objection),
		Born: deref(d.Member.Born), Registered: deref(d.Member.Registered), AsOf: deref(d.AsOf)}
	var facts parse.Member
	facts.Registered, _ = time.Parse("2006-01-02", m.Registered)
	return m, facts
}

// export is the saved export's account of its files.
func (d *savedDoc) export(name string) *parse.Export {
	x := &parse.Export{Sources: []string{name}, Type: d.ExportType}
	if d.ExportDate != nil {
		x.Date, _ = time.Parse("2006-01-02", *d.ExportDate)
	}
	for _, f := range d.Files {
		x.Files = append(x.Files, parse.FileReport{Path: f.Path, Source: f.Source, Kind: parse.Kind(f.Kind), Encoding: f.Encoding,
			Rows: f.Rows, Items: f.Items, Rejected: f.Rejected, Repairs: f.Repairs, Notes: f.Notes})
	}
	for _, u := range d.Unknown {
		x.Unknown = append(x.Unknown, parse.UnknownFile{Path: u.Path, Source: u.Source, Rows: u.Rows})
	}
	_, x.Member = d.saved()
	return x
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func itemFromJSON(j itemJSON) (parse.Item, error) {
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
