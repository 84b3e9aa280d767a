package parse

import "time"

// Temporary stand-in until date.go lands.
type Precision uint8

const (
	PrecNone Precision = iota
	PrecYear
	PrecMonth
	PrecMonthDay
	PrecDay
	PrecMinute
	PrecSecond
)

type Date struct {
	Raw  string
	Time time.Time
	Prec Precision
}

func ParseDate(s string) Date {
	for _, l := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04:05 MST", "02 Jan 2006", "1/2/06, 3:04 PM", "2006/01/02 15:04:05 MST", "Jan 2006", "2006"} {
		if t, err := time.Parse(l, s); err == nil {
			return Date{Raw: s, Time: t.UTC(), Prec: PrecSecond}
		}
	}
	return Date{Raw: s}
}
func (d *Date) UnmarshalCSV(s string) error { *d = ParseDate(s); return nil }
func (d Date) IsSet() bool                  { return d.Prec != PrecNone }
func (d Date) Placeholder() bool            { return d.Raw == "" || d.Raw == "N/A" }
func (d Date) Unparsed() bool               { return !d.IsSet() && !d.Placeholder() }
