// Package parsetest reads an export into memory, for tests: the commands
// stream every export through parse.Scan and never hold its items; a test
// often wants them all at hand, in order.
package parsetest

import (
	"io"

	"exposure/parse"
)

// Read reads one member's export (archives or folders, the parts of one
// export) with the default limits and returns it with its items.
func Read(inputs ...string) (*parse.Export, error) {
	return collect(func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
		return parse.Scan(parse.DefaultLimits, nil, inputs, start)
	})
}

// ReadZip reads an archive held in memory (or any io.ReaderAt).
func ReadZip(name string, r io.ReaderAt, size int64, lim parse.Limits) (*parse.Export, error) {
	return collect(func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
		return parse.ScanZips([]parse.ZipReader{{Name: name, R: r, Size: size}}, lim, nil, start)
	})
}

func collect(scan func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error)) (*parse.Export, error) {
	var items keep
	x, err := scan(func(parse.Member) (parse.Sink, error) { return &items, nil })
	if err != nil {
		return nil, err
	}
	x.Items = items
	return x, nil
}

// keep is a sink that keeps the items it is given, as committed: in the
// export's order, with their final IDs, each part's duplicates left out.
type keep []parse.Item

func (k *keep) Process(*parse.Batch) {}

func (k *keep) Commit(b *parse.Batch) {
	for i, it := range b.Items {
		if b.Kept(i) {
			*k = append(*k, it)
		}
	}
}
