package parse

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names, as reported in FileReport.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF8BOM = "utf-8-bom"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
)

// decodeStream sniffs the first bytes of a file and returns its text as
// UTF-8 without a BOM, the encoding found, and the field delimiter.
//
// The encoding is per file (§1.5): legacy files (2015–2022) are UTF-16LE with
// a BOM and TAB-delimited, in archives whose other files are UTF-8 with
// commas. Excel re-saves add a UTF-8 BOM and sometimes use semicolons (§3 Q14).
//
// Invalid UTF-8 (a file re-saved in another code page, a damaged download)
// is replaced with U+FFFD and counted in *invalid, for the caller to report.
func decodeStream(r io.Reader, invalid *int) (text *bufio.Reader, enc string, comma rune) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), encUTF16LE, '\t'
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10), encUTF16BE, '\t'
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		br = validUTF8(br, invalid)
		return br, encUTF8BOM, sniffComma(br)
	}
	br = validUTF8(br, invalid)
	return br, encUTF8, sniffComma(br)
}

func validUTF8(br *bufio.Reader, invalid *int) *bufio.Reader {
	return bufio.NewReaderSize(&utf8Checker{r: br, invalid: invalid}, 64<<10)
}

// utf8Checker passes text through with each byte that is not part of valid
// UTF-8 replaced by U+FFFD, and counts them. Valid text, nearly all of an
// export, is read straight into the caller's buffer and only looked at
// there: a transform.Reader copied every byte twice, through buffers of 4 KB.
type utf8Checker struct {
	r       io.Reader
	invalid *int
	carry   []byte // the start of a rune the last read cut, to go before the next
	out     []byte // repaired text not yet returned
	err     error  // the source's error, once it has given one
}

func (u *utf8Checker) Read(p []byte) (int, error) {
	for {
		if len(u.out) > 0 {
			n := copy(p, u.out)
			u.out = u.out[n:]
			return n, nil
		}
		if u.err != nil && len(u.carry) == 0 {
			return 0, u.err
		}
		if len(p) < 2*utf8.UTFMax { // too small for a cut rune and more: read into out
			var buf [512]byte
			n := u.read(buf[:])
			v := validPrefix(buf[:n])
			u.out = append(u.out, buf[:v]...)
			u.repair(buf[v:n])
			continue
		}
		n := u.read(p)
		v := validPrefix(p[:n])
		u.repair(p[v:n]) // after the valid text, which goes first
		if v > 0 {
			return v, nil
		}
	}
}

// read fills p with the rune cut last time and what the source gives.
func (u *utf8Checker) read(p []byte) int {
	n := copy(p, u.carry)
	u.carry = u.carry[:0]
	if u.err == nil {
		m, err := u.r.Read(p[n:])
		n += m
		u.err = err
	}
	return n
}

// repair appends b to out with each invalid byte replaced, but for a rune
// cut at its end, which it keeps in carry while the source has more.
func (u *utf8Checker) repair(b []byte) {
	for len(b) > 0 {
		if n := asciiPrefix(b); n > 0 {
			u.out = append(u.out, b[:n]...)
			b = b[n:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			if u.err == nil && !utf8.FullRune(b) {
				u.carry = append(u.carry[:0], b...)
				return
			}
			u.out = append(u.out, replacement...)
			*u.invalid++
			size = 1
		} else {
			u.out = append(u.out, b[:size]...)
		}
		b = b[size:]
	}
}

// validPrefix is the length of b's longest prefix of whole, valid runes.
func validPrefix(b []byte) int {
	if utf8.Valid(b) {
		return len(b)
	}
	i := 0
	for i < len(b) {
		if n := asciiPrefix(b[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return i
}

const replacement = "\uFFFD"

// asciiPrefix is the length of b's leading run of ASCII bytes, tested eight
// at a time: most of an export is ASCII, and this runs on every byte.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(b) && b[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// sniffComma picks the delimiter from the first line that has any: a comma
// unless the line has none and has semicolons (Excel in a European locale)
// or tabs. Files with a single column never see the result (readCSV).
func sniffComma(br *bufio.Reader) rune {
	head, _ := br.Peek(4096)
	for _, line := range bytes.Split(head, []byte("\n")) {
		switch {
		case bytes.IndexByte(line, ',') >= 0:
			return ','
		case bytes.IndexByte(line, ';') >= 0:
			return ';'
		case bytes.IndexByte(line, '\t') >= 0:
			return '\t'
		}
	}
	return ','
}
