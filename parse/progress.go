package parse

import (
	"io"
	"sync"
)

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
			s.entries[i].openUncounted = open
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

// damaged passes on what the entry's own reader found (zipread.go).
func (r *progressReader) damaged() error {
	if d, ok := r.ReadCloser.(damageReporter); ok {
		return d.damaged()
	}
	return nil
}
