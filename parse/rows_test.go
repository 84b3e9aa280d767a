package parse

import (
	"testing"
	"time"
)

func TestColumnOfNoField(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("a Date outside the row was taken for one of its columns")
		}
	}()
	var elsewhere Date
	rowCtx{row: &reactionRow{}}.column(&elsewhere)
}

func TestColumnIsTheTagsFirstName(t *testing.T) {
	r := &positionRow{}
	if got := (rowCtx{row: r}).column(&r.StartedOn); got != "Started On" {
		t.Fatalf("column %q, want %q", got, "Started On")
	}
}

// refDateKey is the date key the readers gave contentID before datedID
// wrote it into the hash, copied as it was.
func refDateKey(t time.Time, d Date) string {
	if !t.IsZero() {
		return t.Format(time.RFC3339)
	}
	return d.Raw
}

// TestDatedIDUnchanged holds datedID to contentID with the key the readers
// used to make, on dates read and unread.
func TestDatedIDUnchanged(t *testing.T) {
	var dates []Date
	for _, s := range []string{"2025-08-13 17:52:31", "3/7/24, 2:22 PM", "Jan 2021", "2019",
		"2024-05-01T12:00:00.5+02:00", "", "  N/A ", "hello  World", "https://x/%41", "Aug 17"} {
		dates = append(dates, ParseDate(s))
	}
	keys := append(trickyKeys(), "", "Élise", "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7")
	for _, d := range dates {
		tm := d.Time
		if d.Prec == PrecMonthDay {
			tm = time.Time{} // what when gives such a date
		}
		for _, ks := range [][]string{nil, {keys[0]}, keys} {
			want := refContentID(KindReaction, append(append([]string(nil), ks...), refDateKey(tm, d))...)
			if got := datedID(KindReaction, tm, d.Raw, ks...); got != want {
				t.Fatalf("datedID(%q, %.60q) = %s, want %s", d.Raw, ks, got, want)
			}
		}
	}
}
