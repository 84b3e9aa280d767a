// Package parse reads a LinkedIn member data export ("Get a copy of your
// data") into items, accounting for every row.
//
// An export is a ZIP (or the folder it unzips to, or several parts of one
// member's export); each recognised file has a small reader of its own,
// listed in fileSpecs. Readers stream: entries are opened on demand and
// decoded row by row, never extracted to disk or read whole.
//
// Real exports are messy, and the quirks are repaired before rows are
// counted: legacy UTF-16 TAB files, the Connections preamble, the Shares
// quote-wrapped line breaks, both Comments escaping bugs, unquoted commas in
// SearchQueries, Learning's trailing column, shards and member-id suffixes.
// Every data row becomes an item or is rejected with its file, line and a
// reason, so that for each file Rows = Items + Rejected. Problems never quote
// the member's content.
//
// The facts behind each rule are in ../shared/reference/linkedin-export-format.md
// (cited by section, e.g. §3 Q2).
package parse
