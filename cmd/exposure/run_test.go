package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndHelp(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"no arguments prints usage", nil, exitOK, "Usage:", ""},
		{"help", []string{"--help"}, exitOK, "exposure inspect ARCHIVE", ""},
		{"inspect help", []string{"inspect", "--help"}, exitOK, "--json", ""},
		{"report help", []string{"report", "--help"}, exitOK, "Usage: exposure [report]", ""},
		{"version", []string{"version"}, exitOK, "exposure ", ""},
		{"unknown flag", []string{"inspect", "--nope"}, exitUsage, "", "unknown flag: --nope"},
		{"inspect without archive", []string{"inspect"}, exitUsage, "", "give the export to inspect"},
		{"version with arguments", []string{"version", "x"}, exitUsage, "", "takes no arguments"},
		{"missing archive", []string{"inspect", "/no/such/export.zip"}, exitInput, "", "/no/such/export.zip: no such file or folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errs)
			}
			if !strings.Contains(out, tt.inStdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.inStdout, out)
			}
			if !strings.Contains(errs, tt.inStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.inStderr, errs)
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
				t.Errorf("a panic reached the user:\n%s", errs)
			}
		})
	}
}

func TestInspectSample(t *testing.T) {
	code, out, errs := runCmd(t, "inspect", filepath.Join("..", "..", "sample_export"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Connections.csv", "messages.csv", "Shares_", "Problems: none", "Future_Feature.csv"} {
		if !strings.Contains(out, want) {
			t.Errorf("inspect output lacks %q", want)
		}
	}
}

func TestInspectJSON(t *testing.T) {
	out := filepath.Join(t.TempDir(), "inspect.json")
	code, _, errs := runCmd(t, "inspect", filepath.Join("..", "..", "sample_export"), "--json", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema string `json:"schema"`
		Files  []struct {
			Path                  string
			Rows, Items, Rejected int
		} `json:"files"`
		Totals struct {
			Items int `json:"items"`
		} `json:"totals"`
		Items  []map[string]any `json:"items"`
		Member any              `json:"member"`
		Policy any              `json:"policy"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("inspect --json is not JSON: %v", err)
	}
	if doc.Schema != "exposure/v1" || doc.Member != nil || doc.Policy != nil {
		t.Errorf("schema %q member %v policy %v: inspect form wants exposure/v1 without member and policy", doc.Schema, doc.Member, doc.Policy)
	}
	if len(doc.Items) != doc.Totals.Items || len(doc.Items) == 0 {
		t.Errorf("%d items listed, totals say %d", len(doc.Items), doc.Totals.Items)
	}
	for _, f := range doc.Files {
		if f.Rows != f.Items+f.Rejected {
			t.Errorf("%s: rows %d != items %d + rejected %d", f.Path, f.Rows, f.Items, f.Rejected)
		}
	}
	for _, it := range doc.Items[:10] {
		if _, ok := it["outcome"]; ok {
			t.Errorf("inspect item carries an outcome: %v", it)
		}
	}
}

func TestOutputInsideInputRefused(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "export")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "Skills.csv"), []byte("Name\nGDPR\n"), 0o644)
	code, _, errs := runCmd(t, "inspect", src, "--json", filepath.Join(src, "out.json"))
	if code != exitUsage || !strings.Contains(errs, "inside the input folder") {
		t.Errorf("exit %d, stderr %q: want a refusal", code, errs)
	}
	if _, err := os.Stat(filepath.Join(src, "out.json")); err == nil {
		t.Error("output written inside the input folder")
	}
}
