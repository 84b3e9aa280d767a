package policy

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// formatBase is a policy file without the sections tested here (the first embedded version);
// formatExtra adds them.
func formatBase() string {
	data, err := versionFiles.ReadFile("versions/linkedin-genai-2025-11-03.yaml")
	if err != nil {
		panic(err)
	}
	return string(data)
}

// formatExtra turns base into a file with every section of the format: a by-region scope, the
// controls, a second purpose and a changelog. Tests then break one thing at a time.
func formatExtra(t *testing.T, base string) string {
	t.Helper()
	const anchor = "    kinds: [reaction]\n"
	if !strings.Contains(base, anchor) {
		t.Fatalf("%q not in the base policy", anchor)
	}
	src := strings.Replace(base, anchor, anchor+`    by_region:
      - regions: [EU, UK]
        scope: not_listed
        note: Test override of the reactions' scope.
        sources: [S1]
`, 1)
	version := Default().Version
	if p, err := Load(strings.NewReader(base), "base.yaml"); err == nil {
		version = p.Version
	}
	return src + fmt.Sprintf(`
controls:
  - id: ai_setting
    name: Data for Generative AI Improvement
    label: Use my data for training content creation AI models
    path: Settings & Privacy > Data privacy > Data for Generative AI Improvement
    url: https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement
    flag: opt-out
    covers: LinkedIn's training and, in the UK, Microsoft's.
    note: The setting the opt-out date records.
    sources: [S1]
  - id: objection
    name: Data Processing Objection form
    url: https://www.linkedin.com/help/linkedin/ask/TS-DPRO
    flag: objection
    covers: An objection under Art. 21 GDPR.
    note: The form the objection date records.
    sources: [S1]
  - id: ads_sharing
    name: Data sharing for ads
    url: https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners
    also_urls: [https://www.linkedin.com/mypreferences/s/settings/share-data-with-trusted-partners]
    regions: [US, CA]
    gpc: [US]
    covers: Sharing with Microsoft for its ads.
    not_offered: No ads sharing is described for the other regions.
    note: Named, not classified.
    sources: [S3]
purposes:
  - id: own_training
    name: LinkedIn trains its models
    recipient: LinkedIn
    control: ai_setting
    data: [profile, posts]
    note: The main purpose.
    sources: [S1]
  - id: partner_training
    name: Microsoft trains its models
    recipient: Microsoft
    control: ai_setting
    regions: [UK]
    kinds: [post, job_posting]
    flag: partner_training
    data: [posts, job postings]
    not_in_export: Company pages.
    windows:
      - start: 2025-11-03
        note: From the UK restart.
        sources: [S3]
    note: The second purpose.
    sources: [S3]
changelog:
  - version: "%s"
    date: 2026-12-01
    changes:
      - A change.
    sources: [S1]
  - version: "0.9"
    date: 2025-01-01
    changes: [The first one.]
`, version)
}

func TestFormatSections(t *testing.T) {
	p := loadString(t, formatExtra(t, formatBase()))

	c, _ := p.Category("reaction")
	for region, want := range map[string]string{"EU": ScopeNotListed, "uk": ScopeNotListed, "US": ScopeDisputed, "CA": ScopeDisputed} {
		if got, b := c.ScopeIn(region); got != want || b.Note == "" {
			t.Errorf("reactions in %s: %s (%q), want %s", region, got, b.Note, want)
		}
	}

	if got := len(p.PurposesFor("UK")); got != 2 {
		t.Errorf("UK has %d purposes, want 2", got)
	}
	eu := p.PurposesFor("EU")
	if len(eu) != 1 || !eu[0].Main || eu[0].Control.ID != "ai_setting" {
		t.Errorf("EU purposes %+v, want the main one only", eu)
	}
	ms := p.Purposes[1]
	if ms.Recipient != "Microsoft" || ms.Flag != "partner_training" || len(ms.Windows) != 1 || ms.Windows[0].Start.Format(dateLayout) != "2025-11-03" {
		t.Errorf("second purpose %+v", ms)
	}

	ads, ok := p.Control("ads_sharing")
	if !ok || ads.Offered("EU") || !ads.Offered("us") || !slices.Equal(ads.GPC, []string{"US"}) || ads.Flag != "" {
		t.Errorf("ads control %+v", ads)
	}
	if ctl, _ := p.Control("objection"); !ctl.Offered("HK") {
		t.Error("a control without regions is offered everywhere")
	}

	if len(p.Changelog) != 2 || p.Changelog[0].Version != p.Version || p.Changelog[1].Changes[0] != "The first one." {
		t.Errorf("changelog %+v", p.Changelog)
	}
}

// The sections change outcomes where they say so, and only there.
func TestFormatClassification(t *testing.T) {
	p := loadString(t, formatExtra(t, formatBase()))
	runClassify(t, []classifyCase{
		{name: "UK job posting before the opt-out: in scope through the second purpose",
			s: kind("job_posting", "2024-05-01"), m: optedOut("UK", "2025-12-01"), asOf: "2026-06-01", policy: p,
			want: res(InScope, ReasonBeforeOptOut, High, FlagHistorical, FlagContinuedUsePossible, "partner_training")},
		{name: "UK job posting, opted out before the second purpose began",
			s: kind("job_posting", "2024-05-01"), m: optedOut("UK", "2025-10-01"), asOf: "2026-06-01", policy: p,
			want: res(Protected, ReasonOptedOutBeforeStart, High)},
		{name: "UK job posting after the opt-out",
			s: kind("job_posting", "2026-01-05"), m: optedOut("UK", "2025-12-01"), asOf: "2026-06-01", policy: p,
			want: res(Protected, ReasonCreatedAfterOptOut, High)},
		{name: "UK job posting before the second purpose began (as of 2025-10-01)",
			s: kind("job_posting", "2024-05-01"), m: Member{Region: "UK"}, asOf: "2025-10-01", policy: p,
			want: res(PossiblyInScope, ReasonNotStarted, Medium, FlagHistorical, "partner_training")},
		{name: "EU job posting: no second purpose there",
			s: kind("job_posting", "2024-05-01"), m: eu, policy: p,
			want: res(NotListed, ReasonNotListed, Medium)},
		{name: "UK post: LinkedIn's windows decide, the second purpose flags",
			s: post("2025-06-01"), m: Member{Region: "UK"}, policy: p,
			want: res(InScope, ReasonNoOptOut, High, FlagHistorical, "partner_training")},
		{name: "UK post of the 2024 window only (created before it paused, opted out after)",
			s: post("2024-09-19"), m: optedOut("UK", "2025-10-01"), policy: p,
			want: Result{Outcome: PossiblyInScope, Reason: ReasonPausedWindow}},
		{name: "EU reaction: not listed in the EU",
			s: kind("reaction", "2023-05-01"), m: eu, policy: p,
			want: res(NotListed, ReasonNotListed, Medium)},
		{name: "US reaction: still disputed",
			s: kind("reaction", "2023-05-01"), m: us, policy: p,
			want: Result{Outcome: PossiblyInScope, Reason: ReasonDisputedCategory}},
	})
	// Without the sections, the same file gives the old outcomes.
	old := loadString(t, formatBase())
	if got := old.Classify(kind("job_posting", "2024-05-01"), Member{Region: "UK"}, day("2026-06-01")); got.Outcome != NotListed {
		t.Errorf("base policy: UK job posting %s", got.Outcome)
	}
}

// The what-if counts take the second purpose's window into account, like Classify.
func TestFormatWhatIf(t *testing.T) {
	p := loadString(t, formatExtra(t, formatBase()))
	subjects := []Subject{kind("job_posting", "2024-05-01"), kind("job_posting", "2025-12-10"), post("2024-03-01"), kind("reaction", "2024-01-01")}
	m := Member{Region: "UK"}
	asOf := day("2026-06-01")
	for _, pt := range p.WhatIf(subjects, m, asOf) {
		var want [NumOutcomes]int
		mm := m
		mm.OptOut = pt.Month
		for _, s := range subjects {
			want[p.Classify(s, mm, asOf).Outcome]++
		}
		if pt.Counts != want {
			t.Errorf("%s: what-if %v, classify %v", pt.Month.Format(dateLayout), pt.Counts, want)
		}
	}
}

func TestFormatLoadErrors(t *testing.T) {
	base := formatExtra(t, formatBase())
	cases := []struct {
		name, old, new, at, want string
		before                   string // the error is on the last line with this at or before the line of at
	}{
		{"by-region unknown region", "      - regions: [EU, UK]", "      - regions: [EU, XX]", "",
			`by-region rule 1 of category reactions names region "XX", which the policy does not have`, ""},
		{"by-region same scope", "        scope: not_listed\n        note: Test override", "        scope: disputed\n        note: Test override", "        scope: disputed",
			"by-region rule 1 of category reactions sets the category's own scope disputed", ""},
		{"by-region bad scope", "        scope: not_listed\n        note: Test override", "        scope: nope\n        note: Test override", "        scope: nope",
			`unknown scope "nope" in by-region rule 1 of category reactions (want in_scope, disputed, excluded or not_listed)`, ""},
		{"by-region without source", "        note: Test override of the reactions' scope.\n        sources: [S1]\n", "        note: Test override of the reactions' scope.\n", "      - regions: [EU, UK]",
			"by-region rule 1 of category reactions has no source", ""},
		{"control without url", "    url: https://www.linkedin.com/help/linkedin/ask/TS-DPRO\n", "", "  - id: objection",
			"control objection needs an http(s) url", ""},
		{"control with an unknown flag", "    flag: objection", "    flag: objected", "",
			`control objection: unknown flag "objected" (want opt-out or objection, or none for a control that is not classified)`, ""},
		{"two controls record one flag", "    flag: objection", "    flag: opt-out", "    covers: An objection under",
			"controls ai_setting and objection both record --opt-out", "flag: opt-out"},
		{"regional control without not_offered", "    not_offered: No ads sharing is described for the other regions.\n", "", "    regions: [US, CA]",
			"control ads_sharing is offered only in some regions but does not say why not elsewhere (not_offered)", ""},
		{"GPC where not offered", "    gpc: [US]", "    gpc: [UK]", "",
			"control ads_sharing honours GPC in UK, where it is not offered", ""},
		{"control without covers", "    covers: An objection under Art. 21 GDPR.\n", "", "  - id: objection",
			"control objection does not say what it covers", ""},
		{"purpose with an unknown control", "    control: ai_setting\n    regions: [UK]", "    control: nothing\n    regions: [UK]", "    control: nothing",
			`purpose partner_training names control "nothing", which the policy does not have`, ""},
		{"second purpose under another control", "    control: ai_setting\n    regions: [UK]", "    control: objection\n    regions: [UK]", "    control: objection",
			"purpose partner_training is under control objection, not the main purpose's ai_setting: only the main setting's opt-out is known", ""},
		{"main purpose with kinds", "    data: [profile, posts]", "    data: [profile, posts]\n    kinds: [post]", "    note: The main purpose.",
			"purpose own_training is the main purpose (the first): the categories and the regions' windows decide it, so it takes no kinds", "kinds: [post]"},
		{"main purpose under the objection form", "    control: ai_setting\n    data: [profile", "    control: objection\n    data: [profile", "    control: objection",
			"purpose own_training: the main purpose's control must be the one --opt-out records", ""},
		{"purpose takes an excluded kind", "    kinds: [post, job_posting]", "    kinds: [post, message]", "",
			"purpose partner_training takes in kind message, which is excluded in UK (category private_messages)", ""},
		{"purpose takes a disputed kind", "    kinds: [post, job_posting]", "    kinds: [post, repost]", "",
			"purpose partner_training takes in kind repost, which is disputed in UK (category reposts)", ""},
		{"purpose takes an unmapped kind", "    kinds: [post, job_posting]", "    kinds: [post, jobposting]", "",
			`purpose partner_training names kind "jobposting", which is not in the category map`, ""},
		{"purpose without window", "    windows:\n      - start: 2025-11-03\n        note: From the UK restart.\n        sources: [S3]\n", "", "  - id: partner_training",
			"purpose partner_training has no window", ""},
		{"purpose window without source", "        note: From the UK restart.\n        sources: [S3]\n", "        note: From the UK restart.\n", "        note: From the UK restart.",
			"window 1 of purpose partner_training has no source", "- start:"},
		{"purpose with a policy flag", "    flag: partner_training", "    flag: historical", "",
			"purpose partner_training: flag historical is one of the policy's own", ""},
		{"purpose without data", "    data: [posts, job postings]\n", "", "  - id: partner_training",
			"purpose partner_training does not list the data it uses", ""},
		{"purpose in an unknown region", "    regions: [UK]\n    kinds", "    regions: [GB]\n    kinds", "    regions: [GB]",
			`purpose partner_training names region "GB", which the policy does not have`, ""},
		{"changelog not starting with this version", "  - version: \"", "  - version: \"x", "  - version: \"x",
			"the first changelog entry is version x", ""},
		{"changelog out of order", "    date: 2025-01-01", "    date: 2027-01-01", "",
			"changelog version 0.9 is dated 2027-01-01, after the entry above it (newest first)", ""},
		{"changelog bad date", "    date: 2025-01-01", "    date: 2025-01-32", "",
			`bad date "2025-01-32" for changelog version 0.9 (want YYYY-MM-DD)`, ""},
		{"changelog without changes", "    changes: [The first one.]", "    changes: []", "  - version: \"0.9\"",
			"changelog version 0.9 lists no change", ""},
		{"changelog version twice", "  - version: \"0.9\"", "  - version: \"%V\"", "    changes: [The first one.]",
			"is in the changelog twice", "- version:"},
		{"changelog unknown source", "      - A change.\n    sources: [S1]", "      - A change.\n    sources: [S0]", "    sources: [S0]",
			`cites unknown source "S0"`, ""},
	}
	version := ""
	if p, err := Load(strings.NewReader(base), "x.yaml"); err == nil {
		version = p.Version
	} else {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("%q not in the test policy", c.old)
			}
			repl := strings.ReplaceAll(c.new, "%V", version)
			src := strings.Replace(base, c.old, repl, 1)
			_, err := Load(strings.NewReader(src), "custom.yaml")
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *policy.Error", err)
			}
			at := c.at
			if at == "" {
				at = repl
			}
			line := lineOf(t, src, at)
			if c.before != "" {
				line = lineBefore(src, c.before, line)
			}
			if pe.Line != line || !strings.Contains(pe.Msg, c.want) {
				t.Fatalf("got  %s\nwant custom.yaml:%d: …%s…", err, line, c.want)
			}
		})
	}
}

func TestSourceArchiveFields(t *testing.T) {
	base := formatBase()
	const anchor = "  S1:\n"
	add := func(fields string) string {
		return strings.Replace(base, anchor, "  S0:\n    title: A notice\n    publisher: LinkedIn\n    date: \"2025-11-03\"\n    url: https://www.linkedin.com/legal/privacy/eu\n"+fields+anchor, 1)
	}
	ok := add("    archive:\n      repo: OpenTermsArchive/vlopses-ie-versions\n      path: LinkedIn/Privacy Policy.md\n      commit: 50dcbecfd7c391c0aaa4cf0db72ffc9763f85cd3\n    archived: \"2025-11-04\"\n    accessed: \"2026-12-06\"\n")
	// S0 must be cited to be kept by nobody: the loader does not require it.
	p := loadString(t, ok)
	var s0 Source
	for _, s := range p.Sources {
		if s.ID == "S0" {
			s0 = s
		}
	}
	if s0.Via != "https://github.com/OpenTermsArchive/vlopses-ie-versions/blob/50dcbecfd7c391c0aaa4cf0db72ffc9763f85cd3/LinkedIn/Privacy%20Policy.md" ||
		s0.Archived != "2025-11-04" || s0.Accessed != "2026-12-06" || s0.Archive.Repo != "OpenTermsArchive/vlopses-ie-versions" {
		t.Errorf("S0 = %+v", s0)
	}
	for name, c := range map[string]struct{ fields, want string }{
		"bad commit":   {"    archive:\n      repo: a/b\n      path: x.md\n      commit: 50dcbecf\n", `source S0: archive commit "50dcbecf" is not 40 hex digits`},
		"bad repo":     {"    archive:\n      repo: ab\n      path: x.md\n      commit: 50dcbecfd7c391c0aaa4cf0db72ffc9763f85cd3\n", `source S0: archive repo "ab" is not owner/name`},
		"no path":      {"    archive:\n      repo: a/b\n      commit: 50dcbecfd7c391c0aaa4cf0db72ffc9763f85cd3\n", "source S0: archive has no path"},
		"other via":    {"    via: https://example.org/copy\n    archive:\n      repo: a/b\n      path: x.md\n      commit: 50dcbecfd7c391c0aaa4cf0db72ffc9763f85cd3\n", "source S0: via https://example.org/copy is not the archived file"},
		"bad archived": {"    archived: \"2025-11\"\n", `bad date "2025-11" for the archived copy of source S0 (want YYYY-MM-DD)`},
		"bad accessed": {"    accessed: \"yesterday\"\n", `bad date "yesterday" for the access to source S0 (want YYYY-MM-DD)`},
		"unknown key":  {"    retrieved: \"2026-12-06\"\n", `unknown key "retrieved"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(strings.NewReader(add(c.fields)), "custom.yaml")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want …%s…", err, c.want)
			}
		})
	}
}
