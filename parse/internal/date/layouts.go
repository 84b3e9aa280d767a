package date

import (
	"strings"
	"time"
)

// parseFixed reads the fixed-width "YYYY-MM-DD HH:MM:SS" and
// "YYYY/MM/DD HH:MM:SS UTC" shapes (F-ISO, F-ISOUTC, F-SLUTC) by position.
// They fill the largest files (messages, Shares, Reactions, SearchQueries),
// so they skip the general scanner.
func parseFixed(t string, f *fields) bool {
	if len(t) != 19 && (len(t) != 23 || t[19:] != " UTC") {
		return false
	}
	sep := t[4]
	if sep != '-' && sep != '/' || t[7] != sep || t[10] != ' ' || t[13] != ':' || t[16] != ':' {
		return false
	}
	y1, ok1 := twoDigits(t[0], t[1])
	y2, ok2 := twoDigits(t[2], t[3])
	mo, ok3 := twoDigits(t[5], t[6])
	d, ok4 := twoDigits(t[8], t[9])
	h, ok5 := twoDigits(t[11], t[12])
	mi, ok6 := twoDigits(t[14], t[15])
	sec, ok7 := twoDigits(t[17], t[18])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) {
		return false
	}
	*f = fields{year: y1*100 + y2, month: time.Month(mo), day: d,
		hour: h, min: mi, sec: sec, prec: PrecSecond}
	return true
}

// twoDigits reads two ASCII digits.
func twoDigits(a, b byte) (int, bool) {
	a, b = a-'0', b-'0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// parseText dispatches on the first byte: every numeric layout starts with
// a digit, every other one with a letter.
func parseText(t string, f *fields) bool {
	switch c := t[0]; {
	case isDigit(c):
		return parseNumeric(t, f)
	case isLetter(c):
		return parseWordy(t, f)
	}
	return false
}

// parseNumeric tells the numeric layouts apart by the length of the first
// run of digits and the byte after it.
func parseNumeric(t string, f *fields) bool {
	n := 0
	for n < len(t) && isDigit(t[n]) {
		n++
	}
	p := scanner{s: t}
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

// parseWordy handles the layouts that start with a word: a month, a
// weekday, an article's "Created on", or a Rich_Media sentence.
func parseWordy(t string, f *fields) bool {
	p := scanner{s: t}
	if p.monthFirst(f, true) {
		return true
	}
	*f, p.i = fields{}, 0
	if p.weekdayFirst(f) {
		return true
	}
	*f = fields{}
	for _, pre := range [...]string{"Created on ", "Published on "} {
		if hasPrefixFold(t, pre) {
			return parseNumeric(t[len(pre):], f)
		}
	}
	return parseSentence(t, f)
}

// parseSentence finds "on <Month D, YYYY> at <h:mm AM> (GMT)" anywhere in
// a Rich_Media sentence such as "You uploaded a feed photo on March 5, 2026
// at 4:05 AM (GMT)". Text after the date is allowed.
func parseSentence(t string, f *fields) bool {
	if hasPrefixFold(t, "on ") {
		p := scanner{s: t, i: 3}
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
		*f = fields{}
		p := scanner{s: t, i: i}
		if p.sentenceDate(f) {
			return true
		}
	}
}

// yearFirst reads YYYY (F-MY), YYYY-MM-DD (F-D) or YYYY/MM/DD (F-SLD),
// optionally followed by a clock: F-ISO, F-ISOUTC, F-ISOT, F-SLUTC, F-LRN,
// F-ART and RFC 3339.
func (p *scanner) yearFirst(f *fields) bool {
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
func (p *scanner) slashMonthFirst(f *fields) bool {
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
func (p *scanner) dayMonthYear(f *fields, sep byte) bool {
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
func (p *scanner) dateTail(f *fields, iso bool) bool {
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
func (p *scanner) monthFirst(f *fields, rng bool) bool {
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
	return rng && p.eat('-') && p.sp() && validRangeEnd(p.s[p.i:], f.prec > PrecDay)
}

// validRangeEnd checks an event's end: a full date, with or without a time, or,
// after a timed start, a time alone (an event within one day). A range with
// a broken end is reported rather than half-read.
func validRangeEnd(t string, timed bool) bool {
	var g fields
	p := scanner{s: t}
	if p.monthFirst(&g, false) {
		return g.prec >= PrecDay && g.validEnd()
	}
	g, p.i = fields{year: 2000, month: time.January, day: 1}, 0
	return timed && p.clock(&g) && p.zone(&g) && p.done() && g.validEnd()
}

func (f *fields) validEnd() bool {
	_, ok := f.build()
	return ok
}

// weekdayFirst reads Java's Date.toString, "Thu Feb 13 09:12:44 UTC 2025"
// (F-JAVA), and C's asctime, which is the same without the zone and may pad
// the day with a space. The weekday must agree with the date: a mismatch
// means the text was edited or corrupted.
func (p *scanner) weekdayFirst(f *fields) bool {
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
func (p *scanner) sentenceDate(f *fields) bool {
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
	return p.done() || !isLetter(p.peek()) && !isDigit(p.peek())
}
