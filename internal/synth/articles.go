package synth

import (
	"html"
	"net/url"
	"strings"
	"time"
)

// articleStyle stands in for the large inline style block of real article
// files (§2.5). Every page carries the same block; it is written on one
// line, like the rest of the page, so that the sample's pages do not repeat
// the same ten lines each.
var articleStyle = "<style>" + strings.Join([]string{
	`body { font-family: -apple-system, system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; max-width: 744px; margin: 40px auto; padding: 0 16px; color: rgba(0,0,0,.9); line-height: 1.5; }`,
	"h1 { font-size: 32px; line-height: 1.25; margin: 0 0 16px; }",
	"h1 a { color: inherit; text-decoration: none; }",
	"p.created, p.published { color: rgba(0,0,0,.6); font-size: 14px; margin: 0; }",
	"div { margin-top: 24px; font-size: 18px; }",
	"div p { margin: 0 0 20px; }",
	"ul { margin: 0 0 20px 24px; padding: 0; }",
	"li { margin-bottom: 8px; }",
	"strong { font-weight: 600; }",
	"img { max-width: 100%; }",
}, " ") + "</style>"

type article struct {
	title     string
	slug      string // empty for drafts
	created   time.Time
	published time.Time // zero for drafts
	body      []string  // paragraphs; a paragraph starting with "- " lines is a list
}

var articleList = []article{
	{
		title:     "Privacy by design in a team of five: habits that stick",
		slug:      "privacy-design-team-five-habits-stick-elise-vandermeulen-k3x9q",
		created:   date(2024, 3, 11, 9, 12),
		published: date(2024, 3, 12, 8, 0),
		body: []string{
			"Small teams rarely have a privacy engineer. They have a developer who cares, a founder who is busy, and a <strong>deadline</strong>.",
			"Over the last three years I worked with a dozen such teams. The habits that stuck were never the big ones.",
			"- Write the purpose of each new field in the pull request.\n- Delete test data every Friday.\n- Keep a one-page record of processing next to the code.",
			"None of this needs a tool. It needs a ritual, and someone who notices when it is skipped.",
		},
	},
	{
		title:     "RGPD et IA générative : ce qui change le 3 novembre",
		slug:      "rgpd-et-ia-générative-ce-qui-change-le-3-novembre-vandermeulen-p7mz2",
		created:   date(2025, 10, 20, 17, 45),
		published: date(2025, 10, 21, 7, 30),
		body: []string{
			"À partir du 3 novembre, certaines données des membres européens pourront servir à entraîner des modèles génératifs.",
			"Ce qu'il faut retenir :",
			"- le paramètre se trouve dans « Confidentialité des données » ;\n- l'opposition n'est pas rétroactive ;\n- les messages privés ne sont pas concernés, selon la plateforme.",
			"Mon conseil : décidez en connaissance de cause, et notez la date de votre choix.",
		},
	},
	{
		title:     "What the AI Act means for your DPO in 2026",
		slug:      "what-ai-act-means-your-dpo-2026-elise-vandermeulen-w2d8r",
		created:   date(2026, 1, 13, 20, 3),
		published: date(2026, 1, 14, 8, 15),
		body: []string{
			"The AI Act does not create a new DPO. It does create new questions your DPO will be asked.",
			"Start with an inventory of AI systems, classify them, and reuse your DPIA process where you can.<br>Do not build a second bureaucracy.",
			"- Who decided to deploy this system?\n- What data trained it, and can we say so?\n- Who monitors it after go-live?",
		},
	},
	{
		title:   "Consent fatigue – notes from the field",
		created: date(2026, 9, 2, 21, 14),
		body: []string{
			"Draft. Users click \"accept\" because they are tired, not because they agree.",
			"Ideas: fewer banners, better defaults, one settings page. Ask the UX team for data.",
		},
	},
}

// articles writes Articles/Articles/*.html: published articles are named by
// their pulse slug, drafts by their creation time and title (§2.5).
func (g *gen) articles() {
	for _, a := range articleList {
		if !a.published.IsZero() && a.published.After(g.now) || a.created.After(g.now) {
			continue
		}
		name := a.slug
		if a.slug == "" {
			name = strings.ReplaceAll(a.created.Add(7*time.Second).Format("2006-01-02 15:04:05"), ":", "_") + ".0-" + a.title
		}
		f := g.create("Articles/Articles/" + name + ".html")
		var b strings.Builder
		b.WriteString("<html><head><title>" + html.EscapeString(a.title) + "</title><meta charset=\"UTF-8\">" + articleStyle + "</head><body>")
		if a.slug != "" {
			b.WriteString(`<h1><a href="https://www.linkedin.com/pulse/` + url.PathEscape(a.slug) + `">` + html.EscapeString(a.title) + "</a></h1>")
		} else {
			b.WriteString("<h1>" + html.EscapeString(a.title) + "</h1>")
		}
		b.WriteString(`<p class="created">Created on ` + a.created.Format(fART) + "</p>")
		if a.slug != "" {
			b.WriteString(`<p class="published">Published on ` + a.published.Format(fART) + "</p>")
		} else {
			b.WriteString(`<p class="published">Published on ---</p>`)
		}
		b.WriteString("<div>")
		for _, p := range a.body {
			if strings.HasPrefix(p, "- ") {
				b.WriteString("<ul>")
				for _, li := range strings.Split(p, "\n") {
					b.WriteString("<li>" + strings.TrimPrefix(li, "- ") + "</li>")
				}
				b.WriteString("</ul>")
				continue
			}
			b.WriteString("<p>" + p + "</p>")
		}
		b.WriteString("</div></body></html>")
		f.bytes([]byte(b.String()))
		f.close()
	}
}
