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
	path      string // slash-separated, relative to the export root
	source    string // the archive or folder given by the user
	size      int64  // uncompressed size, -1 when unknown
	encrypted bool   // a password-protected ZIP entry, which cannot be read
	open      func() (io.ReadCloser, error)
}

// Limits guard against archives that inflate without bound (zip bombs).
// Reading an entry stops with a problem, not a crash, past either limit.
type Limits struct {
	// MaxInflated is the most bytes one entry may inflate to.
	MaxInflated int64
	// MaxRatio is the most an entry may inflate relative to its compressed
	// size, once past minRatioCheck bytes. Text compresses 5–20 times, a
	// highly repetitive CSV perhaps 100 times; zip bombs, thousands.
	MaxRatio float64
}

// DefaultLimits allow far more than any real export holds (the largest
// measured file is a few MB; a heavy member's messages perhaps a few GB).
var DefaultLimits = Limits{MaxInflated: 16 << 30, MaxRatio: 1000}

// minRatioCheck: small entries are never judged by their ratio (a header
// of zeros compresses a thousand times and harms nobody).
const minRatioCheck = 16 << 20

// ErrInflateLimit is wrapped by the read error of an entry past a Limit.
var ErrInflateLimit = errors.New("inflates past the limit")

// inflateGuard counts the bytes an entry inflates to.
type inflateGuard struct {
	r          io.ReadCloser
	n          int64
	compressed int64
	lim        Limits
}

func (g *inflateGuard) Read(p []byte) (int, error) {
	k, err := g.r.Read(p)
	g.n += int64(k)
	if g.n > g.lim.MaxInflated {
		return k, fmt.Errorf("%w of %d bytes (possible zip bomb; raise it with --max-inflated)", ErrInflateLimit, g.lim.MaxInflated)
	}
	if g.n > minRatioCheck && float64(g.n) > g.lim.MaxRatio*float64(g.compressed+1) {
		return k, fmt.Errorf("%w: more than %.0f times its compressed size (possible zip bomb; raise it with --max-ratio)", ErrInflateLimit, g.lim.MaxRatio)
	}
	return k, err
}

func (g *inflateGuard) Close() error { return g.r.Close() }

// source is one archive or folder given on the command line.
type source struct {
	name    string
	root    string // the wrapping folder removed from entry paths, if any
	entries []entry
	skipped []string // operating-system litter (__MACOSX/, .DS_Store)
	renamed []string // entry names with ".." or an absolute path
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

func openSource(p string, lim Limits) (*source, error) {
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
	return openZip(p, fi.Size(), lim)
}

func openZip(p string, size int64, lim Limits) (*source, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, &OpenError{p, "cannot be read: " + err.Error()}
	}
	src, err := zipSource(p, f, size, lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	src.close = f.Close
	return src, nil
}

func zipSource(name string, r io.ReaderAt, size int64, lim Limits) (*source, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &OpenError{name, "is not a readable ZIP archive (" + err.Error() + "); give the .zip LinkedIn sent, or the folder it unzips to"}
	}
	src := &source{name: name, close: func() error { return nil }}
	if inner := soleNestedZip(zr); inner != nil {
		nested, err := openNestedZip(name, inner, lim)
		if err != nil {
			return nil, err
		}
		zr = nested
	}
	addZipEntries(src, zr, lim)
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

func openNestedZip(outer string, f *zip.File, lim Limits) (*zip.Reader, error) {
	if f.UncompressedSize64 > maxNestedZip {
		return nil, &OpenError{outer, fmt.Sprintf("holds a nested ZIP %s larger than %d bytes; unzip it once and give the inner archive", f.Name, maxNestedZip)}
	}
	if f.Flags&zipEncrypted != 0 {
		return nil, &OpenError{outer, "holds " + f.Name + ", which is password-protected; LinkedIn's archives are not: unzip it with its password and give the folder"}
	}
	raw, err := f.Open()
	rc := io.ReadCloser(&inflateGuard{r: raw, compressed: int64(f.CompressedSize64), lim: lim})
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

// zipEncrypted is the general-purpose flag bit of an encrypted entry
// (APPNOTE 4.4.4); archive/zip cannot decrypt.
const zipEncrypted = 0x1

func addZipEntries(src *source, zr *zip.Reader, lim Limits) {
	var names []string
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
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
		byName[name] = f
	}
	root := wrappingFolder(names)
	src.root = root
	for _, name := range names {
		f := byName[name]
		src.entries = append(src.entries, entry{
			path:      strings.TrimPrefix(name, root),
			source:    src.name,
			size:      int64(f.UncompressedSize64),
			encrypted: f.Flags&zipEncrypted != 0,
			open: func() (io.ReadCloser, error) {
				rc, err := f.Open()
				if err != nil {
					return nil, err
				}
				return &inflateGuard{r: rc, compressed: int64(f.CompressedSize64), lim: lim}, nil
			},
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
