package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// contentID hashes the kind and key fields into an item ID. Each key is
// normalised first (see writeKey) so that era-specific encodings of the same
// content give the same ID.
//
// IDs must never change between versions: members diff the saved results of
// older runs. TestContentIDUnchanged and FuzzContentID hold this code to a
// copy of the first implementation; any change here must keep them passing.
func contentID(kind Kind, keys ...string) string {
	h := hashKeys(kind, keys)
	defer hashers.Put(h)
	return h.sum()
}

// datedID is contentID(kind, keys..., date) for an item dated t, where date
// is t in RFC 3339, or raw, the date's text, when t is zero. The date's text
// is written straight into the hash: making it a string cost an allocation
// per dated row, most rows of a large export.
func datedID(kind Kind, t time.Time, raw string, keys ...string) string {
	h := hashKeys(kind, keys)
	defer hashers.Put(h)
	h.writeByte(0)
	if t.IsZero() {
		h.writeKey(raw)
	} else {
		// RFC 3339 text is no link and has no white space to trim:
		// writeKey would only fold it.
		h.date = t.AppendFormat(h.date[:0], time.RFC3339)
		writeFolded(h, h.date)
	}
	return h.sum()
}

// hashKeys takes a hasher from the pool and writes the kind and keys to it.
func hashKeys(kind Kind, keys []string) *idHasher {
	h := hashers.Get().(*idHasher)
	h.h.Reset()
	h.n = 0
	h.writeString(string(kind))
	for _, k := range keys {
		h.writeByte(0)
		h.writeKey(k)
	}
	return h
}

// hashers reuses hash states: files are read on all cores, and a new
// SHA-256 per item was a tenth of the reading time.
var hashers = sync.Pool{New: func() any { return &idHasher{h: sha256.New()} }}

// idHasher buffers small writes to the hash. When the buffer is flushed
// does not change the sum: the hash sees the same bytes either way.
type idHasher struct {
	h   hash.Hash
	buf [512]byte
	n   int
	// url holds a link with its escapes decoded (see writeURL), kept
	// between calls so that decoding allocates nothing.
	url []byte
	// date holds the RFC 3339 text of a date key (datedID).
	date []byte
	// digest holds the sum: a local array would escape through the
	// hash.Hash interface and cost an allocation per ID.
	digest [sha256.Size]byte
}

// maxURLScratch bounds the links decoded into idHasher.url, so that one
// odd megabyte-long link does not stay in memory for the rest of the run.
const maxURLScratch = 4 << 10

func (h *idHasher) flush() {
	h.h.Write(h.buf[:h.n])
	h.n = 0
}

func (h *idHasher) writeByte(c byte) {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = c
	h.n++
}

// writeRune writes r UTF-8 encoded straight into the buffer.
func (h *idHasher) writeRune(r rune) {
	if len(h.buf)-h.n < utf8.UTFMax {
		h.flush()
	}
	h.n += utf8.EncodeRune(h.buf[h.n:], r)
}

// writeString writes s unchanged, a buffer-full at a time.
func (h *idHasher) writeString(s string) {
	for len(s) > 0 {
		if h.n == len(h.buf) {
			h.flush()
		}
		c := copy(h.buf[h.n:], s)
		h.n += c
		s = s[c:]
	}
}

func (h *idHasher) sum() string {
	h.flush()
	var out [2 * 12]byte
	hex.Encode(out[:], h.h.Sum(h.digest[:0])[:12])
	return string(out[:])
}

// writeKey writes s folded over the differences between export eras that
// do not change the content: case, runs of white space (messages had their
// line breaks flattened to spaces before 2026), CR/LF, and percent-encoding
// of URLs (activity links are encoded in some files and not in others,
// §3 Q17). It streams, so a megabyte field costs no copy.
func (h *idHasher) writeKey(s string) {
	s = strings.TrimSpace(s)
	if looksLikeURL(s) {
		h.writeURL(s)
		return
	}
	writeFolded(h, s)
}

// writeURL writes a link with its escapes decoded and what trimURL drops
// dropped, so that IDs ignore how an era encoded a link (§3 Q17). Links
// are decoded into a buffer the hasher keeps, so that decoding allocates
// nothing; unescapePath pins url.PathUnescape's rules, so IDs do not
// depend on net/url.
func (h *idHasher) writeURL(s string) {
	if strings.IndexByte(s, '%') < 0 { // nothing to decode
		writeFolded(h, trimURL(s))
		return
	}
	var u []byte
	var ok bool
	if len(s) > maxURLScratch { // too rare to keep a buffer for
		u, ok = unescapePath(nil, s)
	} else {
		u, ok = unescapePath(h.url[:0], s)
		h.url = u
	}
	if !ok { // an invalid escape: the link is kept as it is
		writeFolded(h, trimURL(s))
		return
	}
	writeFolded(h, trimURL(u))
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// unescapePath appends s to dst with each %XX escape decoded, as
// url.PathUnescape does: one pass, '+' kept, "%2541" giving "%41". ok is
// false where PathUnescape fails, when a '%' is not followed by two hex
// digits; s is then to be used as it is.
func unescapePath(dst []byte, s string) (_ []byte, ok bool) {
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			return append(dst, s...), true
		}
		if i+2 >= len(s) {
			return dst, false
		}
		hi, ok1 := escapeDigit(s[i+1])
		lo, ok2 := escapeDigit(s[i+2])
		if !ok1 || !ok2 {
			return dst, false
		}
		dst = append(dst, s[:i]...)
		dst = append(dst, hi<<4|lo)
		s = s[i+3:]
	}
}

// escapeDigit is the value of the hex digit c of a %XX escape.
func escapeDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// trimURL drops what does not change a link: the scheme, "www." and one
// trailing slash, in that order.
func trimURL[S string | []byte](s S) S {
	s = trimPrefix(s, "https://")
	s = trimPrefix(s, "http://")
	s = trimPrefix(s, "www.")
	if len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}

func trimPrefix[S string | []byte](s S, prefix string) S {
	if len(s) < len(prefix) {
		return s
	}
	for i := range len(prefix) {
		if s[i] != prefix[i] {
			return s
		}
	}
	return s[len(prefix):]
}

// writeFolded writes s lower-cased (unicode.ToLower, rune by rune), each
// run of white space (unicode.IsSpace) as one space unless it ends s, and
// each invalid UTF-8 byte as U+FFFD. ASCII words go into the buffer
// through a table, with no call per byte; only runes that are not ASCII are
// decoded. (A call per byte made IDs 15% of the CPU time of a report.) It
// is generic so that a URL decoded into idHasher.url needs no string copy.
func writeFolded[S string | []byte](h *idHasher, s S) {
	space := false // white space was skipped since the last byte written
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case asciiFold[c] != notFolded:
			if space {
				h.writeByte(' ')
				space = false
			}
			i += writeWord(h, s[i:])
		case c < utf8.RuneSelf: // ASCII white space
			space = true
			i++
		default:
			r, size := decodeRune(s[i:])
			i += size
			lower, isSpace := foldRune(r)
			if isSpace {
				space = true
				continue
			}
			if space {
				h.writeByte(' ')
				space = false
			}
			h.writeRune(lower)
		}
	}
}

// asciiFold maps each ASCII byte that is not white space to its lower
// case, and every other byte to notFolded, which no ASCII byte maps to.
var asciiFold = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf, c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			t[c] = notFolded
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

const notFolded = 0xff

// writeWord writes the start of s up to white space or a byte that is not
// ASCII, lower-cased, and returns its length. It may go on past single
// spaces (see foldASCII), and stops short where the buffer is full.
func writeWord[S string | []byte](h *idHasher, s S) int {
	if h.n == len(h.buf) {
		h.flush()
	}
	k := foldASCII(h.buf[h.n:], s)
	h.n += k
	return k
}

// foldASCII copies src to dst through asciiFold until a byte it does not
// fold or the end of either, and returns how many bytes it copied.
func foldASCII[S string | []byte](dst []byte, src S) int {
	if len(src) > len(dst) {
		src = src[:len(dst)]
	}
	dst = dst[:len(src)]
	for i := range len(src) {
		f := asciiFold[src[i]]
		if f == notFolded {
			// A lone space between two ASCII words is written as it is,
			// without leaving the loop: it is most of the white space of
			// a text. Other white space ends the word.
			if src[i] != ' ' || i+1 == len(src) || asciiFold[src[i+1]] == notFolded {
				return i
			}
			f = ' '
		}
		dst[i] = f
	}
	return len(src)
}

// foldRune is unicode.ToLower(r) and unicode.IsSpace(r). Both search
// tables of ranges; for the two-byte runes (accented Latin, Greek,
// Cyrillic, Hebrew, Arabic...), most of the non-ASCII text of an export,
// their answers are looked up instead.
func foldRune(r rune) (lower rune, isSpace bool) {
	if r < rune(len(twoByteFold)) {
		lower = twoByteFold[r]
		return lower, lower == foldSpace
	}
	return unicode.ToLower(r), unicode.IsSpace(r)
}

// twoByteFold holds unicode.ToLower of each rune below U+0800, or
// foldSpace for white space. Building it takes some 30 µs at start.
var twoByteFold = func() (t [0x800]rune) {
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
		if unicode.IsSpace(rune(r)) {
			t[r] = foldSpace
		}
	}
	return t
}()

const foldSpace = -1 // not a rune

// decodeRune is utf8.DecodeRuneInString for either type of writeFolded's
// input. It hands on at most utf8.UTFMax bytes, all that a rune can use, so
// that the conversion of a []byte copies no more and allocates nothing.
func decodeRune[S string | []byte](s S) (rune, int) {
	return utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
}
