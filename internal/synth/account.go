package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// accountFiles writes learning, events, search, security, ads, identity and
// payment files (§2.7, §2.8), and one file no parser knows.
func (g *gen) accountFiles() {
	g.learning()
	g.searchQueries()
	g.security()
	g.ads()
	g.identity()
	g.resume()

	f := g.create("Events.csv")
	f.row("Event Name", "Event Time", "Status", "External Url")
	for _, e := range []struct {
		name   string
		at     time.Time
		hours  int
		status string
		url    string
	}{
		{"Privacy Engineering Meetup Brussels #41", date(2022, 3, 17, 18, 30), 2, "APPROVED", "https://meetup.example.com/privacy-engineering-brussels/41"},
		{"Webinaire : le registre des traitements en pratique", date(2023, 1, 26, 12, 0), 1, "APPROVED", ""},
		{"AI Act Readiness Day", date(2024, 6, 11, 9, 0), 8, "APPROVED", "aiactday.example.org"},
		{"Benelux DPO Lunch – spring edition", date(2024, 4, 19, 12, 0), 2, "RELINQUISHED", ""},
		{"Data & Ethics Day 2025", date(2025, 3, 20, 9, 0), 7, "APPROVED", "https://dataethics.example.com/2025"},
		{"Live: Generative AI and your LinkedIn data", date(2025, 10, 28, 17, 0), 1, "APPROVED", ""},
		{"Privacy Engineering Meetup Brussels #55", date(2026, 2, 19, 18, 30), 2, "APPROVED", "https://meetup.example.com/privacy-engineering-brussels/55"},
		{"Journée RGPD des collectivités", date(2026, 5, 7, 8, 30), 8, "APPROVED", "www.rgpd-collectivites.example.org"},
		{"Trust & Safety Forum", date(2026, 10, 1, 14, 0), 3, "RELINQUISHED", ""},
		{"Privacy Engineering Meetup Brussels #63", date(2026, 12, 10, 18, 30), 2, "APPROVED", "https://meetup.example.com/privacy-engineering-brussels/63"},
	} {
		end := e.at.Add(time.Duration(e.hours) * time.Hour)
		f.row(e.name, e.at.Format(fEVT)+" - "+end.Format(fEVT), e.status, e.url)
	}
	f.close()

	g.table("Reviews.csv", []string{"Reviewee", "Review Type", "Review Section", "Creation Date", "Rating", "Review Text", "Review Tags"}, [][]string{
		{"Privacy Engineering Foundations", "LEARNING_COURSE", "Course", date(2023, 4, 2, 20, 15).Format(fUS12), "5", "Clear, practical, good exercises.", "Helpful; Well-structured"},
		{"AI Governance Essentials", "LEARNING_COURSE", "Course", date(2025, 2, 9, 21, 40).Format(fUS12), "4", "Bonne introduction, un peu courte sur les DPIA.", ""},
		{"Negotiation Skills for Consultants", "LEARNING_COURSE", "Course", date(2026, 6, 14, 7, 5).Format(fUS12), "3", "", "Too basic"},
	})

	// A file LinkedIn might add one day: no parser knows it.
	g.table("Future_Feature.csv", []string{"Feature Id", "Created At", "Description"}, [][]string{
		{"ff-0001", "2026-09-14 08:00:00 UTC", "Opted into the experimental profile assistant"},
		{"ff-0002", "2026-10-02 17:45:12 UTC", "Generated a post draft, discarded"},
		{"ff-0003", "2026-11-09 11:20:40 UTC", "Feedback: \"useful, but too verbose\""},
	})
}

var courses = []struct{ title, typ string }{
	{"Privacy Engineering Foundations", "Course"},
	{"AI Governance Essentials", "Course"},
	{"GDPR for Developers", "Course"},
	{"Negotiation Skills for Consultants", "Course"},
	{"Excel: Pivot Tables in Depth", "Course"},
	{"Become a Privacy Professional", "Learning Path"},
	{"Responsible AI Foundations", "Course"},
	{"Public Speaking for Experts", "Course"},
	{"How regulators think about AI", "Video (3rd Party Provider)"},
	{"Ten questions to ask your cloud provider", "Article (3rd Party Provider)"},
	{"Threat Modeling Basics", "Course"},
	{"Leading Without Authority", "Course"},
	{"Writing Clear Policies", "Course"},
	{"Data Ethics in Practice", "Course"},
	{"Cybersecurity Awareness: Phishing", "Video (3rd Party Provider)"},
	{"Managing Remote Teams", "Course"},
	{"ISO/IEC 42001 Explained", "Course"},
	{"Project Management Foundations", "Course"},
	{"Storytelling with Data", "Course"},
	{"Time Management Fundamentals", "Course"},
}

func (g *gen) learning() {
	// The header and every row end with a comma: an 8th, unnamed column (Q12).
	f, r := g.open("Learning.csv", "Content Title", "Content Description", "Content Type", "Content Last Watched Date (if viewed)", "Content Completed At (if completed)", "Content Saved", "Notes taken on videos (if taken)", "")
	descs := []string{
		"Learn the core ideas and practical steps.",
		"In this course, you will learn how to apply the principles in real projects.\n\nThe course covers planning, documentation and common pitfalls.",
		"A short, practical introduction for busy professionals.",
		"Explore <b>key concepts</b>, tools and case studies.\nIncludes exercise files.",
	}
	n := 40
	for i := 0; i < n; i++ {
		c := courses[i%len(courses)]
		title := c.title
		if i >= len(courses) {
			title += fmt.Sprintf(" (%d Update)", 2020+i%7)
		}
		watched, done := "N/A", "N/A"
		saved := "false"
		var w time.Time
		if chance(r, 0.8) {
			w = between(r, date(2017, 1, 1, 0, 0), g.now.Add(-24*time.Hour)).Truncate(time.Minute)
			watched = w.Format(fLRN)
			if chance(r, 0.6) {
				done = between(r, w, w.Add(20*24*time.Hour)).Truncate(time.Minute).Format(fLRN)
				if d, _ := time.Parse(fLRN, done); d.After(g.now) {
					done = "N/A"
				}
			}
		}
		if chance(r, 0.3) {
			saved = "true"
		}
		notes := ""
		if i == 4 {
			notes = "Retention: check the 'minimum necessary' example again"
		}
		f.row(title, pick(r, descs), c.typ, watched, done, saved, notes, "")
	}
	f.close()
}

func (g *gen) searchQueries() {
	f, r := g.open("SearchQueries.csv", "Time", "Search Query")
	for _, t := range oldestFirst(r, g.scaled(1000), date(2016, 1, 1, 0, 0), g.now.Add(-90*time.Minute), 1) {
		var q string
		switch x := r.Float64(); {
		case x < 0.05:
			q = pick(r, searchCommaTerms) // written unquoted (Q4)
		case x < 0.25:
			p := g.person(r.IntN(g.nConn + 2000))
			q = p.Name()
			if p.Hidden {
				q = p.First
			}
		case x < 0.32:
			q = pick(r, companies)
		default:
			q = pick(r, searchTerms)
		}
		// The 2025+ export does not quote queries that contain commas (Q4).
		f.raw(t.Format(fSLUTC) + "," + q)
	}
	f.close()
}

var userAgents = []string{
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
	"LinkedIn/9.30.1254 (iPhone; iOS 18.1; Scale/3.00)",
	"com.linkedin.android/4.1.1001 (Linux; U; Android 15; fr_BE; Pixel 8; Build/AP3A; Cronet/126.0)",
	"Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
}

func ip(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("192.0.2.%d", 1+r.IntN(254))
	case 1:
		return fmt.Sprintf("198.51.100.%d", 1+r.IntN(254))
	case 2:
		return fmt.Sprintf("2001:db8:%x:%x::%x", r.IntN(0xffff), r.IntN(0xffff), 1+r.IntN(0xfff))
	default:
		return fmt.Sprintf("203.0.113.%d", 1+r.IntN(254))
	}
}

func (g *gen) security() {
	f, r := g.open("Logins.csv", "Login Date", "IP Address", "User Agent", "Login Type")
	for _, t := range newestFirst(r, 150, date(2024, 11, 20, 0, 0), g.now.Add(-80*time.Minute), 0) {
		f.row(t.Format(fJAVA), ip(r), pick(r, userAgents), "Login")
	}
	f.close()

	f, r = g.open("Security Challenges.csv", "Challenge Date", "IP Address", "User Agent", "Country", "Challenge Type")
	for i, t := range newestFirst(r, 6, date(2024, 12, 1, 0, 0), g.now.Add(-24*time.Hour), 0) {
		country := "BE"
		if i == 2 {
			country = "FR"
		}
		f.row(t.Format(fJAVA), ip(r), pick(r, userAgents), country, pick(r, []string{"EMAIL_PIN_CHALLENGE", "EMAIL_PIN_CHALLENGE", "CAPTCHA_CHALLENGE"}))
	}
	f.close()
}

func (g *gen) ads() {
	f, r := g.open("Ads Clicked.csv", "Ad clicked Date", "Ad Title/Id")
	for _, t := range newestFirst(r, 60, date(2020, 1, 1, 0, 0), g.now.Add(-30*time.Hour), 1) {
		f.row(t.Format(fSLUTC), fmt.Sprint(100_000_000+r.IntN(900_000_000)))
	}
	f.close()

	f, r = g.open("LAN Ads Engagement.csv", "Action", "Date", "Ad Title/Id", "Page/App")
	for _, t := range newestFirst(r, 100, date(2023, 6, 1, 0, 0), g.now.Add(-26*time.Hour), 1) {
		act := "Impression"
		if chance(r, 0.05) {
			act = "Click"
		}
		f.row(act, t.Format(fSLD), fmt.Sprint(300_000_000+r.IntN(600_000_000)),
			pick(r, []string{"news.example.com", "weather.example.org", "Sudoku Daily (example app)", "recipes.example.net", "com.example.podcasts"}))
	}
	f.close()

	// One row; duplicate column names (Q11); lists joined with "; ".
	f = g.create("Ad_Targeting.csv")
	f.row("Member Age", "Buyer Groups", "Company Names", "Company Names", "Company Follower of", "Company Names", "Company Category",
		"Company Size", "Degrees", "degreeClass", "Member Schools", "Company Growth Rate", "Fields of Study", "Company Connections",
		"Function By Size", "Job Functions", "Member Gender", "Graduation Year", "Member Groups", "Company Industries", "Member Interests",
		"Interface Locales", "interfaceLocale", "Member Traits", "Profile Locations", "Company Revenue", "Job Seniorities", "Member Skills",
		"Job Titles", "Job Titles", "Job Titles", "Years of Experience", "Recent Device OS", "High Value Audience Segments", "Standard Audience Segments")
	f.row("35 to 54", "IT Decision Makers; Legal Services Buyers", "Atelier Conformité SRL",
		"Lumen Privacy Partners; Nordvik Analytics", "Orbis Cloud Services; Helix Health Systems; European Institute for Trustworthy Data",
		"Delvaux, Maes & Partners", "Professional Services", "2-10", "Master of Laws - LLM; Master's Degree", "Masters",
		"Université Saint-Laurent de Bruxelles; Institut Européen de Droit Numérique", "Medium", "Law; Information Technology Law",
		"Kerngrün GmbH; Sablon Legal; Fjord Payments", "Legal (2-10); Consulting (2-10)", "Legal; Consulting", "Female", "2007; 2008",
		"Privacy Professionals Benelux (example); AI Governance Network (example)", "Business Consulting and Services; Legal Services",
		"Artificial Intelligence; Data Privacy; Cybersecurity; Public Policy", "French (Belgium); English", "fr_BE",
		"Frequent Traveler; Open to Work", "Brussels Region, Belgium", "$1M - $10M", "Owner; Senior",
		"GDPR; Privacy by Design; Information Security; AI Governance", "Data Protection Consultant", "Founder",
		"Data Protection Officer", "15+", "iOS; Windows", "Business Decision Makers", "Legal Professionals; Consultants")
	f.close()

	f = g.create("Inferences_about_you.csv")
	f.noFinal = true
	f.row("Category", "Type of inference", "Description", "Inference")
	f.row("Ads", "Member Gender", "Inferred gender, used for ads targeting", "FEMALE")
	f.row("Ads", "Member Age", "Inferred age range, used for ads targeting", "35 to 54")
	f.row("Ads", "Frequent Traveler", "Whether you travel often, inferred from your activity", "Yes")
	f.row("Ads", "Job Seeker", "Whether you are likely to be looking for a job", "No")
	f.row("Jobs", "Open To Work Likelihood", "Probability that you are open to new opportunities", "0.0065418")
	f.row("Ads", "High Value Audience", "Whether you belong to a high value audience segment", "true")
	f.row("Sales", "Decision Maker", "Inferred purchasing authority, used by sales products", "Yes")
	f.close()
}

func (g *gen) identity() {
	f := g.create("Email Addresses.csv")
	f.noFinal = true
	f.row("Email Address", "Confirmed", "Primary", "Updated On")
	f.row(me.Email, "Yes", "Yes", g.since.Format(fUS12))
	f.row("elise@atelier-conformite.example.com", "Yes", "No", date(2021, 3, 2, 10, 14).Format(fUS12))
	f.row("e.vandermeulen.old@example.com", "No", "No", "")
	f.close()

	g.table("PhoneNumbers.csv", []string{"Extension", "Number", "Type"}, [][]string{
		{"", " +32470000142", "Mobile"}, // leading space, as exported
		{"", "", ""},
		{"", " +3225550199", "Work"},
		{"", "", ""},
	})

	g.table("Whatsapp Phone Numbers.csv", []string{"Number", "Extension", "Is_WhatsApp_Number"}, [][]string{
		{"+32470000142", "", "true"},
	})

	g.table("Registration.csv", []string{"Registered At", "Registration Ip", "Subscription Types"}, [][]string{
		{g.since.Format(fUS12), "192.0.2.44", ""},
	})

	g.table("Verifications/Verifications.csv", []string{"First name", "Middle name", "Last name", "Verification type", "Organization name", "Email address", "Country", "State", "City",
		"Year of birth", "Issuing authority", "Document type", "Verification service provider", "Verified date", "Expiry date"}, [][]string{
		{me.First, "N/A", me.Last, "ID verification", "N/A", "N/A", "Belgium", "N/A", "N/A", "1984", "Belgium", "Identity card", "Persona", "2024-06-11", "2031-02-27"},
		{me.First, "N/A", me.Last, "Work Verification", "Atelier Conformité SRL", "elise@atelier-conformite.example.com", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "N/A", "2025-01-08", "N/A"},
	})

	f = g.create("Receipts_v2.csv")
	f.row("First Name", "Last Name", "Billing Country", "Postal Code", "Transaction Made At", "Payment Method Type", "Invoice Number", "Description", "Tax Amount", "Sub Total", "Total Amount", "Currency Code")
	for m := 11; m >= 0; m-- {
		t := date(2025, 12, 3, 9, 15).AddDate(0, m, 0).Add(time.Duration(m*37) * time.Second)
		if t.After(g.now) {
			continue
		}
		f.row(me.First, me.Last, "BE", "1050", t.Format(fR2UTC), "CARD", fmt.Sprintf("LIBE%08d", 4812077+m*1013), "Premium Career (monthly)", "8.33", "39.67", "48.00", "EUR")
	}
	f.close()

	g.table("Services Marketplace/Providers.csv", []string{"Creation Time", "Marketplace Type", "ProFinder Service Category", "Top Level Service Category", "Secondary Service Category",
		"Use Profile Location", "Available to Work Remotely", "Pricing Info Provided", "Status", "Media"}, [][]string{
		{date(2021, 4, 6, 14, 22).Add(31 * time.Second).Format(fJAVA), "SERVICE_MARKETPLACE", "Legal", "Consulting", "Compliance Consulting; Data Privacy Consulting", "true", "true", "false", "ACTIVE", ""},
	})
}

// resume writes Private_identity_asset.csv: one uploaded résumé with its
// full extracted text (several KB, tabs and line breaks inside).
func (g *gen) resume() {
	var b strings.Builder
	b.WriteString("ÉLISE VANDERMEULEN\nData Protection Consultant · DPO · AI Governance\nBrussels, Belgium\t|\telise.vandermeulen@example.org\t|\t+32 470 00 01 42\n\n")
	b.WriteString("PROFILE\nData protection consultant with fifteen years of experience as in-house and external DPO. Pragmatic, bilingual (FR/EN), working knowledge of Dutch. Trainer and speaker.\n\n")
	b.WriteString("EXPERIENCE\n")
	exp := []struct{ when, what, where string }{
		{"2021 – present", "Founder & Lead Data Protection Consultant", "Atelier Conformité SRL, Brussels"},
		{"2016 – 2021", "Senior Privacy Consultant", "Lumen Privacy Partners, Brussels"},
		{"2013 – 2016", "Data Protection Officer", "Nordvik Analytics, Antwerp"},
		{"2009 – 2012", "Legal Counsel, IT & Data", "Delvaux, Maes & Partners, Liège"},
	}
	bullets := []string{
		"Acted as external DPO for organisations of 20 to 3,000 employees in health, logistics and the public sector.",
		"Led data protection impact assessments for high-risk processing, including AI-based triage and video analytics.",
		"Designed breach response playbooks and ran tabletop exercises with IT, legal and communication teams.",
		"Built records of processing covering more than 400 activities and trained owners to keep them current.",
		"Negotiated data processing agreements and transfer impact assessments with cloud and SaaS vendors.",
		"Delivered more than 150 training sessions in French and English, from board briefings to developer workshops.",
		"Advised product teams on privacy by design: data minimisation, retention, pseudonymisation and access control.",
		"Prepared and accompanied two supervisory authority inspections without corrective measures.",
		"Set up a privacy champions network of 35 people across 9 departments.",
		"Reduced the number of open data subject requests older than 30 days from 40 to zero in six months.",
		"Drafted the AI acceptable-use policy and the AI system register of a 1,200-person organisation.",
		"Coordinated the response to a ransomware incident, including notification to the authority within 72 hours.",
	}
	for i, e := range exp {
		b.WriteString(e.when + "\t" + e.what + "\n\t" + e.where + "\n")
		for j := 0; j < 6; j++ {
			b.WriteString("\t•\t" + bullets[(i*5+j)%len(bullets)] + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("SELECTED ENGAGEMENTS\nYear\tSector\tScope\tRole\n")
	for _, e := range []string{
		"2026\tPublic agency\tAI Act readiness, 30 AI systems classified\tLead",
		"2025\tRegional hospital network\tDPIA for AI-assisted triage\tLead",
		"2025\tLogistics\tRecords of processing, retention schedule\tExternal DPO",
		"2024\tFintech\tTransfer impact assessments, vendor reviews\tAdvisor",
		"2023\tHospital network\tData map of 120 systems\tLead",
		"2022\tMunicipality\tCamera policy and DPIA\tExternal DPO",
		"2021\tRetail\tCookie compliance and consent redesign\tLead",
		"2019\tInsurance\tGDPR programme, 18 workstreams\tProgramme manager",
	} {
		b.WriteString(e + "\n")
	}
	b.WriteString("\nTRAINING DELIVERED\n")
	for _, t := range []string{
		"GDPR for developers (EN/FR), half day, 40+ sessions",
		"Le RGPD pour les équipes RH, 1 jour, 25 sessions",
		"DPIA workshop for product teams, 2 × 3 hours",
		"AI governance for boards, 90 minutes",
		"Breach response tabletop exercise, half day",
	} {
		b.WriteString("\t-\t" + t + "\n")
	}
	b.WriteString("\nEDUCATION\n2007 – 2008\tLL.M., IT & Data Protection Law\tInstitut Européen de Droit Numérique\n2002 – 2007\tMaster en droit\tUniversité Saint-Laurent de Bruxelles\n\n")
	b.WriteString("CERTIFICATIONS\nCertified Data Protection Professional (Europe), 2014\nCertified Privacy Technologist, 2018\nISO/IEC 27701 Lead Implementer, 2020\nAI Governance Professional, 2025\n\n")
	b.WriteString("PUBLICATIONS & TALKS\n")
	talks := []string{
		"« Consent after the GDPR: a practitioner's view », Revue Européenne du Numérique, 2018",
		"Le registre des traitements en 10 questions, Éditions Exemple, 2019",
		"Privacy engineering for small teams, in Practical Data Protection (2nd ed.), 2023",
		"Keynote, Data & Ethics Day, Namur, 2025",
		"Generative AI and the right to object, Data Law Quarterly, 2025",
		"Regular speaker at the Privacy Engineering Meetup Brussels since 2017",
	}
	for _, t := range talks {
		b.WriteString("-\t" + t + "\n")
	}
	b.WriteString("\nSKILLS\nGDPR\tDPIA\tPrivacy by Design\tISO/IEC 27001/27701\tAI Act\tNIS2\tIncident response\tVendor risk\tTraining\n\n")
	b.WriteString("LANGUAGES\nFrench (native)\tEnglish (full professional)\tDutch (professional)\tGerman (elementary)\n\n")
	b.WriteString("PROJECTS\n")
	for _, p := range []string{
		"Open DPIA Toolkit: bilingual DPIA template and guide for small organisations, used by more than 200 teams.",
		"Hospital data map: mapping of 120 systems for a regional hospital network, with retention schedule.",
		"AI use register: inventory and risk classification of AI systems for a public agency ahead of the AI Act.",
	} {
		b.WriteString("\t" + p + "\n")
	}
	b.WriteString("\nReferences available on request.\n")

	g.table("Private_identity_asset.csv", []string{"Private Identity Asset Name", "Private Identity Asset Raw Text"}, [][]string{
		{"/AAYABQEBAhMAAAGZx3kP9wEz4fRk-Xy0bmLd8Vq2cW1lUw.pdf", b.String()},
	})
}
