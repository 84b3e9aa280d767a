package main

import (
	"strings"
	"testing"
)

// `exposure policy --region UK` shows the changelog and Microsoft's training as a second
// purpose under the same setting; the EU description does not.
func TestPolicyCommandUKPurposes(t *testing.T) {
	code, out, errs := runCmd(t, "policy", "--region", "UK")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"CHANGELOG", "Version 2026-12-06",
		"microsoft_training: LinkedIn shares data with Microsoft so that Microsoft can train its own AI",
		"Recipient: Microsoft.", "Regions: UK.", "(data_for_ai)",
		"- Job Postings", "job_posting",
		"ads_data_sharing:", "Not offered in UK:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("policy --region UK lacks %q", want)
		}
	}
	if strings.Index(out, "CHANGELOG") > strings.Index(out, "REGIONS") {
		t.Error("the changelog is not printed first")
	}
	_, eu, _ := runCmd(t, "policy", "--region", "EU")
	if strings.Contains(eu, "microsoft_training: LinkedIn shares") || !strings.Contains(eu, "share-data-with-select-partners") {
		t.Error("policy --region EU shows Microsoft's purpose, or does not name the ads-sharing setting")
	}
}

func TestPolicyVersionFlag(t *testing.T) {
	code, out, errs := runCmd(t, "policy", "--policy-version", "2025-11-03", "--region", "UK")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Policy linkedin-genai, version 2025-11-03 (embedded, superseded)") || strings.Contains(out, "microsoft_training") {
		t.Errorf("policy --policy-version 2025-11-03 does not describe the earlier version:\n%.300s", out)
	}
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"policy", "--policy-version", "2024-01-01"}, `--policy-version "2024-01-01": the embedded policy versions are 2026-12-06, 2025-11-03`},
		{[]string{"report", sample, "--policy-version", "nope", "-o", "-"}, `--policy-version "nope": the embedded policy versions are 2026-12-06, 2025-11-03`},
		{[]string{"diff", sample, sample, "--old-policy-version", "nope"}, `--policy-version "nope": the embedded policy versions are`},
		{[]string{"policy", "--policy-version", "2025-11-03", "--policy", "x.yaml"}, "give --policy FILE or --policy-version VERSION, not both"},
	} {
		code, _, errs := runCmd(t, tt.args...)
		if code != exitUsage || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, exitUsage, tt.msg)
		}
	}
}

// A report made under the earlier version is reproduced with --policy-version: the sample's
// totals for an EU member who opted out on 1 Dec 2025, as of 23 Nov 2026, before and after
// the revision (reactions move from possibly_in_scope/protected to not_listed).
func TestPolicyVersionReproducesEarlierReport(t *testing.T) {
	facts := []string{"--region", "EU", "--opt-out", "2025-12-01", "--as-of", "2026-11-23"}
	byOutcome := func(doc map[string]any) map[string]float64 {
		out := map[string]float64{}
		for k, v := range doc["totals"].(map[string]any)["by_outcome"].(map[string]any) {
			out[k] = v.(float64)
		}
		return out
	}
	old := reportJSON(t, append(facts, "--policy-version", "2025-11-03")...)
	if pol := old["policy"].(map[string]any); pol["version"] != "2025-11-03" || pol["origin"] != "embedded, superseded" {
		t.Errorf("policy %v", pol)
	}
	want := map[string]float64{"in_scope": 1123, "possibly_in_scope": 2143, "protected": 646, "excluded": 3519, "not_listed": 983}
	if got := byOutcome(old); !mapsEqual(got, want) {
		t.Errorf("2025-11-03 totals %v, want %v", got, want)
	}
	cur := reportJSON(t, facts...)
	want = map[string]float64{"in_scope": 1123, "possibly_in_scope": 914, "protected": 375, "excluded": 3519, "not_listed": 2483}
	if got := byOutcome(cur); !mapsEqual(got, want) {
		t.Errorf("2026-12-06 totals %v, want %v", got, want)
	}

	// diff compares the two versions on the same export.
	d := runDiff(t, append([]string{sample, sample, "--old-policy-version", "2025-11-03"}, facts...)...)
	if d.Changed.Count != 1500 || d.Added.Count != 0 || d.Removed.Count != 0 {
		t.Errorf("diff across versions: changed %d, added %d, removed %d; want 1500 reactions changed", d.Changed.Count, d.Added.Count, d.Removed.Count)
	}
}

func mapsEqual(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
