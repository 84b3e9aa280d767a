package synth

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// memFS keeps the generated files in memory.
type memFS struct {
	files map[string]*bytes.Buffer
	order []string
}

func newMemFS() *memFS { return &memFS{files: map[string]*bytes.Buffer{}} }

type memFile struct{ *bytes.Buffer }

func (memFile) Close() error { return nil }

func (m *memFS) Create(name string) (io.WriteCloser, error) {
	if _, dup := m.files[name]; dup {
		return nil, fmt.Errorf("%s created twice", name)
	}
	b := new(bytes.Buffer)
	m.files[name] = b
	m.order = append(m.order, name)
	return memFile{b}, nil
}

func generate(t *testing.T, opt Options) *memFS {
	t.Helper()
	m := newMemFS()
	if err := Write(m, opt); err != nil {
		t.Fatal(err)
	}
	return m
}

var sample *memFS

// sampleFiles is the output for SampleOptions, made once.
func sampleFiles(t *testing.T) *memFS {
	t.Helper()
	if sample == nil {
		sample = generate(t, SampleOptions())
	}
	return sample
}

func hashes(m *memFS) map[string][32]byte {
	h := map[string][32]byte{}
	for name, b := range m.files {
		h[name] = sha256.Sum256(b.Bytes())
	}
	return h
}

func TestDeterministic(t *testing.T) {
	a, b := hashes(generate(t, SampleOptions())), hashes(generate(t, SampleOptions()))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, h := range a {
		if b[name] != h {
			t.Errorf("%s differs between two runs with the same options", name)
		}
	}
	opt := SampleOptions()
	opt.Seed = 2
	c := hashes(generate(t, opt))
	if c["messages.csv"] == a["messages.csv"] {
		t.Error("seed 2 gave the same messages.csv as seed 1")
	}
}

// TestSampleUpToDate keeps sample_export/ equal to what the generator writes.
func TestSampleUpToDate(t *testing.T) {
	dir := t.TempDir()
	if err := Write(DirFS(dir), SampleOptions()); err != nil {
		t.Fatal(err)
	}
	want, err := readTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readTree(filepath.Join("..", "..", "sample_export"))
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			stale = append(stale, name+" is missing")
		case g != w:
			stale = append(stale, name+" differs from the generator's output")
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			stale = append(stale, name+" is not written by the generator")
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		if len(stale) > 10 {
			stale = append(stale[:10], fmt.Sprintf("… and %d more", len(stale)-10))
		}
		t.Errorf("sample_export/ is stale; regenerate it from the repository root with\n\tgo run ./cmd/genexport -out sample_export -force\n%s",
			strings.Join(stale, "\n"))
	}
}

func readTree(root string) (map[string][32]byte, error) {
	files := map[string][32]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	return files, err
}

func TestZipFSMatches(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	opt := SampleOptions()
	if err := Write(ZipFS(zw), opt); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	m := sampleFiles(t)
	if len(zr.File) != len(m.files) {
		t.Fatalf("zip has %d entries, want %d", len(zr.File), len(m.files))
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			t.Errorf("directory entry %s: LinkedIn archives have none", f.Name)
		}
		if !f.Modified.Equal(opt.Now) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, opt.Now)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := m.files[f.Name]; !ok || !bytes.Equal(b, w.Bytes()) {
			t.Errorf("%s: zip entry differs from the folder's file", f.Name)
		}
	}
	// The same options give the same archive bytes.
	var again bytes.Buffer
	zw = zip.NewWriter(&again)
	if err := Write(ZipFS(zw), opt); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two zips with the same options differ")
	}
}

// quirky lists the files that reproduce a quirk which makes a strict RFC 4180
// reader (encoding/csv, LazyQuotes off, one field count) fail, on purpose.
var quirky = map[string]func(t *testing.T, data string){
	"Connections.csv":               checkConnections,
	"Comments_" + MemberID + ".csv": checkComments,
	"SearchQueries.csv":             checkSearchQueries,
}

func strict(data string) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(data))
	return r.ReadAll()
}

func TestCSVParses(t *testing.T) {
	m := sampleFiles(t)
	seen := 0
	for _, name := range m.order {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		data := m.files[name].String()
		if strings.HasPrefix(data, "\uFEFF") {
			t.Errorf("%s starts with a BOM", name)
		}
		if check, ok := quirky[name]; ok {
			seen++
			t.Run(name, func(t *testing.T) { check(t, data) })
			continue
		}
		recs, err := strict(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(recs) == 0 {
			t.Errorf("%s: no header", name)
		}
	}
	if seen != len(quirky) {
		t.Errorf("checked %d quirky files, want %d", seen, len(quirky))
	}
}

func checkConnections(t *testing.T, data string) {
	if !strings.HasPrefix(data, connectionsPreamble+"\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n") {
		t.Fatal("Connections.csv does not begin with the Notes preamble, a blank line and the header")
	}
	var e *csv.ParseError
	if _, err := strict(data); !errors.As(err, &e) || !errors.Is(e.Err, csv.ErrFieldCount) {
		t.Errorf("strict parse: %v, want a field count error (Q1)", err)
	}
	body := data[len(connectionsPreamble)+1:]
	recs, err := strict(body)
	if err != nil {
		t.Fatalf("after the preamble: %v", err)
	}
	hidden := 0
	for _, r := range recs[1:] {
		if r[0] == "" && r[6] != "" {
			hidden++
		}
		if _, err := time.Parse(fDMY, r[6]); err != nil {
			t.Errorf("Connected On %q: %v", r[6], err)
		}
	}
	if hidden == 0 {
		t.Error("no date-only rows (Q9)")
	}
	if strings.HasSuffix(data, "\n") {
		t.Error("Connections.csv ends with a newline")
	}
}

func checkComments(t *testing.T, data string) {
	if !strings.Contains(data, `\"`) || !strings.Contains(data, `\""`+"\n") {
		t.Fatal(`no \" escapes, or none at the end of a field (Q3)`)
	}
	var e *csv.ParseError
	if _, err := strict(data); !errors.As(err, &e) || !errors.Is(e.Err, csv.ErrQuote) {
		t.Errorf("strict parse: %v, want a quote error (Q3)", err)
	}
	recs, err := strict(strings.ReplaceAll(data, `\"`, `""`))
	if err != nil {
		t.Fatalf(`after the \" → "" repair: %v`, err)
	}
	multi := 0
	for _, r := range recs[1:] {
		if strings.Contains(r[2], "\n") {
			multi++
		}
	}
	if multi == 0 {
		t.Error("no multi-line comment")
	}
}

func checkSearchQueries(t *testing.T, data string) {
	var e *csv.ParseError
	if _, err := strict(data); !errors.As(err, &e) || !errors.Is(e.Err, csv.ErrFieldCount) {
		t.Errorf("strict parse: %v, want a field count error (Q4)", err)
	}
	r := csv.NewReader(strings.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wide, wider := 0, 0
	var prev time.Time
	for _, rec := range recs[1:] {
		if len(rec) >= 3 {
			wide++
		}
		if len(rec) >= 4 {
			wider++
		}
		at, err := time.Parse(fSLUTC, rec[0])
		if err != nil {
			t.Fatal(err)
		}
		if at.Before(prev) {
			t.Fatalf("%s after %s: SearchQueries must be oldest first", rec[0], prev)
		}
		prev = at
	}
	if wide == 0 || wider == 0 {
		t.Errorf("%d rows with 3+ fields, %d with 4+; want some of each (Q4)", wide, wider)
	}
}

// TestQuirks checks the quirks that do not break a strict reader.
func TestQuirks(t *testing.T) {
	m := sampleFiles(t)
	get := func(name string) string {
		b, ok := m.files[name]
		if !ok {
			t.Fatalf("%s not written", name)
		}
		return b.String()
	}
	parse := func(name string) [][]string {
		recs, err := strict(get(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return recs
	}

	// Q2: line breaks in ShareCommentary wrapped in quotes; empty URLs as "".
	shares := "Shares_" + MemberID + ".csv"
	if !strings.Contains(get(shares), `,"",`) {
		t.Errorf(`%s: no empty URL written as ""`, shares)
	}
	wrapped, vis := 0, map[string]int{}
	for _, r := range parse(shares)[1:] {
		if strings.Contains(r[2], "\"\n\"") {
			wrapped++
		}
		if strings.Contains(strings.ReplaceAll(r[2], "\"\n\"", ""), "\n") {
			t.Errorf("%s: bare line break in %q", shares, r[2])
		}
		vis[r[5]]++
	}
	if wrapped == 0 {
		t.Errorf("%s: no quote-wrapped line break (Q2)", shares)
	}
	if vis["PUBLIC"] == 0 || vis["MEMBER_NETWORK"] == 0 || vis["CONNECTIONS"] == 0 {
		t.Errorf("%s: visibilities %v", shares, vis)
	}

	// Q5: messages.csv fully quoted, 13 columns, grouped, newest first.
	msgs := get("messages.csv")
	if !strings.HasPrefix(msgs, `"CONVERSATION ID","CONVERSATION TITLE","FROM",`) || !strings.Contains(msgs, `,"",`) {
		t.Error("messages.csv is not fully quoted")
	}
	recs := parse("messages.csv")
	if len(recs[0]) != 13 {
		t.Errorf("messages.csv has %d columns", len(recs[0]))
	}
	lastOf := map[string]string{}
	prevID := ""
	var sponsored, member, drafts, multi int
	for _, r := range recs[1:] {
		if r[0] != prevID {
			if _, again := lastOf[r[0]]; again && r[0] != "" {
				t.Fatalf("conversation %s is not contiguous", r[0])
			}
			prevID = r[0]
		} else if r[0] != "" && r[6] > lastOf[r[0]] {
			t.Fatalf("conversation %s is not newest first", r[0])
		}
		lastOf[r[0]] = r[6]
		if strings.HasPrefix(r[8], `<p class="spinmail-quill-editor__spin-break">`) && r[3] == "" {
			sponsored++
		}
		if r[2] == "LinkedIn Member" && r[3] == "" {
			member++
		}
		if r[11] == "Yes" {
			drafts++
		}
		if strings.Contains(r[8], "\n") {
			multi++
		}
	}
	if sponsored == 0 || member == 0 || drafts == 0 || multi == 0 {
		t.Errorf("messages.csv: %d sponsored, %d LinkedIn Member, %d drafts, %d multi-line", sponsored, member, drafts, multi)
	}

	// Q8 placeholders and header-only files.
	if got := get("Profile Summary.csv"); got != "Profile Summary\n\n" {
		t.Errorf("Profile Summary.csv = %q", got)
	}
	if !strings.HasPrefix(get("LearningCoachMessages.csv"), "No conversations found\n") {
		t.Error("LearningCoachMessages.csv placeholder missing")
	}
	for _, name := range []string{"guide_messages.csv", "learning_role_play_messages.csv"} {
		if got := get(name); len(got) != 113 || strings.Count(got, "\n") != 1 {
			t.Errorf("%s: %d bytes, want the 113-byte header only", name, len(got))
		}
	}

	// Q9: all-empty rows in PhoneNumbers.
	if !strings.Contains(get("PhoneNumbers.csv"), "\n,,\n") {
		t.Error("PhoneNumbers.csv has no ,, row")
	}
	// Q11: duplicate column names.
	ad := parse("Ad_Targeting.csv")
	if len(ad) != 2 || len(ad[0]) != 35 || countOf(ad[0], "Company Names") != 3 || countOf(ad[0], "Job Titles") != 3 {
		t.Errorf("Ad_Targeting.csv: %d records, header %v", len(ad), ad[0])
	}
	// Q12: Learning.csv trailing comma.
	for i, r := range parse("Learning.csv") {
		if len(r) != 8 || r[7] != "" {
			t.Fatalf("Learning.csv record %d: %d fields, want 8 with an empty last one", i, len(r))
		}
	}
	// §1.6: files without a final newline; every other file ends with one.
	noFinal := map[string]bool{"Connections.csv": true, "Company Follows.csv": true, "Email Addresses.csv": true, "Inferences_about_you.csv": true}
	for _, name := range m.order {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		if ends := strings.HasSuffix(get(name), "\n"); ends == noFinal[name] {
			t.Errorf("%s: ends with a newline = %v", name, ends)
		}
		if strings.Contains(name, "/") && !strings.HasPrefix(name, "Jobs/") && !strings.HasPrefix(name, "Verifications/") && !strings.HasPrefix(name, "Services Marketplace/") {
			t.Errorf("%s: unexpected folder", name)
		}
	}
	// Q13: a shard.
	if _, ok := m.files["Jobs/Job Applications_1.csv"]; !ok {
		t.Error("no Jobs/Job Applications_1.csv shard")
	}
	// The member's facts the tool reads.
	prof := parse("Profile.csv")
	if prof[1][9] != "Brussels, Brussels Region, Belgium" {
		t.Errorf("Geo Location %q", prof[1][9])
	}
	if v := parse("Verifications/Verifications.csv"); v[1][9] != "1984" {
		t.Errorf("Year of birth %q", v[1][9])
	}
	reg := parse("Registration.csv")
	if at, err := time.Parse(fUS12, reg[1][0]); err != nil || at.Year() != 2009 {
		t.Errorf("Registered At %q: %v", reg[1][0], err)
	}
}

func countOf(xs []string, s string) int {
	n := 0
	for _, x := range xs {
		if x == s {
			n++
		}
	}
	return n
}

// TestDates checks each dated file against its layout (§2.0), that nothing is
// after the export date (Events may be upcoming), and that posts and comments
// fall on both sides of 3 Nov 2025.
func TestDates(t *testing.T) {
	m := sampleFiles(t)
	now := SampleOptions().Now
	cut := date(2025, 11, 3, 0, 0)
	type col struct {
		file   string
		field  int
		layout string
	}
	for _, c := range []col{
		{"Shares_" + MemberID + ".csv", 0, fISO},
		{"Reactions_" + MemberID + ".csv", 0, fISO},
		{"Votes_" + MemberID + ".csv", 0, fISO},
		{"InstantReposts_" + MemberID + ".csv", 0, fISO},
		{"Saved_Items_" + MemberID + ".csv", 1, fISO},
		{"Member_Follows_" + MemberID + ".csv", 0, fISO},
		{"Hashtag_Follows_" + MemberID + ".csv", 1, fISO},
		{"messages.csv", 6, fISOZ},
		{"coach_messages.csv", 6, fISOZ},
		{"Invitations.csv", 2, fUS12},
		{"Company Follows.csv", 1, fJAVA},
		{"Logins.csv", 0, fJAVA},
		{"Security Challenges.csv", 0, fJAVA},
		{"Endorsement_Received_Info.csv", 0, fSLUTC},
		{"Endorsement_Given_Info.csv", 0, fSLUTC},
		{"Ads Clicked.csv", 0, fSLUTC},
		{"LAN Ads Engagement.csv", 1, fSLD},
		{"Recommendations_Received.csv", 5, fUS12p},
		{"Receipts_v2.csv", 4, fR2UTC},
		{"Jobs/Job Applications.csv", 0, fUS12},
		{"Jobs/Job Applications_1.csv", 0, fUS12},
		{"Jobs/Saved Jobs.csv", 0, fUS12},
		{"Positions.csv", 4, fMY},
		{"Publications.csv", 1, fMDY},
	} {
		recs, err := strict(m.files[c.file].String())
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		before, after := 0, 0
		for _, r := range recs[1:] {
			if r[c.field] == "" {
				continue
			}
			at, err := time.Parse(c.layout, r[c.field])
			if err != nil {
				t.Errorf("%s: %v", c.file, err)
				break
			}
			if at.After(now) {
				t.Errorf("%s: %s is after the export date", c.file, r[c.field])
			}
			if at.Before(cut) {
				before++
			} else {
				after++
			}
		}
		if strings.HasPrefix(c.file, "Shares") || strings.HasPrefix(c.file, "Reactions") || c.file == "messages.csv" {
			if before == 0 || after == 0 {
				t.Errorf("%s: %d items before 3 Nov 2025, %d after", c.file, before, after)
			}
		}
	}
	// Comments need the \" repair first.
	recs, err := strict(strings.ReplaceAll(m.files["Comments_"+MemberID+".csv"].String(), `\"`, `""`))
	if err != nil {
		t.Fatal(err)
	}
	before, after := 0, 0
	for _, r := range recs[1:] {
		at, err := time.Parse(fISO, r[0])
		if err != nil {
			t.Fatal(err)
		}
		if at.Before(cut) {
			before++
		} else {
			after++
		}
	}
	if before == 0 || after == 0 {
		t.Errorf("Comments: %d before 3 Nov 2025, %d after", before, after)
	}
}

func TestArticles(t *testing.T) {
	m := sampleFiles(t)
	var published, drafts int
	for _, name := range m.order {
		if !strings.HasPrefix(name, "Articles/Articles/") {
			continue
		}
		h := m.files[name].String()
		if !strings.Contains(h, `<meta charset="UTF-8">`) || !strings.Contains(h, `<p class="created">Created on `) {
			t.Errorf("%s: missing charset or created date", name)
		}
		switch {
		case strings.Contains(h, `<p class="published">Published on ---</p>`):
			drafts++
			if !strings.Contains(name, "_") || !strings.Contains(name, ".0-") {
				t.Errorf("draft %s is not named YYYY-MM-DD HH_MM_SS.0-Title.html", name)
			}
		case strings.Contains(h, `<h1><a href="https://www.linkedin.com/pulse/`):
			published++
		default:
			t.Errorf("%s: neither published nor draft", name)
		}
	}
	if published < 2 || drafts < 1 {
		t.Errorf("%d published articles and %d drafts", published, drafts)
	}
}

// TestScale checks that Scale multiplies the high-volume files only.
func TestScale(t *testing.T) {
	base := sampleFiles(t)
	opt := SampleOptions()
	opt.Scale = 2
	big := generate(t, opt)
	lines := func(m *memFS, name string) int { return strings.Count(m.files[name].String(), "\n") }
	for _, name := range []string{"Reactions_" + MemberID + ".csv", "SearchQueries.csv", "Connections.csv"} {
		a, b := lines(base, name), lines(big, name)
		if b < a*19/10 || b > a*21/10 {
			t.Errorf("%s: %d lines at scale 1, %d at scale 2", name, a, b)
		}
	}
	if lines(base, "Logins.csv") != lines(big, "Logins.csv") {
		t.Error("Logins.csv changed with the scale")
	}
	opt.Scale = 0.01
	small := generate(t, opt)
	if n := lines(small, "messages.csv"); n < 4 {
		t.Errorf("scale 0.01: messages.csv has %d lines", n)
	}
}

func TestBadOptions(t *testing.T) {
	for _, opt := range []Options{
		{Seed: 1, Scale: 0, Now: SampleOptions().Now},
		{Seed: 1, Scale: -1, Now: SampleOptions().Now},
		{Seed: 1, Scale: 1},
		{Seed: 1, Scale: 1, Now: date(2010, 1, 1, 0, 0)},
	} {
		if err := Write(newMemFS(), opt); err == nil {
			t.Errorf("Write(%+v) succeeded", opt)
		}
	}
}

type failFS struct{ after int }

func (f *failFS) Create(name string) (io.WriteCloser, error) {
	if f.after == 0 {
		return nil, errors.New("disk full")
	}
	f.after--
	return memFile{new(bytes.Buffer)}, nil
}

func TestWriteErrorNamesFile(t *testing.T) {
	err := Write(&failFS{after: 3}, SampleOptions())
	if err == nil || !strings.Contains(err.Error(), ".csv: disk full") {
		t.Errorf("error %v, want one naming the file", err)
	}
}

func TestDirFSRejectsEscapes(t *testing.T) {
	d := DirFS(t.TempDir())
	for _, p := range []string{"../x.csv", "/etc/x.csv", "a/../../x.csv", ""} {
		if _, err := d.Create(p); err == nil {
			t.Errorf("Create(%q) succeeded", p)
		}
	}
}

// TestInventory lists every file the sample holds, so that a file added or
// lost shows up in review.
func TestInventory(t *testing.T) {
	m := sampleFiles(t)
	names := append([]string(nil), m.order...)
	sort.Strings(names)
	want := []string{
		"Ad_Targeting.csv", "Ads Clicked.csv",
		"Articles/Articles/2026-09-02 21_14_07.0-Consent fatigue – notes from the field.html",
		"Articles/Articles/privacy-design-team-five-habits-stick-elise-vandermeulen-k3x9q.html",
		"Articles/Articles/rgpd-et-ia-générative-ce-qui-change-le-3-novembre-vandermeulen-p7mz2.html",
		"Articles/Articles/what-ai-act-means-your-dpo-2026-elise-vandermeulen-w2d8r.html",
		"Causes You Care About.csv", "Certifications.csv", "Comments_183746529.csv", "Company Follows.csv",
		"Connections.csv", "Courses.csv", "Education.csv", "Email Addresses.csv", "Endorsement_Given_Info.csv",
		"Endorsement_Received_Info.csv", "Events.csv", "Future_Feature.csv", "Hashtag_Follows_183746529.csv",
		"Honors.csv", "ImportedContacts.csv", "Inferences_about_you.csv", "InstantReposts_183746529.csv",
		"Invitations.csv", "Job Applicant Saved Screening Question Responses.csv",
		"Jobs/Job Applicant Saved Answers.csv", "Jobs/Job Applications.csv", "Jobs/Job Applications_1.csv",
		"Jobs/Job Seeker Preferences.csv", "Jobs/Online Job Postings.csv", "Jobs/Saved Jobs.csv",
		"LAN Ads Engagement.csv", "Languages.csv", "Learning.csv", "LearningCoachMessages.csv", "Logins.csv",
		"Member Hashtags.csv", "Member_Follows_183746529.csv", "Notes.csv", "Organizations.csv", "Patents.csv",
		"PhoneNumbers.csv", "Positions.csv", "Private_identity_asset.csv", "Profile Summary.csv", "Profile.csv",
		"Projects.csv", "Publications.csv", "Reactions_183746529.csv", "Receipts_v2.csv",
		"Recommendations_Given.csv", "Recommendations_Received.csv", "Registration.csv", "Reviews.csv",
		"Rich_Media.csv", "SavedJobAlerts.csv", "Saved_Items_183746529.csv", "SearchQueries.csv",
		"Security Challenges.csv", "Services Marketplace/Providers.csv", "Shares_183746529.csv", "Skills.csv",
		"Verifications/Verifications.csv", "Volunteering.csv", "Votes_183746529.csv", "Whatsapp Phone Numbers.csv",
		"coach_messages.csv", "guide_messages.csv", "learning_coach_messages.csv",
		"learning_role_play_messages.csv", "messages.csv",
	}
	sort.Strings(want)
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}

// TestDataFiles checks that each fixed profile table (data/profile) is
// written, byte for byte, as the file the export holds, and that the name
// lists (data/names) hold what person and the job and follow files take
// from them.
func TestDataFiles(t *testing.T) {
	m := sampleFiles(t)
	tables, err := fs.Glob(profileTables, "data/profile/*.csv")
	if err != nil || len(tables) == 0 {
		t.Fatalf("data/profile: %v, %d files", err, len(tables))
	}
	for _, p := range tables {
		data, err := profileTables.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(p, "data/profile/")
		if got, ok := m.files[name]; !ok {
			t.Errorf("%s: not written", p)
		} else if !bytes.Equal(got.Bytes(), data) {
			t.Errorf("%s: written as\n%s\nwant it as it is stored (quoted as the export quotes)", p, got)
		}
	}
	for name, l := range map[string][]string{"first-names": firstNames, "last-names": lastNames, "companies": companies, "positions": positions} {
		for _, s := range l {
			if s != strings.TrimSpace(s) {
				t.Errorf("data/names/%s.txt: %q has spaces around it", name, s)
			}
		}
		if len(l) < 30 {
			t.Errorf("data/names/%s.txt: %d entries", name, len(l))
		}
	}
	if companies[len(companies)-2] != "Freelance" || companies[len(companies)-1] != "Self-employed" {
		t.Errorf("data/names/companies.txt: the last two are %q, want Freelance and Self-employed (Company Follows leaves them out)", companies[len(companies)-2:])
	}
}
