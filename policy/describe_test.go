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
