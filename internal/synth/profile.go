package synth

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"time"
)

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

	for _, name := range []string{
		"Positions.csv", "Education.csv", "Skills.csv", "Languages.csv", "Certifications.csv",
		"Projects.csv", "Publications.csv", "Honors.csv", "Courses.csv", "Volunteering.csv",
		"Organizations.csv",
		// No real Patents.csv was ever seen; this header is a guess (§2.9).
		"Patents.csv",
		"Causes You Care About.csv",
	} {
		g.fixedTable(name)
	}

	g.recommendations()
	g.endorsements()
}

// profileTables are the member's fixed profile and career files (positions,
// education, skills, languages, certifications…), each stored as the CSV
// file the export holds, under the same name: the header, then the rows.
//
//go:embed data/profile/*.csv
var profileTables embed.FS

// fixedTable writes the export file name from data/profile/name, read as CSV
// and written again with the export's quoting.
func (g *gen) fixedTable(name string) {
	data, err := profileTables.ReadFile("data/profile/" + name)
	var rows [][]string
	if err == nil {
		r := csv.NewReader(bytes.NewReader(data))
		rows, err = r.ReadAll()
		if err == nil && len(rows) == 0 {
			err = errors.New("no header")
		}
	}
	if err != nil {
		if g.err == nil {
			g.err = fmt.Errorf("synth: data/profile/%s: %w", name, err)
		}
		return
	}
	g.table(name, rows[0], rows[1:])
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
