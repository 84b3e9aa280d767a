//go:build js && wasm

package main

import (
	"errors"
	"io"
	"sync"
	"syscall/js"
)

// await waits for a JavaScript promise. The goroutine blocks; once every
// goroutine does, Go hands control back to the browser's event loop, which
// settles the promise and calls back.
func await(p js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: args[0]}
		return nil
	})
	defer then.Release()
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{err: jsError(args[0])}
		return nil
	})
	defer catch.Release()
	p.Call("then", then, catch)
	s := <-ch
	return s.v, s.err
}

// jsError is a JavaScript exception or rejection as a Go error.
func jsError(v js.Value) error {
	if v.Type() == js.TypeObject && v.Get("message").Type() == js.TypeString {
		return errors.New(v.Get("message").String())
	}
	return errors.New(v.String())
}

var uint8Array = js.Global().Get("Uint8Array")

// readBlob copies the bytes [from, to) of a Blob (or File) into dst.
func readBlob(blob js.Value, from, to int64, dst []byte) ([]byte, error) {
	buf, err := await(blob.Call("slice", from, to).Call("arrayBuffer"))
	if err != nil {
		return dst[:0], err
	}
	u8 := uint8Array.New(buf)
	n := u8.Length()
	if cap(dst) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	js.CopyBytesToGo(dst, u8)
	return dst, nil
}

// blobReaderAt reads a Blob (a File the member picked) as an io.ReaderAt,
// slice by slice: the archive is never copied whole into memory. The few
// chunks read last are kept, since archive/zip reads a few kilobytes at a
// time, mostly forward.
type blobReaderAt struct {
	blob js.Value
	size int64

	mu     sync.Mutex
	chunks [blobChunks]blobChunk
	tick   int
	// reads counts the slices read from the Blob (for the page's figures).
	reads int
}

type blobChunk struct {
	off  int64
	data []byte
	used int
}

const (
	blobChunkSize = 1 << 20
	blobChunks    = 4
)

func newBlobReaderAt(blob js.Value) *blobReaderAt {
	b := &blobReaderAt{blob: blob, size: int64(blob.Get("size").Float())}
	for i := range b.chunks {
		b.chunks[i].off = -1
	}
	return b
}

func (b *blobReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("blob: negative offset")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for n < len(p) && off < b.size {
		c, err := b.chunk(off - off%blobChunkSize)
		if err != nil {
			return n, err
		}
		k := copy(p[n:], c.data[off-c.off:])
		n += k
		off += int64(k)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// chunk is the chunk that starts at off, read unless kept; b.mu is held.
func (b *blobReaderAt) chunk(off int64) (*blobChunk, error) {
	b.tick++
	oldest := &b.chunks[0]
	for i := range b.chunks {
		c := &b.chunks[i]
		if c.off == off {
			c.used = b.tick
			return c, nil
		}
		if c.used < oldest.used {
			oldest = c
		}
	}
	data, err := readBlob(b.blob, off, min(off+blobChunkSize, b.size), oldest.data)
	if err != nil {
		oldest.off = -1
		return nil, err
	}
	b.reads++
	oldest.off, oldest.data, oldest.used = off, data, b.tick
	return oldest, nil
}

// blobStream reads a Blob from its start, a chunk at a time: a file of a
// picked folder, or a saved result.
type blobStream struct {
	blob      js.Value
	size, off int64
	buf       []byte
	rest      []byte
}

func newBlobStream(blob js.Value) *blobStream {
	return &blobStream{blob: blob, size: int64(blob.Get("size").Float())}
}

func (s *blobStream) Read(p []byte) (int, error) {
	if len(s.rest) == 0 {
		if s.off >= s.size {
			return 0, io.EOF
		}
		var err error
		s.buf, err = readBlob(s.blob, s.off, min(s.off+blobChunkSize, s.size), s.buf)
		if err != nil {
			return 0, err
		}
		if len(s.buf) == 0 {
			return 0, io.ErrUnexpectedEOF // the file changed size since it was picked
		}
		s.off += int64(len(s.buf))
		s.rest = s.buf
	}
	n := copy(p, s.rest)
	s.rest = s.rest[n:]
	return n, nil
}

func (s *blobStream) Close() error { return nil }

// blobWriter gathers an output into a Blob. Its bytes go to JavaScript a
// megabyte at a time and are folded into a Blob every few megabytes, which
// the browser may keep outside the page's memory.
type blobWriter struct {
	typ   string
	buf   []byte
	parts []any
	acc   js.Value
}

var blobClass = js.Global().Get("Blob")

func newBlobWriter(typ string) *blobWriter {
	return &blobWriter{typ: typ, buf: make([]byte, 0, blobChunkSize), acc: js.Undefined()}
}

func (w *blobWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := copy(w.buf[len(w.buf):cap(w.buf)], p)
		w.buf = w.buf[:len(w.buf)+k]
		p = p[k:]
		if len(w.buf) == cap(w.buf) {
			w.flush()
		}
	}
	return n, nil
}

func (w *blobWriter) flush() {
	if len(w.buf) > 0 {
		u8 := uint8Array.New(len(w.buf))
		js.CopyBytesToJS(u8, w.buf)
		w.parts = append(w.parts, u8)
		w.buf = w.buf[:0]
	}
	if len(w.parts) >= 16 {
		w.fold()
	}
}

func (w *blobWriter) fold() {
	parts := w.parts
	if !w.acc.IsUndefined() {
		parts = append([]any{w.acc}, parts...)
	}
	w.acc = blobClass.New(js.ValueOf(parts), map[string]any{"type": w.typ})
	w.parts = nil
}

// Blob is everything written.
func (w *blobWriter) Blob() js.Value {
	w.flush()
	w.fold()
	return w.acc
}
