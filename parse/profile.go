package parse

import "strings"

// Profile and career files (§2.1). Most entries are dated only by the
// period they describe (rowCtx.started).

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

func (r *profileRow) item(c rowCtx) (Item, string) {
	c.member.Name = strings.TrimSpace(strings.TrimSpace(r.FirstName) + " " + strings.TrimSpace(r.LastName))
	c.member.GeoLocation = strings.TrimSpace(r.GeoLocation)
	if c.member.GeoLocation == "" {
		c.member.GeoLocation = strings.TrimSpace(r.Country)
	}
	return c.undated(joinText(r.Headline, r.GeoLocation), r.FirstName, r.LastName, r.Headline, r.Summary, r.Industry, r.GeoLocation), ""
}

type profileSummaryRow struct {
	Summary string `csv:"Profile Summary"`
}

func (r *profileSummaryRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(r.Summary), "summary", r.Summary), ""
}

type positionRow struct {
	Company     string `csv:"Company Name"`
	Title       string `csv:"Title"`
	Description string `csv:"Description"`
	Location    string `csv:"Location"`
	StartedOn   Date   `csv:"Started On,Start Date"`
	FinishedOn  Date   `csv:"Finished On,End Date"`
}

func (r *positionRow) item(c rowCtx) (Item, string) {
	return c.started(&r.StartedOn, joinText(r.Title, r.Company), r.Company, r.Title), ""
}

type educationRow struct {
	School     string `csv:"School Name"`
	StartDate  Date   `csv:"Start Date"`
	EndDate    Date   `csv:"End Date"`
	Notes      string `csv:"Notes"`
	Degree     string `csv:"Degree Name"`
	Activities string `csv:"Activities"`
}

func (r *educationRow) item(c rowCtx) (Item, string) {
	return c.started(&r.StartDate, joinText(r.Degree, r.School), r.School, r.Degree), ""
}

type skillRow struct {
	Name string `csv:"Name"`
}

func (r *skillRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(r.Name), r.Name), ""
}

type languageRow struct {
	Name        string `csv:"Name"`
	Proficiency string `csv:"Proficiency"`
}

func (r *languageRow) item(c rowCtx) (Item, string) {
	return c.undated(joinText(r.Name, r.Proficiency), r.Name), ""
}

type certificationRow struct {
	Name       string `csv:"Name"`
	URL        string `csv:"Url"`
	Authority  string `csv:"Authority"`
	StartedOn  Date   `csv:"Started On"`
	FinishedOn Date   `csv:"Finished On"`
	License    string `csv:"License Number"`
}

func (r *certificationRow) item(c rowCtx) (Item, string) {
	return c.started(&r.StartedOn, joinText(r.Name, r.Authority), r.Name, r.Authority), ""
}

type projectRow struct {
	Title       string `csv:"Title"`
	Description string `csv:"Description"`
	URL         string `csv:"Url"`
	StartedOn   Date   `csv:"Started On,Start Date"`
	FinishedOn  Date   `csv:"Finished On,End Date"`
}

func (r *projectRow) item(c rowCtx) (Item, string) {
	return c.started(&r.StartedOn, Snippet(r.Title), r.Title), ""
}

type publicationRow struct {
	Name        string `csv:"Name"`
	PublishedOn Date   `csv:"Published On"`
	Description string `csv:"Description"`
	Publisher   string `csv:"Publisher"`
	URL         string `csv:"Url"`
}

func (r *publicationRow) item(c rowCtx) (Item, string) {
	return c.started(&r.PublishedOn, joinText(r.Name, r.Publisher), r.Name), ""
}

type honorRow struct {
	Title       string `csv:"Title"`
	Description string `csv:"Description"`
	IssuedOn    Date   `csv:"Issued On,Issue Date"`
	Issuer      string `csv:"Issuer"`
}

func (r *honorRow) item(c rowCtx) (Item, string) {
	return c.started(&r.IssuedOn, Snippet(r.Title), r.Title), ""
}

type courseRow struct {
	Name   string `csv:"Name"`
	Number string `csv:"Number"`
}

func (r *courseRow) item(c rowCtx) (Item, string) {
	return c.undated(joinText(r.Name, r.Number), r.Name, r.Number), ""
}

type volunteeringRow struct {
	Company     string `csv:"Company Name"`
	Role        string `csv:"Role"`
	Cause       string `csv:"Cause"`
	StartedOn   Date   `csv:"Started On"`
	FinishedOn  Date   `csv:"Finished On"`
	Description string `csv:"Description"`
}

func (r *volunteeringRow) item(c rowCtx) (Item, string) {
	return c.started(&r.StartedOn, joinText(r.Role, r.Company), r.Company, r.Role), ""
}

type organizationRow struct {
	Name        string `csv:"Name"`
	Description string `csv:"Description"`
	Position    string `csv:"Position"`
	StartedOn   Date   `csv:"Started On"`
	FinishedOn  Date   `csv:"Finished On"`
}

func (r *organizationRow) item(c rowCtx) (Item, string) {
	return c.started(&r.StartedOn, joinText(r.Position, r.Name), r.Name, r.Position), ""
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

func (r *patentRow) item(c rowCtx) (Item, string) {
	return c.started(&r.IssuedOn, Snippet(r.Title), r.Title, r.Number), ""
}

type causeRow struct {
	Cause string `csv:"Supported Cause"`
}

func (r *causeRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(r.Cause), r.Cause), ""
}

// recommendationRow serves both directions, received and given.
type recommendationRow struct {
	FirstName string `csv:"First Name"`
	LastName  string `csv:"Last Name"`
	Company   string `csv:"Company"`
	JobTitle  string `csv:"Job Title"`
	Text      string `csv:"Text"`
	Created   Date   `csv:"Creation Date"`
	Status    string `csv:"Status"`
}

func (r *recommendationRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Created, Snippet(r.Text), r.FirstName, r.LastName, r.Text), ""
}

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

func (r *endorsementRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, Snippet(r.Skill), r.Skill, r.FirstName, r.LastName), ""
}
