package parse

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The display texts of items. Item.Text is the member's data, shown in their
// own report only; these keep it short and plain.

// maxText bounds Item.Text; reports show snippets, never whole documents.
const maxText = 140

// Snippet trims s to a one-line display text of at most maxText runes.
// Only the start of s is looked at: a field can be megabytes long. It
// makes one string, new, so that the item does not keep the whole CSV
// record in memory.
func Snippet(s string) string {
	cut := false
	if limit := 8 * maxText; len(s) > limit {
		end := limit
		for end > 0 && !utf8.RuneStart(s[end]) {
			end--
		}
		s, cut = s[:end], true
	}
	if !cut && plainLine(s) {
		return strings.Clone(s)
	}
	var b strings.Builder
	b.Grow(min(len(s), 4*maxText) + len(" …"))
	runes, space := 0, false
	for i := 0; i < len(s) && runes <= maxText; {
		c := s[i]
		if isPlain(c) { // a run of printable ASCII is written whole
			if space {
				b.WriteByte(' ')
				runes++
				space = false
			}
			j := i + 1
			for runes++; j < len(s) && runes <= maxText && isPlain(s[j]); j++ {
				runes++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isSpace(r) {
			space = runes > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		if c < utf8.RuneSelf {
			b.WriteByte(c)
		} else {
			b.WriteRune(r) // an invalid byte becomes U+FFFD
		}
		runes++
	}
	out := b.String()
	if cut && runes <= maxText { // the field went on past what was looked at
		if runes > 0 {
			out += " …"
			runes += 2
		} else {
			out, runes = "…", 1
		}
	}
	if runes <= maxText {
		return out
	}
	return strings.TrimRightFunc(out[:runeOffset(out, maxText-1)], unicode.IsSpace) + "…"
}

// runeOffset is where the rune after the first n runes of s starts.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// isPlain: c is printable ASCII other than the space, which Snippet
// writes as it is.
func isPlain(c byte) bool { return ' ' < c && c < utf8.RuneSelf }

// plainLine reports whether Snippet would give s unchanged: printable
// ASCII, at most maxText bytes, single spaces between words.
func plainLine(s string) bool {
	if len(s) > maxText || len(s) == 0 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isPlain(c) && (c != ' ' || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// isSpace is unicode.IsSpace with the ASCII answer first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// joinText joins the parts that are not blank, for items described by
// several columns (a title and a company).
func joinText(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return Snippet(strings.Join(kept, " — "))
}

// firstNonEmpty picks the first column that says something, for files
// whose rows fill one of several columns.
func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// htmlText turns a fragment of HTML into plain text: article pages, and
// the cells of files that hold HTML (sponsored messages, screening
// questions).
func htmlText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(s, " "))), " ")
}

var tagRE = regexp.MustCompile(`(?s)<[^>]*>`)
