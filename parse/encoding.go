package parse

import (
	"bufio"
	"bytes"
	"io"

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
func decodeStream(r io.Reader) (text *bufio.Reader, enc string, comma rune) {
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
		return br, encUTF8BOM, sniffComma(br)
	}
	return br, encUTF8, sniffComma(br)
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
