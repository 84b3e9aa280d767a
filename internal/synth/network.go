package synth

import (
	"fmt"
	"strings"
	"time"
)

// connectionsPreamble is the Notes block LinkedIn puts before the header of
// Connections.csv since mid-2021 (Q1), byte for byte.
const connectionsPreamble = "Notes:\n" +
	`"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"` +
	"\n"

// connectedOn is the date connection k (0 = newest) was made.
func (g *gen) connectedOn(k int) time.Time {
	r := g.seeded(2, k)
	n := g.nConn
	from, to := date(2009, 4, 20, 0, 0), g.now.Add(-20*time.Hour)
	return spread(n-1-k, n, r.Float64(), from, to, 1.2)
}

// networkFiles writes the network files (§2.2).
func (g *gen) networkFiles() {
	f := g.create("Connections.csv")
	f.noFinal = true // §1.6
	f.raw(connectionsPreamble)
	f.row("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
	for k := 0; k < g.nConn; k++ {
		p := g.person(k)
		on := g.connectedOn(k).Format(fDMY)
		if p.Hidden {
			f.row("", "", "", "", "", "", on) // Q9: hidden or closed profile
			continue
		}
		f.row(p.First, p.Last, p.URL(), p.Email, p.Company, p.Position, on)
	}
	f.close()

	g.invitations()

	r := g.rng("Company Follows.csv")
	f = g.create("Company Follows.csv")
	f.noFinal = true
	f.row("Organization", "Followed On")
	orgs := append([]string{}, companies[:len(companies)-2]...)
	orgs = append(orgs, "Autorité de protection des données (exemple)", "Privacy Engineering Meetup Brussels", "LinkedIn Learning (example page)", "Benelux Privacy Awards")
	r.Shuffle(len(orgs), func(i, j int) { orgs[i], orgs[j] = orgs[j], orgs[i] })
	for i, t := range newestFirst(r, len(orgs), date(2010, 2, 1, 0, 0), g.now.Add(-48*time.Hour), 1) {
		f.row(orgs[i], t.Format(fJAVA))
	}
	f.close()

	f, r = g.open("Member_Follows_"+MemberID+".csv", "Date", "Status", "FullName")
	for _, t := range newestFirst(r, 30, date(2016, 1, 1, 0, 0), g.now.Add(-72*time.Hour), 1) {
		status := "Active"
		if chance(r, 0.15) {
			status = "Unfollow"
		}
		f.row(t.Format(fISO), status, g.person(g.nConn+500+r.IntN(2000)).Name())
	}
	f.close()

	f, r = g.open("Hashtag_Follows_"+MemberID+".csv", "HashTag", "CreatedTime", "LastModifiedTime", "State")
	tags := []string{"privacy", "gdpr", "dataprotection", "rgpd", "cybersecurity", "artificialintelligence", "aiact", "infosec", "legaltech", "compliance", "brussels", "privacybydesign"}
	for i, t := range newestFirst(r, len(tags), date(2016, 5, 1, 0, 0), g.now.Add(-96*time.Hour), 0) {
		m := t
		if chance(r, 0.3) {
			m = between(r, t, g.now.Add(-24*time.Hour))
		}
		f.row(tags[i], t.Format(fISO), m.Format(fISO), "Follow")
	}
	f.close()

	f, r = g.open("ImportedContacts.csv", "FirstName", "MiddleName", "LastName", "MaidenName", "NickName", "NamePrefix", "NameSuffix", "Title", "Emails", "PhoneNumbers", "CreatedAt", "UpdatedAt", "CountryCode", "RegionCode", "ThirdPartyVerified", "Location")
	for i := 0; i < 20; i++ {
		p := g.person(g.nConn + 3000 + i)
		created := between(r, date(2013, 1, 1, 0, 0), date(2024, 1, 1, 0, 0))
		email := fmt.Sprintf("%s.%d@example.com", strings.ToLower(fold(p.First)), 100+i)
		phone := ""
		if chance(r, 0.6) {
			phone = fmt.Sprintf("+32 470 00 %02d %02d", r.IntN(100), r.IntN(100))
		}
		middle, prefix := "", ""
		if i%7 == 3 {
			middle = "J."
		}
		if i%9 == 4 {
			prefix = "Dr."
		}
		f.row(p.First, middle, p.Last, "", "", prefix, "", p.Position, email, phone,
			created.Format(fUS12), between(r, created, date(2025, 6, 1, 0, 0)).Format(fUS12),
			"BE", "", pick(r, []string{"false", "false", "true"}), pick(r, []string{"Brussels, Belgium", "", "Ghent, Belgium", "Lille, France"}))
	}
	f.close()

	f = g.create("Notes.csv")
	f.row("Connection First Name", "Connection Last Name", "Connection Profile URL", "Note", "Created On", "Edited On")
	for i, x := range []struct {
		k    int
		note string
	}{
		{5, "Met at the Data & Ethics Day. Interested in a joint training offer, follow up in January."},
		{11, "Tokyo office – asked about APPI vs GDPR comparison table."},
		{23, "Ancienne collègue. Préfère être contactée par e-mail, pas par message."},
	} {
		p := g.person(x.k)
		c := date(2025, 2, 10, 9, 0).AddDate(0, i*5, i*3)
		e := ""
		if i == 0 {
			e = c.AddDate(0, 0, 40).Format(fUS12)
		}
		f.row(p.First, p.Last, p.URL(), x.note, c.Format(fUS12), e)
	}
	f.close()
}

func (g *gen) invitations() {
	f, r := g.open("Invitations.csv", "From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl")
	notes := []string{
		"Hi Élise, we met at the privacy meetup last night. Would be great to stay in touch!",
		"Bonjour Élise, je suis votre travail sur le RGPD depuis longtemps, ravi de nous connecter.",
		"Hello,\u2005I enjoyed your talk on DPIAs.\u2005Let's connect.",
		"Hi, I'm building a privacy team in Ghent and would love to connect.",
		"Dag Élise, graag voeg ik je toe aan mijn netwerk.",
	}
	outNotes := []string{
		"Hi, thanks for your question during the panel, let's stay in touch.",
		"Bonjour, suite à notre échange à la conférence, je vous propose de nous connecter.",
	}
	for i, t := range newestFirst(r, 150, date(2021, 2, 1, 0, 0), g.now.Add(-5*time.Hour), 0.8) {
		var p person
		if chance(r, 0.6) {
			p = g.person(r.IntN(min(g.nConn, 180)))
		} else {
			p = g.person(g.nConn + r.IntN(5000))
		}
		if p.Hidden {
			p = g.person(g.nConn + 1 + i)
		}
		if chance(r, 0.55) {
			msg := ""
			if chance(r, 0.3) {
				msg = pick(r, notes)
			}
			f.row(p.Name(), me.Name(), t.Format(fUS12), msg, "INCOMING", p.URL(), me.URL())
		} else {
			msg := ""
			if chance(r, 0.15) {
				msg = pick(r, outNotes)
			}
			f.row(me.Name(), p.Name(), t.Format(fUS12), msg, "OUTGOING", me.URL(), p.URL())
		}
	}
	f.close()
}
