package synth

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// jobFiles writes Jobs/* and the job files at the root (§2.6).
func (g *gen) jobFiles() {
	r := g.rng("Jobs/Job Applications.csv")
	header := []string{"Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title", "Job Url", "Resume Name", "Question And Answers"}
	titles := []string{"Data Protection Officer", "Head of Privacy", "Privacy Counsel", "AI Governance Lead", "Senior Privacy Consultant", "DPO externe (freelance)", "Privacy Program Manager"}
	qa := []string{
		"How many years of work experience do you have with GDPR?:15 | Are you comfortable commuting to this job's location?:Yes",
		"Do you have the following license or certification: CDPP?:Yes",
		"What is your level of proficiency in Dutch?:Professional | Will you now or in the future require sponsorship?:No",
		"",
	}
	// The newest applications in the main file, older ones in the _1 shard (Q13).
	shards := []struct {
		name     string
		n        int
		from, to time.Time
	}{
		{"Jobs/Job Applications.csv", 8, date(2024, 6, 1, 0, 0), g.now.Add(-10 * 24 * time.Hour)},
		{"Jobs/Job Applications_1.csv", 5, date(2020, 9, 1, 0, 0), date(2024, 5, 1, 0, 0)},
	}
	for _, s := range shards {
		f := g.create(s.name)
		f.row(header...)
		for _, t := range newestFirst(r, s.n, s.from, s.to, 0) {
			t = t.Truncate(time.Minute)
			f.row(t.Format(fUS12), me.Email, " +32470000142", pick(r, companies[:20]), pick(r, titles),
				jobURL(r, t),
				pick(r, []string{"Elise_Vandermeulen_CV_2024.pdf", "CV_Vandermeulen_FR.pdf", "Elise Vandermeulen - Resume.pdf"}), pick(r, qa))
		}
		f.close()
	}

	f, r := g.open("Jobs/Saved Jobs.csv", "Saved Date", "Job Url", "Job Title", "Company Name")
	for _, t := range newestFirst(r, 15, date(2019, 1, 1, 0, 0), g.now.Add(-3*24*time.Hour), 0.5) {
		t = t.Truncate(time.Minute)
		f.row(t.Format(fUS12), jobURL(r, t.Add(-time.Duration(r.IntN(200))*time.Hour)), pick(r, titles), pick(r, companies))
	}
	f.close()

	f = g.create("Jobs/Job Seeker Preferences.csv")
	f.row("Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles", "Open To Recruiters", "Dream Companies",
		"Profile Shared With Job Poster", "Job Title For Searching Fast Growing Companies", "Introduction Statement", "Phone Number",
		"Job Seeker Activity Level", "Preferred Start Time Range", "Commute Preference Starting Address", "Commute Preference Starting Time",
		"Mode Of Transportation", "Maximum Commute Duration", "Open Candidate Visibility", "Job Seeking Urgency Level", "Semantic Preferences")
	f.row("Brussels, Brussels Region, Belgium | Belgium | European Union", "Legal Services | Business Consulting and Services | Hospitals and Health Care",
		"51-200 | 201-500", "Full-time | Contract | Part-time", "Data Protection Officer | Head of Privacy | AI Governance Lead", "Yes", "",
		"Yes", "Data Protection Officer", "Experienced DPO (15 years) looking for part-time or contract mandates in Belgium.", "+32470000142",
		"CASUALLY_BROWSING", "", "Avenue des Exemples 42, 1050 Ixelles", "", "PUBLIC_TRANSIT", "", "RECRUITERS", "CASUALLY_BROWSING",
		"Remote-friendly roles with real influence on product design")
	f.close()

	g.table("Jobs/Job Applicant Saved Answers.csv", []string{"Question", "Answer"}, [][]string{
		{"<p>Summary</p>", "Data protection consultant with 15 years of experience (DPO, DPIA, AI governance)."},
		{"First name", me.First},
		{"Last name", me.Last},
		{"Mobile phone number", "+32470000142"},
	})

	g.table("Job Applicant Saved Screening Question Responses.csv", []string{"Question", "Answer"}, [][]string{
		{"How many years of work experience do you have with GDPR?", "15"},
		{"How many years of work experience do you have with Information Security?", "8"},
		{"Are you comfortable commuting to this job's location?", "Yes"},
		{"What is your level of proficiency in French?", "Native or bilingual"},
		{"What is your level of proficiency in Dutch?", "Professional"},
		{"Have you completed the following level of education: Master's Degree?", "Yes"},
	})

	f = g.create("SavedJobAlerts.csv")
	f.row("ALERT_PARAMETERS", "QUERY_CONTEXT", "SAVED_SEARCH_ID")
	f.row("{keywords=[data protection officer], locationUnion={geoId=100565514}, jobType=[F, C], sortBy=[DD]}",
		"{spellCorrectionEnabled=true, origin=JOB_SEARCH_PAGE_JOB_FILTER}", "7231984455")
	f.row("{keywords=[privacy counsel], locationUnion={geoUrn=urn:li:geo:90009633, distance=25}, workplaceType=[2, 3]}",
		"{origin=JOBS_HOME_SEARCH_BUTTON}", "7302110087")
	f.row("{keywords=[ai governance], selectedFilters={com.linkedin.voyager.search.filters={experience=[5, 6], f_TPR=[r604800]}}}",
		"{}", "7355501924")
	f.close()

	f = g.create("Jobs/Online Job Postings.csv")
	f.row("Company Name", "Title", "Employment Status", "Company Description", "Job Description", "Location Description", "Job Functions",
		"Company Industries", "Seniority Level", "Required Skills", "Education Levels", "Onsite Apply", "Contact Email", "Company Apply Url",
		"Base Salary", "Additional Compensation", "Job State", "Create Date", "List Date", "Close Date", "Expiration Date")
	c := date(2026, 2, 2, 10, 5)
	f.row("Atelier Conformité SRL", "Junior Data Protection Consultant (FR/NL)", "FULL_TIME",
		"Small Brussels consultancy helping organisations with GDPR and AI governance.",
		"<p>We are looking for a junior consultant to join our team.</p><ul><li>Support DPO mandates</li><li>Draft DPIAs and records of processing</li><li>Deliver trainings in French and Dutch</li></ul><p>Nous offrons une formation continue et un cadre flexible.</p>",
		"Brussels, Brussels Region, Belgium", "Legal, Consulting", "Business Consulting and Services", "Entry level",
		"GDPR, Legal Writing, Dutch", "Master's Degree", "true", "jobs@atelier-conformite.example.com", "",
		"EUR 3,400/month", "", "CLOSED", c.Format(fUS12), c.Add(2*time.Hour).Format(fUS12), c.AddDate(0, 1, 12).Format(fUS12), c.AddDate(0, 2, 0).Format(fUS12))
	f.close()
}

// jobURL is the http:// link of a job posted at about t; job ids grow with
// time.
func jobURL(r *rand.Rand, t time.Time) string {
	id := 1_000_000_000 + (t.Unix()-1_262_304_000)*6 + r.Int64N(5000)
	return fmt.Sprintf("http://www.linkedin.com/jobs/view/%d", id)
}
