package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Languages the HTML report is written in.
var Languages = []string{"en", "fr"}

// tr is one text in every language.
type tr struct{ en, fr string }

func (t tr) in(lang string) string {
	if lang == "fr" {
		return t.fr
	}
	return t.en
}

// texts holds every sentence of the HTML report. Keys are used from the
// template through {{t "key"}}; a missing key fails the template's tests.
var texts = map[string]tr{
	"title":         {"Your LinkedIn data and generative-AI training", "Vos données LinkedIn et l'entraînement de l'IA générative"},
	"subtitle":      {"What of your own LinkedIn data falls within LinkedIn's training of content-generating AI models, item by item, read from your data export.", "Ce qui, dans vos propres données LinkedIn, entre dans l'entraînement des modèles d'IA générative de LinkedIn, élément par élément, d'après votre export de données."},
	"region":        {"Region", "Région"},
	"optout":        {"Opt-out", "Refus (opt-out)"},
	"objection":     {"Objection form", "Formulaire d'opposition"},
	"none":          {"none", "aucun"},
	"asof":          {"Analysis as of", "Analyse au"},
	"exported":      {"Exported on", "Date de l'export"},
	"unknown":       {"unknown", "inconnue"},
	"policy":        {"Policy", "Règles"},
	"items":         {"items", "éléments"},
	"headline":      {"At a glance", "En un coup d'œil"},
	"of_total":      {"of %s items", "sur %s éléments"},
	"charts":        {"Over time", "Dans le temps"},
	"kinds":         {"By kind of data", "Par type de données"},
	"yours":         {"Your items in scope", "Vos éléments concernés"},
	"yours_note":    {"Newest first; at most %s shown, of %s. Snippets are cut short.", "Les plus récents d'abord ; au plus %s affichés, sur %s. Extraits tronqués."},
	"redacted":      {"This report is redacted: it holds no free text, names, e-mail addresses, phone numbers or URLs, only counts, dates and kinds.", "Ce rapport est anonymisé : il ne contient ni texte libre, ni nom, ni adresse e-mail, ni numéro de téléphone, ni URL ; seulement des nombres, des dates et des types."},
	"todo":          {"What you can do", "Ce que vous pouvez faire"},
	"provenance":    {"What was read", "Ce qui a été lu"},
	"assumptions":   {"Policy, sources and assumptions", "Règles, sources et hypothèses"},
	"col_date":      {"Date", "Date"},
	"col_kind":      {"Kind", "Type"},
	"col_outcome":   {"Outcome", "Résultat"},
	"col_text":      {"Snippet", "Extrait"},
	"col_where":     {"Where", "Où"},
	"col_items":     {"Items", "Éléments"},
	"col_range":     {"From – to", "Du – au"},
	"col_rule":      {"Rule applied", "Règle appliquée"},
	"col_sources":   {"Sources", "Sources"},
	"col_file":      {"File", "Fichier"},
	"col_rows":      {"Rows", "Lignes"},
	"col_rejected":  {"Rejected", "Rejetées"},
	"col_reason":    {"Reason", "Motif"},
	"problems":      {"Problems found", "Problèmes relevés"},
	"no_problems":   {"No problem: every row was read.", "Aucun problème : chaque ligne a été lue."},
	"unknown_files": {"Files this version does not know (listed, not analysed)", "Fichiers inconnus de cette version (listés, non analysés)"},
	"files_note":    {"Every row of every file is accounted for: rows = items + rejected.", "Chaque ligne de chaque fichier est comptée : lignes = éléments + rejetées."},
	"policy_line":   {"Policy %s, version %s (%s). Every rule, with its sources: run `exposure policy`.", "Règles %s, version %s (%s). Chaque règle et ses sources : lancez `exposure policy`."},
	"privacy":       {"Made on your computer by exposure: nothing was sent anywhere, and this page loads nothing from the network.", "Produit sur votre ordinateur par exposure : rien n'a été envoyé, et cette page ne charge rien depuis le réseau."},
	"undated":       {"%s items have no date of their own and count as existing since your registration.", "%s éléments n'ont pas de date propre et sont comptés comme existant depuis votre inscription."},
	"more_items":    {"… and %s more in the JSON or CSV output.", "… et %s de plus dans la sortie JSON ou CSV."},
	"more_probs":    {"… and %s more in the JSON output.", "… et %s de plus dans la sortie JSON."},

	"diff_title":            {"How your exposure moved between two exports", "L'évolution de votre exposition entre deux exports"},
	"diff_subtitle":         {"Two downloads of your LinkedIn data compared item by item: what is new, what you deleted, and whose outcome changed.", "Deux téléchargements de vos données LinkedIn comparés élément par élément : ce qui est nouveau, ce que vous avez supprimé, et ce dont le sort a changé."},
	"diff_old":              {"Old", "Ancien"},
	"diff_new":              {"New", "Nouveau"},
	"diff_change":           {"Change", "Écart"},
	"diff_counts":           {"%s items added, %s removed, %s whose outcome changed.", "%s éléments ajoutés, %s supprimés, %s dont le résultat a changé."},
	"diff_changed":          {"Items whose outcome changed, and why", "Éléments dont le résultat a changé, et pourquoi"},
	"diff_removed":          {"Your deletions: items in the old export, gone from the new one", "Vos suppressions : éléments de l'ancien export absents du nouveau"},
	"diff_removed_note":     {"Deleting an item keeps it out of later training runs; it does not take it out of models already trained.", "Supprimer un élément le tient à l'écart des entraînements suivants ; il ne le retire pas des modèles déjà entraînés."},
	"diff_added":            {"added", "ajoutés"},
	"diff_removed_short":    {"removed", "supprimés"},
	"diff_ch_totals":        {"Items per outcome, old and new", "Éléments par résultat, ancien et nouveau"},
	"diff_ch_kinds":         {"Added and removed, per kind", "Ajoutés et supprimés, par type"},
	"diff_ch_timeline":      {"Items in scope accumulated over time, old and new", "Éléments concernés cumulés dans le temps, ancien et nouveau"},
	"diff_ch_timeline_note": {"By month of creation; the gap between the lines is what changed.", "Par mois de création ; l'écart entre les courbes est ce qui a changé."},

	"out_in_scope":          {"In scope", "Concernés"},
	"out_possibly_in_scope": {"Possibly in scope", "Peut-être concernés"},
	"out_protected":         {"Protected", "Protégés"},
	"out_excluded":          {"Excluded", "Exclus"},
	"out_not_listed":        {"Not listed", "Non mentionnés"},
	"say_in_scope":          {"eligible for LinkedIn's generative-AI training and not protected; they may already have been used.", "éligibles à l'entraînement de l'IA générative de LinkedIn et non protégés ; ils ont peut-être déjà servi."},
	"say_possibly_in_scope": {"would be in scope, but the facts are disputed for them (reactions, reposts, searches, non-public posts, paused windows).", "seraient concernés, mais les faits sont discutés (réactions, republications, recherches, publications non publiques, périodes suspendues)."},
	"say_protected":         {"in a category the policy covers, but kept out by your opt-out or a rule.", "dans une catégorie visée, mais tenus à l'écart par votre refus ou une règle."},
	"say_excluded":          {"LinkedIn says this kind of data (private messages, payments, logins…) is not used for this training.", "LinkedIn dit ne pas utiliser ce type de données (messages privés, paiements, connexions…) pour cet entraînement."},
	"say_not_listed":        {"not named by the training policy; they may serve other purposes, such as advertising.", "non mentionnés par la politique d'entraînement ; ils peuvent servir à d'autres fins, comme la publicité."},

	"ch_timeline":         {"Your items by the month they were created, and their outcome today", "Vos éléments par mois de création, et leur sort aujourd'hui"},
	"ch_timeline_note":    {"Dashed lines: when training began (or paused) in your region, and your opt-out.", "Lignes pointillées : début (ou suspension) de l'entraînement dans votre région, et votre refus."},
	"ch_cumulative":       {"Items in scope, accumulated over time", "Éléments concernés, cumulés dans le temps"},
	"ch_cumulative_note":  {"How much of you a training run could draw on, month after month.", "Ce qu'un entraînement pourrait utiliser de vous, mois après mois."},
	"ch_whatif":           {"What if you had opted out earlier?", "Et si vous aviez refusé plus tôt ?"},
	"ch_whatif_note":      {"For each month: the items that would be in scope today had you opted out on its first day.", "Pour chaque mois : les éléments qui seraient concernés aujourd'hui si vous aviez refusé le premier jour de ce mois."},
	"ch_beforeafter":      {"Before and after %s", "Avant et après le %s"},
	"ch_beforeafter_note": {"Items created before the date, and on or after it, by outcome.", "Éléments créés avant cette date, et à partir de celle-ci, par résultat."},
	"ch_kinds":            {"Outcome per kind of data", "Résultat par type de données"},
	"ch_kinds_note":       {"The largest kinds; the table below lists them all, with the rule applied and its sources.", "Les types les plus nombreux ; le tableau ci-dessous les liste tous, avec la règle appliquée et ses sources."},
	"other_kinds":         {"%d other kinds", "%d autres types"},
	"before":              {"before", "avant"},
	"after":               {"on or after", "à partir du"},
	"mark_start":          {"training starts", "début de l'entraînement"},
	"mark_pause":          {"paused", "suspendu"},
	"mark_optout":         {"your opt-out", "votre refus"},
	"mark_now":            {"today", "aujourd'hui"},

	"todo_setting":   {"Switch off the setting: Me → Settings & Privacy → Data privacy → Data for Generative AI Improvement, toggle \"Use my data for training content creation AI models\" (https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement). It protects what you create from then on; it does not take back what was already used.", "Désactivez le réglage : Vous → Préférences et confidentialité → Confidentialité des données → Données pour l'amélioration de l'IA générative (https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement). Il protège ce que vous créez ensuite ; il ne reprend pas ce qui a déjà servi."},
	"todo_form":      {"Send LinkedIn's data-processing objection form (https://www.linkedin.com/help/linkedin/ask/TS-DPRO). It also covers models the setting does not, such as personalisation.", "Envoyez le formulaire d'opposition au traitement de LinkedIn (https://www.linkedin.com/help/linkedin/ask/TS-DPRO). Il couvre aussi des modèles que le réglage ne couvre pas, comme la personnalisation."},
	"todo_art21":     {"You have the right to object at any time (GDPR Art. 21): LinkedIn relies on its legitimate interest (Art. 6(1)(f)) and must stop unless it shows compelling grounds. An objection acts from when it is made.", "Vous avez le droit de vous opposer à tout moment (RGPD, art. 21) : LinkedIn invoque son intérêt légitime (art. 6, par. 1, f) et doit cesser sauf motifs impérieux. L'opposition vaut à partir du moment où elle est faite."},
	"todo_art17":     {"After a successful objection you can ask for erasure (GDPR Art. 17(1)(c)). Whether it reaches a model already trained is disputed: LinkedIn says completed training is not affected.", "Après une opposition fondée, vous pouvez demander l'effacement (RGPD, art. 17, par. 1, c). Sa portée sur un modèle déjà entraîné est discutée : LinkedIn dit que l'entraînement passé n'est pas affecté."},
	"todo_delete":    {"Delete old posts, comments or articles you no longer want used: under the Italian Garante's reading, items already online before a late opt-out may keep being used; what is deleted before a training run is presumably not.", "Supprimez les anciennes publications, commentaires ou articles que vous ne voulez plus voir utilisés : selon la lecture de la Garante italienne, ce qui était en ligne avant un refus tardif peut continuer à servir ; ce qui est supprimé avant un entraînement ne le serait pas."},
	"todo_authority": {"Complain to your data-protection authority if LinkedIn does not answer (in Belgium the APD/GBA, in France the CNIL; LinkedIn's lead authority in the EU is the Irish DPC).", "Saisissez votre autorité de protection des données si LinkedIn ne répond pas (en Belgique l'APD/GBA, en France la CNIL ; l'autorité chef de file pour LinkedIn dans l'UE est la DPC irlandaise)."},
	"todo_uk":        {"In the UK the same rights come from the UK GDPR; the ICO is the authority.", "Au Royaume-Uni, les mêmes droits découlent du UK GDPR ; l'autorité est l'ICO."},
	"todo_ca":        {"In Canada, the Office of the Privacy Commissioner takes complaints under PIPEDA.", "Au Canada, le Commissariat à la protection de la vie privée reçoit les plaintes au titre de la LPRPDE."},
	"todo_hk":        {"In Hong Kong, the PCPD takes complaints under the PDPO.", "À Hong Kong, le PCPD reçoit les plaintes au titre de la PDPO."},

	// The policy section: the purposes of the region and the version's changes.
	"purposes":         {"Who trains on your data, under which setting", "Qui entraîne des modèles sur vos données, sous quel réglage"},
	"purpose_line":     {"%s: for %s, under the setting \"%s\". Data, in LinkedIn's words: %s.", "%s : pour %s, sous le réglage « %s ». Données, selon les mots de LinkedIn (en anglais) : %s."},
	"purpose_kinds":    {"In your export: %s; the items it takes in are flagged %s.", "Dans votre export : %s ; les éléments qu'il reprend portent l'indicateur %s."},
	"changes_title":    {"What version %s changed (%s)", "Ce qui change dans la version %s (%s)"},
	"open_assumptions": {"Open assumptions", "Hypothèses ouvertes"},
}

// t returns a text in lang, with fmt arguments applied.
func t(lang, key string, args ...any) string {
	s, ok := texts[key]
	if !ok {
		panic("report: no text for " + key)
	}
	if len(args) == 0 {
		return s.in(lang)
	}
	return fmt.Sprintf(s.in(lang), args...)
}

// policyTexts translate the embedded policy's category and assumption notes
// (policy.yaml is written in English); a replaced policy file with other
// names keeps its own English notes.
var policyTexts = map[string]tr{
	"scope_in_scope":   {"in scope", "concerné"},
	"scope_disputed":   {"disputed", "discuté"},
	"scope_excluded":   {"excluded", "exclu"},
	"scope_not_listed": {"not listed", "non mentionné"},

	"cat_profile":               {"", "La ligne « entraînement » de l'avis européen nomme « nom, photo, poste actuel et expérience, formation, lieu, compétences, résumé, certifications, licences, bénévolat, publications, brevets » ; langues, projets, distinctions, cours, organisations et causes n'y sont pas (la FAQ dit « par exemple ») : tout type de profil est tenu pour concerné."},
	"cat_profile_by_others":     {"", "« Les données que vous ou d'autres fournissez dans votre profil » comprennent les validations et recommandations (avis européen, ligne « entraînement »)."},
	"cat_third_party_profile":   {"", "Textes du membre affichés sur le profil d'autres membres (« données que vous ou d'autres fournissez ») ; traités comme des données de profil."},
	"cat_member_content":        {"", "« Le contenu généré par les membres (publications, articles, réponses aux sondages, contributions et commentaires) » figure dans la ligne « entraînement » de l'avis européen ; photos et vidéos suivent les publications qui les portent."},
	"cat_generative_ai_usage":   {"", "« Les données de conversation saisies dans nos fonctions d'IA générative (invites, texte de recherche, requêtes, échanges, réponses et autres données d'entrée et de sortie) » figurent dans la ligne « entraînement » : les réponses de l'assistant aussi."},
	"cat_jobs_related":          {"", "Les réponses de présélection et CV que le membre ajoute à son compte pour un usage suivi figurent dans la ligne « entraînement » (pas ceux liés à une seule candidature)."},
	"cat_reactions":             {"", "Les réactions aux publications ne figurent dans aucune liste d'entraînement ; les « pouces » de la FAQ portent sur les suggestions de l'IA, et les « contributions » les incluent peut-être : discuté."},
	"cat_reposts":               {"", "Les republications sans commentaire relèvent peut-être des « contributions » : discuté."},
	"cat_search_text":           {"", "La ligne « entraînement » nomme le « texte de recherche, requêtes » saisi dans les fonctions d'IA générative ; l'historique de recherche de l'export ne dit pas lesquelles en sont passées par une : discuté."},
	"cat_private_messages":      {"", "Les messages privés, InMail compris, sont exclus par LinkedIn et dans le résumé de chaque autorité."},
	"cat_private_communication": {"", "Les notes d'invitation sont une communication privée ; tenues pour exclues (déduction)."},
	"cat_job_applications":      {"", "Les candidatures rattachables à un membre (« candidature identificabili ») sont exclues ; les réponses et CV de la FAQ sont ceux « non liés à un client ou à une candidature »."},
	"cat_payment_data":          {"", "Les données de paiement (« dati di pagamento ») sont exclues."},
	"cat_login_credentials":     {"", "Les identifiants de connexion (« credenziali di accesso ») sont exclus ; connexions et contrôles de sécurité sont tenus pour des données d'identification."},
	"cat_salary_data":           {"", "Les données de salaire fournies par le membre (« le retribuzioni ») sont exclues ; le type salary vise un fichier LinkedIn Salary qu'aucun lecteur ne lit encore."},
	"cat_reactions_eu":          {"", "La ligne « entraînement » de l'avis européen ne cite aucune donnée d'activité ; « votre engagement avec nos services » n'apparaît que dans ses lignes sur le fonctionnement des fonctions d'IA et l'amélioration des produits : les réactions y sont lues comme non mentionnées (voir reactions-eu-uk)."},
	"cat_reactions_uk":          {"", "La ligne « entraînement » de l'avis européen ne cite aucune donnée d'activité ; « votre engagement avec nos services » n'apparaît que dans ses lignes sur le fonctionnement des fonctions d'IA et l'amélioration des produits : les réactions y sont lues comme non mentionnées (voir reactions-eu-uk)."},
	"cat_network_and_activity":  {"", "Absents de la ligne « entraînement » de l'avis européen ; « vos relations et groupes » et les données d'activité n'apparaissent que dans ses lignes sur le fonctionnement des fonctions d'IA et l'amélioration des produits (la DPC parle de types de données réduits)."},
	"cat_jobs_not_listed":       {"", "Offres enregistrées, préférences d'emploi, alertes et offres publiées : absentes de la liste d'entraînement de LinkedIn."},
	"cat_account_and_identity":  {"", "Adresses, numéros, inscription, vérifications : données de compte absentes de la liste d'entraînement."},
	"cat_ads_data":              {"", "Ciblage et interactions publicitaires : ils relèvent du partage distinct avec Microsoft pour la publicité (dès le 3 nov. 2025), pas de cet entraînement."},

	"asm_us-start":                  {"", "Le début américain du 18 sept. 2024 est la date de divulgation ; l'entraînement a commencé avant et le réglage date peut-être d'août 2024 : refuser avant ne protège qu'au titre de « peut-être concerné »."},
	"asm_eu-lookback":               {"", "La DPC dit que LinkedIn a raccourci la période dont il tire les données, sans nouvelle date limite publiée ni dans les avis ; les éléments européens antérieurs sont marqués lookback_uncertain et aucune limite n'est appliquée."},
	"asm_uk-2024":                   {"", "On ne sait pas si, ni depuis quand, les données britanniques ont servi en 2024 ; le mot « suspendu » de l'ICO laisse penser à un traitement."},
	"asm_ca-hk-2024":                {"", "Le début exact de 2024 au Canada et à Hong Kong est inconnu, comme la vraie date de la pause canadienne (seule son annonce du 10 déc. 2024 l'est)."},
	"asm_visibility":                {"", "L'usage des publications réservées aux relations, des commentaires et des votes n'est pas tranché (les autorités parlent de publications publiques ; la ligne « entraînement » de LinkedIn ne pose aucune condition) ; seules les publications indiquent leur visibilité."},
	"asm_late-opt-out":              {"", "Les éléments créés avant un refus tardif peuvent continuer à servir (Garante ; LinkedIn : « n'affecte pas l'entraînement déjà effectué ») ; marqués continued_use_possible."},
	"asm_minors":                    {"", "LinkedIn parle de l'âge au moment de l'entraînement ; par défaut, les éléments créés quand le membre avait certainement moins de 18 ans sont protégés, sans savoir s'ils deviennent utilisables ensuite."},
	"asm_categories":                {"", "Réactions (hors UE/EEE/Suisse et Royaume-Uni), republications, recherches et champs de profil que la ligne « entraînement » ne nomme pas (langues, projets, distinctions, cours, organisations, causes) ne sont pas tranchés par la liste de LinkedIn."},
	"asm_eu-sensitive-filter":       {"", "Dans l'UE, le contenu de certains groupes et pages sensibles (p. ex. syndicats) est filtré ; lesquels n'est pas public et ne se voit pas dans l'export."},
	"asm_opt-out-carry-over":        {"", "Un refus de 2024 est tenu pour toujours valable lors de la reprise de 2025 : les avis de 2025 renvoient au même réglage, et aucune source lue ne dit que les choix antérieurs ont été remis à zéro."},
	"asm_deleted-items":             {"", "Un contenu supprimé avant un entraînement n'est sans doute pas utilisé ensuite ; l'export ne contient pas les éléments supprimés, l'outil ne peut pas les voir."},
	"asm_toggle-history":            {"", "L'export n'enregistre ni le réglage IA ni son historique ; le membre donne une date de refus et une date d'opposition (pas d'intervalles)."},
	"asm_training-cadence":          {"", "Aucune source ne dit à quelle fréquence LinkedIn entraîne ses modèles ; « concerné » veut dire éligible à un entraînement, ou peut-être déjà utilisé, jamais qu'un élément a servi."},
	"asm_freshness":                 {"", "Les textes de LinkedIn ont été vérifiés jusqu'à l'avis européen en vigueur le 21 août 2026 (lus le 6 déc. 2026) ; ni rapport de suivi de la DPC (dû cinq mois après le début), ni décision d'une autorité, ni suppression de données déjà utilisées n'ont été trouvés. Vérifiez avant de vous fier à cette version."},
	"asm_not-started":               {"", "Avant l'ouverture d'une période, le contrat ne prévoit pas de résultat ; par défaut « peut-être concerné », motif not_started."},
	"asm_day-granularity":           {"", "Refus, opposition et périodes sont des jours ; les comparaisons se font par jour civil UTC, un élément créé le jour du refus compte comme postérieur."},
	"asm_microsoft-ads":             {"", "Le partage avec Microsoft pour la publicité (dès le 3 nov. 2025, États-Unis et la plupart des régions) est un autre réglage (ads_data_sharing), nommé pour le membre et non classé ; l'avis européen ne décrit aucun partage de ce type pour l'UE/EEE/Suisse et le Royaume-Uni."},
	"asm_reactions-eu-uk":           {"", "Deux lectures des réactions dans l'UE/EEE/Suisse et au Royaume-Uni. (a) La ligne « entraînement » de l'avis européen cite données de profil, conversations avec l'IA, activité de groupe, contenu des membres, réponses de présélection et CV, tandis que les réactions, en tant qu'engagement, relèvent des données d'activité citées seulement pour le fonctionnement et l'amélioration des fonctions : non mentionnées (par défaut). (b) Les « contributions » de cette ligne, ou le retour d'information de la FAQ, pourraient les couvrir : peut-être concernées. Les recherches restent discutées dans les deux cas."},
	"asm_uk-microsoft":              {"", "Membres britanniques : un élément d'un type que l'entraînement de Microsoft reprend reçoit le résultat le plus exposé des deux finalités (même réglage, même refus), avec l'indicateur microsoft_training quand celle de Microsoft l'expose ; les offres d'emploi publiées ne sont concernées que par elle. Ce que Microsoft fait des données déjà partagées après un refus n'est pas dit."},
	"asm_groups-not-in-export":      {"", "L'activité et les messages de groupe figurent dans la ligne « entraînement », mais aucun fichier connu de l'export ne les contient (messages.csv contient les conversations privées ; un Groups.csv, cité par un seul outil tiers et jamais vu, listerait les adhésions ; on ignore si les publications de groupe sont dans Shares.csv) ; rien n'est classé comme donnée de groupe."},
	"asm_ai-feedback-not-in-export": {"", "La FAQ et la fiche du Garante citent le retour sur les fonctions d'IA (pouce levé ou baissé, signalements) parmi les données d'entraînement ; l'avis européen ne le cite que pour le fonctionnement et l'amélioration des fonctions. Aucun fichier de l'export ne contient ce retour : la différence ne change rien ici."},
	"asm_salary-not-in-export":      {"", "Aucune colonne connue de l'export ne contient de salaire fourni par le membre : Job Seeker Preferences.csv n'en a pas, le Base Salary des offres publiées est la rémunération proposée, et un fichier LinkedIn Salary n'est cité que par un outil tiers (type salary, exclu). Un salaire saisi dans une réponse de présélection n'est pas repéré : les règles voient des types, pas du texte."},

	"pur_linkedin_training":                {"", "LinkedIn entraîne ses modèles d'IA générative de contenu"},
	"pur_linkedin_training_recipient":      {"", "LinkedIn et ses sociétés affiliées"},
	"pur_microsoft_training":               {"", "LinkedIn partage des données avec Microsoft pour que Microsoft entraîne ses propres modèles d'IA"},
	"pur_microsoft_training_recipient":     {"", "Microsoft"},
	"pur_microsoft_training_not_in_export": {"", "Les données des pages d'entreprise, les vidéos et transcriptions de LinkedIn Learning (Learning.csv est l'historique de visionnage du membre) et les contributions aux articles collaboratifs ne figurent dans aucun fichier connu de l'export."},
	"ctl_data_for_ai":                      {"", "Données pour l'amélioration de l'IA générative"},

	"chg_2026-12-06_0":  {"", "Sources : les avis de LinkedIn archivés par Open Terms Archive passent en premier (L1-L5 : avis européen du 3 nov. 2025 et du 21 août 2026, politique de confidentialité et avis américains du 3 nov. 2025, politique du 18 sept. 2024, avis européen du 27 févr. 2025), puis les autorités, puis la presse reconnue."},
	"chg_2026-12-06_1":  {"", "Sources retirées, copies de fermes de contenu ou d'agrégateurs : S5 Neuron Expert, S14 AI News 247, S20 (TechCrunch via AI Techno Byte), S31 (Garante via Dolce Lauda ; remplacée par R1/R2), S33 The Realist Juggernaut (remplacée par P2 LBC), S36 (PCMag via promo-sale.live), S37 (The Register via vuink.com), S47 Hong Kong News TV (remplacée par P3 SCMP), S49 toolz.website, S64 Particle News, S66 TechPulse."},
	"chg_2026-12-06_2":  {"", "Sources retirées faute d'avoir été relues : S18 BOOM, S39 Bitdefender, S73 Security.NL (3 nov. 2025), S98 TechRadar, S175 Security.NL (Engelfriet) ; S4 est désormais lue via privacy-web.nl, S93 sur privacy-daily.com."},
	"chg_2026-12-06_3":  {"", "Chaque source indique le jour où elle a été lue et, pour les avis archivés, le dépôt, le chemin, le commit et la date d'archivage."},
	"chg_2026-12-06_4":  {"", "Réactions dans l'UE/EEE/Suisse et au Royaume-Uni : non mentionnées (au lieu de « peut-être concernées », disputed_category). La ligne « entraînement » de l'avis européen omet les données d'activité, qu'il ne cite que pour le fonctionnement des fonctions d'IA et l'amélioration des produits (l'hypothèse reactions-eu-uk donne les deux lectures). Ailleurs, les réactions restent discutées."},
	"chg_2026-12-06_5":  {"", "Recherches : réexaminées, toujours discutées partout : la ligne « entraînement » cite le texte de recherche saisi dans les fonctions d'IA générative, et l'export ne dit pas quelles recherches en sont passées par une."},
	"chg_2026-12-06_6":  {"", "Royaume-Uni : une seconde finalité, le partage avec Microsoft pour que Microsoft entraîne ses propres modèles, sous le même réglage depuis le 3 nov. 2025 (ligne britannique de l'avis). Les offres d'emploi publiées deviennent concernées pour les membres britanniques ; publications, commentaires, articles et médias qu'elle expose portent l'indicateur microsoft_training."},
	"chg_2026-12-06_7":  {"", "Données de salaire : nouvelle catégorie exclue salary_data (type salary, pour un fichier LinkedIn Salary qu'aucun lecteur ne lit encore) et hypothèse salary-not-in-export (aucune colonne de l'export ne contient de salaire fourni par le membre)."},
	"chg_2026-12-06_8":  {"", "Activité et messages de groupe, retour sur les fonctions d'IA : hypothèses groups-not-in-export et ai-feedback-not-in-export (aucun fichier de l'export ne les contient)."},
	"chg_2026-12-06_9":  {"", "Réglages : le réglage IA, le formulaire d'opposition et le réglage distinct de partage publicitaire (États-Unis et autres régions hors UE/EEE/Suisse/Royaume-Uni, GPC respecté aux États-Unis ; non classé) sont nommés avec leur chemin."},
	"chg_2026-12-06_10": {"", "Oppositions tardives : la règle opt_out cite le Garante (une opposition après le 3 nov. 2025 ne couvre que les contenus publiés ensuite), ce que le classement faisait déjà de --objection ; période passée : la période raccourcie par la DPC, sans date limite dans aucun avis, laisse les éléments européens marqués lookback_uncertain."},
}

// policyText returns the French text for key when there is one, else the
// policy's own English note.
func policyText(lang, key, english string) string {
	if lang == "fr" {
		if s, ok := policyTexts[key]; ok && s.fr != "" {
			return s.fr
		}
	}
	return english
}

func scopeText(lang, scope string) string {
	if s, ok := policyTexts["scope_"+scope]; ok {
		return s.in(lang)
	}
	return scope
}

// regionNames: the policy's regions in words (a replaced policy file with
// other codes shows its own English names).
var regionNames = map[string]tr{
	"EU": {"European Union, EEA and Switzerland", "Union européenne, EEE et Suisse"},
	"UK": {"United Kingdom", "Royaume-Uni"},
	"CA": {"Canada", "Canada"},
	"HK": {"Hong Kong", "Hong Kong"},
	"US": {"United States and every other country", "États-Unis et tous les autres pays"},
}

// kindNames are the kinds in words.
var kindNames = map[string]tr{
	"profile": {"profile", "profil"}, "position": {"positions", "postes"}, "education": {"education", "formation"},
	"skill": {"skills", "compétences"}, "language": {"languages", "langues"}, "certification": {"certifications", "certifications"},
	"project": {"projects", "projets"}, "publication": {"publications", "publications (profil)"}, "honor": {"honors", "distinctions"},
	"course": {"courses", "cours"}, "volunteering": {"volunteering", "bénévolat"}, "organization": {"organizations", "organisations"},
	"patent": {"patents", "brevets"}, "cause": {"causes", "causes"},
	"recommendation_received": {"recommendations received", "recommandations reçues"}, "recommendation_given": {"recommendations given", "recommandations données"},
	"endorsement_received": {"endorsements received", "validations reçues"}, "endorsement_given": {"endorsements given", "validations données"},
	"post": {"posts", "publications"}, "article": {"articles", "articles"}, "comment": {"comments", "commentaires"},
	"reaction": {"reactions", "réactions"}, "poll_vote": {"poll votes", "votes aux sondages"}, "repost": {"reposts", "republications"},
	"media": {"photos and videos", "photos et vidéos"}, "connection": {"connections", "relations"}, "invitation": {"invitations", "invitations"},
	"contact": {"imported contacts", "contacts importés"}, "note": {"notes on connections", "notes sur des relations"},
	"message": {"private messages", "messages privés"}, "ai_conversation": {"AI assistant chats", "conversations avec l'IA"},
	"company_follow": {"companies followed", "entreprises suivies"}, "member_follow": {"members followed", "membres suivis"},
	"hashtag_follow": {"hashtags followed", "hashtags suivis"}, "saved_item": {"saved items", "éléments enregistrés"},
	"event": {"events", "événements"}, "learning": {"LinkedIn Learning", "LinkedIn Learning"}, "review": {"reviews", "avis"},
	"job_application": {"job applications", "candidatures"}, "saved_job": {"saved jobs", "offres enregistrées"},
	"job_preference": {"job preferences", "préférences d'emploi"}, "job_alert": {"job alerts", "alertes emploi"},
	"screening_answer": {"saved screening answers", "réponses de présélection enregistrées"}, "job_posting": {"job postings", "offres publiées"},
	"resume": {"résumés", "CV"}, "search_query": {"searches", "recherches"}, "login": {"logins", "connexions"},
	"security_challenge": {"security checks", "contrôles de sécurité"}, "account_status": {"account status", "statut du compte"},
	"ad_targeting": {"ad targeting", "ciblage publicitaire"}, "inference": {"inferences about you", "déductions sur vous"},
	"ad_click": {"ads clicked", "publicités cliquées"}, "ad_engagement": {"ad engagement", "interactions publicitaires"},
	"email_address": {"e-mail addresses", "adresses e-mail"}, "phone_number": {"phone numbers", "numéros de téléphone"},
	"registration": {"registration", "inscription"}, "verification": {"verifications", "vérifications"},
	"receipt": {"payments", "paiements"}, "marketplace": {"services marketplace", "place de marché"},
	"hashtag": {"hashtags you post about", "hashtags de vos publications"}, "calendar": {"calendars", "agendas"}, "test_score": {"test scores", "résultats de tests"},
}

func kindName(lang, kind string) string {
	if n, ok := kindNames[kind]; ok {
		return n.in(lang)
	}
	return strings.ReplaceAll(kind, "_", " ")
}

var monthsFR = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// dateText writes a day in the reader's language: "1 Dec 2025", "1 déc. 2025".
func dateText(lang string, d time.Time) string {
	if d.IsZero() {
		return "–"
	}
	if lang == "fr" {
		return fmt.Sprintf("%d %s %d", d.Day(), monthsFR[d.Month()-1], d.Year())
	}
	return d.Format("2 Jan 2006")
}

// number groups thousands: "8,414" in English, "8 414" (narrow no-break
// space) in French.
func number(lang string, n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if lang == "fr" {
		sep = "\u202f"
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func percent(lang string, part, whole int) string {
	if whole == 0 {
		return "0 %"
	}
	v := float64(part) * 100 / float64(whole)
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if lang == "fr" {
		return strings.Replace(s, ".", ",", 1) + "\u202f%"
	}
	return s + "%"
}
