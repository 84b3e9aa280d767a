//go:build !unix

package parse

import "os"

// openFile opens a file for reading. Where there is no O_NONBLOCK, the
// mode check openSource makes before opening is the guard against pipes.
func openFile(p string) (*os.File, error) { return os.Open(p) }
