package report

import (
	"bufio"
	"io"
	"strconv"

	"exposure/analysis"
)

// diffCSVHeader: one row per item added, removed or whose outcome changed
// (contract, "diff --csv"); the side an item is missing from has empty
// cells.
var diffCSVHeader = []string{"change", "id", "kind", "date", "file", "line", "old_outcome", "old_reason", "new_outcome", "new_reason"}

// WriteDiffCSV writes the comparison's items as CSV: the added items, then
// the removed ones (the member's deletions), then those whose outcome
// changed, each in its export's order. Files and lines are the new
// export's for added and changed items, the old one's for removed items.
func WriteDiffCSV(w io.Writer, d *analysis.Diff) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	var buf []byte
	row := func(change string, it analysis.DiffItem, old, cur *analysis.DiffItem) error {
		date := ""
		if s := stamp(it.Date); s != nil {
			date = *s
		}
		rec := []string{change, it.ID, string(it.Kind), date, it.File, strconv.Itoa(it.Line), "", "", "", ""}
		if old != nil {
			rec[6], rec[7] = old.Outcome.String(), string(old.Reason)
		}
		if cur != nil {
			rec[8], rec[9] = cur.Outcome.String(), string(cur.Reason)
		}
		for k := range rec {
			rec[k] = defuseFormula(rec[k])
		}
		buf = appendCSVRecord(buf[:0], rec)
		_, err := bw.Write(buf)
		return err
	}
	if _, err := bw.Write(appendCSVRecord(nil, diffCSVHeader)); err != nil {
		return err
	}
	for it := range d.Added() {
		if err := row("added", it, nil, &it); err != nil {
			return err
		}
	}
	for it := range d.Removed() {
		if err := row("removed", it, &it, nil); err != nil {
			return err
		}
	}
	for old, cur := range d.Changed() {
		if err := row("changed", cur, &old, &cur); err != nil {
			return err
		}
	}
	return bw.Flush()
}
