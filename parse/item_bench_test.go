package parse

import (
	"strings"
	"testing"
)

// BenchmarkContentID measures contentID on keys shaped like the ones the
// hottest files give it (messages.csv and Reactions.csv make most of the
// items of a large export):
//
//	go test ./parse -run '^$' -bench ContentID -benchmem
//
// The bytes per op are those of the keys, so MB/s compares across key sets.
func BenchmarkContentID(b *testing.B) {
	cases := []struct {
		name string
		kind Kind
		keys []string
	}{
		{"message", KindMessage, []string{
			"2-NDA1MWY0ZDYtZDk2Yi00ZTNkLTk1NDUtMjdiMjIzMDg1MTFkXzAxMA==",
			"Marc-Antoine Dubois, PhD",
			benchMessageText(),
			"2024-05-01 10:00:00",
		}},
		{"reaction", KindReaction, []string{
			"LIKE",
			"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7193456789012345678?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7193456789012345678%2C7193467890123456789%29",
			"2024-05-01 10:00:00",
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			n := len(c.kind)
			for _, k := range c.keys {
				n += len(k)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				contentID(c.kind, c.keys...)
			}
		})
	}
}

// benchMessageText is a 300-byte message in French with accents, capitals,
// line breaks (CR LF, as 2026 exports keep them) and a double space.
func benchMessageText() string {
	s := "Bonjour Élise,\r\n\r\nMerci pour la présentation d'hier soir à Bruxelles : " +
		"les exemples sur la minimisation des données étaient très parlants.  " +
		"Est-ce que tu pourrais m'envoyer les diapositives ? Je voudrais les " +
		"partager avec l'équipe Conformité RGPD.\r\n\r\nÀ bientôt,\r\nMarc-Antoine"
	for len(s) < 300 {
		s += " Merci encore !"
	}
	return s[:strings.LastIndexByte(s[:300], ' ')] // whole words, about 300 bytes
}
