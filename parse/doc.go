// Package parse reads a LinkedIn member data export ("Get a copy of your
// data") into items, accounting for every row.
//
// An export is a ZIP (or the folder it unzips to, or several parts of one
// member's export). Readers stream: entries are opened on demand and
// decoded row by row, never extracted to disk or read whole.
//
// Scan hands the items to a Sink as they are read, so that a caller never
// holds them all (Read collects them, for small exports and tests). The
// member-fact files (Profile, Registration, Verifications) are read first;
// then one goroutine walks the files in archive order, decoding each and
// cutting CSV text into chunks of whole records (split.go); workers on all
// cores parse the chunks and let the sink process them; the batches are
// committed in order, where identical rows of a file are ranked and the
// parts of a Basic+Complete export deduplicated. Memory is bounded by the
// batches in flight, plus about 11 bytes per item of the file being
// committed (the IDs its ranks need, scan.go). Hostile inputs are bounded
// too (Limits): what entries inflate, how many are read, how far a quote or
// a record may run, how many problems of a reason are kept.
//
// The files, by what they do:
//   - names.go lists every recognised file (fileSpecs): its names over the
//     years, the kind of its items, and its reader, for most files rows[T].
//   - profile.go, network.go, messages.go, activity.go, articles.go, jobs.go,
//     learning.go and account.go hold the readers, by the reference's
//     sections: for a CSV file, a struct whose csv tags name its columns and
//     whose item method makes a row's item with the helpers of rows.go
//     (dated, started, undated), which name a date's column by its field.
//   - archive.go, zipread.go, encoding.go, csvfile.go and repair.go open
//     the entries, decode them, find and map the CSV header, and mend the
//     known quirks; decode.go fills the row structs, binding columns to
//     fields as gocsv does (learnt from gocsv once per file).
//   - parse.go reads one entry (fileCtx); scan.go, split.go, idset.go and
//     progress.go run the pipeline; id.go makes item IDs, text.go display
//     texts; item.go and result.go are the types returned.
//   - The date scanner is a package of its own, parse/internal/date; date.go
//     keeps its API here.
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
