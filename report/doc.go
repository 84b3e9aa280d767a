// Package report classifies and prints an export. Stream (stream.go) is the
// parse.Sink of the report: it classifies each item on the worker that
// parsed it, writes it to the JSON and CSV outputs in order, and adds it to a
// Tally (tally.go), the counts, month histograms and newest exposed items
// the pages need; no item is kept. Analyse does the same for items already
// in memory (diff). One file per output: the JSON
// result (json.go, read back by load.go for diff), the CSV result (csv.go),
// the terminal tables (inspect.go, summary.go), the self-contained HTML
// report (html.go with charts.go, i18n.go and templates/) and the comparison
// of two exports (diff.go, diff_html.go). Redaction for shareable outputs is
// in redact.go.
//
// The HTML pages inline every script and style and carry a
// Content-Security-Policy that allows only their two scripts, by hash: text
// from the export is data in them, never code. None of the printers logs
// content or reaches the network.
package report
