package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"testing"

	"exposure/parse"
	"exposure/policy"
)

// Identical rows get their rank only when committed, after their JSON and
// CSV rows were encoded: the stream writes them again with the ranked ID,
// so the outputs hold the IDs parse.Read gives, each once.
func TestStreamWritesRankedIDs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), tstExportName)
	tstWriteFiles(t, dir, map[string]string{
		"Profile.csv": "First Name,Last Name,Geo Location\nAda,Example,\"Brussels, Belgium\"\n",
		"Reactions.csv": "Date,Type,Link\n" +
			"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n" +
			"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n" +
			"2025-10-21 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:2\n" +
			"2025-10-20 10:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:1\n",
	})
	want := tstRead(t, dir)
	var js, cs bytes.Buffer
	var stream *Stream
	x, err := parse.Scan(parse.DefaultLimits, nil, []string{dir}, func(parse.Member) (parse.Sink, error) {
		stream = NewStream(Analysis{Policy: policy.Default(), Member: policy.Member{Region: "EU"}, Info: MemberInfo{Region: "EU"},
			AsOf: tstAsOf, JSON: &js, CSV: &cs})
		return stream, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Finish(x); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Items) != len(want.Items) || len(rows) != len(want.Items)+1 {
		t.Fatalf("JSON %d items, CSV %d rows, want %d", len(doc.Items), len(rows)-1, len(want.Items))
	}
	seen := map[string]bool{}
	for i, it := range want.Items {
		if doc.Items[i].ID != it.ID || rows[i+1][0] != it.ID {
			t.Errorf("item %d: JSON %s, CSV %s, want %s", i, doc.Items[i].ID, rows[i+1][0], it.ID)
		}
		if seen[it.ID] {
			t.Errorf("ID %s twice", it.ID)
		}
		seen[it.ID] = true
	}
}
