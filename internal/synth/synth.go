package synth

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"iter"
	"math"
	"math/rand/v2"
	"time"
)

// Options control one generated export.
type Options struct {
	// Seed selects the invented data; the same Options give byte-identical
	// output.
	Seed int64
	// Scale multiplies the row counts of the high-volume files (messages,
	// reactions, search queries, connections, comments, posts). 1 gives the
	// committed sample (about 1.7 MB); other files keep their size.
	Scale float64
	// Now is the export date: the newest activity is just before it.
	Now time.Time
}

// SampleOptions are the options of the committed sample_export/ folder.
func SampleOptions() Options {
	return Options{Seed: 1, Scale: 1, Now: time.Date(2026, 11, 15, 9, 30, 0, 0, time.UTC)}
}

// MemberID is the numeric suffix of the activity files (Shares_<id>.csv …).
const MemberID = "183746529"

// gen holds the state shared by the file writers of one export.
type gen struct {
	opt   Options
	fs    FS
	now   time.Time // Options.Now in UTC
	since time.Time // registration
	err   error

	nConn int // connections (scaled)
}

// Write generates a whole export into dst. It stops at the first error and
// returns it, naming the file.
func Write(dst FS, opt Options) error {
	if dst == nil {
		return errors.New("synth: nil FS")
	}
	if !(opt.Scale > 0) || math.IsInf(opt.Scale, 0) || opt.Scale > 1e6 {
		return fmt.Errorf("synth: scale %v out of range (0, 1e6]", opt.Scale)
	}
	if opt.Now.IsZero() {
		return errors.New("synth: Options.Now is zero")
	}
	g := &gen{opt: opt, fs: dst, now: opt.Now.UTC()}
	g.since = time.Date(2009, 4, 17, 20, 32, 0, 0, time.UTC)
	if !g.now.After(time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)) {
		return fmt.Errorf("synth: Options.Now %s is before 2011; the member joined in 2009", g.now.Format(time.DateOnly))
	}
	if mt, ok := dst.(ModTimer); ok {
		mt.SetModTime(g.now)
	}
	g.nConn = g.scaled(600)
	for _, step := range []func(){
		g.profileFiles,
		g.networkFiles,
		g.messageFiles,
		g.activityFiles,
		g.articles,
		g.jobFiles,
		g.accountFiles,
	} {
		step()
		if g.err != nil {
			return g.err
		}
	}
	return nil
}

// scaled returns base multiplied by Options.Scale, at least 1.
func (g *gen) scaled(base int) int {
	n := int(math.Round(float64(base) * g.opt.Scale))
	if n < 1 {
		n = 1
	}
	return n
}

// rng returns the random source of one file: each file has its own stream,
// so that changing one generator does not shift the others.
func (g *gen) rng(name string) *rand.Rand {
	h := fnv.New64a()
	io.WriteString(h, name)
	return rand.New(rand.NewPCG(uint64(g.opt.Seed), h.Sum64()))
}

// seeded returns a random source for a numbered entity (a person).
func (g *gen) seeded(kind uint64, k int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.opt.Seed)^0x9e3779b97f4a7c15, kind<<40^uint64(k)))
}

// spread returns the time of the i-th of n events (i = 0 oldest) between
// from and to, with a density growing like x^k (k = 0: uniform). u in [0,1)
// jitters the event inside its slot, so times are strictly ordered by i
// without keeping them in memory.
func spread(i, n int, u float64, from, to time.Time, k float64) time.Time {
	q := (float64(i) + u) / float64(n)
	x := math.Pow(q, 1/(k+1))
	d := to.Sub(from)
	return from.Add(time.Duration(x * float64(d))).Truncate(time.Second)
}

// newestFirst yields the times of n events spread from from to to, as
// spread places them, with their index (0 = oldest), newest first: the
// order of most files (Q18).
func newestFirst(r *rand.Rand, n int, from, to time.Time, k float64) iter.Seq2[int, time.Time] {
	return func(yield func(int, time.Time) bool) {
		for i := n - 1; i >= 0; i-- {
			if !yield(i, spread(i, n, r.Float64(), from, to, k)) {
				return
			}
		}
	}
}

// oldestFirst is newestFirst in the order of the files that list their
// oldest rows first (SearchQueries, Q18).
func oldestFirst(r *rand.Rand, n int, from, to time.Time, k float64) iter.Seq2[int, time.Time] {
	return func(yield func(int, time.Time) bool) {
		for i := 0; i < n; i++ {
			if !yield(i, spread(i, n, r.Float64(), from, to, k)) {
				return
			}
		}
	}
}

// between returns a uniform time in [a, b).
func between(r *rand.Rand, a, b time.Time) time.Time {
	d := b.Sub(a)
	if d <= 0 {
		return a
	}
	return a.Add(time.Duration(r.Int64N(int64(d)))).Truncate(time.Second)
}

func date(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// Date layouts, named after the reference's catalogue (§2.0).
const (
	fDMY   = "02 Jan 2006"
	fUS12  = "1/2/06, 3:04 PM"
	fUS12p = "01/02/06, 03:04 PM"
	fR2UTC = "01/02/06 03:04 PM UTC"
	fISOZ  = "2006-01-02 15:04:05 UTC"
	fISO   = "2006-01-02 15:04:05"
	fSLUTC = "2006/01/02 15:04:05 UTC"
	fSLD   = "2006/01/02"
	fJAVA  = "Mon Jan 02 15:04:05 UTC 2006"
	fLRN   = "2006-01-02 15:04 UTC"
	fMY    = "Jan 2006"
	fMDY   = "Jan 2, 2006"
	fMD    = "Jan 02"
	fEVT   = "Jan 02, 2006 03:04 PM"
	fD     = "2006-01-02"
	fART   = "2006-01-02 15:04"
)
