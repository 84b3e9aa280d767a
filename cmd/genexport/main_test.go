package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	for _, f := range zr.File {
		if f.Name == "messages.csv" {
			found = true
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
