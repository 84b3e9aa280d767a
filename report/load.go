package report

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"exposure/parse"
)

// ReadJSON reads back a result written by WriteJSON (inspect or report), so
// that `exposure diff` can compare a saved result with a new archive. The
// items keep what classification needs (kind, date and its basis,
// visibility), so they can be classified again under the same member facts
// as the other side. It returns the export and the member facts the result
// was made with, if any.
func ReadJSON(path string) (*parse.Export, *SavedMember, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: cannot be read: %v", path, err)
	}
	defer f.Close()
	return decodeJSON(f, path)
}

// SavedMember is the member block of a saved result.
type SavedMember struct {
	Region, OptOut, Objection, Born, Registered, AsOf string
}

type savedDoc struct {
	Schema     string        `json:"schema"`
	AsOf       *string       `json:"as_of"`
	ExportDate *string       `json:"export_date"`
	ExportType string        `json:"export_type"`
	Sources    []string      `json:"sources"`
	Member     *memberJSON   `json:"member"`
	Files      []fileJSON    `json:"files"`
	Unknown    []unknownJSON `json:"unknown_files"`
	Items      []itemJSON    `json:"items"`
}

func decodeJSON(r io.Reader, name string) (*parse.Export, *SavedMember, error) {
	var d savedDoc
	if err := json.NewDecoder(r).Decode(&d); err != nil {
		return nil, nil, fmt.Errorf("%s: not a JSON result of exposure: %v", name, err)
	}
	if d.Schema != Schema {
		return nil, nil, fmt.Errorf("%s: schema %q, want %q (write it with exposure report --json)", name, d.Schema, Schema)
	}
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
	for i, it := range d.Items {
		item, err := itemFromJSON(it)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: item %d: %v", name, i+1, err)
		}
		x.Items = append(x.Items, item)
	}
	var m *SavedMember
	if d.Member != nil {
		m = &SavedMember{Region: d.Member.Region, OptOut: deref(d.Member.OptOut), Objection: deref(d.Member.Objection),
			Born: deref(d.Member.Born), Registered: deref(d.Member.Registered), AsOf: deref(d.AsOf)}
		x.Member.Registered, _ = time.Parse("2006-01-02", m.Registered)
	}
	return x, m, nil
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
