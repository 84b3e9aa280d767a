package parse

// The export writes dates in at least seventeen layouts, one or two per file
// (reference §2.0), and users re-save files in Excel, which adds more (§3
// Q14). A per-layout time.Parse loop would cost a dozen failed attempts per
// cell on files of hundreds of thousands of rows, so ParseDate looks at the
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
	dateMinYear = 1900
	dateMaxYear = 2100
)

// ParseDate reads s in any of the export's layouts. It never fails: text it
// cannot read gives PrecNone with Raw kept, and Placeholder and Unparsed tell
// the two cases apart.
func ParseDate(s string) Date {
	d := Date{Raw: s}
	t := strings.TrimSpace(s)
	if t == "" {
		return d
	}
	var f dtFields
	ok := dtParseFixed(t, &f) || dtParseText(t, &f)
	if !ok && dtHasWideSpace(t) {
		f = dtFields{}
		ok = dtParseText(dtWideSpaces.Replace(t), &f)
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
	*d = ParseDate(s)
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
	return t == "" || dtIsPlaceholder(t)
}

// Unparsed reports whether the export gave text that should be a date but
// could not be read; the caller reports it.
func (d Date) Unparsed() bool { return d.Prec == PrecNone && !d.Placeholder() }

// dtIsPlaceholder reports whether trimmed, non-empty text stands for "no
// date". Article pages prefix the placeholder like a date ("Published on
// ---"), so the prefix is looked through.
func dtIsPlaceholder(t string) bool {
	for _, pre := range [...]string{"Published on", "Created on"} {
		if dtHasPrefixFold(t, pre) {
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
var dtWideSpaces = strings.NewReplacer("\u202f", " ", "\u00a0", " ")

func dtHasWideSpace(t string) bool {
	return strings.Contains(t, "\u202f") || strings.Contains(t, "\u00a0")
}

// dtFields holds the parts of a date while it is read; build checks them,
// since day arithmetic would silently turn 30 February into 1 March.
type dtFields struct {
	year                    int
	month                   time.Month
	day, hour, min, sec, ns int
	off                     int // seconds east of UTC
	prec                    Precision
}

func (f *dtFields) build() (time.Time, bool) {
	if f.month < time.January || f.month > time.December ||
		f.day < 1 || f.day > dtDaysIn(f.month, f.year) ||
		f.hour > 23 || f.min > 59 || f.sec > 59 {
		return time.Time{}, false
	}
	secs := dtDaysFromCivil(f.year, int(f.month), f.day)*86400 +
		int64(f.hour*3600+f.min*60+f.sec-f.off)
	t := time.Unix(secs, int64(f.ns)).UTC()
	y := f.year
	if f.off != 0 {
		y = t.Year()
	}
	if f.prec != PrecMonthDay && (y < dateMinYear || y > dateMaxYear) {
		return time.Time{}, false
	}
	return t, true
}

// dtDaysFromCivil counts days from 1970-01-01 to a proleptic Gregorian
// date (H. Hinnant's algorithm, shifting the year to start in March). It
// stands in for time.Date, whose zone lookup was a third of the cost of
// parsing a short date; the tests check the two agree.
func dtDaysFromCivil(y, m, d int) int64 {
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

func dtDaysIn(m time.Month, y int) int {
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

// dtCentury applies Go's two-digit year rule (see the package comment).
func dtCentury(yy int) int {
	if yy >= 69 {
		return 1900 + yy
	}
	return 2000 + yy
}

func dtIsDigit(c byte) bool  { return c >= '0' && c <= '9' }
func dtIsLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func dtHasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// dtParseFixed reads the fixed-width "YYYY-MM-DD HH:MM:SS" and
// "YYYY/MM/DD HH:MM:SS UTC" shapes (F-ISO, F-ISOUTC, F-SLUTC) by position.
// They fill the largest files (messages, Shares, Reactions, SearchQueries),
// so they skip the general scanner.
func dtParseFixed(t string, f *dtFields) bool {
	if len(t) != 19 && (len(t) != 23 || t[19:] != " UTC") {
		return false
	}
	sep := t[4]
	if sep != '-' && sep != '/' || t[7] != sep || t[10] != ' ' || t[13] != ':' || t[16] != ':' {
		return false
	}
	y1, ok1 := dt2(t[0], t[1])
	y2, ok2 := dt2(t[2], t[3])
	mo, ok3 := dt2(t[5], t[6])
	d, ok4 := dt2(t[8], t[9])
	h, ok5 := dt2(t[11], t[12])
	mi, ok6 := dt2(t[14], t[15])
	sec, ok7 := dt2(t[17], t[18])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) {
		return false
	}
	*f = dtFields{year: y1*100 + y2, month: time.Month(mo), day: d,
		hour: h, min: mi, sec: sec, prec: PrecSecond}
	return true
}

// dt2 reads two ASCII digits.
func dt2(a, b byte) (int, bool) {
	a, b = a-'0', b-'0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// dtParseText dispatches on the first byte: every numeric layout starts with
// a digit, every other one with a letter.
func dtParseText(t string, f *dtFields) bool {
	switch c := t[0]; {
	case dtIsDigit(c):
		return dtParseNumeric(t, f)
	case dtIsLetter(c):
		return dtParseWordy(t, f)
	}
	return false
}

// dtParseNumeric tells the numeric layouts apart by the length of the first
// run of digits and the byte after it.
func dtParseNumeric(t string, f *dtFields) bool {
	n := 0
	for n < len(t) && dtIsDigit(t[n]) {
		n++
	}
	p := dtScan{s: t}
	switch {
	case n == 4:
		return p.yearFirst(f)
	case n > 2 || n == len(t):
		return false
	}
	switch t[n] {
	case '/':
		return p.slashMonthFirst(f)
	case ' ':
		return p.dayMonthYear(f, ' ')
	case '-':
		return p.dayMonthYear(f, '-')
	}
	return false
}

// dtParseWordy handles the layouts that start with a word: a month, a
// weekday, an article's "Created on", or a Rich_Media sentence.
func dtParseWordy(t string, f *dtFields) bool {
	p := dtScan{s: t}
	if p.monthFirst(f, true) {
		return true
	}
	*f, p.i = dtFields{}, 0
	if p.weekdayFirst(f) {
		return true
	}
	*f = dtFields{}
	for _, pre := range [...]string{"Created on ", "Published on "} {
		if dtHasPrefixFold(t, pre) {
			return dtParseNumeric(t[len(pre):], f)
		}
	}
	return dtParseSentence(t, f)
}

// dtParseSentence finds "on <Month D, YYYY> at <h:mm AM> (GMT)" anywhere in
// a Rich_Media sentence such as "You uploaded a feed photo on March 5, 2026
// at 4:05 AM (GMT)". Text after the date is allowed.
func dtParseSentence(t string, f *dtFields) bool {
	if dtHasPrefixFold(t, "on ") {
		p := dtScan{s: t, i: 3}
		if p.sentenceDate(f) {
			return true
		}
	}
	for i := 0; ; {
		j := strings.Index(t[i:], " on ")
		if j < 0 {
			return false
		}
		i += j + len(" on ")
		*f = dtFields{}
		p := dtScan{s: t, i: i}
		if p.sentenceDate(f) {
			return true
		}
	}
}

// dtScan reads a date left to right. Its methods consume input only when
// they succeed, unless they report failure of the whole parse.
type dtScan struct {
	s string
	i int
}

func (p *dtScan) done() bool { return p.i >= len(p.s) }

func (p *dtScan) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *dtScan) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// sp reads one or more spaces. Hand edits and spreadsheets leave doubled
// spaces, asctime pads the day with one, and time.Parse accepts them too.
func (p *dtScan) sp() bool {
	j := p.i
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	return p.i > j
}

// sep reads c, or any run of spaces if c is a space.
func (p *dtScan) sep(c byte) bool {
	if c == ' ' {
		return p.sp()
	}
	return p.eat(c)
}

// comma reads ", " (with any number of spaces).
func (p *dtScan) comma() bool { return p.eat(',') && p.sp() }

func (p *dtScan) lit(s string) bool {
	if strings.HasPrefix(p.s[p.i:], s) {
		p.i += len(s)
		return true
	}
	return false
}

// num reads lo to hi ASCII digits; a longer run fails, so "20245" is not a
// year followed by a 5.
func (p *dtScan) num(lo, hi int) (v, n int, ok bool) {
	s := p.s[p.i:]
	for ; n < len(s); n++ {
		c := s[n] - '0'
		if c > 9 {
			break
		}
		if n == hi {
			return 0, n, false
		}
		v = v*10 + int(c)
	}
	if n < lo {
		return 0, n, false
	}
	p.i += n
	return v, n, true
}

// year reads a four-digit year, or a two-digit one if short is allowed.
func (p *dtScan) year(short bool) (int, bool) {
	lo := 4
	if short {
		lo = 2
	}
	v, n, ok := p.num(lo, 4)
	switch {
	case !ok || n == 3:
		return 0, false
	case n == 2:
		return dtCentury(v), true
	}
	return v, true
}

// word returns the run of ASCII letters at the cursor without consuming it.
func (p *dtScan) word() string {
	j := p.i
	for j < len(p.s) && dtIsLetter(p.s[j]) {
		j++
	}
	return p.s[p.i:j]
}

// month reads an English month name: the three-letter abbreviation, the full
// name, or "Sept", in any case.
func (p *dtScan) month() (time.Month, bool) {
	w := p.word()
	if len(w) < 3 {
		return 0, false
	}
	m := dtMonthOf(w[:3])
	if m == 0 {
		return 0, false
	}
	if len(w) > 3 && !strings.EqualFold(w, m.String()) &&
		!(m == time.September && strings.EqualFold(w, "Sept")) {
		return 0, false
	}
	p.i += len(w)
	return m, true
}

// Month and weekday abbreviations are looked up as three lower-cased bytes
// packed in an integer: twelve integer compares instead of twelve EqualFolds.
var dtMonthKeys = [...]uint32{
	'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r',
	'a'<<16 | 'p'<<8 | 'r', 'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n',
	'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g', 's'<<16 | 'e'<<8 | 'p',
	'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c',
}

var dtWeekdayKeys = [...]uint32{
	's'<<16 | 'u'<<8 | 'n', 'm'<<16 | 'o'<<8 | 'n', 't'<<16 | 'u'<<8 | 'e',
	'w'<<16 | 'e'<<8 | 'd', 't'<<16 | 'h'<<8 | 'u', 'f'<<16 | 'r'<<8 | 'i',
	's'<<16 | 'a'<<8 | 't',
}

// dtKey3 packs three ASCII letters, lower-cased; the caller has checked
// they are letters, for which |0x20 is exactly lower-casing.
func dtKey3(w string) uint32 {
	return uint32(w[0]|0x20)<<16 | uint32(w[1]|0x20)<<8 | uint32(w[2]|0x20)
}

func dtMonthOf(abbr string) time.Month {
	k := dtKey3(abbr)
	for i, m := range dtMonthKeys {
		if k == m {
			return time.Month(i + 1)
		}
	}
	return 0
}

// weekday reads a three-letter weekday (Java and C date strings use no other).
func (p *dtScan) weekday() (time.Weekday, bool) {
	w := p.word()
	if len(w) != 3 {
		return 0, false
	}
	k := dtKey3(w)
	for i, d := range dtWeekdayKeys {
		if k == d {
			p.i += 3
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// yearFirst reads YYYY (F-MY), YYYY-MM-DD (F-D) or YYYY/MM/DD (F-SLD),
// optionally followed by a clock: F-ISO, F-ISOUTC, F-ISOT, F-SLUTC, F-LRN,
// F-ART and RFC 3339.
func (p *dtScan) yearFirst(f *dtFields) bool {
	y, _ := p.year(false)
	if p.done() {
		f.year, f.month, f.day, f.prec = y, time.January, 1, PrecYear
		return true
	}
	sep := p.peek()
	if sep != '-' && sep != '/' {
		return false
	}
	p.i++
	m, _, ok := p.num(1, 2)
	if !ok || !p.eat(sep) {
		return false
	}
	d, _, ok := p.num(1, 2)
	if !ok {
		return false
	}
	f.year, f.month, f.day, f.prec = y, time.Month(m), d, PrecDay
	return p.dateTail(f, true)
}

// slashMonthFirst reads M/D/YY and M/D/YYYY, optionally with a clock: F-US12,
// F-US12p, F-R2UTC and Excel's 4/4/2021.
func (p *dtScan) slashMonthFirst(f *dtFields) bool {
	m, _, ok := p.num(1, 2)
	if !ok || !p.eat('/') {
		return false
	}
	d, _, ok := p.num(1, 2)
	if !ok || !p.eat('/') {
		return false
	}
	y, ok := p.year(true)
	if !ok {
		return false
	}
	f.year, f.month, f.day, f.prec = y, time.Month(m), d, PrecDay
	return p.dateTail(f, false)
}

// dayMonthYear reads "07 Mar 2024" (F-DMY, sep ' ') and Excel's "4-Apr-21"
// (sep '-'), which may have a two-digit year.
func (p *dtScan) dayMonthYear(f *dtFields, sep byte) bool {
	d, _, ok := p.num(1, 2)
	if !ok || !p.sep(sep) {
		return false
	}
	m, ok := p.month()
	if !ok || !p.sep(sep) {
		return false
	}
	y, ok := p.year(sep == '-')
	if !ok {
		return false
	}
	f.year, f.month, f.day, f.prec = y, m, d, PrecDay
	return p.dateTail(f, false)
}

// dateTail reads what may follow a full date: nothing, or a separator (", ",
// " ", or "T" for ISO dates), a clock and a zone.
func (p *dtScan) dateTail(f *dtFields, iso bool) bool {
	if p.done() {
		return true
	}
	switch {
	case iso && p.eat('T'):
	case p.comma():
	case p.sp():
	default:
		return false
	}
	return p.clock(f) && p.zone(f) && p.done()
}

// monthFirst reads "Jan 2021" (F-MY), "Aug 17" (F-MD) and "Apr 9, 2024"
// (F-MDY), the last optionally with a clock and, if rng, an event's " - end"
// (F-EVT), of which the start is kept: it is when the member took part.
func (p *dtScan) monthFirst(f *dtFields, rng bool) bool {
	m, ok := p.month()
	if !ok || !p.sp() {
		return false
	}
	v, n, ok := p.num(1, 4)
	switch {
	case !ok || n == 3:
		return false
	case n == 4:
		f.year, f.month, f.day, f.prec = v, m, 1, PrecMonth
		return p.done()
	case p.done():
		f.year, f.month, f.day, f.prec = 0, m, v, PrecMonthDay
		return true
	}
	if !p.comma() {
		return false
	}
	y, ok := p.year(false)
	if !ok {
		return false
	}
	f.year, f.month, f.day, f.prec = y, m, v, PrecDay
	if p.done() {
		return true
	}
	if !p.sp() {
		return false
	}
	if p.peek() != '-' {
		if p.lit("at") && !p.sp() || !p.clock(f) || !p.zone(f) {
			return false
		}
		if p.done() {
			return true
		}
		p.sp()
	}
	return rng && p.eat('-') && p.sp() && dtValidEnd(p.s[p.i:], f.prec > PrecDay)
}

// dtValidEnd checks an event's end: a full date, with or without a time, or,
// after a timed start, a time alone (an event within one day). A range with
// a broken end is reported rather than half-read.
func dtValidEnd(t string, timed bool) bool {
	var g dtFields
	p := dtScan{s: t}
	if p.monthFirst(&g, false) {
		return g.prec >= PrecDay && g.validEnd()
	}
	g, p.i = dtFields{year: 2000, month: time.January, day: 1}, 0
	return timed && p.clock(&g) && p.zone(&g) && p.done() && g.validEnd()
}

func (f *dtFields) validEnd() bool {
	_, ok := f.build()
	return ok
}

// weekdayFirst reads Java's Date.toString, "Thu Feb 13 09:12:44 UTC 2025"
// (F-JAVA), and C's asctime, which is the same without the zone and may pad
// the day with a space. The weekday must agree with the date: a mismatch
// means the text was edited or corrupted.
func (p *dtScan) weekdayFirst(f *dtFields) bool {
	wd, ok := p.weekday()
	if !ok || !p.sp() {
		return false
	}
	m, ok := p.month()
	if !ok || !p.sp() {
		return false
	}
	d, _, ok := p.num(1, 2)
	if !ok || !p.sp() || !p.clock(f) || !p.zone(f) || !p.sp() {
		return false
	}
	y, ok := p.year(false)
	if !ok || !p.done() {
		return false
	}
	f.year, f.month, f.day = y, m, d
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Weekday() == wd
}

// sentenceDate reads "March 5, 2026 at 4:05 AM (GMT)" at the cursor and
// ignores what follows.
func (p *dtScan) sentenceDate(f *dtFields) bool {
	m, ok := p.month()
	if !ok || !p.sp() {
		return false
	}
	d, _, ok := p.num(1, 2)
	if !ok || !p.comma() {
		return false
	}
	y, ok := p.year(false)
	if !ok || !p.sp() || !p.lit("at") || !p.sp() || !p.clock(f) || !p.zone(f) {
		return false
	}
	f.year, f.month, f.day = y, m, d
	return p.done() || !dtIsLetter(p.peek()) && !dtIsDigit(p.peek())
}

// clock reads h:mm, h:mm:ss or h:mm:ss.fff (24-hour), or h:mm[:ss] AM/PM
// (12-hour, hour 1–12), and sets the precision from what it found.
func (p *dtScan) clock(f *dtFields) bool {
	h, _, ok := p.num(1, 2)
	if !ok || !p.eat(':') {
		return false
	}
	mi, _, ok := p.num(2, 2)
	if !ok {
		return false
	}
	f.hour, f.min, f.prec = h, mi, PrecMinute
	if p.eat(':') {
		if f.sec, _, ok = p.num(2, 2); !ok || !p.fraction(f) {
			return false
		}
		f.prec = PrecSecond
	}
	return p.meridiem(f)
}

// fraction reads the digits of a second after '.' or ','. Like time.Parse,
// it keeps nanoseconds and drops any finer digits.
func (p *dtScan) fraction(f *dtFields) bool {
	if c := p.peek(); c != '.' && c != ',' || p.i+1 >= len(p.s) || !dtIsDigit(p.s[p.i+1]) {
		return true
	}
	p.i++
	scale := int(time.Second)
	for ; p.i < len(p.s) && dtIsDigit(p.s[p.i]); p.i++ {
		scale /= 10
		f.ns += int(p.s[p.i]-'0') * scale
	}
	return true
}

// meridiem reads an optional AM/PM after the clock, with or without a space.
func (p *dtScan) meridiem(f *dtFields) bool {
	j := p.i
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	if j+2 > len(p.s) || p.s[j+1]|0x20 != 'm' || j+2 < len(p.s) && dtIsLetter(p.s[j+2]) {
		return true
	}
	pm := false
	switch p.s[j] | 0x20 {
	case 'a':
	case 'p':
		pm = true
	default:
		return true
	}
	if f.hour < 1 || f.hour > 12 {
		return false
	}
	f.hour %= 12
	if pm {
		f.hour += 12
	}
	p.i = j + 2
	return true
}

// zone reads an optional zone after the clock: Z, +hh:mm, a zone name such
// as UTC or PST (possibly followed by an offset, as in GMT+02:00), or a name
// in brackets, "(GMT)". Nothing at all means UTC (see the package comment).
// Text that is none of these is left for the caller.
func (p *dtScan) zone(f *dtFields) bool {
	start := p.i
	p.sp()
	switch c := p.peek(); {
	case c == 'Z' && (p.i+1 == len(p.s) || !dtIsLetter(p.s[p.i+1])):
		p.i++
		return true
	case (c == '+' || c == '-') && p.i+1 < len(p.s) && dtIsDigit(p.s[p.i+1]):
		return p.offset(f)
	case c == '(':
		p.i++
		return p.zoneName(f) && p.eat(')')
	case dtIsLetter(c):
		return p.zoneName(f)
	}
	p.i = start
	return true
}

func (p *dtScan) zoneName(f *dtFields) bool {
	w := p.word()
	off, ok := dtZoneOffset(w)
	if !ok {
		return false
	}
	p.i += len(w)
	f.off = off
	if off == 0 && (p.peek() == '+' || p.peek() == '-') {
		return p.offset(f)
	}
	return true
}

// offset reads +hh, +hhmm or +hh:mm. RFC 3339 allows any hour up to 23,
// though no zone is further than fourteen hours from UTC.
func (p *dtScan) offset(f *dtFields) bool {
	sign := 1
	if p.s[p.i] == '-' {
		sign = -1
	}
	p.i++
	h, ok := p.two()
	if !ok || h > 23 {
		return false
	}
	m := 0
	if p.eat(':') || dtIsDigit(p.peek()) {
		if m, ok = p.two(); !ok || m > 59 {
			return false
		}
	}
	f.off = sign * (h*3600 + m*60)
	return !dtIsDigit(p.peek())
}

// two reads exactly two digits, whatever follows.
func (p *dtScan) two() (int, bool) {
	if p.i+2 > len(p.s) {
		return 0, false
	}
	v, ok := dt2(p.s[p.i], p.s[p.i+1])
	if ok {
		p.i += 2
	}
	return v, ok
}

// dtZoneOffset knows the zone names a Java or Unix date string may carry.
// Zone abbreviations are ambiguous worldwide (CST is also China, IST three
// different zones); these are the North American and European readings,
// those of the servers that wrote the export. Go's time.Parse would instead
// give an unknown name offset zero, silently shifting the time; an unknown
// name here makes the date Unparsed.
func dtZoneOffset(name string) (int, bool) {
	const h = 3600
	if len(name) > 4 {
		return 0, false
	}
	switch strings.ToUpper(name) {
	case "UTC", "GMT", "UT", "Z":
		return 0, true
	case "WET":
		return 0, true
	case "WEST", "CET", "BST":
		return 1 * h, true
	case "CEST", "EET":
		return 2 * h, true
	case "EEST":
		return 3 * h, true
	case "EST", "CDT":
		return -5 * h, true
	case "EDT":
		return -4 * h, true
	case "CST", "MDT":
		return -6 * h, true
	case "MST", "PDT":
		return -7 * h, true
	case "PST", "AKDT":
		return -8 * h, true
	case "AKST":
		return -9 * h, true
	case "HST":
		return -10 * h, true
	}
	return 0, false
}
