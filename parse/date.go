package parse

import "exposure/parse/internal/date"

// The date scanner is a package of its own, parse/internal/date, so that it
// is read and tested apart from the readers; these names are parse's API for
// it, unchanged for callers.

// Date is a date as found in the export: the raw text is always kept.
type Date = date.Date

// Precision says how much of a Date the export gave.
type Precision = date.Precision

// Precisions, from none to the second (see package date).
const (
	PrecNone     = date.PrecNone
	PrecYear     = date.PrecYear
	PrecMonth    = date.PrecMonth
	PrecMonthDay = date.PrecMonthDay
	PrecDay      = date.PrecDay
	PrecMinute   = date.PrecMinute
	PrecSecond   = date.PrecSecond
)

// ParseDate reads s in any of the export's layouts. It never fails: text it
// cannot read gives PrecNone with Raw kept, and Placeholder and Unparsed tell
// the two cases apart.
func ParseDate(s string) Date { return date.Parse(s) }
