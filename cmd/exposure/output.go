package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// writeOutput writes one output file atomically (see createOutput).
func writeOutput(path string, inputs []string, stdout io.Writer, write func(io.Writer) error) error {
	o, err := createOutput(path, inputs, stdout)
	if err != nil {
		return err
	}
	defer o.discard()
	if err := write(o.w); err != nil {
		return fmt.Errorf("%s: cannot write the output: %v", path, err)
	}
	return o.commit()
}

// outFile is an output file being written: into a temporary file in the
// same folder, renamed over the target only once it is whole, so that a
// failed run leaves no half-written report. "-" is standard output. An
// output that is an input, or inside an input folder, is refused: the tool
// never writes next to the member's export.
type outFile struct {
	path string
	tmp  *os.File
	w    io.Writer
}

func createOutput(path string, inputs []string, stdout io.Writer) (*outFile, error) {
	if path == "-" {
		return &outFile{path: path, w: stdout}, nil
	}
	if err := refuseInsideInputs(path, inputs); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create the output: %v", path, err)
	}
	return &outFile{path: path, tmp: tmp, w: tmp}, nil
}

// commit puts the whole output in place.
func (o *outFile) commit() error {
	if o.tmp == nil {
		return nil
	}
	tmp := o.tmp
	o.tmp = nil
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: cannot write the output: %v", o.path, err)
	}
	if err := os.Rename(tmp.Name(), o.path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("%s: cannot write the output: %v", o.path, err)
	}
	return nil
}

// discard removes an output not committed; a no-op once committed.
func (o *outFile) discard() {
	if o == nil || o.tmp == nil {
		return
	}
	o.tmp.Close()
	os.Remove(o.tmp.Name())
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

// outputs are the JSON and CSV outputs, written while the export is read.
type outputs []*outFile

func createOutputs(inputs []string, stdout io.Writer, paths ...string) (outputs, error) {
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

// writer is output i's writer, nil when it was not asked for.
func (o outputs) writer(i int) io.Writer {
	if o[i] == nil {
		return nil
	}
	return o[i].w
}

func (o outputs) commit() error {
	for _, out := range o {
		if out == nil {
			continue
		}
		if err := out.commit(); err != nil {
			return err
		}
	}
	return nil
}

func (o outputs) discard() {
	for _, out := range o {
		out.discard()
	}
}
