package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader: one row per item, with the fields of the JSON items.
var csvHeader = []string{"id", "file", "line", "kind", "date", "date_basis", "visibility", "outcome", "reason", "confidence", "flags", "text"}

// WriteCSV writes one row per item (contract, "--csv"). Flags are joined
// with "|". Cells that a spreadsheet would run as a formula are prefixed
// with a quote: the text comes from the export, and whoever opens the file
// must not have it executed.
func WriteCSV(w io.Writer, r *Result) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	row := make([]string, len(csvHeader))
	for i := range r.Export.Items {
		j := r.itemJSON(i)
		date := ""
		if j.Date != nil {
			date = *j.Date
		}
		row = append(row[:0], j.ID, j.File, strconv.Itoa(j.Line), j.Kind, date, j.DateBasis, j.Visibility,
			j.Outcome, j.Reason, j.Confidence, strings.Join(j.Flags, "|"), j.Text)
		for k := range row {
			row[k] = defuseFormula(row[k])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// defuseFormula keeps a cell from being read as a formula by spreadsheet
// programs (CSV injection).
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
