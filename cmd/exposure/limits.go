package main

import (
	"strconv"
	"strings"

	flag "github.com/spf13/pflag"

	"exposure/parse"
)

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
	n, err := parseSize(l.maxInflated)
	if err != nil || n <= 0 {
		return parse.Limits{}, usagef("--max-inflated %q: give a size such as 500MB or 32GB", l.maxInflated)
	}
	if l.maxRatio < 1 {
		return parse.Limits{}, usagef("--max-ratio %v: give a number of at least 1", l.maxRatio)
	}
	return parse.Limits{MaxInflated: n, MaxRatio: l.maxRatio}, nil
}

// parseSize reads 1024, 500KB, 500MB, 32GB (powers of 1000) or KiB, MiB,
// GiB (powers of 1024).
func parseSize(s string) (int64, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"TIB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	return int64(v * float64(mult)), nil
}
