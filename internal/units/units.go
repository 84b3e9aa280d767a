// Package units reads byte sizes given on the command line ("500MB",
// "1GB", "2GiB"), for exposure's zip-bomb limits and genexport's -size.
package units

import (
	"errors"
	"strconv"
	"strings"
)

// ParseSize reads 1024, 500KB, 100MB, 1GB (powers of 1000) or KiB, MiB,
// GiB, TiB (powers of 1024). Sizes must be positive and below 10^15 bytes.
func ParseSize(s string) (int64, error) {
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
	if err != nil || !(v > 0) || v*float64(mult) > 1e15 {
		return 0, errors.New("give a size such as 5MB, 100MB, 1GB or 2GiB")
	}
	return int64(v * float64(mult)), nil
}
