//go:build unix

package parse

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe given as the archive is refused before open() could wait
// for a writer; one inside an export folder is skipped.
func TestNamedPipeRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "export.zip")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Read(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), fifo) || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("error %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("blocked on the named pipe")
	}

	export := exportDir(t, nil)
	if err := syscall.Mkfifo(filepath.Join(export, "Languages.csv"), 0o600); err != nil {
		t.Fatal(err)
	}
	x, err := Read(export)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := problemWith(x.Problems, "skipped"); !ok {
		t.Errorf("problems %v", x.Problems)
	}
	// A pipe put where a listed file was is not waited on either.
	if _, err := openRegular(filepath.Join(export, "Languages.csv")); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("openRegular: %v", err)
	}
	os.Remove(filepath.Join(export, "Languages.csv"))
}
