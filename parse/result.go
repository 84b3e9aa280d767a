package parse

import (
	"fmt"
	"time"
)

// Problem is something wrong with one file, or one line of it. Problems are
// collected per file, never fatal: the rest of the archive is still read.
// Reason never quotes the member's content.
type Problem struct {
	File   string
	Line   int // 0 when the problem concerns the whole file
	Reason string
	// Omitted is set on the problem that closes a reason's list: how many
	// more lines (or entries) had that reason and are not listed. Only the
	// first of each reason are kept (problems.go).
	Omitted int
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Reason)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Reason)
}

// FileReport accounts for one recognised file: Rows = Items + Rejected.
type FileReport struct {
	Path     string // path inside the export, without any wrapping folder
	Source   string // the archive or folder it came from
	Kind     Kind
	Encoding string // "utf-8", "utf-8-bom", "utf-16le"
	Rows     int    // data records after repairs; all-empty records are not rows
	Items    int
	Rejected int
	// Duplicates counts the items of this file that another part of the
	// export (Basic and Complete) already gave: they are read, so counted in
	// Items, but the export holds them once.
	Duplicates int
	// Repairs counts the records each known quirk repair touched, by name.
	Repairs map[string]int
	// Problems lists the first problems of each reason, each closed by
	// one that counts the lines left out (Problem.Omitted).
	Problems []Problem
	// Notes are facts about the file that are not problems (a preamble
	// skipped, a placeholder instead of data, an unknown column).
	Notes []string
	First time.Time // earliest and latest item date (zero when none)
	Last  time.Time
}

// UnknownFile is a file of the export that no parser recognises.
type UnknownFile struct {
	Path   string
	Source string
	Rows   int    // data records after a header line for CSV files; 0 otherwise
	Note   string // why it was not read, when there is more to say
}

// ProblemLines is how many problems a list stands for: those listed, and
// the lines its closing problems say were left out.
func ProblemLines(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Omitted > 0 {
			n += p.Omitted
		} else {
			n++
		}
	}
	return n
}

// Member holds the facts about the member that the export itself records and
// the policy needs. Zero values mean "not in the export".
type Member struct {
	GeoLocation string    // Profile.csv Geo Location
	BirthYear   int       // Verifications.csv Year of birth
	Registered  time.Time // Registration.csv Registered At
	// Name is Profile.csv's first and last name, only to tell two members'
	// exports apart (diff); it is never printed or written.
	Name string
}

// Export is everything read from one member's archive (one or several parts).
type Export struct {
	Sources []string // the archives or folders read, as given
	Type    string   // "Basic", "Complete", "Basic+Complete" or "" when unknown
	Date    time.Time
	Files   []FileReport
	Unknown []UnknownFile
	// Items is empty when the export was streamed (Scan never keeps them);
	// readers for tests (parsetest) fill it.
	Items  []Item
	Member Member
	// Problems that concern the archive rather than one file
	// (a file present in two parts, an unreadable entry).
	Problems []Problem
}
