package parse

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
)

// Reading ZIP entries with guards on what is actually inflated.
//
// archive/zip's File.Open trusts the central directory: the compressed
// size it declares bounds nothing (a 4 GB declaration for a 1 MB stream
// makes a ratio guard on it useless), several entries may point at the same
// data, and its size and checksum errors come back as read errors that a
// CSV reader may never surface. Entries are therefore read raw (OpenRaw's
// section, bounded by the archive's real size) through our own inflater,
// which counts the compressed bytes it consumes and the bytes it produces,
// and checks the declared size and CRC-32 once the data ends.

// minRatioCheck: small entries are never judged by their ratio (a header
// of zeros compresses a thousand times and harms nobody); tests lower it.
var minRatioCheck int64 = 16 << 20

// ErrInflateLimit is wrapped by the read error of an entry past a Limit.
var ErrInflateLimit = errors.New("inflates past the limit")

// zipEncrypted is the general-purpose flag bit of an encrypted entry
// (APPNOTE 4.4.4); archive/zip cannot decrypt.
const zipEncrypted = 0x1

// zipDataDescriptor: the sizes and CRC-32 follow the data (APPNOTE 4.4.4);
// the central directory then holds the CRC-32 archive/zip checks against.
const zipDataDescriptor = 0x8

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n += int64(k)
	return k, err
}

// zipArchive is what the entries of one archive share.
type zipArchive struct {
	ra   io.ReaderAt
	size int64
	lim  Limits
	// inflated counts the bytes all entries have produced, for MaxTotal;
	// a nested archive shares its outer archive's.
	inflated *atomic.Int64
}

// entryReader inflates one entry within the limits.
type entryReader struct {
	f      *zip.File
	z      *zipArchive
	raw    *countReader // the compressed bytes consumed
	dec    io.Reader
	n      int64 // bytes produced
	crc    hash.Hash32
	err    error // sticky
	damage error // the data does not match the directory (see damaged)
}

// open opens f's data for reading, refusing at once when the archive has
// already inflated past MaxTotal.
func (z *zipArchive) open(f zipSpan) (io.ReadCloser, error) {
	if z.inflated.Load() > z.lim.MaxTotal {
		return nil, z.totalError()
	}
	off, err := f.DataOffset()
	if err != nil {
		return nil, fmt.Errorf("its local header is unreadable (%v): the archive is damaged", err)
	}
	if off > f.end {
		return nil, errors.New("its data lies past the end of the archive: the archive is damaged")
	}
	n := f.end - off
	if c := f.CompressedSize64; c < uint64(n) {
		n = int64(c)
	}
	raw := &countReader{r: io.NewSectionReader(z.ra, off, n)}
	r := &entryReader{f: f.File, z: z, raw: raw, crc: crc32.NewIEEE()}
	switch f.Method {
	case zip.Store:
		r.dec = raw
	case zip.Deflate:
		// klauspost/compress's inflater, not compress/flate's: the same
		// format and errors, in 0.57 s instead of 0.87-1.05 s for the 300 MB
		// of a generated export, on the goroutine every byte goes through.
		r.dec = flate.NewReader(bufio.NewReaderSize(raw, 32<<10))
	default:
		return nil, fmt.Errorf("compressed with method %d, which cannot be read (LinkedIn's archives use deflate)", f.Method)
	}
	return r, nil
}

func (z *zipArchive) totalError() error {
	return fmt.Errorf("%w: the archive's entries inflate to more than %s in all (possible zip bomb)", ErrInflateLimit, mb(z.lim.MaxTotal))
}

func (r *entryReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	k, err := r.dec.Read(p)
	r.n += int64(k)
	r.crc.Write(p[:k])
	total := r.z.inflated.Add(int64(k))
	lim := r.z.lim
	switch {
	case r.n > lim.MaxInflated:
		err = fmt.Errorf("%w of %s per file (possible zip bomb; raise it with --max-inflated)", ErrInflateLimit, mb(lim.MaxInflated))
	case r.n > minRatioCheck && float64(r.n) > lim.MaxRatio*float64(r.raw.n+1):
		err = fmt.Errorf("%w: more than %.0f times the compressed bytes read for it (possible zip bomb; raise it with --max-ratio)", ErrInflateLimit, lim.MaxRatio)
	case total > lim.MaxTotal:
		err = r.z.totalError()
	case err == io.EOF:
		r.damage = r.check()
	case err != nil:
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = errors.New("its compressed data ends early: the archive is truncated or damaged")
		} else {
			err = fmt.Errorf("its compressed data is damaged (%v)", err)
		}
	}
	if err != nil {
		r.err = err
	}
	return k, err
}

// check compares what the data gave with what the directory declares, as
// archive/zip does (a CRC-32 of 0 means none, unless a data descriptor
// follows the data).
func (r *entryReader) check() error {
	f := r.f
	if uint64(r.n) != f.UncompressedSize64 {
		return fmt.Errorf("the archive says this file holds %d bytes, but its data holds %d: the archive is damaged, and the file was read as its data holds it", f.UncompressedSize64, r.n)
	}
	if (f.CRC32 != 0 || f.Flags&zipDataDescriptor != 0) && r.crc.Sum32() != f.CRC32 {
		return errors.New("the data does not match the checksum (CRC-32) the archive records for it: the file is damaged, and what was read from it may be wrong")
	}
	return nil
}

// damaged reports, once the data has been read to its end, whether it
// disagrees with the central directory.
func (r *entryReader) damaged() error { return r.damage }

func (r *entryReader) Close() error {
	if c, ok := r.dec.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// damageReporter is implemented by entry readers that can tell, at the
// end, that the data read was not what the archive declares.
type damageReporter interface{ damaged() error }

// cdBudgetPerEntry bounds, with MaxEntries, the central directory read
// when an archive is opened: archive/zip keeps every entry it lists (about
// 250 bytes each) whatever their number. 512 bytes is a 46-byte header with
// a long name.
const cdBudgetPerEntry = 512

// budgetReaderAt fails reads past a byte budget, while armed.
type budgetReaderAt struct {
	r     io.ReaderAt
	left  atomic.Int64
	armed atomic.Bool
}

var errDirectoryTooLarge = errors.New("central directory too large")

func (b *budgetReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if b.armed.Load() && b.left.Add(-int64(len(p))) < 0 {
		return 0, errDirectoryTooLarge
	}
	return b.r.ReadAt(p, off)
}

// newZipReader opens a ZIP, reading no more of its central directory than
// MaxEntries entries could need.
func newZipReader(name string, r io.ReaderAt, size int64, lim Limits) (*zip.Reader, error) {
	b := &budgetReaderAt{r: r}
	// The end record is searched for in the last 64 KB or so.
	b.left.Store(int64(lim.MaxEntries)*cdBudgetPerEntry + 256<<10)
	b.armed.Store(true)
	zr, err := zip.NewReader(b, size)
	b.armed.Store(false)
	switch {
	case errors.Is(err, errDirectoryTooLarge):
		return nil, &OpenError{name, fmt.Sprintf("lists far more entries than the %d that are read (its central directory is over %s); an export holds about a hundred files", lim.MaxEntries, mb(int64(lim.MaxEntries)*cdBudgetPerEntry))}
	case err != nil:
		return nil, &OpenError{name, "is not a readable ZIP archive (" + err.Error() + "); give the .zip LinkedIn sent, or the folder it unzips to"}
	}
	return zr, nil
}

// zipSpan is an entry to read, and where its compressed data must end.
type zipSpan struct {
	*zip.File
	end int64
}

// zipFiles returns the entries of zr to read, with the end of their data:
// at most MaxEntries entries, none whose data another entry shares, and
// none read into the next one's data. What is left out or cut is told in
// one problem each, never one per entry.
//
// Entries pointing at one stream are how a crafted archive has a bomb
// inflated once per entry; no zip tool writes them (Info-ZIP's unzip
// refuses them), so none of them is read. An entry whose declared size
// runs into the next entry's data has a size that lies, or overlaps on
// purpose: it is read only up to where the next one begins.
func zipFiles(name string, zr *zip.Reader, z *zipArchive) ([]zipSpan, []Problem) {
	var problems []Problem
	files := zr.File
	if len(files) > z.lim.MaxEntries {
		problems = append(problems, Problem{File: name, Reason: fmt.Sprintf("lists %d entries; only the first %d were read (an export holds about a hundred files)", len(files), z.lim.MaxEntries)})
		files = files[:z.lim.MaxEntries]
	}
	out := make([]zipSpan, len(files))
	zr.File = nil // the entries left out can go

	type span struct {
		start int64
		i     int
	}
	spans := make([]span, 0, len(files))
	for i, f := range files {
		out[i] = zipSpan{f, z.size}
		if f.FileInfo().IsDir() {
			continue
		}
		if off, err := f.DataOffset(); err == nil && off <= z.size {
			spans = append(spans, span{off, i})
		} // else reported when it is opened
	}
	sort.Slice(spans, func(a, b int) bool {
		if spans[a].start != spans[b].start {
			return spans[a].start < spans[b].start
		}
		return spans[a].i < spans[b].i
	})
	shared := map[int]bool{}
	var cut []string
	for k := 0; k < len(spans); {
		j := k + 1
		for j < len(spans) && spans[j].start == spans[k].start {
			j++
		}
		if j-k > 1 {
			for _, s := range spans[k:j] {
				shared[s.i] = true
			}
		} else if j < len(spans) {
			f := &out[spans[k].i]
			f.end = spans[j].start
			if f.CompressedSize64 > uint64(f.end-spans[k].start) {
				cut = append(cut, f.Name)
			}
		}
		k = j
	}
	if len(cut) > 0 {
		sort.Strings(cut)
		problems = append(problems, Problem{File: name, Reason: fmt.Sprintf("entries declaring more compressed data than lies before the next entry (%d; a damaged or crafted archive) are read only up to the next: %s",
			len(cut), listSome(cut, 5))})
	}
	if len(shared) == 0 {
		return out, problems
	}
	kept := out[:0]
	var names []string
	for i, f := range out {
		if shared[i] {
			names = append(names, f.Name)
		} else {
			kept = append(kept, f)
		}
	}
	sort.Strings(names)
	problems = append(problems, Problem{File: name, Reason: fmt.Sprintf("%d entries share their compressed data with one another (a crafted archive, possibly a zip bomb); none of them is read: %s",
		len(names), listSome(names, 5))})
	return kept, problems
}

// listSome names the first n of names, quoted, and counts the rest.
func listSome(names []string, n int) string {
	var b strings.Builder
	for i, s := range names[:min(n, len(names))] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", s)
	}
	if len(names) > n {
		fmt.Fprintf(&b, " and %d more", len(names)-n)
	}
	return b.String()
}
