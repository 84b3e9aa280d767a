package main

import (
	"fmt"
	"io"

	flag "github.com/spf13/pflag"

	"exposure/analysis"
	"exposure/report"
)

// setupReport: `exposure [report] ARCHIVE...`, the HTML report, with the
// JSON and CSV results written while the export is read.
func setupReport(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	var mf memberFlags
	mf.declare(fs)
	jsonOut := fs.String("json", "", "write the result as JSON to `FILE` (- for standard output)")
	csvOut := fs.String("csv", "", "write one row per item as CSV to `FILE` (- for standard output)")
	output := fs.StringP("output", "o", "exposure-report.html", "write the HTML report to `FILE`")
	lang := fs.String("lang", "", "report `language`: en or fr (default: from LC_ALL/LANG, else en)")
	redact := fs.Bool("redact", false, "leave out every free text, name, e-mail address, phone number and URL")
	var rf readFlags
	rf.declare(fs)
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) == 0 {
			return usagef("give the export to analyse: a ZIP from LinkedIn or the folder it unzips to")
		}
		p, err := mf.policy()
		if err != nil {
			return err
		}
		language, err := pickLang(*lang)
		if err != nil {
			return err
		}
		given, err := mf.facts(p)
		if err != nil {
			return err
		}
		src, err := rf.source(args)
		if err != nil {
			return err
		}
		outs, err := createOutputs(args, stdout, *jsonOut, *csvOut)
		if err != nil {
			return err
		}
		defer outs.discard()
		var writers []analysis.ItemWriter
		if w := outs.writer(0); w != nil {
			writers = append(writers, report.NewJSONWriter(w, *redact))
		}
		if w := outs.writer(1); w != nil {
			writers = append(writers, report.NewCSVWriter(w, *redact))
		}
		r, err := analyse(stderr, rf, src, outs, analysis.Options{Policy: p, Given: given, Today: today(), Writers: writers})
		if err != nil {
			return err
		}
		if r.Member.RegionSource == "default" {
			fmt.Fprintf(stderr, "exposure: the region could not be read from Profile.csv (Geo Location); using %s. Give --region to set it.\n", r.Member.Region)
		}
		if *output != "" {
			err := writeOutput(*output, args, stdout, func(w io.Writer) error {
				return report.WriteHTML(w, r, report.HTMLOptions{Lang: language, Redact: *redact})
			})
			if err != nil {
				return err
			}
		}
		if *jsonOut == "-" || *csvOut == "-" || *output == "-" {
			return nil
		}
		if err := report.WriteSummary(stdout, r); err != nil {
			return err
		}
		if *output != "" {
			fmt.Fprintf(stdout, "\nReport: %s (open it in a browser; it loads nothing from the network)\n", *output)
		}
		return nil
	}
}

// analyse runs the analysis with the progress bar, then commits the
// outputs written while reading.
func analyse(stderr io.Writer, rf readFlags, src analysis.Source, outs outputs, opt analysis.Options) (*analysis.Result, error) {
	done := rf.watch(stderr, &src)
	r, err := analysis.Run(src, opt)
	done()
	if err != nil {
		return nil, err
	}
	return r, outs.commit()
}
