package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"exposure/parse"
)

// keepAll is a sink that keeps the items it is given.
type keepAll struct{ items []parse.Item }

func (k *keepAll) Process(*parse.Batch) {}
func (k *keepAll) Commit(b *parse.Batch) {
	k.items = append(k.items, b.Items...)
}

func scanJSONBytes(t *testing.T, data []byte) (*parse.Export, *SavedMember, []parse.Item, error) {
	t.Helper()
	var saved *SavedMember
	sink := &keepAll{}
	x, err := scanJSON(bytes.NewReader(data), "result.json", func(m *SavedMember, _ parse.Member) (parse.Sink, error) {
		saved = m
		return sink, nil
	})
	return x, saved, sink.items, err
}

// reorder writes a JSON object with its keys in the given order, as a
// result written before items came first would have them.
func reorder(t *testing.T, data []byte, keys ...string) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kj, _ := json.Marshal(k)
		b.Write(kj)
		b.WriteByte(':')
		b.Write(m[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

// A saved result reads back into the items and facts it was made from,
// whether its items come first (as now written) or last (as written before).
func TestScanJSONReadsBack(t *testing.T) {
	r := tstFixture(t)
	var js bytes.Buffer
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	itemsLast := reorder(t, js.Bytes(), "schema", "mode", "as_of", "export_date", "export_type", "sources", "member",
		"policy", "files", "unknown_files", "problems", "totals", "what_if", "items")
	for name, data := range map[string][]byte{"items first": js.Bytes(), "items last": itemsLast} {
		x, saved, items, err := scanJSONBytes(t, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Flags are not read back: the JSON joins the parser's and the
		// classification's, and the classification is made again.
		if diff := cmp.Diff(r.Export.Items, items, cmpopts.IgnoreFields(parse.Item{}, "Flags")); diff != "" {
			t.Errorf("%s: items (-written +read):\n%s", name, diff)
		}
		if saved == nil || saved.Region != "EU" || saved.OptOut != "2025-12-01" || saved.AsOf != "2026-11-23" {
			t.Errorf("%s: member %+v", name, saved)
		}
		if len(x.Files) != len(r.Export.Files) || x.Member.Registered.Format("2006-01-02") != r.Member.Registered.Format("2006-01-02") || !x.Date.Equal(r.Export.Date) {
			t.Errorf("%s: export %+v", name, x)
		}
	}
}

// What is not a saved result is refused with the file and what is wrong.
func TestScanJSONRefuses(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not JSON", "hello", "not a JSON result of exposure"},
		{"an array", "[1,2]", "not a JSON result of exposure"},
		{"another schema", `{"schema":"other/v1","items":[]}`, `schema "other/v1"`},
		{"no items", `{"schema":"exposure/v1"}`, "holds no items"},
		{"an item without id", `{"schema":"exposure/v1","items":[{"kind":"post"}]}`, "item 1: no id or kind"},
		{"a bad date", `{"schema":"exposure/v1","items":[{"id":"a","kind":"post","date":"soon"}]}`, "item 1: date"},
		{"cut short", `{"schema":"exposure/v1","items":[{"id":"a","kind":"post"}`, "result.json"},
	} {
		_, _, _, err := scanJSONBytes(t, []byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "result.json") {
			t.Errorf("%s: error %v, want one naming result.json and saying %q", tc.name, err, tc.want)
		}
	}
}
