package parse

import (
	"encoding/binary"
	"math/bits"
	"os"
	"slices"
	"sort"
)

// idCounts counts the IDs of one file, for the ranks of identical rows
// (scan.rank), which need every ID of a file that may hold millions of
// rows. An ID is kept as its first 8 bytes (a fingerprint): two distinct
// IDs of one file sharing their first 64 bits, a chance of about 1 in 10^12
// for a million rows, would make the second one ranked: still unique, only
// named otherwise.
//
// Up to idMemoryLimit fingerprints are held in an open-addressing table;
// past that, the table is sorted and written to a temporary file, and only
// a Bloom filter and a sparse index of each such run stay in memory (about
// 2.1 bytes per fingerprint instead of 16 or more). Each new fingerprint is
// tested against every run's filter, and looked up on disk, one block read,
// when a filter does not rule it out (0.1% of the time); a file of N rows makes
// N/idMemoryLimit runs. The file holds fingerprints of hashes, nothing of the
// member's data, and is removed when the export's file is done. If it
// cannot be written, the table grows in memory instead.
type idCounts struct {
	slots []uint64 // 0 is empty; fingerprints are never 0
	n     int
	more  map[uint64]uint32 // occurrences after the first

	runs  []idRun
	spill *os.File
	size  int64 // bytes written to spill
	err   error // spilling failed: keep everything in memory
	block []byte
	// touched keeps touch's reads from being left out as unused.
	touched uint64
}

// idMemoryLimit is how many fingerprints are held in memory before a spill
// (2 MB of them; tests lower it).
var idMemoryLimit = 1 << 18

// idBlock is how many fingerprints a run's sparse index covers per entry:
// one 4 KB read finds a fingerprint on disk.
const idBlock = 512

// idRun is a sorted run of fingerprints written to the spill file.
type idRun struct {
	off   int64    // where it starts in the spill file
	n     int      // fingerprints
	index []uint64 // the first fingerprint of each block
	bloom []uint32 // 16 bits per fingerprint: about 0.1% false positives
}

// fingerprintOf is the fingerprint of an ID's key: never 0, the empty slot.
func fingerprintOf(key [idBytes]byte) uint64 { return binary.LittleEndian.Uint64(key[:8]) | 1 }

// add records one occurrence of key and returns how many came before it.
func (c *idCounts) add(key [idBytes]byte) uint32 { return c.addFingerprint(fingerprintOf(key)) }

// touch reads the slots a batch's fingerprints start at, and their blocks
// of the runs' filters, before any of them is added. The table and the
// filters are larger than the processor's caches, and reads that do not
// wait on one another overlap their misses; added one by one, each row
// waited for its own (a tenth of a large file's time).
func (c *idCounts) touch(fps []uint64) {
	if c.n == 0 && len(c.runs) == 0 {
		return
	}
	var x uint64
	for _, fp := range fps {
		if len(c.slots) > 0 {
			x ^= c.slots[slot(fp, len(c.slots))]
		}
		for k := range c.runs {
			x ^= uint64(c.runs[k].bloomBlock(fp)[0])
		}
	}
	c.touched = x
}

func (c *idCounts) addFingerprint(fp uint64) uint32 {
	if c.repeat(fp) {
		if c.more == nil {
			c.more = map[uint64]uint32{}
		}
		c.more[fp]++
		return c.more[fp]
	}
	c.insert(fp)
	if c.n >= idMemoryLimit && c.err == nil {
		c.spillTable()
	}
	return 0
}

// repeat reports whether fp was added before, in memory or spilled.
func (c *idCounts) repeat(fp uint64) bool {
	if c.n > 0 {
		for i := slot(fp, len(c.slots)); c.slots[i] != 0; {
			if c.slots[i] == fp {
				return true
			}
			if i++; i == len(c.slots) {
				i = 0
			}
		}
	}
	for k := range c.runs {
		if c.inRun(&c.runs[k], fp) {
			return true
		}
	}
	return false
}

func (c *idCounts) insert(fp uint64) {
	// At most half full: a lookup of a fingerprint not in the table (most
	// of them) then probes 2.5 slots on average, against 8.5 at three
	// quarters.
	if 2*(c.n+1) > len(c.slots) {
		c.grow()
	}
	i := slot(fp, len(c.slots))
	for c.slots[i] != 0 {
		if i++; i == len(c.slots) {
			i = 0
		}
	}
	c.slots[i] = fp
	c.n++
}

// grow doubles the table, so that it stays between a quarter and half
// full.
func (c *idCounts) grow() {
	old := c.slots
	c.slots = make([]uint64, max(1024, len(old)*2))
	c.n = 0
	for _, fp := range old {
		if fp != 0 {
			c.insert(fp)
		}
	}
}

// slot maps a fingerprint, uniformly distributed, onto n slots.
func slot(fp uint64, n int) int {
	hi, _ := bits.Mul64(fp, uint64(n))
	return int(hi)
}

// spillTable writes the table's fingerprints, sorted, as a new run.
func (c *idCounts) spillTable() {
	fps := c.slots[:0:len(c.slots)] // sorted in place: the table is emptied after
	for _, fp := range c.slots {
		if fp != 0 {
			fps = append(fps, fp)
		}
	}
	slices.Sort(fps)
	run, err := c.writeRun(fps)
	if err != nil {
		c.err = err
		kept := slices.Clone(fps)
		clear(c.slots)
		c.n = 0
		for _, fp := range kept {
			c.insert(fp)
		}
		return
	}
	c.runs = append(c.runs, run)
	clear(c.slots)
	c.n = 0
}

func (c *idCounts) writeRun(fps []uint64) (idRun, error) {
	if c.spill == nil {
		f, err := os.CreateTemp("", "exposure-ids-*")
		if err != nil {
			return idRun{}, err
		}
		c.spill = f
		os.Remove(f.Name()) // gone from the folder at once where the system allows it; else in close

	}
	run := idRun{off: c.size, n: len(fps), bloom: newBloom(len(fps))}
	buf := make([]byte, 0, idBlock*8)
	for i, fp := range fps {
		if i%idBlock == 0 {
			run.index = append(run.index, fp)
		}
		run.addBloom(fp)
		buf = binary.LittleEndian.AppendUint64(buf, fp)
		if len(buf) == cap(buf) || i == len(fps)-1 {
			if _, err := c.spill.WriteAt(buf, c.size); err != nil {
				return idRun{}, err
			}
			c.size += int64(len(buf))
			buf = buf[:0]
		}
	}
	return run, nil
}

// A run's Bloom filter is split into blocks (as Parquet's are): a
// fingerprint sets one bit in each of the eight 32-bit words of one
// 256-bit block, so that testing it against a run costs one memory access,
// not seven scattered ones; every row of a large file is tested against
// every run.
const bloomWords = 8 // uint32s in a block

// bloomSalts spread a fingerprint's bits over the words of its block.
var bloomSalts = [8]uint32{0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31}

// newBloom is a filter for n fingerprints, 16 bits each: about 0.1% false
// positives, each of which costs a read of the disk.
func newBloom(n int) []uint32 {
	return make([]uint32, max(1, (n*16+255)/256)*bloomWords)
}

// bloomBlock is fp's block of r.bloom, as eight words.
func (r *idRun) bloomBlock(fp uint64) *[bloomWords]uint32 {
	b, _ := bits.Mul64(fp, uint64(len(r.bloom)/bloomWords))
	return (*[bloomWords]uint32)(r.bloom[b*bloomWords:])
}

// bloomBit is the bit fp sets in word i of its block.
func bloomBit(fp uint64, i int) uint32 { return 1 << ((uint32(fp) * bloomSalts[i]) >> 27) }

func (r *idRun) addBloom(fp uint64) {
	block := r.bloomBlock(fp)
	for i := range block {
		block[i] |= bloomBit(fp, i)
	}
}

func (r *idRun) mayHold(fp uint64) bool {
	block := r.bloomBlock(fp)
	for i := range block {
		if block[i]&bloomBit(fp, i) == 0 {
			return false
		}
	}
	return true
}

// inRun looks fp up in a spilled run: the filter, then one block on disk.
func (c *idCounts) inRun(r *idRun, fp uint64) bool {
	if !r.mayHold(fp) {
		return false
	}
	b := sort.Search(len(r.index), func(i int) bool { return r.index[i] > fp }) - 1
	if b < 0 {
		return false
	}
	n := min(idBlock, r.n-b*idBlock)
	if cap(c.block) < idBlock*8 {
		c.block = make([]byte, idBlock*8)
	}
	buf := c.block[:n*8]
	if _, err := c.spill.ReadAt(buf, r.off+int64(b)*idBlock*8); err != nil {
		// The run cannot be read back: count the row as new. Its ID may
		// then equal an earlier row's; this needs a failing disk.
		return false
	}
	lo, hi := 0, n
	for lo < hi {
		mid := (lo + hi) / 2
		v := binary.LittleEndian.Uint64(buf[mid*8:])
		switch {
		case v == fp:
			return true
		case v < fp:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return false
}

// close removes the spill file, if any.
func (c *idCounts) close() {
	if c.spill != nil {
		name := c.spill.Name()
		c.spill.Close()
		os.Remove(name) // where it could not be removed while open
		c.spill = nil
	}
}
