package parse

import (
	"path/filepath"
	"testing"
)

// Scan reports its progress in bytes, never going back, up to the total.
func TestScanProgress(t *testing.T) {
	sample := filepath.Join("..", "sample_export")
	var calls int
	var last, total int64 = -1, -1
	progress := func(done, tot int64) {
		calls++
		if done < last {
			t.Errorf("done went back from %d to %d", last, done)
		}
		if total >= 0 && tot != total {
			t.Errorf("total changed from %d to %d", total, tot)
		}
		last, total = done, tot
	}
	x, err := keepAll(func(start func(Member) (Sink, error)) (*Export, error) {
		return Scan(DefaultLimits, progress, []string{sample}, start)
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 10 || last <= 0 || last > total {
		t.Errorf("%d calls, done %d of %d", calls, last, total)
	}
	if float64(last) < 0.9*float64(total) {
		t.Errorf("only %d of %d bytes reported", last, total)
	}
	want, err := Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Items) != len(want.Items) || len(x.Files) != len(want.Files) {
		t.Errorf("with progress: %d items in %d files; without: %d in %d", len(x.Items), len(x.Files), len(want.Items), len(want.Files))
	}
}
