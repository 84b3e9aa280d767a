package synth

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
)

var messagesHeader = []string{
	"CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
	"DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
}

type msg struct {
	from, fromURL, to, toURLs string
	subject, content, attach  string
	at                        time.Time
	draft                     bool
}

// convID returns a conversation id of the shape 2-<base64>== (§2.3).
func convID(r *rand.Rand) string {
	raw := fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x_%03d", r.Uint32(), r.Uint32()&0xffff, r.Uint32()&0xfff,
		0x8000|r.Uint32()&0x3fff, r.Uint64()&0xffffffffffff, pick(r, []int{10, 10, 100, 500}))
	return "2-" + base64.StdEncoding.EncodeToString([]byte(raw))
}

// firstConnectedBy returns the smallest k whose connection was made at or
// before t (connections are numbered newest first), or g.nConn if none.
func (g *gen) firstConnectedBy(t time.Time) int {
	return sort.Search(g.nConn, func(k int) bool { return !g.connectedOn(k).After(t) })
}

// displayed is how a participant appears in messages: closed accounts show
// as "LinkedIn Member" with no URL.
func displayed(p person) (name, url string) {
	if p.Hidden {
		return "LinkedIn Member", ""
	}
	return p.Name(), p.URL()
}

var groupTitles = []string{
	"Privacy Engineering Meetup Brussels – orga", "DPIA hôpital – coordination", "AI Act reading group",
	"Benelux DPO lunch", "Formation RGPD – planning",
}

var recruiterSubjects = []string{
	"Opportunity: Data Protection Officer (m/f/x) – Brussels",
	"Head of Privacy role at a European fintech",
	"Mission DPO externe – secteur public",
	"Your profile caught my attention",
}

// messageFiles writes messages.csv and the AI-assistant files (§2.3).
func (g *gen) messageFiles() {
	r := g.rng("messages.csv")
	f := g.create("messages.csv")
	f.rowQ(messagesHeader...)
	nConv := g.scaled(250)
	from, to := date(2009, 6, 1, 0, 0), g.now.Add(-3*time.Hour)
	var msgs []msg
	groups := 0
	for c := 0; c < nConv; c++ {
		end := spread(nConv-1-c, nConv, r.Float64(), from, to, 1.3)
		id, title, folder := convID(r), "", "INBOX"
		msgs = msgs[:0]
		switch x := r.Float64(); {
		case x < 0.04 && end.Year() >= 2015: // sponsored InMail
			sender := pick(r, []string{"Lena Hoffmann", "Orbis Cloud Services", "Julien Marchal"})
			subj := pick(r, []string{"Invitation: Privacy Engineering Summit 2026", "Free guide: AI governance in 5 steps", "Webinaire : le RGPD à l'ère de l'IA"})
			if chance(r, 0.5) {
				title = subj
			}
			msgs = append(msgs, msg{from: sender, to: me.Name(), toURLs: me.URL(), subject: subj, at: end,
				content: `<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p><p class="spinmail-quill-editor__spin-break">As a privacy leader, you are invited to join 300 peers for a day of talks &amp; workshops.</p><p class="spinmail-quill-editor__spin-break"><a href="https://events.example.com/pes26?utm_source=linkedin">Reserve your seat</a></p>`})
		case x < 0.065: // spam
			p := g.person(g.nConn + 20000 + r.IntN(1_000_000))
			folder = "SPAM"
			msgs = append(msgs, msg{from: p.Name(), fromURL: p.URL(), to: me.Name(), toURLs: me.URL(), at: end,
				content: pick(r, []string{"Dear friend, I have a very profitable crypto opportunity for you!!!", "Congratulations! You have been selected for an exclusive investment program."})})
		case x < 0.115: // recruiter InMail
			p := g.person(g.nConn + 40000 + r.IntN(1_000_000))
			subj := pick(r, recruiterSubjects)
			n := 1 + r.IntN(3)
			t := end
			for j := n - 1; j >= 0; j-- {
				m := msg{at: t}
				if j == 0 {
					m.from, m.fromURL, m.to, m.toURLs, m.subject = p.Name(), p.URL(), me.Name(), me.URL(), subj
					m.content = "Hi Élise,\n\nI am recruiting for a client who needs an experienced DPO. Your background looks like a great fit.\n\nWould you be open to a quick call this week?\n\nKind regards,\n" + p.First
				} else if j%2 == 1 {
					m.from, m.fromURL, m.to, m.toURLs = me.Name(), me.URL(), p.Name(), p.URL()
					m.content = pick(r, []string{"Thanks for reaching out. I'm not looking for a permanent role, but happy to discuss a consulting mandate.", "Merci, mais je ne suis pas à l'écoute du marché pour le moment."})
				} else {
					m.from, m.fromURL, m.to, m.toURLs = p.Name(), p.URL(), me.Name(), me.URL()
					m.content = "Understood, thanks for the quick answer!"
				}
				msgs = append(msgs, m)
				t = t.Add(-time.Duration(1+r.IntN(48)) * time.Hour)
			}
		case x < 0.165: // group conversation
			title = groupTitles[groups%len(groupTitles)]
			ps := []person{g.person(r.IntN(min(g.nConn, 300))), g.person(r.IntN(min(g.nConn, 300)))}
			if groups == 0 {
				ps[0] = specialPeople[5]
			}
			if chance(r, 0.5) {
				ps = append(ps, g.person(r.IntN(g.nConn)))
			}
			groups++
			g.groupMessages(r, &msgs, ps, end)
		default: // one-to-one
			kmin := g.firstConnectedBy(end)
			var p person
			if kmin < g.nConn {
				p = g.person(kmin + r.IntN(g.nConn-kmin))
			} else {
				p = g.person(g.nConn + 60000 + r.IntN(1_000_000))
			}
			if chance(r, 0.15) {
				folder = "ARCHIVE"
			}
			g.directMessages(r, &msgs, p, end)
		}
		for _, m := range msgs {
			draft := "No"
			if m.draft {
				draft = "Yes"
			}
			f.rowQ(id, title, m.from, m.fromURL, m.to, m.toURLs, m.at.Format(fISOZ), m.subject, m.content, folder, m.attach, draft, "No")
		}
	}
	// Drafts of new conversations: no id, no recipient, no folder.
	for i, text := range []string{
		"Bonjour,\n\nSuite à notre échange, voici",
		"Hi! Quick question about the DPIA template you shared –",
		"Thanks again for",
	} {
		at := g.now.Add(-time.Duration(30+i*200) * time.Hour).Truncate(time.Second)
		f.rowQ("", "", me.Name(), me.URL(), "", "", at.Format(fISOZ), "", text, "", "", "Yes", "Yes")
	}
	f.close()

	g.aiConversations()
}

// directMessages appends a one-to-one conversation with p, newest first.
func (g *gen) directMessages(r *rand.Rand, msgs *[]msg, p person, end time.Time) {
	name, url := displayed(p)
	fr := chance(r, 0.45)
	n := 1 + r.IntN(3) // a short exchange
	if chance(r, 0.8) {
		n = 6 + r.IntN(26)
	}
	t := end
	mine := r.IntN(2) == 0
	for j := 0; j < n && t.After(g.since); j++ {
		m := msg{at: t}
		if mine {
			m.from, m.fromURL, m.to, m.toURLs = me.Name(), me.URL(), name, url
			m.content = message(r, p.First, me.First, fr)
			if j == 0 && chance(r, 0.04) {
				m.draft = true
				m.content = strings.TrimSuffix(m.content, ".") + " –"
			}
		} else {
			m.from, m.fromURL, m.to, m.toURLs = name, url, me.Name(), me.URL()
			m.content = message(r, me.First, p.First, fr)
		}
		if chance(r, 0.02) {
			m.attach = attachmentURL(r, t)
			if chance(r, 0.3) {
				m.attach += "," + attachmentURL(r, t)
			}
		}
		*msgs = append(*msgs, m)
		if chance(r, 0.6) {
			mine = !mine
		}
		t = t.Add(-gap(r))
	}
}

// groupMessages appends a group conversation with ps, newest first. TO joins
// names with ", " and RECIPIENT PROFILE URLS joins URLs with "," (Q19).
func (g *gen) groupMessages(r *rand.Rand, msgs *[]msg, ps []person, end time.Time) {
	all := append([]person{me}, ps...)
	n := 4 + r.IntN(20)
	t := end
	for j := 0; j < n && t.After(g.since); j++ {
		s := r.IntN(len(all))
		var to, urls []string
		for i, p := range all {
			if i != s {
				nm, u := displayed(p)
				to = append(to, nm)
				if u != "" {
					urls = append(urls, u)
				}
			}
		}
		fn, fu := displayed(all[s])
		*msgs = append(*msgs, msg{from: fn, fromURL: fu, to: strings.Join(to, ", "), toURLs: strings.Join(urls, ","),
			at: t, content: message(r, "all", all[s].First, chance(r, 0.5))})
		t = t.Add(-gap(r))
	}
}

// gap is the time between two messages of a conversation.
func gap(r *rand.Rand) time.Duration {
	switch x := r.Float64(); {
	case x < 0.6:
		return time.Duration(1+r.IntN(90))*time.Minute + time.Duration(r.IntN(60))*time.Second
	case x < 0.9:
		return time.Duration(1+r.IntN(30))*time.Hour + time.Duration(r.IntN(3600))*time.Second
	default:
		return time.Duration(1+r.IntN(60))*24*time.Hour + time.Duration(r.IntN(86400))*time.Second
	}
}

func attachmentURL(r *rand.Rand, t time.Time) string {
	return fmt.Sprintf("https://www.linkedin.com/dms/prv/image/v2/D4E06AQ%s/messaging-attachmentFile/0/%d?m=AQ%s&ne=1&v=beta&t=%s",
		token(r, 14), t.UnixMilli(), token(r, 10), token(r, 20))
}

const tokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// token returns n random URL-safe characters.
func token(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = tokenChars[r.IntN(len(tokenChars))]
	}
	return string(b)
}

// aiConversations writes the AI-assistant message files (§2.3, Q8).
func (g *gen) aiConversations() {
	base := messagesHeader[:10]

	type turn struct {
		ai   bool
		text string
	}
	write := func(name, title string, convs [][]turn, starts []time.Time) {
		f, r := g.open(name, base...)
		for c, turns := range convs {
			id := convID(r)
			// Newest first within a conversation.
			times := make([]time.Time, len(turns))
			t := starts[c]
			for i := range turns {
				times[i] = t
				t = t.Add(time.Duration(20+r.IntN(200)) * time.Second)
			}
			for i := len(turns) - 1; i >= 0; i-- {
				tu := turns[i]
				at := times[i].Format(fISOZ)
				if tu.ai {
					f.row(id, title, "", "", me.Name(), me.URL(), at, "", tu.text, "INBOX")
				} else {
					f.row(id, title, me.Name(), me.URL(), "", "", at, "", tu.text, "INBOX")
				}
			}
		}
		f.close()
	}

	write("coach_messages.csv", "", [][]turn{
		{
			{false, "How should I position my profile for AI governance roles?"},
			{true, "Lead with outcomes: the AI inventories and risk classifications you delivered. Then add the AI Act and ISO/IEC 42001 to your skills, and mention the public-sector project in your About section."},
			{false, "Can you suggest a shorter headline?"},
			{true, ""},
			{true, "Data Protection & AI Governance Consultant | GDPR · AI Act | Brussels"},
		},
		{
			{false, "Prépare-moi aux questions d'un entretien pour un poste de DPO groupe."},
			{true, "Voici cinq questions fréquentes :\n1. Comment priorisez-vous les risques ?\n2. Racontez une violation de données que vous avez gérée.\n3. Comment travaillez-vous avec la sécurité ?\n4. Comment formez-vous les équipes ?\n5. Quelle est votre approche de l'IA générative ?"},
			{false, "Merci, et pour la question 2 ?"},
			{true, "Utilisez la méthode STAR : situation, tâche, action, résultat. Citez le délai de 72 heures et ce que vous avez amélioré ensuite."},
		},
	}, []time.Time{date(2025, 6, 3, 19, 12), date(2026, 1, 20, 7, 41)})

	write("learning_coach_messages.csv", "Learning Coach Conversation", [][]turn{
		{
			{false, "Which course should I take to understand model evaluation?"},
			{true, "Try [Evaluating AI Models for Non-Engineers](https://www.linkedin.com/learning/evaluating-ai-models-for-non-engineers) and then [Responsible AI Foundations](https://www.linkedin.com/learning/responsible-ai-foundations)."},
			{false, "Thanks! Anything shorter, under an hour?"},
			{true, "[AI Risk in 45 Minutes](https://www.linkedin.com/learning/ai-risk-in-45-minutes) covers the essentials."},
		},
	}, []time.Time{date(2026, 3, 8, 21, 4)})

	for _, name := range []string{"guide_messages.csv", "learning_role_play_messages.csv"} {
		f := g.create(name)
		f.row(base...)
		f.close()
	}

	f := g.create("LearningCoachMessages.csv")
	f.raw("No conversations found")
	f.raw("")
	f.raw("")
	f.close()
}
