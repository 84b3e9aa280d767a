package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// urn returns an activity id as LinkedIn makes them: the creation time in
// milliseconds in the high bits, so ids grow with time (7… since 2020).
func urn(r *rand.Rand, t time.Time) string {
	return strconv.FormatUint(uint64(t.UnixMilli())<<22|r.Uint64()&(1<<22-1), 10)
}

// feedLink is a percent-encoded feed link (Shares, Comments, Reactions,
// InstantReposts); plainLink is the unencoded form (Votes, Saved_Items).
func feedLink(kind, id string) string {
	return "https://www.linkedin.com/feed/update/urn%3Ali%3A" + kind + "%3A" + id
}

func plainLink(kind, id string) string {
	return "https://www.linkedin.com/feed/update/urn:li:" + kind + ":" + id
}

// postKind is the urn kind of a post made at t.
func postKind(r *rand.Rand, t time.Time) string {
	switch {
	case t.Year() < 2017:
		return "share"
	case t.Year() < 2020:
		return pick(r, []string{"share", "activity"})
	default:
		return pick(r, []string{"ugcPost", "ugcPost", "share", "activity"})
	}
}

func mediaURL(r *rand.Rand, t time.Time, kind string) string {
	return fmt.Sprintf("https://media.licdn.com/dms/image/v2/D4E%s/%s/0/%d?e=%d&v=beta&t=%s",
		token(r, 16), kind, t.UnixMilli(), t.Add(400*24*time.Hour).Unix(), token(r, 24))
}

// activityFiles writes the member's own activity (§2.4).
func (g *gen) activityFiles() {
	g.shares()
	g.comments()
	g.reactions()

	f, r := g.open("Votes_"+MemberID+".csv", "Date", "Link", "OptionText")
	options := []string{"Yes", "No", "It depends", "Legitimate interest", "Consent", "Both, depending on the purpose",
		"Oui", "Non", "Plutôt d'accord", "Less than 1 year", "1–3 years", "More than 5 years", "Spreadsheet", "Dedicated tool"}
	for _, t := range newestFirst(r, 40, date(2021, 5, 1, 0, 0), g.now.Add(-7*time.Hour), 0.5) {
		f.row(t.Format(fISO), plainLink("ugcPost", urn(r, t.Add(-time.Duration(r.IntN(72))*time.Hour))), pick(r, options))
	}
	f.close()

	f, r = g.open("InstantReposts_"+MemberID+".csv", "Date", "Link")
	for _, t := range newestFirst(r, 60, date(2022, 3, 1, 0, 0), g.now.Add(-9*time.Hour), 0.7) {
		f.row(t.Format(fISO), feedLink(pick(r, []string{"ugcPost", "activity", "share"}), urn(r, t.Add(-time.Duration(r.IntN(48))*time.Hour))))
	}
	f.close()

	f, r = g.open("Saved_Items_"+MemberID+".csv", "savedItem", "CreatedTime")
	for _, t := range newestFirst(r, 25, date(2021, 1, 1, 0, 0), g.now.Add(-11*time.Hour), 0.5) {
		f.row(plainLink(pick(r, []string{"ugcPost", "activity"}), urn(r, t.Add(-time.Duration(r.IntN(96))*time.Hour))), t.Format(fISO))
	}
	f.close()

	f, r = g.open("Rich_Media.csv", "Date/Time", "Media Description", "Media Link")
	for _, t := range newestFirst(r, 30, date(2016, 1, 1, 0, 0), g.now.Add(-13*time.Hour), 1) {
		t = t.Truncate(time.Minute)
		what, kind, desc := "a feed photo", "feedshare-shrink_2048_1536", " -"
		switch x := r.Float64(); {
		case x < 0.08:
			what, kind = "a profile photo", "profile-displayphoto-shrink_800_800"
		case x < 0.12:
			what, kind = "a profile background photo", "profile-displaybackgroundimage-shrink_350_1400"
		case x < 0.3:
			what, kind = "a feed document", "feedshare-document-pdf-analyzed"
			desc = pick(r, []string{"DPIA checklist (FR/EN)", "Slides – Data & Ethics Day", "Registre des traitements – modèle"})
		case x < 0.4:
			what, kind = "a video", "videocover-high"
		default:
			if chance(r, 0.3) {
				desc = pick(r, []string{"Privacy Engineering Meetup, Brussels", "Atelier RGPD à Namur", "Whiteboard data map 🗺️"})
			}
		}
		sentence := "You uploaded " + what + " on " + t.Format("January 2, 2006 at 3:04 PM") + " (GMT)"
		f.row(sentence, desc, mediaURL(r, t, kind))
	}
	f.close()

	g.list("Member Hashtags.csv", "Member Posts About Hashtags", "privacy", "gdpr", "rgpd", "dataprotection", "aiact")
}

func (g *gen) shares() {
	f, r := g.open("Shares_"+MemberID+".csv", "Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility")
	for _, t := range newestFirst(r, g.scaled(350), date(2010, 3, 1, 0, 0), g.now.Add(-6*time.Hour), 1.5) {
		shared, media := "", ""
		if chance(r, 0.25) {
			shared = pick(r, []string{"https://blog.example.org/elise/", "https://www.example.com/news/", "https://lnkd.in/"}) + token(r, 8)
		} else if chance(r, 0.25) {
			media = mediaURL(r, t, "feedshare-shrink_800")
		}
		vis := "PUBLIC"
		if x := r.Float64(); x < 0.08 {
			vis = "MEMBER_NETWORK"
		} else if x < 0.12 {
			vis = "CONNECTIONS"
		}
		f.begin()
		f.buf = append(f.buf, t.Format(fISO)...)
		f.buf = append(f.buf, ',')
		f.buf = append(f.buf, feedLink(postKind(r, t), urn(r, t))...)
		f.buf = append(f.buf, ',')
		f.buf = appendWrappedField(f.buf, post(r))
		f.buf = append(f.buf, ',')
		f.buf = appendQuoted(f.buf, shared) // empty URLs are written "" (Q2)
		f.buf = append(f.buf, ',')
		f.buf = appendQuoted(f.buf, media)
		f.buf = append(f.buf, ',')
		f.buf = append(f.buf, vis...)
		f.end()
	}
	f.close()
}

func (g *gen) comments() {
	f, r := g.open("Comments_"+MemberID+".csv", "Date", "Link", "Message")
	for _, t := range newestFirst(r, g.scaled(700), date(2010, 6, 1, 0, 0), g.now.Add(-4*time.Hour), 1.5) {
		kind := postKind(r, t)
		pid := urn(r, t.Add(-time.Duration(1+r.IntN(72))*time.Hour))
		link := feedLink(kind, pid)
		if chance(r, 0.1) {
			link += "?commentUrn=urn%3Ali%3Acomment%3A%28" + kind + "%3A" + pid + "%2C" + urn(r, t) + "%29"
		}
		f.begin()
		f.buf = append(f.buf, t.Format(fISO)...)
		f.buf = append(f.buf, ',')
		f.buf = append(f.buf, link...)
		f.buf = append(f.buf, ',')
		f.buf = appendBackslashField(f.buf, comment(r)) // Q3, 2025+ form
		f.end()
	}
	f.close()
}

var reactionTypes = []string{
	"LIKE", "LIKE", "LIKE", "LIKE", "LIKE", "LIKE", "LIKE", "LIKE", "PRAISE", "PRAISE", "EMPATHY",
	"APPRECIATION", "INTEREST", "INTEREST", "ENTERTAINMENT",
}

func (g *gen) reactions() {
	f, r := g.open("Reactions_"+MemberID+".csv", "Date", "Type", "Link")
	for _, t := range newestFirst(r, g.scaled(1500), date(2012, 1, 1, 0, 0), g.now.Add(-2*time.Hour), 2) {
		typ := "LIKE"
		if t.Year() >= 2019 {
			typ = pick(r, reactionTypes)
			if t.Year() >= 2025 && chance(r, 0.01) {
				typ = "MAYBE"
			}
		}
		kind := postKind(r, t)
		pid := urn(r, t.Add(-time.Duration(1+r.IntN(96))*time.Hour))
		link := feedLink(kind, pid)
		if chance(r, 0.05) {
			link += "?commentUrn=urn%3Ali%3Acomment%3A%28" + kind + "%3A" + pid + "%2C" + urn(r, t.Add(-time.Hour)) + "%29"
		}
		f.row(t.Format(fISO), typ, link)
	}
	f.close()
}
