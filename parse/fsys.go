package parse

import (
	"io"
	"io/fs"
	"strings"
)

// A DirFS is a folder of an export read through fs.FS rather than from a
// path: a folder picked in a web page, whose files are the browser's. Name
// stands for it in messages and may carry the export's type and date, as
// a folder's name does.
type DirFS struct {
	Name string
	FS   fs.FS
}

// ScanFS is Scan for folders read through fs.FS: the parts of one export,
// read as Scan reads folders (no link is followed, operating-system litter
// is skipped, one wrapping folder is removed).
func ScanFS(dirs []DirFS, progress func(done, total int64), start func(Member) (Sink, error)) (*Export, error) {
	names := make([]string, len(dirs))
	for i, d := range dirs {
		names[i] = d.Name
	}
	return scanOpened(names, progress, start, func(i int) (*source, error) { return openFS(dirs[i]) })
}

// openFS lists a folder read through fs.FS, as openDir lists one on disk.
func openFS(d DirFS) (*source, error) {
	src := &source{name: d.Name, close: func() error { return nil }}
	var names []string
	sizes := map[string]int64{}
	err := fs.WalkDir(d.FS, ".", func(rel string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if src.passOver(rel, e) {
			return nil
		}
		sizes[rel] = -1
		if fi, err := e.Info(); err == nil {
			sizes[rel] = fi.Size()
		}
		names = append(names, rel)
		return nil
	})
	if err != nil {
		return nil, &OpenError{d.Name, "cannot be read: " + err.Error()}
	}
	root := wrappingFolder(names)
	src.root = root
	for _, rel := range names {
		src.entries = append(src.entries, entry{
			path:   strings.TrimPrefix(rel, root),
			source: d.Name,
			size:   sizes[rel],
			open:   func() (io.ReadCloser, error) { return d.FS.Open(rel) },
		})
	}
	return src, nil
}
