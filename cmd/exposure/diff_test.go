package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The tests derive an older snapshot of sample_export: files re-encoded in
// the formats of 2021–2023, some rows the member has since deleted, some
// rows that did not exist yet.

func copySample(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(sample)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func readRecords(t *testing.T, path string, prepass func([]byte) []byte) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if prepass != nil {
		data = prepass(data)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func writeRecords(t *testing.T, path string, recs [][]string, crlf bool) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = crlf
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// column returns the index of a header name.
func column(t *testing.T, header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %q in %v", name, header)
	return -1
}

// toOlderEra rewrites four files of an export folder as LinkedIn wrote them
// in 2021–2023: Shares and Comments without the member-id suffix and with
// CRLF, Comments' multi-line messages unquoted (the 2021–2024 bug, §3 Q3),
// Shares with the upper-case URL header, messages.csv with the 10-column
// header, unquoted, line breaks flattened, and Connections without the URL
// column.
func toOlderEra(t *testing.T, dir string) {
	t.Helper()
	const id = "_183746529"

	shares := readRecords(t, filepath.Join(dir, "Shares"+id+".csv"), nil)
	shares[0] = []string{"Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"}
	writeRecords(t, filepath.Join(dir, "Shares.csv"), shares, true)
	os.Remove(filepath.Join(dir, "Shares"+id+".csv"))

	unescape := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(`\"`), []byte(`""`)) }
	comments := readRecords(t, filepath.Join(dir, "Comments"+id+".csv"), unescape)
	var out bytes.Buffer
	for i, rec := range comments {
		msg := rec[2]
		if i > 0 && strings.Contains(msg, "\n") && !strings.HasPrefix(msg, `"`) {
			out.WriteString(rec[0] + "," + rec[1] + "," + strings.ReplaceAll(msg, "\n", "\r\n") + "\r\n\r\n")
			continue
		}
		var line bytes.Buffer
		w := csv.NewWriter(&line)
		w.UseCRLF = true
		w.Write(rec)
		w.Flush()
		out.Write(line.Bytes())
	}
	os.WriteFile(filepath.Join(dir, "Comments.csv"), out.Bytes(), 0o644)
	os.Remove(filepath.Join(dir, "Comments"+id+".csv"))

	msgs := readRecords(t, filepath.Join(dir, "messages.csv"), nil)
	keep := 10 // the base header, mid-2023 to 2025
	content := column(t, msgs[0], "CONTENT")
	for i := range msgs {
		if i > 0 {
			msgs[i][content] = strings.Join(strings.Fields(msgs[i][content]), " ")
		}
		msgs[i] = msgs[i][:keep]
	}
	writeRecords(t, filepath.Join(dir, "messages.csv"), msgs, false)

	data, err := os.ReadFile(filepath.Join(dir, "Connections.csv"))
	if err != nil {
		t.Fatal(err)
	}
	preamble, body, _ := strings.Cut(string(data), "\n\n")
	r := csv.NewReader(strings.NewReader(body))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	url := column(t, recs[0], "URL")
	for i := range recs {
		recs[i] = append(recs[i][:url:url], recs[i][url+1:]...)
	}
	var buf bytes.Buffer
	buf.WriteString(preamble + "\n\n")
	w := csv.NewWriter(&buf)
	w.WriteAll(recs)
	os.WriteFile(filepath.Join(dir, "Connections.csv"), bytes.TrimSuffix(buf.Bytes(), []byte("\n")), 0o644)
}

type diffDoc struct {
	Schema string `json:"schema"`
	// old and new are each the contract's totals object.
	Old struct {
		Items     int            `json:"items"`
		ByOutcome map[string]int `json:"by_outcome"`
	} `json:"old"`
	New struct {
		Items     int            `json:"items"`
		ByOutcome map[string]int `json:"by_outcome"`
	} `json:"new"`
	Added struct {
		Count  int            `json:"count"`
		ByKind map[string]int `json:"by_kind"`
	} `json:"added"`
	Removed struct {
		Count  int            `json:"count"`
		ByKind map[string]int `json:"by_kind"`
	} `json:"removed"`
	Changed struct {
		Count int `json:"count"`
		List  []struct {
			OldOutcome string `json:"old_outcome"`
			NewOutcome string `json:"new_outcome"`
			NewReason  string `json:"new_reason"`
		} `json:"list"`
	} `json:"changed"`
}

func runDiff(t *testing.T, args ...string) diffDoc {
	t.Helper()
	out := filepath.Join(t.TempDir(), "diff.json")
	code, _, errs := runCmd(t, append([]string{"diff", "--json", out}, args...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var d diffDoc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if d.Schema != "exposure-diff/v1" {
		t.Fatalf("schema %q", d.Schema)
	}
	return d
}

// The same content written in the 2021–2023 formats and in the 2026 one
// diffs to zero.
func TestDiffAcrossErasIsZero(t *testing.T) {
	old := copySample(t)
	toOlderEra(t, old)
	checkOlderEra(t, old)
	d := runDiff(t, old, sample, "--region", "EU", "--as-of", "2026-11-23")
	if d.Added.Count != 0 || d.Removed.Count != 0 || d.Changed.Count != 0 {
		t.Errorf("added %v, removed %v, changed %d: want all zero", d.Added.ByKind, d.Removed.ByKind, d.Changed.Count)
	}
	if d.Old.Items != 8414 || d.New.Items != 8414 {
		t.Errorf("items old %d new %d, want 8414 each", d.Old.Items, d.New.Items)
	}
}

// dropRows removes data rows (by position after the header) from a CSV file
// that encoding/csv reads as is.
func dropRows(t *testing.T, path string, rows ...int) {
	t.Helper()
	recs := readRecords(t, path, nil)
	drop := map[int]bool{}
	for _, r := range rows {
		drop[r] = true
	}
	kept := [][]string{recs[0]}
	for i, rec := range recs[1:] {
		if !drop[i] {
			kept = append(kept, rec)
		}
	}
	writeRecords(t, path, kept, false)
}

// An older snapshot, re-encoded, without 7 rows added since (3 reactions,
// 4 search queries) and with 5 rows the member deleted since (2 skills,
// 3 messages): the comparison finds exactly those, and nothing changed.
func TestDiffOlderSnapshot(t *testing.T) {
	old := copySample(t)
	toOlderEra(t, old)
	dropRows(t, filepath.Join(old, "Reactions_183746529.csv"), 0, 1, 2)
	dropRows(t, filepath.Join(old, "Skills.csv"))
	appendLines(t, filepath.Join(old, "Skills.csv"), "Cobol", "Fax machines")
	data, _ := os.ReadFile(filepath.Join(old, "SearchQueries.csv"))
	lines := strings.SplitAfter(string(data), "\n")
	os.WriteFile(filepath.Join(old, "SearchQueries.csv"), []byte(strings.Join(append(lines[:1], lines[5:]...), "")), 0o644)
	appendLines(t, filepath.Join(old, "messages.csv"),
		`2-old1==,,Claire Dubois,https://www.linkedin.com/in/claire-example,Jan Peeters,https://www.linkedin.com/in/jan-example,2019-05-01 10:00:00 UTC,,Ancien message un,INBOX`,
		`2-old1==,,Jan Peeters,https://www.linkedin.com/in/jan-example,Claire Dubois,https://www.linkedin.com/in/claire-example,2019-05-02 10:00:00 UTC,,Ancien message deux,INBOX`,
		`2-old2==,,Claire Dubois,https://www.linkedin.com/in/claire-example,Lena Martin,https://www.linkedin.com/in/lena-example,2020-01-01 10:00:00 UTC,,Bonne année,INBOX`)

	d := runDiff(t, old, sample, "--region", "EU", "--as-of", "2026-11-23", "--opt-out", "2025-12-01")
	if d.Added.Count != 7 || d.Added.ByKind["reaction"] != 3 || d.Added.ByKind["search_query"] != 4 {
		t.Errorf("added %d %v, want 7: reaction 3, search_query 4", d.Added.Count, d.Added.ByKind)
	}
	if d.Removed.Count != 5 || d.Removed.ByKind["skill"] != 2 || d.Removed.ByKind["message"] != 3 {
		t.Errorf("removed %d %v, want 5: skill 2, message 3", d.Removed.Count, d.Removed.ByKind)
	}
	if d.Changed.Count != 0 {
		t.Errorf("changed %d, want 0 (same member facts)", d.Changed.Count)
	}

	// What did the opt-out change: same export, opt-out only on the new side.
	d = runDiff(t, sample, sample, "--region", "EU", "--as-of", "2026-11-23", "--new-opt-out", "2025-12-01")
	if d.Added.Count != 0 || d.Removed.Count != 0 || d.Changed.Count != d.New.ByOutcome["protected"] || d.Changed.Count == 0 {
		t.Errorf("opt-out diff: added %d removed %d changed %d, protected now %d", d.Added.Count, d.Removed.Count, d.Changed.Count, d.New.ByOutcome["protected"])
	}
	for _, c := range d.Changed.List {
		if c.NewOutcome != "protected" || c.NewReason != "created_after_opt_out" {
			t.Fatalf("change %+v: an opt-out can only protect items created after it", c)
		}
	}
}

func appendLines(t *testing.T, path string, lines ...string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, l := range lines {
		f.WriteString(l + "\n")
	}
}

// A saved JSON result on one side gives the same answer as the archive.
func TestDiffJSONSideMatchesArchive(t *testing.T) {
	old := copySample(t)
	toOlderEra(t, old)
	dropRows(t, filepath.Join(old, "Reactions_183746529.csv"), 0, 1)
	saved := filepath.Join(t.TempDir(), "old.json")
	code, _, errs := runCmd(t, "report", old, "--json", saved, "-o", filepath.Join(t.TempDir(), "r.html"), "--region", "EU", "--as-of", "2026-11-23")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	flags := []string{"--region", "EU", "--as-of", "2026-11-23", "--new-opt-out", "2025-12-01"}
	fromArchive := runDiff(t, append([]string{old, sample}, flags...)...)
	fromJSON := runDiff(t, append([]string{saved, sample}, flags...)...)
	a, _ := json.Marshal(fromArchive)
	b, _ := json.Marshal(fromJSON)
	if !bytes.Equal(a, b) {
		t.Errorf("JSON side differs from archive side:\narchive %s\njson    %s", a, b)
	}
	if fromArchive.Added.Count != 2 {
		t.Errorf("added %d, want 2", fromArchive.Added.Count)
	}
}

func TestDiffUsage(t *testing.T) {
	code, _, errs := runCmd(t, "diff", sample)
	if code != exitUsage || !strings.Contains(errs, "give two exports") {
		t.Errorf("exit %d, %q", code, errs)
	}
}

// checkOlderEra makes sure the snapshot really is in the older formats:
// the Comments repair had work to do, and the renamed files were read.
func checkOlderEra(t *testing.T, dir string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "inspect.json")
	if code, _, errs := runCmd(t, "inspect", dir, "--json", out); code != exitOK {
		t.Fatalf("inspect: %s", errs)
	}
	data, _ := os.ReadFile(out)
	var doc struct {
		Files []struct {
			Path    string         `json:"path"`
			Items   int            `json:"items"`
			Repairs map[string]int `json:"repairs"`
		} `json:"files"`
	}
	json.Unmarshal(data, &doc)
	got := map[string]int{}
	for _, f := range doc.Files {
		got[f.Path] = f.Items
		if f.Path == "Comments.csv" && f.Repairs["unquoted_multiline_record"] == 0 {
			t.Errorf("Comments.csv of the old snapshot has no unquoted multi-line record: %v", f.Repairs)
		}
	}
	if got["Comments.csv"] != 700 || got["Shares.csv"] != 350 || got["messages.csv"] != 3188 || got["Connections.csv"] != 600 {
		t.Errorf("old snapshot items: %v", got)
	}
}

// diff writes its CSV (one row per changed item), names the page it
// wrote, and speaks French when asked.
func TestDiffOutputs(t *testing.T) {
	dir := t.TempDir()
	page, table := filepath.Join(dir, "diff.html"), filepath.Join(dir, "diff.csv")
	code, out, errs := runCmd(t, "diff", sample, sample, "--region", "EU", "--as-of", "2026-11-23", "--new-opt-out", "2025-12-01",
		"-o", page, "--csv", table, "--quiet")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Comparison page: "+page) {
		t.Errorf("the command does not say where the page went:\n%s", out)
	}
	recs := readRecords(t, table, nil)
	if len(recs) < 2 || recs[0][0] != "change" {
		t.Fatalf("CSV: %d records, header %q", len(recs), recs[0])
	}
	for _, rec := range recs[1:] {
		if rec[0] != "changed" || rec[6] == rec[8] {
			t.Fatalf("an export against itself with a new opt-out only changes outcomes: %q", rec)
		}
	}
	code, out, errs = runCmd(t, "diff", sample, sample, "--region", "EU", "--as-of", "2026-11-23", "--lang", "fr", "--quiet")
	if code != exitOK || !strings.Contains(out, "Résultat changé") || !strings.Contains(out, "Concernés") {
		t.Errorf("exit %d, French summary:\n%s%s", code, out, errs)
	}
}

// An opt-out before the setting existed, or after the day of the analysis,
// is used but warned of.
func TestImplausibleDatesWarned(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--opt-out", "2019-05-01"}, "--opt-out 2019-05-01 is before LinkedIn's setting existed"},
		{[]string{"--objection", "2027-01-01"}, "--objection 2027-01-01 is after the day of the analysis (2026-11-23)"},
	} {
		args := append([]string{sample, "--region", "EU", "--as-of", "2026-11-23", "-o", filepath.Join(t.TempDir(), "r.html"), "--quiet"}, c.args...)
		code, _, errs := runCmd(t, args...)
		if code != exitOK || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 0 and %q", c.args, code, errs, c.want)
		}
	}
	code, _, errs := runCmd(t, sample, "--region", "EU", "--as-of", "2026-11-23", "--opt-out", "2025-12-01", "-o", filepath.Join(t.TempDir(), "r.html"), "--quiet")
	if code != exitOK || strings.Contains(errs, "warning") {
		t.Errorf("a plausible opt-out: exit %d, stderr %q", code, errs)
	}
}
