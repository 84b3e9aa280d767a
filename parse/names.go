package parse

import (
	"path"
	"regexp"
	"strings"
	"sync"
)

// fileSpec is one recognised file of the export: the names it has had over
// the years (§1.4, §2), the kind of its items, and its reader, which gives
// them that kind. Most readers are rows[T] of the file's row type T.
type fileSpec struct {
	names []string
	kind  Kind
	read  func(c *fileCtx)
}

// fileSpecs lists every recognised file explicitly. The references are to
// ../shared/reference/linkedin-export-format.md.
var fileSpecs = []fileSpec{
	// §2.1 Profile and career
	{[]string{"Profile.csv"}, KindProfile, rows[profileRow]},
	{[]string{"Profile Summary.csv"}, KindProfile, rows[profileSummaryRow]},
	{[]string{"Positions.csv"}, KindPosition, rows[positionRow]},
	{[]string{"Education.csv"}, KindEducation, rows[educationRow]},
	{[]string{"Skills.csv"}, KindSkill, rows[skillRow]},
	{[]string{"Languages.csv"}, KindLanguage, rows[languageRow]},
	{[]string{"Certifications.csv"}, KindCertification, rows[certificationRow]},
	{[]string{"Projects.csv"}, KindProject, rows[projectRow]},
	{[]string{"Publications.csv"}, KindPublication, rows[publicationRow]},
	{[]string{"Honors.csv"}, KindHonor, rows[honorRow]},
	{[]string{"Courses.csv"}, KindCourse, rows[courseRow]},
	{[]string{"Volunteering.csv", "Volunteer Experiences.csv"}, KindVolunteering, rows[volunteeringRow]},
	{[]string{"Organizations.csv"}, KindOrganization, rows[organizationRow]},
	{[]string{"Patents.csv"}, KindPatent, rows[patentRow]},
	{[]string{"Causes You Care About.csv"}, KindCause, rows[causeRow]},
	{[]string{"Recommendations_Received.csv", "Recommendations Received.csv"}, KindRecommendationReceived, rows[recommendationRow]},
	{[]string{"Recommendations_Given.csv", "Recommendations Given.csv"}, KindRecommendationGiven, rows[recommendationRow]},
	{[]string{"Endorsement_Received_Info.csv", "Endorsement Received Info.csv"}, KindEndorsementReceived, rows[endorsementRow]},
	{[]string{"Endorsement_Given_Info.csv", "Endorsement Given Info.csv"}, KindEndorsementGiven, rows[endorsementRow]},

	// §2.2 Network
	{[]string{"Connections.csv"}, KindConnection, rows[connectionRow]},
	{[]string{"Invitations.csv"}, KindInvitation, rows[invitationRow]},
	{[]string{"Company Follows.csv"}, KindCompanyFollow, rows[companyFollowRow]},
	{[]string{"Member_Follows.csv"}, KindMemberFollow, rows[memberFollowRow]},
	{[]string{"Hashtag_Follows.csv"}, KindHashtagFollow, rows[hashtagFollowRow]},
	{[]string{"ImportedContacts.csv", "Contacts.csv", "Imported Contacts.csv"}, KindContact, rows[contactRow]},
	{[]string{"Notes.csv"}, KindNote, rows[noteRow]},

	// §2.3 Messaging and AI-assistant conversations; matched by exact name,
	// never by suffix (learning_role_play_messages.csv is not messages.csv).
	{[]string{"messages.csv", "Messages.csv"}, KindMessage, rows[messageRow]},
	{[]string{"coach_messages.csv"}, KindAIConversation, rows[messageRow]},
	{[]string{"guide_messages.csv"}, KindAIConversation, rows[messageRow]},
	{[]string{"learning_coach_messages.csv", "LearningCoachMessages.csv"}, KindAIConversation, rows[messageRow]},
	{[]string{"learning_role_play_messages.csv"}, KindAIConversation, rows[messageRow]},

	// §2.4 Content and activity
	{[]string{"Shares.csv"}, KindPost, repairedRows[shareRow](newBareQuoteRepair)},
	{[]string{"Comments.csv"}, KindComment, repairedRows[commentRow](newCommentsRepair)},
	{[]string{"Reactions.csv"}, KindReaction, rows[reactionRow]},
	{[]string{"Votes.csv"}, KindPollVote, rows[voteRow]},
	{[]string{"InstantReposts.csv"}, KindRepost, rows[repostRow]},
	{[]string{"Saved_Items.csv"}, KindSavedItem, rows[savedItemRow]},
	{[]string{"Rich_Media.csv", "Rich Media.csv"}, KindMedia, rows[richMediaRow]},
	{[]string{"Videos.csv"}, KindMedia, rows[videoRow]},
	{[]string{"Member Hashtags.csv"}, KindHashtag, rows[memberHashtagRow]},

	// §2.6 Jobs
	{[]string{"Job Applications.csv"}, KindJobApplication, rows[jobApplicationRow]},
	{[]string{"Saved Jobs.csv"}, KindSavedJob, rows[savedJobRow]},
	{[]string{"Job Seeker Preferences.csv"}, KindJobPreference, rows[jobPreferenceRow]},
	{[]string{"Job Applicant Saved Screening Question Responses.csv", "Job Applicant Saved Answers.csv"}, KindScreeningAnswer, rows[screeningAnswerRow]},
	{[]string{"SavedJobAlerts.csv"}, KindJobAlert, rows[jobAlertRow]},
	{[]string{"Online Job Postings.csv"}, KindJobPosting, rows[jobPostingRow]},

	// §2.7 Learning, events, other activity
	{[]string{"Learning.csv"}, KindLearning, rows[learningRow]},
	{[]string{"Events.csv"}, KindEvent, rows[eventRow]},
	{[]string{"Reviews.csv"}, KindReview, rows[reviewRow]},
	{[]string{"Calendar.csv"}, KindCalendar, rows[calendarRow]},
	{[]string{"Test Scores.csv", "Duolingo.csv"}, KindTestScore, rows[testScoreRow]},

	// §2.8 Account, security, ads, inferences, payments, identity
	{[]string{"Email Addresses.csv"}, KindEmailAddress, rows[emailRow]},
	{[]string{"PhoneNumbers.csv", "Phone Numbers.csv"}, KindPhoneNumber, readPhoneNumbers},
	{[]string{"Whatsapp Phone Numbers.csv"}, KindPhoneNumber, readWhatsappNumbers},
	{[]string{"Registration.csv"}, KindRegistration, rows[registrationRow]},
	{[]string{"Logins.csv"}, KindLogin, rows[securityRow]},
	{[]string{"Security Challenges.csv"}, KindSecurityChallenge, rows[securityRow]},
	{[]string{"Account Status History.csv"}, KindAccountStatus, rows[accountStatusRow]},
	{[]string{"SearchQueries.csv", "Search Queries.csv"}, KindSearchQuery, repairedRows[searchQueryRow](newSearchQueriesRepair)},
	{[]string{"Ads Clicked.csv"}, KindAdClick, rows[adClickRow]},
	{[]string{"LAN Ads Engagement.csv"}, KindAdEngagement, rows[lanAdRow]},
	{[]string{"Ad_Targeting.csv", "Ad Targeting.csv"}, KindAdTargeting, rows[adTargetingRow]},
	{[]string{"Inferences_about_you.csv"}, KindInference, rows[inferenceRow]},
	{[]string{"Receipts.csv"}, KindReceipt, rows[receiptRow]},
	{[]string{"Receipts_v2.csv"}, KindReceipt, rows[receiptRow]},
	{[]string{"Private_identity_asset.csv"}, KindResume, rows[identityAssetRow]},
	{[]string{"Verifications.csv"}, KindVerification, rows[verificationRow]},
	{[]string{"Providers.csv", "Engagements.csv", "Opprtunities.csv", "Opportunities.csv"}, KindMarketplace, rows[marketplaceRow]},
}

// articleSpec reads Articles/…/*.html (§2.5).
var articleSpec = fileSpec{[]string{"Articles/Articles/*.html"}, KindArticle, readArticle}

var (
	specIndexOnce sync.Once
	specIndex     map[string]*fileSpec
)

// specFor finds the spec of a file by its normalised name.
func specFor(p string) (*fileSpec, bool) {
	if isArticle(p) {
		return &articleSpec, true
	}
	if !strings.EqualFold(path.Ext(p), ".csv") {
		return nil, false
	}
	specIndexOnce.Do(func() {
		specIndex = map[string]*fileSpec{}
		for i := range fileSpecs {
			for _, n := range fileSpecs[i].names {
				specIndex[normFileName(n)] = &fileSpecs[i]
			}
		}
	})
	s, ok := specIndex[normFileName(p)]
	return s, ok
}

func isArticle(p string) bool {
	lower := strings.ToLower(p)
	return strings.HasPrefix(lower, "articles/") && (strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm"))
}

// shardSuffix matches the `_N` of shards (Saved Jobs_1.csv) and the
// `_<member id>` of 2026 activity files (Comments_123456.csv), §1.4.
var shardSuffix = regexp.MustCompile(`_\d+$`)

// normFileName folds a path to the key files are recognised by: base name,
// lower case, shard or member-id suffix removed, then spaces, underscores and
// hyphens removed. "Receipts_v2" keeps its "v2": it is a file of its own.
func normFileName(p string) string {
	b := shardSuffix.ReplaceAllString(strings.ToLower(baseName(p)), "")
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' {
			return -1
		}
		return r
	}, b)
}
