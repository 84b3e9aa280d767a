package parse

import (
	"bufio"
	"bytes"
	"io"
)

// The repairs here work on the decoded text before the CSV reader sees it.
// Each keeps the number of line breaks unchanged, so that the CSV reader's
// line numbers are the lines of the file as exported.

// Repair names, as counted in FileReport.Repairs.
const (
	repairUnquotedMultiline = "unquoted_multiline_record" // Comments 2021–2024 (§3 Q3)
	repairBackslashQuote    = "backslash_escaped_quote"   // Comments 2025+ (§3 Q3)
	repairBackslashAtEnd    = "backslash_before_closing_quote"
	repairUnquotedCommas    = "unquoted_commas"         // SearchQueries 2025 (§3 Q4)
	repairUnquotedQuery     = "unquoted_query_quote"    // SearchQueries 2025: a query that starts with a quote
	repairWrappedLineBreaks = "quote_wrapped_linebreak" // Shares (§3 Q2)
	repairBareQuote         = "bare_quote"              // Shares: a quote inside an unquoted field
	repairTrailingColumn    = "trailing_empty_column"   // Learning (§3 Q12)
)

// repairCtx is what a repair is given besides the text.
type repairCtx struct {
	counts map[string]int
	// maxLine: a longer line is handed on in pieces, unrepaired, for the
	// splitter to skip (Limits.MaxRecord).
	maxLine int
	// maxGlue bounds the bytes a repair gathers into one record, half the
	// field limit since quoting may double them (Limits.MaxField).
	maxGlue int
	problem func(line int, format string, args ...any)
}

// lineSource reads physical lines, each with its line ending, up to max
// bytes: a longer line comes in pieces.
type lineSource struct {
	br   *bufio.Reader
	max  int
	eof  bool
	long bool // the line being read is longer than max
	line int  // the line number of what next returned last
	done bool // the last thing returned ended its line
	buf  []byte
}

// next returns the next line, or the next piece of a line longer than max
// (piece); the slice is valid until the following call.
func (s *lineSource) next() (line []byte, piece, ok bool) {
	if s.eof {
		return nil, false, false
	}
	if s.done || s.line == 0 {
		s.line++
	}
	s.buf = s.buf[:0]
	for {
		frag, err := s.br.ReadSlice('\n')
		s.buf = append(s.buf, frag...)
		if err == bufio.ErrBufferFull {
			if s.max > 0 && len(s.buf) > s.max {
				s.long, s.done = true, false
				return s.buf, true, true
			}
			continue
		}
		if err != nil {
			s.eof = true
			if len(s.buf) == 0 {
				return nil, false, false
			}
		}
		piece, s.long, s.done = s.long, false, true
		return s.buf, piece, true
	}
}

// lineRepair runs a repair that rewrites the text a line at a time: fix
// writes a line to out, repaired or not. A piece of a line too long for a
// record is written as it is, for the splitter to skip, and ends the quoted
// field the text was in.
type lineRepair struct {
	src     lineSource
	out     bytes.Buffer
	inQuote bool // the line begins inside a quoted field
	fix     func(l *lineRepair, line []byte)
	*repairCtx
}

// lineRepairOf is the repair that fixes each line with fix.
func lineRepairOf(fix func(l *lineRepair, line []byte)) func(*bufio.Reader, *repairCtx) io.Reader {
	return func(r *bufio.Reader, rc *repairCtx) io.Reader {
		return &lineRepair{src: lineSource{br: r, max: rc.maxLine}, fix: fix, repairCtx: rc}
	}
}

func (l *lineRepair) Read(p []byte) (int, error) {
	for l.out.Len() == 0 {
		line, piece, ok := l.src.next()
		switch {
		case !ok:
			return 0, io.EOF
		case piece:
			l.out.Write(line) // too long for a record: the splitter skips it
			l.inQuote = false
		default:
			l.fix(l, line)
		}
	}
	return l.out.Read(p)
}

// splitEOL separates a line from its ending ("\n", "\r\n" or none).
func splitEOL(line []byte) (body, eol []byte) {
	n := len(line)
	switch {
	case n >= 2 && line[n-2] == '\r' && line[n-1] == '\n':
		return line[:n-2], line[n-2:]
	case n >= 1 && line[n-1] == '\n':
		return line[:n-1], line[n-1:]
	}
	return line, nil
}

func isBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

func oddQuotes(b []byte) bool { return bytes.Count(b, []byte{'"'})%2 == 1 }

// startsWithISODate reports whether a line begins a Comments record:
// "YYYY-MM-DD HH:MM:SS," (F-ISO, the only layout Comments.csv has used).
func startsWithISODate(b []byte) bool {
	const shape = "dddd-dd-dd dd:dd:dd,"
	if len(b) < len(shape) {
		return false
	}
	for i := 0; i < len(shape); i++ {
		c := b[i]
		if shape[i] == 'd' {
			if c < '0' || c > '9' {
				return false
			}
		} else if c != shape[i] {
			return false
		}
	}
	return true
}

// commentsRepair fixes both escaping bugs of Comments.csv (§3 Q3):
//   - 2025+: a quote inside a quoted field is written \" instead of "".
//   - 2021–2024: a multi-line message is not quoted at all, so its line
//     breaks split the record. A line that does not start with a date, met
//     outside a quoted field, continues the previous record's Message; the
//     record is re-emitted with its Message quoted.
//
// Blank lines between records (CRLF era) are kept as blank lines, which the
// CSV reader skips; blank lines followed by a continuation belong to the
// message.
type commentsRepair struct {
	src     lineSource
	out     bytes.Buffer
	rec     [][]byte // the pending record's lines
	blanks  [][]byte // blank lines seen after it, outside quotes
	held    int      // bytes in rec and blanks
	inQuote bool
	merged  bool // rec holds continuation lines
	escEnd  bool // rec's last line ended with a repaired \"
	*repairCtx
}

func newCommentsRepair(r *bufio.Reader, rc *repairCtx) io.Reader {
	return &commentsRepair{src: lineSource{br: r, max: rc.maxLine}, repairCtx: rc}
}

func (c *commentsRepair) Read(p []byte) (int, error) {
	for c.out.Len() == 0 {
		line, piece, ok := c.src.next()
		switch {
		case !ok:
			c.flush()
			if c.out.Len() == 0 {
				return 0, io.EOF
			}
		case piece:
			// Too long to be a comment: left as it is, for the splitter
			// to skip.
			c.flush()
			c.out.Write(line)
		default:
			c.take(line)
		}
	}
	return c.out.Read(p)
}

// hold counts a line kept pending, and reports whether it fits the bound;
// when it does not, what is pending is written out first, so that memory
// never follows a record that goes on without end.
func (c *commentsRepair) hold(line []byte) bool {
	if c.maxGlue > 0 && c.held+len(line) > c.maxGlue {
		return false
	}
	c.held += len(line)
	return true
}

func (c *commentsRepair) take(raw []byte) {
	body, eol := splitEOL(raw)
	escEnd := bytes.HasSuffix(body, []byte(`\"`))
	if n := bytes.Count(body, []byte(`\"`)); n > 0 {
		body = bytes.ReplaceAll(body, []byte(`\"`), []byte(`""`))
		c.counts[repairBackslashQuote] += n
	}
	line := append(append([]byte{}, body...), eol...)

	if c.inQuote && startsWithISODate(line) && c.escEnd {
		// The previous line ended in a real backslash followed by the
		// closing quote: undo that one replacement, which closes the field.
		last := c.rec[len(c.rec)-1]
		lb, le := splitEOL(last)
		lb = append(lb[:len(lb)-2:len(lb)-2], '\\', '"')
		c.rec[len(c.rec)-1] = append(lb, le...)
		c.counts[repairBackslashQuote]--
		c.counts[repairBackslashAtEnd]++
		c.inQuote = false
	}
	defer func() { c.escEnd = escEnd }()

	switch {
	case c.inQuote:
		if !c.hold(line) {
			// A quoted message past the bound: written as it is, for the
			// splitter, which bounds quotes, to reject.
			c.flush()
			c.out.Write(line)
			return
		}
		c.rec = append(c.rec, line)
	case startsWithISODate(line):
		c.flush()
		c.held = len(line)
		c.rec = [][]byte{line}
		_, rest, _ := bytes.Cut(body, []byte{','})
		if _, msg, ok := bytes.Cut(rest, []byte{','}); ok && !bytes.HasPrefix(msg, []byte{'"'}) {
			// An unquoted message: its quotes are literal and open no
			// field. One that holds a quote is re-quoted, as a split one is.
			c.merged = bytes.IndexByte(msg, '"') >= 0
			return
		}
	case isBlank(line) && len(c.rec) > 0:
		if !c.hold(line) {
			c.flush()
			c.out.Write(line)
			return
		}
		c.blanks = append(c.blanks, line)
		return
	case len(c.rec) == 0:
		c.out.Write(line) // header, preamble, leading blank line, or past the bound
		return
	default:
		if !c.hold(line) {
			c.problem(c.src.line, "a comment's continuation lines run past %s; this line and those after it, up to the next dated line, are read as records of their own", mb(int64(c.maxGlue)))
			c.flush()
			c.out.Write(line)
			return
		}
		c.rec = append(c.rec, c.blanks...)
		c.rec = append(c.rec, line)
		c.blanks = nil
		c.merged = true
		return // it continues an unquoted message: its quotes are literal
	}
	if oddQuotes(body) {
		c.inQuote = !c.inQuote
	}
}

// flush writes the pending record, re-quoting its Message if it was split.
func (c *commentsRepair) flush() {
	if len(c.rec) > 0 {
		if c.merged {
			c.writeRequoted()
		} else {
			for _, l := range c.rec {
				c.out.Write(l)
			}
		}
	}
	for _, l := range c.blanks {
		c.out.Write(l)
	}
	c.rec, c.blanks, c.merged, c.inQuote, c.escEnd, c.held = nil, nil, false, false, false, 0
}

// writeRequoted emits "date,link,<message>" with the message quoted and its
// line breaks kept, so the record still spans the same number of lines.
func (c *commentsRepair) writeRequoted() {
	first, _ := splitEOL(c.rec[0])
	date, rest, ok1 := bytes.Cut(first, []byte{','})
	link, msg, ok2 := bytes.Cut(rest, []byte{','})
	if !ok1 || !ok2 || bytes.HasPrefix(msg, []byte{'"'}) {
		for _, l := range c.rec { // not the known shape: leave it to the CSV reader
			c.out.Write(l)
		}
		return
	}
	var text bytes.Buffer
	text.Write(msg)
	for _, l := range c.rec[1:] {
		body, _ := splitEOL(l)
		text.WriteByte('\n')
		text.Write(body)
	}
	_, eol := splitEOL(c.rec[len(c.rec)-1])
	c.out.Write(date)
	c.out.WriteByte(',')
	c.out.Write(link)
	c.out.WriteString(`,"`)
	c.out.Write(bytes.ReplaceAll(text.Bytes(), []byte{'"'}, []byte(`""`)))
	c.out.WriteByte('"')
	c.out.Write(eol)
	c.counts[repairUnquotedMultiline]++
}

// newSearchQueriesRepair quotes the query of 2025 SearchQueries.csv rows
// that were written with unquoted commas (§3 Q4): the first field is the
// time, the rest of the line is the query.
var newSearchQueriesRepair = lineRepairOf(searchQueryLine)

func searchQueryLine(s *lineRepair, line []byte) {
	body, eol := splitEOL(line)
	if !s.inQuote && len(body) > 0 && body[0] != '"' {
		t, query, ok := bytes.Cut(body, []byte{','})
		switch {
		case !ok:
		case len(query) > 0 && query[0] != '"' && bytes.IndexByte(query, ',') >= 0:
			requoteQuery(s, t, query, eol, repairUnquotedCommas)
			return
		case len(query) > 0 && query[0] == '"' && strayQuote(query):
			// An unquoted query that begins with a quote ("k"… line,
			// 2025): read as quoted, its quote closes early and the
			// rest of the line is not CSV. The query is the whole rest.
			requoteQuery(s, t, query, eol, repairUnquotedQuery)
			return
		}
	}
	if oddQuotes(body) {
		s.inQuote = !s.inQuote
	}
	s.out.Write(line)
}

// requoteQuery writes "time,<query quoted>" and counts the repair.
func requoteQuery(s *lineRepair, t, query, eol []byte, repair string) {
	s.out.Write(t)
	s.out.WriteString(`,"`)
	s.out.Write(bytes.ReplaceAll(query, []byte{'"'}, []byte(`""`)))
	s.out.WriteByte('"')
	s.out.Write(eol)
	s.counts[repair]++
}

// strayQuote reports whether a field that begins with a quote closes it
// and goes on with anything but a delimiter or the end of the line: not a
// quoted field, but text that starts with a quote. A field whose quote
// stays open may go on over the next line, and is left as it is.
func strayQuote(field []byte) bool {
	for i := 1; i < len(field); {
		j := bytes.IndexByte(field[i:], '"')
		if j < 0 {
			return false
		}
		i += j + 1
		switch {
		case i == len(field) || field[i] == ',':
			return false
		case field[i] == '"':
			i++ // a doubled quote
		default:
			return true
		}
	}
	return false
}

// newBareQuoteRepair reads a bare quote inside an unquoted field as the
// character it is (`Our new 12" baking tray`, a real Shares.csv row), as
// csv.Reader's LazyQuotes would, but only there: the field is re-quoted,
// its quotes doubled, so that everything else keeps the strict reading.
// Records and lines are unchanged; each record repaired is counted.
var newBareQuoteRepair = lineRepairOf(bareQuoteLine)

// bareQuoteLine walks the fields of one line as a strict csv.Reader would,
// and re-quotes the unquoted fields that hold a quote.
func bareQuoteLine(b *lineRepair, line []byte) {
	body, eol := splitEOL(line)
	var bare [][2]int // unquoted fields holding a quote
	p := 0
	if b.inQuote {
		p, b.inQuote = quotedFieldEnd(body, 0)
	}
	for p >= 0 && !b.inQuote {
		if p < len(body) && body[p] == '"' {
			p, b.inQuote = quotedFieldEnd(body, p+1)
			continue
		}
		end := len(body)
		if i := bytes.IndexByte(body[p:], ','); i >= 0 {
			end = p + i
		}
		if bytes.IndexByte(body[p:end], '"') >= 0 {
			bare = append(bare, [2]int{p, end})
		}
		if end == len(body) {
			break
		}
		p = end + 1
	}
	if len(bare) == 0 {
		b.out.Write(line)
		return
	}
	last := 0
	for _, f := range bare {
		b.out.Write(body[last:f[0]])
		b.out.WriteByte('"')
		b.out.Write(bytes.ReplaceAll(body[f[0]:f[1]], []byte{'"'}, []byte(`""`)))
		b.out.WriteByte('"')
		last = f[1]
	}
	b.out.Write(body[last:])
	b.out.Write(eol)
	b.counts[repairBareQuote]++
}

// quotedFieldEnd scans a quoted field from p, inside its quotes, to the
// start of the next field. It returns -1 when the record ends with the line
// (after the closing quote, or at text after it that csv rejects), and
// whether the line ends inside the quotes.
func quotedFieldEnd(body []byte, p int) (int, bool) {
	for {
		i := bytes.IndexByte(body[p:], '"')
		if i < 0 {
			return -1, true
		}
		p += i + 1
		switch {
		case p == len(body):
			return -1, false
		case body[p] == '"':
			p++
		case body[p] == ',':
			return p + 1, false
		default:
			return -1, false // ErrQuote: left for the reader to reject
		}
	}
}
