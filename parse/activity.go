package parse

import (
	"net/url"
	"strings"
)

// Content and activity files (§2.4).

// shareRow maps every era of Shares.csv: 2021–2024 (SharedURL, MediaURL),
// mid-2024+ (SharedUrl, MediaUrl) and the 2018 UTF-16 file (Share Link,
// Share Commentary, Shared URL, …) by normalised column name.
type shareRow struct {
	Date        Date   `csv:"Date"`
	ShareLink   string `csv:"ShareLink"`
	Commentary  string `csv:"ShareCommentary"`
	SharedURL   string `csv:"SharedUrl"`
	MediaURL    string `csv:"MediaUrl"`
	Visibility  string `csv:"Visibility"`
	Title       string `csv:"Share Title"`
	Description string `csv:"Share Description"`
	Type        string `csv:"Type"`
}

func readShares(c *fileCtx) {
	readCSV(c, csvOptions{repair: newBareQuoteRepair}, func(c *fileCtx, r *shareRow, line int) (Item, string) {
		text, n := unwrapLineBreaks(r.Commentary)
		c.report.Repairs[repairWrappedLineBreaks] += n
		t, basis := c.when(line, "Date", r.Date, DateExact)
		if t.IsZero() && r.ShareLink == "" && text == "" {
			return Item{}, "not a post record (no date, link or text)"
		}
		return Item{
			ID:   contentID(KindPost, r.ShareLink, text, dateKey(t, r.Date)),
			Kind: KindPost, Line: line, Date: t, Basis: basis,
			Visibility: strings.Clone(strings.ToUpper(strings.TrimSpace(r.Visibility))),
			Text:       Snippet(firstNonEmpty(text, r.Title, r.Description, r.SharedURL)),
		}, ""
	})
}

// unwrapLineBreaks undoes the Shares quirk (§3 Q2): after CSV decoding, each
// line break of a post is wrapped in quote characters ("\n" or "\r\n").
// It returns the text and the number of breaks unwrapped.
func unwrapLineBreaks(s string) (string, int) {
	n := strings.Count(s, "\"\n\"") + strings.Count(s, "\"\r\n\"")
	if n == 0 {
		return s, 0
	}
	s = strings.ReplaceAll(s, "\"\r\n\"", "\n")
	s = strings.ReplaceAll(s, "\"\n\"", "\n")
	return s, n
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

type commentRow struct {
	Date    Date   `csv:"Date"`
	Link    string `csv:"Link"`
	Message string `csv:"Message"`
}

// readComments repairs both Comments escaping bugs before reading (repair.go).
func readComments(c *fileCtx) {
	readCSV(c, csvOptions{repair: newCommentsRepair}, func(c *fileCtx, r *commentRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		if t.IsZero() && r.Link == "" {
			return Item{}, "not a comment record (no date or link)"
		}
		return Item{
			ID:   contentID(KindComment, r.Link, r.Message, dateKey(t, r.Date)),
			Kind: KindComment, Line: line, Date: t, Basis: basis, Text: Snippet(r.Message),
		}, ""
	})
}

type reactionRow struct {
	Date Date   `csv:"Date"`
	Type string `csv:"Type"`
	Link string `csv:"Link"`
}

func readReactions(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *reactionRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		return Item{ID: contentID(KindReaction, r.Type, r.Link, dateKey(t, r.Date)), Kind: KindReaction, Line: line, Date: t, Basis: basis, Text: Snippet(r.Type)}, ""
	})
}

type voteRow struct {
	Date   Date   `csv:"Date"`
	Link   string `csv:"Link"`
	Option string `csv:"OptionText"`
}

func readVotes(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *voteRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		return Item{ID: contentID(KindPollVote, r.Link, r.Option, dateKey(t, r.Date)), Kind: KindPollVote, Line: line, Date: t, Basis: basis, Text: Snippet(r.Option)}, ""
	})
}

type repostRow struct {
	Date Date   `csv:"Date"`
	Link string `csv:"Link"`
}

func readReposts(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *repostRow, line int) (Item, string) {
		t, basis := c.when(line, "Date", r.Date, DateExact)
		return Item{ID: contentID(KindRepost, r.Link, dateKey(t, r.Date)), Kind: KindRepost, Line: line, Date: t, Basis: basis, Text: Snippet(activityRef(r.Link))}, ""
	})
}

type savedItemRow struct {
	SavedItem   string `csv:"savedItem"`
	CreatedTime Date   `csv:"CreatedTime"`
}

func readSavedItems(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *savedItemRow, line int) (Item, string) {
		t, basis := c.when(line, "CreatedTime", r.CreatedTime, DateExact)
		return Item{ID: contentID(KindSavedItem, r.SavedItem, dateKey(t, r.CreatedTime)), Kind: KindSavedItem, Line: line, Date: t, Basis: basis, Text: Snippet(activityRef(r.SavedItem))}, ""
	})
}

// richMediaRow maps Rich_Media.csv (2024+) and the older Rich Media.csv (Type, Link).
type richMediaRow struct {
	DateTime    Date   `csv:"Date/Time"`
	Description string `csv:"Media Description"`
	Link        string `csv:"Media Link,Link"`
	Type        string `csv:"Type"`
}

func readRichMedia(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *richMediaRow, line int) (Item, string) {
		t, basis := c.when(line, "Date/Time", r.DateTime, DateExact)
		desc := strings.TrimSpace(r.Description)
		if desc == "-" {
			desc = "" // " -" stands for no description
		}
		return Item{
			ID:   contentID(KindMedia, mediaKey(r.Link), desc, dateKey(t, r.DateTime)),
			Kind: KindMedia, Line: line, Date: t, Basis: basis,
			Text: Snippet(firstNonEmpty(desc, mediaSentence(r.DateTime.Raw), r.Type)),
		}, ""
	})
}

// mediaKey drops the signed query string of media links (§2.4): it changes
// with every export while the media stays the same.
func mediaKey(link string) string {
	if i := strings.IndexByte(link, '?'); i >= 0 {
		return link[:i]
	}
	return link
}

// mediaSentence keeps "You uploaded a feed photo" from the F-RM date sentence.
func mediaSentence(s string) string {
	if i := strings.Index(s, " on "); i > 0 {
		return s[:i]
	}
	return ""
}

type videoRow struct {
	Description string `csv:"Description"`
	Link        string `csv:"Link"`
}

func readVideos(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *videoRow, line int) (Item, string) {
		return Item{ID: contentID(KindMedia, mediaKey(r.Link), r.Description), Kind: KindMedia, Line: line, Text: Snippet(r.Description)}, ""
	})
}

type memberHashtagRow struct {
	Hashtag string `csv:"Member Posts About Hashtags"`
}

func readMemberHashtags(c *fileCtx) {
	readCSV(c, csvOptions{}, func(c *fileCtx, r *memberHashtagRow, line int) (Item, string) {
		return Item{ID: contentID(KindHashtag, r.Hashtag), Kind: KindHashtag, Line: line, Text: Snippet(r.Hashtag)}, ""
	})
}

// activityRef shortens a feed link to its activity URN for display.
func activityRef(link string) string {
	if u, err := url.PathUnescape(link); err == nil {
		link = u
	}
	if i := strings.Index(link, "urn:li:"); i >= 0 {
		return link[i:]
	}
	return link
}

// looksLikeURL and normURL let IDs ignore how an era encoded a link (§3 Q17):
// scheme, "www.", percent-encoding and a trailing slash do not matter.
func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func normURL(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimSuffix(s, "/")
}
