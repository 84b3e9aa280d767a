package report

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The appenders below replace json.Encoder and csv.Writer on the item path:
// with millions of items, reflection and per-call allocations dominate the
// run time. They must stay byte-identical to the standard library (the
// fuzz targets in encode_test.go compare them), because consumers diff and
// hash the output.

// appendItemJSON appends j encoded exactly as json.Encoder with
// SetEscapeHTML(false) encodes it, without Encode's trailing newline.
func appendItemJSON(buf []byte, j *itemJSON) []byte {
	buf = append(buf, `{"id":`...)
	buf = appendJSONString(buf, j.ID)
	buf = append(buf, `,"file":`...)
	buf = appendJSONString(buf, j.File)
	buf = append(buf, `,"line":`...)
	buf = strconv.AppendInt(buf, int64(j.Line), 10)
	buf = append(buf, `,"kind":`...)
	buf = appendJSONString(buf, j.Kind)
	buf = append(buf, `,"date":`...)
	buf = appendItemDate(buf, j.Date)
	buf = append(buf, `,"date_basis":`...)
	buf = appendJSONString(buf, j.DateBasis)
	buf = appendOmitEmpty(buf, `,"visibility":`, j.Visibility)
	buf = appendOmitEmpty(buf, `,"outcome":`, j.Outcome)
	buf = appendOmitEmpty(buf, `,"reason":`, j.Reason)
	buf = appendOmitEmpty(buf, `,"confidence":`, j.Confidence)
	buf = append(buf, `,"flags":`...)
	buf = appendJSONStrings(buf, j.Flags)
	buf = appendOmitEmpty(buf, `,"text":`, j.Text)
	return append(buf, '}')
}

// appendOmitEmpty mirrors `omitempty` on a string field: the key and value
// are left out entirely when the value is "".
func appendOmitEmpty(buf []byte, key, s string) []byte {
	if s == "" {
		return buf
	}
	buf = append(buf, key...)
	return appendJSONString(buf, s)
}

// appendJSONStrings distinguishes nil from empty because encoding/json does:
// a nil slice is null, an empty one is [].
func appendJSONStrings(buf []byte, ss []string) []byte {
	if ss == nil {
		return append(buf, "null"...)
	}
	buf = append(buf, '[')
	for i, s := range ss {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, s)
	}
	return append(buf, ']')
}

const lowerHex = "0123456789abcdef"

// appendJSONString mirrors encoding/json's appendString with
// escapeHTML=false (Go 1.26): <, > and & stay raw, \b and \f use their
// short forms, other control bytes become \u00xx, invalid UTF-8 bytes
// become \ufffd one byte at a time, and U+2028/U+2029 are escaped because
// they break JSONP.
func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			buf = appendJSONEscape(buf, b)
			i++
			start = i
			continue
		}
		// Two-byte sequences (Latin accents, the common case in exports)
		// are always valid here and never U+2028/U+2029, so skip decoding.
		if b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', lowerHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// appendJSONEscape escapes one ASCII byte that cannot appear raw in a JSON
// string: a quote, a backslash or a control byte.
func appendJSONEscape(buf []byte, b byte) []byte {
	switch b {
	case '\\', '"':
		return append(buf, '\\', b)
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	}
	return append(buf, '\\', 'u', '0', '0', lowerHex[b>>4], lowerHex[b&0xF])
}

// appendCSVRecord appends one record exactly as csv.Writer (Comma ',',
// UseCRLF false) writes it, with its final "\n".
func appendCSVRecord(buf []byte, fields []string) []byte {
	for n, f := range fields {
		if n > 0 {
			buf = append(buf, ',')
		}
		buf = appendCSVField(buf, f)
	}
	return append(buf, '\n')
}

// appendCSVField quotes only when csv.Writer would. With UseCRLF false the
// writer copies \r and \n inside quotes unchanged, so doubling the quotes is
// the only rewriting needed.
func appendCSVField(buf []byte, f string) []byte {
	if !csvFieldNeedsQuotes(f) {
		return append(buf, f...)
	}
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(f); i++ {
		if f[i] == '"' {
			buf = append(buf, f[start:i+1]...)
			buf = append(buf, '"')
			start = i + 1
		}
	}
	buf = append(buf, f[start:]...)
	return append(buf, '"')
}

// csvFieldNeedsQuotes mirrors csv.Writer.fieldNeedsQuotes for Comma ','.
// The empty field is not quoted (Go >= 1.4), `\.` is, because Postgres reads
// it as end of data, and a leading space is any unicode.IsSpace rune, not
// just ' ' and '\t'.
func csvFieldNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
