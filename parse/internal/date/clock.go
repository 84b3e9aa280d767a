package date

import (
	"strings"
	"time"
)

// clock reads h:mm, h:mm:ss or h:mm:ss.fff (24-hour), or h:mm[:ss] AM/PM
// (12-hour, hour 1–12), and sets the precision from what it found.
func (p *scanner) clock(f *fields) bool {
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
func (p *scanner) fraction(f *fields) bool {
	if c := p.peek(); c != '.' && c != ',' || p.i+1 >= len(p.s) || !isDigit(p.s[p.i+1]) {
		return true
	}
	p.i++
	scale := int(time.Second)
	for ; p.i < len(p.s) && isDigit(p.s[p.i]); p.i++ {
		scale /= 10
		f.ns += int(p.s[p.i]-'0') * scale
	}
	return true
}

// meridiem reads an optional AM/PM after the clock, with or without a space.
func (p *scanner) meridiem(f *fields) bool {
	j := p.i
	for j < len(p.s) && p.s[j] == ' ' {
		j++
	}
	if j+2 > len(p.s) || p.s[j+1]|0x20 != 'm' || j+2 < len(p.s) && isLetter(p.s[j+2]) {
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
func (p *scanner) zone(f *fields) bool {
	start := p.i
	p.sp()
	switch c := p.peek(); {
	case c == 'Z' && (p.i+1 == len(p.s) || !isLetter(p.s[p.i+1])):
		p.i++
		return true
	case (c == '+' || c == '-') && p.i+1 < len(p.s) && isDigit(p.s[p.i+1]):
		return p.offset(f)
	case c == '(':
		p.i++
		return p.zoneName(f) && p.eat(')')
	case isLetter(c):
		return p.zoneName(f)
	}
	p.i = start
	return true
}

func (p *scanner) zoneName(f *fields) bool {
	w := p.word()
	off, ok := zoneOffset(w)
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
func (p *scanner) offset(f *fields) bool {
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
	if p.eat(':') || isDigit(p.peek()) {
		if m, ok = p.two(); !ok || m > 59 {
			return false
		}
	}
	f.off = sign * (h*3600 + m*60)
	return !isDigit(p.peek())
}

// two reads exactly two digits, whatever follows.
func (p *scanner) two() (int, bool) {
	if p.i+2 > len(p.s) {
		return 0, false
	}
	v, ok := twoDigits(p.s[p.i], p.s[p.i+1])
	if ok {
		p.i += 2
	}
	return v, ok
}

// zoneOffset knows the zone names a Java or Unix date string may carry.
// Zone abbreviations are ambiguous worldwide (CST is also China, IST three
// different zones); these are the North American and European readings,
// those of the servers that wrote the export. Go's time.Parse would instead
// give an unknown name offset zero, silently shifting the time; an unknown
// name here makes the date Unparsed.
func zoneOffset(name string) (int, bool) {
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
