package parse

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// repairRef replaces each byte that is not part of valid UTF-8 with
// U+FFFD, as utf8Repair must, and counts them.
func repairRef(b []byte) (string, int) {
	var out strings.Builder
	bad := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			bad++
			out.WriteString(replacement)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.String(), bad
}

// utf8Repair gives the reference's text and count, however the input is
// split into reads (runes cut across reads, invalid bytes at the edges).
func FuzzUTF8Repair(f *testing.F) {
	for _, s := range []string{"", "plain ascii text, long enough to pass eight bytes at a time",
		"é à ü 日本 😀", "bad \xff\xfe byte", "cut \xe6\x97", "\xc3", "ascii then é then \x80 then more ascii text here"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		want, wantBad := repairRef(in)
		sources := func() []io.Reader {
			return []io.Reader{bytes.NewReader(in), iotest.OneByteReader(bytes.NewReader(in)),
				iotest.HalfReader(bytes.NewReader(in)), iotest.DataErrReader(bytes.NewReader(in))}
		}
		for _, r := range sources() {
			bad := 0
			checkRepaired(t, validUTF8(bufio.NewReader(r), &bad), &bad, want, wantBad)
		}
		// The checker alone, read a few bytes at a time (less than a rune
		// and what follows it) and one at a time.
		for _, r := range sources() {
			bad := 0
			checkRepaired(t, smallReads{&utf8Checker{r: r, invalid: &bad}, 7}, &bad, want, wantBad)
		}
		for _, r := range sources() {
			bad := 0
			checkRepaired(t, iotest.OneByteReader(&utf8Checker{r: r, invalid: &bad}), &bad, want, wantBad)
		}
	})
}

func checkRepaired(t *testing.T, r io.Reader, bad *int, want string, wantBad int) {
	t.Helper()
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want || *bad != wantBad {
		t.Fatalf("got %q (%d bad), want %q (%d bad)", got, *bad, want, wantBad)
	}
}

// smallReads reads at most n bytes at a time.
type smallReads struct {
	r io.Reader
	n int
}

func (s smallReads) Read(p []byte) (int, error) { return s.r.Read(p[:min(len(p), s.n)]) }
