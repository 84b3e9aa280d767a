package main

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The outputs of a run, as an attacker or an unlucky user would give them:
// each case runs the command and checks its status, its message, and what
// is left on disk.
func TestOutputDestinations(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  func(dir string) []string
		code  int
		say   string
		check func(t *testing.T, dir string)
	}{
		{"three outputs to standard output", func(dir string) []string {
			return []string{"-o", "-", "--json", "-", "--csv", "-"}
		}, 2, "two outputs to standard output", nil},
		{"the JSON and the HTML to one file", func(dir string) []string {
			return []string{"-o", filepath.Join(dir, "x"), "--json", filepath.Join(dir, "x")}
		}, 2, "are the same file", func(t *testing.T, dir string) { mustNotExist(t, filepath.Join(dir, "x")) }},
		{"one file by two names", func(dir string) []string {
			return []string{"-o", filepath.Join(dir, "r.html"), "--csv", filepath.Join(dir, ".", "sub", "..", "r.html")}
		}, 2, "are the same file", nil},
		{"a folder that does not exist, checked before the work", func(dir string) []string {
			return []string{"-o", filepath.Join(dir, "missing", "r.html"), "--json", filepath.Join(dir, "ok.json")}
		}, 1, "cannot create the output", func(t *testing.T, dir string) { mustNotExist(t, filepath.Join(dir, "ok.json")) }},
		{"a folder as the output", func(dir string) []string {
			return []string{"-o", dir}
		}, 2, "not a regular file (a folder)", nil},
		{"a symbolic link to a file: the file is replaced, the link kept", func(dir string) []string {
			target := filepath.Join(dir, "real.html")
			os.WriteFile(target, []byte("old"), 0o600)
			os.Symlink(target, filepath.Join(dir, "link.html"))
			return []string{"-o", filepath.Join(dir, "link.html")}
		}, 0, "", func(t *testing.T, dir string) {
			fi, err := os.Lstat(filepath.Join(dir, "link.html"))
			if err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "real.html")); !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
				t.Errorf("the file the link points at holds %.20q", b)
			}
		}},
		{"a symbolic link to nowhere", func(dir string) []string {
			os.Symlink(filepath.Join(dir, "nowhere", "x"), filepath.Join(dir, "dangling"))
			return []string{"-o", filepath.Join(dir, "dangling")}
		}, 2, "a symbolic link to nowhere", nil},
		{"a pipe nobody reads: refused at once, no hang", func(dir string) []string {
			p := filepath.Join(dir, "fifo")
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skip(err)
			}
			return []string{"--json", p, "-o", filepath.Join(dir, "r.html")}
		}, 1, "a pipe that no program reads", func(t *testing.T, dir string) {
			mustBeFIFO(t, filepath.Join(dir, "fifo"))
			mustNotExist(t, filepath.Join(dir, "r.html"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := runBounded(t, append([]string{"report", sample, "--as-of", "2026-11-23", "--quiet"}, tc.args(dir)...)...)
			if code != tc.code || !strings.Contains(stderr, tc.say) {
				t.Fatalf("exit %d, stderr %q; want exit %d saying %q", code, stderr, tc.code, tc.say)
			}
			if tc.check != nil {
				tc.check(t, dir)
			}
			noTemps(t, dir)
		})
	}
}

// A pipe with a reader is written through, and stays a pipe.
func TestOutputToFIFOWithReader(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(p) // blocks until the writer opens
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	time.Sleep(50 * time.Millisecond) // let the reader open first
	code, _, stderr := runBounded(t, "inspect", sample, "--json", p, "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if s := <-got; !strings.Contains(s, `"schema":"exposure/v1"`) {
		t.Errorf("the reader got %.80q", s)
	}
	mustBeFIFO(t, p)
}

// A character device is written through, never renamed over: a copy of
// /dev/null made in the test folder (as root) stands for it.
func TestOutputToDevice(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, int(1<<8|3)); err != nil {
		t.Skipf("cannot make a device node here: %v", err)
	}
	code, _, stderr := runBounded(t, "report", sample, "--as-of", "2026-11-23", "--quiet", "-o", p, "--json", filepath.Join(dir, "r.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	fi, err := os.Lstat(p)
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v %v", fi.Mode(), err)
	}
	noTemps(t, dir)
}

func mustNotExist(t *testing.T, p string) {
	t.Helper()
	if _, err := os.Lstat(p); err == nil {
		t.Errorf("%s was written", p)
	}
}

func mustBeFIFO(t *testing.T, p string) {
	t.Helper()
	if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a pipe: %v %v", p, fi.Mode(), err)
	}
}

// noTemps: no temporary output is left behind.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(matches) > 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

// The policy file is read only if it is a regular file of a policy's size:
// a pipe would block the open, /dev/zero would never end.
func TestPolicyFileRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(100 << 20) // sparse: nothing is written
	f.Close()
	for _, tc := range []struct{ file, say string }{
		{fifo, "not a regular file"},
		{"/dev/zero", "not a regular file"},
		{big, "a policy is at most"},
	} {
		start := time.Now()
		code, _, stderr := runBounded(t, "policy", "--policy", tc.file)
		if code != 1 || !strings.Contains(stderr, tc.say) || time.Since(start) > 5*time.Second {
			t.Errorf("%s: exit %d after %v, stderr %q; want exit 1 saying %q", tc.file, code, time.Since(start), stderr, tc.say)
		}
	}
}

func TestMaxRatioRefused(t *testing.T) {
	for _, v := range []string{"NaN", "0", "-1", "+Inf", "0.5"} {
		code, _, stderr := runBounded(t, "inspect", sample, "--max-ratio", v)
		if code != 2 || !strings.Contains(stderr, "--max-ratio") {
			t.Errorf("--max-ratio %s: exit %d, stderr %q", v, code, stderr)
		}
	}
}

// Names from the archive reach the terminal escaped: an escape sequence in
// an entry name neither clears the screen nor retitles the window, and a
// line break does not forge a line.
func TestNamesEscapedInTerminal(t *testing.T) {
	dir := t.TempDir()
	evil := []string{"a\x1b[2Jb.csv", "t\x1b]0;pwned\x07.csv", "row\r\nFAKE.csv"}
	var notExport, export []zipEntry
	for _, n := range evil {
		notExport = append(notExport, zipEntry{name: n, data: []byte("x\n1\n")})
	}
	export = append(sampleEntries(t), notExport...)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"inspect", buildZip(t, dir, "not-export.zip", notExport...)}, 1},
		{[]string{"inspect", buildZip(t, dir, "Complete_LinkedInDataExport_11-15-2026.zip", export...), "--quiet"}, 0},
	} {
		code, stdout, stderr := runBounded(t, tc.args...)
		if code != tc.code {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr)
		}
		out := stdout + stderr
		if strings.ContainsAny(out, "\x1b\x07\r") {
			t.Errorf("%v: a control character reached the terminal: %q", tc.args, out)
		}
		if !strings.Contains(out, `a\x1b[2Jb.csv`) {
			t.Errorf("%v: the name is not shown escaped: %q", tc.args, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "FAKE") {
				t.Errorf("%v: a name forged a line: %q", tc.args, line)
			}
		}
	}
}

// Two exports of different members are compared with a warning.
func TestDiffWarnsOtherMember(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other")
	os.CopyFS(other, os.DirFS(sample))
	os.WriteFile(filepath.Join(other, "Registration.csv"), []byte("Registered At,Registration Ip,Subscription Types\n\"3/2/15, 9:00 AM\",192.0.2.9,\n"), 0o600)
	code, _, stderr := runBounded(t, "diff", other, sample, "--as-of", "2026-11-23", "--quiet")
	if code != 0 || !strings.Contains(stderr, "two different members") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runBounded(t, "diff", sample, sample, "--as-of", "2026-11-23", "--quiet")
	if code != 0 || strings.Contains(stderr, "different members") {
		t.Errorf("the same export: exit %d, stderr %q", code, stderr)
	}
	// Registered the same day, another name: warned, the names not printed.
	renamed := filepath.Join(dir, "renamed")
	os.CopyFS(renamed, os.DirFS(sample))
	profile, err := os.ReadFile(filepath.Join(sample, "Profile.csv"))
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(profile), "\nÉlise,Vandermeulen,", "\nZoé,Autre,", 1)
	if changed == string(profile) {
		t.Fatal("the sample's Profile.csv does not start with the expected name")
	}
	os.WriteFile(filepath.Join(renamed, "Profile.csv"), []byte(changed), 0o600)
	code, _, stderr = runBounded(t, "diff", renamed, sample, "--as-of", "2026-11-23", "--quiet")
	if code != 0 || !strings.Contains(stderr, "the names in their Profile.csv differ") || strings.Contains(stderr, "Zoé") {
		t.Errorf("another name: exit %d, stderr %q", code, stderr)
	}
}

// The report's terminal summary says that reading met problems, and where
// to look.
func TestReportSaysProblems(t *testing.T) {
	dir := t.TempDir()
	entries := append(sampleEntries(t), zipEntry{name: "Reactions.csv", data: []byte("Date,Type,Link\nnot a date,LIKE,https://example.com/1\nsoon,LIKE,https://example.com/2\n")})
	p := buildZip(t, dir, "Complete_LinkedInDataExport_11-15-2026.zip", entries...)
	code, stdout, stderr := runBounded(t, "report", p, "-o", filepath.Join(dir, "r.html"), "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Problems: 2 in 1 files (Reactions.csv 2)") || !strings.Contains(stdout, "exposure inspect") {
		t.Errorf("no problem line in:\n%s", stdout)
	}
}

// Ctrl-C or SIGTERM while a report is written removes its temporary files,
// which hold the member's data, and exits 130 or 143. The command runs as
// a child process (this test binary, see TestMain) on an export large
// enough to be still reading when the signal comes.
func TestSignalRemovesTemps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large export")
	}
	dir := t.TempDir()
	archive := largeExport(t, dir, 400_000)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		out := t.TempDir()
		cmd := exec.Command(os.Args[0], "report", archive, "-o", filepath.Join(out, "r.html"),
			"--json", filepath.Join(out, "r.json"), "--csv", filepath.Join(out, "r.csv"), "--quiet")
		cmd.Env = append(os.Environ(), "EXPOSURE_RUN_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForTemps(t, out)
		cmd.Process.Signal(tc.sig)
		err := cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != tc.code {
			t.Errorf("%v: exit %d (%v), want %d", tc.sig, code, err, tc.code)
		}
		if left, _ := os.ReadDir(out); len(left) > 0 {
			t.Errorf("%v: left behind: %v", tc.sig, left)
		}
	}
}

// waitForTemps waits until the outputs' temporary files exist: the run
// has begun writing.
func waitForTemps(t *testing.T, dir string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) >= 3 {
			time.Sleep(300 * time.Millisecond)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the run never began writing its outputs")
}

// largeExport writes a ZIP of the sample's small files and a messages.csv
// of n rows, written row by row (about 90 bytes each).
func largeExport(t *testing.T, dir string, n int) string {
	t.Helper()
	p := filepath.Join(dir, "Complete_LinkedInDataExport_11-15-2026.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := newZipWriter(f)
	for _, e := range sampleEntries(t) {
		zw.add(t, e.name, e.data)
	}
	w := zw.create(t, "messages.csv")
	bw := bufio.NewWriter(w)
	bw.WriteString("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n")
	for i := range n {
		fmt.Fprintf(bw, "c%d,,Ann Example,,Bob Example,,2025-%02d-%02d 10:%02d:00 UTC,,Message number %d,INBOX,\n", i%997, i%12+1, i%28+1, i%60, i)
	}
	bw.Flush()
	zw.close(t)
	return p
}

// TestMain runs the command itself when a test starts this binary as a
// child process (EXPOSURE_RUN_MAIN=1), for what only a whole process can
// show: signals and exit codes.
func TestMain(m *testing.M) {
	if os.Getenv("EXPOSURE_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// zipWriter streams entries into a ZIP file.
type zipWriter struct{ zw *zip.Writer }

func newZipWriter(w io.Writer) *zipWriter { return &zipWriter{zip.NewWriter(w)} }

func (z *zipWriter) create(t *testing.T, name string) io.Writer {
	t.Helper()
	w, err := z.zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (z *zipWriter) add(t *testing.T, name string, data []byte) { z.create(t, name).Write(data) }

func (z *zipWriter) close(t *testing.T) {
	t.Helper()
	if err := z.zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// maxHostileHeap bounds the heap a run may take on the hostile cases of
// this file (issue "Hostile input, round two": at most 300 MB).
const maxHostileHeap = 300 << 20

// runBounded is runCmd, failing the test if the heap in use went past
// maxHostileHeap while the command ran (sampled every 2 ms).
func runBounded(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	runtime.GC()
	stop, peak := make(chan struct{}), make(chan uint64)
	go func() {
		var most uint64
		var ms runtime.MemStats
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			most = max(most, ms.HeapInuse)
			select {
			case <-stop:
				peak <- most
				return
			case <-tick.C:
			}
		}
	}()
	code, stdout, stderr = runCmd(t, args...)
	close(stop)
	if most := <-peak; most > maxHostileHeap {
		t.Errorf("%v: the heap reached %d MiB", args, most>>20)
	}
	return code, stdout, stderr
}
