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

func (r *learningRow) item(c rowCtx) (Item, string) {
	it := c.undated(joinText(r.Title, r.Type), r.Title, r.Type)
	// The file records when content was last watched or completed, not
	// when the member started it: the earlier of the two is the date.
	it.Date, it.Basis = c.when(&r.Watched)
	if t, basis := c.when(&r.Completed); !t.IsZero() && (it.Date.IsZero() || t.Before(it.Date)) {
		it.Date, it.Basis = t, basis
	}
	return it, ""
}

type eventRow struct {
	Name   string `csv:"Event Name"`
	Time   Date   `csv:"Event Time"`
	Status string `csv:"Status"`
	URL    string `csv:"External Url"`
}

func (r *eventRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Time, joinText(r.Name, r.Status), r.Name), ""
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

func (r *reviewRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Created, Snippet(firstNonEmpty(r.Text, r.Reviewee)), r.Reviewee, r.Text), ""
}

type calendarRow struct {
	Owner      string `csv:"Owner"`
	Source     string `csv:"Source"`
	LastSynced Date   `csv:"LastSyncedAt"`
}

func (r *calendarRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(r.Source), r.Owner, r.Source), ""
}

type testScoreRow struct {
	Name     string `csv:"Name,Language"`
	Score    string `csv:"Score"`
	Level    string `csv:"Proficiency Level"`
	Date     Date   `csv:"Date"`
	Provider string `csv:"Provider"`
}

func (r *testScoreRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, Snippet(strings.TrimSpace(r.Name+" "+r.Score)), r.Name, r.Score), ""
}
