package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
)

// Schema is the name and version of the JSON result (contract, "--json result").
const Schema = analysis.Schema

// document is the JSON result without its items, which are streamed
// between its head and its tail: the head is known before the first item
// is read, the tail (files, totals, what-if) only after the last.
type document struct {
	documentHead
	documentTail
}

type documentHead struct {
	Schema string      `json:"schema"`
	Mode   string      `json:"mode"`
	AsOf   *string     `json:"as_of,omitempty"`
	Member *memberJSON `json:"member,omitempty"`
	Policy *policyJSON `json:"policy,omitempty"`
}

type documentTail struct {
	ExportDate   *string       `json:"export_date"`
	ExportType   string        `json:"export_type"`
	Sources      []string      `json:"sources"`
	Files        []fileJSON    `json:"files"`
	UnknownFiles []unknownJSON `json:"unknown_files"`
	Problems     []problemJSON `json:"problems"`
	Totals       totalsJSON    `json:"totals"`
	WhatIf       []whatIfJSON  `json:"what_if,omitempty"`
}

// whatIfJSON: had the member opted out on Month (its first day), how many
// items would have each outcome.
type whatIfJSON struct {
	Month  string         `json:"month"`
	Counts map[string]int `json:"counts"`
}

type memberJSON struct {
	Region       string  `json:"region"`
	RegionSource string  `json:"region_source"`
	OptOut       *string `json:"opt_out"`
	Objection    *string `json:"objection"`
	Born         *string `json:"born"`
	BornSource   string  `json:"born_source,omitempty"`
	Registered   *string `json:"registered"`
}

type policyJSON struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Origin  string `json:"origin"`
}

type fileJSON struct {
	Path     string         `json:"path"`
	Source   string         `json:"source"`
	Kind     string         `json:"kind"`
	Encoding string         `json:"encoding"`
	Rows     int            `json:"rows"`
	Items    int            `json:"items"`
	Rejected int            `json:"rejected"`
	Dups     int            `json:"duplicates"`
	First    *string        `json:"first_date"`
	Last     *string        `json:"last_date"`
	Repairs  map[string]int `json:"repairs"`
	Notes    []string       `json:"notes"`
	Problems []problemJSON  `json:"problems"`
}

type problemJSON struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

type unknownJSON struct {
	Path   string `json:"path"`
	Source string `json:"source"`
	Rows   int    `json:"rows"`
	Note   string `json:"note,omitempty"`
}

type totalsJSON struct {
	Items     int                       `json:"items"`
	ByOutcome map[string]int            `json:"by_outcome,omitempty"`
	ByKind    map[string]map[string]int `json:"by_kind"`
}

type itemJSON struct {
	ID         string   `json:"id"`
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Kind       string   `json:"kind"`
	Date       itemDate `json:"date"`
	DateBasis  string   `json:"date_basis"`
	Visibility string   `json:"visibility,omitempty"`
	Outcome    string   `json:"outcome,omitempty"`
	Reason     string   `json:"reason,omitempty"`
	Confidence string   `json:"confidence,omitempty"`
	Flags      []string `json:"flags"`
	Text       string   `json:"text,omitempty"`
}

func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format("2006-01-02")
	return &s
}

// itemDate is an item's date in the JSON result: RFC 3339 in UTC, or null
// when the item has none. It is appended in place (appendItemJSON): a
// string per item made a tenth of a large report's garbage.
type itemDate struct{ t time.Time }

func (d itemDate) MarshalJSON() ([]byte, error) { return appendItemDate(nil, d), nil }

func appendItemDate(buf []byte, d itemDate) []byte {
	if d.t.IsZero() {
		return append(buf, "null"...)
	}
	buf = append(buf, '"')
	buf = d.t.UTC().AppendFormat(buf, time.RFC3339)
	return append(buf, '"')
}

// text is the date as the CSV result writes it: "" when there is none.
func (d itemDate) text() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.UTC().Format(time.RFC3339)
}

func stamp(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// NewJSONWriter writes the contract's exposure/v1 object to w while the
// export is read: its head before the first item, the items one per line,
// and its tail (files, problems, totals, what-if), known only once the last
// item is read. Without a classification (inspect) it leaves out member,
// policy, the outcome totals and the item outcomes.
func NewJSONWriter(w io.Writer, redact bool) analysis.ItemWriter {
	return &jsonWriter{bw: bufio.NewWriterSize(w, 256<<10), redact: redact}
}

// jsonWriter writes the result: head, items one by one, tail.
type jsonWriter struct {
	bw     *bufio.Writer
	redact bool
	n      int
}

func (j *jsonWriter) Begin(ar *analysis.Result) error {
	r := &result{ar, j.redact}
	head, err := json.Marshal(r.documentHead())
	if err != nil {
		return err
	}
	j.bw.Write(bytes.TrimSuffix(head, []byte("}")))
	_, err = j.bw.WriteString(`,"items":[`)
	return err
}

func (j *jsonWriter) AppendRow(dst []byte, it *parse.Item, c *policy.Result) []byte {
	row := itemJSONOf(it, c, j.redact)
	return appendItemJSON(dst, &row)
}

// WriteRow writes one encoded item.
func (j *jsonWriter) WriteRow(b []byte) error {
	if j.n > 0 {
		j.bw.WriteByte(',')
	}
	j.n++
	j.bw.WriteByte('\n')
	_, err := j.bw.Write(b)
	return err
}

func (j *jsonWriter) End(ar *analysis.Result) error {
	r := &result{ar, j.redact}
	d := r.document()
	tail, err := json.Marshal(d.documentTail)
	if err != nil {
		return err
	}
	j.bw.WriteString("\n],")
	j.bw.Write(bytes.TrimPrefix(tail, []byte("{")))
	j.bw.WriteByte('\n')
	return j.bw.Flush()
}

func (r *result) documentHead() documentHead {
	h := documentHead{Schema: Schema, Mode: "inspect"}
	if r.Classified() {
		h.Mode = "report"
		h.AsOf = day(r.AsOf)
		h.Member = r.memberJSON()
		h.Policy = &policyJSON{r.Policy.ID, r.Policy.Version, r.Policy.Origin}
		if r.Redact {
			h.Policy.Origin = redactOrigin(h.Policy.Origin)
		}
	}
	return h
}

func (r *result) document() document {
	x := r.Export
	d := document{documentHead: r.documentHead(), documentTail: documentTail{
		ExportDate: day(x.Date), ExportType: x.Type,
		Sources:      x.Sources,
		Files:        []fileJSON{},
		UnknownFiles: []unknownJSON{},
		Problems:     []problemJSON{},
		Totals:       r.totals(),
	}}
	for _, f := range x.Files {
		d.Files = append(d.Files, fileToJSON(f))
	}
	for _, u := range x.Unknown {
		d.UnknownFiles = append(d.UnknownFiles, unknownJSON{u.Path, u.Source, u.Rows, u.Note})
	}
	for _, p := range x.Problems {
		d.Problems = append(d.Problems, problemJSON{p.File, p.Line, p.Reason})
	}
	if r.Classified() {
		for _, w := range r.WhatIf {
			counts := make(map[string]int, len(outcomeNames))
			for i, o := range outcomeNames {
				counts[o] = w.Counts[i]
			}
			d.WhatIf = append(d.WhatIf, whatIfJSON{Month: w.Month.Format("2006-01"), Counts: counts})
		}
	}
	r.redactDocument(&d)
	return d
}

// totals is the contract's totals object.
func (r *result) totals() totalsJSON {
	t := totalsJSON{Items: r.Tally.Items, ByKind: map[string]map[string]int{}}
	if r.Classified() {
		t.ByOutcome = r.ByOutcome()
	}
	for kind, k := range r.Tally.Kinds {
		m := map[string]int{"items": k.N}
		if r.Classified() {
			for i, o := range outcomeNames {
				if k.ByOutcome[i] > 0 {
					m[o] = k.ByOutcome[i]
				}
			}
		}
		t.ByKind[string(kind)] = m
	}
	return t
}

func fileToJSON(f parse.FileReport) fileJSON {
	fj := fileJSON{
		Path: f.Path, Source: f.Source, Kind: string(f.Kind), Encoding: f.Encoding,
		Rows: f.Rows, Items: f.Items, Rejected: f.Rejected, Dups: f.Duplicates,
		First: stamp(f.First), Last: stamp(f.Last),
		Repairs: f.Repairs, Notes: f.Notes, Problems: []problemJSON{},
	}
	if fj.Repairs == nil {
		fj.Repairs = map[string]int{}
	}
	if fj.Notes == nil {
		fj.Notes = []string{}
	}
	for _, p := range f.Problems {
		fj.Problems = append(fj.Problems, problemJSON{Line: p.Line, Reason: p.Reason})
	}
	return fj
}

func (r *result) memberJSON() *memberJSON {
	m := r.Member
	return &memberJSON{
		Region: m.Region, RegionSource: m.RegionSource,
		OptOut: day(m.OptOut), Objection: day(m.Objection),
		Born: r.bornText(), BornSource: m.BornSource,
		Registered: day(m.Registered),
	}
}

// itemJSONOf is item it with its classification (nil when unclassified).
func itemJSONOf(it *parse.Item, c *policy.Result, redact bool) itemJSON {
	j := itemJSON{
		ID: it.ID, File: it.File, Line: it.Line, Kind: string(it.Kind),
		Date: itemDate{it.Date}, DateBasis: it.Basis.String(), Visibility: it.Visibility,
	}
	if !redact {
		j.Text = it.Text
	} else {
		j.File = redactPath(j.File)
	}
	j.Flags = it.Flags
	if c != nil {
		j.Outcome, j.Reason, j.Confidence = c.Outcome.String(), string(c.Reason), c.Confidence
		// The policy's lists are shared and read-only: joined, never appended to.
		if len(j.Flags) == 0 {
			j.Flags = c.Flags
		} else {
			j.Flags = append(slices.Clip(j.Flags), c.Flags...)
		}
	}
	if j.Flags == nil {
		j.Flags = []string{}
	}
	return j
}
