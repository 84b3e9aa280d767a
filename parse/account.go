package parse

import (
	"strconv"
	"strings"
)

// Account, security, ads, inferences, payments and identity (§2.8).

type emailRow struct {
	Address   string `csv:"Email Address"`
	Confirmed string `csv:"Confirmed"`
	Primary   string `csv:"Primary"`
	UpdatedOn Date   `csv:"Updated On"`
}

// An address is the same item whenever it was last updated: the date is
// left out of its ID.
func (r *emailRow) item(c rowCtx) (Item, string) {
	it := c.undated(Snippet(r.Address), r.Address)
	it.Date, it.Basis = c.when(&r.UpdatedOn)
	return it, ""
}

// phoneRow serves PhoneNumbers.csv and Whatsapp Phone Numbers.csv, whose
// columns are the same names in another order; `,,` rows are all-empty.
type phoneRow struct {
	Extension string `csv:"Extension"`
	Number    string `csv:"Number"`
	Type      string `csv:"Type"`
	WhatsApp  string `csv:"Is_WhatsApp_Number"`
}

// phoneReader: the same number may be in both files, as two rows, so the
// file family is part of the identity.
func phoneReader(family string) func(*fileCtx) {
	return func(c *fileCtx) {
		readCSV(c, csvOptions{}, func(c *fileCtx, r *phoneRow, line int) (Item, string) {
			n := strings.TrimSpace(r.Number)
			return Item{ID: contentID(KindPhoneNumber, family, n, r.Extension), Kind: KindPhoneNumber, Line: line, Text: Snippet(n)}, ""
		})
	}
}

var (
	readPhoneNumbers    = phoneReader("phone")
	readWhatsappNumbers = phoneReader("whatsapp")
)

type registrationRow struct {
	RegisteredAt  Date   `csv:"Registered At,Registration Date"`
	IP            string `csv:"Registration Ip,Registration IP Address"`
	Subscriptions string `csv:"Subscription Types"`
	InvitedFirst  string `csv:"Invited by (First Name)"`
	InvitedLast   string `csv:"Invited by (Last Name)"`
}

// item also gives the member's registration day: the lower bound of every
// undated item.
func (r *registrationRow) item(c rowCtx) (Item, string) {
	it := c.dated(&r.RegisteredAt, "registration")
	if t := it.Date; !t.IsZero() && (c.member.Registered.IsZero() || t.Before(c.member.Registered)) {
		c.member.Registered = t
	}
	return it, ""
}

// securityRow serves Logins.csv and Security Challenges.csv.
type securityRow struct {
	LoginDate     Date   `csv:"Login Date"`
	ChallengeDate Date   `csv:"Challenge Date"`
	IP            string `csv:"IP Address"`
	UserAgent     string `csv:"User Agent"`
	LoginType     string `csv:"Login Type"`
	Country       string `csv:"Country"`
	ChallengeType string `csv:"Challenge Type"`
}

func (r *securityRow) item(c rowCtx) (Item, string) {
	d := &r.LoginDate
	if c.kind == KindSecurityChallenge {
		d = &r.ChallengeDate
	}
	return c.dated(d, Snippet(firstNonEmpty(r.LoginType, r.ChallengeType)), r.IP, r.UserAgent), ""
}

type accountStatusRow struct {
	Time  Date   `csv:"Time"`
	Event string `csv:"Event"`
}

func (r *accountStatusRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Time, Snippet(r.Event), r.Event), ""
}

type searchQueryRow struct {
	Time  Date   `csv:"Time"`
	Query string `csv:"Search Query"`
}

func (r *searchQueryRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Time, Snippet(r.Query), r.Query), ""
}

type adClickRow struct {
	Date Date   `csv:"Ad clicked Date"`
	Ad   string `csv:"Ad Title/Id"`
}

func (r *adClickRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, Snippet(r.Ad), r.Ad), ""
}

type lanAdRow struct {
	Action string `csv:"Action"`
	Date   Date   `csv:"Date"`
	Ad     string `csv:"Ad Title/Id"`
	Page   string `csv:"Page/App"`
}

func (r *lanAdRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, joinText(r.Action, r.Page), r.Action, r.Ad, r.Page), ""
}

// adTargetingRow names the columns common to the 2022–2026 files. The file
// repeats some names (Company Names, Job Titles ×3, §3 Q11) and adds columns
// every year or so; those are noted as unknown, never an error.
type adTargetingRow struct {
	Age        string `csv:"Member Age,Age Group"`
	Gender     string `csv:"Member Gender"`
	Locations  string `csv:"Profile Locations,Country"`
	Skills     string `csv:"Member Skills,Skills"`
	Interests  string `csv:"Member Interests"`
	JobTitles  string `csv:"Job Titles"`
	Companies  string `csv:"Company Names"`
	Industries string `csv:"Company Industries"`
	Schools    string `csv:"Member Schools"`
	Degrees    string `csv:"Degrees"`
	Fields     string `csv:"Fields of Study"`
	Seniority  string `csv:"Job Seniorities"`
	Functions  string `csv:"Job Functions"`
	Experience string `csv:"Years of Experience"`
	Traits     string `csv:"Member Traits"`
	Groups     string `csv:"Member Groups"`
	// The other columns of the 2022–2026 files (§2.8), read only so that
	// a column LinkedIn adds later stands out as unknown.
	Buyers       string `csv:"Buyer Groups"`
	FollowerOf   string `csv:"Company Follower of"`
	Category     string `csv:"Company Category"`
	Size         string `csv:"Company Size,Company Sizes"`
	DegreeClass  string `csv:"degreeClass"`
	Growth       string `csv:"Company Growth Rate"`
	Connections  string `csv:"Company Connections"`
	BySize       string `csv:"Function By Size"`
	Graduation   string `csv:"Graduation Year"`
	Locales      string `csv:"Interface Locales"`
	Locale       string `csv:"interfaceLocale"`
	Revenue      string `csv:"Company Revenue"`
	DeviceOS     string `csv:"Recent Device OS"`
	HighValue    string `csv:"High Value Audience Segments"`
	StandardSegs string `csv:"Standard Audience Segments"`
}

func (r *adTargetingRow) item(c rowCtx) (Item, string) {
	return c.undated("ad targeting criteria", r.Age, r.Gender, r.Locations, r.Skills, r.Interests, r.JobTitles, r.Companies, r.Industries), ""
}

type inferenceRow struct {
	Category    string `csv:"Category"`
	Type        string `csv:"Type of inference"`
	Description string `csv:"Description"`
	Inference   string `csv:"Inference"`
}

func (r *inferenceRow) item(c rowCtx) (Item, string) {
	return c.undated(joinText(r.Category, r.Type), r.Category, r.Type, r.Description, r.Inference), ""
}

// receiptRow serves Receipts.csv and Receipts_v2.csv (same columns; the
// v2 date has its own layout, F-R2UTC).
type receiptRow struct {
	FirstName   string `csv:"First Name"`
	LastName    string `csv:"Last Name"`
	Country     string `csv:"Billing Country"`
	Postal      string `csv:"Postal Code"`
	MadeAt      Date   `csv:"Transaction Made At"`
	Method      string `csv:"Payment Method Type"`
	Invoice     string `csv:"Invoice Number"`
	Description string `csv:"Description"`
	Tax         string `csv:"Tax Amount"`
	SubTotal    string `csv:"Sub Total"`
	Total       string `csv:"Total Amount"`
	Currency    string `csv:"Currency Code"`
}

func (r *receiptRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.MadeAt, joinText(r.Description, r.Total+" "+r.Currency), r.Invoice, r.Total), ""
}

type identityAssetRow struct {
	Name string `csv:"Private Identity Asset Name"`
	Text string `csv:"Private Identity Asset Raw Text"`
}

func (r *identityAssetRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(firstNonEmpty(r.Text, r.Name)), r.Name, r.Text), ""
}

type verificationRow struct {
	FirstName    string `csv:"First name"`
	MiddleName   string `csv:"Middle name"`
	LastName     string `csv:"Last name"`
	Type         string `csv:"Verification type"`
	Organization string `csv:"Organization name"`
	Email        string `csv:"Email address"`
	Country      string `csv:"Country"`
	YearOfBirth  string `csv:"Year of birth"`
	State        string `csv:"State"`
	City         string `csv:"City"`
	Authority    string `csv:"Issuing authority"`
	DocumentType string `csv:"Document type"`
	Provider     string `csv:"Verification service provider"`
	Verified     Date   `csv:"Verified date"`
	Expiry       Date   `csv:"Expiry date"`
}

// item also gives the member's year of birth, for the under-18 rule.
func (r *verificationRow) item(c rowCtx) (Item, string) {
	if y := yearOf(r.YearOfBirth); y > 0 && c.member.BirthYear == 0 {
		c.member.BirthYear = y
	}
	return c.dated(&r.Verified, joinText(r.Type, r.Organization), r.Type, r.Organization), ""
}

// yearOf reads a year of birth ("1984"); anything else gives 0.
func yearOf(s string) int {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < 1900 || y > 2100 {
		return 0
	}
	return y
}

// marketplaceRow serves the Services Marketplace files (Providers, and the
// Engagements and Opprtunities files named by one parser, §2.8).
type marketplaceRow struct {
	Created  Date   `csv:"Creation Time"`
	Type     string `csv:"Marketplace Type"`
	Category string `csv:"ProFinder Service Category,Service Category"`
	TopLevel string `csv:"Top Level Service Category"`
	Second   string `csv:"Secondary Service Category"`
	Status   string `csv:"Status"`
	Body     string `csv:"Body"`
	Location string `csv:"Use Profile Location,Location"`
	Remote   string `csv:"Available to Work Remotely"`
	Pricing  string `csv:"Pricing Info Provided"`
	Media    string `csv:"Media"`
	Currency string `csv:"Currency Code"`
	Amount   string `csv:"Currency Amount"`
	Billing  string `csv:"Billing Time Unit"`
	Free     string `csv:"Free Consultation included"`
	QA       string `csv:"Questions and Answers"`
	Prefer   string `csv:"Preferred Providers"`
}

func (r *marketplaceRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Created, joinText(r.TopLevel, r.Category, r.Type), r.Type, r.Category, r.TopLevel, r.Body), ""
}
