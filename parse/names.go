package parse

import (
	"path"
	"regexp"
	"strings"
	"sync"
)

// fileSpec is one recognised file of the export: the names it has had over
// the years (§1.4, §2), the kind of its items and its reader.
type fileSpec struct {
	names []string
	kind  Kind
	read  func(c *fileCtx)
}

// fileSpecs lists every recognised file explicitly. The references are to
// ../shared/reference/linkedin-export-format.md.
var fileSpecs = []fileSpec{
	// §2.1 Profile and career
	{[]string{"Profile.csv"}, KindProfile, readProfile},
	{[]string{"Profile Summary.csv"}, KindProfile, readProfileSummary},
	{[]string{"Positions.csv"}, KindPosition, readPositions},
	{[]string{"Education.csv"}, KindEducation, readEducation},
	{[]string{"Skills.csv"}, KindSkill, readSkills},
	{[]string{"Languages.csv"}, KindLanguage, readLanguages},
	{[]string{"Certifications.csv"}, KindCertification, readCertifications},
	{[]string{"Projects.csv"}, KindProject, readProjects},
	{[]string{"Publications.csv"}, KindPublication, readPublications},
	{[]string{"Honors.csv"}, KindHonor, readHonors},
	{[]string{"Courses.csv"}, KindCourse, readCourses},
	{[]string{"Volunteering.csv", "Volunteer Experiences.csv"}, KindVolunteering, readVolunteering},
	{[]string{"Organizations.csv"}, KindOrganization, readOrganizations},
	{[]string{"Patents.csv"}, KindPatent, readPatents},
	{[]string{"Causes You Care About.csv"}, KindCause, readCauses},
	{[]string{"Recommendations_Received.csv", "Recommendations Received.csv"}, KindRecommendationReceived, readRecommendationsReceived},
	{[]string{"Recommendations_Given.csv", "Recommendations Given.csv"}, KindRecommendationGiven, readRecommendationsGiven},
	{[]string{"Endorsement_Received_Info.csv", "Endorsement Received Info.csv"}, KindEndorsementReceived, readEndorsementsReceived},
	{[]string{"Endorsement_Given_Info.csv", "Endorsement Given Info.csv"}, KindEndorsementGiven, readEndorsementsGiven},

	// §2.2 Network
	{[]string{"Connections.csv"}, KindConnection, readConnections},
	{[]string{"Invitations.csv"}, KindInvitation, readInvitations},
	{[]string{"Company Follows.csv"}, KindCompanyFollow, readCompanyFollows},
	{[]string{"Member_Follows.csv"}, KindMemberFollow, readMemberFollows},
	{[]string{"Hashtag_Follows.csv"}, KindHashtagFollow, readHashtagFollows},
	{[]string{"ImportedContacts.csv", "Contacts.csv", "Imported Contacts.csv"}, KindContact, readContacts},
	{[]string{"Notes.csv"}, KindNote, readNotes},

	// §2.3 Messaging and AI-assistant conversations; matched by exact name,
	// never by suffix (learning_role_play_messages.csv is not messages.csv).
	{[]string{"messages.csv", "Messages.csv"}, KindMessage, readMessages},
	{[]string{"coach_messages.csv"}, KindAIConversation, readAIMessages},
	{[]string{"guide_messages.csv"}, KindAIConversation, readAIMessages},
	{[]string{"learning_coach_messages.csv", "LearningCoachMessages.csv"}, KindAIConversation, readAIMessages},
	{[]string{"learning_role_play_messages.csv"}, KindAIConversation, readAIMessages},

	// §2.4 Content and activity
	{[]string{"Shares.csv"}, KindPost, readShares},
	{[]string{"Comments.csv"}, KindComment, readComments},
	{[]string{"Reactions.csv"}, KindReaction, readReactions},
	{[]string{"Votes.csv"}, KindPollVote, readVotes},
	{[]string{"InstantReposts.csv"}, KindRepost, readReposts},
	{[]string{"Saved_Items.csv"}, KindSavedItem, readSavedItems},
	{[]string{"Rich_Media.csv", "Rich Media.csv"}, KindMedia, readRichMedia},
	{[]string{"Videos.csv"}, KindMedia, readVideos},
	{[]string{"Member Hashtags.csv"}, KindHashtag, readMemberHashtags},

	// §2.6 Jobs
	{[]string{"Job Applications.csv"}, KindJobApplication, readJobApplications},
	{[]string{"Saved Jobs.csv"}, KindSavedJob, readSavedJobs},
	{[]string{"Job Seeker Preferences.csv"}, KindJobPreference, readJobPreferences},
	{[]string{"Job Applicant Saved Screening Question Responses.csv", "Job Applicant Saved Answers.csv"}, KindScreeningAnswer, readScreeningAnswers},
	{[]string{"SavedJobAlerts.csv"}, KindJobAlert, readJobAlerts},
	{[]string{"Online Job Postings.csv"}, KindJobPosting, readJobPostings},

	// §2.7 Learning, events, other activity
	{[]string{"Learning.csv"}, KindLearning, readLearning},
	{[]string{"Events.csv"}, KindEvent, readEvents},
	{[]string{"Reviews.csv"}, KindReview, readReviews},
	{[]string{"Calendar.csv"}, KindCalendar, readCalendar},
	{[]string{"Test Scores.csv", "Duolingo.csv"}, KindTestScore, readTestScores},

	// §2.8 Account, security, ads, inferences, payments, identity
	{[]string{"Email Addresses.csv"}, KindEmailAddress, readEmailAddresses},
	{[]string{"PhoneNumbers.csv", "Phone Numbers.csv"}, KindPhoneNumber, readPhoneNumbers},
	{[]string{"Whatsapp Phone Numbers.csv"}, KindPhoneNumber, readWhatsappNumbers},
	{[]string{"Registration.csv"}, KindRegistration, readRegistration},
	{[]string{"Logins.csv"}, KindLogin, readLogins},
	{[]string{"Security Challenges.csv"}, KindSecurityChallenge, readSecurityChallenges},
	{[]string{"Account Status History.csv"}, KindAccountStatus, readAccountStatus},
	{[]string{"SearchQueries.csv", "Search Queries.csv"}, KindSearchQuery, readSearchQueries},
	{[]string{"Ads Clicked.csv"}, KindAdClick, readAdsClicked},
	{[]string{"LAN Ads Engagement.csv"}, KindAdEngagement, readLANAds},
	{[]string{"Ad_Targeting.csv", "Ad Targeting.csv"}, KindAdTargeting, readAdTargeting},
	{[]string{"Inferences_about_you.csv"}, KindInference, readInferences},
	{[]string{"Receipts.csv"}, KindReceipt, readReceipts},
	{[]string{"Receipts_v2.csv"}, KindReceipt, readReceipts},
	{[]string{"Private_identity_asset.csv"}, KindResume, readIdentityAssets},
	{[]string{"Verifications.csv"}, KindVerification, readVerifications},
	{[]string{"Providers.csv", "Engagements.csv", "Opprtunities.csv", "Opportunities.csv"}, KindMarketplace, readMarketplace},
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
