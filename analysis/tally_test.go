package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// A bounded list keeps the first max values in its order, whatever the
// order they are offered in and however they are split between lists
// merged afterwards; values turned away once it is full are never ones
// it should have kept.
func TestBoundedList(t *testing.T) {
	less := func(a, b *int) bool { return *a < *b }
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 99, 100, 101, 1000, 5000} {
		for _, max := range []int{1, 7, 100, 2000} {
			values := rng.Perm(n)
			whole := newBoundedList(max, less)
			parts := []*boundedList[int]{newBoundedList(max, less), newBoundedList(max, less), newBoundedList(max, less)}
			for i, v := range values {
				whole.offer(v)
				parts[i%3].offer(v)
			}
			merged := newBoundedList(max, less)
			for _, p := range parts {
				merged.merge(p)
			}
			want := slices.Sorted(slices.Values(values))
			want = want[:min(max, len(want))]
			if got := whole.first(); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("n=%d max=%d: kept %v…, want %v…", n, max, head(got), head(want))
			}
			if got := merged.first(); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("n=%d max=%d, merged: kept %v…, want %v…", n, max, head(got), head(want))
			}
		}
	}
}

func head(v []int) []int { return v[:min(len(v), 5)] }
