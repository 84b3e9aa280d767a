package date

import (
	"strings"
	"time"
)

// scanner reads a date left to right. Its methods consume input only when
// they succeed, unless they report failure of the whole parse.
type scanner struct {
	s string
	i int
}

func (p *scanner) done() bool { return p.i >= len(p.s) }

func (p *scanner) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *scanner) eat(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// sp reads one or more spaces. Hand edits and spreadsheets leave doubled
// spaces, asctime pads the day with one, and time.Parse accepts them too.
func (p *scanner) sp() bool {
	j := p.i
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	return p.i > j
}

// sep reads c, or any run of spaces if c is a space.
func (p *scanner) sep(c byte) bool {
	if c == ' ' {
		return p.sp()
	}
	return p.eat(c)
}

// comma reads ", " (with any number of spaces).
func (p *scanner) comma() bool { return p.eat(',') && p.sp() }

func (p *scanner) lit(s string) bool {
	if strings.HasPrefix(p.s[p.i:], s) {
		p.i += len(s)
		return true
	}
	return false
}

// num reads lo to hi ASCII digits; a longer run fails, so "20245" is not a
// year followed by a 5.
func (p *scanner) num(lo, hi int) (v, n int, ok bool) {
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
func (p *scanner) year(short bool) (int, bool) {
	lo := 4
	if short {
		lo = 2
	}
	v, n, ok := p.num(lo, 4)
	switch {
	case !ok || n == 3:
		return 0, false
	case n == 2:
		return century(v), true
	}
	return v, true
}

// word returns the run of ASCII letters at the cursor without consuming it.
func (p *scanner) word() string {
	j := p.i
	for j < len(p.s) && isLetter(p.s[j]) {
		j++
	}
	return p.s[p.i:j]
}

// month reads an English month name: the three-letter abbreviation, the full
// name, or "Sept", in any case.
func (p *scanner) month() (time.Month, bool) {
	w := p.word()
	if len(w) < 3 {
		return 0, false
	}
	m := monthOf(w[:3])
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
var monthKeys = [...]uint32{
	'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r',
	'a'<<16 | 'p'<<8 | 'r', 'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n',
	'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g', 's'<<16 | 'e'<<8 | 'p',
	'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c',
}

var weekdayKeys = [...]uint32{
	's'<<16 | 'u'<<8 | 'n', 'm'<<16 | 'o'<<8 | 'n', 't'<<16 | 'u'<<8 | 'e',
	'w'<<16 | 'e'<<8 | 'd', 't'<<16 | 'h'<<8 | 'u', 'f'<<16 | 'r'<<8 | 'i',
	's'<<16 | 'a'<<8 | 't',
}

// key3 packs three ASCII letters, lower-cased; the caller has checked
// they are letters, for which |0x20 is exactly lower-casing.
func key3(w string) uint32 {
	return uint32(w[0]|0x20)<<16 | uint32(w[1]|0x20)<<8 | uint32(w[2]|0x20)
}

func monthOf(abbr string) time.Month {
	k := key3(abbr)
	for i, m := range monthKeys {
		if k == m {
			return time.Month(i + 1)
		}
	}
	return 0
}

// weekday reads a three-letter weekday (Java and C date strings use no other).
func (p *scanner) weekday() (time.Weekday, bool) {
	w := p.word()
	if len(w) != 3 {
		return 0, false
	}
	k := key3(w)
	for i, d := range weekdayKeys {
		if k == d {
			p.i += 3
			return time.Weekday(i), true
		}
	}
	return 0, false
}
