package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"exposure/parse"
	"exposure/policy"
)

// tstPayloads are texts that would run code, or break out of the page's
// structure, if any of them reached the page unescaped.
var tstPayloads = []string{
	`</script>`,
	`</SCRIPT >`,
	`<!--`,
	`__f__alert(1)__f__`,
	`__f__function(){alert(1)}__f__`,
	`<img src=x onerror=alert(1)>`,
	`"><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	"line\u2028separator",
	"paragraph\u2029separator",
}

// tstAllPayloads is every payload in one text.
var tstAllPayloads = strings.Join(tstPayloads, " ")

// tstFileSafe reports whether p can be part of a file name here.
func tstFileSafe(p string) bool {
	return !strings.ContainsAny(p, `/\`) && (runtime.GOOS != "windows" || !strings.ContainsAny(p, `<>:"|?*`))
}

// tstCSVRecords encodes rows as CSV.
func tstCSVRecords(t *testing.T, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// tstInjectionExport writes an export whose every free text is a payload:
// posts, comments, skills, message subjects, the profile, article titles;
// and files named with them: unknown files and article pages (which, being
// undated, also give a problem row each).
func tstInjectionExport(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), tstExportName)
	shares := [][]string{{"Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"}}
	comments := [][]string{{"Date", "Link", "Message"}}
	skills := [][]string{{"Name"}}
	messages := [][]string{{"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"}}
	files := map[string]string{
		"Registration.csv": "Registered At,Registration Ip,Subscription Types\n2015-03-02 10:00:00,192.0.2.1,\n",
	}
	for i, p := range tstPayloads {
		day := "2025-0" + string(rune('1'+i%9)) + "-1" + string(rune('0'+i%10)) + " 10:00:00"
		link := "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A" + string(rune('a'+i))
		shares = append(shares, []string{day, link, p, "", "", "PUBLIC"})
		comments = append(comments, []string{day, link, p})
		skills = append(skills, []string{p})
		messages = append(messages, []string{"c" + string(rune('a'+i)), p, p, "", p, "", day, p, p, "INBOX"})
		page := "<html><head><title>" + html.EscapeString(p) + "</title></head><body><h1>" + html.EscapeString(p) + "</h1></body></html>"
		if tstFileSafe(p) {
			files["Articles/Articles/"+p+".html"] = page
			files[p+".csv"] = "a,b\n1,2\n"
		} else {
			files["Articles/Articles/article-"+string(rune('a'+i))+".html"] = page
		}
	}
	files["Shares.csv"] = tstCSVRecords(t, shares)
	// Cells a spreadsheet would run, for the CSV output.
	for i, f := range []string{`=HYPERLINK("https://example.org","x")`, "+1+1", "-1+1", "@SUM(A1)"} {
		comments = append(comments, []string{"2025-10-2" + string(rune('0'+i)) + " 10:00:00", "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A9" + string(rune('0'+i)), f})
	}
	files["Comments.csv"] = tstCSVRecords(t, comments)
	files["Skills.csv"] = tstCSVRecords(t, skills)
	files["messages.csv"] = tstCSVRecords(t, messages)
	files["Profile.csv"] = tstCSVRecords(t, [][]string{
		{"First Name", "Last Name", "Headline", "Summary", "Geo Location"},
		{tstPayloads[0], tstPayloads[5], tstPayloads[0] + tstPayloads[5], tstAllPayloads, tstPayloads[6]},
	})
	tstWriteFiles(t, dir, files)
	return dir
}

// tstSwapTexts replaces, for the test, every sentence of the page (texts,
// kind and region names) by one that starts with every payload: the
// title, headings, series names and axis labels of the charts.
func tstSwapTexts(t *testing.T) {
	oldTexts, oldKinds, oldRegions := texts, kindNames, regionNames
	t.Cleanup(func() { texts, kindNames, regionNames = oldTexts, oldKinds, oldRegions })
	swap := func(m map[string]tr) map[string]tr {
		out := make(map[string]tr, len(m))
		for k, v := range m {
			out[k] = tr{tstAllPayloads + " " + v.en, tstAllPayloads + " " + v.fr}
		}
		return out
	}
	kinds := make(map[string]kindWord, len(oldKinds))
	for k, v := range oldKinds {
		v.manyEN, v.manyFR = tstAllPayloads+" "+v.manyEN, tstAllPayloads+" "+v.manyFR
		kinds[k] = v
	}
	texts, kindNames, regionNames = swap(oldTexts), kinds, swap(oldRegions)
}

// tstInjectionPolicy is the embedded policy with payloads in every text
// the page prints from it: its id, version and origin, the categories'
// names, notes and sources, and the assumptions.
func tstInjectionPolicy(t *testing.T) *policy.Policy {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "policy", "policy.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := policy.Load(f, tstAllPayloads)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// tstPoisonPolicy writes payloads into p's texts; the classification is
// done, so only what the page prints changes.
func tstPoisonPolicy(p *policy.Policy) {
	p.ID, p.Version = tstAllPayloads, tstAllPayloads
	for _, k := range parse.Kinds {
		c, ok := p.Category(string(k))
		if !ok {
			continue
		}
		c.Name += " " + tstAllPayloads
		c.Note += " " + tstAllPayloads
		for i := range c.Sources {
			s := &c.Sources[i]
			s.ID += tstAllPayloads
			s.Publisher += tstAllPayloads
			switch i % 3 {
			case 0:
				s.URL = "javascript:alert(1)"
			case 1:
				s.URL = `https://example.org/"><svg/onload=alert(1)>`
			}
		}
	}
	for i := range p.Assumptions {
		p.Assumptions[i].Note += " " + tstAllPayloads
		for k := range p.Assumptions[i].Sources {
			p.Assumptions[i].Sources[k].ID += tstAllPayloads
		}
	}
}

// tstNode is one piece of a page: a tag, a text, a comment or the content
// of a raw-text element (script, style, title, textarea).
type tstNode struct {
	kind  string // "tag", "end", "text", "raw", "comment", "doctype"
	name  string // tag name, lower case; for "raw", its element's
	attrs [][2]string
	text  string
}

// tstScan splits an HTML page the way a browser's tokenizer does, as far as
// the page's structure goes: enough to tell tags from text.
func tstScan(t *testing.T, page string) []tstNode {
	t.Helper()
	var out []tstNode
	isLetter := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	i := 0
	for i < len(page) {
		if page[i] != '<' {
			j := strings.IndexByte(page[i:], '<')
			if j < 0 {
				j = len(page) - i
			}
			out = append(out, tstNode{kind: "text", text: page[i : i+j]})
			i += j
			continue
		}
		rest := page[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			j := strings.Index(rest[4:], "-->")
			if j < 0 { // a browser's comment then runs to the end of the page
				out = append(out, tstNode{kind: "comment", text: rest[4:]})
				i = len(page)
				continue
			}
			out = append(out, tstNode{kind: "comment", text: rest[4 : 4+j]})
			i += 4 + j + 3
			continue
		case strings.HasPrefix(rest, "<!"):
			j := strings.IndexByte(rest, '>')
			out = append(out, tstNode{kind: "doctype", text: rest[:j+1]})
			i += j + 1
			continue
		case len(rest) > 1 && (isLetter(rest[1]) || rest[1] == '/' && len(rest) > 2 && isLetter(rest[2])):
		default: // a '<' that starts no tag is text
			out = append(out, tstNode{kind: "text", text: "<"})
			i++
			continue
		}
		n := tstNode{kind: "tag"}
		j := 1
		if rest[1] == '/' {
			n.kind, j = "end", 2
		}
		k := j
		for k < len(rest) && !strings.ContainsRune(" \t\n\f\r/>", rune(rest[k])) {
			k++
		}
		n.name = strings.ToLower(rest[j:k])
		for {
			for k < len(rest) && strings.ContainsRune(" \t\n\f\r/", rune(rest[k])) {
				k++
			}
			if k >= len(rest) {
				t.Fatalf("unterminated tag at %d", i)
			}
			if rest[k] == '>' {
				k++
				break
			}
			a := k
			for k < len(rest) && !strings.ContainsRune(" \t\n\f\r/>=", rune(rest[k])) {
				k++
			}
			name, value := strings.ToLower(rest[a:k]), ""
			if k < len(rest) && rest[k] == '=' {
				k++
				if q := rest[k]; q == '"' || q == '\'' {
					e := strings.IndexByte(rest[k+1:], q)
					if e < 0 {
						t.Fatalf("unterminated attribute at %d", i+k)
					}
					value, k = rest[k+1:k+1+e], k+1+e+1
				} else {
					v := k
					for k < len(rest) && !strings.ContainsRune(" \t\n\f\r>", rune(rest[k])) {
						k++
					}
					value = rest[v:k]
				}
			}
			n.attrs = append(n.attrs, [2]string{name, html.UnescapeString(value)})
		}
		out = append(out, n)
		i += k
		if n.kind == "tag" && (n.name == "script" || n.name == "style" || n.name == "title" || n.name == "textarea") {
			end := strings.Index(strings.ToLower(page[i:]), "</"+n.name)
			if end < 0 {
				t.Fatalf("<%s> at %d is never closed", n.name, i)
			}
			out = append(out, tstNode{kind: "raw", name: n.name, text: page[i : i+end]})
			i += end
		}
	}
	return out
}

// tstAllowedTags are the elements the page's template writes.
var tstAllowedTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "main": true, "footer": true, "section": true, "div": true, "p": true,
	"h1": true, "h2": true, "h3": true, "dl": true, "dt": true, "dd": true, "ul": true, "li": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"a": true, "span": true, "code": true, "script": true,
	"nav": true, "ol": true, "h4": true, "strong": true, "figure": true, "details": true, "summary": true,
	"caption": true, "label": true, "input": true, "select": true, "option": true, "button": true,
}

// tstCheckInert checks that page has only the template's own structure,
// whatever the texts it shows, and returns the chart options' JSON and
// the explorer's items' JSON one after the other.
func tstCheckInert(t *testing.T, page string) []byte {
	t.Helper()
	var chartJSON, itemJSON []byte
	scripts := 0
	for _, n := range tstScan(t, page) {
		switch n.kind {
		case "comment":
			t.Errorf("the page holds a comment %q: a <!-- got through", tstCut(n.text))
		case "tag", "end":
			if !tstAllowedTags[n.name] {
				t.Errorf("the page holds a <%s> element the template does not write", n.name)
			}
			for _, a := range n.attrs {
				if strings.HasPrefix(a[0], "on") {
					t.Errorf("<%s> has an event handler %s=%q", n.name, a[0], a[1])
				}
				if a[0] == "href" || a[0] == "src" || a[0] == "action" {
					u := strings.ToLower(strings.TrimSpace(a[1]))
					if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "#") {
						t.Errorf("<%s %s=%q>: only http(s) links are allowed", n.name, a[0], a[1])
					}
					if strings.ContainsAny(a[1], "\"<>") {
						t.Errorf("<%s %s=%q>: a link holds a quote or a tag", n.name, a[0], a[1])
					}
				}
			}
			if n.kind == "tag" && n.name == "script" {
				scripts++
			}
		case "text":
			if strings.ContainsAny(n.text, "<>") {
				t.Errorf("unescaped < or > in the page's text: %q", tstCut(n.text))
			}
		case "raw":
			switch n.name {
			case "title":
				if strings.ContainsAny(n.text, "<>") {
					t.Errorf("unescaped < or > in the title: %q", tstCut(n.text))
				}
			case "script":
				low := strings.ToLower(n.text)
				if strings.Contains(low, "<!--") || strings.Contains(low, "<script") || strings.Contains(low, "</") {
					t.Errorf("script %d holds <!--, <script or </: %q", scripts, tstCut(n.text))
				}
				switch scripts {
				case 1:
					chartJSON = []byte(n.text)
				case 2:
					itemJSON = []byte(n.text)
				case 3:
					if n.text != string(tstEChartsStub) {
						t.Errorf("the library's script holds %q, not the library", tstCut(n.text))
					}
				case 4:
					if n.text != bootJS {
						t.Errorf("the boot script holds %q, not the boot code", tstCut(n.text))
					}
				}
			}
		}
	}
	if scripts != 4 {
		t.Errorf("the page has %d <script> elements, want 4 (charts' data, items' data, library, boot)", scripts)
	}
	if n := strings.Count(strings.ToLower(page), "<script"); n != 4 {
		t.Errorf("the page holds %q %d times, want 4", "<script", n)
	}
	for _, bad := range []string{"<img", "<svg", "onerror=", "onload="} {
		if strings.Contains(strings.ToLower(tstOutsideText(t, page)), bad) {
			t.Errorf("the page's markup holds %q", bad)
		}
	}
	if chartJSON == nil || itemJSON == nil {
		t.Fatal("no chart or item data block found")
	}
	for _, block := range [][]byte{chartJSON, itemJSON} {
		for _, bad := range []string{"</", "<!--", "\u2028", "\u2029"} {
			if bytes.Contains(block, []byte(bad)) {
				t.Errorf("a data block holds a raw %q", bad)
			}
		}
	}
	var specs []map[string]any
	if err := json.Unmarshal(chartJSON, &specs); err != nil {
		t.Fatalf("the chart data is not JSON: %v\n%s", err, tstCut(string(chartJSON)))
	}
	if len(specs) == 0 {
		t.Errorf("no chart in the data")
	}
	var items any
	if err := json.Unmarshal(itemJSON, &items); err != nil {
		t.Fatalf("the item data is not JSON: %v\n%s", err, tstCut(string(itemJSON)))
	}
	return append(append(chartJSON, '\n'), itemJSON...)
}

// tstOutsideText is the page's markup only: tag and attribute names,
// without texts, raw-text contents or attribute values.
func tstOutsideText(t *testing.T, page string) string {
	var b strings.Builder
	for _, n := range tstScan(t, page) {
		if n.kind == "tag" || n.kind == "end" {
			b.WriteString("<" + n.name)
			for _, a := range n.attrs {
				b.WriteString(" " + a[0] + "=")
			}
			b.WriteString(">")
		}
	}
	return b.String()
}

// tstPageText is the text a reader sees (tags left out, references
// decoded), with the charts' data decoded and appended.
func tstPageText(t *testing.T, page string, chartJSON []byte) string {
	var b strings.Builder
	for _, n := range tstScan(t, page) {
		switch {
		case n.kind == "text" || n.kind == "raw" && n.name == "title":
			b.WriteString(html.UnescapeString(n.text))
		case n.kind == "tag" || n.kind == "end":
			b.WriteString(" ")
		}
	}
	dec := json.NewDecoder(bytes.NewReader(chartJSON))
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			break
		}
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				b.WriteString(" " + v)
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				for _, e := range v {
					walk(e)
				}
			}
		}
		walk(v)
	}
	return b.String()
}

// Every text path of the page, given texts that would run code or break
// out of their element, gives an inert page that still shows them.
func TestHTMLInjection(t *testing.T) {
	dir := tstInjectionExport(t)
	x := tstRead(t, dir)
	if len(x.Unknown) == 0 {
		t.Fatal("no unknown file was read: the files table would not be tested")
	}
	p := tstInjectionPolicy(t)
	r := tstAnalyse(x, p)
	tstPoisonPolicy(p)
	// A problem whose reason carries payloads, besides those of the
	// undated article pages (whose names are payloads).
	r.Export.Files[0].Problems = append(r.Export.Files[0].Problems, parse.Problem{File: r.Export.Files[0].Path, Line: 2, Reason: tstAllPayloads})
	tstSwapTexts(t)

	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			page := string(tstHTML(t, r, lang))
			chartJSON := tstCheckInert(t, page)
			if n := strings.Count(page, `class="chart"`); n != 5 {
				t.Errorf("%d charts on the page, want 5", n)
			}
			seen := tstPageText(t, page, chartJSON)
			for _, p := range tstPayloads {
				if !strings.Contains(seen, p) {
					t.Errorf("payload %q is not shown: it was dropped, not escaped", p)
				}
			}
			// Each text path, in its escaped form.
			esc := func(s string) string { return template.HTMLEscapeString(s) }
			for what, s := range map[string]string{
				"title":           "<title>" + esc(tstAllPayloads+" "+oldText(lang, "title")),
				"article file":    `<span class="path">Articles/Articles/` + esc(tstPayloads[5]) + ".html</span>",
				"unknown file":    "<li>" + esc(tstPayloads[6]) + ".csv (",
				"problem reason":  "<td>" + esc(tstAllPayloads) + "</td>",
				"problem file":    `<td class="path">Articles/Articles/` + esc(tstPayloads[7]) + `.html</td><td class="num">0</td>`,
				"category note":   esc(" "+tstAllPayloads) + ` <span class="cite">[`,
				"source link":     `href="#ZgotmplZ"`,
				"policy line":     esc(tstAllPayloads + ", version " + tstAllPayloads + " (" + tstAllPayloads + ")"),
				"assumption":      esc(tstAllPayloads) + ` <span class="cite">[`,
				"chart series":    `\u003c/script\u003e`,
				"chart separator": `\u2028`,
			} {
				if !strings.Contains(page, s) {
					t.Errorf("%s: %q not found in the page", what, tstCut(s))
				}
			}
			if !regexp.MustCompile(`>S[0-9]+` + regexp.QuoteMeta(esc(tstAllPayloads)) + "<").MatchString(page) {
				t.Error("source label: not found in the page")
			}
			// The explorer's rows hold the posts' and the profile's texts as data.
			items := tstExplorerData(t, page)
			texts := map[string]bool{}
			for _, row := range items.Rows {
				texts[row[4].(string)] = true
			}
			for what, s := range map[string]string{
				"post":    parse.Snippet(tstPayloads[6]),
				"profile": parse.Snippet(tstPayloads[0] + tstPayloads[5] + " — " + tstPayloads[6]),
			} {
				if !texts[s] {
					t.Errorf("%s: no explorer row with the text %q", what, s)
				}
			}
			if !strings.Contains(page, `href="https://example.org/%22%3e%3csvg/onload=alert`) {
				t.Error("a source URL with a quote and a tag is not percent-encoded in its href")
			}
		})
	}

	// The machine outputs keep the texts as data: JSON that parses back to
	// them, CSV whose cells are them (defused where a spreadsheet would run
	// them as a formula).
	var doc struct {
		Items []struct{ Text string } `json:"items"`
	}
	if err := json.Unmarshal(tstJSON(t, r), &doc); err != nil {
		t.Fatalf("JSON output: %v", err)
	}
	got := map[string]bool{}
	for _, it := range doc.Items {
		got[it.Text] = true
	}
	for _, p := range tstPayloads {
		if want := parse.Snippet(p); !got[want] {
			t.Errorf("JSON output: no item with text %q", want)
		}
	}
	recs, err := csv.NewReader(bytes.NewReader(tstCSV(t, r))).ReadAll()
	if err != nil {
		t.Fatalf("CSV output: %v", err)
	}
	for _, rec := range recs {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("CSV cell %q would be a formula", cell)
			}
		}
	}
}

// tstExplorerData reads the explorer's data block of a page.
func tstExplorerData(t *testing.T, page string) explorerData {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/json" id="exposure-items">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no explorer data block in the page")
	}
	var d explorerData
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatalf("the explorer data is not JSON: %v", err)
	}
	return d
}

// oldText is a sentence of the page as the test's swapped texts show it,
// without the payloads prefix.
func oldText(lang, key string) string {
	return strings.TrimPrefix(t(lang, key), tstAllPayloads+" ")
}

// The page's own scripts can hold no data and cannot be closed early: the
// library and the boot code hold no </script, <script or <!--, and the
// boot code revives no function from the data (go-echarts' __f__ markers
// mean nothing to it).
func TestHTMLScriptsInert(t *testing.T) {
	for name, js := range map[string]string{"echarts.min.js": string(echartsJS), "bootJS": bootJS} {
		low := strings.ToLower(js)
		for _, bad := range []string{"</script", "<script", "<!--"} {
			if strings.Contains(low, bad) {
				t.Errorf("%s holds %q: it would end or escape its <script> element", name, bad)
			}
		}
	}
	for _, bad := range []string{"__f__", "eval(", "Function(", "innerHTML", "setTimeout(\"", "import("} {
		if strings.Contains(bootJS, bad) {
			t.Errorf("the boot code uses %q: the charts' data must stay data", bad)
		}
	}
	if !strings.Contains(bootJS, "JSON.parse(") {
		t.Error("the boot code does not read the charts' data with JSON.parse")
	}
}
