package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"exposure/internal/synth"
)

// BenchmarkReport runs `exposure report` as bench/run.sh does (HTML and
// JSON) on a generated export (synth scale 10, about 16 MB), or on
// EXPOSURE_BENCH_ARCHIVE when it is set, for profiles of the whole pipeline:
//
//	EXPOSURE_BENCH_ARCHIVE=$PWD/bench/out/export-1GB.zip go test ./cmd/exposure \
//	    -run '^$' -bench Report -benchtime 1x -cpuprofile cpu.prof -memprofile mem.prof
//
// MB/s is of the archive's uncompressed bytes.
func BenchmarkReport(b *testing.B) {
	archive := os.Getenv("EXPOSURE_BENCH_ARCHIVE")
	if archive == "" {
		archive = benchArchive(b)
	}
	size := inflatedSize(b, archive)
	out := b.TempDir()
	args := []string{"report", archive, "-o", filepath.Join(out, "report.html"), "--json", filepath.Join(out, "result.json"),
		"--region", "EU", "--opt-out", "2025-12-01", "--as-of", "2026-11-23", "--quiet"}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}

// benchArchive generates the export as a ZIP in a temporary folder.
func benchArchive(b *testing.B) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "Complete_LinkedInDataExport_11-15-2026.zip")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	zw := zip.NewWriter(f)
	opt := synth.SampleOptions()
	opt.Scale = 10
	if err := synth.Write(synth.ZipFS(zw), opt); err != nil {
		b.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

func inflatedSize(b *testing.B, archive string) int64 {
	b.Helper()
	zr, err := zip.OpenReader(archive)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	var n int64
	for _, f := range zr.File {
		n += int64(f.UncompressedSize64)
	}
	return n
}
