package parse

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/encoding/unicode"
)

// The fixtures below reproduce each era's headers and quirks as measured in
// the format reference; every value is invented.

func utf16File(t *testing.T, s string) []byte {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeFolder writes files into a fresh folder and returns its path.
func writeFolder(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// writeZip writes files into a ZIP named name and returns its path.
func writeZip(t *testing.T, name string, files map[string][]byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range sortedKeys(files) {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

func utc(s string) time.Time {
	for _, l := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	panic("bad test time " + s)
}

// itemsOf returns the items read from one file, without their IDs (tested
// on their own), in file order.
func itemsOf(x *Export, path string) []Item {
	var out []Item
	for _, it := range x.Items {
		if it.File == path {
			it.ID = ""
			out = append(out, it)
		}
	}
	return out
}

func fileReport(t *testing.T, x *Export, path string) FileReport {
	t.Helper()
	for _, f := range x.Files {
		if f.Path == path {
			return f
		}
	}
	t.Fatalf("file %s not read; files: %v", path, x.Files)
	return FileReport{}
}

// checkAccounting asserts rows = items + rejected for every file.
func checkAccounting(t *testing.T, x *Export) {
	t.Helper()
	for _, f := range x.Files {
		if f.Rows != f.Items+f.Rejected {
			t.Errorf("%s: rows %d != items %d + rejected %d", f.Path, f.Rows, f.Items, f.Rejected)
		}
	}
}

// ignoreID leaves out the ID (TestContentIDUnchanged) and the URL
// (TestItemURL), which have their own tests.
var ignoreID = cmpopts.IgnoreFields(Item{}, "ID", "URL")

type fileWant struct {
	path     string
	enc      string
	rejected int
	repairs  map[string]int
	items    []Item
}

func checkFiles(t *testing.T, x *Export, wants []fileWant) {
	t.Helper()
	checkAccounting(t, x)
	for _, w := range wants {
		f := fileReport(t, x, w.path)
		if w.enc != "" && f.Encoding != w.enc {
			t.Errorf("%s: encoding %s, want %s", w.path, f.Encoding, w.enc)
		}
		if f.Rejected != w.rejected {
			t.Errorf("%s: rejected %d, want %d; problems %v", w.path, f.Rejected, w.rejected, f.Problems)
		}
		if w.repairs != nil {
			if diff := cmp.Diff(w.repairs, f.Repairs); diff != "" {
				t.Errorf("%s: repairs (-want +got):\n%s", w.path, diff)
			}
		}
		if diff := cmp.Diff(w.items, itemsOf(x, w.path), ignoreID, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: items (-want +got):\n%s", w.path, diff)
		}
	}
}

// A 2018 Complete export: legacy names, UTF-16LE TAB files with every field
// quoted and no final newline, F-US12 dates in Connections and Messages.
func TestRead2018Export(t *testing.T) {
	files := map[string][]byte{
		"Shares.csv": utf16File(t, "\"Date\"\t\"Share Title\"\t\"Share Description\"\t\"Share Link\"\t\"Share Commentary\"\t\"Shared URL\"\t\"Media URL\"\t\"Type\"\t\"Visibility\"\r\n"+
			"\"2018/10/02 08:15:00 UTC\"\t\"\"\t\"\"\t\"https://www.linkedin.com/feed/update/urn:li:activity:6451\"\t\"Nouveau billet sur la vie privée\"\t\"\"\t\"\"\t\"Homepage\"\t\"Public\"\r\n"+
			"\"2017/05/14 19:40:02 UTC\"\t\"\"\t\"\"\t\"https://www.linkedin.com/feed/update/urn:li:activity:6270\"\t\"Two\r\nlines\"\t\"\"\t\"\"\t\"Homepage\"\t\"Connections\""),
		"Search Queries.csv": utf16File(t, "\"Time\"\t\"Search Query\"\r\n\"2018/11/01 09:00:00 UTC\"\t\"dpo, brussels\""),
		"Messages.csv": []byte("From,To,Date,Subject,Content,Direction,Folder\n" +
			"Lena Martin,Claire Dubois,\"11/3/18, 4:05 PM\",Hello,Bonjour &amp; merci,INCOMING,INBOX\n"),
		"Connections.csv": []byte("First Name,Last Name,Email Address,Company,Position,Connected On\n" +
			"Lena,Martin,,Datacorp,Analyst,\"11/4/18, 9:05 AM\"\n"),
	}
	x, err := Read(writeZip(t, "Complete_LinkedInDataExport_11-04-2018.zip", files))
	if err != nil {
		t.Fatal(err)
	}
	if x.Type != "Complete" || !x.Date.Equal(utc("2018-11-04")) {
		t.Errorf("export type %q date %v, want Complete 2018-11-04", x.Type, x.Date)
	}
	checkFiles(t, x, []fileWant{
		{path: "Shares.csv", enc: encUTF16LE, items: []Item{
			{Kind: KindPost, File: "Shares.csv", Line: 2, Date: utc("2018-10-02 08:15:00"), Basis: DateExact, Visibility: "PUBLIC", Text: "Nouveau billet sur la vie privée"},
			{Kind: KindPost, File: "Shares.csv", Line: 3, Date: utc("2017-05-14 19:40:02"), Basis: DateExact, Visibility: "CONNECTIONS", Text: "Two lines"},
		}},
		{path: "Search Queries.csv", enc: encUTF16LE, items: []Item{
			{Kind: KindSearchQuery, File: "Search Queries.csv", Line: 2, Date: utc("2018-11-01 09:00:00"), Basis: DateExact, Text: "dpo, brussels"},
		}},
		{path: "Messages.csv", enc: encUTF8, items: []Item{
			{Kind: KindMessage, File: "Messages.csv", Line: 2, Date: utc("2018-11-03 16:05"), Basis: DateExact, Text: "Hello"},
		}},
		{path: "Connections.csv", items: []Item{
			{Kind: KindConnection, File: "Connections.csv", Line: 2, Date: utc("2018-11-04 09:05"), Basis: DateExact, Text: "Lena Martin — Analyst — Datacorp"},
		}},
	})
}

// A 2022 Complete export: CRLF activity files, Comments with unquoted
// multi-line messages and blank lines between records, Shares with
// quote-wrapped CRLF breaks, the Connections preamble with the 6-column
// header, the 9-column messages.csv, and both endorsement files side by side.
func TestRead2022Export(t *testing.T) {
	files := map[string][]byte{
		"Comments.csv": []byte("Date,Link,Message\r\n" +
			"2022-06-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A69,First line\r\n" +
			"second line\r\n" +
			"\r\n" +
			"third, with a comma\r\n" +
			"\r\n" +
			"2022-05-30 08:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A68,\"Quoted, as it should be\"\r\n" +
			"\r\n" +
			"2022-05-29 07:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A67,Short\r\n"),
		"Shares.csv": []byte("Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\r\n" +
			"2022-04-02 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"Para one\"\"\r\n\"\"\"\"\r\n\"\"Para two\",,,MEMBER_NETWORK\r\n"),
		"Connections.csv": []byte("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n" +
			"First Name,Last Name,Email Address,Company,Position,Connected On\n" +
			"Jan,Janssens,,Bank,Clerk,02 Sep 2022\n" +
			",,,,,01 Sep 2022"),
		"messages.csv": []byte("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n" +
			"2-abc==,,Jan Janssens,https://www.linkedin.com/in/jan,Claire Dubois,2022-09-01 10:00:00 UTC,,Salut   à toi,INBOX\n"),
		"Endorsement Received Info.csv": utf16File(t, "\"Endorsement Date\"\t\"Skill Name\"\t\"Endorser First Name\"\t\"Endorser Last Name\"\t\"Endorsement Status\"\t\"Display Status\"\r\n"+
			"\"2021/02/01 15:02:55 UTC\"\t\"GDPR\"\t\"Jan\"\t\"Janssens\"\t\"Accepted\"\t\"Show\""),
		"Endorsement_Received_Info.csv": []byte("Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status\n" +
			"2022/03/01 15:02:55 UTC,Privacy,Jan,Janssens,ACCEPTED\n"),
	}
	x, err := Read(writeFolder(t, files))
	if err != nil {
		t.Fatal(err)
	}
	checkFiles(t, x, []fileWant{
		{path: "Comments.csv", repairs: map[string]int{repairUnquotedMultiline: 1}, items: []Item{
			{Kind: KindComment, File: "Comments.csv", Line: 2, Date: utc("2022-06-01 10:00:00"), Basis: DateExact, Text: "First line second line third, with a comma"},
			{Kind: KindComment, File: "Comments.csv", Line: 7, Date: utc("2022-05-30 08:30:00"), Basis: DateExact, Text: "Quoted, as it should be"},
			{Kind: KindComment, File: "Comments.csv", Line: 9, Date: utc("2022-05-29 07:00:00"), Basis: DateExact, Text: "Short"},
		}},
		{path: "Shares.csv", repairs: map[string]int{repairWrappedLineBreaks: 2}, items: []Item{
			{Kind: KindPost, File: "Shares.csv", Line: 2, Date: utc("2022-04-02 12:00:00"), Basis: DateExact, Visibility: "MEMBER_NETWORK", Text: "Para one Para two"},
		}},
		{path: "Connections.csv", items: []Item{
			{Kind: KindConnection, File: "Connections.csv", Line: 5, Date: utc("2022-09-02"), Basis: DateExact, Text: "Jan Janssens — Clerk — Bank"},
			{Kind: KindConnection, File: "Connections.csv", Line: 6, Date: utc("2022-09-01"), Basis: DateExact, Flags: []string{"hidden_profile"}},
		}},
		{path: "messages.csv", items: []Item{
			{Kind: KindMessage, File: "messages.csv", Line: 2, Date: utc("2022-09-01 10:00:00"), Basis: DateExact, Text: "Salut à toi"},
		}},
		{path: "Endorsement Received Info.csv", enc: encUTF16LE, items: []Item{
			{Kind: KindEndorsementReceived, File: "Endorsement Received Info.csv", Line: 2, Date: utc("2021-02-01 15:02:55"), Basis: DateExact, Text: "GDPR"},
		}},
		{path: "Endorsement_Received_Info.csv", enc: encUTF8, items: []Item{
			{Kind: KindEndorsementReceived, File: "Endorsement_Received_Info.csv", Line: 2, Date: utc("2022-03-01 15:02:55"), Basis: DateExact, Text: "Privacy"},
		}},
	})
	// The whole Comments message survives with its line breaks.
	if got := fileReport(t, x, "Comments.csv").Notes; len(got) != 0 {
		t.Errorf("Comments notes: %v", got)
	}
}

// A 2025 export: Comments with \" escapes (one ending in a real backslash),
// SearchQueries with unquoted commas, Learning's trailing-comma column,
// the LearningCoachMessages placeholder and a header-only Profile Summary.
func TestRead2025Export(t *testing.T) {
	files := map[string][]byte{
		"Comments.csv": []byte("Date,Link,Message\n" +
			"2025-03-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A71,\"Il a dit \\\"non\\\", puis \\\"oui\\\"\"\n" +
			"2025-03-02 11:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A72,\"Path C:\\\"\n" +
			"2025-03-03 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A73,\"Multi\nline \\\"quoted\\\"\"\n"),
		"SearchQueries.csv": []byte("Time,Search Query\n" +
			"2025/01/05 09:00:00 UTC,privacy officer, brussels, remote\n" +
			"2025/01/06 09:00:00 UTC,\"already, quoted\"\n" +
			"2025/01/07 09:00:00 UTC,plain\n"),
		"Learning.csv": []byte("Content Title,Content Description,Content Type,Content Last Watched Date (if viewed),Content Completed At (if completed),Content Saved,Notes taken on videos (if taken),\n" +
			"GDPR Basics,\"Line one\nLine two\",Course,2024-11-03 19:07 UTC,N/A,false,,\n"),
		"LearningCoachMessages.csv": []byte("No conversations found\n\n\n"),
		"Profile Summary.csv":       []byte("Profile Summary\n\n"),
	}
	x, err := Read(writeZip(t, "Complete_LinkedInDataExport_08-26-2025.zip.zip", files))
	if err != nil {
		t.Fatal(err)
	}
	checkFiles(t, x, []fileWant{
		{path: "Comments.csv", repairs: map[string]int{repairBackslashQuote: 6, repairBackslashAtEnd: 1}, items: []Item{
			{Kind: KindComment, File: "Comments.csv", Line: 2, Date: utc("2025-03-01 10:00:00"), Basis: DateExact, Text: `Il a dit "non", puis "oui"`},
			{Kind: KindComment, File: "Comments.csv", Line: 3, Date: utc("2025-03-02 11:00:00"), Basis: DateExact, Text: `Path C:\`},
			{Kind: KindComment, File: "Comments.csv", Line: 4, Date: utc("2025-03-03 12:00:00"), Basis: DateExact, Text: `Multi line "quoted"`},
		}},
		{path: "SearchQueries.csv", repairs: map[string]int{repairUnquotedCommas: 1}, items: []Item{
			{Kind: KindSearchQuery, File: "SearchQueries.csv", Line: 2, Date: utc("2025-01-05 09:00:00"), Basis: DateExact, Text: "privacy officer, brussels, remote"},
			{Kind: KindSearchQuery, File: "SearchQueries.csv", Line: 3, Date: utc("2025-01-06 09:00:00"), Basis: DateExact, Text: "already, quoted"},
			{Kind: KindSearchQuery, File: "SearchQueries.csv", Line: 4, Date: utc("2025-01-07 09:00:00"), Basis: DateExact, Text: "plain"},
		}},
		{path: "Learning.csv", repairs: map[string]int{repairTrailingColumn: 1}, items: []Item{
			{Kind: KindLearning, File: "Learning.csv", Line: 2, Date: utc("2024-11-03 19:07"), Basis: DateExact, Text: "GDPR Basics — Course"},
		}},
		{path: "LearningCoachMessages.csv"},
		{path: "Profile Summary.csv"},
	})
	if n := fileReport(t, x, "LearningCoachMessages.csv").Notes; len(n) != 1 {
		t.Errorf("placeholder not noted: %v", n)
	}
}

// A 2026 export: the all-quoted 13-column messages.csv with real line
// breaks, member-id suffixed activity files, a Jobs shard, and a wrapping
// folder (the user re-zipped what they extracted).
func TestRead2026Export(t *testing.T) {
	files := map[string][]byte{
		"Basic_LinkedInDataExport_10-02-2026/messages.csv": []byte(`"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT","IS CONVERSATION DRAFT"` + "\n" +
			`"2-xyz==","","Claire Dubois","https://www.linkedin.com/in/claire","Jan Janssens, PhD","https://www.linkedin.com/in/jan","2026-03-02 09:15:00 UTC","","Bonjour,` + "\n" + `à bientôt","INBOX","","No","No"` + "\n" +
			`"","","Claire Dubois","https://www.linkedin.com/in/claire","","","2026-03-01 09:00:00 UTC","","brouillon","","","Yes","No"` + "\n"),
		"Basic_LinkedInDataExport_10-02-2026/Shares_123456789.csv": []byte("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" +
			"2026-01-10 08:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A9,\"Nouvelle année\"\"\n\"\"Bonne santé\",\"\",\"\",PUBLIC\n"),
		"Basic_LinkedInDataExport_10-02-2026/Comments_123456789.csv": []byte("Date,Link,Message\n2026-02-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A80,Merci !\n"),
		"Basic_LinkedInDataExport_10-02-2026/Jobs/Job Applications.csv": []byte("Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n" +
			"\"3/7/26, 2:22 PM\",claire@example.org, +3225550100,Acme,DPO,http://www.linkedin.com/jobs/view/1,cv.pdf,\n"),
		"Basic_LinkedInDataExport_10-02-2026/Jobs/Job Applications_1.csv": []byte("Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n" +
			"\"1/5/26, 9:00 AM\",claire@example.org, +3225550100,Beta,Privacy Lead,http://www.linkedin.com/jobs/view/2,cv.pdf,Years?:5\n"),
	}
	x, err := Read(writeZip(t, "upload.zip", files))
	if err != nil {
		t.Fatal(err)
	}
	if x.Type != "Basic" || !x.Date.Equal(utc("2026-10-02")) {
		t.Errorf("export type %q date %v, want Basic 2026-10-02 from the wrapping folder", x.Type, x.Date)
	}
	checkFiles(t, x, []fileWant{
		{path: "messages.csv", items: []Item{
			{Kind: KindMessage, File: "messages.csv", Line: 2, Date: utc("2026-03-02 09:15:00"), Basis: DateExact, Text: "Bonjour, à bientôt"},
			{Kind: KindMessage, File: "messages.csv", Line: 4, Date: utc("2026-03-01 09:00:00"), Basis: DateExact, Text: "brouillon", Flags: []string{"draft"}},
		}},
		{path: "Shares_123456789.csv", items: []Item{
			{Kind: KindPost, File: "Shares_123456789.csv", Line: 2, Date: utc("2026-01-10 08:00:00"), Basis: DateExact, Visibility: "PUBLIC", Text: "Nouvelle année Bonne santé"},
		}},
		{path: "Comments_123456789.csv", items: []Item{
			{Kind: KindComment, File: "Comments_123456789.csv", Line: 2, Date: utc("2026-02-01 10:00:00"), Basis: DateExact, Text: "Merci !"},
		}},
		{path: "Jobs/Job Applications.csv", items: []Item{
			{Kind: KindJobApplication, File: "Jobs/Job Applications.csv", Line: 2, Date: utc("2026-03-07 14:22"), Basis: DateExact, Text: "DPO — Acme"},
		}},
		{path: "Jobs/Job Applications_1.csv", items: []Item{
			{Kind: KindJobApplication, File: "Jobs/Job Applications_1.csv", Line: 2, Date: utc("2026-01-05 09:00"), Basis: DateExact, Text: "Privacy Lead — Beta"},
		}},
	})
}

// The same content written in the 2022 and the 2026 formats has the same IDs.
func TestIDsStableAcrossEras(t *testing.T) {
	old := map[string][]byte{
		"Shares.csv": []byte("Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\r\n" +
			"2022-04-02 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"One\"\"\r\n\"\"Two\",,,PUBLIC\r\n"),
		"Comments.csv": []byte("Date,Link,Message\r\n2022-06-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A69,Say \"hi\"\r\nagain\r\n"),
		"messages.csv": []byte("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n" +
			"2-abc==,,Jan Janssens,https://www.linkedin.com/in/jan,Claire Dubois,2022-09-01 10:00:00 UTC,,Line one  Line two,INBOX\n"),
		"Connections.csv": []byte("First Name,Last Name,Email Address,Company,Position,Connected On\nJan,Janssens,,Bank,Clerk,02 Sep 2022\n"),
	}
	cur := map[string][]byte{
		"Shares_42.csv": []byte("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n" +
			"2022-04-02 12:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"One\"\"\n\"\"Two\",\"\",\"\",PUBLIC\n"),
		"Comments_42.csv": []byte("Date,Link,Message\n2022-06-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A69,\"Say \\\"hi\\\"\nagain\"\n"),
		"messages.csv": []byte(`"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO","RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS","IS MESSAGE DRAFT","IS CONVERSATION DRAFT"` + "\n" +
			`"2-abc==","","Jan Janssens","https://www.linkedin.com/in/jan","Claire Dubois","https://www.linkedin.com/in/claire","2022-09-01 10:00:00 UTC","","Line one` + "\n" + `Line two","INBOX","","No","No"` + "\n"),
		"Connections.csv": []byte("Notes:\n\"When exporting …\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nJan,Janssens,https://www.linkedin.com/in/jan,,Bank SA,Head Clerk,02 Sep 2022"),
	}
	a, err := Read(writeFolder(t, old))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(writeFolder(t, cur))
	if err != nil {
		t.Fatal(err)
	}
	ids := func(x *Export) map[Kind]string {
		m := map[Kind]string{}
		for _, it := range x.Items {
			m[it.Kind] = it.ID
		}
		return m
	}
	if diff := cmp.Diff(ids(a), ids(b)); diff != "" {
		t.Errorf("IDs differ between eras (-2022 +2026):\n%s", diff)
	}
	if len(ids(a)) != 4 {
		t.Errorf("want 4 kinds read, got %v", ids(a))
	}
}

func TestSpecFor(t *testing.T) {
	tests := []struct {
		path string
		kind Kind // "" = unknown
	}{
		{"Connections.csv", KindConnection},
		{"connections.CSV", KindConnection},
		{"Comments_123456789.csv", KindComment},
		{"Jobs/Saved Jobs_1.csv", KindSavedJob},
		{"Job Applicant Saved Screening Question Responses_5.csv", KindScreeningAnswer},
		{"Receipts_v2.csv", KindReceipt},
		{"messages.csv", KindMessage},
		{"learning_role_play_messages.csv", KindAIConversation},
		{"LearningCoachMessages.csv", KindAIConversation},
		{"Profile.csv", KindProfile},
		{"Profile Summary.csv", KindProfile},
		{"Phone Numbers.csv", KindPhoneNumber},
		{"Search Queries.csv", KindSearchQuery},
		{"Imported Contacts.csv", KindContact},
		{"Articles/Articles/balanced-path-l7cyf.html", KindArticle},
		{"Articles/2018-01-01 10:00:00.html", KindArticle},
		{"Services Marketplace/Providers.csv", KindMarketplace},
		{"Verifications/Verifications.csv", KindVerification},
		{"Future_Feature.csv", ""},
		{"Groups.csv", ""},
		{"-1169023372.jpg", ""},
		{"Shares.txt", ""},
	}
	for _, tt := range tests {
		s, ok := specFor(tt.path)
		var got Kind
		if ok {
			got = s.kind
		}
		if got != tt.kind {
			t.Errorf("specFor(%q) = %q, want %q", tt.path, got, tt.kind)
		}
	}
}
