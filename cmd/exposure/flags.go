package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"exposure/analysis"
	"exposure/internal/units"
	"exposure/parse"
	"exposure/policy"
)

// now is the clock; tests replace it so that "today" is fixed.
var now = time.Now

func today() time.Time {
	y, m, d := now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// memberFlags are the facts about the member that the export does not
// hold, given on the command line (contract, "Flags of report").
type memberFlags struct {
	region, optOut, objection, born, asOf, policyFile, policyVersion string
}

func (m *memberFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&m.region, "region", "", "your policy `region`: EU, UK, CA, HK or US (default: from Profile.csv Geo Location)")
	fs.StringVar(&m.optOut, "opt-out", "", "the `DATE` you switched off \"Data for Generative AI Improvement\" (YYYY-MM-DD)")
	fs.StringVar(&m.objection, "objection", "", "the `DATE` you sent LinkedIn's data-processing objection form (YYYY-MM-DD)")
	fs.StringVar(&m.born, "born", "", "your birth `YEAR` or date, for the under-18 rule (default: Verifications.csv, else adult)")
	fs.StringVar(&m.asOf, "as-of", "", "the `DATE` the analysis is made for (default: today)")
	fs.StringVar(&m.policyFile, "policy", "", "a policy `FILE` that replaces the embedded one")
	fs.StringVar(&m.policyVersion, "policy-version", "", "use the embedded policy of this `VERSION` (an earlier one reproduces a result made under it)")
}

// policy is the policy the flags choose: --policy, --policy-version, or the embedded one.
func (m memberFlags) policy() (*policy.Policy, error) {
	return loadPolicy(m.policyFile, m.policyVersion)
}

// facts reads the member flags; the policy checks the region.
func (m memberFlags) facts(p *policy.Policy) (analysis.Facts, error) {
	var f analysis.Facts
	var err error
	if f.OptOut, err = dayFlag("opt-out", m.optOut); err != nil {
		return f, err
	}
	if f.Objection, err = dayFlag("objection", m.objection); err != nil {
		return f, err
	}
	if f.AsOf, err = dayFlag("as-of", m.asOf); err != nil {
		return f, err
	}
	if m.region != "" {
		f.Region = strings.ToUpper(strings.TrimSpace(m.region))
		if _, ok := p.Region(f.Region); !ok {
			return f, usagef("--region %q: give one of EU, UK, CA, HK, US", m.region)
		}
	}
	if v := strings.TrimSpace(m.born); v != "" {
		if f.Born, f.BornYearOnly, err = analysis.ParseBorn(v); err != nil {
			return f, usagef("--born %q: give a year (YYYY) or a date (YYYY-MM-DD)", m.born)
		}
	}
	return f, nil
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

// readFlags are the flags of every command that reads an export: the
// zip-bomb guards and the progress bar.
type readFlags struct {
	maxInflated string
	maxRatio    float64
	progressFlags
}

func (r *readFlags) declare(fs *flag.FlagSet) {
	fs.StringVar(&r.maxInflated, "max-inflated", "16GB", "the most one archive entry may inflate to (`SIZE`, e.g. 500MB, 32GB)")
	fs.Float64Var(&r.maxRatio, "max-ratio", parse.DefaultLimits.MaxRatio, "the most one entry may inflate relative to its compressed size (`RATIO`)")
	r.progressFlags.declare(fs)
}

// source is the inputs with the limits the flags set.
func (r *readFlags) source(paths []string) (analysis.Source, error) {
	n, err := units.ParseSize(r.maxInflated)
	if err != nil || n <= 0 {
		return analysis.Source{}, usagef("--max-inflated %q: give a size such as 500MB or 32GB", r.maxInflated)
	}
	if !(r.maxRatio >= 1) || math.IsInf(r.maxRatio, 1) { // NaN fails every comparison
		return analysis.Source{}, usagef("--max-ratio %v: give a number of at least 1", r.maxRatio)
	}
	return analysis.Source{Paths: paths, Limits: parse.Limits{MaxInflated: n, MaxRatio: r.maxRatio}}, nil
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

// warnDates warns of an opt-out or objection date that cannot be right:
// before LinkedIn's setting existed, or after the day of the analysis. The
// date is still used as given. side names the side of a comparison ("old",
// "new"), or is empty.
func warnDates(stderr io.Writer, p *policy.Policy, f analysis.Facts, today time.Time, side string) {
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = today
	}
	first := settingSince(p)
	flag := func(name string) string {
		if side != "" {
			return "--" + side + "-" + name + " (or --" + name + ")"
		}
		return "--" + name
	}
	for _, d := range []struct {
		name string
		day  time.Time
	}{{"opt-out", f.OptOut}, {"objection", f.Objection}} {
		switch {
		case d.day.IsZero():
		case !first.IsZero() && d.day.Before(first):
			fmt.Fprintf(stderr, "exposure: warning: %s %s is before LinkedIn's setting existed (from about %s); it is used as given: check it.\n",
				flag(d.name), d.day.Format("2006-01-02"), first.Format("January 2006"))
		case d.day.After(asOf):
			fmt.Fprintf(stderr, "exposure: warning: %s %s is after the day of the analysis (%s): it protects nothing yet; check it, or give --as-of.\n",
				flag(d.name), d.day.Format("2006-01-02"), asOf.Format("2006-01-02"))
		}
	}
}

// settingSince is the first day the setting may have existed: the start
// of the policy's earliest training window, a month earlier when that
// start is uncertain (the setting may predate its disclosure).
func settingSince(p *policy.Policy) time.Time {
	var first time.Time
	for _, r := range p.Regions {
		for _, w := range r.Windows {
			start := w.Start
			if w.StartUncertain {
				start = start.AddDate(0, -1, 0)
			}
			if first.IsZero() || start.Before(first) {
				first = start
			}
		}
	}
	if first.IsZero() {
		return first
	}
	return time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
}
