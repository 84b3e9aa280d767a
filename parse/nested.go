package parse

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
)

// A re-zipped download: the archive's only file is the export's ZIP. That
// inner ZIP is read in place, through io.ReaderAt, never loaded whole:
//
//   - stored (zip stores a .zip, which does not compress), its bytes lie
//     as they are inside the outer file: a section of it is the inner
//     archive (whose own CRC-32 is not checked, which would read it whole;
//     each inner entry's is);
//   - deflated, it has to be inflated to be read at random: it is spilled,
//     within the same guards as any entry (MaxInflated, MaxRatio,
//     MaxTotal), to a temporary file readable by the user only, unlinked as
//     soon as it is created where the system allows it (removed when the
//     archive is closed elsewhere). Where no temporary file can be made (a
//     browser), the user is asked to unzip the outer archive once.
//
// Only one level is followed.

// openNestedZip opens the inner archive f of z; closeInner releases what
// reading it holds.
func openNestedZip(outer string, f *zip.File, z *zipArchive) (inner *zipArchive, zr *zip.Reader, closeInner func() error, err error) {
	if f.Flags&zipEncrypted != 0 {
		return nil, nil, nil, &OpenError{outer, "holds " + f.Name + ", which is password-protected; LinkedIn's archives are not: unzip it with its password and give the folder"}
	}
	var ra io.ReaderAt
	var size int64
	closeInner = func() error { return nil }
	switch f.Method {
	case zip.Store:
		off, err := f.DataOffset()
		size = int64(f.UncompressedSize64)
		if err != nil || f.CompressedSize64 != f.UncompressedSize64 || size < 0 || off > z.size || size > z.size-off {
			return nil, nil, nil, &OpenError{outer, "holds " + f.Name + ", whose data the archive does not hold whole: the archive is damaged"}
		}
		ra = io.NewSectionReader(z.ra, off, size)
	default:
		spill, n, err := spillEntry(f, z)
		if err != nil {
			return nil, nil, nil, &OpenError{outer, "cannot read the nested ZIP " + f.Name + ": " + err.Error()}
		}
		ra, size, closeInner = spill, n, spill.close
	}
	zr, err = newZipReader(outer+" ("+f.Name+")", ra, size, z.lim)
	if err != nil {
		closeInner()
		return nil, nil, nil, err
	}
	return &zipArchive{ra: ra, size: size, lim: z.lim, inflated: z.inflated}, zr, closeInner, nil
}

// spillFile is an inflated nested archive in a temporary file.
type spillFile struct {
	*os.File
	removed bool
}

func (s *spillFile) close() error {
	err := s.File.Close()
	if !s.removed {
		os.Remove(s.Name())
	}
	return err
}

// spillEntry inflates f into a temporary file, within z's limits.
func spillEntry(f *zip.File, z *zipArchive) (*spillFile, int64, error) {
	rc, err := z.open(zipSpan{f, z.size})
	if err != nil {
		return nil, 0, err
	}
	defer rc.Close()
	tmp, err := os.CreateTemp("", "exposure-nested-*.zip")
	if err != nil {
		return nil, 0, fmt.Errorf("it is compressed, and reading it needs a temporary file, which cannot be made here (%v); unzip the outer archive once and give the inner one", err)
	}
	// Unlinked at once where the system allows it: nothing is left behind,
	// whatever happens to the process.
	s := &spillFile{File: tmp, removed: os.Remove(tmp.Name()) == nil}
	n, err := io.Copy(tmp, rc)
	if err == nil {
		if d, ok := rc.(damageReporter); ok {
			err = d.damaged()
		}
	}
	if err != nil {
		s.close()
		return nil, 0, err
	}
	return s, n, nil
}
