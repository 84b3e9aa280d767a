package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var sample = filepath.Join("..", "..", "sample_export")

// contractKeys lists, per object of the exposure/v1 schema, the keys the
// contract fixes and the JSON type each must have.
var contractKeys = map[string]map[string]string{
	"":        {"schema": "string", "as_of": "string", "export_date": "string|null", "sources": "array", "member": "object", "policy": "object", "files": "array", "unknown_files": "array", "totals": "object", "items": "array"},
	"member":  {"region": "string", "region_source": "string", "opt_out": "string|null", "objection": "string|null", "born": "string|null"},
	"policy":  {"id": "string", "version": "string", "origin": "string"},
	"file":    {"path": "string", "kind": "string", "rows": "number", "items": "number", "rejected": "number", "problems": "array"},
	"unknown": {"path": "string", "rows": "number"},
	"totals":  {"items": "number", "by_outcome": "object", "by_kind": "object"},
	"item":    {"id": "string", "file": "string", "line": "number", "kind": "string", "date": "string|null", "outcome": "string", "reason": "string", "confidence": "string", "flags": "array"},
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "?"
}

func checkKeys(t *testing.T, where string, obj map[string]any, spec map[string]string) {
	t.Helper()
	for key, want := range spec {
		v, ok := obj[key]
		if !ok {
			t.Errorf("%s: key %q missing", where, key)
			continue
		}
		if got := jsonType(v); !strings.Contains("|"+want+"|", "|"+got+"|") {
			t.Errorf("%s.%s: type %s, want %s", where, key, got, want)
		}
	}
}

func reportJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "r.json")
	code, _, errs := runCmd(t, append([]string{"report", sample, "--json", out, "-o", filepath.Join(dir, "r.html")}, args...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("--json output is not JSON: %v", err)
	}
	return doc
}

// The --json result of the sample has the contract's keys and types, and
// its totals agree with its items.
func TestReportJSONSchema(t *testing.T) {
	doc := reportJSON(t, "--region", "EU", "--opt-out", "2025-12-01", "--as-of", "2026-11-23")
	checkKeys(t, "result", doc, contractKeys[""])
	if doc["schema"] != "exposure/v1" || doc["as_of"] != "2026-11-23" {
		t.Errorf("schema %v as_of %v", doc["schema"], doc["as_of"])
	}
	member := doc["member"].(map[string]any)
	checkKeys(t, "member", member, contractKeys["member"])
	if member["region"] != "EU" || member["region_source"] != "flag" || member["opt_out"] != "2025-12-01" || member["born"] != "1984" {
		t.Errorf("member %v", member)
	}
	checkKeys(t, "policy", doc["policy"].(map[string]any), contractKeys["policy"])
	for _, f := range doc["files"].([]any) {
		checkKeys(t, "file", f.(map[string]any), contractKeys["file"])
	}
	for _, u := range doc["unknown_files"].([]any) {
		checkKeys(t, "unknown_file", u.(map[string]any), contractKeys["unknown"])
	}
	totals := doc["totals"].(map[string]any)
	checkKeys(t, "totals", totals, contractKeys["totals"])

	outcomes := map[string]bool{"in_scope": true, "possibly_in_scope": true, "protected": true, "excluded": true, "not_listed": true}
	stamp := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)
	counted := map[string]float64{}
	items := doc["items"].([]any)
	for _, raw := range items {
		it := raw.(map[string]any)
		checkKeys(t, "item", it, contractKeys["item"])
		if d, ok := it["date"].(string); ok && !stamp.MatchString(d) {
			t.Fatalf("item date %q is not RFC 3339 UTC", d)
		}
		o, _ := it["outcome"].(string)
		if !outcomes[o] {
			t.Fatalf("unknown outcome %q", o)
		}
		counted[o]++
	}
	byOutcome := totals["by_outcome"].(map[string]any)
	for o := range outcomes {
		if byOutcome[o] != counted[o] {
			t.Errorf("totals.by_outcome[%s] = %v, items say %v", o, byOutcome[o], counted[o])
		}
	}
	if totals["items"] != float64(len(items)) {
		t.Errorf("totals.items %v, %d items", totals["items"], len(items))
	}
	whatIf, ok := doc["what_if"].([]any)
	if !ok || len(whatIf) == 0 {
		t.Fatalf("what_if missing")
	}
	first := whatIf[0].(map[string]any)
	if _, ok := first["month"].(string); !ok {
		t.Errorf("what_if point %v", first)
	}
}

func TestReportCSV(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.csv")
	code, _, errs := runCmd(t, "report", sample, "--csv", out, "-o", filepath.Join(dir, "r.html"), "--region", "EU", "--as-of", "2026-11-23")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "id,file,line,kind,date,date_basis,visibility,outcome,reason,confidence,flags,text" {
		t.Errorf("header %v", rows[0])
	}
	if len(rows) != 8414+1 {
		t.Errorf("%d rows, want one per item (8414) and the header", len(rows))
	}
	for _, r := range rows[1:] {
		if r[7] == "" || r[0] == "" {
			t.Fatalf("row without id or outcome: %v", r)
		}
		if strings.ContainsAny(r[11][:min(1, len(r[11]))], "=+-@") {
			t.Fatalf("text cell starts a formula: %q", r[11])
		}
	}
}

// The default as-of is today, from the injectable clock.
func TestReportDefaults(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 6, 1, 15, 0, 0, 0, time.FixedZone("CEST", 7200)) }
	doc := reportJSON(t)
	if doc["as_of"] != "2026-06-01" {
		t.Errorf("as_of %v, want today 2026-06-01", doc["as_of"])
	}
	m := doc["member"].(map[string]any)
	if m["region"] != "EU" || m["region_source"] != "profile" || m["opt_out"] != nil {
		t.Errorf("member %v: want EU inferred from the Brussels profile, no opt-out", m)
	}
}

func TestReportFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"report", sample, "--opt-out", "1 Dec 2025"}, exitUsage, "give a date as YYYY-MM-DD"},
		{[]string{"report", sample, "--region", "Mars"}, exitUsage, "give one of EU, UK, CA, HK, US"},
		{[]string{"report", sample, "--born", "84"}, exitUsage, "give a year"},
		{[]string{"report", sample, "--policy", "/no/such/policy.yaml"}, exitInput, "cannot read the policy file"},
		{[]string{"policy", "--region", "XX"}, exitUsage, "give one of"},
	}
	for _, tt := range tests {
		args := tt.args
		if args[0] == "report" {
			args = append(args, "-o", filepath.Join(t.TempDir(), "r.html"))
		}
		code, _, errs := runCmd(t, args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
}

func TestBrokenPolicyFileNamesTheLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "policy.yaml")
	os.WriteFile(p, []byte("id: x\nversion: \"1\"\nregions: [\n"), 0o644)
	code, _, errs := runCmd(t, "policy", "--policy", p)
	if code != exitInput || !strings.Contains(errs, "policy.yaml:") {
		t.Errorf("exit %d, stderr %q: want the file and line named", code, errs)
	}
}

func TestPolicyCommand(t *testing.T) {
	code, out, errs := runCmd(t, "policy", "--region", "UK")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"linkedin-genai", "2024-09-18", "2025-11-03", "https://", "private_messages"} {
		if !strings.Contains(out, want) {
			t.Errorf("policy output lacks %q", want)
		}
	}
}
