package report

import (
	"strings"

	"exposure/parse"
	"exposure/policy"
)

// The item explorer: every item in scope or possibly in scope (the newest
// analysis.MaxListed of them), as compact JSON data that the page's script
// turns into a searchable, filterable, sorted and paged table. Only the
// rows of the page shown become HTML. The texts and links are data: the
// script writes them with textContent and href, never as markup, and
// links only to LinkedIn's pages.

// explorerView is the explorer's fixed words, written by the template.
type explorerView struct {
	Note, More string
	Empty      bool
}

// explorerData is the JSON block the explorer reads.
type explorerData struct {
	// Kinds, reasons, flag lists, files and link prefixes are listed once;
	// rows refer to them by index.
	Kinds    [][3]string `json:"kinds"`    // code, one item's name, the kind's name
	Outcomes [][2]string `json:"outcomes"` // code, label, by outcome
	Reasons  [][2]string `json:"reasons"`  // label, sentence
	Flags    []string    `json:"flags"`    // the labels of one item's flags, joined
	Files    []string    `json:"files"`
	Prefixes []string    `json:"prefixes"`
	// Rows: [day, kind, outcome, reason, text, prefix, rest of the link,
	// file, line, flags]; day is days since 1970-01-01 (UTC) or null,
	// prefix and flags are -1 for none.
	Rows   [][]any           `json:"rows"`
	Total  int               `json:"total"`
	Labels map[string]string `json:"labels"`
}

// urlPrefixes shorten the links of the explorer's rows: most share one.
var urlPrefixes = []string{
	"https://www.linkedin.com/feed/update/urn%3Ali%3A",
	"https://www.linkedin.com/feed/update/",
	"https://www.linkedin.com/pulse/",
	"https://www.linkedin.com/",
}

// explorerLabels are the texts the explorer's script writes.
var explorerLabels = []string{"x_showing", "x_none", "x_open", "x_page", "x_undated", "x_line"}

func explorer(r *result, lang string) (explorerView, *explorerData) {
	shown := r.Tally.Newest()
	total := r.Tally.Exposed
	v := explorerView{Empty: total == 0}
	if v.Empty {
		return v, nil
	}
	if r.Redact {
		v.Note = t(lang, "x_note_redacted")
	} else {
		v.Note = t(lang, "x_note")
	}
	if total > len(shown) {
		v.More = t(lang, "x_more", number(lang, len(shown)), number(lang, total))
	}
	d := &explorerData{Total: total, Labels: map[string]string{}, Prefixes: []string{}}
	if !r.Redact {
		d.Prefixes = urlPrefixes
	}
	for _, k := range explorerLabels {
		d.Labels[k] = t(lang, k)
	}
	for _, o := range []policy.Outcome{policy.InScope, policy.PossiblyInScope} {
		d.Outcomes = append(d.Outcomes, [2]string{o.String(), t(lang, "out_"+o.String())})
	}
	kinds := map[parse.Kind]int{}
	reasons := map[policy.Reason]int{}
	flags := map[string]int{}
	files := map[string]int{}
	index := func(m map[string]int, key string, add func()) int {
		i, ok := m[key]
		if !ok {
			i = len(m)
			m[key] = i
			add()
		}
		return i
	}
	for i := range shown {
		s := &shown[i]
		it := &s.Item
		var day any
		if !it.Date.IsZero() {
			day = it.Date.Unix() / 86400
		}
		k, ok := kinds[it.Kind]
		if !ok {
			k = len(kinds)
			kinds[it.Kind] = k
			d.Kinds = append(d.Kinds, [3]string{string(it.Kind), kindOne(lang, string(it.Kind)), kindName(lang, string(it.Kind))})
		}
		re, ok := reasons[s.Reason]
		if !ok {
			re = len(reasons)
			reasons[s.Reason] = re
			d.Reasons = append(d.Reasons, [2]string{reasonLabel(lang, s.Reason), reasonSentence(lang, s.Reason)})
		}
		fl := -1
		if labels := flagLabels(lang, it.Flags, s.Flags); labels != "" {
			fl = index(flags, labels, func() { d.Flags = append(d.Flags, labels) })
		}
		file := it.File
		if r.Redact {
			file = redactPath(file)
		}
		f := index(files, file, func() { d.Files = append(d.Files, file) })
		text, prefix, rest := "", -1, ""
		if !r.Redact {
			text = it.Text
			prefix, rest = splitURL(it.URL)
		}
		d.Rows = append(d.Rows, []any{day, k, int(s.Outcome), re, text, prefix, rest, f, it.Line, fl})
	}
	return v, d
}

// flagLabels joins the labels of an item's flags (the parser's, then the
// policy's), or "" when it has none.
func flagLabels(lang string, lists ...[]string) string {
	var out []string
	for _, l := range lists {
		for _, f := range l {
			if f != policy.FlagUndated { // the row says it has no date
				out = append(out, flagLabel(lang, f))
			}
		}
	}
	return strings.Join(out, " · ")
}

// splitURL cuts a link into the index of its prefix in urlPrefixes and the
// rest; a link to no LinkedIn page gives -1.
func splitURL(u string) (int, string) {
	if u == "" {
		return -1, ""
	}
	for i, p := range urlPrefixes {
		if strings.HasPrefix(u, p) {
			return i, u[len(p):]
		}
	}
	return -1, ""
}
