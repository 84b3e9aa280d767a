package parse

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"hash"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// IDs are compared with files saved by older versions, so contentID must
// give, forever, the IDs its first implementation gave. That implementation
// is kept below, renamed (refContentID and its helpers: copied as they were,
// do not "fix" them), as the reference the fast one is held to.

func refContentID(kind Kind, keys ...string) string {
	h := &refIDHasher{h: sha256.New()}
	h.WriteString(string(kind))
	for _, k := range keys {
		h.WriteByte(0)
		h.writeKey(k)
	}
	return h.sum()
}

type refIDHasher struct {
	h   hash.Hash
	buf [512]byte
	n   int
}

func (h *refIDHasher) WriteByte(b byte) error {
	if h.n == len(h.buf) {
		h.h.Write(h.buf[:])
		h.n = 0
	}
	h.buf[h.n] = b
	h.n++
	return nil
}

func (h *refIDHasher) WriteString(s string) {
	for i := 0; i < len(s); i++ {
		h.WriteByte(s[i])
	}
}

func (h *refIDHasher) sum() string {
	h.h.Write(h.buf[:h.n])
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.h.Sum(sum[:0])[:12])
}

func (h *refIDHasher) writeKey(s string) {
	s = strings.TrimSpace(s)
	if refLooksLikeURL(s) {
		s = refNormURL(s)
	}
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				space = true
				continue
			}
			if space {
				h.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			h.WriteByte(' ')
			space = false
		}
		var b [utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], unicode.ToLower(r))
		for _, x := range b[:n] {
			h.WriteByte(x)
		}
	}
}

func refLooksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func refNormURL(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/")
}

// TestContentIDUnchanged holds contentID to refContentID on every field of
// the sample export and on strings made to hit each branch of the
// normalisation, alone and several to an ID.
func TestContentIDUnchanged(t *testing.T) {
	keys := append(sampleExportFields(t), trickyKeys()...)
	t.Logf("%d keys", len(keys))
	check := func(kind Kind, ks ...string) {
		t.Helper()
		if got, want := contentID(kind, ks...), refContentID(kind, ks...); got != want {
			t.Fatalf("contentID(%q, %.120q) = %s, want %s", kind, ks, got, want)
		}
	}
	for _, k := range keys {
		check(KindMessage, k)
		check("", k)
	}
	// Several keys per ID, as the readers pass them, with the NUL between.
	for i := range keys {
		check(KindReaction, keys[i], keys[(i+1)%len(keys)], keys[(i*7+3)%len(keys)])
	}
	check(KindPost)
	check(KindPost, "")
	check(KindPost, "", "")
}

// TestContentIDBufferEdges slides each special sequence across the edge of
// the 512-byte buffer, one offset at a time, both in plain text and in URLs
// (whose escapes decode to the sequence).
func TestContentIDBufferEdges(t *testing.T) {
	specials := []string{
		"Ééé", "ΣΑΣ", "İı", "ß", "\u00a0", "\u2028", "\u3000", "\u0085",
		" \r\n\t ", "a b", "a  b", "A\nB", "\xff\xfe", "\xe2\x82", "\U0001F600", "%41%zz",
	}
	for _, sp := range specials {
		for pad := 0; pad < 600; pad++ { // past the first edge at every offset
			// One word, and words with single spaces (which foldASCII
			// copies without stopping).
			for _, filler := range []string{strings.Repeat("x", pad), strings.Repeat("Ab ", pad/3+1)[:pad]} {
				for _, k := range []string{
					filler + sp + "tail",
					filler + sp,
					sp + filler,
					"https://www." + filler + url.PathEscape(sp) + "/",
					"http://" + filler + sp + "%C3%89/",
				} {
					if got, want := contentID(KindMessage, k, k), refContentID(KindMessage, k, k); got != want {
						t.Fatalf("pad %d: contentID(%.120q) = %s, want %s", pad, k, got, want)
					}
				}
			}
		}
	}
}

// TestContentIDNoAllocs pins what made IDs fast: folding a key, link or
// text, allocates nothing (contentID then makes one string, the ID).
func TestContentIDNoAllocs(t *testing.T) {
	h := &idHasher{h: sha256.New()}
	for _, k := range []string{
		benchMessageText(),
		"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7527392079776693458",
		"https://www.linkedin.com/feed/update/urn:li:share:7527392079776693458/",
		"ΣΊΣΥΦΟΣ \xff İstanbul\u3000",
	} {
		allocs := testing.AllocsPerRun(100, func() {
			h.h.Reset()
			h.n = 0
			h.writeKey(k)
			h.sum()
		})
		if allocs > 1 {
			t.Errorf("writeKey(%.20q) and sum: %v allocations, want 1", k, allocs)
		}
	}
}

// sampleExportFields is every field of every CSV file of the sample export,
// and every line of those files as it is.
func sampleExportFields(t *testing.T) []string {
	t.Helper()
	var keys []string
	err := filepath.WalkDir("../sample_export", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".csv") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		keys = append(keys, strings.Split(string(data), "\n")...)
		r := csv.NewReader(strings.NewReader(string(data)))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue // the lines above still cover it
			}
			keys = append(keys, rec...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) < 1000 {
		t.Fatalf("only %d fields in the sample export", len(keys))
	}
	return keys
}

// trickyKeys are strings made to reach each case of writeKey and writeURL.
func trickyKeys() []string {
	keys := []string{
		"", " ", "\t\r\n", "x", "X", " x ", "\u00a0x\u00a0", "ABC xyz", "Hello,  World!",
		// Unicode case: letters that change length or fold oddly.
		"ÉLISE", "élise", "ΣΊΣΥΦΟΣ", "σίσυφος", "İstanbul", "ISTANBUL", "ıi", "STRASSE", "Straße", "ẞ",
		"K", "Å", "ǅ", "ǈ", "Ω", "ﬃ", "ΐ", "Ⅻ", "ⓐⒶ", "Ａ", "𐐀", "\U0001F600",
		// Every Unicode white space, inside, around and in runs.
		"a\u00a0b", "a\u1680b", "a\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200ab",
		"a\u2028b", "a\u2029b", "a\u202fb", "a\u205fb", "a\u3000b", "a\u0085b", "a\u200bb", "a\ufeffb",
		"a \u00a0\tb", "\u3000lead", "trail\u3000", "\u0085", "a\u180eb",
		"line1\r\nline2", "line1\nline2", "line1\r\rline2", "a\r\n\r\n\r\nb", "a\v\fb", " a ", "a\x00b",
		// Invalid UTF-8.
		"\xff", "a\xffb", "\xc3", "\xc3\x28", "\xe2\x82", "\xe2\x82\x28", "\xf0\x9f\x98", "\xed\xa0\x80",
		"\xc0\xaf", "\xef\xbf\xbd", "\xf4\x90\x80\x80", "\x80\x80", " \xff ",
		// URLs: every prefix, escapes valid and not, escaped prefixes and slashes.
		"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7527392079776693458",
		"https://www.linkedin.com/feed/update/urn:li:share:7527392079776693458",
		"http://www.linkedin.com/feed/update/urn:li:share:7527392079776693458/",
		"www.linkedin.com/feed/", "https://", "http://", "www.", "https:///", "https://www./",
		"https://http://x", "http://https://x", "https://www.www.x", "https://x//",
		"https://x%2F", "https://%77ww.x", "https://x/%zz", "https://x/%", "https://x/%4", "https://x/%4G",
		"https://x/%41%", "https://x/%2541", "https://x/a+b", "https://x/%20a%20", "https://%20x",
		"https://x/%C3%89L%C3%8DSE", "https://x/%c3%a9", "https://x/%FF", "https://x/%C3", "https://x/%e2%80%a8y",
		"https://x/%0D%0A%0d%0ay", "https://x/%00", "HTTPS://X/%41", "https://X/%41/", "Https://x",
		" https://x/ ", "\u00a0https://x/%41\u3000", "https://x/\u00a0", "https://x/%C2%A0",
		"https://x/%C2%A0%20/", "https://x/ /", "https://x/%2F%2F", "https://x/%25", "https://x/%%41",
		"https://www.linkedin.com/in/%C3%A9lise-vandermeulen-b7a31942/",
		"www.x.com/%E4%BD%A0%E5%A5%BD", "www.x.com/你好", "www.%41",
		"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7193456789012345678?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7193456789012345678%2C7193467890123456789%29",
	}
	// Long keys, and a long URL past what the hasher keeps between calls.
	keys = append(keys,
		strings.Repeat("Ab ", 5000),
		strings.Repeat("é", 3000),
		strings.Repeat("\u3000", 700)+"x",
		"https://x/"+strings.Repeat("%C3%89", 3000),
		"https://x/"+strings.Repeat("%C3%89", 3000)+"%zz",
		"https://x/"+strings.Repeat("ab", maxURLScratch),
		// Links either side of the longest that writeURL decodes itself.
		"https://x/"+strings.Repeat("%C3%89", (maxURLScratch-10)/6)+strings.Repeat("A", (maxURLScratch-10)%6),
		"https://x/"+strings.Repeat("%C3%89", (maxURLScratch-10)/6)+strings.Repeat("A", (maxURLScratch-10)%6+1),
		"https://x/"+strings.Repeat("%C3%89", (maxURLScratch-10)/6)+"%zz",
		benchMessageText(),
	)
	return keys
}

// FuzzContentID holds contentID to refContentID on any keys, and datedID
// to contentID with the date key the readers made before it:
//
//	go test ./parse -run '^$' -fuzz FuzzContentID -fuzztime 60s -fuzzminimizetime 100x
func FuzzContentID(f *testing.F) {
	for _, k := range trickyKeys() {
		f.Add(k, "")
	}
	f.Add("https://x/%41", "A b")
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, keys := range [][]string{{a}, {a, b}, {"https://" + a}, {"www." + a + "/"}} {
			if got, want := contentID(KindPost, keys...), refContentID(KindPost, keys...); got != want {
				t.Fatalf("contentID(%.120q) = %s, want %s", keys, got, want)
			}
		}
		d := ParseDate(b)
		if got, want := datedID(KindPost, d.Time, d.Raw, a), refContentID(KindPost, a, refDateKey(d.Time, d)); got != want {
			t.Fatalf("datedID(%.120q, %q) = %s, want %s", a, b, got, want)
		}
	})
}
