package parse

import "strings"

// Network files (§2.2).

type connectionRow struct {
	FirstName   string `csv:"First Name"`
	LastName    string `csv:"Last Name"`
	URL         string `csv:"URL"`
	Email       string `csv:"Email Address"`
	Company     string `csv:"Company"`
	Position    string `csv:"Position"`
	ConnectedOn Date   `csv:"Connected On"`
}

// item keeps the date-only rows of members who hid or closed their profile
// (§3 Q9): they are connections all the same.
func (r *connectionRow) item(c rowCtx) (Item, string) {
	text := joinText(strings.TrimSpace(r.FirstName+" "+r.LastName), r.Position, r.Company)
	// The URL column only exists since mid-2023 (§3 Q6), so it is not
	// part of the identity.
	it := c.dated(&r.ConnectedOn, text, r.FirstName, r.LastName)
	if r.FirstName == "" && r.LastName == "" && r.URL == "" {
		it.Flags = append(it.Flags, "hidden_profile")
	}
	return it, ""
}

type invitationRow struct {
	From       string `csv:"From"`
	To         string `csv:"To"`
	SentAt     Date   `csv:"Sent At"`
	Message    string `csv:"Message"`
	Direction  string `csv:"Direction"`
	InviterURL string `csv:"inviterProfileUrl"`
	InviteeURL string `csv:"inviteeProfileUrl"`
}

func (r *invitationRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.SentAt, joinText(r.Direction, r.From+" → "+r.To), r.From, r.To, r.Direction), ""
}

type companyFollowRow struct {
	Organization string `csv:"Organization"`
	FollowedOn   Date   `csv:"Followed On"`
}

func (r *companyFollowRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.FollowedOn, Snippet(r.Organization), r.Organization), ""
}

type memberFollowRow struct {
	Date     Date   `csv:"Date"`
	Status   string `csv:"Status"`
	FullName string `csv:"FullName"`
}

func (r *memberFollowRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, joinText(r.FullName, r.Status), r.FullName, r.Status), ""
}

type hashtagFollowRow struct {
	HashTag      string `csv:"HashTag"`
	CreatedTime  Date   `csv:"CreatedTime"`
	LastModified Date   `csv:"LastModifiedTime"`
	State        string `csv:"State"`
}

func (r *hashtagFollowRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.CreatedTime, Snippet(r.HashTag), r.HashTag), ""
}

// contactRow covers the three eras of the imported address book.
type contactRow struct {
	Source    string `csv:"Source"`
	FirstName string `csv:"FirstName,First Name"`
	LastName  string `csv:"LastName,Last Name"`
	FullName  string `csv:"FullName,Full Name"`
	Companies string `csv:"Companies"`
	Title     string `csv:"Title"`
	Emails    string `csv:"Emails,Email Address"`
	Phones    string `csv:"PhoneNumbers,Phone Numbers"`
	CreatedAt Date   `csv:"CreatedAt,Created At"`
	UpdatedAt Date   `csv:"UpdatedAt"`
	Location  string `csv:"Location"`
	// Columns of the 2025+ ImportedContacts.csv and the older files, read so
	// that only columns LinkedIn adds later are reported as unknown.
	MiddleName   string `csv:"MiddleName"`
	MaidenName   string `csv:"MaidenName"`
	NickName     string `csv:"NickName"`
	NamePrefix   string `csv:"NamePrefix"`
	NameSuffix   string `csv:"NameSuffix"`
	CountryCode  string `csv:"CountryCode"`
	RegionCode   string `csv:"RegionCode"`
	Verified     string `csv:"ThirdPartyVerified"`
	Addresses    string `csv:"Addresses"`
	Sites        string `csv:"Sites"`
	IMHandles    string `csv:"InstantMessageHandles,Instant Message Handles"`
	Birthday     string `csv:"Birthday"`
	BookmarkedAt string `csv:"BookmarkedAt,Bookmarked At"`
	Profiles     string `csv:"Profiles"`
}

func (r *contactRow) item(c rowCtx) (Item, string) {
	name := strings.TrimSpace(r.FirstName + " " + r.LastName)
	if name == "" {
		name = r.FullName
	}
	return c.dated(&r.CreatedAt, Snippet(name), name, r.Emails, r.Phones), ""
}

type noteRow struct {
	FirstName string `csv:"Connection First Name"`
	LastName  string `csv:"Connection Last Name"`
	URL       string `csv:"Connection Profile URL"`
	Note      string `csv:"Note"`
	CreatedOn Date   `csv:"Created On"`
	EditedOn  Date   `csv:"Edited On"`
}

func (r *noteRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.CreatedOn, Snippet(r.Note), r.FirstName, r.LastName, r.Note), ""
}
