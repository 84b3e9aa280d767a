package policy

import (
	"strings"
	"testing"
)

// The embedded policy cites no content farm and dates every copy it read.
func TestSourcesFitToCite(t *testing.T) {
	for _, problem := range Default().SourceProblems() {
		t.Error(problem)
	}
}

// The check catches what it is for: the first version cited content farms and recorded no
// access dates.
func TestSourceProblems(t *testing.T) {
	old, err := Embedded("2025-11-03")
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(old.SourceProblems(), "\n")
	for _, want := range []string{
		"source S36: url is on promo-sale.live, a content farm",
		"source S37: url is on vuink.com, a content farm",
		"source S1: no archived or accessed date",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the 2025-11-03 policy's problems lack %q:\n%s", want, all)
		}
	}

	base := string(embeddedYAML)
	const anchor = "  S1:\n"
	for name, c := range map[string]struct{ fields, want string }{
		"farm url":        {"    url: https://promo-sale.live/ai/1/x\n    accessed: \"2026-12-06\"\n", "source S0: url is on promo-sale.live, a content farm"},
		"farm subdomain":  {"    url: https://www.neuron.expert/news/x\n    accessed: \"2026-12-06\"\n", "source S0: url is on neuron.expert, a content farm"},
		"farm via":        {"    url: https://www.pcmag.com/news/x\n    via: http://vuink.com/post/x\n    accessed: \"2026-12-06\"\n", "source S0: via is on vuink.com, a content farm"},
		"no date of read": {"    url: https://www.pcmag.com/news/x\n", "source S0: no archived or accessed date"},
	} {
		t.Run(name, func(t *testing.T) {
			src := strings.Replace(base, anchor, "  S0:\n    title: T\n    publisher: P\n    date: \"2025\"\n"+c.fields+anchor, 1)
			p := loadString(t, src)
			got := p.SourceProblems()
			if len(got) != 1 || got[0] != c.want+strings.TrimPrefix(got[0], c.want) || !strings.HasPrefix(got[0], c.want) {
				t.Errorf("problems %q, want one starting %q", got, c.want)
			}
		})
	}
	// Look-alike hosts are not farms.
	for _, ok := range []string{"https://notparticle.news/x", "https://www.pcmag.com/x", "https://particle.news.example.org/x"} {
		if farm, bad := ContentFarm(ok); bad {
			t.Errorf("%s taken for %s", ok, farm)
		}
	}
	if _, bad := ContentFarm("https://www.particle.news/story/x"); !bad {
		t.Error("a subdomain of a farm is a farm")
	}
}
