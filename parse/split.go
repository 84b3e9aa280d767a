package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Cutting CSV text for parallel parsing.
//
// encoding/csv reads a record line by line: a record ends at the end of a
// line unless that line ends inside a quoted field, so a cut after a '\n' is
// safe exactly when no quoted field is open there. Whether one is open
// depends on everything since the record began, hence a single sequential
// pass. The pass below mirrors csv.Reader.readRecord (Go 1.26), but only
// where it decides where a record ends; it keeps no fields.

// splitMinRead is the least a Read asks for: smaller reads would cost more
// in calls than they save in text for makeRoom to move.
const splitMinRead = 32 << 10

// splitMaxRead bounds a Read, so that a huge size does not allocate at once.
const splitMaxRead = 1 << 20

// splitMaxEmptyReads: like bufio, give up on a reader that keeps returning
// nothing rather than spin.
const splitMaxEmptyReads = 100

// errSplitDelim: csv.Reader fails every Read with such a delimiter, so no
// record boundary can be known.
var errSplitDelim = errors.New("csv split: invalid delimiter")

// csvSplitter cuts CSV text into chunks of whole records, as encoding/csv
// would read them, so that chunks can be parsed in parallel.
//
// Each chunk, parsed by a fresh csv.Reader with the same Comma and
// LazyQuotes (FieldsPerRecord -1, no Comment, no TrimLeadingSpace), yields
// the same records and errors as one Reader over the whole text, with line
// numbers lower by the chunk's line - 1.
type csvSplitter struct {
	r     io.Reader
	comma []byte // the delimiter, UTF-8 encoded; nil when csv would refuse it
	lazy  bool
	err   error // the first error of r (io.EOF at the end), sticky

	// buf[start:end] is text read but not yet returned. Positions only grow
	// until makeRoom moves the unreturned text to the front.
	buf   []byte
	start int // first byte of the chunk being built
	cut   int // the last safe cut: buf[start:cut] is whole records and blank lines
	scan  int // first byte of the first line not yet classified
	seen  int // buf[scan:seen] has no '\n', so a long line is searched once
	end   int

	startLine, cutLine, scanLine int // line numbers at start, cut and scan

	quoted    bool // the line at scan begins inside a quoted field
	recStart  int  // line where the record being classified starts
	lastStart int  // line where the last record in buf[start:cut] starts, or 0
}

// newCSVSplitter: r is the decoded text (UTF-8, without a BOM), comma the
// delimiter, lazyQuotes as csv.Reader.LazyQuotes. It mirrors a csv.Reader
// with FieldsPerRecord -1, no Comment and TrimLeadingSpace false.
func newCSVSplitter(r io.Reader, comma rune, lazyQuotes bool) *csvSplitter {
	s := &csvSplitter{r: r, lazy: lazyQuotes, startLine: 1, cutLine: 1, scanLine: 1}
	if validCSVDelim(comma) {
		s.comma = utf8.AppendRune(nil, comma)
	}
	return s
}

// validCSVDelim is encoding/csv's own rule for Comma.
func validCSVDelim(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && utf8.ValidRune(r) && r != utf8.RuneError
}

// next returns the next chunk of whole records: at least size bytes when
// the text has them (a single record longer than size comes whole), ending
// just after the '\n' that ends a record or a blank line, or at the end of
// the text. A cut never falls inside a record, so never between "\r\n".
//
// line is the 1-based line number, in the whole text, of the chunk's first
// byte. lastStart is the line on which the chunk's last record starts (0 if
// the chunk holds only blank lines), whether or not that record parses
// cleanly.
//
// At the end of the text next returns the last chunk (possibly empty) with
// io.EOF. If r fails with another error, next returns that error with the
// records read whole before the failure (text after the last cut is dropped:
// its records may be incomplete), and lastStart lets the caller report
// "reading stopped after line N" when the chunk is not empty. Later calls
// return an empty chunk and the same error.
//
// The returned slice is only valid until the following call.
func (s *csvSplitter) next(size int) (chunk []byte, line, lastStart int, err error) {
	if s.comma == nil {
		return nil, s.cutLine, 0, errSplitDelim
	}
	s.start, s.startLine, s.lastStart = s.cut, s.cutLine, 0
	for {
		if s.scanLines(size) {
			if s.err == io.EOF && s.cut == s.end {
				return s.emit(io.EOF) // spare the caller an empty last call
			}
			return s.emit(nil)
		}
		if s.err != nil {
			return s.finish()
		}
		s.fill(size)
	}
}

// emit returns buf[start:cut] as the chunk.
func (s *csvSplitter) emit(err error) ([]byte, int, int, error) {
	return s.buf[s.start:s.cut], s.startLine, s.lastStart, err
}

// finish ends the text once r has failed or ended: only lines read whole
// are known to end where csv would end them.
func (s *csvSplitter) finish() ([]byte, int, int, error) {
	if s.err != io.EOF {
		return s.emit(s.err)
	}
	// The last line has no '\n'; whatever it holds, csv ends the record with
	// the text, even inside quotes (ErrQuote, or the field as read if lazy).
	switch {
	case s.quoted:
		s.lastStart = s.recStart
	case !isBlankTail(s.buf[s.scan:s.end]):
		s.lastStart = s.scanLine
	}
	s.quoted = false
	s.scan, s.seen, s.cut, s.cutLine = s.end, s.end, s.end, s.scanLine
	return s.emit(io.EOF)
}

// isBlankTail: csv drops one '\r' before the end of the text, so a last
// line of just "\r" is as blank as an empty one.
func isBlankTail(b []byte) bool {
	return len(b) == 0 || len(b) == 1 && b[0] == '\r'
}

// scanLines classifies the whole lines read so far and reports whether a
// cut at least size bytes into the chunk has been found.
func (s *csvSplitter) scanLines(size int) bool {
	for {
		i := bytes.IndexByte(s.buf[s.seen:s.end], '\n')
		if i < 0 {
			s.seen = s.end
			return false
		}
		eol := s.seen + i + 1
		s.classify(s.buf[s.scan:eol])
		s.scan, s.seen = eol, eol
		s.scanLine++
		if !s.quoted {
			s.cut, s.cutLine = eol, s.scanLine
			if s.cut-s.start >= size {
				return true
			}
		}
	}
}

// classify takes one line, '\n' included, and updates whether a quoted
// field is open after it and where the last finished record started.
func (s *csvSplitter) classify(line []byte) {
	switch {
	case s.quoted:
		s.quoted = s.endsQuoted(line, true)
	case isBlankLine(line):
		return // csv skips blank lines between records
	default:
		s.recStart = s.scanLine
		s.quoted = s.endsQuoted(line, false)
	}
	if !s.quoted {
		s.lastStart = s.recStart
	}
}

// isBlankLine: csv turns "\r\n" into "\n" before it tests for a blank line.
func isBlankLine(line []byte) bool {
	return len(line) == 1 || len(line) == 2 && line[0] == '\r'
}

// endsQuoted walks the fields of a line, '\n' included, that begins inside
// a quoted field or at a field start, and reports whether it ends inside a
// quoted field (so the record goes on with the next line).
func (s *csvSplitter) endsQuoted(line []byte, quoted bool) bool {
	for p := 0; p >= 0; {
		if quoted {
			p, quoted = s.closeQuote(line, p)
		} else {
			p, quoted = s.openQuote(line, p)
		}
	}
	return quoted
}

// openQuote skips unquoted fields from the field start p. It returns the
// position just after the opening quote of the next quoted field, or -1
// when the record ends with this line.
//
// Unquoted fields end at the next delimiter and never span lines, so only
// quotes matter. Delimiter occurrences cannot overlap (a UTF-8 encoding
// starts with its only non-continuation byte) and none can hold a quote, so
// the first quote after p opens a field exactly when a delimiter is just
// before it.
func (s *csvSplitter) openQuote(line []byte, p int) (int, bool) {
	for {
		q := 0
		// Quoted fields mostly follow a delimiter at once: spare a search.
		// line[p] exists: a field starts at or before the line's '\n'.
		if line[p] != '"' {
			q = bytes.IndexByte(line[p:], '"')
		}
		switch {
		case q < 0:
			return -1, false
		case q == 0 || bytes.HasSuffix(line[p:p+q], s.comma):
			return p + q + 1, true
		case !s.lazy:
			return -1, false // ErrBareQuote: csv drops the rest of the line
		}
		// Lazy: the quote is data and its field runs to the next delimiter.
		p += q + 1
		c := bytes.Index(line[p:], s.comma)
		if c < 0 {
			return -1, false
		}
		p += c + len(s.comma)
	}
}

// closeQuote scans a quoted field from p, inside the quotes. It returns
// the start of the next field, or -1 with open reporting whether the line
// ends inside the quotes (true) or ends the record (false).
func (s *csvSplitter) closeQuote(line []byte, p int) (next int, open bool) {
	for {
		i := bytes.IndexByte(line[p:], '"')
		if i < 0 {
			return -1, true
		}
		p += i + 1
		rest := line[p:]
		switch {
		case rest[0] == '"': // rest holds at least the '\n'
			p++ // "" is a quote in the field
		case bytes.HasPrefix(rest, s.comma):
			return p + len(s.comma), false
		case isBlankLine(rest):
			return -1, false // the closing quote ends the line and the record
		case !s.lazy:
			return -1, false // ErrQuote: csv drops the rest of the line
		}
		// Lazy: a lone quote inside quotes is data.
	}
}

// fill reads more text: what the chunk still lacks, or at least
// splitMinRead. Reading little past the next cut keeps the text that
// makeRoom must move small.
func (s *csvSplitter) fill(size int) {
	want := min(max(splitMinRead, size-(s.end-s.start)), splitMaxRead)
	if len(s.buf)-s.end < want {
		s.makeRoom(want)
	}
	p := s.buf[s.end : s.end+want]
	for range splitMaxEmptyReads {
		n, err := s.r.Read(p)
		if n < 0 || n > len(p) {
			s.err = fmt.Errorf("csv split: reader returned %d bytes for a %d-byte buffer", n, len(p))
			return
		}
		s.end += n
		if err != nil {
			s.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	s.err = io.ErrNoProgress
}

// makeRoom frees want bytes after end: it moves the unreturned text to the
// front of buf, and grows buf only when that is not enough, at least
// doubling it so that a long record is not copied over and over. buf thus
// stays within about twice the chunk size plus the longest record.
func (s *csvSplitter) makeRoom(want int) {
	if s.start > 0 {
		copy(s.buf, s.buf[s.start:s.end])
		s.cut -= s.start
		s.scan -= s.start
		s.seen -= s.start
		s.end -= s.start
		s.start = 0
	}
	if len(s.buf)-s.end < want {
		buf := make([]byte, max(2*len(s.buf), s.end+want))
		copy(buf, s.buf[:s.end])
		s.buf = buf
	}
}
