package parse

import (
	"fmt"
	"strings"
)

// Problems are bounded per file: a file of millions of bad rows (a date
// format nobody knows, on every line) must not keep a problem per row. The
// first maxProblemsPerReason lines of each reason are listed; the others are
// counted, in one closing problem per reason that says how many more lines
// had it (Problem.Omitted). The archive's own problems are bounded the same
// way, per reason over all entries.

// maxProblemsPerReason is how many problems of one reason a list keeps.
const maxProblemsPerReason = 100

// problemKey groups problems by reason: the reason with its numbers and
// quoted names left out, so that "line 7" and "line 9", or two column
// names, do not make reasons of their own.
func problemKey(reason string) string {
	var b strings.Builder
	quoted, digits := false, false
	for i := 0; i < len(reason); i++ {
		c := reason[i]
		switch {
		case c == '"':
			if !quoted {
				b.WriteByte('"')
			}
			quoted = !quoted
			digits = false
		case quoted:
		case c >= '0' && c <= '9':
			if !digits {
				b.WriteByte('#')
			}
			digits = true
		default:
			b.WriteByte(c)
			digits = false
		}
	}
	return b.String()
}

// problemCounter keeps the first problems of each reason as they come, and
// counts the rest, so that a list never grows past maxProblemsPerReason per
// reason while a file is read.
type problemCounter struct {
	seen    map[string]int
	omitted map[string]int
	// The last reason and its key: a file's bad rows mostly repeat one.
	lastReason, lastKey string
}

// keep reports whether p is to be kept, counting it either way.
func (pc *problemCounter) keep(p Problem) bool {
	if pc.seen == nil {
		pc.seen, pc.omitted = map[string]int{}, map[string]int{}
	}
	if p.Reason != pc.lastReason || pc.lastKey == "" {
		pc.lastReason, pc.lastKey = p.Reason, problemKey(p.Reason)
	}
	k := pc.lastKey
	pc.seen[k]++
	if pc.seen[k] <= maxProblemsPerReason {
		return true
	}
	pc.omitted[k]++
	return false
}

// bound drops from ps, in place, the problems past the first of each
// reason, and adds what it dropped to omitted: a chunk's problems are
// bounded where they are found, in parallel, before the file's are.
func (pc *problemCounter) bound(ps []Problem) []Problem {
	kept := ps[:0]
	for _, p := range ps {
		if pc.keep(p) {
			kept = append(kept, p)
		}
	}
	clear(ps[len(kept):]) // the reasons dropped can go
	return kept
}

// addOmitted adds the counts of problems left out elsewhere.
func (pc *problemCounter) addOmitted(omitted map[string]int) {
	if len(omitted) == 0 {
		return
	}
	if pc.omitted == nil {
		pc.seen, pc.omitted = map[string]int{}, map[string]int{}
	}
	for k, n := range omitted {
		pc.omitted[k] += n
	}
}

// boundProblems keeps, in order, the first maxProblemsPerReason problems of
// each reason in ps, and closes the list with one problem per reason that
// had more: those left out here, plus omitted[reason] left out before (by
// a problemCounter). what names the things counted ("lines", "entries").
func boundProblems(ps []Problem, omitted map[string]int, what string) []Problem {
	count := map[string]int{}
	first := map[string]Problem{}
	var order []string
	out := ps[:0:0]
	for _, p := range ps {
		k := problemKey(p.Reason)
		if count[k] == 0 {
			first[k] = p
			order = append(order, k)
		}
		if count[k]++; count[k] <= maxProblemsPerReason {
			out = append(out, p)
		}
	}
	for k := range omitted {
		if count[k] == 0 { // cannot happen: the first ones are kept
			delete(omitted, k)
		}
	}
	for _, k := range order {
		n := max(count[k]-maxProblemsPerReason, 0) + omitted[k]
		if n == 0 {
			continue
		}
		f := first[k]
		out = append(out, Problem{File: f.File, Omitted: n,
			Reason: fmt.Sprintf("and %d more %s with this reason: %s", n, what, f.Reason)})
	}
	if len(out) == len(ps) {
		return ps
	}
	return out
}
