package parse

import (
	"cmp"
	"errors"
	"fmt"
	"math"
)

// Limits bound what reading an export may cost, whatever the input: a zip
// bomb, a crafted central directory, a quote that is never closed, a line
// that never ends. Past a limit, reading stops or skips with a problem
// naming the file and line, never a crash and never unbounded memory.
//
// Scan and ReadZip take a field left zero as its default, so that a caller
// may set only the limits it cares about; Validate, meant for values a user
// typed, refuses zero.
type Limits struct {
	// MaxInflated is the most bytes one entry may inflate to.
	MaxInflated int64
	// MaxRatio is the most an entry may inflate relative to the compressed
	// bytes actually read for it (never the size its directory declares),
	// once past minRatioCheck bytes. Text compresses 5–20 times, a highly
	// repetitive CSV perhaps 100 times; zip bombs, thousands.
	MaxRatio float64
	// MaxTotal is the most bytes all the entries of one archive may inflate
	// to together, a nested archive included: entries that each pass
	// MaxInflated must not add up to an unbounded read.
	MaxTotal int64
	// MaxEntries is how many entries of one archive are read; the rest are
	// summarised in one problem. An export holds about a hundred files.
	MaxEntries int
	// MaxField is how far a quoted field may run, from its opening quote,
	// before the quote counts as never closed: the record is then rejected
	// and the lines after the quote's line are read as records of their own.
	MaxField int
	// MaxRecord is the most bytes one CSV record (one or more lines) may
	// hold. A longer quoted record is treated as an unclosed quote (above);
	// a longer line is skipped, and a file whose first lines are that long
	// is not read. It also bounds the lines a repair glues together.
	MaxRecord int
}

// DefaultLimits allow far more than any real export holds. The largest
// measured file is a few MB and its largest cell about 10 KB (§3 Q16); a
// heavy member's messages may reach a few GB. One record of MaxRecord bytes
// costs about five times that in memory while it is parsed, and records
// that large are parsed one at a time (scan.go), so the defaults keep a
// hostile file within about 100 MB.
var DefaultLimits = Limits{
	MaxInflated: 16 << 30,
	MaxRatio:    1000,
	MaxTotal:    32 << 30,
	MaxEntries:  1 << 16,
	MaxField:    8 << 20,
	MaxRecord:   16 << 20,
}

// ErrLimits is wrapped by the error Validate returns.
var ErrLimits = errors.New("invalid limit")

// Validate reports a limit that would switch a guard off or stop every
// read: zero, negative, NaN or infinite values, and ratios under 1 (a
// stored entry inflates exactly once its size).
func (l Limits) Validate() error {
	var bad []error
	check := func(name string, v int64) {
		if v <= 0 {
			bad = append(bad, fmt.Errorf("%w: %s is %d; give a positive number", ErrLimits, name, v))
		}
	}
	check("MaxInflated", l.MaxInflated)
	check("MaxTotal", l.MaxTotal)
	check("MaxEntries", int64(l.MaxEntries))
	check("MaxField", int64(l.MaxField))
	check("MaxRecord", int64(l.MaxRecord))
	if math.IsNaN(l.MaxRatio) || math.IsInf(l.MaxRatio, 0) || l.MaxRatio < 1 {
		bad = append(bad, fmt.Errorf("%w: MaxRatio is %v; give a number of at least 1", ErrLimits, l.MaxRatio))
	}
	return errors.Join(bad...)
}

// orDefaults fills the fields left zero with DefaultLimits'.
func (l Limits) orDefaults() Limits {
	d := DefaultLimits
	l.MaxInflated = cmp.Or(l.MaxInflated, d.MaxInflated)
	l.MaxRatio = cmp.Or(l.MaxRatio, d.MaxRatio)
	l.MaxTotal = cmp.Or(l.MaxTotal, d.MaxTotal)
	l.MaxEntries = cmp.Or(l.MaxEntries, d.MaxEntries)
	l.MaxField = cmp.Or(l.MaxField, d.MaxField)
	l.MaxRecord = cmp.Or(l.MaxRecord, d.MaxRecord)
	return l
}

// checked is what Scan and ReadZip read with: defaults filled, then valid.
func (l Limits) checked() (Limits, error) {
	l = l.orDefaults()
	return l, l.Validate()
}

// mb renders a byte count for a problem in whole MiB (KiB below one MiB),
// which is how the limits are given.
func mb(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
