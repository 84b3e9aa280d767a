package policy

import (
	"slices"
	"strings"
	"testing"
)

// The rules the 2026-12-06 revision changed, each with a worked example: the item, the
// member's region and dates, the outcome and reason, under the revised policy and under the
// version it replaced.
func TestRevision20261206(t *testing.T) {
	prev, err := Embedded("2025-11-03")
	if err != nil {
		t.Fatal(err)
	}
	type example struct {
		name     string
		s        Subject
		m        Member
		asOf     string
		now, was Result // Flags nil = not checked; Confidence "" = not checked
	}
	possibly := Result{Outcome: PossiblyInScope, Reason: ReasonDisputedCategory}
	notListed := res(NotListed, ReasonNotListed, Medium)
	examples := []example{
		// Reactions: not listed in the EU/EEA/CH and the UK, still disputed elsewhere.
		{name: "EU reaction of 2023, no opt-out", s: kind("reaction", "2023-05-01"), m: eu, asOf: "2026-11-23",
			now: notListed, was: possibly},
		{name: "UK reaction of 2023, opted out 2025-12-01", s: kind("reaction", "2023-05-01"), m: optedOut("UK", "2025-12-01"), asOf: "2026-11-23",
			now: notListed, was: possibly},
		{name: "EU reaction after the opt-out", s: kind("reaction", "2026-03-01"), m: optedOut("EU", "2025-12-01"), asOf: "2026-11-23",
			now: notListed, was: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "US reaction of 2023: unchanged", s: kind("reaction", "2023-05-01"), m: us, asOf: "2026-11-23",
			now: possibly, was: possibly},
		{name: "CA reaction of 2023: unchanged", s: kind("reaction", "2023-05-01"), m: Member{Region: "CA"}, asOf: "2026-11-23",
			now: possibly, was: possibly},
		// Search queries: reconsidered, unchanged.
		{name: "EU search of 2024: still disputed", s: kind("search_query", "2024-02-01"), m: eu, asOf: "2026-11-23",
			now: possibly, was: possibly},

		// UK: Microsoft's training takes job postings in, under the same setting from 3 Nov 2025.
		{name: "UK job posting of 2024-05, no opt-out", s: kind("job_posting", "2024-05-01"), m: Member{Region: "UK"}, asOf: "2026-11-23",
			now: res(InScope, ReasonNoOptOut, High, FlagHistorical, "microsoft_training"), was: notListed},
		{name: "UK job posting of 2024-05, opted out 2025-12-01", s: kind("job_posting", "2024-05-01"), m: optedOut("UK", "2025-12-01"), asOf: "2026-11-23",
			now: res(InScope, ReasonBeforeOptOut, High, FlagHistorical, FlagContinuedUsePossible, "microsoft_training"), was: notListed},
		{name: "UK job posting of 2024-05, opted out 2025-10-01", s: kind("job_posting", "2024-05-01"), m: optedOut("UK", "2025-10-01"), asOf: "2026-11-23",
			now: res(Protected, ReasonOptedOutBeforeStart, High), was: notListed},
		{name: "UK job posting of 2026-02-02 (the sample's), opted out 2025-12-01", s: kind("job_posting", "2026-02-02T10:05:00Z"), m: optedOut("UK", "2025-12-01"), asOf: "2026-11-23",
			now: res(Protected, ReasonCreatedAfterOptOut, High), was: notListed},
		{name: "EU job posting: no Microsoft purpose in the EU", s: kind("job_posting", "2024-05-01"), m: eu, asOf: "2026-11-23",
			now: notListed, was: notListed},
		{name: "UK post before the opt-out: same outcome, flagged microsoft_training", s: post("2025-06-01"), m: optedOut("UK", "2025-12-01"), asOf: "2026-11-23",
			now: res(InScope, ReasonBeforeOptOut, High, FlagHistorical, FlagContinuedUsePossible, "microsoft_training"),
			was: res(InScope, ReasonBeforeOptOut, High, FlagHistorical, FlagContinuedUsePossible)},
		{name: "UK post of the 2024 window, opted out 2025-10-01: paused window only, no Microsoft flag", s: post("2024-09-19"), m: optedOut("UK", "2025-10-01"), asOf: "2026-11-23",
			now: Result{Outcome: PossiblyInScope, Reason: ReasonPausedWindow}, was: Result{Outcome: PossiblyInScope, Reason: ReasonPausedWindow}},
		{name: "UK media of 2025-01, no opt-out", s: kind("media", "2025-01-10"), m: Member{Region: "UK"}, asOf: "2026-11-23",
			now: res(InScope, ReasonNoOptOut, High, FlagHistorical, "microsoft_training"), was: res(InScope, ReasonNoOptOut, High, FlagHistorical)},
		{name: "UK minor's job posting stays protected", s: kind("job_posting", "2024-05-01"), m: Member{Region: "UK", Born: day("2010-01-01")}, asOf: "2026-11-23",
			now: res(Protected, ReasonMinor, Medium), was: notListed},

		// Salary data: excluded wherever it appears.
		{name: "salary record, EU", s: kind("salary", "2024-01-01"), m: eu, asOf: "2026-11-23",
			now: res(Excluded, "salary_data", High), was: res(NotListed, ReasonNotListed, Low, FlagUnknownKind)},
		{name: "salary record, US", s: kind("salary", "2024-01-01"), m: us, asOf: "2026-11-23",
			now: res(Excluded, "salary_data", High), was: res(NotListed, ReasonNotListed, Low, FlagUnknownKind)},

		// Late objections (Garante): an objection after 3 Nov 2025 covers only what is made on
		// or after it; one before the start protects everything. Unchanged, now cited.
		{name: "EU post of 2025-10-01, objection 2025-11-20", s: post("2025-10-01"), m: Member{Region: "EU", Objection: day("2025-11-20")}, asOf: "2026-11-23",
			now: res(InScope, ReasonBeforeOptOut, Medium, FlagHistorical, FlagLookbackUncertain, FlagContinuedUsePossible),
			was: res(InScope, ReasonBeforeOptOut, Medium, FlagHistorical, FlagLookbackUncertain, FlagContinuedUsePossible)},
		{name: "EU post of 2025-11-25, objection 2025-11-20", s: post("2025-11-25"), m: Member{Region: "EU", Objection: day("2025-11-20")}, asOf: "2026-11-23",
			now: res(Protected, ReasonCreatedAfterOptOut, High), was: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "EU post of 2025-10-01, objection 2025-11-01", s: post("2025-10-01"), m: Member{Region: "EU", Objection: day("2025-11-01")}, asOf: "2026-11-23",
			now: res(Protected, ReasonOptedOutBeforeStart, High), was: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "EU post, late opt-out but earlier objection: the objection counts", s: post("2025-10-01"), m: Member{Region: "EU", OptOut: day("2026-01-10"), Objection: day("2025-10-20")}, asOf: "2026-11-23",
			now: res(Protected, ReasonOptedOutBeforeStart, High), was: res(Protected, ReasonOptedOutBeforeStart, High)},

		// Look-back: narrowed to an unknown date; no cut-off, old EU items flagged.
		{name: "EU post of 2010", s: post("2010-03-01"), m: eu, asOf: "2026-11-23",
			now: res(InScope, ReasonNoOptOut, Medium, FlagHistorical, FlagLookbackUncertain),
			was: res(InScope, ReasonNoOptOut, Medium, FlagHistorical, FlagLookbackUncertain)},
	}
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			for _, side := range []struct {
				p    *Policy
				want Result
			}{{Default(), ex.now}, {prev, ex.was}} {
				got := side.p.Classify(ex.s, ex.m, day(ex.asOf))
				w := side.want
				if got.Outcome != w.Outcome || got.Reason != w.Reason ||
					(w.Confidence != "" && got.Confidence != w.Confidence) ||
					(w.Flags != nil && !slices.Equal(sorted(got.Flags), sorted(w.Flags))) {
					t.Errorf("policy %s: got %s/%s %s %v, want %s/%s %s %v", side.p.Version,
						got.Outcome, got.Reason, got.Confidence, got.Flags, w.Outcome, w.Reason, w.Confidence, w.Flags)
				}
			}
		})
	}
}

// The policy names both settings: the AI setting in every region, the ads-sharing one only
// where LinkedIn offers it, with the Global Privacy Control in the US.
func TestRevisionControls(t *testing.T) {
	p := Default()
	ai, ok := p.Control("data_for_ai")
	if !ok || ai.Flag != "opt-out" || ai.URL != "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement" || !ai.Offered("EU") {
		t.Errorf("AI setting %+v", ai)
	}
	ob, ok := p.Control("objection_form")
	if !ok || ob.Flag != "objection" {
		t.Errorf("objection form %+v", ob)
	}
	ads, ok := p.Control("ads_data_sharing")
	if !ok || ads.Flag != "" || !strings.Contains(ads.URL, "share-data-with-select-partners") ||
		!slices.Contains(ads.AlsoURLs, "https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners") {
		t.Fatalf("ads sharing %+v", ads)
	}
	for region, offered := range map[string]bool{"EU": false, "UK": false, "US": true, "CA": true, "HK": true} {
		if ads.Offered(region) != offered {
			t.Errorf("ads sharing offered in %s: %v", region, !offered)
		}
	}
	if !slices.Equal(ads.GPC, []string{"US"}) || ads.NotOffered == "" {
		t.Errorf("ads sharing GPC %v, not offered %q", ads.GPC, ads.NotOffered)
	}
	// The main purpose is under the AI setting; Microsoft's training only concerns the UK.
	for region, want := range map[string][]string{"UK": {"linkedin_training", "microsoft_training"}, "EU": {"linkedin_training"}, "US": {"linkedin_training"}} {
		var got []string
		for _, u := range p.PurposesFor(region) {
			got = append(got, u.ID)
			if u.Control != ai {
				t.Errorf("%s: purpose %s under %s", region, u.ID, u.Control.ID)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s purposes %v, want %v", region, got, want)
		}
	}
	ms := p.PurposesFor("UK")[1]
	if ms.Recipient != "Microsoft" || !slices.Contains(ms.Kinds, "job_posting") || !slices.Contains(ms.Data, "Job Postings") {
		t.Errorf("Microsoft purpose %+v", ms)
	}
}

// The revision's changelog is the first entry, and every earlier embedded version has one.
func TestRevisionChangelog(t *testing.T) {
	p := Default()
	if len(p.Changelog) == 0 || p.Changelog[0].Version != p.Version {
		t.Fatalf("changelog %+v", p.Changelog)
	}
	for _, v := range Versions() {
		if !slices.ContainsFunc(p.Changelog, func(c Change) bool { return c.Version == v }) {
			t.Errorf("embedded version %s has no changelog entry", v)
		}
	}
	all := strings.Join(p.Changelog[0].Changes, "\n")
	for _, want := range []string{"Reactions in the EU/EEA/CH and the UK", "Microsoft", "salary_data", "groups-not-in-export",
		"ai-feedback-not-in-export", "ads-sharing", "Garante", "S36 (PCMag via promo-sale.live)"} {
		if !strings.Contains(all, want) {
			t.Errorf("the changelog does not mention %q", want)
		}
	}
	for _, id := range []string{"reactions-eu-uk", "uk-microsoft", "groups-not-in-export", "ai-feedback-not-in-export", "salary-not-in-export"} {
		if !slices.ContainsFunc(p.Assumptions, func(a Assumption) bool { return a.ID == id }) {
			t.Errorf("no assumption %s", id)
		}
	}
}
