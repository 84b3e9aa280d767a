package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"exposure/internal/synth"
)

func runArgs(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{},
		{"-out", dir, "-zip", filepath.Join(dir, "x.zip")},
		{"-out", filepath.Join(dir, "a"), "-scale", "0"},
		{"-out", filepath.Join(dir, "a"), "-scale", "-3"},
		{"-out", filepath.Join(dir, "a"), "-date", "15/11/2026"},
		{"-out", filepath.Join(dir, "a"), "extra"},
		{"-nosuchflag"},
	} {
		if code, _, stderr := runArgs(args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
}

func TestOutRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "export")
	if code, _, stderr := runArgs("-out", out, "-scale", "0.05"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "Connections.csv")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runArgs("-out", out, "-scale", "0.05")
	if code != 2 || !strings.Contains(stderr, out) {
		t.Errorf("second run without -force: exit %d, %q", code, stderr)
	}
	// -force replaces an export, and removes files the new one does not have.
	stray := filepath.Join(out, "Old_File.csv")
	os.WriteFile(stray, []byte("a\n"), 0o644)
	if code, _, stderr := runArgs("-out", out, "-scale", "0.05", "-force"); code != 0 {
		t.Fatalf("-force: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(stray); err == nil {
		t.Error("-force kept a file of the previous folder")
	}
	// …but never a folder holding anything else.
	os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644)
	code, _, stderr = runArgs("-out", out, "-force")
	if code != 2 || !strings.Contains(stderr, "notes.txt") {
		t.Errorf("-force over a foreign file: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "notes.txt")); err != nil {
		t.Error("the foreign file was deleted")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary folders left behind: %v", entries)
	}
}

func TestZip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "Complete_LinkedInDataExport_11-15-2026.zip")
	if code, _, stderr := runArgs("-zip", name, "-scale", "0.1"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found := false
	now := synth.SampleOptions().Now
	for _, f := range zr.File {
		if f.Name == "messages.csv" {
			found = true
		}
		if !f.Modified.Equal(now) {
			t.Errorf("%s: modified %v, want the export date %v", f.Name, f.Modified, now)
		}
	}
	if !found {
		t.Error("no messages.csv in the zip")
	}
	if code, _, _ := runArgs("-zip", name); code != 2 {
		t.Errorf("existing zip without -force: exit %d, want 2", code)
	}
}

func TestIOErrorExit1(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain-file")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, args := range [][]string{
		{"-out", filepath.Join(file, "export")},
		{"-zip", filepath.Join(file, "export.zip")},
	} {
		code, _, stderr := runArgs(args...)
		if code != 1 || !strings.Contains(stderr, file) {
			t.Errorf("%q: exit %d, %q; want 1 and the path", args, code, stderr)
		}
	}
}

func TestSizeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-out", filepath.Join(dir, "a"), "-size", "5MB", "-scale", "2"},
		{"-out", filepath.Join(dir, "a"), "-size", "lots"},
		{"-out", filepath.Join(dir, "a"), "-size", "-5MB"},
		{"-out", filepath.Join(dir, "a"), "-size", "0"},
		{"-out", filepath.Join(dir, "a"), "-size", "5PB"},
	} {
		if code, _, stderr := runArgs(args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
}

// dirDigest hashes every file of dir, names and bytes, and sums their sizes.
func dirDigest(t *testing.T, dir string) (string, int64) {
	t.Helper()
	h := sha256.New()
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		total += int64(len(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil)), total
}

func TestSize(t *testing.T) {
	if testing.Short() {
		t.Skip("writes two 5 MB exports")
	}
	dir := t.TempDir()
	var digests []string
	for _, name := range []string{"a", "b"} {
		out := filepath.Join(dir, name)
		code, stdout, stderr := runArgs("-out", out, "-size", "5MB", "-seed", "7")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "-size 5MB: scale") {
			t.Errorf("stdout %q does not state the scale and the achieved size", stdout)
		}
		d, total := dirDigest(t, out)
		if total < 4_250_000 || total > 5_750_000 {
			t.Errorf("-size 5MB wrote %d bytes; want 5 MB ±15%%", total)
		}
		digests = append(digests, d)
	}
	if digests[0] != digests[1] {
		t.Error("the same -size and -seed gave different bytes")
	}
	// Another seed: another export of about the same size.
	out := filepath.Join(dir, "c")
	if code, _, stderr := runArgs("-out", out, "-size", "5MB", "-seed", "8"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if d, total := dirDigest(t, out); d == digests[0] || total < 4_250_000 || total > 5_750_000 {
		t.Errorf("seed 8: %d bytes, same digest %v", total, d == digests[0])
	}
}

// TestSizeMix checks that the high-volume files make up a large export:
// messages, reactions, search queries and connections above all.
func TestSizeMix(t *testing.T) {
	opt := synth.SampleOptions()
	s, err := scaleFor(20e6, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Scale = s
	m := &mixFS{sizes: map[string]int64{}}
	if err := synth.Write(m, opt); err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, n := range m.sizes {
		total += n
	}
	if total < 17e6 || total > 23e6 {
		t.Errorf("scaleFor(20 MB) gave %d bytes", total)
	}
	big := m.sizes["messages.csv"] + m.sizes["Reactions_"+synth.MemberID+".csv"] + m.sizes["SearchQueries.csv"] + m.sizes["Connections.csv"]
	if float64(big) < 0.7*float64(total) {
		t.Errorf("messages, reactions, searches and connections are %d of %d bytes; want most", big, total)
	}
}

type mixFS struct{ sizes map[string]int64 }

func (m *mixFS) Create(name string) (io.WriteCloser, error) {
	return &mixFile{m, name}, nil
}

type mixFile struct {
	m    *mixFS
	name string
}

func (f *mixFile) Write(p []byte) (int, error) {
	f.m.sizes[f.name] += int64(len(p))
	return len(p), nil
}
func (f *mixFile) Close() error { return nil }
