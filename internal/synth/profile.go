package synth

import "time"

// profileFiles writes the profile and career files (§2.1).
func (g *gen) profileFiles() {
	f := g.create("Profile.csv")
	f.row("First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers")
	f.row(me.First, me.Last, "", "Avenue des Exemples 42, 1050 Ixelles", "Mar 14",
		"Data Protection Consultant · DPO-as-a-service | GDPR, AI Act & privacy engineering | Bruxelles 🇧🇪",
		"I help organisations turn data protection from a paperwork exercise into a habit.\n\n"+
			"Fifteen years of GDPR (and pre-GDPR) work: DPO mandates, DPIAs, breach response, training, and lately a lot of AI governance.\n\n"+
			"FR · J'accompagne les PME, les hôpitaux et les administrations dans leur mise en conformité RGPD, avec des outils simples et des formations concrètes.\n\n"+
			"Speaker, occasional lecturer, coffee-powered ☕",
		"Business Consulting and Services", "1050", "Brussels, Brussels Region, Belgium", "[elise_privacy]",
		"[PERSONAL:https://elise-vandermeulen.example.org,BLOG:https://blog.example.org/elise,COMPANY:https://atelier-conformite.example.com]",
		"[SKYPE:elise.vdm.example]")
	f.close()

	// Header plus one blank line, as in every real sample (Q8).
	f = g.create("Profile Summary.csv")
	f.raw("Profile Summary")
	f.raw("")
	f.close()

	f = g.create("Positions.csv")
	f.row("Company Name", "Title", "Description", "Location", "Started On", "Finished On")
	f.row("Atelier Conformité SRL", "Founder & Lead Data Protection Consultant",
		"External DPO for 14 organisations (health, logistics, public sector).\nDPIAs, AI governance, breach response and training in French, Dutch and English.",
		"Brussels, Brussels Region, Belgium", "Mar 2021", "")
	f.row("European Institute for Trustworthy Data", "Advisory Board Member", "", "Brussels, Belgium", "Jan 2023", "")
	f.row("Lumen Privacy Partners", "Senior Privacy Consultant",
		"GDPR readiness programmes for insurers and retailers; led the privacy engineering practice (6 people).",
		"Brussels, Brussels Region, Belgium", "Sep 2016", "Feb 2021")
	f.row("Nordvik Analytics", "Data Protection Officer", "First DPO of a 300-person analytics company. Built the records of processing from scratch.", "Antwerp, Flemish Region, Belgium", "Jan 2013", "Aug 2016")
	f.row("Delvaux, Maes & Partners", "Legal Counsel, IT & Data", "", "Liège, Walloon Region, Belgium", "Oct 2009", "Dec 2012")
	f.row("Université Saint-Laurent de Bruxelles", "Teaching Assistant, ICT Law", "Tutorials on data protection and e-commerce law.", "Brussels", "Sep 2008", "Jun 2009")
	f.close()

	g.table("Education.csv", []string{"School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"}, [][]string{
		{"Institut Européen de Droit Numérique", "2007", "2008", "Thesis: consent in online behavioural advertising", "LL.M., IT & Data Protection Law", "Moot court, student privacy clinic"},
		{"Université Saint-Laurent de Bruxelles", "2002", "2007", "", "Master en droit", "Cercle de débat, chorale universitaire"},
		{"Athénée Royal des Exemples", "1996", "2002", "", "", ""},
	})

	g.list("Skills.csv", "Name",
		"General Data Protection Regulation (GDPR)", "Data Protection Impact Assessment", "Privacy by Design",
		"Information Security", "ISO/IEC 27001", "ISO/IEC 27701", "AI Governance", "EU AI Act", "Risk Management",
		"Compliance", "Legal Writing", "Contract Negotiation", "Data Governance", "Records of Processing",
		"Incident Response", "Training & Development", "Public Speaking", "Stakeholder Management",
		"Privacy Engineering", "Cookie Compliance", "Vendor Risk Management", "NIS2", "Data Mapping",
		"Droit du numérique", "Protection des données", "Gegevensbescherming", "Project Management",
		"Consulting", "Policy Analysis", "Ethics",
	)

	g.table("Languages.csv", []string{"Name", "Proficiency"}, [][]string{
		{"Français", "Native or bilingual proficiency"},
		{"English", "Full professional proficiency"},
		{"Nederlands", "Professional working proficiency"},
		{"Deutsch", "Elementary proficiency"},
	})

	g.table("Certifications.csv", []string{"Name", "Url", "Authority", "Started On", "Finished On", "License Number"}, [][]string{
		{"Certified Data Protection Professional (Europe)", "https://credentials.example.org/verify/CDPP-E-48213", "International Privacy Certification Board", "Jun 2014", "", "CDPP-E-48213"},
		{"Certified Privacy Technologist", "", "International Privacy Certification Board", "Nov 2018", "", "CPT-77031"},
		{"ISO/IEC 27701 Lead Implementer", "https://credentials.example.com/c/27701-LI-2020-0912", "Euro Standards Academy", "Feb 2020", "Feb 2026", "27701-LI-2020-0912"},
		{"AI Governance Professional", "", "International Privacy Certification Board", "Apr 2025", "", ""},
		{"Délégué à la protection des données certifié", "", "Collège Belge des Praticiens RGPD", "Sep 2019", "Sep 2025", ""},
	})

	g.table("Projects.csv", []string{"Title", "Description", "Url", "Started On", "Finished On"}, [][]string{
		{"Open DPIA Toolkit", "A free, bilingual DPIA template and guide for small organisations.\nUsed by 200+ teams.", "https://github.example.org/atelier-conformite/open-dpia", "Jan 2022", ""},
		{"Hospital data map", "Data mapping of 120 systems for a regional hospital network.", "", "Mar 2023", "Dec 2023"},
		{"Privacy Engineering Meetup Brussels", "Co-organiser of a monthly meetup (FR/EN/NL).", "https://meetup.example.com/privacy-engineering-brussels", "Sep 2017", ""},
		{"AI use register for a public agency", "Inventory and risk classification of AI systems ahead of the AI Act.", "", "Feb 2025", "Jul 2025"},
	})

	g.table("Publications.csv", []string{"Name", "Published On", "Description", "Publisher", "Url"}, [][]string{
		{"Consent after the GDPR: a practitioner's view", date(2018, 6, 4, 0, 0).Format(fMDY), "Article on valid consent for online services.", "Revue Européenne du Numérique", "https://journal.example.org/ren/2018/consent"},
		{"Le registre des traitements en 10 questions", date(2019, 11, 21, 0, 0).Format(fMDY), "Guide pratique pour les PME.", "Éditions Exemple", ""},
		{"Privacy engineering for small teams", date(2023, 5, 12, 0, 0).Format(fMDY), "Book chapter, \"Practical Data Protection\", 2nd edition.", "Example Academic Press", "https://press.example.com/pdp2/ch7"},
		{"Generative AI and the right to object", date(2025, 10, 9, 0, 0).Format(fMDY), "Short commentary on objections to model training.", "Data Law Quarterly", "https://dlq.example.org/2025/objection"},
	})

	g.table("Honors.csv", []string{"Title", "Description", "Issued On"}, [][]string{
		{"Privacy Professional of the Year – Benelux (shortlist)", "Shortlisted by the Benelux Privacy Awards jury.", "Nov 2022"},
		{"Best Student Thesis in ICT Law", "", "Jun 2008"},
		{"Speaker award, Data & Ethics Day", "Audience vote for the session « Le consentement, et après ? ».", "Mar 2025"},
	})

	g.table("Courses.csv", []string{"Name", "Number"}, [][]string{
		{"European Data Protection Law", "DROI-M412"},
		{"Information Security Management", "INFO-M205"},
		{"Law and Artificial Intelligence", ""},
		{"Droit de la consommation", "DROI-B310"},
	})

	g.table("Volunteering.csv", []string{"Company Name", "Role", "Cause", "Started On", "Finished On", "Description"}, [][]string{
		{"Open Civic Lab", "Privacy mentor", "Science and Technology", "Apr 2019", "", "Free privacy reviews for civic-tech projects."},
		{"Ligue des Droits Numériques (exemple)", "Board member", "Civil Rights and Social Action", "Jan 2016", "Dec 2020", ""},
		{"CoderDojo Bruxelles-Exemple", "Volunteer coach", "Education", "Sep 2012", "Jun 2015", "Saturday coding club for kids, in French and Dutch."},
	})

	g.table("Organizations.csv", []string{"Name", "Description", "Position", "Started On", "Finished On"}, [][]string{
		{"Association Belge des Délégués à la Protection des Données (exemple)", "", "Member", "Jan 2014", ""},
		{"Privacy Engineering Meetup Brussels", "Monthly community meetup.", "Co-organiser", "Sep 2017", ""},
		{"Brussels Bar – ICT Law Committee", "Working group on e-evidence.", "Member", "Oct 2009", "Dec 2012"},
	})

	// No real Patents.csv was ever seen; this header is a guess (§2.9).
	g.table("Patents.csv", []string{"Title", "Summary", "Number", "Assignees", "Inventors", "Issued On", "Url"}, [][]string{
		{"Method for consent-aware routing of analytics events", "Routes analytics events according to the consent state recorded for the device.", "EP 3 999 123 B1", "Nordvik Analytics", "Élise Vandermeulen, Pieter Claes", "Jul 2019", "https://patents.example.org/EP3999123B1"},
	})

	g.list("Causes You Care About.csv", "Supported Cause", "Human Rights", "Education", "Science and Technology", "Civil Rights and Social Action")

	g.recommendations()
	g.endorsements()
}

func (g *gen) recommendations() {
	type rec struct {
		k    int
		text string
		at   time.Time
	}
	recv := []rec{
		{5, "Élise is the person I call when a data protection question is both legal and technical. She explains things clearly, never hides behind jargon, and delivers on time.", date(2024, 5, 25, 10, 41)},
		{12, "J'ai eu la chance de travailler avec Élise pendant trois ans. Rigueur, pédagogie et humour : une combinaison rare.\n\nJe la recommande sans hésiter.", date(2021, 3, 2, 16, 5)},
		{31, "Élise led our GDPR programme with great calm during a very tense period (a breach, an audit and a merger in the same quarter).", date(2019, 9, 14, 8, 30)},
		{7, "Une consultante qui sait écouter, puis trouver la solution la plus simple. Merci pour l'accompagnement !", date(2025, 12, 3, 18, 12)},
		{48, "Brilliant trainer. Our developers still quote her \"two-page rule\".", date(2026, 2, 11, 9, 2)},
		{3, "Working with Élise on the ISO 27701 project was a pleasure: structured, pragmatic, always one step ahead.", date(2016, 7, 20, 14, 47)},
	}
	write := func(name string, recs []rec) {
		f := g.create(name)
		f.row("First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status")
		for _, x := range recs {
			p := withJob(g.person(x.k))
			f.row(p.First, p.Last, p.Company, p.Position, x.text, x.at.Format(fUS12p), "VISIBLE")
		}
		f.close()
	}
	write("Recommendations_Received.csv", recv)

	given := []rec{
		{23, "Anaïs is one of the most thorough DPOs I know. Her breach playbook is now our reference.", date(2024, 8, 1, 7, 55)},
		{19, "Sanne makes communities happen. The meetup would not exist without her.", date(2022, 1, 17, 20, 10)},
		{64, "Pieter a un vrai talent pour rendre la sécurité compréhensible par tous.", date(2026, 4, 9, 12, 0)},
		{88, "An excellent engineer who cares about users' privacy from day one.", date(2018, 10, 30, 17, 25)},
	}
	write("Recommendations_Given.csv", given)
}

var endorsedSkills = []string{
	"General Data Protection Regulation (GDPR)", "Data Protection Impact Assessment", "Privacy by Design",
	"Information Security", "AI Governance", "Compliance", "Public Speaking", "Risk Management",
	"Training & Development", "EU AI Act", "Privacy Engineering", "Data Governance",
}

func (g *gen) endorsements() {
	g.endorsed("Endorsement_Received_Info.csv", "Endorser", 80, endorsedSkills)
	g.endorsed("Endorsement_Given_Info.csv", "Endorsee", 40, []string{"Data Privacy", "Cybersecurity", "Legal Advice", "Python", "Project Management", "Community Building", "Contract Law", "Machine Learning"})
}

// endorsed writes n endorsements of skills, received or given: who is the
// Endorser or the Endorsee, as the file's columns name them.
func (g *gen) endorsed(name, who string, n int, skills []string) {
	f, r := g.open(name, "Endorsement Date", "Skill Name", who+" First Name", who+" Last Name", who+" Public Url", "Endorsement Status")
	for _, t := range newestFirst(r, n, date(2012, 9, 1, 0, 0), g.now.Add(-30*time.Hour), 1) {
		p := g.person(r.IntN(min(g.nConn, 400)))
		if p.Hidden {
			continue
		}
		f.row(t.Format(fSLUTC), pick(r, skills), p.First, p.Last, "www.linkedin.com/in/"+p.Slug, "ACCEPTED")
	}
	f.close()
}

// withJob fills in a job for people whose profile shows none.
func withJob(p person) person {
	if p.Company == "" {
		p.Company, p.Position = "Independent", "Consultant"
	}
	return p
}
