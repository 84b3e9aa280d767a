package parse

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// entry is one file of an export, opened on demand as a stream: nothing is
// extracted to disk.
type entry struct {
	path   string // slash-separated, relative to the export root
	source string // the archive or folder given by the user
	size   int64  // uncompressed size, -1 when unknown
	open   func() (io.ReadCloser, error)
}

// source is one archive or folder given on the command line.
type source struct {
	name    string
	root    string // the wrapping folder removed from entry paths, if any
	entries []entry
	skipped []string // operating-system litter (__MACOSX/, .DS_Store)
	close   func() error
}

// maxNestedZip bounds the size of a ZIP found inside the archive (a re-zipped
// download), which has to be held in memory to be read.
const maxNestedZip = 1 << 30

// OpenError is returned when an input cannot be read at all.
type OpenError struct {
	Path   string
	Reason string
}

func (e *OpenError) Error() string { return e.Path + ": " + e.Reason }

func openSource(p string) (*source, error) {
	fi, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &OpenError{p, "no such file or folder"}
		}
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	if fi.IsDir() {
		return openDir(p)
	}
	return openZip(p, fi.Size())
}

func openZip(p string, size int64) (*source, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	zr, err := zip.NewReader(f, size)
	if err != nil {
		f.Close()
		return nil, &OpenError{p, "is not a readable ZIP archive (" + err.Error() + "); give the .zip LinkedIn sent, or the folder it unzips to"}
	}
	src := &source{name: p, close: f.Close}
	if inner := soleNestedZip(zr); inner != nil {
		nested, err := openNestedZip(p, inner)
		if err != nil {
			f.Close()
			return nil, err
		}
		zr = nested
	}
	addZipEntries(src, zr)
	return src, nil
}

// soleNestedZip returns the only file of an archive when that file is itself
// a ZIP: some users re-zip the download. Only one level is followed.
func soleNestedZip(zr *zip.Reader) *zip.File {
	var files []*zip.File
	for _, f := range zr.File {
		if !f.FileInfo().IsDir() && !isLitter(f.Name) {
			files = append(files, f)
		}
	}
	if len(files) == 1 && strings.EqualFold(path.Ext(files[0].Name), ".zip") {
		return files[0]
	}
	return nil
}

func openNestedZip(outer string, f *zip.File) (*zip.Reader, error) {
	if f.UncompressedSize64 > maxNestedZip {
		return nil, &OpenError{outer, fmt.Sprintf("holds a nested ZIP %s larger than %d bytes; unzip it once and give the inner archive", f.Name, maxNestedZip)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &OpenError{outer, "cannot open the nested ZIP " + f.Name + ": " + err.Error()}
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxNestedZip+1))
	if err != nil {
		return nil, &OpenError{outer, "cannot read the nested ZIP " + f.Name + ": " + err.Error()}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &OpenError{outer, "holds " + f.Name + ", which is not a readable ZIP: " + err.Error()}
	}
	return zr, nil
}

func addZipEntries(src *source, zr *zip.Reader) {
	var names []string
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		name := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(f.Name, `\`, "/")), "/")
		if f.FileInfo().IsDir() || name == "" {
			continue
		}
		if isLitter(name) {
			src.skipped = append(src.skipped, name)
			continue
		}
		names = append(names, name)
		byName[name] = f
	}
	root := wrappingFolder(names)
	src.root = root
	for _, name := range names {
		f := byName[name]
		src.entries = append(src.entries, entry{
			path:   strings.TrimPrefix(name, root),
			source: src.name,
			size:   int64(f.UncompressedSize64),
			open:   f.Open,
		})
	}
}

func openDir(p string) (*source, error) {
	src := &source{name: p, close: func() error { return nil }}
	var names []string
	err := filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(p, fp)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			// Never followed: a link could lead anywhere on the disk.
			src.skipped = append(src.skipped, rel+" (symbolic link, not followed)")
			return nil
		case !d.Type().IsRegular():
			src.skipped = append(src.skipped, rel+" (not a regular file)")
			return nil
		case isLitter(rel):
			src.skipped = append(src.skipped, rel)
			return nil
		}
		names = append(names, rel)
		return nil
	})
	if err != nil {
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	root := wrappingFolder(names)
	src.root = root
	for _, rel := range names {
		full := filepath.Join(p, filepath.FromSlash(rel))
		var size int64 = -1
		if fi, err := os.Stat(full); err == nil {
			size = fi.Size()
		}
		src.entries = append(src.entries, entry{
			path:   strings.TrimPrefix(rel, root),
			source: p,
			size:   size,
			open:   func() (io.ReadCloser, error) { return os.Open(full) },
		})
	}
	return src, nil
}

// isLitter: files operating systems add when a folder is browsed or zipped.
func isLitter(name string) bool {
	base := path.Base(name)
	return strings.HasPrefix(name, "__MACOSX/") || base == ".DS_Store" || base == "Thumbs.db" || base == "desktop.ini"
}

// knownFolders are the export's own sub-folders (§1.3); any other single
// top-level folder wraps the export (users re-zip what they extracted).
var knownFolders = map[string]bool{"jobs": true, "articles": true, "verifications": true, "services marketplace": true}

// wrappingFolder returns "name/" when every entry sits under the same
// top-level folder and that folder is not one of the export's own.
func wrappingFolder(names []string) string {
	if len(names) == 0 {
		return ""
	}
	top, _, ok := strings.Cut(names[0], "/")
	if !ok || knownFolders[strings.ToLower(top)] {
		return ""
	}
	for _, n := range names[1:] {
		if !strings.HasPrefix(n, top+"/") {
			return ""
		}
	}
	return top + "/"
}

var exportNameRE = regexp.MustCompile(`(?i)(Basic|Complete|Initial)?_?LinkedInDataExport_(\d{2})-(\d{2})-(\d{4})`)

// exportNameFacts reads the archive type and date from a name such as
// Complete_LinkedInDataExport_10-05-2026.zip (month first, §1.2).
func exportNameFacts(name string) (typ string, date time.Time) {
	m := exportNameRE.FindStringSubmatch(filepath.Base(name))
	if m == nil {
		return "", time.Time{}
	}
	d, err := time.Parse("01-02-2006", m[2]+"-"+m[3]+"-"+m[4])
	if err != nil {
		return "", time.Time{}
	}
	typ = m[1]
	if typ != "" {
		typ = strings.ToUpper(typ[:1]) + strings.ToLower(typ[1:])
	}
	return typ, d
}

// mergeEntries joins the entries of several parts of one export. A path
// present in more than one part is read once, from the larger copy (the
// Complete archive repeats the Basic one's files, §1.1).
func mergeEntries(srcs []*source) ([]entry, []Problem) {
	byPath := map[string]int{}
	var out []entry
	var notes []Problem
	for _, s := range srcs {
		for _, e := range s.entries {
			key := strings.ToLower(e.path)
			i, dup := byPath[key]
			if !dup {
				byPath[key] = len(out)
				out = append(out, e)
				continue
			}
			kept := out[i]
			if e.size > kept.size {
				out[i] = e
				kept, e = e, kept
			}
			notes = append(notes, Problem{File: e.path, Reason: fmt.Sprintf("also in %s; read once, from %s", filepath.Base(e.source), filepath.Base(kept.source))})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].path < out[b].path })
	return out, notes
}
