package parse

import (
	"strconv"
	"strings"
	"testing"
)

// An item keeps the link to its own LinkedIn page where the export gives
// one, and only a link to a LinkedIn page over https: the report turns it
// into a link the member can follow, so anything else is dropped.
func TestItemURL(t *testing.T) {
	const share = "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001"
	const activity = "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7002"
	dir := writeFolder(t, map[string][]byte{
		"Shares.csv": lf("Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility",
			"2025-10-01 09:00:00,"+share+",A post,,,PUBLIC",
			"2025-10-02 09:00:00,javascript:alert(1),Not a page,,,PUBLIC",
			"2025-10-03 09:00:00,http://www.linkedin.com/feed/update/x,Not https,,,PUBLIC",
			"2025-10-04 09:00:00,https://www.linkedin.com.example.org/x,Another host,,,PUBLIC",
			"2025-10-05 09:00:00,,No link,,,PUBLIC"),
		"Comments.csv":       lf("Date,Link,Message", "2025-10-01 09:00:00,"+activity+",A comment"),
		"Reactions.csv":      lf("Date,Type,Link", "2025-10-01 09:00:00,LIKE,"+activity),
		"Votes.csv":          lf("Date,Link,OptionText", "2025-10-01 09:00:00,"+activity+",Yes"),
		"InstantReposts.csv": lf("Date,Link", "2025-10-01 09:00:00,"+activity),
		"Articles/Articles/a-title-k1.html": []byte(`<html><head><title>A title</title></head><body><h1><a href="https://www.linkedin.com/pulse/a-title-k1?x=1&amp;y=2">A title</a></h1>` +
			`<p class="created">Created on 2025-10-01 10:00</p></body></html>`),
		"Articles/Articles/draft.html": []byte(`<html><head><title>Draft</title></head><body><h1>Draft</h1><p class="created">Created on 2025-10-01 10:00</p></body></html>`),
	})
	x, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Shares.csv:2":                      share,
		"Shares.csv:3":                      "",
		"Shares.csv:4":                      "",
		"Shares.csv:5":                      "",
		"Shares.csv:6":                      "",
		"Comments.csv:2":                    activity,
		"Reactions.csv:2":                   activity,
		"Votes.csv:2":                       activity,
		"InstantReposts.csv:2":              activity,
		"Articles/Articles/a-title-k1.html": "https://www.linkedin.com/pulse/a-title-k1?x=1&y=2",
		"Articles/Articles/draft.html":      "",
	}
	got := map[string]string{}
	for _, it := range x.Items {
		key := it.File
		if it.Line > 0 {
			key += ":" + strconv.Itoa(it.Line)
		}
		got[key] = it.URL
	}
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: no item", k)
			continue
		}
		if g != w {
			t.Errorf("%s: URL %q, want %q", k, g, w)
		}
	}
}

// FuzzPageURL: the fast path of pageURL keeps only links url.Parse would
// keep (parsedPageURL); those it does not take go to url.Parse anyway, so
// pageURL keeps exactly what url.Parse alone would.
func FuzzPageURL(f *testing.F) {
	for _, s := range []string{
		"https://www.linkedin.com/feed/update/urn:li:activity:7002/",
		"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001",
		"https://www.linkedin.com/pulse/a-title-k1?x=1&y=2#top",
		"https://www.linkedin.com/in/x@y",
		"https://www.linkedin.com/%zz",
		"https://www.linkedin.com/[x]",
		"https://www.linkedin.com/feed/update/urn:li:activity:7002?x=%",
		" https://www.linkedin.com/a b",
		"https://www.linkedin.com.example.org/x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, link string) {
		link = strings.TrimSpace(link)
		if plainPageURL(link) && !parsedPageURL(link) {
			t.Errorf("the fast path keeps %q, which url.Parse refuses", link)
		}
	})
}
