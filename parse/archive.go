package parse

import (
	"archive/zip"
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
	"sync/atomic"
	"time"

	"exposure/internal/filemode"
)

// entry is one file of an export, opened on demand as a stream: nothing is
// extracted to disk.
type entry struct {
	path      string // slash-separated, relative to the export root
	source    string // the archive or folder given by the user
	size      int64  // uncompressed size, -1 when unknown
	encrypted bool   // a password-protected ZIP entry, which cannot be read
	open      func() (io.ReadCloser, error)
	// openUncounted, when set, opens the entry without counting what is
	// read in the progress: for the member facts, read ahead of the rest.
	openUncounted func() (io.ReadCloser, error)
	lim           Limits // zero: DefaultLimits
	// part tells apart the parts of an export whose items are counted
	// once: the archives given, and entries of one archive that share a
	// name (the source's name, with the copy's rank after the first).
	part string
	// copies is how many entries of its source share its path (0 or 1: one).
	copies int
}

// limits are the bounds the entry is read within.
func (e *entry) limits() Limits { return e.lim.orDefaults() }

// partKey is the part the entry's items belong to.
func (e *entry) partKey() string {
	if e.part == "" {
		return e.source
	}
	return e.part
}

// source is one archive or folder given on the command line.
type source struct {
	name    string
	root    string // the wrapping folder removed from entry paths, if any
	nested  string // the name of the sole ZIP inside it that was read, if any
	entries []entry
	skipped []string // operating-system litter (__MACOSX/, .DS_Store)
	renamed []string // entry names with ".." or an absolute path
	// problems concern the archive as a whole (entries left unread).
	problems []Problem
	close    func() error
}

// OpenError is returned when an input cannot be read at all.
type OpenError struct {
	Path   string
	Reason string
}

func (e *OpenError) Error() string { return e.Path + ": " + e.Reason }

func openSource(p string, lim Limits) (*source, error) {
	fi, err := os.Stat(p) // follows a link given by the user: see openDir
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &OpenError{p, "no such file or folder"}
		}
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	if fi.IsDir() {
		return openDir(p, lim)
	}
	if !fi.Mode().IsRegular() {
		// Opening a named pipe would wait for a writer, forever.
		return nil, &OpenError{p, "is " + filemode.Describe(fi.Mode()) + ", not a file or folder; give the .zip LinkedIn sent, or the folder it unzips to"}
	}
	return openZip(p, lim)
}

// openRegular opens a file for reading only if it is a regular file, without
// blocking on a named pipe put there since it was listed (openFile).
func openRegular(p string) (*os.File, error) {
	f, err := openFile(p)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = fmt.Errorf("%s is %s, not a file", p, filemode.Describe(fi.Mode()))
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func openZip(p string, lim Limits) (*source, error) {
	f, err := openRegular(p)
	if err != nil {
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	src, err := zipSource(p, f, fi.Size(), lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	inner := src.close
	src.close = func() error {
		inner()
		return f.Close()
	}
	return src, nil
}

func zipSource(name string, r io.ReaderAt, size int64, lim Limits) (*source, error) {
	zr, err := newZipReader(name, r, size, lim)
	if err != nil {
		return nil, err
	}
	src := &source{name: name, close: func() error { return nil }}
	z := &zipArchive{ra: r, size: size, lim: lim, inflated: new(atomic.Int64)}
	if inner := soleNestedZip(zr); inner != nil {
		nz, nzr, closeInner, err := openNestedZip(name, inner, z)
		if err != nil {
			return nil, err
		}
		src.close, src.nested = closeInner, inner.Name
		z, zr = nz, nzr
	}
	addZipEntries(src, zr, z)
	return src, nil
}

// soleNestedZip returns the only file of an archive when that file is itself
// a ZIP: some users re-zip the download. Only one level is followed.
func soleNestedZip(zr *zip.Reader) *zip.File {
	var sole *zip.File
	for _, f := range zr.File {
		if f.FileInfo().IsDir() || isLitter(f.Name) {
			continue
		}
		if sole != nil {
			return nil
		}
		sole = f
	}
	if sole != nil && strings.EqualFold(path.Ext(sole.Name), ".zip") {
		return sole
	}
	return nil
}

func addZipEntries(src *source, zr *zip.Reader, z *zipArchive) {
	files, problems := zipFiles(src.name, zr, z)
	src.problems = append(src.problems, problems...)
	var names []string
	var kept []zipSpan
	for _, f := range files {
		name := strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(f.Name, `\`, "/")), "/")
		if f.FileInfo().IsDir() || name == "" {
			continue
		}
		if name != f.Name && name != strings.ReplaceAll(f.Name, `\`, "/") {
			// "../x" or "/etc/x": nothing is ever extracted, so such a name
			// is only a label; it is read as the cleaned name.
			src.renamed = append(src.renamed, fmt.Sprintf("%q (read as %s; the archive is never extracted)", f.Name, name))
		}
		if isLitter(name) {
			src.skipped = append(src.skipped, name)
			continue
		}
		names = append(names, name)
		kept = append(kept, f)
	}
	root := wrappingFolder(names)
	src.root = root
	for i, name := range names {
		f := kept[i]
		src.entries = append(src.entries, entry{
			path:      strings.TrimPrefix(name, root),
			source:    src.name,
			size:      int64(f.UncompressedSize64),
			encrypted: f.Flags&zipEncrypted != 0,
			lim:       z.lim,
			open:      func() (io.ReadCloser, error) { return z.open(f) },
		})
	}
	markCopies(src)
}

// markCopies gives each entry that shares its path with an earlier one of
// the same source a part of its own: both are read, and an item found in
// both is counted once, as between the parts of an export.
func markCopies(src *source) {
	seen := map[string]int{}
	for i := range src.entries {
		k := strings.ToLower(src.entries[i].path)
		seen[k]++
	}
	rank := map[string]int{}
	for i := range src.entries {
		e := &src.entries[i]
		k := strings.ToLower(e.path)
		n := seen[k]
		if n < 2 {
			continue
		}
		e.copies = n
		if r := rank[k]; r > 0 {
			e.part = fmt.Sprintf("%s\x00%d", src.name, r)
		}
		rank[k]++
	}
}

// passOver reports whether a file listed in a folder is not one to read:
// a folder, or a file noted as skipped (a link, which is never followed,
// another file that is not a regular one, or operating-system litter).
func (src *source) passOver(rel string, d fs.DirEntry) bool {
	switch {
	case d.IsDir():
		return true
	case d.Type()&fs.ModeSymlink != 0:
		src.skipped = append(src.skipped, rel+" (symbolic link, not followed)")
	case !d.Type().IsRegular():
		src.skipped = append(src.skipped, rel+" (not a regular file)")
	case isLitter(rel):
		src.skipped = append(src.skipped, rel)
	default:
		return false
	}
	return true
}

// openDir lists a folder's files. A symbolic link given as the folder
// itself is followed (a user's shortcut to their export); links inside it
// never are: they could lead anywhere on the disk.
func openDir(p string, lim Limits) (*source, error) {
	src := &source{name: p, close: func() error { return nil }}
	walkRoot := p
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			walkRoot = real
		}
	}
	var names []string
	more := 0
	err := filepath.WalkDir(walkRoot, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(walkRoot, fp)
		rel = filepath.ToSlash(rel)
		switch {
		case src.passOver(rel, d):
			return nil
		case len(names) >= lim.MaxEntries:
			more++
			return nil
		}
		names = append(names, rel)
		return nil
	})
	if err != nil {
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	if more > 0 {
		src.problems = append(src.problems, Problem{File: p, Reason: fmt.Sprintf("holds %d files; only the first %d were read (an export holds about a hundred)", len(names)+more, len(names))})
	}
	root := wrappingFolder(names)
	src.root = root
	for _, rel := range names {
		full := filepath.Join(walkRoot, filepath.FromSlash(rel))
		var size int64 = -1
		if fi, err := os.Stat(full); err == nil {
			size = fi.Size()
		}
		src.entries = append(src.entries, entry{
			path:   strings.TrimPrefix(rel, root),
			source: p,
			size:   size,
			lim:    lim,
			open:   func() (io.ReadCloser, error) { return openRegular(full) },
		})
	}
	markCopies(src) // Skills.csv and skills.csv, where names have case
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
// Complete archive repeats the Basic one's files, §1.1); entries of one part
// that share a path are all read (markCopies), the n-th copy of one part
// matched with the n-th of another.
func mergeEntries(srcs []*source) ([]entry, []Problem) {
	byPath := map[string]int{}
	var out []entry
	var notes []Problem
	for _, s := range srcs {
		rank := map[string]int{}
		for _, e := range s.entries {
			p := strings.ToLower(e.path)
			key := fmt.Sprintf("%s\x00%d", p, rank[p])
			rank[p]++
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
	sort.SliceStable(out, func(a, b int) bool { return out[a].path < out[b].path })
	return out, notes
}
