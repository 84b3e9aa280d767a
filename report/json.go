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

// document is the JSON result without its items, which are streamed.
type document struct {
	Schema       string        `json:"schema"`
	Mode         string        `json:"mode"`
	AsOf         *string       `json:"as_of,omitempty"`
	ExportDate   *string       `json:"export_date"`
	ExportType   string        `json:"export_type"`
	Sources      []string      `json:"sources"`
	Member       *memberJSON   `json:"member,omitempty"`
	Policy       *policyJSON   `json:"policy,omitempty"`
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

// WriteJSON writes r as the contract's exposure/v1 object. Without a
// classification (inspect) it leaves out member, policy, the outcome totals
// and the item outcomes. Items are written one by one, so memory does not
// grow with the output.
func WriteJSON(w io.Writer, r *Result) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head, err := json.Marshal(r.document())
	if err != nil {
		return err
	}
	bw.Write(bytes.TrimSuffix(head, []byte("}")))
	bw.WriteString(`,"items":[`)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range r.Export.Items {
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n")
		if err := enc.Encode(r.itemJSON(i)); err != nil {
			return err
		}
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func (r *Result) document() document {
	x := r.Export
	d := document{
		Schema: Schema, Mode: "inspect",
		ExportDate: day(x.Date), ExportType: x.Type,
		Sources:      x.Sources,
		Files:        []fileJSON{},
		UnknownFiles: []unknownJSON{},
		Problems:     []problemJSON{},
		Totals:       totalsJSON{Items: len(x.Items), ByKind: map[string]map[string]int{}},
	}
	for _, f := range x.Files {
		d.Files = append(d.Files, fileToJSON(f))
	}
	for _, u := range x.Unknown {
		d.UnknownFiles = append(d.UnknownFiles, unknownJSON{u.Path, u.Source, u.Rows, u.Note})
	}
	for _, p := range x.Problems {
		d.Problems = append(d.Problems, problemJSON{p.File, p.Line, p.Reason})
	}
	for i, it := range x.Items {
		k := string(it.Kind)
		if d.Totals.ByKind[k] == nil {
			d.Totals.ByKind[k] = map[string]int{}
		}
		d.Totals.ByKind[k]["items"]++
		if r.Classified() {
			d.Totals.ByKind[k][r.Outcomes[i].Outcome]++
		}
	}
	if r.Classified() {
		d.Mode = "report"
		d.AsOf = day(r.AsOf)
		d.Member = r.memberJSON()
		d.Policy = &policyJSON{r.Policy.ID, r.Policy.Version, r.Policy.Origin}
		d.Totals.ByOutcome = r.ByOutcome()
		d.WhatIf = r.WhatIf
	}
	r.redactDocument(&d)
	return d
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
		Registered: day(r.Export.Member.Registered),
	}
}

func (r *Result) itemJSON(i int) itemJSON {
	it := r.Export.Items[i]
	j := itemJSON{
		ID: it.ID, File: it.File, Line: it.Line, Kind: string(it.Kind),
		Date: stamp(it.Date), DateBasis: it.Basis.String(), Visibility: it.Visibility,
		Flags: it.Flags,
	}
	if !r.Redact {
		j.Text = it.Text
	} else {
		j.File = redactPath(j.File)
	}
	if r.Classified() {
		o := r.Outcomes[i]
		j.Outcome, j.Reason, j.Confidence = o.Outcome, o.Reason, o.Confidence
		j.Flags = append(append([]string{}, it.Flags...), o.Flags...)
	}
	if j.Flags == nil {
		j.Flags = []string{}
	}
	return j
}
