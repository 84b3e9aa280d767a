package report

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"exposure/policy"
)

// words.go: the policy's codes in plain words. Every outcome, reason,
// flag, rule and category the member can meet has a short label and a
// sentence in each language; the report shows those, never the codes
// (TestNoCodesShown).

func init() {
	for k, v := range plainTexts {
		if _, dup := texts[k]; dup {
			panic("report: text " + k + " defined twice")
		}
		texts[k] = v
	}
}

// plainTexts are texts keyed by a code: "reason_"+reason, "flag_"+flag,
// "rule_"+rule, "catname_"+category, with "_say" for the sentence.
var plainTexts = map[string]tr{
	// Reasons (policy.Reason), label and sentence.
	"reason_no_opt_out":                 {"no opt-out given", "aucun refus indiqué"},
	"reason_no_opt_out_say":             {"You have not said you switched the setting off, so the item is used like every other.", "Vous n'avez pas indiqué avoir désactivé le réglage : l'élément est utilisé comme les autres."},
	"reason_before_opt_out":             {"created before your opt-out", "créé avant votre refus"},
	"reason_before_opt_out_say":         {"The item existed before you opted out, while training ran: opting out is not retroactive.", "L'élément existait avant votre refus, pendant l'entraînement : le refus n'est pas rétroactif."},
	"reason_disputed_category":          {"kind of data disputed", "type de données discuté"},
	"reason_disputed_category_say":      {"LinkedIn's list does not settle whether this kind of data (reactions, reposts, searches) is used.", "La liste de LinkedIn ne dit pas clairement si ce type de données (réactions, republications, recherches) est utilisé."},
	"reason_visibility":                 {"post not public", "publication non publique"},
	"reason_visibility_say":             {"The post was not public; LinkedIn speaks of public content but sets no such condition in its FAQ.", "La publication n'était pas publique ; LinkedIn parle de contenu public sans poser cette condition dans sa FAQ."},
	"reason_paused_window":              {"only in a paused period", "seulement pendant une période suspendue"},
	"reason_paused_window_say":          {"The item was only exposed during a training period that was later paused in your region.", "L'élément n'a été exposé que pendant une période d'entraînement suspendue depuis dans votre région."},
	"reason_start_uncertain":            {"start date uncertain", "date de début incertaine"},
	"reason_start_uncertain_say":        {"You opted out before the known start, but training may have begun earlier in your region.", "Vous avez refusé avant le début connu, mais l'entraînement a pu commencer plus tôt dans votre région."},
	"reason_opted_out_before_start":     {"opted out before training began", "refus avant le début de l'entraînement"},
	"reason_opted_out_before_start_say": {"You opted out before training began in your region.", "Vous avez refusé avant le début de l'entraînement dans votre région."},
	"reason_created_after_opt_out":      {"created after your opt-out", "créé après votre refus"},
	"reason_created_after_opt_out_say":  {"The item was created on or after the day you opted out.", "L'élément a été créé le jour de votre refus ou après."},
	"reason_minor":                      {"created while under 18", "créé avant vos 18 ans"},
	"reason_minor_say":                  {"The item was created while you were certainly under 18.", "L'élément a été créé quand vous aviez certainement moins de 18 ans."},
	"reason_before_lookback":            {"older than the look-back period", "antérieur à la période prise en compte"},
	"reason_before_lookback_say":        {"The item is older than the period LinkedIn draws training data from.", "L'élément est plus ancien que la période dont LinkedIn tire ses données d'entraînement."},
	"reason_not_listed":                 {"not named by the policy", "non mentionné par la politique"},
	"reason_not_listed_say":             {"LinkedIn's training policy does not name this kind of data.", "La politique d'entraînement de LinkedIn ne mentionne pas ce type de données."},
	"reason_not_started":                {"training not started yet", "entraînement pas encore commencé"},
	"reason_excluded_say":               {"LinkedIn says it does not use this kind of data for this training.", "LinkedIn dit ne pas utiliser ce type de données pour cet entraînement."},
	"reason_not_started_say":            {"Training has not started in your region; the item will be swept in when it does, unless you opt out first.", "L'entraînement n'a pas commencé dans votre région ; l'élément y entrera à son début, sauf refus préalable."},

	// Flags (policy and parser), label and sentence.
	"flag_undated":                    {"no date", "sans date"},
	"flag_undated_say":                {"The export gives no date: the item counts as existing since your registration.", "L'export ne donne pas de date : l'élément compte comme existant depuis votre inscription."},
	"flag_lower_bound_date":           {"added on or after its date", "ajouté à sa date ou après"},
	"flag_lower_bound_date_say":       {"The date is the start of what the entry describes (a job, a course); it was added to LinkedIn then or later.", "La date est le début de ce que décrit l'entrée (un poste, une formation) ; elle a été ajoutée à LinkedIn à cette date ou après."},
	"flag_historical":                 {"older than the training", "antérieur à l'entraînement"},
	"flag_historical_say":             {"Created before the training period that covers it began: swept in when it began.", "Créé avant le début de la période d'entraînement qui le couvre : repris à son début."},
	"flag_continued_use_possible":     {"may still be used", "peut encore servir"},
	"flag_continued_use_possible_say": {"Exposed before your opt-out; by one reading (the Italian Garante's) it may keep being used.", "Exposé avant votre refus ; selon une lecture (celle de la Garante italienne), il peut continuer à servir."},
	"flag_start_uncertain":            {"start uncertain", "début incertain"},
	"flag_start_uncertain_say":        {"The training period that decides this item may have begun earlier than its known start.", "La période d'entraînement qui décide de cet élément a pu commencer avant son début connu."},
	"flag_lookback_uncertain":         {"look-back uncertain", "période prise en compte incertaine"},
	"flag_lookback_uncertain_say":     {"LinkedIn says it narrowed how far back it draws data, without saying to when; no limit is applied.", "LinkedIn dit avoir réduit l'ancienneté des données utilisées, sans dire jusqu'où ; aucune limite n'est appliquée."},
	"flag_paused_window":              {"also in a paused period", "aussi dans une période suspendue"},
	"flag_paused_window_say":          {"The item was also exposed during a training period that was later paused.", "L'élément a aussi été exposé pendant une période d'entraînement suspendue depuis."},
	"flag_disputed_category":          {"kind of data disputed", "type de données discuté"},
	"flag_disputed_category_say":      {"Whether this kind of data is used is disputed; another reason decided the outcome.", "L'usage de ce type de données est discuté ; une autre raison a décidé du résultat."},
	"flag_non_public":                 {"not public", "non public"},
	"flag_non_public_say":             {"A post that was not public; another reason decided the outcome.", "Une publication non publique ; une autre raison a décidé du résultat."},
	"flag_unknown_kind":               {"unknown kind", "type inconnu"},
	"flag_unknown_kind_say":           {"The policy has no rule for this kind of data.", "La politique n'a pas de règle pour ce type de données."},
	"flag_third_party_profile":        {"on someone else's profile", "sur le profil d'un autre"},
	"flag_third_party_profile_say":    {"Text you wrote that appears on another member's profile.", "Un texte de vous affiché sur le profil d'un autre membre."},
	"flag_draft":                      {"draft", "brouillon"},
	"flag_draft_say":                  {"An article that was never published.", "Un article jamais publié."},
	"flag_ai_turn":                    {"AI's answer", "réponse de l'IA"},
	"flag_ai_turn_say":                {"A turn written by LinkedIn's AI assistant, not by you.", "Un tour écrit par l'assistant IA de LinkedIn, pas par vous."},
	"flag_sponsored":                  {"sponsored message", "message sponsorisé"},
	"flag_sponsored_say":              {"A sponsored message (an advertiser's InMail).", "Un message sponsorisé (InMail d'un annonceur)."},
	"flag_hidden_profile":             {"hidden profile", "profil masqué"},
	"flag_hidden_profile_say":         {"A connection whose profile details are hidden from the export.", "Une relation dont le profil est masqué dans l'export."},

	// Rules (policy.Rules), label; their notes come from the policy.
	"rule_opt_out":     {"Opting out", "Le refus"},
	"rule_visibility":  {"Posts that are not public", "Publications non publiques"},
	"rule_minor":       {"Members under 18", "Membres de moins de 18 ans"},
	"rule_lookback":    {"How far back", "Ancienneté des données"},
	"rule_undated":     {"Items without a date", "Éléments sans date"},
	"rule_not_started": {"Before training starts", "Avant le début de l'entraînement"},

	// Categories of the embedded policy, label.
	"catname_profile":               {"Your profile", "Votre profil"},
	"catname_profile_by_others":     {"Profile data written by others", "Données de profil écrites par d'autres"},
	"catname_third_party_profile":   {"Your words on others' profiles", "Vos mots sur le profil d'autres membres"},
	"catname_member_content":        {"Posts, articles, comments and votes", "Publications, articles, commentaires et votes"},
	"catname_generative_ai_usage":   {"What you type into LinkedIn's AI", "Ce que vous écrivez à l'IA de LinkedIn"},
	"catname_jobs_related":          {"Saved screening answers and résumés", "Réponses de présélection et CV enregistrés"},
	"catname_reactions":             {"Reactions", "Réactions"},
	"catname_salary_data":           {"Salary data", "Données de salaire"},
	"catname_reposts":               {"Reposts", "Republications"},
	"catname_search_text":           {"Searches", "Recherches"},
	"catname_private_messages":      {"Private messages", "Messages privés"},
	"catname_private_communication": {"Invitation notes", "Notes d'invitation"},
	"catname_job_applications":      {"Job applications", "Candidatures"},
	"catname_payment_data":          {"Payment data", "Données de paiement"},
	"catname_login_credentials":     {"Log-ins and security checks", "Connexions et contrôles de sécurité"},
	"catname_network_and_activity":  {"Network and activity", "Réseau et activité"},
	"catname_jobs_not_listed":       {"Job searches and preferences", "Recherche d'emploi et préférences"},
	"catname_account_and_identity":  {"Account and identity", "Compte et identité"},
	"catname_ads_data":              {"Advertising data", "Données publicitaires"},
}

// reasonLabel is a reason in words; an excluded item's reason is its
// category's name, shown as the category's label.
func reasonLabel(lang string, reason policy.Reason) string {
	if s, ok := texts["reason_"+string(reason)]; ok {
		return s.in(lang)
	}
	if s, ok := texts["catname_"+string(reason)]; ok {
		return s.in(lang)
	}
	return words(string(reason))
}

// reasonSentence explains a reason, or "" when there is no sentence.
func reasonSentence(lang string, reason policy.Reason) string {
	if s, ok := texts["reason_"+string(reason)+"_say"]; ok {
		return s.in(lang)
	}
	if _, ok := texts["catname_"+string(reason)]; ok {
		return t(lang, "reason_excluded_say")
	}
	return ""
}

func flagLabel(lang, flag string) string {
	if s, ok := texts["flag_"+flag]; ok {
		return s.in(lang)
	}
	return words(flag)
}

// categoryLabel is a category's name in words: a policy file of one's own
// with other names shows them with spaces for underscores.
func categoryLabel(lang, name string) string {
	if s, ok := texts["catname_"+name]; ok {
		return s.in(lang)
	}
	return words(name)
}

// lowerFirst puts a label's first letter in lower case, for use inside a
// sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// words turns a code into words: "profile_by_others" → "profile by others".
func words(code string) string { return strings.ReplaceAll(code, "_", " ") }

// codeRE finds what looks like a code in a sentence: "lookback_uncertain",
// "rules.not_started".
var codeRE = regexp.MustCompile(`\b(?:rules\.)?[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`)

// plainCodes replaces the codes a policy note quotes (an outcome, reason,
// flag or rule) by their labels in quotes; an unknown code keeps its words.
func plainCodes(lang, s string) string {
	open, closing := "“", "”"
	if lang == "fr" {
		open, closing = "«\u00a0", "\u00a0»"
	}
	return codeRE.ReplaceAllStringFunc(s, func(code string) string {
		name := strings.TrimPrefix(code, "rules.")
		for _, key := range []string{"out_" + name, "flag_" + name, "reason_" + name, "rule_" + name, "catname_" + name} {
			if s, ok := texts[key]; ok {
				label := s.in(lang)
				if key == "out_"+name || key == "rule_"+name || key == "catname_"+name {
					label = lowerFirst(label)
				}
				return open + label + closing
			}
		}
		return words(code)
	})
}
