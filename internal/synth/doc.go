// Package synth generates an invented LinkedIn data export ("Get a copy of
// your data", Complete archive, as exported in late 2026), deterministically:
// the same Options always give the same bytes.
//
// The member, "Élise Vandermeulen", is a data protection consultant in
// Brussels, on LinkedIn since 2009, born in 1984, who writes in English and
// French. Every name, address, e-mail (example.org/example.com), phone number,
// IP address (documentation ranges) and URL is invented. The files follow the
// names, headers, date layouts, quoting and quirks measured on real exports
// and described in shared/reference/linkedin-export-format.md (§1–§3):
// the Notes preamble of Connections.csv (Q1), quote-wrapped line breaks in
// Shares (Q2), \" escaping in Comments (Q3), unquoted commas in SearchQueries
// (Q4), the fully quoted 2026 messages.csv (Q5), placeholder and header-only
// files (Q8), empty and date-only rows (Q9), duplicate Ad_Targeting columns
// (Q11), the trailing comma of Learning.csv (Q12), shards and member-id
// suffixes (Q13), and files without a final newline (§1.6).
//
// The invented data that is only data lives in files under data/, embedded:
// the lists of names, companies and job titles (data/names/*.txt) and the
// member's fixed profile tables, stored as the CSV files the export holds
// (data/profile/*.csv). The Go code keeps the logic.
//
// # The committed sample
//
// The repository's sample_export/ folder is the output of this package with
// SampleOptions (seed 1, scale 1, export date 2026-11-15). Do not edit it by
// hand: change the generator, then regenerate it from the repository root with
//
//	go run ./cmd/genexport -out sample_export -force
//
// TestSampleUpToDate fails when the folder and the generator disagree.
//
// Options.Scale multiplies the high-volume files (messages, reactions,
// search queries, connections, comments, posts); rows are generated and
// written one at a time, so large exports need little memory. Write writes to
// any FS: DirFS for a folder, ZipFS for a ZIP archive.
package synth
