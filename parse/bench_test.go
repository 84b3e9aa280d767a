package parse

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"exposure/internal/synth"
)

// Benchmarks of the read path. Inputs are generated once per process by
// internal/synth at scale 10 (a 16 MB export, every row distinct), held in
// memory so that the disk is not measured:
//
//	go test ./parse -run '^$' -bench 'ReadCSV|ReadSample|ReadArchive' -benchtime 5x
//
// BenchmarkReadArchive reads EXPOSURE_BENCH_ARCHIVE instead when it is set
// (an archive from `genexport -size 1GB`), for profiles of a large export:
//
//	EXPOSURE_BENCH_ARCHIVE=bench/out/export-1GB.zip go test ./parse -run '^$' \
//	    -bench ReadArchive -benchtime 1x -cpuprofile cpu.prof -memprofile mem.prof

// benchScale is the synth scale of the generated inputs.
const benchScale = 10

var bench struct {
	once  sync.Once
	files map[string][]byte // the export at benchScale, by path
	zip   []byte            // the same, as a ZIP
	err   error
}

type memFS map[string]*bytes.Buffer

func (m memFS) Create(name string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	m[name] = b
	return nopWriteCloser{b}, nil
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

func benchInputs(b *testing.B) {
	b.Helper()
	bench.once.Do(func() {
		opt := synth.SampleOptions()
		opt.Scale = benchScale
		m := memFS{}
		if bench.err = synth.Write(m, opt); bench.err != nil {
			return
		}
		bench.files = map[string][]byte{}
		var names []string
		for name, buf := range m {
			bench.files[name] = buf.Bytes()
			names = append(names, name)
		}
		sort.Strings(names)
		var z bytes.Buffer
		zw := zip.NewWriter(&z)
		for _, name := range names {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: opt.Now})
			if err != nil {
				bench.err = err
				return
			}
			w.Write(bench.files[name])
		}
		bench.err = zw.Close()
		bench.zip = z.Bytes()
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
}

// repeatTo repeats the rows of a CSV file (all but its first line) until
// the file reaches size bytes.
func repeatTo(data []byte, size int) []byte {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 || len(data) >= size {
		return data
	}
	header, body := data[:nl+1], data[nl+1:]
	if len(body) > 0 && body[len(body)-1] != '\n' {
		body = append(body[:len(body):len(body)], '\n') // a file without a final newline (§1.6)
	}
	out := make([]byte, 0, size+len(body))
	out = append(out, header...)
	for len(out) < size {
		out = append(out, body...)
	}
	return out
}

// BenchmarkReadCSV reads the high-volume CSV files, each about 10 MB, through
// the whole per-file path: decoding, repairs, the CSV reader, rows to items
// and their IDs. rows/s is the figure to watch; MB/s is of the file's bytes.
func BenchmarkReadCSV(b *testing.B) {
	benchInputs(b)
	for _, name := range []string{
		"messages.csv",
		"Reactions_" + synth.MemberID + ".csv",
		"Comments_" + synth.MemberID + ".csv",
		"Shares_" + synth.MemberID + ".csv",
		"SearchQueries.csv",
		"Connections.csv",
	} {
		data := repeatTo(bench.files[name], 10<<20)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			rows := 0
			start := time.Now()
			for b.Loop() {
				r := readEntry(memEntry(name, data))
				if len(r.report.Problems) > 0 && r.report.Items == 0 {
					b.Fatalf("%s: %v", name, r.report.Problems[0])
				}
				rows += r.report.Rows
			}
			b.ReportMetric(float64(rows)/time.Since(start).Seconds(), "rows/s")
		})
	}
}

// BenchmarkReadSample reads the committed sample_export/ folder whole (from
// the page cache after the first round), as `exposure report` does.
func BenchmarkReadSample(b *testing.B) {
	root := filepath.Join("..", "sample_export")
	var size int64
	filepath.Walk(root, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			size += fi.Size()
		}
		return nil
	})
	b.SetBytes(size)
	b.ReportAllocs()
	items := 0
	start := time.Now()
	for b.Loop() {
		x, err := Read(root)
		if err != nil {
			b.Fatal(err)
		}
		items += len(x.Items)
	}
	b.ReportMetric(float64(items)/time.Since(start).Seconds(), "items/s")
}

// BenchmarkReadArchive reads a whole export from a ZIP: inflating, then
// every file on all cores. MB/s is of the uncompressed bytes.
func BenchmarkReadArchive(b *testing.B) {
	read := func() (*Export, error) {
		return ReadZip("export.zip", bytes.NewReader(bench.zip), int64(len(bench.zip)), DefaultLimits)
	}
	var size int64
	if name := os.Getenv("EXPOSURE_BENCH_ARCHIVE"); name != "" {
		zr, err := zip.OpenReader(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range zr.File {
			size += int64(f.UncompressedSize64)
		}
		zr.Close()
		read = func() (*Export, error) { return Read(name) }
	} else {
		benchInputs(b)
		for _, data := range bench.files {
			size += int64(len(data))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	items := 0
	start := time.Now()
	for b.Loop() {
		x, err := read()
		if err != nil {
			b.Fatal(err)
		}
		items += len(x.Items)
	}
	b.ReportMetric(float64(items)/time.Since(start).Seconds(), "items/s")
}
