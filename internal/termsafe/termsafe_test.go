package termsafe

import "testing"

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Shares.csv", "Shares.csv"},
		{"Réactions – été.csv", "Réactions – été.csv"},
		{"a\x1b[2Jb", `a\x1b[2Jb`},
		{"\x1b]0;pwned\x07title", `\x1b]0;pwned\atitle`},
		{"x\r\ny", `x\r\ny`},
		{"tab\there", `tab\there`},
		{"evil\u202ecod.exe", `evil\u202ecod.exe`},
		{"line\u2028sep", `line\u2028sep`},
		{"c1\u009bcode", `c1\u009bcode`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"replacement \uFFFD stays", "replacement \uFFFD stays"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("a\x1b[2J\r\n\u202e\xff")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Escape(s) {
			if unsafe(r) {
				t.Fatalf("Escape(%q) keeps %U", s, r)
			}
		}
	})
}
