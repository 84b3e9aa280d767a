package main

import (
	"io"

	flag "github.com/spf13/pflag"

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
		x, err := rf.read(stderr, args...)
		if err != nil {
			return err
		}
		r := &report.Result{Export: x}
		if *jsonOut != "" {
			if err := writeOutput(*jsonOut, args, stdout, func(w io.Writer) error { return report.WriteJSON(w, r) }); err != nil {
				return err
			}
			if *jsonOut == "-" {
				return nil
			}
		}
		return report.WriteInspect(stdout, r)
	}
}
