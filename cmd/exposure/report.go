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
		x, err := rf.read(stderr, args...)
		if err != nil {
			return err
		}
		r, err := classify(x, p, mf, asOf)
		if err != nil {
			return err
		}
		r.Redact = *redact
		if r.Member.RegionSource == "default" {
			fmt.Fprintf(stderr, "exposure: the region could not be read from Profile.csv (Geo Location); using %s. Give --region to set it.\n", r.Member.Region)
		}
		writeHTML := func(w io.Writer, r *report.Result) error {
			return report.WriteHTML(w, r, report.HTMLOptions{Lang: language})
		}
		for _, out := range []struct {
			path  string
			write func(io.Writer, *report.Result) error
		}{{*output, writeHTML}, {*jsonOut, report.WriteJSON}, {*csvOut, report.WriteCSV}} {
			if out.path == "" {
				continue
			}
			if err := writeOutput(out.path, args, stdout, func(w io.Writer) error { return out.write(w, r) }); err != nil {
				return err
			}
		}
		if *jsonOut == "-" || *csvOut == "-" || *output == "-" {
			return nil
		}
		if err := report.WriteSummary(stdout, r); err != nil {
			return err
		}
		if *output != "-" {
			fmt.Fprintf(stdout, "\nReport: %s (open it in a browser; it loads nothing from the network)\n", *output)
		}
		return nil
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

// classify resolves the member facts and classifies every item.
func classify(x *parse.Export, p *policy.Policy, mf memberFlags, asOf time.Time) (*report.Result, error) {
	m, info, err := resolveMember(x, p, mf)
	if err != nil {
		return nil, err
	}
	return report.Analyse(x, p, m, info, asOf), nil
}

// resolveMember combines the flags and what the export says about the
// member, and records where each fact came from.
func resolveMember(x *parse.Export, p *policy.Policy, mf memberFlags) (policy.Member, report.MemberInfo, error) {
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
	m.Registered = x.Member.Registered
	info.Region, info.OptOut, info.Objection = m.Region, m.OptOut, m.Objection
	info.Born, info.BornYearOnly = m.Born, m.BornYearOnly
	return m, info, nil
}

func resolveRegion(x *parse.Export, p *policy.Policy, flagValue string) (region, source string, err error) {
	if flagValue != "" {
		code := strings.ToUpper(strings.TrimSpace(flagValue))
		if _, ok := p.Region(code); !ok {
			return "", "", usagef("--region %q: give one of EU, UK, CA, HK, US", flagValue)
		}
		return code, "flag", nil
	}
	if r, ok := p.InferRegion(x.Member.GeoLocation); ok {
		return r, "profile", nil
	}
	return p.RestOfWorld().Code, "default", nil
}

func resolveBorn(x *parse.Export, flagValue string) (t time.Time, yearOnly bool, source string, err error) {
	v := strings.TrimSpace(flagValue)
	switch {
	case v == "" && x.Member.BirthYear > 0:
		return time.Date(x.Member.BirthYear, 1, 1, 0, 0, 0, 0, time.UTC), true, "verifications", nil
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
