package policy

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDescribe(t *testing.T) {
	p := Default()
	var b strings.Builder
	if err := p.Describe(&b, ""); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Policy linkedin-genai, version 2026-12-06 (embedded)",
		"EU   European Union, EEA and Switzerland",
		"UK   United Kingdom", "CA   Canada", "HK   Hong Kong", "US   United States",
		"Window 1: from 2024-09-18 (start uncertain: training may have begun earlier), paused from",
		"2024-10-11", "2024-12-10", "2024-09-20", "Window 2: from 2025-11-03, still running",
		"private_messages: message", "login_credentials: login, security_challenge",
		"reactions: reaction", "RULES", "Visibility:", "Minor:", "Look-back:", "Undated:", "Not started:",
		"OPEN ASSUMPTIONS", "eu-lookback:", "SOURCES",
		"https://priv.gc.ca/en/opc-news/news-and-announcements/2024/nr-c_241210b",
		"https://www.linkedin.com/help/linkedin/answer/a6278444",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, a := range p.Assumptions {
		if !strings.Contains(out, a.ID+":") {
			t.Errorf("assumption %s missing", a.ID)
		}
	}
	for i, l := range strings.Split(out, "\n") {
		trimmed := strings.TrimSpace(l)
		if utf8.RuneCountInString(l) > describeWidth && !strings.HasPrefix(trimmed, "http") && !strings.HasPrefix(trimmed, "read via http") {
			t.Errorf("line %d is %d columns: %s", i+1, utf8.RuneCountInString(l), l)
		}
	}
}

func TestDescribeRegion(t *testing.T) {
	p := Default()
	var b strings.Builder
	if err := p.Describe(&b, "hk"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "HK   Hong Kong") || strings.Contains(out, "EU   European") || strings.Contains(out, "US   United") {
		t.Error("region filter not applied")
	}
	if !strings.Contains(out, "Cut-offs: HK none.") {
		t.Error("look-back cut-off of the region missing")
	}
	if !strings.Contains(out, "S46") || strings.Contains(out, "S43") {
		t.Error("sources not limited to what is shown")
	}
	if err := p.Describe(&b, "FR"); err == nil || !strings.Contains(err.Error(), `unknown region "FR"`) {
		t.Errorf("unknown region: %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

func TestDescribeWriteError(t *testing.T) {
	if err := Default().Describe(failWriter{}, ""); err == nil || err.Error() != "pipe closed" {
		t.Errorf("got %v", err)
	}
}

// The description starts with the changelog, lists the purposes of the region (Microsoft's
// training only for the UK) and names the controls, with where they are not offered.
func TestDescribePurposesAndControls(t *testing.T) {
	p := Default()
	describe := func(region string) string {
		var b strings.Builder
		if err := p.Describe(&b, region); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	uk, eu, all := describe("UK"), describe("EU"), describe("")
	for _, out := range []string{uk, eu, all} {
		if !strings.Contains(out, "CHANGELOG") || !strings.Contains(out, "Version 2026-12-06 (2026-12-06)") ||
			!strings.Contains(out, "Version 2025-11-03 (2026-11-23)") || strings.Index(out, "CHANGELOG") > strings.Index(out, "REGIONS") {
			t.Error("the changelog is not printed first")
		}
		if !strings.Contains(out, "data_for_ai: Data for Generative AI Improvement") || !strings.Contains(out, "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement") ||
			!strings.Contains(out, "ads_data_sharing:") || !strings.Contains(out, "share-data-with-select-partners") {
			t.Error("the controls are not named with their addresses")
		}
	}
	const ms = "microsoft_training: LinkedIn shares data with Microsoft so that Microsoft can train its own AI"
	for _, want := range []string{ms, "Recipient: Microsoft. Regions: UK.", "- Job Postings", "Export kinds it takes in: post, comment, article, media, job_posting",
		"In UK: not_listed instead.", "Not offered in UK:"} {
		if !strings.Contains(uk, want) {
			t.Errorf("policy --region UK lacks %q", want)
		}
	}
	if strings.Contains(eu, ms) || !strings.Contains(eu, "In EU: not_listed instead.") || !strings.Contains(eu, "Not offered in EU:") {
		t.Error("policy --region EU: Microsoft's purpose shown, or the EU scope of reactions or the ads setting's absence missing")
	}
	if us := describe("US"); strings.Contains(us, "not_listed instead") || strings.Contains(us, "Not offered in US") ||
		!strings.Contains(us, "A Global Privacy Control signal counts as opting out in: US.") {
		t.Error("policy --region US shows EU rules or lacks the GPC")
	}
	if !strings.Contains(all, ms) || !strings.Contains(all, "In EU, UK: not_listed instead.") {
		t.Error("the whole policy lacks Microsoft's purpose or the EU/UK scope of reactions")
	}
}
