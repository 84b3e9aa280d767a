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

func (r *shareRow) item(c rowCtx) (Item, string) {
	text, n := unwrapLineBreaks(r.Commentary)
	c.report.Repairs[repairWrappedLineBreaks] += n
	it := c.dated(&r.Date, Snippet(firstNonEmpty(text, r.Title, r.Description, r.SharedURL)), r.ShareLink, text)
	if it.Date.IsZero() && r.ShareLink == "" && text == "" {
		return Item{}, "not a post record (no date, link or text)"
	}
	it.Visibility = strings.Clone(strings.ToUpper(strings.TrimSpace(r.Visibility)))
	it.URL = pageURL(r.ShareLink)
	return it, ""
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

type commentRow struct {
	Date    Date   `csv:"Date"`
	Link    string `csv:"Link"`
	Message string `csv:"Message"`
}

func (r *commentRow) item(c rowCtx) (Item, string) {
	it := c.dated(&r.Date, Snippet(r.Message), r.Link, r.Message)
	if it.Date.IsZero() && r.Link == "" {
		return Item{}, "not a comment record (no date or link)"
	}
	it.URL = pageURL(r.Link)
	return it, ""
}

type reactionRow struct {
	Date Date   `csv:"Date"`
	Type string `csv:"Type"`
	Link string `csv:"Link"`
}

func (r *reactionRow) item(c rowCtx) (Item, string) {
	return linked(c.dated(&r.Date, Snippet(r.Type), r.Type, r.Link), r.Link), ""
}

type voteRow struct {
	Date   Date   `csv:"Date"`
	Link   string `csv:"Link"`
	Option string `csv:"OptionText"`
}

func (r *voteRow) item(c rowCtx) (Item, string) {
	return linked(c.dated(&r.Date, Snippet(r.Option), r.Link, r.Option), r.Link), ""
}

type repostRow struct {
	Date Date   `csv:"Date"`
	Link string `csv:"Link"`
}

func (r *repostRow) item(c rowCtx) (Item, string) {
	return linked(c.dated(&r.Date, Snippet(activityRef(r.Link)), r.Link), r.Link), ""
}

type savedItemRow struct {
	SavedItem   string `csv:"savedItem"`
	CreatedTime Date   `csv:"CreatedTime"`
}

func (r *savedItemRow) item(c rowCtx) (Item, string) {
	return c.dated(&r.CreatedTime, Snippet(activityRef(r.SavedItem)), r.SavedItem), ""
}

// richMediaRow maps Rich_Media.csv (2024+) and the older Rich Media.csv (Type, Link).
type richMediaRow struct {
	DateTime    Date   `csv:"Date/Time"`
	Description string `csv:"Media Description"`
	Link        string `csv:"Media Link,Link"`
	Type        string `csv:"Type"`
}

func (r *richMediaRow) item(c rowCtx) (Item, string) {
	desc := strings.TrimSpace(r.Description)
	if desc == "-" {
		desc = "" // " -" stands for no description
	}
	text := Snippet(firstNonEmpty(desc, mediaSentence(r.DateTime.Raw), r.Type))
	return c.dated(&r.DateTime, text, mediaKey(r.Link), desc), ""
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

func (r *videoRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(r.Description), mediaKey(r.Link), r.Description), ""
}

type memberHashtagRow struct {
	Hashtag string `csv:"Member Posts About Hashtags"`
}

func (r *memberHashtagRow) item(c rowCtx) (Item, string) {
	return c.undated(Snippet(r.Hashtag), r.Hashtag), ""
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

// linked gives an item the link to its LinkedIn page.
func linked(it Item, link string) Item {
	it.URL = pageURL(link)
	return it
}

// pageURL keeps a link to a LinkedIn page (https, on linkedin.com), a
// copy so that the item does not hold the CSV record; any other text is
// not an item's page and gives "".
func pageURL(link string) string {
	link = strings.TrimSpace(link)
	if len(link) > maxURL || !plainPageURL(link) && !parsedPageURL(link) {
		return ""
	}
	return strings.Clone(link)
}

// parsedPageURL reports whether url.Parse reads link as a page on
// linkedin.com over https, with no user and nothing that could break out
// of an HTML attribute.
func parsedPageURL(link string) bool {
	if strings.ContainsAny(link, " \t\r\n\"'<>\\`") {
		return false
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.User != nil || u.Opaque != "" {
		return false
	}
	host := strings.ToLower(u.Host)
	return host == "linkedin.com" || strings.HasSuffix(host, ".linkedin.com")
}

// plainPageURL reports, without parsing, whether link is a page on
// www.linkedin.com that pageURL keeps: the common case, most rows of the
// activity files. Past the prefix it allows only characters that url.Parse
// takes as they are, and %XX escapes (no user, host or port to check).
func plainPageURL(link string) bool {
	rest, ok := strings.CutPrefix(link, "https://www.linkedin.com/")
	if !ok {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if urlPlain[rest[i]] {
			continue
		}
		if rest[i] != '%' || i+2 >= len(rest) || !isHex(rest[i+1]) || !isHex(rest[i+2]) {
			return false
		}
		i += 2
	}
	return true
}

func isHex(c byte) bool { _, ok := escapeDigit(c); return ok }

// urlPlain marks the bytes plainPageURL allows in a link's path, query and
// fragment.
var urlPlain = func() (t [256]bool) {
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#=&:+,;!$()*") {
		t[c] = true
	}
	return t
}()

// maxURL bounds the links kept: LinkedIn's are under 200 bytes.
const maxURL = 512
