package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"exposure/parse"
	"exposure/policy"
	"exposure/report"
)

// now is the clock; tests replace it so that "today" is fixed.
var now = time.Now

// memberFlags are the facts about the member that the export does not
// hold, given on the command line (contract, "Flags of report").
type memberFlags struct {
	region, optOut, objection, born, asOf, policyFile string
}

func (m *memberFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&m.region, "region", "", "your policy `region`: EU, UK, CA, HK or US (default: from Profile.csv Geo Location)")
	fs.StringVar(&m.optOut, "opt-out", "", "the `DATE` you switched off \"Data for Generative AI Improvement\" (YYYY-MM-DD)")
	fs.StringVar(&m.objection, "objection", "", "the `DATE` you sent LinkedIn's data-processing objection form (YYYY-MM-DD)")
	fs.StringVar(&m.born, "born", "", "your birth `YEAR` or date, for the under-18 rule (default: Verifications.csv, else adult)")
	fs.StringVar(&m.asOf, "as-of", "", "the `DATE` the analysis is made for (default: today)")
	fs.StringVar(&m.policyFile, "policy", "", "a policy `FILE` that replaces the embedded one")
}

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
		p, err := loadPolicy(mf.policyFile)
		if err != nil {
			return err
		}
		language, err := pickLang(*lang)
		if err != nil {
			return err
		}
		asOf, err := dayFlag("as-of", mf.asOf)
		if err != nil {
			return err
		}
		if asOf.IsZero() {
			asOf = today()
		}
		outs, err := createOutputs(args, stdout, *jsonOut, *csvOut)
		if err != nil {
			return err
		}
		defer outs.discard()
		r, err := rf.analyse(stderr, args, outs, func(facts parse.Member) (*report.Stream, error) {
			m, info, err := resolveMember(facts, p, mf)
			if err != nil {
				return nil, err
			}
			return report.NewStream(report.Analysis{Policy: p, Member: m, Info: info, AsOf: asOf, Redact: *redact,
				JSON: outs.writer(0), CSV: outs.writer(1)}), nil
		})
		if err != nil {
			return err
		}
		if r.Member.RegionSource == "default" {
			fmt.Fprintf(stderr, "exposure: the region could not be read from Profile.csv (Geo Location); using %s. Give --region to set it.\n", r.Member.Region)
		}
		if *output != "" {
			err := writeOutput(*output, args, stdout, func(w io.Writer) error {
				return report.WriteHTML(w, r, report.HTMLOptions{Lang: language})
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

// analyse streams the export into the stream start makes once the member
// facts are read, then ends and commits the outputs written while reading.
func (rf *readFlags) analyse(stderr io.Writer, args []string, outs outputs, start func(parse.Member) (*report.Stream, error)) (*report.Result, error) {
	var stream *report.Stream
	x, err := rf.scan(stderr, args, func(facts parse.Member) (parse.Sink, error) {
		s, err := start(facts)
		stream = s
		return s, err
	})
	if err != nil {
		return nil, err
	}
	r, err := stream.Finish(x)
	if err != nil {
		return nil, fmt.Errorf("cannot write the output: %v", err)
	}
	return r, outs.commit()
}

// outputs are the JSON and CSV outputs, written while the export is read.
type outputs []*outFile

func createOutputs(inputs []string, stdout io.Writer, paths ...string) (outputs, error) {
	outs := make(outputs, len(paths))
	for i, p := range paths {
		if p == "" {
			continue
		}
		o, err := createOutput(p, inputs, stdout)
		if err != nil {
			outs.discard()
			return nil, err
		}
		outs[i] = o
	}
	return outs, nil
}

// writer is output i's writer, nil when it was not asked for.
func (o outputs) writer(i int) io.Writer {
	if o[i] == nil {
		return nil
	}
	return o[i].w
}

func (o outputs) commit() error {
	for _, out := range o {
		if out == nil {
			continue
		}
		if err := out.commit(); err != nil {
			return err
		}
	}
	return nil
}

func (o outputs) discard() {
	for _, out := range o {
		out.discard()
	}
}

// pickLang takes --lang, else the locale (LC_ALL, LC_MESSAGES, LANG): French
// for fr_*, English otherwise.
func pickLang(flagValue string) (string, error) {
	switch v := strings.ToLower(strings.TrimSpace(flagValue)); v {
	case "en", "fr":
		return v, nil
	case "":
	default:
		return "", usagef("--lang %q: give en or fr", flagValue)
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return "fr", nil
			}
			return "en", nil
		}
	}
	return "en", nil
}

func today() time.Time {
	y, m, d := now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func loadPolicy(file string) (*policy.Policy, error) {
	if file == "" {
		return policy.Default(), nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the policy file: %v", file, err)
	}
	defer f.Close()
	p, err := policy.Load(f, file)
	if err != nil {
		return nil, fmt.Errorf("the policy file was refused: %w", err)
	}
	return p, nil
}

// dayFlag reads a YYYY-MM-DD flag; empty means not given.
func dayFlag(name, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
	if err != nil {
		return time.Time{}, usagef("--%s %q: give a date as YYYY-MM-DD", name, v)
	}
	return t, nil
}

// resolveMember combines the flags and what the export says about the
// member, and records where each fact came from.
func resolveMember(x parse.Member, p *policy.Policy, mf memberFlags) (policy.Member, report.MemberInfo, error) {
	var m policy.Member
	var info report.MemberInfo
	var err error
	if m.OptOut, err = dayFlag("opt-out", mf.optOut); err != nil {
		return m, info, err
	}
	if m.Objection, err = dayFlag("objection", mf.objection); err != nil {
		return m, info, err
	}
	m.Region, info.RegionSource, err = resolveRegion(x, p, mf.region)
	if err != nil {
		return m, info, err
	}
	m.Born, m.BornYearOnly, info.BornSource, err = resolveBorn(x, mf.born)
	if err != nil {
		return m, info, err
	}
	m.Registered = x.Registered
	info.Registered = x.Registered
	info.Region, info.OptOut, info.Objection = m.Region, m.OptOut, m.Objection
	info.Born, info.BornYearOnly = m.Born, m.BornYearOnly
	return m, info, nil
}

func resolveRegion(x parse.Member, p *policy.Policy, flagValue string) (region, source string, err error) {
	if flagValue != "" {
		code := strings.ToUpper(strings.TrimSpace(flagValue))
		if _, ok := p.Region(code); !ok {
			return "", "", usagef("--region %q: give one of EU, UK, CA, HK, US", flagValue)
		}
		return code, "flag", nil
	}
	if r, ok := p.InferRegion(x.GeoLocation); ok {
		return r, "profile", nil
	}
	return p.RestOfWorld().Code, "default", nil
}

func resolveBorn(x parse.Member, flagValue string) (t time.Time, yearOnly bool, source string, err error) {
	v := strings.TrimSpace(flagValue)
	switch {
	case v == "" && x.BirthYear > 0:
		return time.Date(x.BirthYear, 1, 1, 0, 0, 0, 0, time.UTC), true, "verifications", nil
	case v == "":
		return time.Time{}, false, "", nil
	case len(v) == 4:
		t, err := time.Parse("2006", v)
		if err != nil {
			return t, false, "", usagef("--born %q: give a year (YYYY) or a date (YYYY-MM-DD)", flagValue)
		}
		return t, true, "flag", nil
	}
	t, err = time.Parse("2006-01-02", v)
	if err != nil {
		return t, false, "", usagef("--born %q: give a year (YYYY) or a date (YYYY-MM-DD)", flagValue)
	}
	return t, false, "flag", nil
}

func setupPolicy(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	region := fs.String("region", "", "show only this `region`: EU, UK, CA, HK or US")
	file := fs.String("policy", "", "describe this policy `FILE` instead of the embedded one")
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("policy takes no arguments")
		}
		p, err := loadPolicy(*file)
		if err != nil {
			return err
		}
		code := strings.ToUpper(strings.TrimSpace(*region))
		if code != "" {
			if _, ok := p.Region(code); !ok {
				return usagef("--region %q: give one of EU, UK, CA, HK, US", *region)
			}
		}
		return p.Describe(stdout, code)
	}
}
