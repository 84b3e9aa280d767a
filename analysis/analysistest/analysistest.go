// Package analysistest runs the analysis engine over items held in memory,
// for tests: the same Stream and DiffSide as analysis.Run and
// analysis.Compare, fed in batches by the caller rather than by parse.Scan.
package analysistest

import (
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
)

// Case is what one analysis of items in memory needs.
type Case struct {
	Policy  *policy.Policy // nil: inspect
	Member  policy.Member
	AsOf    time.Time
	TopN    int
	Writers []analysis.ItemWriter
}

// Analyse classifies and tallies items, accounted for by x, as the command
// line does while reading x, and writes them to c.Writers.
func Analyse(x *parse.Export, items []parse.Item, c Case) (*analysis.Result, error) {
	s := analysis.NewStream(c.Policy, c.Member, c.AsOf, c.TopN, c.Writers)
	Feed(s, items)
	return s.Finish(x)
}

// Feed runs items through a sink in batches, as parse.Scan does.
func Feed(s parse.Sink, items []parse.Item) {
	const size = 4096
	for seq := 0; seq*size < len(items); seq++ {
		b := parse.NewBatch(items[seq*size:min((seq+1)*size, len(items))], seq)
		s.Process(b)
		s.Commit(b)
	}
}

// Side is one export of a comparison held in memory.
type Side struct {
	Export *parse.Export
	Items  []parse.Item
	Case   Case
}

// Compare compares two exports held in memory as analysis.Compare does.
func Compare(old, cur Side) (*analysis.Diff, error) {
	n := analysis.NewDiffSide(analysis.NewStream(cur.Case.Policy, cur.Case.Member, cur.Case.AsOf, 0, nil), 0)
	Feed(n, cur.Items)
	newR, err := n.Finish(cur.Export)
	if err != nil {
		return nil, err
	}
	o := n.Against(analysis.NewStream(old.Case.Policy, old.Case.Member, old.Case.AsOf, 0, nil))
	Feed(o, old.Items)
	oldR, err := o.Finish(old.Export)
	if err != nil {
		return nil, err
	}
	return o.Diff(oldR, newR), nil
}
