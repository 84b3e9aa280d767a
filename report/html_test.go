package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"exposure/analysis"
	"exposure/analysis/analysistest"
	"exposure/parse"
	"exposure/parse/parsetest"
	"exposure/policy"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The fixed facts of the golden tests: an EU member who opted out on
// 1 Dec 2025, analysed as of 23 Nov 2026 (the as-of day is the report's
// only clock).
var (
	tstAsOf   = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	tstOptOut = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
)

// tstEChartsStub stands for the library so that golden files stay small.
var tstEChartsStub = []byte("/* echarts stub */")

// tstExportName is the fixture's folder: named like LinkedIn's archive, so
// that the export's type and date are read from it.
const tstExportName = "Complete_LinkedInDataExport_11-20-2026"

// tstFixtureFiles is a small export: posts public and for the network on
// both sides of the EU window's start (3 Nov 2025) and of the opt-out,
// comments, reactions, messages, connections behind LinkedIn's preamble,
// skills and the registration.
var tstFixtureFiles = map[string]string{
	"Profile.csv": "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n" +
		"Camille,Fixture,,,,Privacy engineer,\"Writes about privacy, slowly.\",Computer Software,,\"Brussels Metropolitan Area, Belgium\",,,\n",
	"Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" +
		"2025-10-01 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1001,\"A public post, before the window opened\",,,PUBLIC\n" +
		"2025-10-15 18:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1002,A post for my network only,,,MEMBER_NETWORK\n" +
		"2025-11-10 07:45:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1003,\"Public again, after the window opened\",,,PUBLIC\n" +
		"2025-11-20 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1004,Network post after the start,,,MEMBER_NETWORK\n" +
		"2026-01-10 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1005,Written after my opt-out,,,PUBLIC\n",
	"Comments.csv": "Date,Link,Message\n" +
		"2025-09-02 08:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A2001,\"Well said, and too rarely heard.\"\n" +
		"2026-02-14 16:20:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A2002,Merci pour ce partage !\n",
	"Reactions.csv": "Date,Type,Link\n" +
		"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A3001\n" +
		"2026-03-01 10:00:00,INSIGHTFUL,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A3002\n",
	"messages.csv": "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT\n" +
		"c1,,Jean Exemple,https://www.linkedin.com/in/jean-exemple,Camille Fixture,https://www.linkedin.com/in/camille-fixture,2025-10-05 11:00:00 UTC,Coffee?,Shall we meet next week?,INBOX,,No,No\n" +
		"c1,,Camille Fixture,https://www.linkedin.com/in/camille-fixture,Jean Exemple,https://www.linkedin.com/in/jean-exemple,2025-10-05 12:00:00 UTC,,\"Yes, Tuesday.\",INBOX,,No,No\n",
	"Connections.csv": "Notes:\n" +
		"\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n" +
		"\n" +
		"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
		"Jean,Exemple,https://www.linkedin.com/in/jean-exemple,,Acme SA,Data Protection Officer,10 Nov 2025\n" +
		",,,,,,02 Feb 2024\n",
	"Skills.csv": "Name\nPrivacy by Design\nData Protection Impact Assessment\n",
	"Registration.csv": "Registered At,Registration Ip,Subscription Types\n" +
		"\"4/17/09, 8:32 PM\",192.0.2.44,\n",
}

// tstWriteFiles writes files (slash-separated paths) under dir.
func tstWriteFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tstRead reads an export folder and names its sources by their base name,
// so that outputs do not depend on the temporary folder.
func tstRead(t *testing.T, dir string) *parse.Export {
	t.Helper()
	x, err := parsetest.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Base(dir)
	for i := range x.Sources {
		x.Sources[i] = base
	}
	for i := range x.Files {
		x.Files[i].Source = base
	}
	for i := range x.Unknown {
		x.Unknown[i].Source = base
	}
	return x
}

// tstResult is an export read into memory and analysed, kept with what
// the analysis needs so that each output can be made from it, redacted or
// not (Redact), through the engine's one path.
type tstResult struct {
	*analysis.Result
	x      *parse.Export
	c      analysistest.Case
	Redact bool
}

// tstAnalyse classifies x for an EU member who opted out on tstOptOut, as
// of tstAsOf, with policy p (nil: the embedded one).
func tstAnalyse(x *parse.Export, p *policy.Policy) *tstResult {
	if p == nil {
		p = policy.Default()
	}
	m := policy.Member{Region: "EU", RegionSource: "flag", OptOut: tstOptOut, Registered: x.Member.Registered}
	if x.Member.BirthYear > 0 {
		m.Born, m.BornYearOnly = time.Date(x.Member.BirthYear, 1, 1, 0, 0, 0, 0, time.UTC), true
		m.BornSource = "verifications"
	}
	r := &tstResult{x: x, c: analysistest.Case{Policy: p, Member: m, AsOf: tstAsOf}}
	r.Result = r.run(nil)
	return r
}

// run analyses the items again, writing them to w.
func (r *tstResult) run(w analysis.ItemWriter) *analysis.Result {
	c := r.c
	if w != nil {
		c.Writers = []analysis.ItemWriter{w}
	}
	res, err := analysistest.Analyse(r.x, r.x.Items, c)
	if err != nil {
		panic(err) // bytes.Buffer writers do not fail
	}
	return res
}

// side is the export as one side of a comparison.
func (r *tstResult) side() analysistest.Side {
	return analysistest.Side{Export: r.x, Items: r.x.Items, Case: r.c}
}

// outcome is item i's classification.
func (r *tstResult) outcome(i int) policy.Result {
	it := &r.x.Items[i]
	return r.c.Policy.Classify(policy.Subject{Kind: string(it.Kind), Date: it.Date, LowerBound: it.Basis == parse.DateLowerBound,
		Visibility: it.Visibility}, r.c.Member, r.c.AsOf)
}

// tstFixture writes the small export and returns its result.
func tstFixture(t *testing.T) *tstResult {
	t.Helper()
	dir := filepath.Join(t.TempDir(), tstExportName)
	tstWriteFiles(t, dir, tstFixtureFiles)
	return tstAnalyse(tstRead(t, dir), nil)
}

func tstHTML(t *testing.T, r *tstResult, lang string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, r.Result, HTMLOptions{Lang: lang, Redact: r.Redact, ECharts: tstEChartsStub}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func tstJSON(t *testing.T, r *tstResult) []byte {
	t.Helper()
	var b bytes.Buffer
	r.run(NewJSONWriter(&b, r.Redact))
	return b.Bytes()
}

func tstCSV(t *testing.T, r *tstResult) []byte {
	t.Helper()
	var b bytes.Buffer
	r.run(NewCSVWriter(&b, r.Redact))
	return b.Bytes()
}

// tstGolden compares got with testdata/name, or rewrites it with -update.
func tstGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test ./report -run %s -update, then review the diff):\n%s",
			file, t.Name(), tstFirstDiff(want, got))
	}
}

// tstFirstDiff shows the first line where want and got differ.
func tstFirstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + tstCut(w) + "\n  got:  " + tstCut(g)
		}
	}
	return "(same lines, different bytes)"
}

func tstCut(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// The fixture's page, in English and in French, is the golden one, byte
// for byte; so are its JSON and CSV results.
func TestHTMLGolden(t *testing.T) {
	r := tstFixture(t)
	for _, lang := range Languages {
		tstGolden(t, "report-"+lang+".golden.html", tstHTML(t, r, lang))
	}
	tstGolden(t, "result.golden.json", tstJSON(t, r))
	tstGolden(t, "result.golden.csv", tstCSV(t, r))
}

// The fixture is what the golden files claim to show: the outcomes on both
// sides of the window's start and of the opt-out, the preamble skipped.
func TestHTMLFixtureFacts(t *testing.T) {
	r := tstFixture(t)
	if got := r.Export.Date.Format("2006-01-02"); got != "2026-11-20" {
		t.Errorf("export date %s, want 2026-11-20 (from the folder's name)", got)
	}
	posts := map[string]string{}
	for i, it := range r.x.Items {
		if it.Kind == parse.KindPost {
			o := r.outcome(i)
			posts[it.Date.Format("2006-01-02")+" "+it.Visibility] = o.Outcome.String() + "/" + string(o.Reason)
		}
	}
	want := map[string]string{
		"2025-10-01 PUBLIC":         "in_scope/before_opt_out",
		"2025-10-15 MEMBER_NETWORK": "possibly_in_scope/visibility",
		"2025-11-10 PUBLIC":         "in_scope/before_opt_out",
		"2025-11-20 MEMBER_NETWORK": "possibly_in_scope/visibility",
		"2026-01-10 PUBLIC":         "protected/created_after_opt_out",
	}
	for k, w := range want {
		if posts[k] != w {
			t.Errorf("post %s: %q, want %q", k, posts[k], w)
		}
	}
	for o, n := range r.Tally.ByOutcome {
		if policy.Outcome(o) != policy.NotListed && n == 0 {
			t.Errorf("no item %s: the golden page would not show that outcome", policy.Outcome(o))
		}
	}
	for _, f := range r.Export.Files {
		if f.Rows != f.Items+f.Rejected {
			t.Errorf("%s: rows %d != items %d + rejected %d", f.Path, f.Rows, f.Items, f.Rejected)
		}
		if f.Path == "Connections.csv" && (f.Items != 2 || len(f.Notes) == 0) {
			t.Errorf("Connections.csv: %d items, notes %q; want 2 items and the preamble noted", f.Items, f.Notes)
		}
	}
}

// Rendering twice, from two readings of the export, gives the same bytes.
func TestHTMLDeterministic(t *testing.T) {
	a, b := tstFixture(t), tstFixture(t)
	for _, lang := range Languages {
		first := tstHTML(t, a, lang)
		if again := tstHTML(t, a, lang); !bytes.Equal(first, again) {
			t.Errorf("%s: two renderings of one result differ:\n%s", lang, tstFirstDiff(first, again))
		}
		if other := tstHTML(t, b, lang); !bytes.Equal(first, other) {
			t.Errorf("%s: two readings of one export render differently:\n%s", lang, tstFirstDiff(first, other))
		}
	}
	if !bytes.Equal(tstJSON(t, a), tstJSON(t, b)) {
		t.Error("two readings of one export give different JSON")
	}
	if !bytes.Equal(tstCSV(t, a), tstCSV(t, b)) {
		t.Error("two readings of one export give different CSV")
	}
}

var (
	tstTemplateKeyRE = regexp.MustCompile(`\{\{-?\s*t\s+"([^"]+)"`)
	tstCodeKeyRE     = regexp.MustCompile(`\bt\([A-Za-z.]+, "([A-Za-z0-9_]+)"\s*[,)]`)
	tstVerbRE        = regexp.MustCompile(`%[sdv]`)
)

// Every text the page uses exists in both languages; every text is
// translated (the few words spelt alike in both are tolerated).
func TestHTMLTexts(t *testing.T) {
	used := map[string]string{}
	for _, m := range tstTemplateKeyRE.FindAllStringSubmatch(pageTemplate, -1) {
		used[m[1]] = "templates/report.html.tmpl"
	}
	if len(used) < 20 {
		t.Fatalf("only %d {{t}} keys found in the template: is the pattern out of date?", len(used))
	}
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tstCodeKeyRE.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = f
		}
	}
	for _, o := range outcomeNames { // keys built at run time
		used["out_"+o], used["say_"+o] = "html.go", "html.go"
	}
	for key, where := range used {
		if _, ok := texts[key]; !ok {
			t.Errorf("%s uses text %q, which is not in texts", where, key)
		}
	}

	keys := make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	same := 0
	for _, k := range keys {
		s := texts[k]
		if strings.TrimSpace(s.en) == "" || strings.TrimSpace(s.fr) == "" {
			t.Errorf("text %q: en %q, fr %q: both must be written", k, s.en, s.fr)
		}
		if ev, fv := tstVerbRE.FindAllString(s.en, -1), tstVerbRE.FindAllString(s.fr, -1); strings.Join(ev, "") != strings.Join(fv, "") {
			t.Errorf("text %q: en has %v, fr has %v: the arguments would not match", k, ev, fv)
		}
		if s.en == s.fr {
			same++
		}
	}
	if same*10 > len(texts) {
		t.Errorf("%d of %d texts are the same in English and French: are they translated?", same, len(texts))
	}

	for _, k := range parse.Kinds {
		n, ok := kindNames[string(k)]
		if !ok || n.manyEN == "" || n.manyFR == "" {
			t.Errorf("kind %q has no name in both languages", k)
		}
	}
	for code, n := range regionNames {
		if n.en == "" || n.fr == "" {
			t.Errorf("region %s has no name in both languages", code)
		}
	}
}
