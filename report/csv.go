package report

import (
	"io"
	"strconv"
	"strings"
)

// csvHeader: one row per item, with the fields of the JSON items.
var csvHeader = []string{"id", "file", "line", "kind", "date", "date_basis", "visibility", "outcome", "reason", "confidence", "flags", "text"}

// WriteCSV writes one row per item of r, whose items are in memory
// (contract, "--csv"), exactly as Stream writes them while reading.
func WriteCSV(w io.Writer, r *Result) error {
	return r.restream(nil, w)
}

// appendCSVRow appends one item's row. Flags are joined with "|". Cells
// that a spreadsheet would run as a formula are prefixed with a quote: the
// text comes from the export, and whoever opens the file must not have it
// executed.
func appendCSVRow(buf []byte, j *itemJSON) []byte {
	date := ""
	if j.Date != nil {
		date = *j.Date
	}
	row := [...]string{j.ID, j.File, strconv.Itoa(j.Line), j.Kind, date, j.DateBasis, j.Visibility,
		j.Outcome, j.Reason, j.Confidence, strings.Join(j.Flags, "|"), j.Text}
	for k := range row {
		row[k] = defuseFormula(row[k])
	}
	return appendCSVRecord(buf, row[:])
}

// defuseFormula keeps a cell from being read as a formula by spreadsheet
// programs (CSV injection).
func defuseFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
