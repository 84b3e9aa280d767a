package parse

import (
	"html"
	"io"
	"path"
	"regexp"
	"strings"
)

// maxArticle bounds how much of an article page is read: the title and
// dates sit at its top, after the inline style block.
const maxArticle = 4 << 20

var (
	h1RE        = regexp.MustCompile(`(?is)<h1[^>]*>(.*?)</h1>`)
	hrefRE      = regexp.MustCompile(`(?is)<a\s[^>]*href="([^"]*)"`)
	titleRE     = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)
	createdRE   = regexp.MustCompile(`(?is)<p[^>]*class="created"[^>]*>(.*?)</p>`)
	publishedRE = regexp.MustCompile(`(?is)<p[^>]*class="published"[^>]*>(.*?)</p>`)
)

// readArticle reads one article page (§2.5): its title (the <h1>, else the
// <title>), and the dates of its "created" and "published" paragraphs. An
// article is one item, dated by its creation; a page without any date is
// kept undated and reported.
func readArticle(c *fileCtx) {
	data, err := io.ReadAll(io.LimitReader(c.raw, maxArticle))
	if err != nil {
		c.fileProblem("cannot be read: %v", err)
		c.report.Rows, c.report.Rejected = 1, 1
		return
	}
	c.report.Encoding = encUTF8
	page := string(data)
	h1 := submatch(h1RE, page)
	title := htmlText(h1)
	if title == "" {
		title = htmlText(submatch(titleRE, page))
	}
	created := ParseDate(htmlText(submatch(createdRE, page)))
	publishedText := htmlText(submatch(publishedRE, page))
	published := ParseDate(publishedText)
	d, basis := c.when(0, "created", created, DateExact)
	if d.IsZero() {
		d, basis = c.when(0, "published", published, DateExact)
	}
	if d.IsZero() {
		c.fileProblem("no creation or publication date found in the page; article kept as undated")
	}
	it := Item{
		ID:   datedID(KindArticle, d, created.Raw, title),
		Kind: KindArticle, Date: d, Basis: basis,
		Text: Snippet(firstNonEmpty(title, strings.TrimSuffix(path.Base(c.e.path), path.Ext(c.e.path)))),
		// A published article's title links to its page.
		URL: pageURL(html.UnescapeString(submatch(hrefRE, h1))),
	}
	// A draft says so ("Published on ---", "Not published yet"); a page
	// without a "published" paragraph says nothing either way.
	if publishedText != "" && published.Placeholder() {
		it.Flags = append(it.Flags, "draft")
	}
	c.add(it)
}

func submatch(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}
