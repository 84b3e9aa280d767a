package main

import (
	"io"

	flag "github.com/spf13/pflag"

	"exposure/internal/units"
	"exposure/parse"
)

// readFlags are the flags of every command that reads an export: the
// zip-bomb guards and the progress bar.
type readFlags struct {
	limitFlags
	progressFlags
}

func (r *readFlags) declare(fs *flag.FlagSet) {
	r.limitFlags.declare(fs)
	r.progressFlags.declare(fs)
}

// scan streams an export into a sink, within the limits, with the bar.
func (r *readFlags) scan(stderr io.Writer, inputs []string, start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	lim, err := r.limits()
	if err != nil {
		return nil, err
	}
	return r.progressFlags.scan(stderr, lim, inputs, start)
}

// limitFlags raise or lower the zip-bomb guards (parse.Limits).
type limitFlags struct {
	maxInflated string
	maxRatio    float64
}

func (l *limitFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&l.maxInflated, "max-inflated", "16GB", "the most one archive entry may inflate to (`SIZE`, e.g. 500MB, 32GB)")
	fs.Float64Var(&l.maxRatio, "max-ratio", parse.DefaultLimits.MaxRatio, "the most one entry may inflate relative to its compressed size (`RATIO`)")
}

func (l *limitFlags) limits() (parse.Limits, error) {
	n, err := units.ParseSize(l.maxInflated)
	if err != nil || n <= 0 {
		return parse.Limits{}, usagef("--max-inflated %q: give a size such as 500MB or 32GB", l.maxInflated)
	}
	if l.maxRatio < 1 {
		return parse.Limits{}, usagef("--max-ratio %v: give a number of at least 1", l.maxRatio)
	}
	return parse.Limits{MaxInflated: n, MaxRatio: l.maxRatio}, nil
}
