package parse

import "io"

// Read and ReadZip read an export into memory for parse's own tests; the
// tests of other packages use parsetest, which these cannot import.
func Read(inputs ...string) (*Export, error) {
	return keepAll(func(start func(Member) (Sink, error)) (*Export, error) {
		return Scan(DefaultLimits, nil, inputs, start)
	})
}

func ReadZip(name string, r io.ReaderAt, size int64, lim Limits) (*Export, error) {
	return keepAll(func(start func(Member) (Sink, error)) (*Export, error) {
		return ScanZips([]ZipReader{{Name: name, R: r, Size: size}}, lim, nil, start)
	})
}

func keepAll(scan func(start func(Member) (Sink, error)) (*Export, error)) (*Export, error) {
	var c collector
	x, err := scan(func(Member) (Sink, error) { return &c, nil })
	if err == nil {
		x.Items = c
	}
	return x, err
}

// collector keeps every item as committed.
type collector []Item

func (c *collector) Process(*Batch) {}

func (c *collector) Commit(b *Batch) {
	for i := range b.Items {
		if b.Kept(i) {
			*c = append(*c, b.Items[i])
		}
	}
}
