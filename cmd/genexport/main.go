// Command genexport writes an invented LinkedIn data export, the same way
// every time for the same flags: the folder or ZIP a member would download
// with "Get a copy of your data". It makes the repository's sample_export/
// and larger archives for load tests.
//
//	genexport -out DIR [-force] [-seed N] [-scale X] [-date YYYY-MM-DD]
//	genexport -zip FILE [-force] [-seed N] [-scale X] [-date YYYY-MM-DD]
//
// -force replaces an existing DIR or FILE. A DIR is only replaced when
// everything in it could be part of an export (.csv and .html files and the
// export's folders): genexport never deletes anything else.
package main

import (
	"archive/zip"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"exposure/internal/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// usageError is a mistake in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("genexport", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: genexport (-out DIR | -zip FILE) [-force] [-seed N] [-scale X] [-date YYYY-MM-DD]")
		fl.PrintDefaults()
	}
	def := synth.SampleOptions()
	out := fl.String("out", "", "write the export as a folder `DIR`")
	zipName := fl.String("zip", "", "write the export as a ZIP `FILE` instead of a folder")
	force := fl.Bool("force", false, "replace an existing DIR or FILE")
	seed := fl.Int64("seed", def.Seed, "random `seed`; the same flags give the same bytes")
	scale := fl.Float64("scale", def.Scale, "multiply the high-volume files (messages, reactions, searches, connections, comments, posts) by `X`")
	day := fl.String("date", def.Now.Format(time.DateOnly), "export `date` (YYYY-MM-DD)")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "genexport:", err)
		var u usageError
		if errors.As(err, &u) {
			return 2
		}
		return 1
	}
	switch {
	case fl.NArg() > 0:
		return fail(usageError{fmt.Sprintf("unexpected argument %q", fl.Arg(0))})
	case (*out == "") == (*zipName == ""):
		return fail(usageError{"give exactly one of -out DIR and -zip FILE"})
	case !(*scale > 0) || *scale > 1e6:
		return fail(usageError{fmt.Sprintf("-scale %v: must be more than 0 and at most 1e6", *scale)})
	}
	opt := def
	opt.Seed, opt.Scale = *seed, *scale
	if *day != def.Now.Format(time.DateOnly) {
		d, err := time.Parse(time.DateOnly, *day)
		if err != nil {
			return fail(usageError{fmt.Sprintf("-date %q: want YYYY-MM-DD", *day)})
		}
		opt.Now = d.Add(def.Now.Sub(def.Now.Truncate(24 * time.Hour)))
	}
	var err error
	var files int
	var size int64
	if *zipName != "" {
		files, size, err = writeZip(*zipName, *force, opt)
		if err == nil {
			fmt.Fprintf(stdout, "wrote %s: %d files, %d bytes uncompressed\n", *zipName, files, size)
		}
	} else {
		files, size, err = writeDir(*out, *force, opt)
		if err == nil {
			fmt.Fprintf(stdout, "wrote %s: %d files, %d bytes\n", *out, files, size)
		}
	}
	if err != nil {
		return fail(err)
	}
	return 0
}

// counter counts the files and bytes written through it.
type counter struct {
	fs    synth.FS
	files int
	bytes int64
}

func (c *counter) Create(name string) (io.WriteCloser, error) {
	w, err := c.fs.Create(name)
	if err != nil {
		return nil, err
	}
	c.files++
	return &countWriter{w, c}, nil
}

type countWriter struct {
	io.WriteCloser
	c *counter
}

func (w *countWriter) Write(p []byte) (int, error) {
	n, err := w.WriteCloser.Write(p)
	w.c.bytes += int64(n)
	return n, err
}

// writeDir generates into a temporary folder beside dir, then puts it in
// place, so that a failed run leaves dir as it was.
func writeDir(dir string, force bool, opt synth.Options) (int, int64, error) {
	dir = filepath.Clean(dir)
	st, err := os.Stat(dir)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return 0, 0, err
	case exists && !st.IsDir():
		return 0, 0, usageError{fmt.Sprintf("%s: exists and is not a folder", dir)}
	case exists:
		empty, foreign, err := inspectDir(dir)
		if err != nil {
			return 0, 0, err
		}
		if !empty && !force {
			return 0, 0, usageError{fmt.Sprintf("%s: folder is not empty (use -force to replace it)", dir)}
		}
		if foreign != "" {
			return 0, 0, usageError{fmt.Sprintf("%s: holds %s, which is not part of an export; refusing to replace it", dir, foreign)}
		}
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, 0, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".genexport-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	c := &counter{fs: synth.DirFS(tmp)}
	if err := synth.Write(c, opt); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", dir, err)
	}
	if exists {
		if err := os.RemoveAll(dir); err != nil {
			return 0, 0, err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return 0, 0, err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return 0, 0, err
	}
	return c.files, c.bytes, nil
}

// exportFolders are the folders an export may have.
var exportFolders = map[string]bool{
	"Articles": true, "Articles/Articles": true, "Jobs": true, "Verifications": true, "Services Marketplace": true,
}

// inspectDir reports whether dir is empty, and names the first entry that
// could not have been written by genexport.
func inspectDir(dir string) (empty bool, foreign string, err error) {
	empty = true
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			return nil
		}
		empty = false
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir() && exportFolders[rel]:
			return nil
		case d.Type().IsRegular() && !strings.Contains(rel, "/.") && !strings.HasPrefix(rel, ".") &&
			(strings.HasSuffix(rel, ".csv") || strings.HasSuffix(rel, ".html")):
			return nil
		}
		foreign = rel
		return fs.SkipAll
	})
	return empty, foreign, err
}

// writeZip generates the archive into a temporary file beside name, then
// renames it.
func writeZip(name string, force bool, opt synth.Options) (int, int64, error) {
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return 0, 0, usageError{fmt.Sprintf("%s: is a folder", name)}
		}
		if !force {
			return 0, 0, usageError{fmt.Sprintf("%s: exists (use -force to replace it)", name)}
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return 0, 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".genexport-")
	if err != nil {
		return 0, 0, err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	zw := zip.NewWriter(tmp)
	c := &counter{fs: synth.ZipFS(zw)}
	err = synth.Write(c, opt)
	if err == nil {
		err = zw.Close()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return 0, 0, err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return 0, 0, err
	}
	return c.files, c.bytes, nil
}
