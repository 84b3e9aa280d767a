// Package filemode names the kinds of file that are not regular files, in
// the words of the messages that refuse them: an export given as a named
// pipe, an output pointed at a folder. Both the reader (parse) and the
// command line (its outputs) say it the same way.
package filemode

import "io/fs"

// Describe says what kind of file m is when it is not a regular file:
// "a folder", "a named pipe (FIFO)", "a socket", "a device", "a symbolic
// link", or else "a special file".
func Describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}
