package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"exposure/analysis"
	"exposure/report"
)

// setupDiff: `exposure diff OLD NEW`. Each side is an archive (more parts
// with --old-part/--new-part) or a JSON result saved with --json. The
// member flags apply to both sides; --old-X and --new-X set one side only
// (for "what did my opt-out change": --new-opt-out 2025-12-01).
func setupDiff(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	var both, old, cur memberFlags
	both.declare(fs)
	old.declareSide(fs, "old")
	cur.declareSide(fs, "new")
	oldParts := fs.StringArray("old-part", nil, "another part (`ARCHIVE`) of the old export; repeatable")
	newParts := fs.StringArray("new-part", nil, "another part (`ARCHIVE`) of the new export; repeatable")
	jsonOut := fs.String("json", "", "write the comparison as JSON to `FILE` (- for standard output)")
	csvOut := fs.String("csv", "", "write the items added, removed and changed as CSV to `FILE`, one row each (- for standard output)")
	output := fs.StringP("output", "o", "", "write the comparison as an HTML page to `FILE`")
	lang := fs.String("lang", "", "page `language`: en or fr (default: from LC_ALL/LANG, else en)")
	var rf readFlags
	rf.declare(fs)
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) != 2 {
			return usagef("give two exports to compare: OLD and NEW (archives, folders or JSON results)")
		}
		language, err := pickLang(*lang)
		if err != nil {
			return err
		}
		oldSrc, oldOpt, err := side(rf, old.over(both), append([]string{args[0]}, *oldParts...))
		if err != nil {
			return err
		}
		newSrc, newOpt, err := side(rf, cur.over(both), append([]string{args[1]}, *newParts...))
		if err != nil {
			return err
		}
		warnDates(stderr, oldOpt.Policy, oldOpt.Given, today(), "old")
		if newOpt.Given != oldOpt.Given {
			warnDates(stderr, newOpt.Policy, newOpt.Given, today(), "new")
		}
		inputs := append(append([]string{args[0], args[1]}, *oldParts...), *newParts...)
		outs, err := createOutputs(inputs, stdout, *jsonOut, *output, *csvOut)
		if err != nil {
			return err
		}
		defer outs.discard()
		// The new export is read first, then the old one: a bar each.
		doneNew, doneOld := rf.watch(stderr, &newSrc), rf.watch(stderr, &oldSrc)
		if show := oldSrc.Progress; show != nil {
			oldSrc.Progress = func(done, total int64) { doneNew(); show(done, total) }
		}
		d, err := analysis.Compare(oldSrc, newSrc, oldOpt, newOpt, 0)
		doneNew()
		doneOld()
		if err != nil {
			return err
		}
		warnOtherMember(stderr, d)
		for i, print := range []func(io.Writer) error{
			func(w io.Writer) error { return report.WriteDiffJSON(w, d) },
			func(w io.Writer) error { return report.WriteDiffHTML(w, d, report.HTMLOptions{Lang: language}) },
			func(w io.Writer) error { return report.WriteDiffCSV(w, d) },
		} {
			if err := outs.write(i, print); err != nil {
				return err
			}
		}
		if err := outs.commit(); err != nil || outs.toStdout() {
			return err
		}
		if err := report.WriteDiffSummary(stdout, d, language); err != nil {
			return err
		}
		if *output != "" {
			fmt.Fprintf(stdout, "\n%s\n", report.Text(language, "term_diff_page", *output))
		}
		return nil
	}
}

// side is one side of a comparison: its source, its policy and the facts given for it.
func side(rf readFlags, mf memberFlags, paths []string) (analysis.Source, analysis.Options, error) {
	p, err := mf.policy()
	if err != nil {
		return analysis.Source{}, analysis.Options{}, err
	}
	given, err := mf.facts(p)
	if err != nil {
		return analysis.Source{}, analysis.Options{}, err
	}
	src, err := rf.source(paths)
	// The comparison lists its own items; the sides keep none for a report.
	return src, analysis.Options{Policy: p, Given: given, Today: today(), TopN: -1}, err
}

// declareSide declares --old-region, --old-opt-out, … for one side.
func (m *memberFlags) declareSide(fs *flag.FlagSet, side string) {
	fs.StringVar(&m.region, side+"-region", "", "--region for the "+side+" side only")
	fs.StringVar(&m.optOut, side+"-opt-out", "", "--opt-out for the "+side+" side only")
	fs.StringVar(&m.objection, side+"-objection", "", "--objection for the "+side+" side only")
	fs.StringVar(&m.born, side+"-born", "", "--born for the "+side+" side only")
	fs.StringVar(&m.asOf, side+"-as-of", "", "--as-of for the "+side+" side only")
	fs.StringVar(&m.policyVersion, side+"-policy-version", "", "--policy-version for the "+side+" side only")
}

// over fills the flags not given for one side from those given for both.
func (m memberFlags) over(both memberFlags) memberFlags {
	pick := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	return memberFlags{
		region: pick(m.region, both.region), optOut: pick(m.optOut, both.optOut),
		objection: pick(m.objection, both.objection), born: pick(m.born, both.born),
		asOf: pick(m.asOf, both.asOf), policyFile: both.policyFile,
		policyVersion: pick(m.policyVersion, both.policyVersion),
	}
}

// warnOtherMember warns when the two sides do not look like one member's
// exports: compared, every item of one would show as removed and every
// item of the other as added. The names are compared, never printed.
func warnOtherMember(stderr io.Writer, d *analysis.Diff) {
	var why []string
	if o, n := d.Old.Export.Member.Name, d.New.Export.Member.Name; o != "" && n != "" && !strings.EqualFold(o, n) {
		why = append(why, "the names in their Profile.csv differ")
	}
	if o, n := d.Old.Member.Registered, d.New.Member.Registered; !o.IsZero() && !n.IsZero() && o.Format(time.DateOnly) != n.Format(time.DateOnly) {
		why = append(why, fmt.Sprintf("they were registered on %s and on %s", o.Format(time.DateOnly), n.Format(time.DateOnly)))
	}
	if len(why) > 0 {
		fmt.Fprintf(stderr, "exposure: warning: the two exports look like two different members' (%s): check that OLD and NEW are yours.\n", strings.Join(why, "; "))
	}
}
