package date

import (
	"testing"
	"time"
)

// gocsv fills fields through this interface (gocsv.TypeUnmarshaller); the
// assertion keeps the hook from drifting without importing gocsv here.
var _ interface{ UnmarshalCSV(string) error } = (*Date)(nil)

func utc(y int, m time.Month, d, h, mi, s, ns int) time.Time {
	return time.Date(y, m, d, h, mi, s, ns, time.UTC)
}

// state is what a case expects of Placeholder, Unparsed and IsSet.
type state uint8

const (
	set state = iota
	placeholder
	unparsed
)

type testCase struct {
	name string
	in   string
	want time.Time // ignored unless st == set
	prec Precision
	st   state
}

var cases = []testCase{
	// §2.0 layouts, one or more examples each.
	{"F-DMY", "07 Mar 2024", utc(2024, 3, 7, 0, 0, 0, 0), PrecDay, set},
	{"F-DMY unpadded", "7 Mar 2024", utc(2024, 3, 7, 0, 0, 0, 0), PrecDay, set},
	{"F-US12", "3/7/24, 2:22 PM", utc(2024, 3, 7, 14, 22, 0, 0), PrecMinute, set},
	{"F-US12 2018", "11/4/18, 9:05 AM", utc(2018, 11, 4, 9, 5, 0, 0), PrecMinute, set},
	{"F-US12 midnight", "12/31/24, 12:00 AM", utc(2024, 12, 31, 0, 0, 0, 0), PrecMinute, set},
	{"F-US12 noon", "1/1/25, 12:30 PM", utc(2025, 1, 1, 12, 30, 0, 0), PrecMinute, set},
	{"F-US12p", "05/25/24, 10:41 AM", utc(2024, 5, 25, 10, 41, 0, 0), PrecMinute, set},
	{"F-R2UTC", "01/08/26 09:15 PM UTC", utc(2026, 1, 8, 21, 15, 0, 0), PrecMinute, set},
	{"F-ISOUTC", "2025-06-01 14:03:22 UTC", utc(2025, 6, 1, 14, 3, 22, 0), PrecSecond, set},
	{"F-ISO", "2025-08-13 17:52:31", utc(2025, 8, 13, 17, 52, 31, 0), PrecSecond, set},
	{"F-SLUTC", "2024/02/01 15:02:55 UTC", utc(2024, 2, 1, 15, 2, 55, 0), PrecSecond, set},
	{"F-SLD", "2025/07/30", utc(2025, 7, 30, 0, 0, 0, 0), PrecDay, set},
	{"F-JAVA", "Thu Feb 13 09:12:44 UTC 2025", utc(2025, 2, 13, 9, 12, 44, 0), PrecSecond, set},
	{"F-JAVA PST", "Thu Feb 13 09:12:44 PST 2025", utc(2025, 2, 13, 17, 12, 44, 0), PrecSecond, set},
	{"F-JAVA GMT offset", "Thu Feb 13 09:12:44 GMT+02:00 2025", utc(2025, 2, 13, 7, 12, 44, 0), PrecSecond, set},
	{"asctime", "Thu Feb  6 09:12:44 2025", utc(2025, 2, 6, 9, 12, 44, 0), PrecSecond, set},
	{"F-LRN", "2024-11-03 19:07 UTC", utc(2024, 11, 3, 19, 7, 0, 0), PrecMinute, set},
	{"F-LRN N/A", "N/A", time.Time{}, PrecNone, placeholder},
	{"F-MY", "Jan 2021", utc(2021, 1, 1, 0, 0, 0, 0), PrecMonth, set},
	{"F-MY year", "2019", utc(2019, 1, 1, 0, 0, 0, 0), PrecYear, set},
	{"F-MDY", "Apr 9, 2024", utc(2024, 4, 9, 0, 0, 0, 0), PrecDay, set},
	{"F-MDY padded", "May 12, 2023", utc(2023, 5, 12, 0, 0, 0, 0), PrecDay, set},
	{"F-MD", "Aug 17", utc(0, 8, 17, 0, 0, 0, 0), PrecMonthDay, set},
	{"F-MD padded", "Dec 05", utc(0, 12, 5, 0, 0, 0, 0), PrecMonthDay, set},
	{"F-MD leap day", "Feb 29", utc(0, 2, 29, 0, 0, 0, 0), PrecMonthDay, set},
	{"F-EVT", "Sep 18, 2025 10:00 AM - Sep 18, 2025 11:00 AM", utc(2025, 9, 18, 10, 0, 0, 0), PrecMinute, set},
	{"F-EVT end time only", "Sep 18, 2025 10:00 AM - 11:00 AM", utc(2025, 9, 18, 10, 0, 0, 0), PrecMinute, set},
	{"F-EVT end other day", "Sep 18, 2025 10:00 PM - Sep 19, 2025 1:00 AM", utc(2025, 9, 18, 22, 0, 0, 0), PrecMinute, set},
	{"F-RM", "You uploaded a feed photo on March 5, 2026 at 4:05 AM (GMT)", utc(2026, 3, 5, 4, 5, 0, 0), PrecMinute, set},
	{"F-RM earlier on", "You commented on a post on March 5, 2026 at 4:05 PM (GMT).", utc(2026, 3, 5, 16, 5, 0, 0), PrecMinute, set},
	{"F-RM alone", "March 5, 2026 at 4:05 AM (GMT)", utc(2026, 3, 5, 4, 5, 0, 0), PrecMinute, set},
	{"F-D", "2025-02-11", utc(2025, 2, 11, 0, 0, 0, 0), PrecDay, set},
	{"F-D N/A", "N/A", time.Time{}, PrecNone, placeholder},
	{"F-ART created", "Created on 2024-09-01 19:35", utc(2024, 9, 1, 19, 35, 0, 0), PrecMinute, set},
	{"F-ART published", "Published on 2024-09-02 08:00", utc(2024, 9, 2, 8, 0, 0, 0), PrecMinute, set},
	{"F-ART published ---", "Published on ---", time.Time{}, PrecNone, placeholder},
	{"F-ART not published", "Not published yet", time.Time{}, PrecNone, placeholder},
	{"F-ISOT", "2019-11-06T02:08:20", utc(2019, 11, 6, 2, 8, 20, 0), PrecSecond, set},

	// RFC 3339 and other zones.
	{"RFC3339 Z", "2024-05-01T10:00:00Z", utc(2024, 5, 1, 10, 0, 0, 0), PrecSecond, set},
	{"RFC3339 offset", "2024-05-01T12:00:00+02:00", utc(2024, 5, 1, 10, 0, 0, 0), PrecSecond, set},
	{"RFC3339 negative offset", "2024-05-01T05:30:00-04:30", utc(2024, 5, 1, 10, 0, 0, 0), PrecSecond, set},
	{"RFC3339 nanos", "2024-05-01T10:00:00.123456789Z", utc(2024, 5, 1, 10, 0, 0, 123456789), PrecSecond, set},
	{"RFC3339 millis", "2024-05-01T10:00:00.5Z", utc(2024, 5, 1, 10, 0, 0, 500000000), PrecSecond, set},
	{"offset no colon", "2024-01-02 10:00 +0530", utc(2024, 1, 2, 4, 30, 0, 0), PrecMinute, set},
	{"offset hours only", "2024-01-02T10:00:00-03", utc(2024, 1, 2, 13, 0, 0, 0), PrecSecond, set},
	{"offset odd digits", "2024-01-02T10:00:00+05300", time.Time{}, PrecNone, unparsed},
	{"offset colon no minutes", "2024-01-02T10:00:00+05:", time.Time{}, PrecNone, unparsed},
	{"offset crosses day", "2024-01-01T00:30:00+01:00", utc(2023, 12, 31, 23, 30, 0, 0), PrecSecond, set},
	{"ISO EST", "2025-06-01 14:03:22 EST", utc(2025, 6, 1, 19, 3, 22, 0), PrecSecond, set},
	{"unknown zone", "2025-06-01 14:03:22 XYZ", time.Time{}, PrecNone, unparsed},

	// Excel re-saves (§3 Q14).
	{"Excel D-Mon-YY", "4-Apr-21", utc(2021, 4, 4, 0, 0, 0, 0), PrecDay, set},
	{"Excel DD-Mon-YY", "02-Feb-24", utc(2024, 2, 2, 0, 0, 0, 0), PrecDay, set},
	{"Excel D-Mon-YYYY", "4-Apr-2021", utc(2021, 4, 4, 0, 0, 0, 0), PrecDay, set},
	{"Excel M/D/YYYY", "4/4/2021", utc(2021, 4, 4, 0, 0, 0, 0), PrecDay, set},
	{"Excel M/D/YYYY 24h", "4/4/2021 14:30", utc(2021, 4, 4, 14, 30, 0, 0), PrecMinute, set},
	{"Excel ISO date", "2021-04-04", utc(2021, 4, 4, 0, 0, 0, 0), PrecDay, set},

	// Two-digit years (Go's pivot).
	{"yy 69", "1/1/69", utc(1969, 1, 1, 0, 0, 0, 0), PrecDay, set},
	{"yy 68", "1/1/68", utc(2068, 1, 1, 0, 0, 0, 0), PrecDay, set},

	// Defensive white space.
	{"surrounding space", "  2025-08-13 17:52:31 \t", utc(2025, 8, 13, 17, 52, 31, 0), PrecSecond, set},
	{"narrow nbsp", "3/7/24, 2:22\u202fPM", utc(2024, 3, 7, 14, 22, 0, 0), PrecMinute, set},
	{"nbsp", "3/7/24, 2:22\u00a0PM", utc(2024, 3, 7, 14, 22, 0, 0), PrecMinute, set},
	{"no space before PM", "3/7/24, 2:22PM", utc(2024, 3, 7, 14, 22, 0, 0), PrecMinute, set},
	{"doubled spaces", "MAY  2000", utc(2000, 5, 1, 0, 0, 0, 0), PrecMonth, set},
	{"doubled spaces US12", "3/7/24,  2:22  PM", utc(2024, 3, 7, 14, 22, 0, 0), PrecMinute, set},
	{"lower case", "jan 2021", utc(2021, 1, 1, 0, 0, 0, 0), PrecMonth, set},
	{"Sept", "Sept 2021", utc(2021, 9, 1, 0, 0, 0, 0), PrecMonth, set},

	// Leap days.
	{"leap day", "2024-02-29 00:00:00", utc(2024, 2, 29, 0, 0, 0, 0), PrecSecond, set},
	{"not a leap year", "2023-02-29", time.Time{}, PrecNone, unparsed},
	{"2000 leap", "2000-02-29", utc(2000, 2, 29, 0, 0, 0, 0), PrecDay, set},
	{"1900 not leap", "1900-02-29", time.Time{}, PrecNone, unparsed},

	// Placeholders.
	{"empty", "", time.Time{}, PrecNone, placeholder},
	{"spaces", "   ", time.Time{}, PrecNone, placeholder},
	{"n/a", "n/a", time.Time{}, PrecNone, placeholder},
	{"dashes", "---", time.Time{}, PrecNone, placeholder},
	{"null", "null", time.Time{}, PrecNone, placeholder},
	{"NULL", "NULL", time.Time{}, PrecNone, placeholder},
	{"Published on", "Published on", time.Time{}, PrecNone, placeholder},

	// Garbage and impossible values: reported, never normalised.
	{"hello", "hello", time.Time{}, PrecNone, unparsed},
	{"bad US12", "13/45/24, 9:99 PM", time.Time{}, PrecNone, unparsed},
	{"Feb 30", "2024-02-30 10:00:00", time.Time{}, PrecNone, unparsed},
	{"Feb 30 no year", "Feb 30", time.Time{}, PrecNone, unparsed},
	{"European slash", "25/12/2021", time.Time{}, PrecNone, unparsed},
	{"hour 24", "2024-01-02 24:00:00", time.Time{}, PrecNone, unparsed},
	{"second 60", "2024-01-02 23:59:60", time.Time{}, PrecNone, unparsed},
	{"13 PM", "3/7/24, 13:22 PM", time.Time{}, PrecNone, unparsed},
	{"0 AM", "3/7/24, 0:22 AM", time.Time{}, PrecNone, unparsed},
	{"year too early", "1899", time.Time{}, PrecNone, unparsed},
	{"year too late", "2101", time.Time{}, PrecNone, unparsed},
	{"five digits", "20190", time.Time{}, PrecNone, unparsed},
	{"two digits", "12", time.Time{}, PrecNone, unparsed},
	{"trailing text", "Jan 2021 extra", time.Time{}, PrecNone, unparsed},
	{"trailing text ISO", "2025-08-13 17:52:31 x", time.Time{}, PrecNone, unparsed},
	{"wrong weekday", "Fri Feb 13 09:12:44 UTC 2025", time.Time{}, PrecNone, unparsed},
	{"Java unknown zone", "Thu Feb 13 09:12:44 XYZ 2025", time.Time{}, PrecNone, unparsed},
	{"event bad end", "Sep 18, 2025 10:00 AM - Sep 31, 2025 11:00 AM", time.Time{}, PrecNone, unparsed},
	{"event bad end time", "Sep 18, 2025 10:00 AM - 13:00 PM", time.Time{}, PrecNone, unparsed},
	{"event end date only", "Sep 18, 2025 10:00 AM - Sep 19, 2025", utc(2025, 9, 18, 10, 0, 0, 0), PrecMinute, set},
	{"event all day", "Sep 18, 2025 - Sep 19, 2025", utc(2025, 9, 18, 0, 0, 0, 0), PrecDay, set},
	{"event all day time end", "Sep 18, 2025 - 11:00 AM", time.Time{}, PrecNone, unparsed},
	{"event no year end", "Sep 18, 2025 - Sep 19", time.Time{}, PrecNone, unparsed},
	{"event no end", "Sep 18, 2025 10:00 AM - soon", time.Time{}, PrecNone, unparsed},
	{"sentence no date", "You uploaded a feed photo on a sunny day", time.Time{}, PrecNone, unparsed},
	{"sentence odd zone", "You uploaded a photo on March 5, 2026 at 4:05 AM (Pacific)", time.Time{}, PrecNone, unparsed},
	{"Created on garbage", "Created on tuesday", time.Time{}, PrecNone, unparsed},
	{"not a month", "Foo 2021", time.Time{}, PrecNone, unparsed},
	{"Mayo", "Mayo 2021", time.Time{}, PrecNone, unparsed},
	{"RFC3339 truncated fraction", "2024-05-01T10:00:00.1234567899Z", utc(2024, 5, 1, 10, 0, 0, 123456789), PrecSecond, set},
	{"RFC3339 offset +23:59", "2024-05-01T23:59:00+23:59", utc(2024, 5, 1, 0, 0, 0, 0), PrecSecond, set},
	{"offset hour 24", "2024-05-01T10:00:00+24:00", time.Time{}, PrecNone, unparsed},
	{"punctuation", "?", time.Time{}, PrecNone, unparsed},
}

func TestParse(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := Parse(c.in)
			if d.Raw != c.in {
				t.Errorf("Raw = %q, want %q", d.Raw, c.in)
			}
			if d.Prec != c.prec {
				t.Errorf("Prec = %v, want %v", d.Prec, c.prec)
			}
			if c.st == set && (!d.Time.Equal(c.want) || d.Time.Location() != time.UTC) {
				t.Errorf("Time = %v, want %v", d.Time, c.want)
			}
			if c.st != set && !d.Time.IsZero() {
				t.Errorf("Time = %v, want zero", d.Time)
			}
			if got := d.IsSet(); got != (c.st == set) {
				t.Errorf("IsSet() = %v", got)
			}
			if got := d.Placeholder(); got != (c.st == placeholder) {
				t.Errorf("Placeholder() = %v", got)
			}
			if got := d.Unparsed(); got != (c.st == unparsed) {
				t.Errorf("Unparsed() = %v", got)
			}
		})
	}
}

func TestDateUnmarshalCSV(t *testing.T) {
	var d Date
	if err := d.UnmarshalCSV("07 Mar 2024"); err != nil || d != Parse("07 Mar 2024") {
		t.Fatalf("UnmarshalCSV = %v, %+v", err, d)
	}
	if err := d.UnmarshalCSV("hello"); err != nil || !d.Unparsed() {
		t.Fatalf("UnmarshalCSV(hello) = %v, %+v", err, d)
	}
}

// The zero Date is what a missing column leaves behind; it must read as "no
// date given", not as a parse failure.
func TestDateZero(t *testing.T) {
	var d Date
	if d.IsSet() || !d.Placeholder() || d.Unparsed() {
		t.Fatalf("zero Date: IsSet %v Placeholder %v Unparsed %v", d.IsSet(), d.Placeholder(), d.Unparsed())
	}
}

func TestDaysFromCivil(t *testing.T) {
	check := func(tm time.Time) {
		got := daysFromCivil(tm.Year(), int(tm.Month()), tm.Day())
		if want := tm.Unix() / 86400; tm.Unix() >= 0 && got != want || tm.Unix() < 0 && got*86400 != tm.Unix() {
			t.Fatalf("%v: %d days, want %d", tm.Format(time.DateOnly), got, want)
		}
	}
	for tm := utc(1890, 1, 1, 0, 0, 0, 0); tm.Year() <= 2110; tm = tm.AddDate(0, 0, 1) {
		check(tm)
	}
	for tm := utc(-1, 1, 1, 0, 0, 0, 0); tm.Year() <= 1; tm = tm.AddDate(0, 0, 1) {
		check(tm)
	}
}

func TestParseNoAllocs(t *testing.T) {
	for _, s := range []string{
		"2025-08-13 17:52:31", "2025-06-01 14:03:22 UTC", "2024/02/01 15:02:55 UTC",
		"07 Mar 2024", "3/7/24, 2:22 PM", "Jan 2021", "2019", "Thu Feb 13 09:12:44 UTC 2025",
		"hello", "",
	} {
		if n := testing.AllocsPerRun(100, func() { Parse(s) }); n != 0 {
			t.Errorf("Parse(%q): %v allocations", s, n)
		}
	}
}

var benchInputs = []string{
	"2025-08-13 17:52:31",
	"2025-06-01 14:03:22 UTC",
	"2024/02/01 15:02:55 UTC",
	"07 Mar 2024",
	"3/7/24, 2:22 PM",
	"05/25/24, 10:41 AM",
	"Thu Feb 13 09:12:44 UTC 2025",
	"2024-11-03 19:07 UTC",
	"Jan 2021",
	"Apr 9, 2024",
	"2025-02-11",
	"",
	"N/A",
}

var sink Date

func BenchmarkParse(b *testing.B) {
	b.Run("mix", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			sink = Parse(benchInputs[i%len(benchInputs)])
		}
	})
	for _, s := range []string{
		"2025-08-13 17:52:31", "2025-06-01 14:03:22 UTC", "07 Mar 2024", "3/7/24, 2:22 PM",
		"You uploaded a feed photo on March 5, 2026 at 4:05 AM (GMT)",
	} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = Parse(s)
			}
		})
	}
	b.Run("time.Parse F-ISO", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tm, _ := time.Parse("2006-01-02 15:04:05", "2025-08-13 17:52:31")
			sink.Time = tm
		}
	})
}

// diffLayouts are layouts where Go's time.Parse and Parse must agree
// whenever time.Parse accepts the text (in Parse's year range). They
// carry no zone name, which time.Parse would read as offset zero.
var diffLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05 UTC",
	"2006/01/02 15:04:05 UTC",
	"2006-01-02T15:04:05Z", // Go's offsets allow minute 60; Parse does not
	"2006-01-02",
	"02 Jan 2006",
	"Jan 2006",
	"Jan 2, 2006",
}

// diffComparable leaves out what Parse rejects on purpose: years outside
// its range and offsets of 24 hours (RFC 3339 stops at 23:59, Go at 24:59).
func diffComparable(t time.Time) bool {
	_, off := t.Zone()
	return t.Year() >= minYear && t.Year() <= maxYear &&
		off > -24*3600 && off < 24*3600
}

func FuzzParse(f *testing.F) {
	for _, c := range cases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Parse(s)
		if d.Raw != s {
			t.Fatalf("Raw = %q, want %q", d.Raw, s)
		}
		n := 0
		for _, b := range []bool{d.IsSet(), d.Placeholder(), d.Unparsed()} {
			if b {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%q: IsSet %v Placeholder %v Unparsed %v", s, d.IsSet(), d.Placeholder(), d.Unparsed())
		}
		if d.Prec > PrecSecond {
			t.Fatalf("%q: Prec %d", s, d.Prec)
		}
		if d.IsSet() {
			if d.Time.Location() != time.UTC {
				t.Fatalf("%q: location %v", s, d.Time.Location())
			}
			y := d.Time.Year()
			if d.Prec == PrecMonthDay && y != 0 || d.Prec != PrecMonthDay && (y < minYear || y > maxYear) {
				t.Fatalf("%q: year %d at precision %v", s, y, d.Prec)
			}
		} else if !d.Time.IsZero() {
			t.Fatalf("%q: unset Date has time %v", s, d.Time)
		}
		if again := Parse(d.Raw); again != d {
			t.Fatalf("%q: parsed twice gives %+v then %+v", s, d, again)
		}
		for _, l := range diffLayouts {
			want, err := time.Parse(l, s)
			if err != nil || !diffComparable(want) {
				continue
			}
			if !d.IsSet() || !d.Time.Equal(want) {
				t.Fatalf("%q: time.Parse(%q) = %v, Parse = %+v", s, l, want, d)
			}
		}
	})
}
