package filemode

import (
	"io/fs"
	"testing"
)

func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		mode fs.FileMode
		want string
	}{
		{fs.ModeDir | 0o755, "a folder"},
		{fs.ModeNamedPipe, "a named pipe (FIFO)"},
		{fs.ModeSocket, "a socket"},
		{fs.ModeDevice, "a device"},
		{fs.ModeDevice | fs.ModeCharDevice, "a device"},
		{fs.ModeSymlink, "a symbolic link"},
		{fs.ModeIrregular, "a special file"},
	} {
		if got := Describe(c.mode); got != c.want {
			t.Errorf("Describe(%v) = %q, want %q", c.mode, got, c.want)
		}
	}
}
