package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"html"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"exposure/parse"
	"exposure/parse/parsetest"
	"exposure/policy"
)

// tstSample is the sample export as the command line would give it.
var tstSample = filepath.Join("..", "sample_export")

var (
	tstEmailRE = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	tstURLRE   = regexp.MustCompile(`(?i)(https?://|www\.)[^\s"'<>()]+`)
	tstPhoneRE = regexp.MustCompile(`\+?\d[\d ]{7,}`)
	tstIDRE    = regexp.MustCompile(`_([0-9]{5,})\.[A-Za-z]+$`)
	tstCSPRE   = regexp.MustCompile(`content="default-src[^"]*"`)
)

// tstNotFree are the columns of the sample whose values are dates,
// enumerations or opaque identifiers, not names or free text (matched by
// a whole word of the header).
var tstNotFree = map[string]bool{
	"date": true, "time": true, "on": true, "at": true, "createdtime": true, "lastmodifiedtime": true,
	"visibility": true, "type": true, "types": true, "status": true, "direction": true, "folder": true,
	"draft": true, "id": true, "ip": true, "proficiency": true, "confirmed": true, "primary": true,
	"rating": true, "currency": true, "extension": true, "state": true,
}

// tstFreeColumn reports whether a column of the sample holds names, e-mail
// addresses, phone numbers, URLs or free text.
func tstFreeColumn(header string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(header), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if tstNotFree[w] {
			return false
		}
	}
	return true
}

// tstCSVCells returns the cells of the data rows of a CSV file of the
// sample, in its free columns. The header is the first of the widest
// records (Connections.csv has a preamble before it).
func tstCSVCells(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	cr.FieldsPerRecord, cr.LazyQuotes = -1, true
	var recs [][]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("%s: %v", file, err)
		}
		if err == nil {
			recs = append(recs, rec)
		}
	}
	width, head := 0, -1
	for i, rec := range recs {
		if len(rec) > width {
			width, head = len(rec), i
		}
	}
	if head < 0 {
		return nil
	}
	var out []string
	for _, rec := range recs[head+1:] {
		for i, cell := range rec {
			if i >= len(recs[head]) || tstFreeColumn(recs[head][i]) {
				out = append(out, cell)
			}
		}
	}
	return out
}

// tstAllowlist is every text of a page that shows no data, in both
// languages: an unredacted page of the sample's kinds and files, whose
// items have no text and whose files have LinkedIn's names (no article
// page, no member id). It holds the page's own words, the policy's rules
// for every kind, and the kinds' and regions' names.
func tstAllowlist(t *testing.T, x *parse.Export) string {
	t.Helper()
	empty := &parse.Export{Type: x.Type, Date: x.Date, Member: x.Member}
	for _, k := range parse.Kinds {
		empty.Items = append(empty.Items, parse.Item{ID: string(k), Kind: k})
	}
	for _, f := range x.Files {
		if f.Kind == parse.KindArticle {
			continue
		}
		if m := tstIDRE.FindStringSubmatchIndex(f.Path); m != nil {
			f.Path = f.Path[:m[2]] + f.Path[m[3]:]
		}
		empty.Files = append(empty.Files, parse.FileReport{Path: f.Path, Kind: f.Kind, Rows: f.Rows, Items: f.Items})
	}
	r := tstAnalyse(empty, nil)
	var b strings.Builder
	for _, lang := range Languages {
		b.WriteString(html.UnescapeString(string(tstHTML(t, r, lang))))
		for _, n := range kindNames {
			_, many := n.in(lang)
			b.WriteString("\n" + many)
		}
		for _, n := range regionNames {
			b.WriteString("\n" + n.in(lang))
		}
	}
	return strings.ToLower(b.String())
}

// tstSecrets collects the free texts of the sample export: every item's
// text, every cell of its free columns (and each part of a cell that lists
// several), the member's facts, the article pages' titles and names, the
// member id in file names and the path given. It keeps those that could
// be told apart from the page's own words: at least 4 characters, not a
// date, with a letter (or a phone number), and not in allow.
func tstSecrets(t *testing.T, x *parse.Export, allow string) []string {
	t.Helper()
	var raw []string
	for _, it := range x.Items {
		raw = append(raw, it.Text)
	}
	raw = append(raw, x.Member.GeoLocation, tstSample, filepath.Base(tstSample))
	if abs, err := filepath.Abs(tstSample); err == nil {
		raw = append(raw, abs)
	}
	files := 0
	err := filepath.WalkDir(tstSample, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tstSample, p)
		rel = filepath.ToSlash(rel)
		if m := tstIDRE.FindStringSubmatch(rel); m != nil {
			raw = append(raw, m[1])
		}
		switch {
		case strings.HasPrefix(rel, "Articles/"):
			base := path.Base(rel)
			raw = append(raw, base, strings.TrimSuffix(base, path.Ext(base)))
		case strings.HasSuffix(rel, ".csv"):
			files++
			for _, cell := range tstCSVCells(t, p) {
				raw = append(raw, cell)
				raw = append(raw, strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(",;|\n", r) })...)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 40 {
		t.Fatalf("only %d CSV files read from the sample", files)
	}
	seen := map[string]bool{}
	var out []string
	for _, s := range raw {
		s = strings.ToLower(strings.TrimSpace(s))
		if seen[s] || utf8.RuneCountInString(s) < 4 {
			continue
		}
		seen[s] = true
		if d := parse.ParseDate(s); d.IsSet() || d.Placeholder() {
			continue
		}
		if !strings.ContainsFunc(s, unicode.IsLetter) && !tstPhoneRE.MatchString(s) {
			continue
		}
		out = append(out, s)
	}
	generic := map[string]bool{}
	for _, s := range tstNewFinder(out).findAll(allow) {
		generic[s] = true
	}
	kept := out[:0]
	for _, s := range out {
		if !generic[s] {
			kept = append(kept, s)
		}
	}
	sort.Strings(kept)
	return kept
}

// tstFinder finds any of many strings in a text at once.
type tstFinder struct {
	words []string
	rep   *strings.Replacer
}

func tstNewFinder(words []string) *tstFinder {
	args := make([]string, 0, 2*len(words))
	for i, w := range words {
		args = append(args, w, "\x00"+strconv.Itoa(i)+"\x00")
	}
	return &tstFinder{words, strings.NewReplacer(args...)}
}

// find returns the strings found in text (lower-cased).
func (f *tstFinder) find(text string) []string {
	return f.findIn(f.rep.Replace(strings.ToLower(text)))
}

// findAll also returns the strings found inside a longer one found at the
// same place (every string of words that text holds).
func (f *tstFinder) findAll(text string) []string {
	var found []string
	for len(f.words) > 0 {
		got := f.find(text)
		if len(got) == 0 {
			break
		}
		found = append(found, got...)
		var rest []string
		seen := map[string]bool{}
		for _, w := range got {
			seen[w] = true
		}
		for _, w := range f.words {
			if !seen[w] {
				rest = append(rest, w)
			}
		}
		f = tstNewFinder(rest)
	}
	return found
}

func (f *tstFinder) findIn(out string) []string {
	parts := strings.Split(out, "\x00") // text, index, text, index, …, text
	seen := map[int]bool{}
	var found []string
	for k := 1; k < len(parts); k += 2 {
		if i, err := strconv.Atoi(parts[k]); err == nil && !seen[i] {
			seen[i] = true
			found = append(found, f.words[i])
		}
	}
	return found
}

// tstSampleResult is the sample, classified as the other tests' fixture.
func tstSampleResult(t *testing.T, redact bool) *tstResult {
	t.Helper()
	x, err := parsetest.Read(tstSample)
	if err != nil {
		t.Fatal(err)
	}
	r := tstAnalyse(x, nil)
	r.Redact = redact
	return r
}

// tstAllowedURLs are the addresses the page prints of its own: the
// policy's sources and LinkedIn's setting and help pages of the advice.
func tstAllowedURLs(p *policy.Policy) map[string]bool {
	ok := map[string]bool{}
	add := func(s string) {
		for _, u := range tstURLRE.FindAllString(s, -1) {
			ok[u] = true
		}
	}
	for _, s := range p.Sources {
		add(s.URL)
		add(s.Via)
	}
	for _, k := range parse.Kinds {
		if c, found := p.Category(string(k)); found {
			for _, s := range c.Sources {
				add(s.URL)
			}
		}
	}
	for _, v := range texts {
		add(v.en)
		add(v.fr)
	}
	for _, c := range p.Controls {
		add(c.URL)
	}
	for _, st := range nextSteps {
		for _, l := range st.links {
			add(l.url)
		}
	}
	return ok
}

// tstWithoutSourceTitles leaves out the titles of the policy's sources,
// which a page lists: their numbers (a document's number) are not the
// member's.
func tstWithoutSourceTitles(page string, p *policy.Policy) string {
	for _, s := range p.Sources {
		page = strings.ReplaceAll(page, s.Title, " ")
	}
	return page
}

// tstCheckClean reports the sample's free texts, e-mail addresses, URLs
// (but those in allowed) and phone numbers found in text.
func tstCheckClean(t *testing.T, what, text string, secrets *tstFinder, allowed map[string]bool) {
	t.Helper()
	if found := secrets.find(text); len(found) > 0 {
		if len(found) > 20 {
			found = append(found[:20], "…")
		}
		t.Errorf("%s holds %d free text(s) of the export: %q", what, len(found), found)
	}
	if m := tstEmailRE.FindAllString(text, 5); m != nil {
		t.Errorf("%s holds e-mail addresses: %q", what, m)
	}
	var bad []string
	for _, u := range tstURLRE.FindAllString(text, -1) {
		if !allowed[u] {
			bad = append(bad, u)
		}
	}
	if bad != nil {
		t.Errorf("%s holds URLs that are not the page's own: %q", what, bad)
	}
	rest := tstURLRE.ReplaceAllString(text, " ")
	if m := tstPhoneRE.FindAllString(rest, 5); m != nil {
		t.Errorf("%s holds phone-number-like digits: %q", what, m)
	}
}

// tstJSONVocabulary are the fields of the JSON result (and the CSV's
// columns, as items' fields) whose values are the report's own words or
// hashes: the item ids, kinds, classifications and encodings. Every other
// string is checked.
var tstJSONVocabulary = map[string]bool{
	".schema": true, ".mode": true, ".export_type": true,
	".member.region": true, ".member.region_source": true, ".member.born_source": true,
	".policy.id": true, ".policy.version": true,
	".files[].kind": true, ".files[].encoding": true,
	".items[].id": true, ".items[].kind": true, ".items[].outcome": true, ".items[].reason": true,
	".items[].confidence": true, ".items[].flags[]": true, ".items[].flags": true, ".items[].date_basis": true,
}

// The redacted report of the sample holds none of its free texts, names,
// e-mail addresses, phone numbers or URLs: not in the page, not in the
// JSON, not in the CSV.
func TestRedactSample(t *testing.T) {
	r := tstSampleResult(t, true)
	allow := tstAllowlist(t, r.Export)
	secrets := tstSecrets(t, r.Export, allow)
	if len(secrets) < 1000 {
		t.Fatalf("only %d free texts collected from the sample: the test would prove little", len(secrets))
	}
	t.Logf("%d free texts of the sample checked", len(secrets))
	finder := tstNewFinder(secrets)

	// The check itself finds them in the unredacted outputs.
	plain := tstSampleResult(t, false)
	if found := finder.find(html.UnescapeString(string(tstHTML(t, plain, "en")))); len(found) < 100 {
		t.Fatalf("only %d free texts found in the unredacted page: is the check blind?", len(found))
	}
	if found := finder.find(string(tstJSON(t, plain))); len(found) < 1000 {
		t.Fatalf("only %d free texts found in the unredacted JSON: is the check blind?", len(found))
	}

	allowed := tstAllowedURLs(r.Policy)
	for _, lang := range Languages {
		page := string(tstHTML(t, r, lang))
		page = tstCSPRE.ReplaceAllString(page, "") // hashes of the scripts, not data
		tstCheckClean(t, "the redacted "+lang+" page", tstWithoutSourceTitles(html.UnescapeString(page), r.Policy), finder, allowed)
		if strings.Contains(page, "<th>"+texts["col_text"].in(lang)+"</th>") {
			t.Errorf("the redacted %s page has a snippet column", lang)
		}
	}

	// JSON: every string but the items' ids (hashes, whose hex digits
	// would look like phone numbers).
	var doc map[string]any
	if err := json.Unmarshal(tstJSON(t, r), &doc); err != nil {
		t.Fatal(err)
	}
	var strs []string
	var walk func(at string, v any)
	walk = func(at string, v any) {
		switch v := v.(type) {
		case string:
			if !tstJSONVocabulary[at] {
				strs = append(strs, v)
			}
		case []any:
			for _, e := range v {
				walk(at+"[]", e)
			}
		case map[string]any:
			for k, e := range v {
				walk(at+"."+k, e)
			}
		}
	}
	walk("", doc)
	tstCheckClean(t, "the redacted JSON", strings.Join(strs, "\n"), finder, nil)
	for _, it := range doc["items"].([]any) {
		if _, ok := it.(map[string]any)["text"]; ok {
			t.Fatalf("a redacted JSON item has a text: %v", it)
		}
	}

	// CSV: every cell but the ids; the text column is empty.
	recs, err := csv.NewReader(bytes.NewReader(tstCSV(t, r))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for i, rec := range recs {
		if i > 0 && rec[len(rec)-1] != "" {
			t.Fatalf("CSV row %d has a text: %q", i, rec[len(rec)-1])
		}
		for k, cell := range rec {
			if !tstJSONVocabulary[".items[]."+recs[0][k]] {
				cells = append(cells, cell)
			}
		}
	}
	tstCheckClean(t, "the redacted CSV", strings.Join(cells, "\n"), finder, nil)
}

// Redaction keeps what the report is for: the counts, dates and kinds are
// those of the unredacted outputs, and the items keep their ids.
func TestRedactKeepsCounts(t *testing.T) {
	plain, red := tstSampleResult(t, false), tstSampleResult(t, true)
	var a, b struct {
		Totals json.RawMessage
		WhatIf json.RawMessage `json:"what_if"`
		Member json.RawMessage
		Items  []struct{ ID, Kind, Outcome string }
		Files  []struct {
			Kind                  string
			Rows, Items, Rejected int
		}
	}
	if err := json.Unmarshal(tstJSON(t, plain), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(tstJSON(t, red), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Totals, b.Totals) || !bytes.Equal(a.WhatIf, b.WhatIf) || !bytes.Equal(a.Member, b.Member) {
		t.Error("redaction changed the totals, the what-if curve or the member's facts")
	}
	if len(a.Items) != len(b.Items) || len(a.Files) != len(b.Files) {
		t.Fatalf("redaction changed the number of items (%d, %d) or files (%d, %d)", len(a.Items), len(b.Items), len(a.Files), len(b.Files))
	}
	for i := range a.Items {
		if a.Items[i] != b.Items[i] {
			t.Errorf("item %d: %+v redacted as %+v", i, a.Items[i], b.Items[i])
		}
	}
	for i := range a.Files {
		if a.Files[i] != b.Files[i] {
			t.Errorf("file %d: %+v redacted as %+v", i, a.Files[i], b.Files[i])
		}
	}
	// Redacting writes nothing back into the export.
	x := red.Export
	if x.Sources[0] != tstSample {
		t.Errorf("redaction changed the export's sources: %q", x.Sources)
	}
	for _, f := range x.Files {
		if strings.Contains(f.Path, "…") {
			t.Errorf("redaction changed a file of the export: %q", f.Path)
		}
	}
}

// What parse writes about files (problem reasons, notes, archive-level
// problems) names no path given, article page or member id once redacted,
// in the page and in the JSON.
func TestRedactProblems(t *testing.T) {
	home := filepath.Join(string(filepath.Separator)+"home", "elise.vandermeulen", "Downloads", "my linkedin")
	article := "Articles/Articles/why-i-left-acme-elise-vandermeulen-x1.html"
	x := &parse.Export{
		Sources: []string{home, filepath.Join(home, "Complete_LinkedInDataExport_11-20-2026.zip")},
		Files: []parse.FileReport{
			{Path: article, Source: home, Kind: parse.KindArticle, Rows: 1, Rejected: 1,
				Problems: []parse.Problem{{File: article, Reason: "cannot be opened: open " + filepath.Join(home, "Wrapped by Elise", filepath.FromSlash(article)) + ": permission denied"}}},
			{Path: "Shares_183746529.csv", Source: home, Kind: parse.KindPost, Rows: 3, Rejected: 1,
				Problems: []parse.Problem{{File: "Shares_183746529.csv", Line: 3, Reason: "unreadable record: read " + filepath.Join(home, "Shares_183746529.csv") + ": input/output error"}},
				Notes:    []string{"skipped 3 line(s) before the header (preamble)"}},
		},
		Unknown: []parse.UnknownFile{{Path: "Articles/Articles/images/elise-vandermeulen-portrait.jpg", Source: home}},
		Problems: []parse.Problem{
			{File: "__MACOSX/Articles/Articles/._why-i-left-acme-elise-vandermeulen-x1.html", Reason: "skipped (not part of the export)"},
			{File: "Shares_183746529.csv", Reason: "also in my linkedin; read once, from Complete_LinkedInDataExport_11-20-2026.zip"},
		},
	}
	p, err := policy.Load(strings.NewReader(tstPolicyYAML(t)), filepath.Join(home, "policy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r := tstAnalyse(x, p)
	r.Redact = true
	secrets := tstNewFinder([]string{"elise", "vandermeulen", "why-i-left", "acme", "183746529", "my linkedin", "downloads", "/home"})
	for _, lang := range Languages {
		tstCheckClean(t, "the "+lang+" page", tstWithoutSourceTitles(html.UnescapeString(string(tstHTML(t, r, lang))), p), secrets, tstAllowedURLs(p))
	}
	js := tstJSON(t, r)
	tstCheckClean(t, "the JSON", string(js), secrets, nil)
	for _, want := range []string{
		`"sources":["source-1","Complete_LinkedInDataExport_11-20-2026.zip"]`,
		`"path":"Articles/Articles/….html","source":"source-1"`,
		`"reason":"cannot be opened: open …: permission denied"`,
		`"reason":"unreadable record: read …: input/output error"`,
		`"path":"Shares_….csv"`,
		`"file":"__MACOSX/Articles/Articles/….html"`,
		`"reason":"also in source-1; read once, from Complete_LinkedInDataExport_11-20-2026.zip"`,
		`"origin":"policy.yaml"`,
		`"notes":["skipped 3 line(s) before the header (preamble)"]`,
	} {
		if !strings.Contains(string(js), want) {
			t.Errorf("the redacted JSON lacks %s", want)
		}
	}
}

// tstPolicyYAML is the embedded policy's file.
func tstPolicyYAML(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "policy", "policy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Paths keep their folder and kind of name, not the words of a title or
// the member's id.
func TestRedactPath(t *testing.T) {
	for in, want := range map[string]string{
		"Shares.csv":                      "Shares.csv",
		"Jobs/Job Applications_1.csv":     "Jobs/Job Applications_1.csv",
		"Comments_183746529.csv":          "Comments_….csv",
		"Articles/Articles/my-title.html": "Articles/Articles/….html",
		"articles/My Title.html":          "articles/….html",
		"Articles/x/deep/title.html":      "Articles/x/deep/….html",
		"__MACOSX/Articles/._title.html":  "__MACOSX/Articles/….html",
		"__MACOSX/._Profile.csv":          "__MACOSX/….csv",
		"Verifications/Verifications.csv": "Verifications/Verifications.csv",
	} {
		if got := redactPath(in); got != want {
			t.Errorf("redactPath(%q) = %q, want %q", in, got, want)
		}
	}
}
