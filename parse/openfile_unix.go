//go:build unix

package parse

import (
	"os"
	"syscall"
)

// openFile opens a file for reading without waiting for a writer when it
// is a named pipe; openRegular then refuses anything but a regular file.
// O_NONBLOCK has no effect on reading a regular file.
func openFile(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
