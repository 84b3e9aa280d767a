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
		warnDates(stderr, p, given, today(), "")
		src, err := rf.source(args)
		if err != nil {
			return err
		}
		outs, err := createOutputs(args, stdout, *jsonOut, *csvOut, *output)
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
		r, err := analyse(stderr, rf, src, analysis.Options{Policy: p, Given: given, Today: today(), Writers: writers})
		if err != nil {
			return err
		}
		if r.Member.RegionSource == "default" {
			fmt.Fprintf(stderr, "exposure: the region could not be read from Profile.csv (Geo Location); using %s. Give --region to set it.\n", r.Member.Region)
		}
		err = outs.write(2, func(w io.Writer) error {
			return report.WriteHTML(w, r, report.HTMLOptions{Lang: language, Redact: *redact})
		})
		if err != nil {
			return err
		}
		if err := outs.commit(); err != nil || outs.toStdout() {
			return err
		}
		if err := report.WriteSummary(stdout, r, language); err != nil {
			return err
		}
		report.WriteProblemLine(stdout, r)
		if *output != "" {
			fmt.Fprintf(stdout, "\n%s\n", report.Text(language, "term_report", *output))
		}
		return nil
	}
}

// analyse runs the analysis with the progress bar.
func analyse(stderr io.Writer, rf readFlags, src analysis.Source, opt analysis.Options) (*analysis.Result, error) {
	limitMemory()
	done := rf.watch(stderr, &src)
	defer done()
	return analysis.Run(src, opt)
}
