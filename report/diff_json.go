package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"strings"

	"exposure/analysis"
)

// DiffSchema names the JSON form of a comparison (contract, "diff --json").
const DiffSchema = "exposure-diff/v1"

// diffSideJSON is the contract's totals object of one side, with where it
// came from added beside its keys.
type diffSideJSON struct {
	totalsJSON
	Sources []string    `json:"sources"`
	AsOf    *string     `json:"as_of"`
	Member  *memberJSON `json:"member"`
}

type diffItemJSON struct {
	ID      string  `json:"id"`
	Kind    string  `json:"kind"`
	Date    *string `json:"date"`
	File    string  `json:"file"`
	Line    int     `json:"line"`
	Outcome string  `json:"outcome"`
}

type diffChangeJSON struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	Date       *string `json:"date"`
	OldOutcome string  `json:"old_outcome"`
	OldReason  string  `json:"old_reason"`
	NewOutcome string  `json:"new_outcome"`
	NewReason  string  `json:"new_reason"`
}

func side(ar *analysis.Result) diffSideJSON {
	r := &result{Result: ar}
	return diffSideJSON{totalsJSON: r.totals(), Sources: r.Export.Sources, AsOf: day(r.AsOf), Member: r.memberJSON()}
}

// WriteDiffJSON writes the comparison as exposure-diff/v1: old and new
// (each the contract's totals, with where it came from), added and removed
// (count, by_kind and items) and changed (count and list). The lists are
// written item by item, one per line: comparing two unrelated exports lists
// millions.
func WriteDiffJSON(w io.Writer, d *analysis.Diff) error {
	jw := &diffWriter{bw: bufio.NewWriterSize(w, 256<<10)}
	added, removed, changed := d.Counts()
	jw.raw("{\n \"schema\": ")
	jw.value(DiffSchema, " ")
	jw.raw(",\n \"old\": ")
	jw.value(side(d.Old), " ")
	jw.raw(",\n \"new\": ")
	jw.value(side(d.New), " ")
	jw.raw(",\n \"added\": ")
	writeSet(jw, added, d.Added())
	jw.raw(",\n \"removed\": ")
	writeSet(jw, removed, d.Removed())
	jw.raw(",\n \"changed\": {\n  \"count\": ")
	jw.value(changed, "  ")
	jw.raw(",\n  \"list\": [")
	i := 0
	for old, cur := range d.Changed() {
		jw.item(i, diffChangeJSON{ID: cur.ID, Kind: string(cur.Kind), Date: stamp(cur.Date),
			OldOutcome: old.Outcome.String(), OldReason: string(old.Reason), NewOutcome: cur.Outcome.String(), NewReason: string(cur.Reason)})
		i++
	}
	jw.endList()
	jw.raw("\n }\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.bw.Flush()
}

// writeSet writes an added or removed set: its count, by kind, and items.
func writeSet(jw *diffWriter, count int, items iter.Seq[analysis.DiffItem]) {
	jw.raw("{\n  \"count\": ")
	jw.value(count, "  ")
	jw.raw(",\n  \"by_kind\": ")
	jw.value(byKind(items), "  ")
	jw.raw(",\n  \"items\": [")
	i := 0
	for it := range items {
		jw.item(i, diffItemJSON{ID: it.ID, Kind: string(it.Kind), Date: stamp(it.Date), File: it.File, Line: it.Line, Outcome: it.Outcome.String()})
		i++
	}
	jw.endList()
	jw.raw("\n }")
}

// diffWriter writes JSON pieces, keeping the first error.
type diffWriter struct {
	bw    *bufio.Writer
	err   error
	items int
}

func (j *diffWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.bw.WriteString(s)
	}
}

// value writes v indented under prefix, without escaping HTML characters
// (paths and sources are shown as they are).
func (j *diffWriter) value(v any, prefix string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, " ")
	if err := enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.raw(strings.TrimSuffix(b.String(), "\n"))
}

// item writes the i-th element of a list, on a line of its own.
func (j *diffWriter) item(i int, v any) {
	if i > 0 {
		j.raw(",")
	}
	j.raw("\n   ")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.raw(strings.TrimSuffix(b.String(), "\n"))
	j.items = i + 1
}

// endList closes a list, on its own line when it has items.
func (j *diffWriter) endList() {
	if j.items > 0 {
		j.raw("\n  ")
	}
	j.raw("]")
	j.items = 0
}
