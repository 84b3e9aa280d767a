package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refSnippet is Snippet as it was first written (fields joined by one
// space, cut to maxText runes), but for invalid bytes, which Snippet now
// turns into U+FFFD, one each; the faster one must give the same text.
func refSnippet(s string) string {
	if limit := 8 * maxText; len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + " …"
	}
	s = string([]rune(s))
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxText {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:maxText-1]), unicode.IsSpace) + "…"
}

var snippetCases = []string{
	"", " ", "plain text", "  leading and trailing  ", "tabs\tand\nnew\r\nlines",
	"Unicode\u00a0no-break\u2028line\u3000ideographic\u0085next",
	"invalid \xff\xfe bytes \xc3", "accents: éàü ÉÀÜ ß İ",
	strings.Repeat("word ", 40), strings.Repeat("é", 200), strings.Repeat(" ", 2000) + "x",
	strings.Repeat("a", 1119) + "é" + strings.Repeat("b", 10), strings.Repeat("ab ", 500),
	strings.Repeat("x", 139) + " " + strings.Repeat("y", 5), strings.Repeat("x", 140), strings.Repeat("x", 141),
}

func TestSnippetAsFirstWritten(t *testing.T) {
	for _, s := range snippetCases {
		if got, want := Snippet(s), refSnippet(s); got != want {
			t.Errorf("Snippet(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzSnippet(f *testing.F) {
	for _, s := range snippetCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Snippet(s), refSnippet(s); got != want {
			t.Errorf("Snippet(%q)\n got %q\nwant %q", s, got, want)
		}
	})
}
