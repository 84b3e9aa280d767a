package session

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
)

// itemCache holds the items of an export as they were committed (final
// IDs, each part's duplicates left out), compactly, so that the export can
// be classified again under other member facts without reading the archive
// again: a fixed 48-byte record per item, its text in an arena, and the few
// distinct file names, kinds, visibilities and flag sets interned. Besides
// the records it keeps the export's account (files, problems, member facts
// read from it), which the printers need.
type itemCache struct {
	export *parse.Export
	recs   [][]itemRec // blocks of recBlock records
	n      int
	text   [][]byte // blocks of textBlock bytes; a text never spans two
	odd    map[int]string
	kinds  interner[parse.Kind]
	files  interner[string]
	vis    interner[string]
	flags  interner[string] // the flags joined by "\x00"
	// bytes is the memory the cache holds, as counted against the budget.
	bytes int64
}

// itemRec is what the cache keeps of one item besides its text.
type itemRec struct {
	sec     int64    // the date in Unix seconds (0 with nsec -1: undated)
	id      [12]byte // the 24-digit hexadecimal ID as bytes (else in odd)
	nsec    int32
	line    int32
	text    uint32 // where the text starts in the arena
	textLen uint16
	urlLen  uint16 // the item's page address follows its text
	file    uint16
	vis     uint16
	flags   uint16
	kind    uint8
	basis   uint8
}

const (
	recBlock  = 1 << 14
	textBlock = 1 << 20
	recSize   = 48 // unsafe.Sizeof(itemRec{}) on 32- and 64-bit platforms
	noNsec    = -1 // an undated item
)

// interner gives each distinct value an index.
type interner[T comparable] struct {
	values []T
	index  map[T]int
}

func (in *interner[T]) add(v T) (int, bool) {
	if i, ok := in.index[v]; ok {
		return i, true
	}
	if in.index == nil {
		in.index = map[T]int{}
	}
	if len(in.values) > math.MaxUint16 {
		return 0, false
	}
	in.index[v] = len(in.values)
	in.values = append(in.values, v)
	return len(in.values) - 1, true
}

var errTooLarge = errors.New("the export's items do not fit the memory set aside to keep them")

// add keeps one item; it fails once the cache would pass budget bytes (0:
// no limit) or hold what its records cannot index.
func (c *itemCache) add(it *parse.Item, budget int64) error {
	r := itemRec{line: int32(it.Line), basis: uint8(it.Basis), nsec: noNsec}
	if !it.Date.IsZero() {
		r.sec, r.nsec = it.Date.Unix(), int32(it.Date.Nanosecond())
	}
	if len(it.ID) == 24 {
		if _, err := hex.Decode(r.id[:], []byte(it.ID)); err != nil || hex.EncodeToString(r.id[:]) != it.ID {
			r.id = [12]byte{}
			c.addOdd(it.ID)
		}
	} else {
		c.addOdd(it.ID)
	}
	var ok [4]bool
	var k, f, v, fl int
	k, ok[0] = c.kinds.add(it.Kind)
	f, ok[1] = c.files.add(it.File)
	v, ok[2] = c.vis.add(it.Visibility)
	fl, ok[3] = c.flags.add(strings.Join(it.Flags, "\x00"))
	if ok != [4]bool{true, true, true, true} || it.Line > math.MaxInt32 || it.Line < math.MinInt32 || len(it.Text) > math.MaxUint16 || len(it.URL) > math.MaxUint16 || k > math.MaxUint8 {
		return errTooLarge
	}
	r.kind, r.file, r.vis, r.flags = uint8(k), uint16(f), uint16(v), uint16(fl)
	r.textLen, r.urlLen = uint16(len(it.Text)), uint16(len(it.URL))
	if len(c.text) == 0 || len(c.text[len(c.text)-1])+len(it.Text)+len(it.URL) > textBlock {
		c.text = append(c.text, make([]byte, 0, textBlock))
		c.bytes += textBlock
	}
	last := &c.text[len(c.text)-1]
	at := (len(c.text)-1)*textBlock + len(*last)
	if at > math.MaxUint32-textBlock {
		return errTooLarge
	}
	r.text = uint32(at)
	*last = append(append(*last, it.Text...), it.URL...)
	if c.n%recBlock == 0 {
		c.recs = append(c.recs, make([]itemRec, 0, recBlock))
		c.bytes += recBlock * recSize
	}
	b := &c.recs[len(c.recs)-1]
	*b = append(*b, r)
	c.n++
	if budget > 0 && c.bytes > budget {
		return errTooLarge
	}
	return nil
}

func (c *itemCache) addOdd(id string) {
	if c.odd == nil {
		c.odd = map[int]string{}
	}
	c.odd[c.n] = id
	c.bytes += int64(len(id)) + 32
}

// item is record i as the item it was.
func (c *itemCache) item(i int, it *parse.Item) {
	r := &c.recs[i/recBlock][i%recBlock]
	*it = parse.Item{Kind: c.kinds.values[r.kind], File: c.files.values[r.file], Line: int(r.line),
		Basis: parse.DateBasis(r.basis), Visibility: c.vis.values[r.vis]}
	if id, ok := c.odd[i]; ok {
		it.ID = id
	} else {
		it.ID = hex.EncodeToString(r.id[:])
	}
	if r.nsec != noNsec {
		it.Date = time.Unix(r.sec, int64(r.nsec)).UTC()
	}
	if r.textLen > 0 || r.urlLen > 0 {
		block, at := int(r.text)/textBlock, int(r.text)%textBlock
		it.Text = string(c.text[block][at : at+int(r.textLen)])
		at += int(r.textLen)
		it.URL = string(c.text[block][at : at+int(r.urlLen)])
	}
	if fl := c.flags.values[r.flags]; fl != "" {
		it.Flags = strings.Split(fl, "\x00")
	}
}

// replayBatch is how many items a replay hands to the sink at once, as
// parse.Scan's batches are about that size.
const replayBatch = 4096

// replay is an analysis.Source's Replay: it hands the kept items to the
// sink in batches, checking ctx between them and calling yield (when set)
// every few batches so that a browser's event loop can run.
func (c *itemCache) replay(ctx context.Context, yield func()) func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	return func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
		s, err := start(c.export.Member)
		if err != nil {
			return nil, err
		}
		batch := make([]parse.Item, replayBatch)
		last := time.Now()
		for seq := 0; seq*replayBatch < c.n; seq++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if yield != nil && time.Since(last) > 50*time.Millisecond {
				yield()
				last = time.Now()
			}
			items := batch[:min(replayBatch, c.n-seq*replayBatch)]
			for i := range items {
				c.item(seq*replayBatch+i, &items[i])
			}
			b := parse.NewBatch(items, seq)
			s.Process(b)
			s.Commit(b)
		}
		x := *c.export
		return &x, nil
	}
}

// recorder is the ItemWriter that fills a cache while an export is read:
// it is given the items as the other writers are, in order, each kept item
// once and with its final ID. Once the cache passes its budget it stops
// and lets go of what it held.
type recorder struct {
	cache   *itemCache
	budget  int64
	err     error
	stopped atomic.Bool // read by AppendRow on the workers
}

func newRecorder(budget int64) *recorder {
	return &recorder{cache: &itemCache{}, budget: budget}
}

func (r *recorder) Begin(*analysis.Result) error { return nil }

// AppendRow encodes the item whole, to be decoded and kept, in order, by WriteRow.
func (r *recorder) AppendRow(dst []byte, it *parse.Item, _ *policy.Result) []byte {
	if r.stopped.Load() {
		return dst
	}
	str := func(s string) { dst = binary.AppendUvarint(dst, uint64(len(s))); dst = append(dst, s...) }
	str(it.ID)
	str(string(it.Kind))
	str(it.File)
	dst = binary.AppendVarint(dst, int64(it.Line))
	if it.Date.IsZero() {
		dst = append(dst, 0)
	} else {
		dst = append(dst, 1)
		dst = binary.AppendVarint(dst, it.Date.Unix())
		dst = binary.AppendUvarint(dst, uint64(it.Date.Nanosecond()))
	}
	dst = append(dst, byte(it.Basis))
	str(it.Visibility)
	str(it.Text)
	str(it.URL)
	dst = binary.AppendUvarint(dst, uint64(len(it.Flags)))
	for _, f := range it.Flags {
		str(f)
	}
	return dst
}

func (r *recorder) WriteRow(row []byte) error {
	if r.err != nil {
		return nil
	}
	it, ok := decodeRow(row)
	if !ok {
		r.fail(errors.New("session: a cached row does not decode"))
		return nil
	}
	if err := r.cache.add(&it, r.budget); err != nil {
		r.fail(err)
	}
	return nil
}

// fail stops recording and lets the records go. The analysis goes on: the
// export will be read again when it is classified again.
func (r *recorder) fail(err error) {
	r.err = err
	r.stopped.Store(true)
	r.cache = nil
}

func (r *recorder) End(ar *analysis.Result) error {
	if r.cache != nil {
		r.cache.export = ar.Export
	}
	return nil
}

// done is the filled cache, or nil with why it was let go.
func (r *recorder) done() (*itemCache, error) { return r.cache, r.err }

// decodeRow reads back what AppendRow wrote.
func decodeRow(b []byte) (parse.Item, bool) {
	var it parse.Item
	r := rowReader{b: b}
	it.ID = r.str()
	it.Kind = parse.Kind(r.str())
	it.File = r.str()
	it.Line = int(r.varint())
	if r.oneByte() == 1 {
		sec := r.varint()
		it.Date = time.Unix(sec, int64(r.uvarint())).UTC()
	}
	it.Basis = parse.DateBasis(r.oneByte())
	it.Visibility = r.str()
	it.Text = r.str()
	it.URL = r.str()
	for n := r.uvarint(); n > 0 && !r.bad; n-- {
		it.Flags = append(it.Flags, r.str())
	}
	return it, !r.bad && len(r.b) == 0
}

// rowReader reads the values of a row in turn; bad is set once one does
// not decode.
type rowReader struct {
	b   []byte
	bad bool
}

func (r *rowReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	r.skip(n)
	return v
}

func (r *rowReader) varint() int64 {
	v, n := binary.Varint(r.b)
	r.skip(n)
	return v
}

// skip passes over a value of n bytes; n <= 0, what binary.Uvarint and
// binary.Varint give when no value could be read (and then a zero value),
// marks the row bad.
func (r *rowReader) skip(n int) {
	if n <= 0 {
		r.bad = true
		return
	}
	r.b = r.b[n:]
}

func (r *rowReader) oneByte() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *rowReader) str() string {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
