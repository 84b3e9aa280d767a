package parse

import "strings"

// Learning, events and other activity (§2.7).

// learningRow: the file's header ends with a comma, an 8th column with an
// empty name (§3 Q12), which readCSV drops and counts as a repair.
type learningRow struct {
	Title       string `csv:"Content Title"`
	Description string `csv:"Content Description"`
	Type        string `csv:"Content Type"`
	Watched     Date   `csv:"Content Last Watched Date (if viewed)"`
	Completed   Date   `csv:"Content Completed At (if completed)"`
	Saved       string `csv:"Content Saved"`
	Notes       string `csv:"Notes taken on videos (if taken)"`
}

func readLearning(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *learningRow, line int) (Item, string) {
		// The file records when content was last watched or completed, not
		// when the member started it: the earlier of the two is the date.
		t, basis := c.when(line, "Content Last Watched Date (if viewed)", r.Watched, DateExact)
		if ct, cb := c.when(line, "Content Completed At (if completed)", r.Completed, DateExact); !ct.IsZero() && (t.IsZero() || ct.Before(t)) {
			t, basis = ct, cb
		}
		return Item{ID: contentID(KindLearning, r.Title, r.Type), Kind: KindLearning, Line: line, Date: t, Basis: basis, Text: joinText(r.Title, r.Type)}, ""
	})
}

type eventRow struct {
	Name   string `csv:"Event Name"`
	Time   Date   `csv:"Event Time"`
	Status string `csv:"Status"`
	URL    string `csv:"External Url"`
}

func readEvents(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *eventRow, line int) (Item, string) {
		t, basis := c.when(line, "Event Time", r.Time, DateExact)
		return Item{ID: contentID(KindEvent, r.Name, dateKey(t, r.Time)), Kind: KindEvent, Line: line, Date: t, Basis: basis, Text: joinText(r.Name, r.Status)}, ""
	})
}

type reviewRow struct {
	Reviewee string `csv:"Reviewee"`
	Reviewer string `csv:"Reviewer"`
	Type     string `csv:"Review Type"`
	Section  string `csv:"Review Section"`
	Created  Date   `csv:"Creation Date"`
	Rating   string `csv:"Rating"`
	Text     string `csv:"Review Text"`
	Tags     string `csv:"Review Tags"`
}

func readReviews(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *reviewRow, line int) (Item, string) {
		t, basis := c.when(line, "Creation Date", r.Created, DateExact)
		return Item{ID: contentID(KindReview, r.Reviewee, r.Text, dateKey(t, r.Created)), Kind: KindReview, Line: line, Date: t, Basis: basis, Text: Snippet(firstNonEmpty(r.Text, r.Reviewee))}, ""
	})
}

type calendarRow struct {
	Owner      string `csv:"Owner"`
	Source     string `csv:"Source"`
	LastSynced Date   `csv:"LastSyncedAt"`
}

func readCalendar(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *calendarRow, line int) (Item, string) {
		return Item{ID: contentID(KindCalendar, r.Owner, r.Source), Kind: KindCalendar, Line: line, Text: Snippet(r.Source)}, ""
	})
}

type testScoreRow struct {
	Name     string `csv:"Name,Language"`
	Score    string `csv:"Score"`
	Level    string `csv:"Proficiency Level"`
	Date     Date   `csv:"Date"`
	Provider string `csv:"Provider"`
}

func readTestScores(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *testScoreRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		return Item{ID: contentID(KindTestScore, r.Name, r.Score, dateKey(t, r.Date)), Kind: KindTestScore, Line: line, Date: t, Basis: basis, Text: Snippet(strings.TrimSpace(r.Name + " " + r.Score))}, ""
	})
}
