//go:build js && wasm

package main

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"syscall/js"
	"time"
)

// fileTree is a folder the member picked, as the browser lists it: every
// file with its path under the folder, read as a stream when opened.
type fileTree struct {
	files map[string]js.Value               // path -> File
	dirs  map[string]map[string]fs.DirEntry // folder path -> its entries by name
}

// newFileTree takes [{path, file}] as the page gives them; paths are
// slash-separated and relative ("Folder/Jobs/Saved Jobs.csv").
func newFileTree(list js.Value) (*fileTree, error) {
	t := &fileTree{files: map[string]js.Value{}, dirs: map[string]map[string]fs.DirEntry{".": {}}}
	for i := range list.Length() {
		e := list.Index(i)
		p := strings.TrimPrefix(path.Clean("/"+e.Get("path").String()), "/")
		if p == "" || !fs.ValidPath(p) {
			return nil, errors.New("a file of the folder has no usable name")
		}
		file := e.Get("file")
		t.files[p] = file
		t.add(p, fileEntry{name: path.Base(p), size: int64(file.Get("size").Float())})
	}
	return t, nil
}

// add lists an entry in its folder, and the folders above it in theirs.
func (t *fileTree) add(p string, e fs.DirEntry) {
	dir := path.Dir(p)
	if t.dirs[dir] == nil {
		t.dirs[dir] = map[string]fs.DirEntry{}
		t.add(dir, fileEntry{name: path.Base(dir), dir: true})
	}
	t.dirs[dir][e.Name()] = e
}

func (t *fileTree) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, ok := t.files[name]; ok {
		return &openFile{blobStream: newBlobStream(f), info: fileEntry{name: path.Base(name), size: int64(f.Get("size").Float())}}, nil
	}
	if _, ok := t.dirs[name]; ok {
		return &openDir{info: fileEntry{name: path.Base(name), dir: true}}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (t *fileTree) ReadDir(name string) ([]fs.DirEntry, error) {
	d, ok := t.dirs[name]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(d))
	for _, e := range d {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// fileEntry is a file or folder of the tree, as fs.DirEntry and fs.FileInfo.
type fileEntry struct {
	name string
	size int64
	dir  bool
}

func (e fileEntry) Name() string               { return e.name }
func (e fileEntry) IsDir() bool                { return e.dir }
func (e fileEntry) Info() (fs.FileInfo, error) { return e, nil }
func (e fileEntry) Size() int64                { return e.size }
func (e fileEntry) ModTime() time.Time         { return time.Time{} }
func (e fileEntry) Sys() any                   { return nil }
func (e fileEntry) Type() fs.FileMode          { return e.Mode().Type() }
func (e fileEntry) Mode() fs.FileMode {
	if e.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type openFile struct {
	*blobStream
	info fileEntry
}

func (f *openFile) Stat() (fs.FileInfo, error) { return f.info, nil }

type openDir struct{ info fileEntry }

func (d *openDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *openDir) Read([]byte) (int, error)   { return 0, io.EOF }
func (d *openDir) Close() error               { return nil }
