package parse

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Helpers for the hostile inputs: inputs are generated as streams, never
// held whole, and the heap is sampled while they are read.

// heapPeak runs f and returns the most bytes of live and not yet collected
// heap objects seen meanwhile, above what was there before, sampled every
// millisecond.
func heapPeak(f func()) uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// checkHeap fails the test when the peak exceeds limit MB.
func checkHeap(t *testing.T, peak uint64, limitMB int) {
	t.Helper()
	t.Logf("peak heap %d MB", peak>>20)
	if peak > uint64(limitMB)<<20 {
		t.Errorf("peak heap %d MB, over %d MB", peak>>20, limitMB)
	}
}

// countSink keeps no item, only their number.
type countSink struct{ items atomic.Int64 }

func (s *countSink) Process(*Batch) {}
func (s *countSink) Commit(b *Batch) {
	for i := range b.Items {
		if b.Kept(i) {
			s.items.Add(1)
		}
	}
}

// scanCount scans the inputs into a countSink, measuring the heap.
func scanCount(t *testing.T, lim Limits, inputs ...string) (x *Export, items int64, peak uint64) {
	t.Helper()
	sink := &countSink{}
	var err error
	peak = heapPeak(func() {
		x, err = Scan(lim, nil, inputs, func(Member) (Sink, error) { return sink, nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAccounting(t, x)
	return x, sink.items.Load(), peak
}

// lines is a reader of generated text: head, then line(i) for i from 0
// while fewer than size bytes have been given and line gives any.
type lines struct {
	head []byte
	line func(i int) string
	size int64
	n    int64
	i    int
	buf  []byte
}

func genLines(head string, size int64, line func(i int) string) *lines {
	return &lines{head: []byte(head), line: line, size: size}
}

func (l *lines) Read(p []byte) (int, error) {
	for len(l.buf) == 0 {
		if len(l.head) > 0 {
			l.buf, l.head = l.head, nil
			break
		}
		if l.n >= l.size {
			return 0, io.EOF
		}
		l.buf = []byte(l.line(l.i))
		l.i++
		if len(l.buf) == 0 {
			l.size = l.n
			return 0, io.EOF
		}
	}
	k := copy(p, l.buf)
	l.buf = l.buf[k:]
	l.n += int64(k)
	return k, nil
}

// repeatReader gives n copies of one byte.
type repeatReader struct {
	b byte
	n int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := int(min(int64(len(p)), r.n))
	for i := range p[:k] {
		p[i] = r.b
	}
	r.n -= int64(k)
	return k, nil
}

// exportDir writes a small valid export (Profile.csv, Skills.csv) and the
// given files, each from its reader, into a new folder.
func exportDir(t *testing.T, files map[string]io.Reader) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, r io.Reader) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(f, r); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range baseExport() {
		if _, ok := files[name]; !ok {
			write(name, bytes.NewReader(data))
		}
	}
	for name, r := range files {
		write(name, r)
	}
	return dir
}

func baseExport() map[string][]byte {
	return map[string][]byte{
		"Profile.csv": []byte("First Name,Last Name,Headline,Geo Location\nAnna,Example,DPO,\"Brussels, Belgium\"\n"),
		"Skills.csv":  []byte("Name\nGDPR\nPrivacy\n"),
	}
}

// zipEntry is one file of a ZIP written by zipFile.
type zipEntry struct {
	name  string
	r     io.Reader
	store bool
}

// zipFile writes a ZIP into a temporary file, deflating fast.
func zipFile(t *testing.T, entries ...zipEntry) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "export.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, e.r); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// baseEntries are baseExport's files, for a ZIP.
func baseEntries() []zipEntry {
	var out []zipEntry
	for _, name := range sortedKeys(baseExport()) {
		out = append(out, zipEntry{name: name, r: bytes.NewReader(baseExport()[name])})
	}
	return out
}

// rawZip writes a ZIP by hand, so that its central directory can say what
// a crafted archive says: sizes, checksums and offsets that lie.
type rawZip struct {
	buf bytes.Buffer
	cd  bytes.Buffer
	n   int
}

// rawFile is one central-directory record.
type rawFile struct {
	name         string
	method       uint16
	crc          uint32
	csize, usize uint32
	offset       uint32
}

// local writes a local header and data, and returns the record that
// describes them truly.
func (z *rawZip) local(name string, method uint16, data []byte) rawFile {
	f := rawFile{name: name, method: method, crc: crc32.ChecksumIEEE(data), usize: uint32(len(data)), offset: uint32(z.buf.Len())}
	body := data
	if method == zip.Deflate {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestSpeed)
		w.Write(data)
		w.Close()
		body = b.Bytes()
	}
	f.csize = uint32(len(body))
	le := binary.LittleEndian
	var h [30]byte
	le.PutUint32(h[0:], 0x04034b50)
	le.PutUint16(h[4:], 20)
	le.PutUint16(h[8:], method)
	le.PutUint32(h[14:], f.crc)
	le.PutUint32(h[18:], f.csize)
	le.PutUint32(h[22:], f.usize)
	le.PutUint16(h[26:], uint16(len(name)))
	z.buf.Write(h[:])
	z.buf.WriteString(name)
	z.buf.Write(body)
	return f
}

// central adds a central-directory record.
func (z *rawZip) central(f rawFile) {
	le := binary.LittleEndian
	var h [46]byte
	le.PutUint32(h[0:], 0x02014b50)
	le.PutUint16(h[4:], 20)
	le.PutUint16(h[6:], 20)
	le.PutUint16(h[10:], f.method)
	le.PutUint32(h[16:], f.crc)
	le.PutUint32(h[20:], f.csize)
	le.PutUint32(h[24:], f.usize)
	le.PutUint16(h[28:], uint16(len(f.name)))
	le.PutUint32(h[42:], f.offset)
	z.cd.Write(h[:])
	z.cd.WriteString(f.name)
	z.n++
}

// file adds a true entry.
func (z *rawZip) file(name string, data []byte) { z.central(z.local(name, zip.Deflate, data)) }

// bytes ends the archive and returns it.
func (z *rawZip) bytes() []byte {
	le := binary.LittleEndian
	var end [22]byte
	le.PutUint32(end[0:], 0x06054b50)
	le.PutUint16(end[8:], uint16(z.n))
	le.PutUint16(end[10:], uint16(z.n))
	le.PutUint32(end[12:], uint32(z.cd.Len()))
	le.PutUint32(end[16:], uint32(z.buf.Len()))
	var out bytes.Buffer
	out.Write(z.buf.Bytes())
	out.Write(z.cd.Bytes())
	out.Write(end[:])
	return out.Bytes()
}

// write ends the archive and writes it to a temporary file.
func (z *rawZip) write(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "crafted.zip")
	if err := os.WriteFile(p, z.bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// problemWith returns the first problem whose reason holds all of want.
func problemWith(ps []Problem, want ...string) (Problem, bool) {
	for _, p := range ps {
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(p.Reason, w)
		}
		if ok {
			return p, true
		}
	}
	return Problem{}, false
}

// mustProblem fails unless a problem of ps holds all of want.
func mustProblem(t *testing.T, where string, ps []Problem, want ...string) Problem {
	t.Helper()
	p, ok := problemWith(ps, want...)
	if !ok {
		t.Fatalf("%s: no problem with %q in %v", where, want, ps)
	}
	return p
}
