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

func readEmailAddresses(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *emailRow, line int) (Item, string) {
		t, basis := c.when(line, "Updated On", r.UpdatedOn, DateExact)
		return Item{ID: contentID(KindEmailAddress, r.Address), Kind: KindEmailAddress, Line: line, Date: t, Basis: basis, Text: Snippet(r.Address)}, ""
	})
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

// readRegistration also gives the member's registration day: the lower
// bound of every undated item.
func readRegistration(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *registrationRow, line int) (Item, string) {
		t, basis := c.when(line, "Registered At", r.RegisteredAt, DateExact)
		if !t.IsZero() && (c.member.Registered.IsZero() || t.Before(c.member.Registered)) {
			c.member.Registered = t
		}
		return Item{ID: contentID(KindRegistration, dateKey(t, r.RegisteredAt)), Kind: KindRegistration, Line: line, Date: t, Basis: basis, Text: "registration"}, ""
	})
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

func securityReader(kind Kind, column string) func(*fileCtx) {
	return func(c *fileCtx) {
		readCSV(c, csvOptions{}, func(c *fileCtx, r *securityRow, line int) (Item, string) {
			d := r.LoginDate
			if kind == KindSecurityChallenge {
				d = r.ChallengeDate
			}
			t, basis := c.when(line, column, d, DateExact)
			return Item{ID: contentID(kind, r.IP, r.UserAgent, dateKey(t, d)), Kind: kind, Line: line, Date: t, Basis: basis, Text: Snippet(firstNonEmpty(r.LoginType, r.ChallengeType))}, ""
		})
	}
}

var (
	readLogins             = securityReader(KindLogin, "Login Date")
	readSecurityChallenges = securityReader(KindSecurityChallenge, "Challenge Date")
)

type accountStatusRow struct {
	Time  Date   `csv:"Time"`
	Event string `csv:"Event"`
}

func readAccountStatus(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *accountStatusRow, line int) (Item, string) {
		t, basis := c.when(line, "Time", r.Time, DateExact)
		return Item{ID: contentID(KindAccountStatus, r.Event, dateKey(t, r.Time)), Kind: KindAccountStatus, Line: line, Date: t, Basis: basis, Text: Snippet(r.Event)}, ""
	})
}

type searchQueryRow struct {
	Time  Date   `csv:"Time"`
	Query string `csv:"Search Query"`
}

// readSearchQueries re-quotes 2025 rows whose query has unquoted commas.
func readSearchQueries(c *fileCtx) {
	readCSV(c, csvOptions{repair: newSearchQueriesRepair}, func(c *fileCtx, r *searchQueryRow, line int) (Item, string) {
		t, basis := c.when(line, "Time", r.Time, DateExact)
		return Item{ID: contentID(KindSearchQuery, r.Query, dateKey(t, r.Time)), Kind: KindSearchQuery, Line: line, Date: t, Basis: basis, Text: Snippet(r.Query)}, ""
	})
}

type adClickRow struct {
	Date Date   `csv:"Ad clicked Date"`
	Ad   string `csv:"Ad Title/Id"`
}

func readAdsClicked(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *adClickRow, line int) (Item, string) {
		t, basis := c.when(line, "Ad clicked Date", r.Date, DateExact)
		return Item{ID: contentID(KindAdClick, r.Ad, dateKey(t, r.Date)), Kind: KindAdClick, Line: line, Date: t, Basis: basis, Text: Snippet(r.Ad)}, ""
	})
}

type lanAdRow struct {
	Action string `csv:"Action"`
	Date   Date   `csv:"Date"`
	Ad     string `csv:"Ad Title/Id"`
	Page   string `csv:"Page/App"`
}

func readLANAds(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *lanAdRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		return Item{ID: contentID(KindAdEngagement, r.Action, r.Ad, r.Page, dateKey(t, r.Date)), Kind: KindAdEngagement, Line: line, Date: t, Basis: basis, Text: joinText(r.Action, r.Page)}, ""
	})
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

func readAdTargeting(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *adTargetingRow, line int) (Item, string) {
		return Item{
			ID:   contentID(KindAdTargeting, r.Age, r.Gender, r.Locations, r.Skills, r.Interests, r.JobTitles, r.Companies, r.Industries),
			Kind: KindAdTargeting, Line: line, Text: "ad targeting criteria",
		}, ""
	})
}

type inferenceRow struct {
	Category    string `csv:"Category"`
	Type        string `csv:"Type of inference"`
	Description string `csv:"Description"`
	Inference   string `csv:"Inference"`
}

func readInferences(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *inferenceRow, line int) (Item, string) {
		return Item{ID: contentID(KindInference, r.Category, r.Type, r.Description, r.Inference), Kind: KindInference, Line: line, Text: joinText(r.Category, r.Type)}, ""
	})
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

func readReceipts(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *receiptRow, line int) (Item, string) {
		t, basis := c.when(line, "Transaction Made At", r.MadeAt, DateExact)
		return Item{ID: contentID(KindReceipt, r.Invoice, r.Total, dateKey(t, r.MadeAt)), Kind: KindReceipt, Line: line, Date: t, Basis: basis, Text: joinText(r.Description, r.Total+" "+r.Currency)}, ""
	})
}

type identityAssetRow struct {
	Name string `csv:"Private Identity Asset Name"`
	Text string `csv:"Private Identity Asset Raw Text"`
}

func readIdentityAssets(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *identityAssetRow, line int) (Item, string) {
		return Item{ID: contentID(KindResume, r.Name, r.Text), Kind: KindResume, Line: line, Text: Snippet(firstNonEmpty(r.Text, r.Name))}, ""
	})
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

// readVerifications also gives the member's year of birth, for the under-18 rule.
func readVerifications(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *verificationRow, line int) (Item, string) {
		if y := yearOf(r.YearOfBirth); y > 0 && c.member.BirthYear == 0 {
			c.member.BirthYear = y
		}
		t, basis := c.when(line, "Verified date", r.Verified, DateExact)
		return Item{ID: contentID(KindVerification, r.Type, r.Organization, dateKey(t, r.Verified)), Kind: KindVerification, Line: line, Date: t, Basis: basis, Text: joinText(r.Type, r.Organization)}, ""
	})
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

func readMarketplace(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *marketplaceRow, line int) (Item, string) {
		t, basis := c.when(line, "Creation Time", r.Created, DateExact)
		return Item{ID: contentID(KindMarketplace, r.Type, r.Category, r.TopLevel, r.Body, dateKey(t, r.Created)), Kind: KindMarketplace, Line: line, Date: t, Basis: basis, Text: joinText(r.TopLevel, r.Category, r.Type)}, ""
	})
}
