package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestQuietAndNoTerminal: the bar is never drawn on a stderr that is not a
// terminal, with or without --quiet, on every command that reads an export.
func TestQuietAndNoTerminal(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report", sample, "-o", filepath.Join(dir, "r.html"), "--region", "EU", "--quiet"},
		{"inspect", sample, "-q"},
		{"inspect", sample},
		{"diff", sample, sample, "--region", "EU", "--quiet"},
	} {
		code, _, errs := runCmd(t, args...)
		if code != exitOK {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		if errs != "" {
			t.Errorf("%q: stderr %q; want nothing", args, errs)
		}
	}
	f, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer taken for a terminal")
	}
}

// TestBar draws the bar into a buffer, as it would on a terminal, and
// checks that it ends erased.
func TestBar(t *testing.T) {
	var buf bytes.Buffer
	b := newBar(&buf, "Reading export.zip")
	for _, d := range []int64{0, 10 << 20, 50 << 20, 120 << 20} { // past its end: a lying header
		b.set(d, 100<<20)
		time.Sleep(150 * time.Millisecond) // the bar redraws every 100 ms
	}
	b.finish()
	out := buf.String()
	if !strings.Contains(out, "Reading export.zip") || !strings.Contains(out, "MB") {
		t.Errorf("bar output %q", out)
	}
	if strings.Contains(out, "125.8 MB / 104.9 MB") {
		t.Errorf("the bar ran past its end: %q", out)
	}
	// On a terminal mpb redraws the line in place and removes it when the
	// bar is dropped; a buffer gets one line per redraw (seen in tmux).
	newBar(&buf, "x").finish() // never started: nothing to do
	if got := shortNames([]string{"/a/Basic.zip", "/b/Complete.zip", "c"}); got != "Basic.zip, Complete.zip, …" {
		t.Errorf("shortNames: %q", got)
	}
}
