package main

import (
	"io"

	flag "github.com/spf13/pflag"

	"exposure/analysis"
	"exposure/report"
)

// setupInspect: `exposure inspect ARCHIVE...`, what is in the export.
func setupInspect(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	jsonOut := fs.String("json", "", "also write the result as JSON to `FILE` (- for standard output)")
	var rf readFlags
	rf.declare(fs)
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) == 0 {
			return usagef("give the export to inspect: a ZIP from LinkedIn or the folder it unzips to")
		}
		src, err := rf.source(args)
		if err != nil {
			return err
		}
		outs, err := createOutputs(args, stdout, *jsonOut)
		if err != nil {
			return err
		}
		defer outs.discard()
		var writers []analysis.ItemWriter
		if w := outs.writer(0); w != nil {
			writers = append(writers, report.NewJSONWriter(w, false))
		}
		// The items are tallied and written as they are read, not kept.
		r, err := analyse(stderr, rf, src, analysis.Options{Writers: writers})
		if err != nil {
			return err
		}
		if err := outs.commit(); err != nil {
			return err
		}
		if *jsonOut == "-" {
			return nil
		}
		return report.WriteInspect(stdout, r)
	}
}
