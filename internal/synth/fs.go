package synth

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// FS is where the generator writes the export. Paths are slash-separated and
// relative to the export root ("Jobs/Saved Jobs.csv"). Files are created one
// at a time: each is closed before the next is created.
type FS interface {
	Create(path string) (io.WriteCloser, error)
}

// ModTimer is implemented by file systems that record a modification time
// (ZipFS); Write sets it to Options.Now so that archives are reproducible.
// An FS that wraps another should pass it on.
type ModTimer interface {
	SetModTime(time.Time)
}

// checkPath refuses absolute paths and paths that leave the root.
func checkPath(name string) error {
	if name == "" || path.IsAbs(name) || strings.Contains(name, `\`) || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") {
		return fmt.Errorf("synth: invalid path %q", name)
	}
	return nil
}

// DirFS writes the export as a folder tree under root, creating folders as
// needed. Existing files are overwritten.
func DirFS(root string) FS { return dirFS(root) }

type dirFS string

func (d dirFS) Create(name string) (io.WriteCloser, error) {
	if err := checkPath(name); err != nil {
		return nil, err
	}
	p := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	return &bufFile{w: bufio.NewWriterSize(f, 64<<10), f: f}, nil
}

type bufFile struct {
	w *bufio.Writer
	f *os.File
}

func (b *bufFile) Write(p []byte) (int, error) { return b.w.Write(p) }

func (b *bufFile) Close() error {
	err := b.w.Flush()
	if cerr := b.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ZipFS writes the export as entries of zw, deflated, with no directory
// entries (as LinkedIn's archives have none). Closing a file does not close
// zw; the caller closes zw after Write returns. When used through Write, every
// entry's modification time is Options.Now.
func ZipFS(zw *zip.Writer) FS { return &zipFS{zw: zw} }

type zipFS struct {
	zw   *zip.Writer
	mod  time.Time
	open bool
}

func (z *zipFS) SetModTime(t time.Time) { z.mod = t }

func (z *zipFS) Create(name string) (io.WriteCloser, error) {
	if err := checkPath(name); err != nil {
		return nil, err
	}
	if z.open {
		return nil, errors.New("synth: zip entry created before the previous one was closed")
	}
	h := &zip.FileHeader{Name: name, Method: zip.Deflate}
	if !z.mod.IsZero() {
		h.Modified = z.mod
	}
	w, err := z.zw.CreateHeader(h)
	if err != nil {
		return nil, err
	}
	z.open = true
	return &zipFile{w: w, z: z}, nil
}

type zipFile struct {
	w io.Writer
	z *zipFS
}

func (f *zipFile) Write(p []byte) (int, error) { return f.w.Write(p) }

func (f *zipFile) Close() error {
	f.z.open = false
	return nil
}
