package policy

import (
	"fmt"
	"net/url"
	"strings"
)

// contentFarms are hosts that republish other sites' articles (scraped, rewritten, or behind
// an obfuscated path) or AI-written summaries of them. A source read there is not the text it
// names: cite the original, or a primary text, instead. The list holds the hosts met while
// building this policy; it is checked against every source's url and via.
var contentFarms = []string{
	"promo-sale.live",          // PCMag copies
	"vuink.com",                // The Register under ROT13 paths
	"aitechnobyte.com",         // TechCrunch copies
	"techpulse.top",            // rewritten news
	"technovate.top",           // rewritten news
	"toolz.website",            // rewritten news
	"particle.news",            // AI summaries of news
	"neuron.expert",            // AI summaries of news
	"ainews247.org",            // AI summaries of news
	"therealistjuggernaut.com", // rewritten news
	"hongkongnewstv.com",       // rewritten news
	"dolcelauda.com",           // copies of the Garante's texts in a shop's blog
	"pathoyeastract.org",       // copies of LinkedIn's help pages on an unrelated domain
	"e-signaturehome.com",      // copies of LinkedIn's help pages on an unrelated domain
	"4565v3.cn",                // copies of the Law Society Gazette
	"sipoch.com",               // translated copies of press articles
}

// ContentFarm reports whether the address is on a host of the content-farm list (or one of
// its subdomains), and which.
func ContentFarm(address string) (string, bool) {
	u, err := url.Parse(address)
	if err != nil {
		return "", false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for _, farm := range contentFarms {
		if host == farm || strings.HasSuffix(host, "."+farm) {
			return farm, true
		}
	}
	return "", false
}

// SourceProblems lists what makes a source of the policy unfit to cite: an address (url or
// via) on a content farm, or no record of when the copy was read or archived. The loader
// accepts such sources, so that earlier versions and other files still load; the embedded
// policy must have none (the package's tests check).
func (p *Policy) SourceProblems() []string {
	var out []string
	for _, s := range p.Sources {
		for _, a := range []struct{ field, addr string }{{"url", s.URL}, {"via", s.Via}} {
			if a.addr == "" {
				continue
			}
			if farm, bad := ContentFarm(a.addr); bad {
				out = append(out, fmt.Sprintf("source %s: %s is on %s, a content farm; cite the original or a primary text", s.ID, a.field, farm))
			}
		}
		if s.Archived == "" && s.Accessed == "" {
			out = append(out, fmt.Sprintf("source %s: no archived or accessed date (when was this copy read?)", s.ID))
		}
	}
	return out
}
