package parse

import (
	"io"
	"sync"
)

// ReadWithProgress is ReadLimited that also reports how far reading has got:
// progress is called with the bytes read so far, uncompressed, of the
// export's files, and their total (the sizes the archives and folders
// declare). It is called after every read of every file, from the goroutines
// that read the files, one call at a time and with done never decreasing; it
// should return quickly. done may end below total: a file that cannot be
// opened, or that stops on an error, is not read to its end. A nil progress
// is ReadLimited.
func ReadWithProgress(lim Limits, progress func(done, total int64), inputs ...string) (*Export, error) {
	return readInputs(lim, progress, inputs)
}

// watchProgress wraps every entry's reader so that the bytes read add up
// into progress; a file present in several parts counts once in the total.
func watchProgress(srcs []*source, progress func(done, total int64)) {
	p := &progressCounter{report: progress}
	merged, _ := mergeEntries(srcs)
	for _, e := range merged {
		p.total += max(e.size, 0)
	}
	for _, s := range srcs {
		for i := range s.entries {
			open := s.entries[i].open
			s.entries[i].open = func() (io.ReadCloser, error) {
				rc, err := open()
				if err != nil {
					return nil, err
				}
				return &progressReader{rc, p}, nil
			}
		}
	}
	progress(0, p.total)
}

// progressCounter adds up the bytes read by all the files' readers.
type progressCounter struct {
	mu     sync.Mutex
	done   int64
	total  int64
	report func(done, total int64)
}

func (p *progressCounter) add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += int64(n)
	p.report(p.done, p.total)
}

type progressReader struct {
	io.ReadCloser
	p *progressCounter
}

func (r *progressReader) Read(b []byte) (int, error) {
	n, err := r.ReadCloser.Read(b)
	if n > 0 {
		r.p.add(n)
	}
	return n, err
}
