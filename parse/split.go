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

	// Bounds on one record (Limits.MaxField, MaxRecord); 0 for none.
	maxField, maxRecord int
	// stopLong makes a line longer than maxRecord end the text instead of
	// being skipped: where rows are only counted, skipping buys nothing.
	stopLong bool
	runaways int // records rejected for an unclosed quote

	// Where the record being classified, and its open quoted field, began
	// (offsets in buf, moved by makeRoom), and the end of the quote's line.
	recOff, fieldOff, openEnd int
	openLine                  int
	// tail: the text ended with a line that has no '\n'.
	tail bool
}

// maxRunaways bounds how often one text may restart after an unclosed
// quote: each restart reads again up to maxRecord bytes.
const maxRunaways = 16

// skipFactor: a line longer than maxRecord is skipped, read without being
// kept, up to skipFactor times maxRecord; past that the text ends there.
const skipFactor = 64

// Kinds of recordError.
const (
	recUnclosedQuote = iota // rejected; reading goes on after the quote's line
	recLongLine             // skipped; reading goes on after it
	recStopLine             // a line too long to skip: the text ends there
	recStopQuotes           // too many unclosed quotes: the text ends there
)

// recordError is a record the splitter does not hand to the CSV reader,
// because it is longer than the bounds allow. Lines Line to EndLine are
// that record, counted as one rejected row. Unless fatal, next goes on with
// the text after it.
type recordError struct {
	kind          int
	Line, EndLine int
	OpenLine      int   // the line of the unclosed quote
	Size          int64 // recLongLine: the record's bytes
	Limit         int64 // the bound it broke
	resume        int   // recLongLine: where the text after it starts; -1 to skip
}

func (e *recordError) fatal() bool { return e.kind == recStopLine || e.kind == recStopQuotes }

func (e *recordError) Error() string {
	switch e.kind {
	case recUnclosedQuote:
		what := "the record is rejected"
		if e.EndLine > e.Line {
			what = fmt.Sprintf("lines %d to %d are rejected as one record", e.Line, e.EndLine)
		}
		return fmt.Sprintf("a quote opened on line %d is not closed within %s: %s, and the lines after it are read as records of their own", e.OpenLine, mb(e.Limit), what)
	case recLongLine:
		return fmt.Sprintf("a record of %s, over the limit of %s for one record; skipped", mb(e.Size), mb(e.Limit))
	case recStopQuotes:
		return fmt.Sprintf("more than %d quotes that are not closed; reading stopped here", maxRunaways)
	}
	return fmt.Sprintf("a record longer than %s; reading stopped here", mb(e.Limit))
}

// limit bounds the records next returns (Limits.MaxField and MaxRecord).
// A record whose open quoted field runs past maxField, or that grows past
// maxRecord while a quote is open, is taken for an unclosed quote: it is
// rejected whole, and the text is read again from the line after the
// quote's, as if the quote were not there. Any other record longer than
// maxRecord is skipped (a line whose end is not in sight is read on without
// being kept; with stopLong it ends the text instead). Either way next
// returns a *recordError with the chunk before the record.
func (s *csvSplitter) limit(maxField, maxRecord int, stopLong bool) {
	s.maxField, s.maxRecord, s.stopLong = min(maxField, maxRecord), maxRecord, stopLong
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
		done, bad := s.scanLines(size)
		switch {
		case bad != nil:
			return s.reject(bad)
		case done:
			if s.err == io.EOF && s.cut == s.end {
				return s.emit(io.EOF) // spare the caller an empty last call
			}
			return s.emit(nil)
		case s.err == io.EOF && s.maxRecord > 0 && s.quoted && (s.end-s.fieldOff > s.maxField || s.end-s.recOff > s.maxRecord):
			return s.reject(s.unclosed()) // the text ends inside a quote, past the bounds
		case s.err != nil:
			return s.finish()
		}
		s.fill(size)
	}
}

// reject returns the chunk before a record the bounds exclude, with the
// error that describes it, and moves past the record.
func (s *csvSplitter) reject(bad *recordError) ([]byte, int, int, error) {
	line, last := s.startLine, s.lastStart
	switch bad.kind {
	case recUnclosedQuote:
		if s.runaways++; s.runaways > maxRunaways {
			bad.kind = recStopQuotes
			break
		}
		// Read again from the line after the quote's, outside quotes: that
		// text is still in buf.
		chunk := s.buf[s.start:s.cut]
		s.quoted = false
		s.cut, s.scan, s.seen = s.openEnd, s.openEnd, s.openEnd
		s.cutLine, s.scanLine = s.openLine+1, s.openLine+1
		return chunk, line, last, bad
	case recLongLine:
		if s.stopLong {
			bad.kind, bad.Size = recStopLine, 0
			break
		}
		skipLimit := skipFactor * int64(s.maxRecord)
		if bad.resume >= 0 && bad.Size <= skipLimit { // the record is whole in buf
			chunk := s.buf[s.start:s.cut]
			s.cut, s.scan, s.seen = bad.resume, bad.resume, bad.resume
			s.cutLine, s.scanLine = bad.EndLine+1, bad.EndLine+1
			return chunk, line, last, bad
		}
		if bad.resume < 0 && s.skipLine(bad, skipLimit) {
			s.cut, s.cutLine = s.scan, s.scanLine
			return s.buf[s.start:s.cut], line, last, bad
		}
		bad.kind, bad.Size, bad.Limit = recStopLine, 0, skipLimit
	}
	// The text ends here: later calls return nothing and the same error.
	chunk := s.buf[s.start:s.cut]
	s.err, s.quoted = bad, false
	s.scan, s.seen, s.end = s.cut, s.cut, s.cut
	return chunk, line, last, bad
}

// skipLine drops the unfinished line at scan, longer than maxRecord,
// reading on to its end without keeping it, and reports whether the line
// is at most limit bytes long. The text after the line is then at scan.
func (s *csvSplitter) skipLine(bad *recordError, limit int64) bool {
	for {
		if i := bytes.IndexByte(s.buf[s.scan:s.end], '\n'); i >= 0 {
			bad.Size += int64(i + 1)
			n := copy(s.buf[s.scan:], s.buf[s.scan+i+1:s.end])
			s.end, s.seen = s.scan+n, s.scan
			s.scanLine++
			return bad.Size <= limit
		}
		bad.Size += int64(s.end - s.scan)
		s.end, s.seen = s.scan, s.scan
		switch {
		case bad.Size > limit:
			return false
		case s.err != nil:
			// The line ends with the text, or the caller hears of the
			// failure on its next call.
			return true
		}
		s.fill(splitMaxRead)
	}
}

// reached is the last line read so far.
func (s *csvSplitter) reached() int {
	if s.tail {
		return s.scanLine
	}
	return s.scanLine - 1
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
	s.tail = s.tail || s.end > s.scan
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
// cut at least size bytes into the chunk has been found, or a record that
// the bounds exclude.
//
// The bounds are checked on whole lines, and on an unfinished line only for
// its own length, so that what is rejected depends on the text alone, not
// on how it was read.
func (s *csvSplitter) scanLines(size int) (bool, *recordError) {
	for {
		i := bytes.IndexByte(s.buf[s.seen:s.end], '\n')
		if i < 0 {
			s.seen = s.end
			if s.maxRecord > 0 && s.end-s.scan > s.maxRecord {
				return false, s.longLine(s.end, -1)
			}
			return false, nil
		}
		eol := s.seen + i + 1
		if s.maxRecord > 0 && eol-s.scan > s.maxRecord {
			return false, s.longLine(eol, eol)
		}
		inRecord := s.classify(s.buf[s.scan:eol])
		s.scan, s.seen = eol, eol
		s.scanLine++
		if inRecord && s.maxRecord > 0 {
			if bad := s.overBounds(eol); bad != nil {
				return false, bad
			}
		}
		if !s.quoted {
			s.cut, s.cutLine = eol, s.scanLine
			if s.cut-s.start >= size {
				return true, nil
			}
		}
	}
}

// longLine describes the line at scan, longer than maxRecord, read up to
// end; resume is where the text after it starts, or -1 when its end has not
// been read yet. Inside a quote, the line continues a record whose quote is
// then taken for never closed; the line comes again, outside quotes.
func (s *csvSplitter) longLine(end, resume int) *recordError {
	if s.quoted {
		return s.unclosed()
	}
	bad := &recordError{kind: recLongLine, Line: s.scanLine, EndLine: s.scanLine, Limit: int64(s.maxRecord), resume: resume}
	if resume >= 0 {
		bad.Size = int64(end - s.scan)
	} // else skipLine measures it, from scan
	return bad
}

func (s *csvSplitter) unclosed() *recordError {
	return &recordError{kind: recUnclosedQuote, Line: s.recStart, EndLine: s.openLine, OpenLine: s.openLine, Limit: int64(s.maxField)}
}

// overBounds checks the record that the line just classified, ending at
// eol, belongs to.
func (s *csvSplitter) overBounds(eol int) *recordError {
	switch {
	case s.quoted && (eol-s.fieldOff > s.maxField || eol-s.recOff > s.maxRecord):
		return s.unclosed()
	case !s.quoted && eol-s.recOff > s.maxRecord:
		// Several lines, each within the bound, closed their quote past it.
		return &recordError{kind: recLongLine, Line: s.recStart, EndLine: s.scanLine - 1, Size: int64(eol - s.recOff), Limit: int64(s.maxRecord), resume: eol}
	}
	return nil
}

// classify takes one line, '\n' included, and updates whether a quoted
// field is open after it and where the last finished record started. It
// reports whether the line belongs to a record.
func (s *csvSplitter) classify(line []byte) bool {
	open := -1
	switch {
	case s.quoted:
		s.quoted, open = s.endsQuoted(line, true)
	case isBlankLine(line):
		return false // csv skips blank lines between records
	default:
		s.recStart, s.recOff = s.scanLine, s.scan
		s.quoted, open = s.endsQuoted(line, false)
	}
	if !s.quoted {
		s.lastStart = s.recStart
	} else if open >= 0 {
		s.fieldOff, s.openLine, s.openEnd = s.scan+open, s.scanLine, s.scan+len(line)
	}
	return true
}

// isBlankLine: csv turns "\r\n" into "\n" before it tests for a blank line.
func isBlankLine(line []byte) bool {
	return len(line) == 1 || len(line) == 2 && line[0] == '\r'
}

// endsQuoted walks the fields of a line, '\n' included, that begins inside
// a quoted field or at a field start, and reports whether it ends inside a
// quoted field (so the record goes on with the next line), and where in the
// line the last quoted field opened (-1 if none did).
func (s *csvSplitter) endsQuoted(line []byte, quoted bool) (bool, int) {
	open := -1
	for p := 0; p >= 0; {
		if quoted {
			p, quoted = s.closeQuote(line, p)
		} else if p, quoted = s.openQuote(line, p); quoted {
			open = p - 1
		}
	}
	return quoted, open
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
		s.recOff -= s.start
		s.fieldOff -= s.start
		s.openEnd -= s.start
		s.start = 0
	}
	if len(s.buf)-s.end < want {
		buf := make([]byte, max(2*len(s.buf), s.end+want))
		copy(buf, s.buf[:s.end])
		s.buf = buf
	}
}
