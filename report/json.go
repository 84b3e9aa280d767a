package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"time"

	"exposure/parse"
)

// Schema is the name and version of the JSON result (contract, "--json result").
const Schema = "exposure/v1"

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
	WhatIf       []WhatIfPoint `json:"what_if,omitempty"`
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
	Date       *string  `json:"date"`
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

func stamp(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// WriteJSON writes r, whose items are in memory, as the contract's
// exposure/v1 object, exactly as Stream writes it while reading: the items
// go through a stream again. Without a classification (inspect) it leaves
// out member, policy, the outcome totals and the item outcomes.
func WriteJSON(w io.Writer, r *Result) error {
	return r.restream(w, nil)
}

// jsonWriter writes the result: head, items one by one, tail.
type jsonWriter struct {
	bw *bufio.Writer
	n  int
}

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{bw: bufio.NewWriterSize(w, 256<<10)}
}

func (j *jsonWriter) start(r *Result) error {
	head, err := json.Marshal(r.documentHead())
	if err != nil {
		return err
	}
	j.bw.Write(bytes.TrimSuffix(head, []byte("}")))
	_, err = j.bw.WriteString(`,"items":[`)
	return err
}

// item writes one encoded item.
func (j *jsonWriter) item(b []byte) error {
	if j.n > 0 {
		j.bw.WriteByte(',')
	}
	j.n++
	j.bw.WriteByte('\n')
	_, err := j.bw.Write(b)
	return err
}

func (j *jsonWriter) end(r *Result) error {
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

func (r *Result) documentHead() documentHead {
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

func (r *Result) document() document {
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
		d.WhatIf = r.WhatIf
	}
	r.redactDocument(&d)
	return d
}

// totals is the contract's totals object.
func (r *Result) totals() totalsJSON {
	t := totalsJSON{Items: r.Tally.Items, ByKind: map[string]map[string]int{}}
	if r.Classified() {
		t.ByOutcome = r.ByOutcome()
	}
	for kind, k := range r.Tally.Kinds {
		m := map[string]int{"items": k.N}
		if r.Classified() {
			for i, o := range Outcomes {
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

func (r *Result) memberJSON() *memberJSON {
	m := r.Member
	return &memberJSON{
		Region: m.Region, RegionSource: m.RegionSource,
		OptOut: day(m.OptOut), Objection: day(m.Objection),
		Born: m.bornText(), BornSource: m.BornSource,
		Registered: day(m.Registered),
	}
}

// itemJSON is item it with its outcome (nil when unclassified); flags is
// scratch space for the joined flags, returned for reuse.
func (r *Result) itemJSON(it *parse.Item, o *Outcome, flags []string) (itemJSON, []string) {
	j := itemJSON{
		ID: it.ID, File: it.File, Line: it.Line, Kind: string(it.Kind),
		Date: stamp(it.Date), DateBasis: it.Basis.String(), Visibility: it.Visibility,
	}
	if !r.Redact {
		j.Text = it.Text
	} else {
		j.File = redactPath(j.File)
	}
	flags = append(flags[:0], it.Flags...)
	if o != nil {
		j.Outcome, j.Reason, j.Confidence = o.Outcome, o.Reason, o.Confidence
		flags = append(flags, o.Flags...)
	}
	if flags == nil {
		flags = []string{}
	}
	j.Flags = flags
	return j, flags
}
