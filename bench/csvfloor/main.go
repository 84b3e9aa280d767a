// Command csvfloor is the second floor of bench/run.sh: the least a Go
// program must do to read every record of an export's CSV files. It opens
// the ZIP with archive/zip and reads each .csv entry with encoding/csv
// (any number of fields, lazy quotes, the record reused), one goroutine per
// entry, and prints how many records it read. exposure does this and its
// own work per row; the ratio of the two is what that work costs.
package main

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: csvfloor ARCHIVE.zip")
		os.Exit(2)
	}
	zr, err := zip.OpenReader(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer zr.Close()
	var records atomic.Int64
	var wg sync.WaitGroup
	for _, f := range zr.File {
		if !strings.HasSuffix(strings.ToLower(f.Name), ".csv") {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := count(f)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", f.Name, err)
			}
			records.Add(n)
		}()
	}
	wg.Wait()
	fmt.Println(records.Load(), "records")
}

func count(f *zip.File) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	r := csv.NewReader(rc)
	r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = -1, true, true
	var n int64
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			if _, ok := err.(*csv.ParseError); ok {
				continue
			}
			return n, err
		}
		n++
	}
}
