package synth

import (
	"math/rand/v2"
	"strings"
)

// All text below is invented for this generator.

var emoji = []string{"🔐", "📌", "👉", "✅", "🚀", "🙏", "💡", "📣", "🇧🇪", "🇪🇺", "⚖️", "🤖", "☕", "🎤", "📚", "🧭", "🔎"}

var postOpenEN = []string{
	"Three years into running a DPO-as-a-service practice, one lesson keeps coming back.",
	"Quick thread on records of processing, because I got the same question four times this week.",
	"We just wrapped up a DPIA for a mid-size hospital and I want to share what surprised us.",
	"Unpopular opinion: most cookie banners are a UX problem before they are a legal one.",
	"Back from the Privacy Engineering meetup in Brussels. Full room, great questions.",
	"A client asked me today whether their chatbot logs are personal data. Short answer: yes.",
	"Small reminder before the long weekend: test your breach notification workflow.",
	"I keep seeing \"anonymised\" datasets that are merely pseudonymised.",
	"New article is out: what privacy by design looks like in a team of five.",
	"Happy to share that I am speaking at the Benelux Data Protection Day next month.",
	"Training day with a logistics company: 40 people, zero slides, lots of real cases.",
	"The AI Act timeline is confusing, so here is the version I use with clients.",
	"Data minimisation is not about collecting nothing. It is about knowing why.",
	"A reader asked how I prepare for a supervisory authority inspection.",
	"Some personal news: Atelier Conformité is hiring a junior consultant.",
	"If your retention policy fits on one page, you are probably doing it right.",
	"Spent the morning mapping data flows on a whiteboard. Still the best tool.",
	"Your vendor list is your real data map. Start there.",
}

var postOpenFR = []string{
	"Petit retour d'expérience après une semaine d'audits RGPD dans le secteur de la santé.",
	"On me demande souvent par où commencer un registre des traitements.",
	"Ce matin, atelier sur l'analyse d'impact avec une équipe produit très motivée.",
	"Rappel utile : une violation de données se notifie dans les 72 heures.",
	"Le consentement n'est pas une case à cocher, c'est une relation de confiance.",
	"Très heureuse d'intervenir à la journée « Données & Éthique » à Namur.",
	"Quelques réflexions sur l'IA générative et la protection des données personnelles.",
	"Nouveau mois, nouvelle formation : cette fois pour des délégués à la protection des données.",
	"On parle beaucoup de l'AI Act, mais le RGPD s'applique déjà à vos modèles.",
	"Question du jour d'un client : peut-on garder des CV pendant cinq ans ?",
	"Belle conférence hier soir à Bruxelles sur la souveraineté numérique.",
	"Vos sous-traitants sont-ils vraiment à jour de leurs obligations ?",
	"Je partage ici ma check-list pour préparer un contrôle de l'autorité.",
	"Trois erreurs fréquentes dans les politiques de confidentialité.",
	"Après quinze ans dans la protection des données, je reste optimiste.",
	"Le privacy by design commence dès le premier croquis du produit.",
}

var postBodyEN = []string{
	"Most of the effort was not legal at all: it was finding out who actually owns each system.",
	"Documentation is boring until the day an authority asks for it.",
	"The best DPIAs I have seen were written with the engineers, not for them.",
	"Ask what would break if you deleted the data tomorrow. The answer tells you the purpose.",
	"Legitimate interest is a balancing test, not a magic word.",
	"Pseudonymised data is still personal data, even if it feels safer.",
	"We replaced a 60-page policy with a two-page guide and a short video. Adoption tripled.",
	"Your logs, backups and test environments count too.",
	"None of this requires an expensive tool. A spreadsheet and discipline go a long way.",
	"Transparency notices should be readable on a phone, in under two minutes.",
	"Subject access requests are a great health check for your data map.",
	"Training only works when people recognise their own daily tasks in it.",
	"Vendors will happily say they are compliant. Ask for the sub-processor list.",
	"Opt-out settings change. Check them again after every policy update.",
}

var postBodyFR = []string{
	"La plupart du travail n'était pas juridique : il fallait surtout savoir qui gère quoi.",
	"La documentation paraît ennuyeuse, jusqu'au jour où l'autorité la demande.",
	"Les meilleures analyses d'impact sont écrites avec les développeurs, pas pour eux.",
	"Demandez-vous ce qui se passerait si vous supprimiez ces données demain.",
	"L'intérêt légitime suppose une vraie mise en balance, pas une formule magique.",
	"Des données pseudonymisées restent des données personnelles.",
	"Nous avons remplacé une politique de 60 pages par un guide de deux pages. Résultat : enfin lu !",
	"Pensez aussi aux journaux, aux sauvegardes et aux environnements de test.",
	"Un tableur et un peu de rigueur valent mieux qu'un outil hors de prix.",
	"Une notice d'information doit se lire sur un téléphone, en deux minutes.",
	"Les demandes d'accès sont un excellent test pour votre cartographie.",
	"Les paramètres de confidentialité changent : vérifiez-les après chaque mise à jour.",
}

var listEN = []string{
	"map your processing activities", "name an owner for every system", "review retention periods",
	"check your processor contracts", "test the breach procedure", "train the front line first",
	"write the DPIA before the code", "keep a decision log", "ask the vendor for evidence",
}

var listFR = []string{
	"cartographier les traitements", "désigner un responsable par système", "revoir les durées de conservation",
	"vérifier les contrats de sous-traitance", "tester la procédure de violation", "former d'abord le terrain",
	"rédiger l'AIPD avant le code", "tenir un journal des décisions",
}

var postCloseEN = []string{
	"What would you add?", "Curious how others handle this.", "Happy to compare notes in the comments.",
	"Thanks to everyone who joined!", "Slides are available on request.", "More on this soon.",
}

var postCloseFR = []string{
	"Et vous, qu'en pensez-vous ?", "Vos retours m'intéressent !", "Merci à toutes et à tous pour l'accueil.",
	"Les supports sont disponibles sur demande.", "La suite bientôt.", "À vos commentaires 👇",
}

var hashtagsEN = []string{"#privacy", "#GDPR", "#dataprotection", "#AIAct", "#privacybydesign", "#compliance", "#infosec", "#DPO", "#Brussels"}
var hashtagsFR = []string{"#RGPD", "#protectiondesdonnées", "#vieprivée", "#conformité", "#IA", "#DPO", "#Bruxelles", "#cybersécurité"}

// post writes an invented post; French about 45% of the time. Paragraphs are
// separated by blank lines, list items by single line breaks.
func post(r *rand.Rand) string {
	fr := chance(r, 0.45)
	open, body, list, closing, tags := postOpenEN, postBodyEN, listEN, postCloseEN, hashtagsEN
	if fr {
		open, body, list, closing, tags = postOpenFR, postBodyFR, listFR, postCloseFR, hashtagsFR
	}
	var b strings.Builder
	b.WriteString(pick(r, open))
	if chance(r, 0.3) {
		b.WriteString(" " + pick(r, emoji))
	}
	if chance(r, 0.2) {
		// A one-line post.
		b.WriteString(" " + pick(r, body))
		return b.String()
	}
	b.WriteString("\n\n" + pick(r, body))
	if chance(r, 0.35) {
		b.WriteString("\n")
		n := 2 + r.IntN(2)
		for i := 0; i < n; i++ {
			b.WriteString("\n" + pick(r, []string{"👉 ", "✅ ", "• ", "- "}) + pick(r, list))
		}
	}
	if chance(r, 0.5) {
		b.WriteString("\n\n" + pick(r, closing))
	}
	if chance(r, 0.6) {
		b.WriteString("\n\n" + pick(r, tags) + " " + pick(r, tags))
	}
	return b.String()
}

var commentEN = []string{
	"Great summary, thanks for sharing!", "Fully agree, especially on the retention point.",
	"This matches what we see with our clients.", "Congratulations, well deserved! 🎉",
	"Very useful, saving this for our next training.", "Interesting take. How do you handle legacy systems?",
	"Thanks for the mention!", "Count me in for the next meetup.", "Spot on.",
	"We had the same discussion last week, glad to see I'm not alone.",
	"Could you share the template? Would love to adapt it.", "Looking forward to the article!",
	"So true. Documentation first, tooling second.", "Well said, and too rarely heard.",
}

var commentFR = []string{
	"Merci pour ce partage, très utile !", "Tout à fait d'accord, surtout sur la conservation.",
	"Félicitations, c'est mérité ! 👏", "Très intéressant, merci.", "Bravo pour cette belle initiative.",
	"On a eu exactement le même débat la semaine dernière.", "Je garde ça pour notre prochaine formation.",
	"Merci pour la mention !", "Hâte de lire la suite.", "C'est exactement ça.",
	"Question pertinente : qui est responsable de traitement dans ce cas ?",
}

// Comments with quotes: the 2025+ export escapes them as \" (Q3).
var commentQuoted = []string{
	`Love the phrase "privacy debt", stealing it for my next workshop.`,
	`The regulator's answer was basically "it depends" – as always.`,
	`Best line of the week: "consent is not a checkbox"`,
	`On appelle ça le "privacy washing" et c'est partout.`,
	`Our legal team calls this the "two-page rule" now 😄`,
	`As my first boss used to say: "if it isn't written down, it didn't happen"`,
}

// comment writes an invented comment; some hold quotes, some several lines.
func comment(r *rand.Rand) string {
	switch x := r.Float64(); {
	case x < 0.07:
		return pick(r, commentQuoted)
	case x < 0.14:
		if chance(r, 0.5) {
			return pick(r, commentEN) + "\n\n" + pick(r, postBodyEN)
		}
		return pick(r, commentFR) + "\n" + pick(r, postBodyFR)
	case x < 0.55:
		return pick(r, commentFR)
	default:
		return pick(r, commentEN)
	}
}

var msgEN = []string{
	"Thanks for connecting!", "Sounds good, talk soon.", "Could we move the call to Thursday?",
	"I've sent you the draft by email.", "Great to meet you at the conference.",
	"Happy to help, what's the context?", "Let me check with my team and come back to you.",
	"Perfect, see you then.", "Do you have a template for the processing register?",
	"Thanks, that's really helpful.", "Are you going to the meetup next week?",
	"I'll be in Brussels on Tuesday if you fancy a coffee ☕", "Congrats on the new role!",
	"Would you be open to a short call about a DPO mandate?", "No worries at all.",
	"Here is the link I mentioned: https://www.example.org/resources/dpia-checklist",
	"Sorry for the late reply, busy week.", "Yes, the contract covers sub-processors.",
}

var msgFR = []string{
	"Merci pour la connexion !", "Parfait, à bientôt.", "Peut-on décaler l'appel à jeudi ?",
	"Je t'ai envoyé le projet par mail.", "Ravie de t'avoir rencontré à la conférence.",
	"Avec plaisir, quel est le contexte ?", "Je vérifie avec l'équipe et je reviens vers toi.",
	"Super, à tout à l'heure.", "As-tu un modèle de registre des traitements ?",
	"Merci, c'est très utile.", "Tu viens à l'afterwork RGPD mardi ?",
	"Félicitations pour le nouveau poste ! 🎉", "Désolée pour le retard, semaine chargée.",
	"Oui, la clause couvre bien les sous-traitants ultérieurs.", "Pas de souci.",
	"Je suis dispo mercredi après-midi.",
}

// message writes an invented message from one first name to another; some
// span several lines.
func message(r *rand.Rand, to, from string, fr bool) string {
	lines := msgEN
	hello, bye := "Hi "+to+",", "Best,\n"+from
	if fr {
		lines = msgFR
		hello, bye = "Bonjour "+to+",", "Bien à toi,\n"+from
	}
	switch x := r.Float64(); {
	case x < 0.12:
		return hello + "\n\n" + pick(r, lines) + " " + pick(r, lines)
	case x < 0.17:
		return hello + "\n" + pick(r, lines) + "\n\n" + bye
	case x < 0.175:
		return pick(r, lines) + "\r\n" + pick(r, lines)
	default:
		return pick(r, lines)
	}
}

var searchTerms = []string{
	"data protection officer", "dpo", "gdpr", "rgpd", "privacy engineer", "ai act", "dpia template",
	"privacy counsel brussels", "iso 27701", "records of processing", "cookie consent", "nis2",
	"legitimate interest assessment", "data retention policy", "privacy by design", "cnil",
	"autorité de protection des données", "délégué à la protection des données", "juriste rgpd",
	"information security manager", "data governance", "ai governance", "eu data act", "dora",
	"privacy meetup", "privacy engineering", "trust and safety", "freelance dpo", "consultant rgpd bruxelles",
	"processor agreement template", "schrems", "data breach notification", "transfer impact assessment",
}

var searchCommaTerms = []string{
	"data protection officer, brussels", "privacy engineer, remote, eu", "dpo, part-time",
	"rgpd, santé, bruxelles", "ai act, gpai, obligations", "consultant, privacy, freelance, benelux",
	"nis2, belgium", "legal counsel, it, data",
}
