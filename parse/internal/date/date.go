// Package date reads the dates of a LinkedIn data export, in every layout
// the export has used, into a Date that keeps the text it was read from.
// Package parse reads each date cell through it; the section marks (§2.0,
// F-ISO) are those of the export-format reference parse cites.
//
// The export writes dates in at least seventeen layouts, one or two per file
// (reference §2.0), and users re-save files in Excel, which adds more (§3
// Q14). A per-layout time.Parse loop would cost a dozen failed attempts per
// cell on files of hundreds of thousands of rows, so Parse looks at the
// shape of the text instead (digit or letter first, then the separator after
// the first run) and reads the digits by hand, which does not allocate.
//
// Every Date keeps its raw text: a value that cannot be read is never turned
// into a guess or a zero time that looks real. The caller decides whether to
// report it (Unparsed) or ignore it (Placeholder).
//
// Times without a zone are taken as UTC. The export states UTC wherever it
// states a zone at all, the files without one come from the same servers, and
// other readers of the export treat them as UTC (§2.0, F-ISO). Using the
// local zone of the machine running the tool instead would make the same
// archive give different results in different places.
//
// Two-digit years follow Go's rule: 69–99 are 19xx, 00–68 are 20xx.
// LinkedIn was founded in 2003, so a two-digit year in the export is 20xx;
// the 19xx half only matters for birth dates, which the export writes with
// four digits.
//
// Slash dates are month first (3/7/24 is 7 March), as LinkedIn writes them.
// A European Excel re-save of 25/12/2021 is therefore Unparsed, and one of
// 04/05/2021 is read as 5 April: the text alone cannot tell.
package date

import (
	"strings"
	"time"
)

// Precision says how much of a Date the export gave.
type Precision uint8

// Precisions, from none to the second. Prec orders them: a larger value
// means more of the date is known.
const (
	// PrecNone: empty, a placeholder (N/A, ---, "Not published yet"), or text
	// that could not be read.
	PrecNone Precision = iota
	// PrecYear: "2019". Time is 1 January of the year.
	PrecYear
	// PrecMonth: "Jan 2021". Time is the first of the month.
	PrecMonth
	// PrecMonthDay: "Aug 17", a birthday without a year. Time is that day in
	// year 0, which no real export date can have and which, being a leap year
	// in Go's proleptic calendar, keeps a 29 February birthday intact.
	PrecMonthDay
	// PrecDay: "07 Mar 2024", "2025-02-11". Time is midnight UTC.
	PrecDay
	// PrecMinute: a clock time without seconds, "3/7/24, 2:22 PM".
	PrecMinute
	// PrecSecond: a clock time with seconds (and any fraction of a second).
	PrecSecond
)

func (p Precision) String() string {
	switch p {
	case PrecYear:
		return "year"
	case PrecMonth:
		return "month"
	case PrecMonthDay:
		return "month_day"
	case PrecDay:
		return "day"
	case PrecMinute:
		return "minute"
	case PrecSecond:
		return "second"
	}
	return "none"
}

// Date is a date as found in the export: the raw text is always kept.
type Date struct {
	Raw  string
	Time time.Time // UTC; zero when Prec == PrecNone
	Prec Precision
}

// The years a parsed date may fall in. Profile dates (Education, birth
// dates) go back decades before LinkedIn; anything outside this window is a
// typo or a misread column, and is better reported than believed.
const (
	minYear = 1900
	maxYear = 2100
)

// Parse reads s in any of the export's layouts. It never fails: text it
// cannot read gives PrecNone with Raw kept, and Placeholder and Unparsed tell
// the two cases apart.
func Parse(s string) Date {
	d := Date{Raw: s}
	t := strings.TrimSpace(s)
	if t == "" {
		return d
	}
	var f fields
	ok := parseFixed(t, &f) || parseText(t, &f)
	if !ok && hasWideSpace(t) {
		f = fields{}
		ok = parseText(wideSpaces.Replace(t), &f)
	}
	if !ok {
		return d
	}
	tm, ok := f.build()
	if !ok {
		return d
	}
	d.Time, d.Prec = tm, f.prec
	return d
}

// UnmarshalCSV lets gocsv fill Date fields. It never fails: a bad date must
// not cost the rest of the row, so the problem is left for Unparsed to show.
func (d *Date) UnmarshalCSV(s string) error {
	*d = Parse(s)
	return nil
}

// IsSet reports whether the export gave a date that was read.
func (d Date) IsSet() bool { return d.Prec != PrecNone }

// Placeholder reports whether the export deliberately gave no date: empty or
// white space, N/A, null, dashes, "Not published yet", "Published on ---".
func (d Date) Placeholder() bool {
	if d.Prec != PrecNone {
		return false
	}
	t := strings.TrimSpace(d.Raw)
	return t == "" || isPlaceholder(t)
}

// Unparsed reports whether the export gave text that should be a date but
// could not be read; the caller reports it.
func (d Date) Unparsed() bool { return d.Prec == PrecNone && !d.Placeholder() }

// isPlaceholder reports whether trimmed, non-empty text stands for "no
// date". Article pages prefix the placeholder like a date ("Published on
// ---"), so the prefix is looked through.
func isPlaceholder(t string) bool {
	for _, pre := range [...]string{"Published on", "Created on"} {
		if hasPrefixFold(t, pre) {
			t = strings.TrimSpace(t[len(pre):])
			if t == "" {
				return true
			}
			break
		}
	}
	if strings.EqualFold(t, "N/A") || strings.EqualFold(t, "null") ||
		strings.EqualFold(t, "Not published yet") {
		return true
	}
	return strings.Trim(t, "-") == ""
}

// No export measured had a no-break space before AM/PM, but newer CLDR data
// puts U+202F there and spreadsheet tools copy it; reading them as spaces
// costs nothing on the ASCII path, which never gets here.
var wideSpaces = strings.NewReplacer("\u202f", " ", "\u00a0", " ")

func hasWideSpace(t string) bool {
	return strings.Contains(t, "\u202f") || strings.Contains(t, "\u00a0")
}

// fields holds the parts of a date while it is read; build checks them,
// since day arithmetic would silently turn 30 February into 1 March.
type fields struct {
	year                    int
	month                   time.Month
	day, hour, min, sec, ns int
	off                     int // seconds east of UTC
	prec                    Precision
}

func (f *fields) build() (time.Time, bool) {
	if f.month < time.January || f.month > time.December ||
		f.day < 1 || f.day > daysIn(f.month, f.year) ||
		f.hour > 23 || f.min > 59 || f.sec > 59 {
		return time.Time{}, false
	}
	secs := daysFromCivil(f.year, int(f.month), f.day)*86400 +
		int64(f.hour*3600+f.min*60+f.sec-f.off)
	t := time.Unix(secs, int64(f.ns)).UTC()
	y := f.year
	if f.off != 0 {
		y = t.Year()
	}
	if f.prec != PrecMonthDay && (y < minYear || y > maxYear) {
		return time.Time{}, false
	}
	return t, true
}

// daysFromCivil counts days from 1970-01-01 to a proleptic Gregorian
// date (H. Hinnant's algorithm, shifting the year to start in March). It
// stands in for time.Date, whose zone lookup was a third of the cost of
// parsing a short date; the tests check the two agree.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func daysIn(m time.Month, y int) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// century applies Go's two-digit year rule (see the package comment).
func century(yy int) int {
	if yy >= 69 {
		return 1900 + yy
	}
	return 2000 + yy
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
