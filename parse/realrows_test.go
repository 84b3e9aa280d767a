package parse

import "testing"

// Rows of real exports that members published, which earlier versions lost
// (issue #12). Each fixture has the shape of the real row, with invented
// content.
func realRowFamilies(t *testing.T) []familyCase {
	t.Helper()
	return []familyCase{
		{
			// The 2018 header has columns of its own beside the few later
			// files kept, so too few of them were known to take it for the
			// header: "no header row found", and its rows rejected.
			name: "Ad Targeting.csv 2018: UTF-16 TAB, mostly its own column names",
			files: map[string][]byte{"Ad Targeting.csv": legacy16(t,
				[]string{"Age Group", "Country", "Company Sizes", "Companies", "Company Industries 2018", "Degree Types", "Gender Group",
					"Groups", "Interest Categories", "Job Seniority Levels", "Language", "Regions", "School Names", "Skills", "Title Names", "Years In Position"},
				[]string{"25 to 34", "Belgium", "11-50; 51-200", "Acme; Example Labs", "Legal Services", "Master's Degree", "Female",
					"Example Privacy Group", "Privacy; Cycling", "Senior", "French", "Brussels Region", "Université Example", "Privacy; Law", "Privacy Counsel", "3 to 5 years"},
			)},
			want: []familyFile{{path: "Ad Targeting.csv", enc: encUTF16LE,
				notes: []string{"unknown column(s) kept aside: Companies, Company Industries 2018, Degree Types, Gender Group, Groups, Interest Categories, Job Seniority Levels, Language, Regions, School Names, Title Names, Years In Position"},
				items: []Item{undated(KindAdTargeting, 2, "ad targeting criteria")}}},
		},
		{
			// Unquoted, the query begins with a quote and holds commas:
			// read as CSV its quote closes after "k", and the rest of the
			// line is not CSV ("stray quote"). The query is everything
			// after the first comma.
			name: "SearchQueries.csv 2025: an unquoted query that starts with a quote",
			files: map[string][]byte{"SearchQueries.csv": lf(
				"Time,Search Query",
				"2025/08/19 23:22:34 UTC,\"k\"\u200b line (example shipping co, ltd)",
				"2025/08/20 08:00:00 UTC,\"privacy\" officer",
				`2025/08/21 08:00:00 UTC,"a quoted query, as in 2024"`,
				"2025/08/22 08:00:00 UTC,plain, with a comma",
			)},
			want: []familyFile{{path: "SearchQueries.csv", repairs: map[string]int{repairUnquotedQuery: 2, repairUnquotedCommas: 1}, items: []Item{
				exact(KindSearchQuery, 2, "2025-08-19 23:22:34", "\"k\"\u200b line (example shipping co, ltd)"),
				exact(KindSearchQuery, 3, "2025-08-20 08:00:00", `"privacy" officer`),
				exact(KindSearchQuery, 4, "2025-08-21 08:00:00", "a quoted query, as in 2024"),
				exact(KindSearchQuery, 5, "2025-08-22 08:00:00", "plain, with a comma")}}},
		},
		{
			// A bare quote inside an unquoted field: strict CSV rejects the
			// row; read leniently, the quote is the inch sign it is.
			name: "Shares.csv: a bare quote in an unquoted field",
			files: map[string][]byte{"Shares.csv": lf(
				"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility",
				`2024-05-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7301,Our new 12" baking tray is in the shop,,,PUBLIC`,
				`2024-05-01 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7300,"Para one""`,
				`""Para two","","",PUBLIC`,
			)},
			want: []familyFile{{path: "Shares.csv", repairs: map[string]int{repairBareQuote: 1, repairWrappedLineBreaks: 1}, items: []Item{
				{Kind: KindPost, Line: 2, Date: utc("2024-05-02 10:00:00"), Basis: DateExact, Visibility: "PUBLIC", Text: `Our new 12" baking tray is in the shop`},
				{Kind: KindPost, Line: 3, Date: utc("2024-05-01 10:00:00"), Basis: DateExact, Visibility: "PUBLIC", Text: "Para one Para two"},
			}}},
		},
	}
}
