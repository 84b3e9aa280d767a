package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"exposure/internal/filemode"
)

// outFile is an output being written. A regular file (or a new one) is
// written into a temporary file in the same folder and renamed over the
// target only once it is whole, so that a failed or interrupted run leaves
// no half-written report and replaces nothing. A character device or a
// FIFO (`-o /dev/null`, a pipe) is written through: renaming over it would
// destroy it. "-" is standard output. An output that is an input, or inside
// an input folder, is refused: the tool never writes next to the member's
// export.
type outFile struct {
	path   string // as given
	target string // the file the output ends in (a symbolic link followed)
	tmp    *os.File
	direct *os.File // a device or FIFO, written through
	w      io.Writer
}

// outputs are a command's outputs, all created before the export is read
// (so that a wrong path fails before the work, not after) and committed
// together once every one is written. A nil entry was not asked for.
type outputs []*outFile

// createOutputs checks and creates the outputs at paths ("" for none).
// Two outputs to one destination are refused: one would overwrite or
// splice into the other.
func createOutputs(inputs []string, stdout io.Writer, paths ...string) (outputs, error) {
	if err := refuseSharedDestinations(paths); err != nil {
		return nil, err
	}
	outs := make(outputs, len(paths))
	for i, p := range paths {
		if p == "" {
			continue
		}
		o, err := createOutput(p, inputs, stdout)
		if err != nil {
			outs.discard()
			return nil, err
		}
		outs[i] = o
	}
	return outs, nil
}

func refuseSharedDestinations(paths []string) error {
	seen := map[string]string{}
	for _, p := range paths {
		if p == "" {
			continue
		}
		key := "-"
		if p != "-" {
			key = realPath(p)
		}
		if first, ok := seen[key]; ok {
			if p == "-" {
				return usagef("two outputs to standard output (-): give a file to all but one")
			}
			return usagef("%s and %s are the same file: give each output its own", first, p)
		}
		seen[key] = p
	}
	return nil
}

// writer is output i's writer, nil when it was not asked for.
func (o outputs) writer(i int) io.Writer {
	if o[i] == nil {
		return nil
	}
	return o[i].w
}

// write fills output i, when it was asked for, with what print writes.
func (o outputs) write(i int, print func(io.Writer) error) error {
	if o[i] == nil {
		return nil
	}
	if err := print(o[i].w); err != nil {
		return fmt.Errorf("%s: cannot write the output: %v", o[i].path, err)
	}
	return nil
}

// toStdout reports whether an output goes to standard output, which then
// holds nothing else.
func (o outputs) toStdout() bool {
	for _, out := range o {
		if out != nil && out.path == "-" {
			return true
		}
	}
	return false
}

// commit puts every output in place.
func (o outputs) commit() error {
	for _, out := range o {
		if out == nil {
			continue
		}
		if err := out.commit(); err != nil {
			o.discard()
			return err
		}
	}
	return nil
}

// discard removes the outputs not committed.
func (o outputs) discard() {
	for _, out := range o {
		out.discard()
	}
}

func createOutput(path string, inputs []string, stdout io.Writer) (*outFile, error) {
	if path == "-" {
		return &outFile{path: path, w: stdout}, nil
	}
	if err := refuseInsideInputs(path, inputs); err != nil {
		return nil, err
	}
	o := &outFile{path: path, target: path}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// Replace what the link points at, and keep the link.
		if o.target, err = filepath.EvalSymlinks(path); err != nil {
			return nil, usagef("%s: a symbolic link to nowhere; give another output path", path)
		}
	}
	fi, err := os.Stat(o.target)
	switch {
	case err == nil && fi.Mode().IsRegular():
	case err == nil && (fi.Mode()&fs.ModeCharDevice != 0 || fi.Mode()&fs.ModeNamedPipe != 0):
		return o.openDirect()
	case err == nil:
		return nil, usagef("%s: not a regular file (%s); give a file's path", path, filemode.Describe(fi.Mode()))
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: cannot create the output: %v", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(o.target), "."+filepath.Base(o.target)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create the output: %v", path, err)
	}
	temps.add(tmp.Name())
	o.tmp, o.w = tmp, tmp
	return o, nil
}

// openDirect opens a device or FIFO for writing. A FIFO is opened without
// waiting for a reader: with none, the open would block for ever.
func (o *outFile) openDirect() (*outFile, error) {
	f, err := os.OpenFile(o.target, os.O_WRONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ENXIO) {
		return nil, fmt.Errorf("%s: a pipe that no program reads; start the reader first", o.path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write the output: %v", o.path, err)
	}
	o.direct, o.w = f, f
	return o, nil
}

// commit puts the whole output in place.
func (o *outFile) commit() error {
	if o.direct != nil {
		err := o.direct.Close()
		o.direct = nil
		if err != nil {
			return fmt.Errorf("%s: cannot write the output: %v", o.path, err)
		}
		return nil
	}
	if o.tmp == nil {
		return nil
	}
	tmp := o.tmp
	o.tmp = nil
	defer temps.remove(tmp.Name())
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: cannot write the output: %v", o.path, err)
	}
	if err := os.Rename(tmp.Name(), o.target); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: cannot write the output: %v", o.path, err)
	}
	return nil
}

// discard removes an output not committed; a no-op once committed.
func (o *outFile) discard() {
	if o == nil {
		return
	}
	if o.direct != nil {
		o.direct.Close()
		o.direct = nil
	}
	if o.tmp == nil {
		return
	}
	o.tmp.Close()
	os.Remove(o.tmp.Name())
	temps.remove(o.tmp.Name())
	o.tmp = nil
}

func refuseInsideInputs(out string, inputs []string) error {
	o := realPath(out)
	for _, in := range inputs {
		i := realPath(in)
		if o == i {
			return usagef("%s: the output would replace the input; choose another output path", out)
		}
		if fi, err := os.Stat(in); err == nil && fi.IsDir() && strings.HasPrefix(o, i+string(filepath.Separator)) {
			return usagef("%s: the output would be written inside the input folder %s; choose a path outside it", out, in)
		}
	}
	return nil
}

// realPath resolves a path as far as it exists, so that links and ".."
// cannot hide that two paths are the same.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(r, filepath.Base(abs))
	}
	return abs
}

// temps are the temporary files of the outputs being written, removed if
// the run is interrupted (they hold the member's data).
var temps = tempFiles{names: map[string]bool{}}

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	t.names[name] = true
	t.mu.Unlock()
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// removeAll deletes every temporary file still there.
func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.Remove(name)
		delete(t.names, name)
	}
}
