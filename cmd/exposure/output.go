package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// writeOutput writes one output file atomically: into a temporary file in
// the same folder, renamed over the target only once it is whole. "-" is
// standard output. An output that is an input, or inside an input folder,
// is refused: the tool never writes next to the member's export.
func writeOutput(path string, inputs []string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	if err := refuseInsideInputs(path, inputs); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: cannot create the output: %v", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: cannot write the output: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write the output: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: cannot write the output: %v", path, err)
	}
	return nil
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
