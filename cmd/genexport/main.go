// Command genexport writes an invented LinkedIn data export, the same way
// every time for the same flags: the folder or ZIP a member would download
// with "Get a copy of your data". It makes the repository's sample_export/
// and larger archives for load tests.
//
//	genexport -out DIR [-force] [-seed N] [-scale X | -size SIZE] [-date YYYY-MM-DD]
//	genexport -zip FILE [-force] [-seed N] [-scale X | -size SIZE] [-date YYYY-MM-DD]
//
// -scale multiplies the high-volume files (messages, reactions, search
// queries, connections, comments, posts); 1 is the committed sample, about
// 1.7 MB. -size picks the scale instead, so that the export's uncompressed
// total comes close to SIZE (100MB, 1GB: powers of 1000; MiB, GiB: powers of
// 1024): genexport generates the export at two small scales into nothing,
// counting bytes, and extrapolates. The ZIP is written as a stream: memory
// stays small whatever the size.
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
	"exposure/internal/units"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// usageError is a mistake in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("genexport", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: genexport (-out DIR | -zip FILE) [-force] [-seed N] [-scale X | -size SIZE] [-date YYYY-MM-DD]")
		fl.PrintDefaults()
	}
	def := synth.SampleOptions()
	out := fl.String("out", "", "write the export as a folder `DIR`")
	zipName := fl.String("zip", "", "write the export as a ZIP `FILE` instead of a folder")
	force := fl.Bool("force", false, "replace an existing DIR or FILE")
	seed := fl.Int64("seed", def.Seed, "random `seed`; the same flags give the same bytes")
	scale := fl.Float64("scale", def.Scale, "multiply the high-volume files (messages, reactions, searches, connections, comments, posts) by `X`")
	sizeFlag := fl.String("size", "", "pick the scale so that the uncompressed export is about `SIZE` (e.g. 100MB, 1GB, 2GiB)")
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
	scaleSet := false
	fl.Visit(func(f *flag.Flag) { scaleSet = scaleSet || f.Name == "scale" })
	var target int64
	if *sizeFlag != "" {
		if scaleSet {
			return fail(usageError{"give -scale or -size, not both"})
		}
		n, err := units.ParseSize(*sizeFlag)
		if err != nil {
			return fail(usageError{fmt.Sprintf("-size %q: %v", *sizeFlag, err)})
		}
		target = n
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
	if target > 0 {
		s, err := scaleFor(target, opt)
		if err != nil {
			return fail(err)
		}
		opt.Scale = s
	}
	var err error
	var files int
	var size int64
	if *zipName != "" {
		files, size, err = writeZip(*zipName, *force, opt)
		if err == nil {
			fmt.Fprintf(stdout, "wrote %s: %d files, %d bytes uncompressed", *zipName, files, size)
		}
	} else {
		files, size, err = writeDir(*out, *force, opt)
		if err == nil {
			fmt.Fprintf(stdout, "wrote %s: %d files, %d bytes", *out, files, size)
		}
	}
	if err != nil {
		return fail(err)
	}
	if target > 0 {
		fmt.Fprintf(stdout, " (-size %s: scale %.4g, %+.1f%% from %d bytes)", *sizeFlag, opt.Scale, 100*(float64(size)/float64(target)-1), target)
	}
	fmt.Fprintln(stdout)
	return 0
}

// calibrationScales are the two scales measured to extrapolate from: large
// enough that rounding row counts does not matter, small enough to take a
// fraction of a second.
var calibrationScales = [2]float64{1, 4}

// scaleFor returns the scale whose export is about target bytes
// uncompressed. The size is affine in the scale (files that do not scale,
// plus rows that do), so two measured points give it; the generator is
// deterministic, so the same flags always pick the same scale.
func scaleFor(target int64, opt synth.Options) (float64, error) {
	var size [2]float64
	for i, s := range calibrationScales {
		o := opt
		o.Scale = s
		c := &counter{fs: discardFS{}}
		if err := synth.Write(c, o); err != nil {
			return 0, err
		}
		size[i] = float64(c.bytes)
	}
	perScale := (size[1] - size[0]) / (calibrationScales[1] - calibrationScales[0])
	fixed := size[0] - perScale*calibrationScales[0]
	s := (float64(target) - fixed) / perScale
	switch {
	case s > 1e6:
		return 0, usageError{fmt.Sprintf("-size %d bytes: more than the largest scale (1e6) gives", target)}
	case s < 0.01:
		// Below the files that do not scale: the smallest export there is.
		s = 0.01
	}
	return s, nil
}

// discardFS counts nothing and keeps nothing: with a counter around it, it
// measures an export's size.
type discardFS struct{}

func (discardFS) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

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

// SetModTime passes the export date on to a ZIP: a counter must not hide it.
func (c *counter) SetModTime(t time.Time) {
	if mt, ok := c.fs.(synth.ModTimer); ok {
		mt.SetModTime(t)
	}
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
