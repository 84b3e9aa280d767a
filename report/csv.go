package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
)

// csvHeader: one row per item, with the fields of the JSON items.
var csvHeader = []string{"id", "file", "line", "kind", "date", "date_basis", "visibility", "outcome", "reason", "confidence", "flags", "text"}

// NewCSVWriter writes one row per item to w while the export is read
// (contract, "--csv"), after a header row.
func NewCSVWriter(w io.Writer, redact bool) analysis.ItemWriter {
	return &csvWriter{bw: bufio.NewWriterSize(w, 256<<10), redact: redact}
}

type csvWriter struct {
	bw     *bufio.Writer
	redact bool
}

func (c *csvWriter) Begin(*analysis.Result) error {
	_, err := c.bw.Write(appendCSVRecord(nil, csvHeader))
	return err
}

func (c *csvWriter) AppendRow(dst []byte, it *parse.Item, r *policy.Result) []byte {
	j := itemJSONOf(it, r, c.redact)
	return appendCSVRow(dst, &j)
}

func (c *csvWriter) WriteRow(row []byte) error {
	_, err := c.bw.Write(row)
	return err
}

func (c *csvWriter) End(*analysis.Result) error { return c.bw.Flush() }

// appendCSVRow appends one item's row. Flags are joined with "|". Cells
// that a spreadsheet would run as a formula are prefixed with a quote: the
// text comes from the export, and whoever opens the file must not have it
// executed.
func appendCSVRow(buf []byte, j *itemJSON) []byte {
	row := [...]string{j.ID, j.File, strconv.Itoa(j.Line), j.Kind, j.Date.text(), j.DateBasis, j.Visibility,
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
