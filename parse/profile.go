package parse

import "strings"

// Profile and career files (§2.1). Entries dated only by the period they
// describe (Started On, Issued On, Published On) take that date as a lower
// bound of when they were added (contract, "Default policy decisions").

type profileRow struct {
	FirstName   string `csv:"First Name"`
	LastName    string `csv:"Last Name"`
	MaidenName  string `csv:"Maiden Name"`
	Address     string `csv:"Address"`
	BirthDate   Date   `csv:"Birth Date"`
	Headline    string `csv:"Headline"`
	Summary     string `csv:"Summary"`
	Industry    string `csv:"Industry"`
	ZipCode     string `csv:"Zip Code"`
	GeoLocation string `csv:"Geo Location"`
	Twitter     string `csv:"Twitter Handles"`
	Websites    string `csv:"Websites"`
	Messengers  string `csv:"Instant Messengers"`
	Country     string `csv:"Country"`
	Contact     string `csv:"Contact Instructions"`
}

func readProfile(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *profileRow, line int) (Item, string) {
		c.member.GeoLocation = strings.TrimSpace(r.GeoLocation)
		if c.member.GeoLocation == "" {
			c.member.GeoLocation = strings.TrimSpace(r.Country)
		}
		return Item{
			ID:   contentID(KindProfile, r.FirstName, r.LastName, r.Headline, r.Summary, r.Industry, r.GeoLocation),
			Kind: KindProfile, Line: line,
			Text: joinText(r.Headline, r.GeoLocation),
		}, ""
	})
}

type profileSummaryRow struct {
	Summary string `csv:"Profile Summary"`
}

func readProfileSummary(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *profileSummaryRow, line int) (Item, string) {
		return Item{ID: contentID(KindProfile, "summary", r.Summary), Kind: KindProfile, Line: line, Text: Snippet(r.Summary)}, ""
	})
}

// periodItem builds a profile entry dated by the start of its period.
func periodItem(c *fileCtx, kind Kind, line int, column string, start Date, text string, keys ...string) Item {
	t, basis := c.when(line, column, start, DateLowerBound)
	return Item{ID: contentID(kind, append(keys, dateKey(t, start))...), Kind: kind, Line: line, Date: t, Basis: basis, Text: text}
}

type positionRow struct {
	Company     string `csv:"Company Name"`
	Title       string `csv:"Title"`
	Description string `csv:"Description"`
	Location    string `csv:"Location"`
	StartedOn   Date   `csv:"Started On,Start Date"`
	FinishedOn  Date   `csv:"Finished On,End Date"`
}

func readPositions(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *positionRow, line int) (Item, string) {
		return periodItem(c, KindPosition, line, "Started On", r.StartedOn, joinText(r.Title, r.Company), r.Company, r.Title), ""
	})
}

type educationRow struct {
	School     string `csv:"School Name"`
	StartDate  Date   `csv:"Start Date"`
	EndDate    Date   `csv:"End Date"`
	Notes      string `csv:"Notes"`
	Degree     string `csv:"Degree Name"`
	Activities string `csv:"Activities"`
}

func readEducation(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *educationRow, line int) (Item, string) {
		return periodItem(c, KindEducation, line, "Start Date", r.StartDate, joinText(r.Degree, r.School), r.School, r.Degree), ""
	})
}

type nameRow struct {
	Name string `csv:"Name"`
}

func readSkills(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *nameRow, line int) (Item, string) {
		return Item{ID: contentID(KindSkill, r.Name), Kind: KindSkill, Line: line, Text: Snippet(r.Name)}, ""
	})
}

type languageRow struct {
	Name        string `csv:"Name"`
	Proficiency string `csv:"Proficiency"`
}

func readLanguages(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *languageRow, line int) (Item, string) {
		return Item{ID: contentID(KindLanguage, r.Name), Kind: KindLanguage, Line: line, Text: joinText(r.Name, r.Proficiency)}, ""
	})
}

type certificationRow struct {
	Name       string `csv:"Name"`
	URL        string `csv:"Url"`
	Authority  string `csv:"Authority"`
	StartedOn  Date   `csv:"Started On"`
	FinishedOn Date   `csv:"Finished On"`
	License    string `csv:"License Number"`
}

func readCertifications(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *certificationRow, line int) (Item, string) {
		return periodItem(c, KindCertification, line, "Started On", r.StartedOn, joinText(r.Name, r.Authority), r.Name, r.Authority), ""
	})
}

type projectRow struct {
	Title       string `csv:"Title"`
	Description string `csv:"Description"`
	URL         string `csv:"Url"`
	StartedOn   Date   `csv:"Started On,Start Date"`
	FinishedOn  Date   `csv:"Finished On,End Date"`
}

func readProjects(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *projectRow, line int) (Item, string) {
		return periodItem(c, KindProject, line, "Started On", r.StartedOn, Snippet(r.Title), r.Title), ""
	})
}

type publicationRow struct {
	Name        string `csv:"Name"`
	PublishedOn Date   `csv:"Published On"`
	Description string `csv:"Description"`
	Publisher   string `csv:"Publisher"`
	URL         string `csv:"Url"`
}

func readPublications(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *publicationRow, line int) (Item, string) {
		return periodItem(c, KindPublication, line, "Published On", r.PublishedOn, joinText(r.Name, r.Publisher), r.Name), ""
	})
}

type honorRow struct {
	Title       string `csv:"Title"`
	Description string `csv:"Description"`
	IssuedOn    Date   `csv:"Issued On,Issue Date"`
	Issuer      string `csv:"Issuer"`
}

func readHonors(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *honorRow, line int) (Item, string) {
		return periodItem(c, KindHonor, line, "Issued On", r.IssuedOn, Snippet(r.Title), r.Title), ""
	})
}

type courseRow struct {
	Name   string `csv:"Name"`
	Number string `csv:"Number"`
}

func readCourses(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *courseRow, line int) (Item, string) {
		return Item{ID: contentID(KindCourse, r.Name, r.Number), Kind: KindCourse, Line: line, Text: joinText(r.Name, r.Number)}, ""
	})
}

type volunteeringRow struct {
	Company     string `csv:"Company Name"`
	Role        string `csv:"Role"`
	Cause       string `csv:"Cause"`
	StartedOn   Date   `csv:"Started On"`
	FinishedOn  Date   `csv:"Finished On"`
	Description string `csv:"Description"`
}

func readVolunteering(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *volunteeringRow, line int) (Item, string) {
		return periodItem(c, KindVolunteering, line, "Started On", r.StartedOn, joinText(r.Role, r.Company), r.Company, r.Role), ""
	})
}

type organizationRow struct {
	Name        string `csv:"Name"`
	Description string `csv:"Description"`
	Position    string `csv:"Position"`
	StartedOn   Date   `csv:"Started On"`
	FinishedOn  Date   `csv:"Finished On"`
}

func readOrganizations(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *organizationRow, line int) (Item, string) {
		return periodItem(c, KindOrganization, line, "Started On", r.StartedOn, joinText(r.Position, r.Name), r.Name, r.Position), ""
	})
}

// No real Patents.csv was measured (§2.9): the columns are the likely ones,
// and any other column is reported as unknown rather than lost.
type patentRow struct {
	Title     string `csv:"Title,Name"`
	Summary   string `csv:"Summary,Description"`
	Number    string `csv:"Number,Patent Number"`
	IssuedOn  Date   `csv:"Issued On,Filed On,Issue Date"`
	URL       string `csv:"Url"`
	Assignees string `csv:"Assignees"`
	Inventors string `csv:"Inventors"`
}

func readPatents(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *patentRow, line int) (Item, string) {
		return periodItem(c, KindPatent, line, "Issued On", r.IssuedOn, Snippet(r.Title), r.Title, r.Number), ""
	})
}

type causeRow struct {
	Cause string `csv:"Supported Cause"`
}

func readCauses(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *causeRow, line int) (Item, string) {
		return Item{ID: contentID(KindCause, r.Cause), Kind: KindCause, Line: line, Text: Snippet(r.Cause)}, ""
	})
}

type recommendationRow struct {
	FirstName string `csv:"First Name"`
	LastName  string `csv:"Last Name"`
	Company   string `csv:"Company"`
	JobTitle  string `csv:"Job Title"`
	Text      string `csv:"Text"`
	Created   Date   `csv:"Creation Date"`
	Status    string `csv:"Status"`
}

func recommendationReader(kind Kind) func(*fileCtx) {
	return func(c *fileCtx) {
		readCSV(c, csvOptions{}, func(c *fileCtx, r *recommendationRow, line int) (Item, string) {
			t, basis := c.when(line, "Creation Date", r.Created, DateExact)
			return Item{
				ID:   contentID(kind, r.FirstName, r.LastName, r.Text, dateKey(t, r.Created)),
				Kind: kind, Line: line, Date: t, Basis: basis, Text: Snippet(r.Text),
			}, ""
		})
	}
}

var (
	readRecommendationsReceived = recommendationReader(KindRecommendationReceived)
	readRecommendationsGiven    = recommendationReader(KindRecommendationGiven)
)

// One struct serves both directions and every era: received files name the
// Endorser, given files the Endorsee; the legacy UTF-16 file adds Display Status.
type endorsementRow struct {
	Date      Date   `csv:"Endorsement Date"`
	Skill     string `csv:"Skill Name"`
	FirstName string `csv:"Endorser First Name,Endorsee First Name"`
	LastName  string `csv:"Endorser Last Name,Endorsee Last Name"`
	URL       string `csv:"Endorser Public Url,Endorsee Public Url"`
	Status    string `csv:"Endorsement Status"`
	Display   string `csv:"Display Status"`
}

func endorsementReader(kind Kind) func(*fileCtx) {
	return func(c *fileCtx) {
		readCSV(c, csvOptions{}, func(c *fileCtx, r *endorsementRow, line int) (Item, string) {
			t, basis := c.when(line, "Endorsement Date", r.Date, DateExact)
			return Item{
				ID:   contentID(kind, r.Skill, r.FirstName, r.LastName, dateKey(t, r.Date)),
				Kind: kind, Line: line, Date: t, Basis: basis, Text: Snippet(r.Skill),
			}, ""
		})
	}
}

var (
	readEndorsementsReceived = endorsementReader(KindEndorsementReceived)
	readEndorsementsGiven    = endorsementReader(KindEndorsementGiven)
)
