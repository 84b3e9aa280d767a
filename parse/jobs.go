package parse

// Jobs files (§2.6). Shards (Job Applications_1.csv …) are read like their
// first file; each shard is reported on its own so lines stay exact.

type jobApplicationRow struct {
	Date         Date   `csv:"Application Date"`
	ContactEmail string `csv:"Contact Email"`
	ContactPhone string `csv:"Contact Phone Number"`
	Company      string `csv:"Company Name"`
	JobTitle     string `csv:"Job Title"`
	JobURL       string `csv:"Job Url"`
	ResumeName   string `csv:"Resume Name"`
	QA           string `csv:"Question And Answers"`
}

func readJobApplications(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *jobApplicationRow, line int) (Item, string) {
		t, basis := c.when(line, "Application Date", r.Date, DateExact)
		return Item{ID: contentID(KindJobApplication, r.JobURL, r.Company, r.JobTitle, dateKey(t, r.Date)), Kind: KindJobApplication, Line: line, Date: t, Basis: basis, Text: joinText(r.JobTitle, r.Company)}, ""
	})
}

type savedJobRow struct {
	Date     Date   `csv:"Saved Date"`
	JobURL   string `csv:"Job Url"`
	JobTitle string `csv:"Job Title"`
	Company  string `csv:"Company Name"`
}

func readSavedJobs(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *savedJobRow, line int) (Item, string) {
		t, basis := c.when(line, "Saved Date", r.Date, DateExact)
		return Item{ID: contentID(KindSavedJob, r.JobURL, r.JobTitle, dateKey(t, r.Date)), Kind: KindSavedJob, Line: line, Date: t, Basis: basis, Text: joinText(r.JobTitle, r.Company)}, ""
	})
}

type jobPreferenceRow struct {
	Locations    string `csv:"Locations"`
	Industries   string `csv:"Industries"`
	JobTypes     string `csv:"Preferred Job Types"`
	JobTitles    string `csv:"Job Titles"`
	Introduction string `csv:"Introduction Statement"`
	Phone        string `csv:"Phone Number"`
	Urgency      string `csv:"Job Seeking Urgency Level"`
	Visibility   string `csv:"Open Candidate Visibility"`
	Employees    string `csv:"Company Employee Count"`
	Recruiters   string `csv:"Open To Recruiters"`
	Dream        string `csv:"Dream Companies"`
	Shared       string `csv:"Profile Shared With Job Poster"`
	FastGrowing  string `csv:"Job Title For Searching Fast Growing Companies"`
	Activity     string `csv:"Job Seeker Activity Level"`
	StartRange   string `csv:"Preferred Start Time Range"`
	CommuteAddr  string `csv:"Commute Preference Starting Address"`
	CommuteTime  string `csv:"Commute Preference Starting Time"`
	Transport    string `csv:"Mode Of Transportation"`
	MaxCommute   string `csv:"Maximum Commute Duration"`
	Semantic     string `csv:"Semantic Preferences"`
}

func readJobPreferences(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *jobPreferenceRow, line int) (Item, string) {
		return Item{ID: contentID(KindJobPreference, r.JobTitles, r.Locations, r.Industries, r.JobTypes), Kind: KindJobPreference, Line: line, Text: joinText(r.JobTitles, r.Locations)}, ""
	})
}

type screeningAnswerRow struct {
	Question string `csv:"Question"`
	Answer   string `csv:"Answer"`
}

func readScreeningAnswers(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *screeningAnswerRow, line int) (Item, string) {
		return Item{ID: contentID(KindScreeningAnswer, r.Question, r.Answer), Kind: KindScreeningAnswer, Line: line, Text: Snippet(htmlText(r.Question))}, ""
	})
}

// jobAlertRow maps both schemas of SavedJobAlerts.csv (≤ 2024 and 2025+).
type jobAlertRow struct {
	Date     Date   `csv:"Saved Search Date"`
	URL      string `csv:"Jobs Search Url"`
	Params   string `csv:"ALERT_PARAMETERS"`
	Context  string `csv:"QUERY_CONTEXT"`
	SearchID string `csv:"SAVED_SEARCH_ID"`
}

func readJobAlerts(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *jobAlertRow, line int) (Item, string) {
		t, basis := c.when(line, "Saved Search Date", r.Date, DateExact)
		return Item{ID: contentID(KindJobAlert, r.URL, r.SearchID, r.Params, dateKey(t, r.Date)), Kind: KindJobAlert, Line: line, Date: t, Basis: basis, Text: Snippet(firstNonEmpty(r.URL, r.Params))}, ""
	})
}

type jobPostingRow struct {
	Company      string `csv:"Company Name"`
	Title        string `csv:"Title"`
	Status       string `csv:"Employment Status"`
	CompanyDesc  string `csv:"Company Description"`
	Description  string `csv:"Job Description"`
	Location     string `csv:"Location Description"`
	Functions    string `csv:"Job Functions"`
	Industries   string `csv:"Company Industries"`
	Seniority    string `csv:"Seniority Level"`
	Skills       string `csv:"Required Skills"`
	Education    string `csv:"Education Levels"`
	OnsiteApply  string `csv:"Onsite Apply"`
	ContactEmail string `csv:"Contact Email"`
	ApplyURL     string `csv:"Company Apply Url"`
	BaseSalary   string `csv:"Base Salary"`
	Compensation string `csv:"Additional Compensation"`
	State        string `csv:"Job State"`
	Created      Date   `csv:"Create Date"`
	Listed       Date   `csv:"List Date"`
	Closed       Date   `csv:"Close Date"`
	Expires      Date   `csv:"Expiration Date"`
}

func readJobPostings(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *jobPostingRow, line int) (Item, string) {
		t, basis := c.when(line, "Create Date", r.Created, DateExact)
		return Item{ID: contentID(KindJobPosting, r.Company, r.Title, dateKey(t, r.Created)), Kind: KindJobPosting, Line: line, Date: t, Basis: basis, Text: joinText(r.Title, r.Company)}, ""
	})
}
