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

func (r *jobApplicationRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, joinText(r.JobTitle, r.Company), r.JobURL, r.Company, r.JobTitle), ""
}

type savedJobRow struct {
	Date     Date   `csv:"Saved Date"`
	JobURL   string `csv:"Job Url"`
	JobTitle string `csv:"Job Title"`
	Company  string `csv:"Company Name"`
}

func (r *savedJobRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, joinText(r.JobTitle, r.Company), r.JobURL, r.JobTitle), ""
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

func (r *jobPreferenceRow) item(c rowCtx) (Item, string) {
	return c.undated(joinText(r.JobTitles, r.Locations), r.JobTitles, r.Locations, r.Industries, r.JobTypes), ""
}

type screeningAnswerRow struct {
	Question string `csv:"Question"`
	Answer   string `csv:"Answer"`
}

func (r *screeningAnswerRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(htmlText(r.Question)), r.Question, r.Answer), ""
}

// jobAlertRow maps both schemas of SavedJobAlerts.csv (≤ 2024 and 2025+).
type jobAlertRow struct {
	Date     Date   `csv:"Saved Search Date"`
	URL      string `csv:"Jobs Search Url"`
	Params   string `csv:"ALERT_PARAMETERS"`
	Context  string `csv:"QUERY_CONTEXT"`
	SearchID string `csv:"SAVED_SEARCH_ID"`
}

func (r *jobAlertRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Date, Snippet(firstNonEmpty(r.URL, r.Params)), r.URL, r.SearchID, r.Params), ""
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

func (r *jobPostingRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.Created, joinText(r.Title, r.Company), r.Company, r.Title), ""
}
