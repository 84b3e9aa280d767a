package main

import (
	"fmt"
	"io"
	"strings"

	flag "github.com/spf13/pflag"

	"exposure/parse"
	"exposure/policy"
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
		p, err := loadPolicy(both.policyFile)
		if err != nil {
			return err
		}
		inputs := append(append([]string{args[0], args[1]}, *oldParts...), *newParts...)
		// The new export is read first and kept as compact records; the old
		// one is matched against it while it is read.
		newSide, newR, err := loadSide(append([]string{args[1]}, *newParts...), p, cur.over(both), rf, stderr,
			func(a report.Analysis) *report.DiffSide { return report.NewDiffSide(a, 0) })
		if err != nil {
			return err
		}
		oldSide, oldR, err := loadSide(append([]string{args[0]}, *oldParts...), p, old.over(both), rf, stderr, newSide.Against)
		if err != nil {
			return err
		}
		d := oldSide.Diff(oldR, newR)
		if *jsonOut != "" {
			if err := writeOutput(*jsonOut, inputs, stdout, func(w io.Writer) error { return report.WriteDiffJSON(w, d) }); err != nil {
				return err
			}
		}
		if *output != "" {
			err := writeOutput(*output, inputs, stdout, func(w io.Writer) error {
				return report.WriteDiffHTML(w, d, report.HTMLOptions{Lang: language})
			})
			if err != nil {
				return err
			}
		}
		if *jsonOut == "-" || *output == "-" {
			return nil
		}
		return report.WriteDiffSummary(stdout, d)
	}
}

// declareSide declares --old-region, --old-opt-out, … for one side.
func (m *memberFlags) declareSide(fs *flag.FlagSet, side string) {
	fs.StringVar(&m.region, side+"-region", "", "--region for the "+side+" side only")
	fs.StringVar(&m.optOut, side+"-opt-out", "", "--opt-out for the "+side+" side only")
	fs.StringVar(&m.objection, side+"-objection", "", "--objection for the "+side+" side only")
	fs.StringVar(&m.born, side+"-born", "", "--born for the "+side+" side only")
	fs.StringVar(&m.asOf, side+"-as-of", "", "--as-of for the "+side+" side only")
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
	}
}

// loadSide reads and classifies one side into the sink side makes. A JSON
// result is classified again with the same rules as an archive, so that
// comparing a saved result with an archive gives the answer comparing the
// two archives would; facts not given as flags default to those the result
// was made with.
func loadSide(paths []string, p *policy.Policy, mf memberFlags, rf readFlags, stderr io.Writer, side func(report.Analysis) *report.DiffSide) (*report.DiffSide, *report.Result, error) {
	var s *report.DiffSide
	start := func(facts parse.Member) (parse.Sink, error) {
		a, err := sideAnalysis(facts, p, mf)
		if err != nil {
			return nil, err
		}
		s = side(a)
		return s, nil
	}
	if len(paths) == 1 && strings.HasSuffix(strings.ToLower(paths[0]), ".json") {
		x, err := report.ScanJSON(paths[0], func(saved *report.SavedMember, facts parse.Member) (parse.Sink, error) {
			if saved != nil {
				mf = mf.over(memberFlags{region: saved.Region, optOut: saved.OptOut, objection: saved.Objection, born: saved.Born, asOf: saved.AsOf})
			}
			sink, err := start(facts)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", paths[0], err)
			}
			return sink, nil
		})
		if err != nil {
			return nil, nil, err
		}
		r, err := s.Finish(x)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", paths[0], err)
		}
		return s, r, nil
	}
	for _, path := range paths {
		if strings.HasSuffix(strings.ToLower(path), ".json") {
			return nil, nil, usagef("%s: a JSON result cannot be combined with other parts", path)
		}
	}
	x, err := rf.scan(stderr, paths, start)
	if err != nil {
		return nil, nil, err
	}
	r, err := s.Finish(x)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", strings.Join(paths, ", "), err)
	}
	return s, r, nil
}

// sideAnalysis resolves the member facts of one side.
func sideAnalysis(facts parse.Member, p *policy.Policy, mf memberFlags) (report.Analysis, error) {
	asOf, err := dayFlag("as-of", mf.asOf)
	if err != nil {
		return report.Analysis{}, err
	}
	if asOf.IsZero() {
		asOf = today()
	}
	m, info, err := resolveMember(facts, p, mf)
	if err != nil {
		return report.Analysis{}, err
	}
	return report.Analysis{Policy: p, Member: m, Info: info, AsOf: asOf}, nil
}
