package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

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

// maxText bounds Item.Text; reports show snippets, never whole documents.
const maxText = 140

// Snippet trims s to a one-line display text of at most maxText runes.
// Only the start of s is looked at: a field can be megabytes long. It
// makes one string, new, so that the item does not keep the whole CSV
// record in memory.
func Snippet(s string) string {
	cut := false
	if limit := 8 * maxText; len(s) > limit {
		end := limit
		for end > 0 && !utf8.RuneStart(s[end]) {
			end--
		}
		s, cut = s[:end], true
	}
	var b strings.Builder
	b.Grow(min(len(s), 4*maxText) + len(" …"))
	runes, space := 0, false
	for i := 0; i < len(s) && runes <= maxText; {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isSpace(r) {
			space = runes > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		if c < utf8.RuneSelf {
			b.WriteByte(c)
		} else {
			b.WriteRune(r) // an invalid byte becomes U+FFFD
		}
		runes++
	}
	out := b.String()
	if cut && runes <= maxText { // the field went on past what was looked at
		if runes > 0 {
			out += " …"
			runes += 2
		} else {
			out, runes = "…", 1
		}
	}
	if runes <= maxText {
		return out
	}
	r := []rune(out)
	return strings.TrimRightFunc(string(r[:maxText-1]), unicode.IsSpace) + "…"
}

// isSpace is unicode.IsSpace with the ASCII answer first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// contentID hashes the kind and key fields into an item ID. Each key is
// normalised first (see writeKey) so that era-specific encodings of the same
// content give the same ID.
//
// IDs must never change between versions: members diff the saved results of
// older runs. TestContentIDUnchanged and FuzzContentID hold this code to a
// copy of the first implementation; any change here must keep them passing.
func contentID(kind Kind, keys ...string) string {
	h := hashers.Get().(*idHasher)
	defer hashers.Put(h)
	h.h.Reset()
	h.n = 0
	h.writeString(string(kind))
	for _, k := range keys {
		h.writeByte(0)
		h.writeKey(k)
	}
	return h.sum()
}

// hashers reuses hash states: files are read on all cores, and a new
// SHA-256 per item was a tenth of the reading time.
var hashers = sync.Pool{New: func() any { return &idHasher{h: sha256.New()} }}

// idHasher buffers small writes to the hash. When the buffer is flushed
// does not change the sum: the hash sees the same bytes either way.
type idHasher struct {
	h   hash.Hash
	buf [512]byte
	n   int
	// url holds a link with its escapes decoded (see writeURL), kept
	// between calls so that decoding allocates nothing.
	url []byte
	// digest holds the sum: a local array would escape through the
	// hash.Hash interface and cost an allocation per ID.
	digest [sha256.Size]byte
}

// maxURLScratch bounds the links decoded into idHasher.url, so that one
// odd megabyte-long link does not stay in memory for the rest of the run.
const maxURLScratch = 4 << 10

func (h *idHasher) flush() {
	h.h.Write(h.buf[:h.n])
	h.n = 0
}

func (h *idHasher) writeByte(c byte) {
	if h.n == len(h.buf) {
		h.flush()
	}
	h.buf[h.n] = c
	h.n++
}

// writeRune writes r UTF-8 encoded straight into the buffer.
func (h *idHasher) writeRune(r rune) {
	if len(h.buf)-h.n < utf8.UTFMax {
		h.flush()
	}
	h.n += utf8.EncodeRune(h.buf[h.n:], r)
}

// writeString writes s unchanged, a buffer-full at a time.
func (h *idHasher) writeString(s string) {
	for len(s) > 0 {
		if h.n == len(h.buf) {
			h.flush()
		}
		c := copy(h.buf[h.n:], s)
		h.n += c
		s = s[c:]
	}
}

func (h *idHasher) sum() string {
	h.flush()
	var out [2 * 12]byte
	hex.Encode(out[:], h.h.Sum(h.digest[:0])[:12])
	return string(out[:])
}

// writeKey writes s folded over the differences between export eras that
// do not change the content: case, runs of white space (messages had their
// line breaks flattened to spaces before 2026), CR/LF, and percent-encoding
// of URLs (activity links are encoded in some files and not in others,
// §3 Q17). It streams, so a megabyte field costs no copy.
func (h *idHasher) writeKey(s string) {
	s = strings.TrimSpace(s)
	if looksLikeURL(s) {
		h.writeURL(s)
		return
	}
	writeFolded(h, s)
}

// writeURL is writeFolded(normURL(s)) without normURL's allocation: a link
// with escapes is decoded into a buffer the hasher keeps. unescapePath
// pins url.PathUnescape's rules, so IDs do not depend on net/url.
func (h *idHasher) writeURL(s string) {
	switch {
	case strings.IndexByte(s, '%') < 0: // nothing to decode
		writeFolded(h, trimURL(s))
	case len(s) > maxURLScratch: // too rare to keep a buffer for
		writeFolded(h, normURL(s))
	default:
		u, ok := unescapePath(h.url[:0], s)
		h.url = u
		if !ok { // an invalid escape: normURL keeps the link as it is
			writeFolded(h, trimURL(s))
			return
		}
		writeFolded(h, trimURL(u))
	}
}

// unescapePath appends s to dst with each %XX escape decoded, as
// url.PathUnescape does: one pass, '+' kept, "%2541" giving "%41". ok is
// false where PathUnescape fails, when a '%' is not followed by two hex
// digits; s is then to be used as it is.
func unescapePath(dst []byte, s string) (_ []byte, ok bool) {
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			return append(dst, s...), true
		}
		if i+2 >= len(s) {
			return dst, false
		}
		hi, ok1 := escapeDigit(s[i+1])
		lo, ok2 := escapeDigit(s[i+2])
		if !ok1 || !ok2 {
			return dst, false
		}
		dst = append(dst, s[:i]...)
		dst = append(dst, hi<<4|lo)
		s = s[i+3:]
	}
}

// escapeDigit is the value of the hex digit c of a %XX escape.
func escapeDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// trimURL drops what normURL drops after unescaping: the scheme, "www."
// and one trailing slash, in that order.
func trimURL[S string | []byte](s S) S {
	s = trimPrefix(s, "https://")
	s = trimPrefix(s, "http://")
	s = trimPrefix(s, "www.")
	if len(s) > 0 && s[len(s)-1] == '/' {
		s = s[:len(s)-1]
	}
	return s
}

func trimPrefix[S string | []byte](s S, prefix string) S {
	if len(s) < len(prefix) {
		return s
	}
	for i := range len(prefix) {
		if s[i] != prefix[i] {
			return s
		}
	}
	return s[len(prefix):]
}

// writeFolded writes s lower-cased (unicode.ToLower, rune by rune), each
// run of white space (unicode.IsSpace) as one space unless it ends s, and
// each invalid UTF-8 byte as U+FFFD. ASCII words go into the buffer
// through a table, with no call per byte; only runes that are not ASCII are
// decoded. (A call per byte made IDs 15% of the CPU time of a report.) It
// is generic so that a URL decoded into idHasher.url needs no string copy.
func writeFolded[S string | []byte](h *idHasher, s S) {
	space := false // white space was skipped since the last byte written
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case asciiFold[c] != notFolded:
			if space {
				h.writeByte(' ')
				space = false
			}
			i += writeWord(h, s[i:])
		case c < utf8.RuneSelf: // ASCII white space
			space = true
			i++
		default:
			r, size := decodeRune(s[i:])
			i += size
			lower, isSpace := foldRune(r)
			if isSpace {
				space = true
				continue
			}
			if space {
				h.writeByte(' ')
				space = false
			}
			h.writeRune(lower)
		}
	}
}

// asciiFold maps each ASCII byte that is not white space to its lower
// case, and every other byte to notFolded, which no ASCII byte maps to.
var asciiFold = func() (t [256]byte) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf, c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			t[c] = notFolded
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		default:
			t[c] = byte(c)
		}
	}
	return t
}()

const notFolded = 0xff

// writeWord writes the start of s up to white space or a byte that is not
// ASCII, lower-cased, and returns its length. It may go on past single
// spaces (see foldASCII), and stops short where the buffer is full.
func writeWord[S string | []byte](h *idHasher, s S) int {
	if h.n == len(h.buf) {
		h.flush()
	}
	k := foldASCII(h.buf[h.n:], s)
	h.n += k
	return k
}

// foldASCII copies src to dst through asciiFold until a byte it does not
// fold or the end of either, and returns how many bytes it copied.
func foldASCII[S string | []byte](dst []byte, src S) int {
	if len(src) > len(dst) {
		src = src[:len(dst)]
	}
	dst = dst[:len(src)]
	for i := range len(src) {
		f := asciiFold[src[i]]
		if f == notFolded {
			// A lone space between two ASCII words is written as it is,
			// without leaving the loop: it is most of the white space of
			// a text. Other white space ends the word.
			if src[i] != ' ' || i+1 == len(src) || asciiFold[src[i+1]] == notFolded {
				return i
			}
			f = ' '
		}
		dst[i] = f
	}
	return len(src)
}

// foldRune is unicode.ToLower(r) and unicode.IsSpace(r). Both search
// tables of ranges; for the two-byte runes (accented Latin, Greek,
// Cyrillic, Hebrew, Arabic...), most of the non-ASCII text of an export,
// their answers are looked up instead.
func foldRune(r rune) (lower rune, isSpace bool) {
	if r < rune(len(twoByteFold)) {
		lower = twoByteFold[r]
		return lower, lower == foldSpace
	}
	return unicode.ToLower(r), unicode.IsSpace(r)
}

// twoByteFold holds unicode.ToLower of each rune below U+0800, or
// foldSpace for white space. Building it takes some 30 µs at start.
var twoByteFold = func() (t [0x800]rune) {
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
		if unicode.IsSpace(rune(r)) {
			t[r] = foldSpace
		}
	}
	return t
}()

const foldSpace = -1 // not a rune

// decodeRune is utf8.DecodeRuneInString for either type of writeFolded's
// input. It hands on at most utf8.UTFMax bytes, all that a rune can use, so
// that the conversion of a []byte copies no more and allocates nothing.
func decodeRune[S string | []byte](s S) (rune, int) {
	return utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
}
