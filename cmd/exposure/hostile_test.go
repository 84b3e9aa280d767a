package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// Hostile and broken inputs, each built in the test: the command must end
// with the right status and a message naming the file, never a panic trace,
// and the rest of an archive must still be analysed.

type zipEntry struct {
	name  string
	data  []byte
	flags uint16
	store bool
}

func buildZip(t *testing.T, dir, name string, entries ...zipEntry) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Flags: e.flags}
		if e.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sampleEntries returns a few real files of the sample, for archives that
// must otherwise be readable.
func sampleEntries(t *testing.T) []zipEntry {
	t.Helper()
	var out []zipEntry
	for _, name := range []string{"Profile.csv", "Skills.csv", "Connections.csv", "Registration.csv"} {
		data, err := os.ReadFile(filepath.Join(sample, name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, zipEntry{name: name, data: data})
	}
	return out
}

type hostileCase struct {
	name    string
	build   func(t *testing.T, dir string) []string // the arguments after the sub-command
	code    int
	message []string // all must appear in stderr (exit 1) or in the JSON problems (exit 0)
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{"truncated zip", func(t *testing.T, dir string) []string {
			p := buildZip(t, dir, "Complete_LinkedInDataExport_11-15-2026.zip", sampleEntries(t)...)
			data, _ := os.ReadFile(p)
			os.WriteFile(p, data[:len(data)/2], 0o644)
			return []string{p}
		}, exitInput, []string{"Complete_LinkedInDataExport_11-15-2026.zip", "not a readable ZIP"}},

		{"random bytes", func(t *testing.T, dir string) []string {
			r := rand.New(rand.NewPCG(1, 2))
			data := make([]byte, 1<<16)
			for i := range data {
				data[i] = byte(r.IntN(256))
			}
			p := filepath.Join(dir, "export.zip")
			os.WriteFile(p, data, 0o644)
			return []string{p}
		}, exitInput, []string{"export.zip", "not a readable ZIP"}},

		{"empty zip", func(t *testing.T, dir string) []string {
			return []string{buildZip(t, dir, "empty.zip")}
		}, exitInput, []string{"empty.zip", "not a LinkedIn data export", "it is empty"}},

		{"zip of unrelated files", func(t *testing.T, dir string) []string {
			return []string{buildZip(t, dir, "holiday.zip",
				zipEntry{name: "IMG_0001.jpg", data: []byte("\xff\xd8\xff\xe0 not really a photo")},
				zipEntry{name: "notes/todo.txt", data: []byte("buy milk")})}
		}, exitInput, []string{"holiday.zip", "not a LinkedIn data export", "IMG_0001.jpg", "notes/todo.txt"}},

		{"encrypted entries", func(t *testing.T, dir string) []string {
			var es []zipEntry
			for _, e := range sampleEntries(t) {
				e.flags = 0x1
				es = append(es, e)
			}
			return []string{buildZip(t, dir, "locked.zip", es...)}
		}, exitInput, []string{"locked.zip", "password-protected"}},

		{"empty folder", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "export")
			os.Mkdir(p, 0o755)
			return []string{p}
		}, exitInput, []string{"export", "not a LinkedIn data export", "it is empty"}},

		{"missing folder", func(t *testing.T, dir string) []string {
			return []string{filepath.Join(dir, "no-such-export")}
		}, exitInput, []string{"no-such-export", "no such file or folder"}},

		{"zip bomb (ratio)", func(t *testing.T, dir string) []string {
			bomb := zipEntry{name: "messages.csv", data: append([]byte("CONVERSATION ID,CONTENT,DATE\n"), make([]byte, 40<<20)...)}
			return []string{buildZip(t, dir, "bomb.zip", append(sampleEntries(t), bomb)...), "--max-ratio", "100"}
		}, exitOK, []string{"messages.csv", "inflates past the limit", "--max-ratio"}},

		{"zip bomb (size)", func(t *testing.T, dir string) []string {
			bomb := zipEntry{name: "Reactions.csv", data: append([]byte("Date,Type,Link\n"), bytes.Repeat([]byte("2024-01-01 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n"), 100_000)...)}
			return []string{buildZip(t, dir, "big.zip", append(sampleEntries(t), bomb)...), "--max-inflated", "1MB"}
		}, exitOK, []string{"Reactions.csv", "inflates past the limit", "--max-inflated"}},

		{"100 MB field", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "export")
			os.MkdirAll(p, 0o755)
			writeSample(t, p)
			var b bytes.Buffer
			b.WriteString("Date,Link,Message\n2024-01-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A1,\"")
			b.Write(bytes.Repeat([]byte("word "), 20<<20))
			b.WriteString("\"\n2024-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A2,short\n")
			os.WriteFile(filepath.Join(p, "Comments.csv"), b.Bytes(), 0o644)
			return []string{p}
		}, exitOK, []string{"Comments.csv", "a record of 100 MB"}},

		{"invalid UTF-8, bare quote, bad date, not CSV", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "export")
			os.MkdirAll(p, 0o755)
			writeSample(t, p)
			os.WriteFile(filepath.Join(p, "Skills.csv"), []byte("Name\nR\xe9seau\xff\nGDPR\n"), 0o644)
			os.WriteFile(filepath.Join(p, "Votes.csv"), []byte("Date,Link,OptionText\n2024-01-01 10:00:00,https://x.example/1,Yes \"please\" ok\n2024-01-02 10:00:00,https://x.example/2,No\n"), 0o644)
			os.WriteFile(filepath.Join(p, "Reactions.csv"), []byte("Date,Type,Link\nyesterday-ish,LIKE,https://x.example/3\n"), 0o644)
			os.WriteFile(filepath.Join(p, "Shares.csv"), append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2, 0xfe}, 500)...), 0o644)
			return []string{p}
		}, exitOK, []string{"Skills.csv", "not UTF-8", "Votes.csv", "bare quote", "Reactions.csv", "unrecognised date", "Shares.csv", "no header row found"}},

		{"nested archives, odd names", func(t *testing.T, dir string) []string {
			inner := buildZip(t, dir, "inner.zip", sampleEntries(t)...)
			innerData, _ := os.ReadFile(inner)
			es := append(sampleEntries(t),
				zipEntry{name: "old/Complete_2024.zip", data: innerData},
				zipEntry{name: "../../evil/Votes.csv", data: []byte("Date,Link,OptionText\n2024-01-01 10:00:00,https://x.example/1,Yes\n")},
				zipEntry{name: "/etc/cron.d/Causes You Care About.csv", data: []byte("Supported Cause\nPrivacy\n")})
			return []string{buildZip(t, dir, "odd.zip", es...)}
		}, exitOK, []string{"old/Complete_2024.zip", "not opened", "../../evil/Votes.csv", "never extracted"}},

		{"symbolic links", func(t *testing.T, dir string) []string {
			p := filepath.Join(dir, "export")
			os.MkdirAll(p, 0o755)
			writeSample(t, p)
			secret := filepath.Join(dir, "secret.csv")
			os.WriteFile(secret, []byte("Name\nsecret skill\n"), 0o644)
			if err := os.Symlink(secret, filepath.Join(p, "Languages.csv")); err != nil {
				t.Skip("no symbolic links here")
			}
			os.Symlink("/", filepath.Join(p, "root"))
			return []string{p}
		}, exitOK, []string{"Languages.csv", "symbolic link, not followed", "root"}},
	}
}

func writeSample(t *testing.T, dir string) {
	t.Helper()
	for _, e := range sampleEntries(t) {
		os.WriteFile(filepath.Join(dir, e.name), e.data, 0o644)
	}
}

func TestHostileInputs(t *testing.T) {
	var slowest time.Duration
	var slowestName string
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tc.build(t, dir)
			out := filepath.Join(t.TempDir(), "result.json")
			start := time.Now()
			code, _, errs := runCmd(t, append([]string{"inspect", "--json", out}, args...)...)
			took := time.Since(start)
			if took > slowest {
				slowest, slowestName = took, tc.name
			}
			if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") || strings.Contains(errs, "internal error") {
				t.Fatalf("a panic reached the user:\n%s", errs)
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errs)
			}
			text := errs
			if code == exitOK {
				data, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				text = problemsText(t, data)
			}
			for _, m := range tc.message {
				if !strings.Contains(text, m) {
					t.Errorf("%q missing from:\n%.3000s", m, text)
				}
			}
			if code == exitOK && !strings.Contains(text, "Profile.csv") {
				t.Errorf("the rest of the export was not analysed")
			}
		})
	}
	t.Logf("slowest case: %s, %v", slowestName, slowest)
}

// problemsText flattens what a JSON result says about its files: every
// file, problem, note, unknown file and archive problem.
func problemsText(t *testing.T, data []byte) string {
	var doc struct {
		Files []struct {
			Path     string   `json:"path"`
			Notes    []string `json:"notes"`
			Problems []struct {
				Line   int    `json:"line"`
				Reason string `json:"reason"`
			} `json:"problems"`
		} `json:"files"`
		Unknown []struct {
			Path string `json:"path"`
			Note string `json:"note"`
		} `json:"unknown_files"`
		Problems []struct {
			File   string `json:"file"`
			Reason string `json:"reason"`
		} `json:"problems"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range doc.Files {
		b.WriteString(f.Path + "\n")
		for _, p := range f.Problems {
			b.WriteString("  " + p.Reason + "\n")
		}
		for _, n := range f.Notes {
			b.WriteString("  " + n + "\n")
		}
	}
	for _, u := range doc.Unknown {
		b.WriteString(u.Path + " " + u.Note + "\n")
	}
	for _, p := range doc.Problems {
		b.WriteString(p.File + " " + p.Reason + "\n")
	}
	return b.String()
}

// treeSum hashes every file's path, mode and content under dir.
func treeSum(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		sum := ""
		if d.Type().IsRegular() {
			data, _ := os.ReadFile(p)
			h := sha256.Sum256(data)
			sum = hex.EncodeToString(h[:])
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, rel+" "+info.Mode().String()+" "+info.ModTime().String()+" "+sum)
		return nil
	})
	sort.Strings(lines)
	h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(h[:])
}

// A whole run (report, JSON and CSV) leaves the input folder as it was:
// same files, modes, times and contents, and nothing added.
func TestInputUnchanged(t *testing.T) {
	in := copySample(t)
	before := treeSum(t, in)
	out := t.TempDir()
	code, _, errs := runCmd(t, "report", in, "-o", filepath.Join(out, "r.html"), "--json", filepath.Join(out, "r.json"), "--csv", filepath.Join(out, "r.csv"), "--region", "EU")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if after := treeSum(t, in); after != before {
		t.Error("the input folder changed during the run")
	}
}

// An output replacing the input archive is refused, and the archive stays.
func TestOutputOverInputRefused(t *testing.T) {
	dir := t.TempDir()
	p := buildZip(t, dir, "export.zip", sampleEntries(t)...)
	before, _ := os.ReadFile(p)
	code, _, errs := runCmd(t, "report", p, "-o", p)
	if code != exitUsage || !strings.Contains(errs, "would replace the input") {
		t.Errorf("exit %d, %q", code, errs)
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("the input archive changed")
	}
}
