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
	return bufio.NewReaderSize(transform.NewReader(br, &utf8Repair{invalid: invalid}), 64<<10)
}

// utf8Repair copies valid UTF-8 through and replaces each invalid byte
// with U+FFFD, counting them.
type utf8Repair struct{ invalid *int }

func (u *utf8Repair) Reset() {}

func (u *utf8Repair) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		// Fast path: copy the run of ASCII bytes at once.
		run := asciiPrefix(src[nSrc:])
		if run > 0 {
			n := copy(dst[nDst:], src[nSrc:nSrc+run])
			nDst, nSrc = nDst+n, nSrc+n
			if n < run {
				return nDst, nSrc, transform.ErrShortDst
			}
			continue
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && !utf8.FullRune(src[nSrc:]) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if len(dst)-nDst < len(replacement) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], replacement)
			nSrc++
			*u.invalid++
			continue
		}
		if len(dst)-nDst < size {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
		nSrc += size
	}
	return nDst, nSrc, nil
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
