package analysis

import (
	"fmt"
	"time"

	"exposure/parse"
	"exposure/policy"
)

// Facts are what members say of themselves, on the command line or in the
// web page; a zero value is "not given".
type Facts struct {
	Region            string // a region code; "" to infer it from Profile.csv
	OptOut, Objection time.Time
	Born              time.Time
	BornYearOnly      bool
	AsOf              time.Time
}

// over fills the facts f does not give from g.
func (f Facts) over(g Facts) Facts {
	if f.Region == "" {
		f.Region = g.Region
	}
	if f.OptOut.IsZero() {
		f.OptOut = g.OptOut
	}
	if f.Objection.IsZero() {
		f.Objection = g.Objection
	}
	if f.Born.IsZero() {
		f.Born, f.BornYearOnly = g.Born, g.BornYearOnly
	}
	if f.AsOf.IsZero() {
		f.AsOf = g.AsOf
	}
	return f
}

// ResolveMember combines the facts given and what the export says of the
// member, and records where each came from: a given fact wins, then the
// export (region from Profile.csv Geo Location, birth year from
// Verifications.csv), then the default (the rest-of-world region, adult).
func ResolveMember(p *policy.Policy, given Facts, x parse.Member) (policy.Member, error) {
	m := policy.Member{OptOut: given.OptOut, Objection: given.Objection, Registered: x.Registered}
	switch r, ok := p.InferRegion(x.GeoLocation); {
	case given.Region != "":
		if _, ok := p.Region(given.Region); !ok {
			return m, fmt.Errorf("unknown region %q", given.Region)
		}
		m.Region, m.RegionSource = given.Region, "flag"
	case ok:
		m.Region, m.RegionSource = r, "profile"
	default:
		m.Region, m.RegionSource = p.RestOfWorld().Code, "default"
	}
	switch {
	case !given.Born.IsZero():
		m.Born, m.BornYearOnly, m.BornSource = given.Born, given.BornYearOnly, "flag"
	case x.BirthYear > 0:
		m.Born, m.BornYearOnly, m.BornSource = time.Date(x.BirthYear, 1, 1, 0, 0, 0, 0, time.UTC), true, "verifications"
	}
	return m, nil
}

// ParseBorn reads a birth year (YYYY) or a birth date (YYYY-MM-DD).
func ParseBorn(s string) (t time.Time, yearOnly bool, err error) {
	if len(s) == 4 {
		t, err = time.Parse("2006", s)
		return t, true, err
	}
	t, err = time.Parse(time.DateOnly, s)
	return t, false, err
}
