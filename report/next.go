package report

import (
	"slices"
	"strings"

	"exposure/policy"
)

// What the member can do next, for their state. Each step is one line of
// nextSteps: when it applies, and its links; its words are the texts
// "step_"+id (and "link_"+label for each link's words). Adding a step is
// adding a line here and its sentence in texts.

// nextStep is one piece of advice.
type nextStep struct {
	id    string
	when  func(s situation, region string) bool
	links []stepLink
}

// stepLink is a link of a step: its words (texts "link_"+label) and
// where it goes. An address starting with "#" is a place on the page.
type stepLink struct{ label, url string }

// The places a step links to.
const (
	urlSetting   = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
	urlObjection = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"
	urlActivity  = "https://www.linkedin.com/in/me/recent-activity/all/"
	urlEDPB      = "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en"
	urlDPC       = "https://www.dataprotection.ie/"
	urlICO       = "https://ico.org.uk/make-a-complaint/"
	urlOPC       = "https://www.priv.gc.ca/en/report-a-concern/"
	urlPCPD      = "https://www.pcpd.org.hk/english/complaints/"
)

func always(situation, string) bool { return true }

func inRegion(codes ...string) func(situation, string) bool {
	return func(_ situation, region string) bool { return slices.Contains(codes, region) }
}

var nextSteps = []nextStep{
	{"setting", func(s situation, _ string) bool { return !s.setting }, []stepLink{{"setting", urlSetting}}},
	{"setting_check", func(s situation, _ string) bool { return s.setting }, []stepLink{{"setting", urlSetting}}},
	{"delete", func(s situation, _ string) bool { return s.content > 0 }, []stepLink{{"explore_content", "#explore-content"}, {"activity", urlActivity}}},
	{"form", func(s situation, _ string) bool { return !s.objected }, []stepLink{{"form", urlObjection}}},
	{"art21", func(s situation, region string) bool { return !s.objected && inRegion("EU", "UK")(s, region) }, nil},
	{"erasure", inRegion("EU", "UK"), nil},
	{"authority_eu", inRegion("EU"), []stepLink{{"edpb", urlEDPB}, {"dpc", urlDPC}}},
	{"authority_uk", inRegion("UK"), []stepLink{{"ico", urlICO}}},
	{"authority_ca", inRegion("CA"), []stepLink{{"opc", urlOPC}}},
	{"authority_hk", inRegion("HK"), []stepLink{{"pcpd", urlPCPD}}},
	// Sharing with Microsoft for ads is not training, and has a setting of
	// its own: named where it is offered, and said absent where it is not.
	{"ads", func(s situation, _ string) bool { return s.ads != nil && s.adsOffered }, []stepLink{{"ads", adsURL}}},
	{"ads_elsewhere", func(s situation, _ string) bool { return s.ads != nil && !s.adsOffered }, []stepLink{{"ads", adsURL}}},
	{"compare", always, nil},
}

// adsURL stands for the address of the policy's ads-sharing control.
const adsURL = "policy:ads_data_sharing"

// stepView is a step as the page shows it.
type stepView struct {
	Text  string
	Links []linkView
	// Items: for the step that deletes content, the newest exposed posts,
	// comments and articles, each linked to its page.
	Items []stepItem
}

type linkView struct{ Text, URL string }

type stepItem struct{ Date, Kind, Text, URL string }

// maxStepItems is how many posts the deletion step lists; the explorer
// holds them all.
const maxStepItems = 5

func steps(lang string, r *result, s situation) []stepView {
	var out []stepView
	for _, st := range nextSteps {
		if !st.when(s, r.Member.Region) {
			continue
		}
		v := stepView{Text: t(lang, "step_"+st.id)}
		if s.ads != nil && (st.id == "ads" || st.id == "ads_elsewhere") {
			// The menu path, without the policy's note on where it comes from.
			path, _, _ := strings.Cut(s.ads.Path, " (")
			v.Text = t(lang, "step_"+st.id, path)
		}
		if st.id == "delete" {
			v.Text = tn(lang, "step_delete", s.content, number(lang, s.content))
			if !r.Redact {
				v.Items = contentToDelete(lang, r)
			}
		}
		for _, l := range st.links {
			url := l.url
			if url == adsURL {
				url = s.ads.URL
			}
			v.Links = append(v.Links, linkView{Text: t(lang, "link_"+l.label), URL: url})
		}
		out = append(out, v)
	}
	return out
}

// contentToDelete is the newest exposed posts, comments and articles
// that have a page on LinkedIn.
func contentToDelete(lang string, r *result) []stepItem {
	var out []stepItem
	for _, it := range r.Tally.Newest() {
		if len(out) == maxStepItems {
			break
		}
		if !slices.Contains(contentKinds, it.Item.Kind) || it.Item.URL == "" || it.Outcome != policy.InScope && it.Outcome != policy.PossiblyInScope {
			continue
		}
		out = append(out, stepItem{Date: dateText(lang, it.Item.Date), Kind: kindOne(lang, string(it.Item.Kind)), Text: it.Item.Text, URL: it.Item.URL})
	}
	return out
}
