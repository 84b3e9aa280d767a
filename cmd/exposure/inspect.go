package main

import (
	"io"

	flag "github.com/spf13/pflag"

	"exposure/parse"
	"exposure/report"
)

func setupInspect(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	jsonOut := fs.String("json", "", "also write the result as JSON to `FILE` (- for standard output)")
	var rf readFlags
	rf.declare(fs)
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) == 0 {
			return usagef("give the export to inspect: a ZIP from LinkedIn or the folder it unzips to")
		}
		outs, err := createOutputs(args, stdout, *jsonOut)
		if err != nil {
			return err
		}
		defer outs.discard()
		// The items are tallied and written as they are read, not kept.
		r, err := rf.analyse(stderr, args, outs, func(parse.Member) (*report.Stream, error) {
			return report.NewStream(report.Analysis{JSON: outs.writer(0)}), nil
		})
		if err != nil {
			return err
		}
		if *jsonOut == "-" {
			return nil
		}
		return report.WriteInspect(stdout, r)
	}
}
