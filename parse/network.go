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

// readConnections keeps the date-only rows of members who hid or closed
// their profile (§3 Q9): they are connections all the same.
func readConnections(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *connectionRow, line int) (Item, string) {
		t, basis := c.when(line, "Connected On", r.ConnectedOn, DateExact)
		it := Item{
			// The URL column only exists since mid-2023 (§3 Q6), so it is
			// not part of the identity.
			ID:   contentID(KindConnection, r.FirstName, r.LastName, dateKey(t, r.ConnectedOn)),
			Kind: KindConnection, Line: line, Date: t, Basis: basis,
			Text: joinText(strings.TrimSpace(r.FirstName+" "+r.LastName), r.Position, r.Company),
		}
		if r.FirstName == "" && r.LastName == "" && r.URL == "" {
			it.Flags = append(it.Flags, "hidden_profile")
		}
		return it, ""
	})
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

func readInvitations(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *invitationRow, line int) (Item, string) {
		t, basis := c.when(line, "Sent At", r.SentAt, DateExact)
		return Item{
			ID:   contentID(KindInvitation, r.From, r.To, r.Direction, dateKey(t, r.SentAt)),
			Kind: KindInvitation, Line: line, Date: t, Basis: basis,
			Text: joinText(r.Direction, r.From+" → "+r.To),
		}, ""
	})
}

type companyFollowRow struct {
	Organization string `csv:"Organization"`
	FollowedOn   Date   `csv:"Followed On"`
}

func readCompanyFollows(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *companyFollowRow, line int) (Item, string) {
		t, basis := c.when(line, "Followed On", r.FollowedOn, DateExact)
		return Item{ID: contentID(KindCompanyFollow, r.Organization, dateKey(t, r.FollowedOn)), Kind: KindCompanyFollow, Line: line, Date: t, Basis: basis, Text: Snippet(r.Organization)}, ""
	})
}

type memberFollowRow struct {
	Date     Date   `csv:"Date"`
	Status   string `csv:"Status"`
	FullName string `csv:"FullName"`
}

func readMemberFollows(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *memberFollowRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		return Item{ID: contentID(KindMemberFollow, r.FullName, r.Status, dateKey(t, r.Date)), Kind: KindMemberFollow, Line: line, Date: t, Basis: basis, Text: joinText(r.FullName, r.Status)}, ""
	})
}

type hashtagFollowRow struct {
	HashTag      string `csv:"HashTag"`
	CreatedTime  Date   `csv:"CreatedTime"`
	LastModified Date   `csv:"LastModifiedTime"`
	State        string `csv:"State"`
}

func readHashtagFollows(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *hashtagFollowRow, line int) (Item, string) {
		t, basis := c.when(line, "CreatedTime", r.CreatedTime, DateExact)
		return Item{ID: contentID(KindHashtagFollow, r.HashTag, dateKey(t, r.CreatedTime)), Kind: KindHashtagFollow, Line: line, Date: t, Basis: basis, Text: Snippet(r.HashTag)}, ""
	})
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

func readContacts(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *contactRow, line int) (Item, string) {
		t, basis := c.when(line, "CreatedAt", r.CreatedAt, DateExact)
		name := strings.TrimSpace(r.FirstName + " " + r.LastName)
		if name == "" {
			name = r.FullName
		}
		return Item{ID: contentID(KindContact, name, r.Emails, r.Phones, dateKey(t, r.CreatedAt)), Kind: KindContact, Line: line, Date: t, Basis: basis, Text: Snippet(name)}, ""
	})
}

type noteRow struct {
	FirstName string `csv:"Connection First Name"`
	LastName  string `csv:"Connection Last Name"`
	URL       string `csv:"Connection Profile URL"`
	Note      string `csv:"Note"`
	CreatedOn Date   `csv:"Created On"`
	EditedOn  Date   `csv:"Edited On"`
}

func readNotes(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *noteRow, line int) (Item, string) {
		t, basis := c.when(line, "Created On", r.CreatedOn, DateExact)
		return Item{ID: contentID(KindNote, r.FirstName, r.LastName, r.Note, dateKey(t, r.CreatedOn)), Kind: KindNote, Line: line, Date: t, Basis: basis, Text: Snippet(r.Note)}, ""
	})
}
