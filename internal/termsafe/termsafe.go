// Package termsafe makes text from an export safe to print in a terminal.
// File names, entry names and texts come from the archive, which anyone
// can have crafted: an escape sequence in a name could clear the screen,
// retitle the window or forge a line of a table. Escape shows every
// control character, and the characters that reorder text, as a Go escape
// (\x1b, \n, \u202e), so that what is printed is what the name holds.
package termsafe

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape returns s with every control, line-breaking or text-reordering
// character written as an escape; other text is unchanged.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case unsafe(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i, r := range s {
		if unsafe(r) || (r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD")) {
			return true
		}
	}
	return false
}

// unsafe: C0 and C1 controls (ESC, BEL, CR, LF, …), the line and paragraph
// separators, and the bidirectional formatting characters.
func unsafe(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	}
	return false
}
