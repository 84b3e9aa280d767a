package policy

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// day parses YYYY-MM-DD (or an RFC 3339 timestamp) for tests; "" is the zero time.
func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

type classifyCase struct {
	name   string
	s      Subject
	m      Member
	asOf   string // default 2026-06-01
	want   Result // Flags nil = not checked; Confidence "" = not checked
	policy *Policy
}

func runClassify(t *testing.T, cases []classifyCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.policy
			if p == nil {
				p = Default()
			}
			asOf := tc.asOf
			if asOf == "" {
				asOf = "2026-06-01"
			}
			got := p.Classify(tc.s, tc.m, day(asOf))
			if got.Outcome != tc.want.Outcome || got.Reason != tc.want.Reason {
				t.Fatalf("got %s/%s (%s, %v), want %s/%s", got.Outcome, got.Reason, got.Confidence, got.Flags,
					tc.want.Outcome, tc.want.Reason)
			}
			if tc.want.Confidence != "" && got.Confidence != tc.want.Confidence {
				t.Errorf("confidence %s, want %s (flags %v)", got.Confidence, tc.want.Confidence, got.Flags)
			}
			if tc.want.Flags != nil && !slices.Equal(sorted(got.Flags), sorted(tc.want.Flags)) {
				t.Errorf("flags %v, want %v", got.Flags, tc.want.Flags)
			}
			if got.Flags == nil {
				t.Errorf("flags must be an empty list, not nil")
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func post(date string) Subject { return Subject{Kind: "post", Date: day(date), Visibility: "PUBLIC"} }

func kind(k, date string) Subject { return Subject{Kind: k, Date: day(date)} }

func res(outcome Outcome, reason Reason, conf string, flags ...string) Result {
	if flags == nil {
		flags = []string{}
	}
	return Result{Outcome: outcome, Reason: reason, Confidence: conf, Flags: flags}
}

var (
	eu = Member{Region: "EU"}
	us = Member{Region: "US"}
)

func optedOut(region, date string) Member { return Member{Region: region, OptOut: day(date)} }

// The worked examples of the policy reference (§5.6), with the contract's defaults.
func TestWorkedExamples(t *testing.T) {
	runClassify(t, []classifyCase{
		{name: "NL no opt-out, PUBLIC post 2012", s: post("2012-06-01"), m: eu,
			want: res(InScope, ReasonNoOptOut, Medium, FlagHistorical, FlagLookbackUncertain)},
		{name: "NL opted out 2025-10-20, post 2019", s: post("2019-03-01"), m: optedOut("EU", "2025-10-20"),
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "DE opted out 2025-12-01, post 2021", s: post("2021-05-05"), m: optedOut("EU", "2025-12-01"),
			want: res(InScope, ReasonBeforeOptOut, Medium, FlagHistorical, FlagLookbackUncertain, FlagContinuedUsePossible)},
		{name: "DE opted out 2025-12-01, comment 2025-11-15", s: kind("comment", "2025-11-15"), m: optedOut("EU", "2025-12-01"),
			want: res(InScope, ReasonBeforeOptOut, High, FlagContinuedUsePossible)},
		{name: "DE opted out 2025-12-01, post 2026-01-10", s: post("2026-01-10"), m: optedOut("EU", "2025-12-01"),
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "US opted out 2024-09-19, post 2023", s: post("2023-04-01"), m: optedOut("US", "2024-09-19"),
			want: res(InScope, ReasonBeforeOptOut, High, FlagHistorical, FlagContinuedUsePossible)},
		{name: "US opted out 2024-09-05, post 2023", s: post("2023-04-01"), m: optedOut("US", "2024-09-05"),
			want: res(PossiblyInScope, ReasonStartUncertain, Low, FlagStartUncertain)},
		{name: "US opted out 2024-09-19, post 2025", s: post("2025-02-01"), m: optedOut("US", "2024-09-19"),
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "HK opted out 2024-10-01, post 2020", s: post("2020-07-01"), m: optedOut("HK", "2024-10-01"),
			want: res(PossiblyInScope, ReasonPausedWindow, Medium, FlagHistorical)},
		{name: "any region, a message", s: kind("message", "2025-12-24"), m: us,
			want: res(Excluded, "private_messages", High)},
		{name: "EU no opt-out, non-PUBLIC post", s: Subject{Kind: "post", Date: day("2026-01-01"), Visibility: "MEMBER_NETWORK"}, m: eu,
			want: res(PossiblyInScope, ReasonVisibility, Medium)},
		{name: "born 2009-03-01, post 2025-12-01", s: post("2025-12-01"), m: Member{Region: "EU", Born: day("2009-03-01")},
			want: res(Protected, ReasonMinor, Medium)},
		{name: "born 2009-03-01, post 2027-04", s: post("2027-04-15"), m: Member{Region: "EU", Born: day("2009-03-01")},
			asOf: "2027-06-01", want: res(InScope, ReasonNoOptOut, High)},
	})
}

// Every outcome and every reason of the contract (and the added not_started).
func TestOutcomesAndReasons(t *testing.T) {
	cutoff := loadString(t, strings.Replace(string(embeddedYAML), "lookback_cutoff: null", "lookback_cutoff: 2015-01-01", 1))
	runClassify(t, []classifyCase{
		{name: "in_scope/no_opt_out", s: post("2025-01-01"), m: us, want: res(InScope, ReasonNoOptOut, High)},
		{name: "in_scope/before_opt_out", s: post("2025-01-01"), m: optedOut("US", "2025-06-01"),
			want: res(InScope, ReasonBeforeOptOut, High, FlagContinuedUsePossible)},
		// Reactions are not listed in the EU and the UK (policy 2026-12-06): a Canadian's.
		{name: "possibly/disputed_category reaction", s: kind("reaction", "2026-01-01"), m: Member{Region: "CA"},
			want: res(PossiblyInScope, ReasonDisputedCategory, Medium)},
		{name: "possibly/disputed_category repost", s: kind("repost", "2026-01-01"), m: eu,
			want: res(PossiblyInScope, ReasonDisputedCategory, Medium)},
		{name: "possibly/disputed_category search_query", s: kind("search_query", "2026-01-01"), m: eu,
			want: res(PossiblyInScope, ReasonDisputedCategory, Medium)},
		{name: "possibly/visibility CONNECTIONS", s: Subject{Kind: "post", Date: day("2025-01-01"), Visibility: "CONNECTIONS"}, m: us,
			want: res(PossiblyInScope, ReasonVisibility, Medium)},
		{name: "possibly/paused_window", s: post("2024-10-01"), m: Member{Region: "CA"}, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonPausedWindow, Medium)},
		{name: "possibly/start_uncertain", s: post("2020-01-01"), m: optedOut("UK", "2024-09-01"),
			want: res(PossiblyInScope, ReasonStartUncertain, Low, FlagStartUncertain)},
		{name: "protected/opted_out_before_start", s: post("2020-01-01"), m: optedOut("EU", "2025-01-01"),
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "protected/created_after_opt_out", s: post("2025-02-01"), m: optedOut("US", "2025-01-01"),
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "protected/minor", s: post("2024-01-01"), m: Member{Region: "US", Born: day("2008-01-01"), BornYearOnly: true},
			want: res(Protected, ReasonMinor, Medium)},
		{name: "protected/before_lookback", policy: cutoff, s: post("2012-01-01"), m: eu,
			want: res(Protected, ReasonBeforeLookback, Low)},
		{name: "after the lookback cut-off", policy: cutoff, s: post("2016-01-01"), m: eu,
			want: res(InScope, ReasonNoOptOut, Medium, FlagHistorical, FlagLookbackUncertain)},
		{name: "lookback ignores a lower-bound date", policy: cutoff, s: Subject{Kind: "position", Date: day("2012-01-01"), LowerBound: true}, m: eu,
			want: res(InScope, ReasonNoOptOut, Medium, FlagLowerBoundDate, FlagHistorical, FlagLookbackUncertain)},
		{name: "excluded message", s: kind("message", "2020-01-01"), m: eu, want: res(Excluded, "private_messages", High)},
		{name: "excluded invitation", s: kind("invitation", "2020-01-01"), m: eu, want: res(Excluded, "private_communication", High)},
		{name: "excluded job_application", s: kind("job_application", "2020-01-01"), m: eu, want: res(Excluded, "job_applications", High)},
		{name: "excluded receipt", s: kind("receipt", "2020-01-01"), m: eu, want: res(Excluded, "payment_data", High)},
		{name: "excluded login", s: kind("login", "2020-01-01"), m: eu, want: res(Excluded, "login_credentials", High)},
		{name: "excluded security_challenge", s: kind("security_challenge", ""), m: eu, want: res(Excluded, "login_credentials", High)},
		{name: "not_listed connection", s: kind("connection", "2020-01-01"), m: eu, want: res(NotListed, ReasonNotListed, Medium)},
		{name: "not_listed ad_targeting", s: kind("ad_targeting", ""), m: us, want: res(NotListed, ReasonNotListed, Medium)},
		{name: "unknown kind", s: kind("future_feature", "2020-01-01"), m: eu, want: res(NotListed, ReasonNotListed, Low, FlagUnknownKind)},
		{name: "not_started EU before 3 Nov 2025", s: post("2024-01-01"), m: eu, asOf: "2025-10-01",
			want: res(PossiblyInScope, ReasonNotStarted, Low, FlagHistorical, FlagLookbackUncertain)},
		{name: "excluded before any window", s: kind("message", "2024-01-01"), m: eu, asOf: "2025-10-01",
			want: res(Excluded, "private_messages", High)},
	})
}

// What the classifier says before a region's first window opens (no outcome in the contract).
func TestNoWindowOpenedYet(t *testing.T) {
	runClassify(t, []classifyCase{
		{name: "US before 2024-09-18, no opt-out", s: post("2023-01-01"), m: us, asOf: "2024-09-01",
			want: res(PossiblyInScope, ReasonNotStarted, Low, FlagHistorical, FlagStartUncertain)},
		{name: "US before the start, opted out before it", s: post("2023-01-01"), m: optedOut("US", "2024-08-01"), asOf: "2024-09-01",
			want: res(PossiblyInScope, ReasonStartUncertain, Low, FlagStartUncertain)},
		{name: "EU before 2025-11-03, opted out already", s: post("2019-01-01"), m: optedOut("EU", "2025-10-20"), asOf: "2025-10-25",
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "EU on the day before the start", s: post("2025-11-01"), m: eu, asOf: "2025-11-02",
			want: res(PossiblyInScope, ReasonNotStarted, Low, FlagHistorical, FlagLookbackUncertain)},
		{name: "EU on the start day", s: post("2025-11-01"), m: eu, asOf: "2025-11-03",
			want: res(InScope, ReasonNoOptOut, Medium, FlagHistorical, FlagLookbackUncertain)},
		{name: "CA post between the pause and the restart", s: post("2025-01-01"), m: Member{Region: "CA"}, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonNotStarted, Medium, FlagHistorical)},
		{name: "CA post during the pause, as of after the restart", s: post("2025-01-01"), m: Member{Region: "CA"},
			want: res(InScope, ReasonNoOptOut, High, FlagHistorical)},
		{name: "HK before restart: paused window wins over not started", s: post("2020-01-01"), m: Member{Region: "HK"}, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonPausedWindow, Medium, FlagHistorical)},
		{name: "disputed kind not started", s: kind("repost", "2025-01-01"), m: eu, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonNotStarted, Low, FlagHistorical, FlagLookbackUncertain, FlagDisputedCategory)},
	})
}

// Day boundaries: "on or after" the opt-out, "on or before" a start, the end day of a pause,
// and UTC calendar days.
func TestBoundaries(t *testing.T) {
	de := optedOut("EU", "2025-12-01")
	runClassify(t, []classifyCase{
		{name: "created on the opt-out day at 00:00 UTC", s: post("2025-12-01T00:00:00Z"), m: de,
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "created on the opt-out day at 23:59 UTC", s: post("2025-12-01T23:59:59Z"), m: de,
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "created the day before the opt-out", s: post("2025-11-30T23:59:59Z"), m: de,
			want: res(InScope, ReasonBeforeOptOut, High, FlagContinuedUsePossible)},
		{name: "local time after midnight is still the UTC day before", s: post("2025-12-01T00:30:00+02:00"), m: de,
			want: res(InScope, ReasonBeforeOptOut, High, FlagContinuedUsePossible)},
		{name: "opt-out given with a time counts by its UTC day", s: post("2025-12-01T08:00:00Z"),
			m: Member{Region: "EU", OptOut: day("2025-12-01T20:00:00Z")}, want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "opt-out on the start day protects", s: post("2020-01-01"), m: optedOut("EU", "2025-11-03"),
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "opt-out the day after the start does not", s: post("2020-01-01"), m: optedOut("EU", "2025-11-04"),
			want: res(InScope, ReasonBeforeOptOut, Medium, FlagHistorical, FlagLookbackUncertain, FlagContinuedUsePossible)},
		{name: "uncertain start: opt-out on the start day", s: post("2020-01-01"), m: optedOut("US", "2024-09-18"),
			want: res(PossiblyInScope, ReasonStartUncertain, Low, FlagStartUncertain)},
		{name: "uncertain start: item made after the early opt-out is protected", s: post("2024-09-10"), m: optedOut("US", "2024-09-05"),
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "uncertain start: item made on the early opt-out day", s: post("2024-09-05"), m: optedOut("US", "2024-09-05"),
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "item made on the start day is not historical", s: post("2025-11-03"), m: eu,
			want: res(InScope, ReasonNoOptOut, High)},
		{name: "item made the day before the start is historical", s: post("2025-11-02"), m: eu,
			want: res(InScope, ReasonNoOptOut, Medium, FlagHistorical, FlagLookbackUncertain)},
		{name: "HK item made the day before the pause", s: post("2024-10-10"), m: Member{Region: "HK"}, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonPausedWindow, Medium)},
		{name: "HK item made on the pause day is not covered", s: post("2024-10-11"), m: Member{Region: "HK"}, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonNotStarted, Medium, FlagHistorical)},
		// A UK post is also taken in by Microsoft's training from 2025-11-03 (flag
		// microsoft_training, set while that purpose exposes it or is still to start).
		{name: "UK window still running on the as-of day", s: post("2023-01-01"), m: Member{Region: "UK"}, asOf: "2024-09-19",
			want: res(InScope, ReasonNoOptOut, Low, FlagHistorical, "microsoft_training")},
		{name: "UK window paused on its end day", s: post("2023-01-01"), m: Member{Region: "UK"}, asOf: "2024-09-20",
			want: res(PossiblyInScope, ReasonPausedWindow, Low, FlagHistorical, "microsoft_training")},
		{name: "UK 2023 post today: both windows, 2025 decides", s: post("2023-01-01"), m: Member{Region: "UK"},
			want: res(InScope, ReasonNoOptOut, High, FlagHistorical, FlagPausedWindow, "microsoft_training")},
		{name: "objection earlier than the opt-out", s: post("2020-01-01"),
			m:    Member{Region: "EU", OptOut: day("2026-01-01"), Objection: day("2025-10-01")},
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "objection later than the opt-out", s: post("2025-12-15"),
			m:    Member{Region: "EU", OptOut: day("2025-12-01"), Objection: day("2026-01-01")},
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "objection alone", s: post("2026-02-01"), m: Member{Region: "EU", Objection: day("2026-01-01")},
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "CA opt-out in 2024 carries to 2025", s: post("2024-12-01"), m: optedOut("CA", "2024-10-01"),
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "unknown region code falls back to US", s: post("2023-01-01"), m: Member{Region: "FR"}, asOf: "2024-10-01",
			want: res(InScope, ReasonNoOptOut, High, FlagHistorical)},
		{name: "region code in lower case", s: post("2023-01-01"), m: Member{Region: "hk"}, asOf: "2025-06-01",
			want: res(PossiblyInScope, ReasonPausedWindow, Medium, FlagHistorical)},
		{name: "2018 export writes Public", s: Subject{Kind: "post", Date: day("2026-01-01"), Visibility: "Public"}, m: eu,
			want: res(InScope, ReasonNoOptOut, High)},
		{name: "empty visibility is not non-public", s: Subject{Kind: "post", Date: day("2026-01-01")}, m: eu,
			want: res(InScope, ReasonNoOptOut, High)},
		{name: "visibility only applies to posts", s: Subject{Kind: "comment", Date: day("2026-01-01"), Visibility: "CONNECTIONS"}, m: eu,
			want: res(InScope, ReasonNoOptOut, High)},
		{name: "non-public post in a paused window keeps the flag", s: Subject{Kind: "post", Date: day("2020-01-01"), Visibility: "MEMBER_NETWORK"},
			m: optedOut("HK", "2024-10-01"), want: res(PossiblyInScope, ReasonPausedWindow, Low, FlagHistorical, FlagNonPublic)},
		{name: "disputed kind in a paused window keeps the flag", s: kind("reaction", "2020-01-01"),
			m: optedOut("HK", "2024-10-01"), want: res(PossiblyInScope, ReasonPausedWindow, Low, FlagHistorical, FlagDisputedCategory)},
		{name: "third-party profile flag", s: kind("recommendation_given", "2026-01-01"), m: eu,
			want: res(InScope, ReasonNoOptOut, High, "third_party_profile")},
	})
}

func TestMinor(t *testing.T) {
	born := Member{Region: "EU", Born: day("2009-03-01")}
	year := Member{Region: "EU", Born: day("2009-01-01"), BornYearOnly: true}
	leap := Member{Region: "EU", Born: day("2008-02-29")}
	runClassify(t, []classifyCase{
		{name: "day before the 18th birthday", s: post("2027-02-28"), m: born, asOf: "2027-06-01", want: res(Protected, ReasonMinor, Medium)},
		{name: "on the 18th birthday", s: post("2027-03-01"), m: born, asOf: "2027-06-01", want: res(InScope, ReasonNoOptOut, High)},
		{name: "year only: 31 Dec of Y+17", s: post("2026-12-31"), m: year, asOf: "2027-06-01", want: res(Protected, ReasonMinor, Medium)},
		{name: "year only: 1 Jan of Y+18 may be adult", s: post("2027-01-01"), m: year, asOf: "2027-06-01", want: res(InScope, ReasonNoOptOut, High)},
		{name: "year only given mid-year is read as the year", s: post("2026-12-31"),
			m: Member{Region: "EU", Born: day("2009-07-01"), BornYearOnly: true}, asOf: "2027-06-01", want: res(Protected, ReasonMinor, Medium)},
		{name: "29 Feb birthday, 28 Feb of a common year", s: post("2026-02-28"), m: leap, asOf: "2027-06-01", want: res(InScope, ReasonNoOptOut, High)},
		{name: "29 Feb birthday, 27 Feb", s: post("2026-02-27"), m: leap, asOf: "2027-06-01", want: res(Protected, ReasonMinor, Medium)},
		{name: "undated item of a member still under 18", s: kind("profile", ""), m: year, asOf: "2026-06-01",
			want: res(Protected, ReasonMinor, Medium, FlagUndated)},
		{name: "undated item once the member may be adult", s: kind("profile", ""), m: year, asOf: "2027-06-01",
			want: res(InScope, ReasonNoOptOut, Medium, FlagUndated, FlagHistorical, FlagLookbackUncertain)},
		{name: "lower-bound item of a member still under 18", s: Subject{Kind: "position", Date: day("2024-01-01"), LowerBound: true},
			m: born, asOf: "2026-06-01", want: res(Protected, ReasonMinor, Medium, FlagLowerBoundDate)},
		{name: "lower-bound item once adult", s: Subject{Kind: "position", Date: day("2024-01-01"), LowerBound: true},
			m: born, asOf: "2027-06-01", want: res(InScope, ReasonNoOptOut, Medium, FlagLowerBoundDate, FlagHistorical, FlagLookbackUncertain)},
		{name: "minor does not override an exclusion", s: kind("message", "2024-01-01"), m: born, want: res(Excluded, "private_messages", High)},
		{name: "minor item of a member who opted out later", s: post("2025-12-01"),
			m: Member{Region: "EU", Born: day("2009-03-01"), OptOut: day("2027-05-01")}, asOf: "2027-06-01",
			want: res(Protected, ReasonMinor, Medium)},
	})
}

func TestUndatedAndLowerBound(t *testing.T) {
	reg := Member{Region: "EU", Registered: day("2010-05-01"), OptOut: day("2025-12-01")}
	runClassify(t, []classifyCase{
		{name: "undated profile, late opt-out: since registration, before it", s: kind("profile", ""), m: reg,
			// medium from lookback_uncertain, low because a profile entry made after the
			// opt-out would be protected.
			want: res(InScope, ReasonBeforeOptOut, Low, FlagUndated, FlagHistorical, FlagLookbackUncertain, FlagContinuedUsePossible)},
		{name: "undated, opt-out before the start", s: kind("skill", ""), m: Member{Region: "EU", Registered: day("2010-05-01"), OptOut: day("2025-10-01")},
			want: res(Protected, ReasonOptedOutBeforeStart, High, FlagUndated)},
		{name: "undated, no registration, US", s: kind("profile", ""), m: us,
			want: res(InScope, ReasonNoOptOut, High, FlagUndated, FlagHistorical)},
		{name: "undated, no registration, early US opt-out", s: kind("profile", ""), m: optedOut("US", "2024-09-01"),
			// a profile entry made after the opt-out would be protected: one step lower
			want: res(PossiblyInScope, ReasonStartUncertain, Low, FlagUndated, FlagStartUncertain)},
		{name: "lower bound before the opt-out", s: Subject{Kind: "position", Date: day("2020-01-01"), LowerBound: true}, m: optedOut("US", "2025-01-01"),
			want: res(InScope, ReasonBeforeOptOut, Medium, FlagLowerBoundDate, FlagHistorical, FlagContinuedUsePossible)},
		{name: "lower bound after the opt-out", s: Subject{Kind: "position", Date: day("2025-03-01"), LowerBound: true}, m: optedOut("US", "2025-01-01"),
			want: res(Protected, ReasonCreatedAfterOptOut, High, FlagLowerBoundDate)},
		{name: "lower bound without opt-out: date does not matter", s: Subject{Kind: "certification", Date: day("2020-01-01"), LowerBound: true}, m: us,
			want: res(InScope, ReasonNoOptOut, High, FlagLowerBoundDate, FlagHistorical)},
		{name: "zero date with LowerBound set counts as undated", s: Subject{Kind: "skill", LowerBound: true}, m: us,
			want: res(InScope, ReasonNoOptOut, High, FlagUndated, FlagHistorical)},
	})
}

// A policy may map the not-started case to another outcome.
func TestNotStartedIsConfigurable(t *testing.T) {
	src := strings.Replace(string(embeddedYAML), "outcome: possibly_in_scope\n    reason: not_started",
		"outcome: possibly_in_scope\n    reason: start_uncertain", 1)
	p := loadString(t, src)
	got := p.Classify(post("2024-01-01"), eu, day("2025-10-01"))
	if got.Outcome != PossiblyInScope || got.Reason != ReasonStartUncertain {
		t.Fatalf("got %+v", got)
	}
}

func TestClassifyIsPure(t *testing.T) {
	p := Default()
	s := post("2021-05-05")
	m := optedOut("EU", "2025-12-01")
	a := p.Classify(s, m, day("2026-06-01"))
	for range 3 {
		b := p.Classify(s, m, day("2026-06-01"))
		if !slices.Equal(a.Flags, b.Flags) || a.Outcome != b.Outcome || a.Confidence != b.Confidence {
			t.Fatalf("%+v != %+v", a, b)
		}
	}
	// Result flags, shared between results, never alias the policy's
	// category flags: a caller's mistake could not change the policy.
	r := p.Classify(kind("recommendation_given", "2026-01-01"), eu, day("2026-06-01"))
	c, _ := p.Category("recommendation_given")
	k := slices.Index(r.Flags, c.Flags[0])
	if k < 0 || &r.Flags[k] == &c.Flags[0] {
		t.Fatalf("flags %v: the category's flag is missing or aliased", r.Flags)
	}
}

// A profile entry dated by the start of its period (2008) on an account
// registered in 2009 was added in 2009 at the earliest: with an opt-out
// between the two, it did not exist at the opt-out: protected, where the
// raw 2008 date would make it possibly_in_scope (start_uncertain, US).
func TestLowerBoundNotBeforeRegistration(t *testing.T) {
	p := Default()
	m := Member{Region: "US", Registered: day("2009-04-17"), OptOut: day("2008-12-01")}
	s := Subject{Kind: "position", Date: day("2008-09-01"), LowerBound: true}
	got := p.Classify(s, m, day("2026-11-23"))
	if got.Outcome != Protected {
		t.Errorf("position from 2008 on a 2009 account, opt-out 2008-12: got %+v, want protected", got)
	}
	w := p.WhatIf([]Subject{s}, m, day("2026-11-23"))
	if w[0].Month.Format("2006-01") != "2009-04" {
		t.Errorf("what-if starts %s, want 2009-04 (registration)", w[0].Month.Format("2006-01"))
	}
}

// A Classifier gives what Classify gives, item by item, in every region, also
// when several goroutines share it.
func TestClassifierMatchesClassify(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	cutoff := loadString(t, strings.Replace(string(embeddedYAML), "lookback_cutoff: null", "lookback_cutoff: 2015-01-01", 1))
	for _, p := range []*Policy{Default(), cutoff} {
		for _, code := range append(regionCodes(p), "hk", " uk ") {
			for trial := range 20 {
				m := randomMember(r)
				m.Region = code
				if r.IntN(3) > 0 {
					m.OptOut = randomDay(r, "2023-01-01", "2027-06-30")
				}
				asOf := randomDay(r, "2023-06-01", "2028-06-30")
				subjects := make([]Subject, 200)
				for i := range subjects {
					subjects[i] = randomSubject(r)
				}
				want := make([]Result, len(subjects))
				for i, s := range subjects {
					want[i] = p.Classify(s, m, asOf)
				}
				c := p.Classifier(m, asOf)
				got := make([]Result, len(subjects))
				var wg sync.WaitGroup
				for g := range 4 {
					wg.Go(func() {
						for i := g; i < len(subjects); i += 4 {
							got[i] = c.Classify(subjects[i])
						}
					})
				}
				wg.Wait()
				for i := range subjects {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("%s trial %d (%+v, as of %s), %+v:\nClassifier %+v\nClassify   %+v",
							code, trial, m, asOf.Format(dateLayout), subjects[i], got[i], want[i])
					}
				}
			}
		}
	}
}

// Classifying a typical item allocates nothing: flag lists are shared and the
// member's facts are worked out without the heap.
func TestClassifyAllocs(t *testing.T) {
	p := Default()
	m := Member{Region: "EU", OptOut: day("2025-12-01"), Born: day("1984-03-01"), Registered: day("2009-04-17")}
	minor := Member{Region: "EU", Born: day("2009-03-01")}
	asOf := day("2026-06-01")
	cases := []struct {
		name string
		s    Subject
		m    Member
		want Outcome
	}{
		{"in scope", post("2021-05-05"), m, InScope},
		{"protected after the opt-out", post("2026-01-10"), m, Protected},
		{"protected minor", post("2025-12-01"), minor, Protected},
		{"excluded", kind("message", "2025-12-24"), m, Excluded},
		{"not listed", kind("connection", "2020-01-01"), m, NotListed},
		{"unknown kind", kind("future_feature", "2020-01-01"), m, NotListed},
		{"undated", kind("profile", ""), m, InScope},
		{"lower bound", Subject{Kind: "position", Date: day("2020-01-01"), LowerBound: true}, m, InScope},
		{"non-public post", Subject{Kind: "post", Date: day("2021-05-05"), Visibility: "CONNECTIONS"}, m, PossiblyInScope},
		{"category flags", kind("recommendation_given", "2021-05-05"), m, InScope},
	}
	for _, tc := range cases {
		c := p.Classifier(tc.m, asOf)
		if got := c.Classify(tc.s).Outcome; got != tc.want {
			t.Fatalf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if n := testing.AllocsPerRun(100, func() { resultSink = p.Classify(tc.s, tc.m, asOf) }); n != 0 {
			t.Errorf("%s: Classify makes %v allocations", tc.name, n)
		}
		if n := testing.AllocsPerRun(100, func() { resultSink = c.Classify(tc.s) }); n != 0 {
			t.Errorf("%s: Classifier.Classify makes %v allocations", tc.name, n)
		}
		acc := p.NewWhatIf(tc.m, asOf)
		if n := testing.AllocsPerRun(100, func() { acc.Add(tc.s) }); n != 0 {
			t.Errorf("%s: WhatIfAcc.Add makes %v allocations", tc.name, n)
		}
	}
}

// Results with the same flags share one list, which append does not write
// into; a list that a caller modified anyway is not handed out again. The
// category flag is this test's own, so that no other test sees its list.
func TestFlagsShared(t *testing.T) {
	p := loadString(t, strings.Replace(string(embeddedYAML), "flags: [third_party_profile]", "flags: [test_flags_shared]", 1))
	c := p.Classifier(eu, day("2026-06-01"))
	s := kind("recommendation_given", "2021-05-05")
	want := []string{FlagHistorical, FlagLookbackUncertain, "test_flags_shared"}
	a, b := c.Classify(s), p.Classify(s, eu, day("2026-06-01"))
	if !slices.Equal(a.Flags, want) || &a.Flags[0] != &b.Flags[0] {
		t.Fatalf("flags %v and %v, want %v, shared", a.Flags, b.Flags, want)
	}
	if cap(a.Flags) != len(a.Flags) {
		t.Errorf("capacity %d > length %d: append would write into the shared list", cap(a.Flags), len(a.Flags))
	}
	if e := c.Classify(kind("message", "2021-05-05")).Flags; e == nil || len(e) != 0 || cap(e) != 0 {
		t.Errorf("no flags: %#v, want an empty list with no room", e)
	}
	a.Flags[0] = "changed"
	if got := c.Classify(s).Flags; !slices.Equal(got, want) {
		t.Errorf("after a caller changed a list: %v, want %v", got, want)
	}
}
