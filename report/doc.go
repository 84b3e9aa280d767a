// Package report prints what package analysis yields, one file per output:
// the self-contained HTML report (html.go, with charts.go, i18n.go, the
// texts in texts.yaml and templates/), the comparison page (diff_html.go),
// the JSON result (json.go) and the CSV result (csv.go), both ItemWriters
// written while the export is read, the comparison's JSON (diff_json.go),
// and the terminal's summaries and inspect table (terminal.go). Redaction
// for shareable outputs is in redact.go; encode.go writes JSON and CSV rows
// without reflection.
//
// It decides nothing: outcomes, tallies and matches come from the engine.
// The HTML pages inline every script and style and carry a
// Content-Security-Policy that allows only their two scripts, by hash: text
// from the export is data in them, never code. None of the printers logs
// content or reaches the network.
package report
