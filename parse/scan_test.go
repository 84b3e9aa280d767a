package parse

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// withChunkSize reads inputs with files cut into chunks of about size bytes.
func withChunkSize(t *testing.T, size int, inputs ...string) *Export {
	t.Helper()
	old := chunkSize
	chunkSize = size
	defer func() { chunkSize = old }()
	x, err := Read(inputs...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// Cutting files into chunks parsed on several cores changes nothing: not an
// item, an ID, a line, a problem, a note or a count. Every family fixture
// and the sample export are read with one record per chunk, with chunks of
// a few records, and whole; the family tests check the whole reads against
// their expected items.
func TestChunkSizeChangesNothing(t *testing.T) {
	inputs := map[string]string{"sample_export": sampleDir}
	for _, tc := range familyCases(t) {
		inputs[tc.name] = writeFolder(t, tc.files)
	}
	for name, in := range inputs {
		whole := withChunkSize(t, 1<<30, in)
		for _, size := range []int{1, 90, 4096} {
			got := withChunkSize(t, size, in)
			if diff := cmp.Diff(whole, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s, chunks of %d bytes (-whole +chunked):\n%s", name, size, diff)
			}
		}
	}
}

// orderSink records what Scan hands it.
type orderSink struct {
	inFlight, maxFlight atomic.Int64
	committed           []int
	items               int
}

func (s *orderSink) Process(b *Batch) {
	n := s.inFlight.Add(1)
	for {
		m := s.maxFlight.Load()
		if n <= m || s.maxFlight.CompareAndSwap(m, n) {
			break
		}
	}
}

func (s *orderSink) Commit(b *Batch) {
	s.inFlight.Add(-1)
	s.committed = append(s.committed, b.Seq())
	s.items += len(b.Items)
}

// Batches are committed in order, each once, and no more of them are in
// flight than Scan allows, however many the export has: the bound on memory.
func TestScanCommitsInOrderWithinBound(t *testing.T) {
	old := chunkSize
	chunkSize = 512
	defer func() { chunkSize = old }()
	sink := &orderSink{}
	var facts Member
	x, err := Scan(DefaultLimits, nil, []string{sampleDir}, func(m Member) (Sink, error) {
		facts = m
		return sink, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.committed) < 1000 {
		t.Fatalf("%d batches; the test needs many", len(sink.committed))
	}
	for i, seq := range sink.committed {
		if seq != i {
			t.Fatalf("batch %d committed at position %d", seq, i)
		}
	}
	if limit := int64(4 * runtime.GOMAXPROCS(0)); sink.maxFlight.Load() > limit {
		t.Errorf("%d batches in flight, limit %d", sink.maxFlight.Load(), limit)
	}
	items := 0
	for _, f := range x.Files {
		items += f.Items
	}
	if sink.items != items || items == 0 {
		t.Errorf("sink got %d items, files account for %d", sink.items, items)
	}
	if facts != x.Member {
		t.Errorf("start was given %+v, the export's facts are %+v", facts, x.Member)
	}
	if len(x.Items) != 0 {
		t.Errorf("Scan kept %d items", len(x.Items))
	}
}

// panicSink panics while processing the batches of one file.
type panicSink struct {
	file  string
	items int
}

func (s *panicSink) Process(b *Batch) {
	if len(b.Items) > 0 && b.Items[0].File == s.file {
		panic("a bug")
	}
}

func (s *panicSink) Commit(b *Batch) { s.items += len(b.Items) }

// A panic while processing one file's rows (a bug) does not stop the run
// or hang it: the file is named in a problem and the other files are read.
func TestScanSurvivesAPanic(t *testing.T) {
	sink := &panicSink{file: "Shares_183746529.csv"}
	x, err := Scan(DefaultLimits, nil, []string{sampleDir}, func(Member) (Sink, error) { return sink, nil })
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range x.Problems {
		found = found || (p.File == sink.file && strings.Contains(p.Reason, "internal error"))
	}
	if !found {
		t.Errorf("no problem names %s: %v", sink.file, x.Problems)
	}
	if len(x.Files) != 70 || sink.items < 8000 {
		t.Errorf("%d files, %d items committed; the rest of the export should be read", len(x.Files), sink.items)
	}
}
