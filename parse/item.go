package parse

import "time"

// Kind names what an item is. The names are fixed by the project contract
// (../shared/contract.md, "Items"): they may be added to, never renamed.
type Kind string

// The kinds of the contract, grouped as it groups them.
const (
	KindProfile       Kind = "profile"
	KindPosition      Kind = "position"
	KindEducation     Kind = "education"
	KindSkill         Kind = "skill"
	KindLanguage      Kind = "language"
	KindCertification Kind = "certification"
	KindProject       Kind = "project"
	KindPublication   Kind = "publication"
	KindHonor         Kind = "honor"
	KindCourse        Kind = "course"
	KindVolunteering  Kind = "volunteering"
	KindOrganization  Kind = "organization"
	KindPatent        Kind = "patent"
	KindCause         Kind = "cause"

	KindRecommendationReceived Kind = "recommendation_received"
	KindRecommendationGiven    Kind = "recommendation_given"
	KindEndorsementReceived    Kind = "endorsement_received"
	KindEndorsementGiven       Kind = "endorsement_given"

	KindPost     Kind = "post"
	KindArticle  Kind = "article"
	KindComment  Kind = "comment"
	KindReaction Kind = "reaction"
	KindPollVote Kind = "poll_vote"
	KindRepost   Kind = "repost"
	KindMedia    Kind = "media"

	KindConnection Kind = "connection"
	KindInvitation Kind = "invitation"
	KindContact    Kind = "contact"
	KindNote       Kind = "note"

	KindMessage        Kind = "message"
	KindAIConversation Kind = "ai_conversation"

	KindCompanyFollow Kind = "company_follow"
	KindMemberFollow  Kind = "member_follow"
	KindHashtagFollow Kind = "hashtag_follow"
	KindSavedItem     Kind = "saved_item"
	KindEvent         Kind = "event"
	KindLearning      Kind = "learning"
	KindReview        Kind = "review"

	KindJobApplication  Kind = "job_application"
	KindSavedJob        Kind = "saved_job"
	KindJobPreference   Kind = "job_preference"
	KindJobAlert        Kind = "job_alert"
	KindScreeningAnswer Kind = "screening_answer"
	KindJobPosting      Kind = "job_posting"
	KindResume          Kind = "resume"

	KindSearchQuery       Kind = "search_query"
	KindLogin             Kind = "login"
	KindSecurityChallenge Kind = "security_challenge"
	KindAccountStatus     Kind = "account_status"

	KindAdTargeting  Kind = "ad_targeting"
	KindInference    Kind = "inference"
	KindAdClick      Kind = "ad_click"
	KindAdEngagement Kind = "ad_engagement"

	KindEmailAddress Kind = "email_address"
	KindPhoneNumber  Kind = "phone_number"
	KindRegistration Kind = "registration"
	KindVerification Kind = "verification"
	KindReceipt      Kind = "receipt"
	KindMarketplace  Kind = "marketplace"

	// Kinds added by this project for files the contract does not list.
	KindHashtag   Kind = "hashtag"    // Member Hashtags.csv
	KindCalendar  Kind = "calendar"   // Calendar.csv
	KindTestScore Kind = "test_score" // Test Scores.csv, Duolingo.csv
)

// Kinds lists every kind in the contract's order. Reports iterate over it so
// their output does not depend on map order.
var Kinds = []Kind{
	KindProfile, KindPosition, KindEducation, KindSkill, KindLanguage, KindCertification,
	KindProject, KindPublication, KindHonor, KindCourse, KindVolunteering, KindOrganization,
	KindPatent, KindCause,
	KindRecommendationReceived, KindRecommendationGiven, KindEndorsementReceived, KindEndorsementGiven,
	KindPost, KindArticle, KindComment, KindReaction, KindPollVote, KindRepost, KindMedia,
	KindConnection, KindInvitation, KindContact, KindNote,
	KindMessage, KindAIConversation,
	KindCompanyFollow, KindMemberFollow, KindHashtagFollow, KindSavedItem, KindEvent, KindLearning, KindReview,
	KindJobApplication, KindSavedJob, KindJobPreference, KindJobAlert, KindScreeningAnswer, KindJobPosting, KindResume,
	KindSearchQuery, KindLogin, KindSecurityChallenge, KindAccountStatus,
	KindAdTargeting, KindInference, KindAdClick, KindAdEngagement,
	KindEmailAddress, KindPhoneNumber, KindRegistration, KindVerification, KindReceipt, KindMarketplace,
	KindHashtag, KindCalendar, KindTestScore,
}

// DateBasis says what an item's date means.
type DateBasis uint8

const (
	// DateNone: the export gives no date for the item.
	DateNone DateBasis = iota
	// DateExact: the date the item was created, as the export records it.
	DateExact
	// DateLowerBound: the item was added to LinkedIn on or after this date
	// (profile entries dated only by the period they describe, e.g. Started On).
	DateLowerBound
)

func (b DateBasis) String() string {
	switch b {
	case DateExact:
		return "exact"
	case DateLowerBound:
		return "lower_bound"
	}
	return "none"
}

// Item is one row of a recognised file (or one article, or the profile).
type Item struct {
	// ID is stable for the same content across exports: it hashes the kind,
	// the item's normalised key fields and its date, never the file name,
	// line, shard or era-specific quoting.
	ID   string
	Kind Kind
	// File is the path inside the export; Line the line the record starts on
	// (1-based; 0 for items that are a whole file, such as an article).
	File string
	Line int
	// Date is the creation date (UTC), or its lower bound, or zero; Basis says which.
	Date  time.Time
	Basis DateBasis
	// Visibility as exported (e.g. PUBLIC, MEMBER_NETWORK); empty where the
	// file has no such column.
	Visibility string
	// Text is a short display text. It is the member's data: it goes into
	// their own report only, never into logs or error messages.
	Text string
	// URL is the item's own LinkedIn page as the export gives it (a post's
	// ShareLink, the Link of a comment, reaction, vote or repost, an
	// article's address), or empty. Like Text it is the member's data, for
	// their own report; it takes no part in the ID.
	URL string
	// Flags are facts the parser noticed about this item (e.g. "hidden_profile").
	Flags []string
}
