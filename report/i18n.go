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
	"title":                 {"Your LinkedIn data and generative-AI training", "Vos données LinkedIn et l'entraînement de l'IA générative"},
	"subtitle":              {"What of your own LinkedIn data falls within LinkedIn's training of content-generating AI models, item by item, read from your data export.", "Ce qui, dans vos propres données LinkedIn, entre dans l'entraînement des modèles d'IA générative de LinkedIn, élément par élément, d'après votre export de données."},
	"skip":                  {"Skip to your situation", "Aller à votre situation"},
	"toc":                   {"Contents", "Sommaire"},
	"region":                {"Region", "Région"},
	"optout":                {"Opt-out", "Refus (opt-out)"},
	"objection":             {"Objection form", "Formulaire d'opposition"},
	"none":                  {"none", "aucun"},
	"asof":                  {"Analysis as of", "Analyse au"},
	"exported":              {"Exported on", "Date de l'export"},
	"unknown":               {"unknown", "inconnue"},
	"embedded":              {"built in", "intégrées"},
	"items":                 {"items", "éléments"},
	"n_items":               {"%s items", "%s éléments"},
	"n_items_one":           {"%s item", "%s élément"},
	"n_rows":                {"%s rows", "%s lignes"},
	"n_rows_one":            {"%s row", "%s ligne"},
	"verdict":               {"Your situation", "Votre situation"},
	"next":                  {"What you can do now", "Ce que vous pouvez faire maintenant"},
	"headline":              {"Your items by outcome", "Vos éléments par résultat"},
	"of_total":              {"of %s items", "sur %s éléments"},
	"charts":                {"Over time", "Dans le temps"},
	"kinds":                 {"By kind of data", "Par type de données"},
	"kinds_note":            {"Every kind of data in your export, with the rule the policy applies to it (explained under “How the tool decides”).", "Chaque type de données de votre export, avec la règle que la politique lui applique (expliquée sous « Comment l'outil décide »)."},
	"yours":                 {"Your items in scope", "Vos éléments concernés"},
	"redacted":              {"This report is redacted: it holds no free text, names, e-mail addresses, phone numbers or URLs, only counts, dates and kinds.", "Ce rapport est anonymisé : il ne contient ni texte libre, ni nom, ni adresse e-mail, ni numéro de téléphone, ni URL ; seulement des nombres, des dates et des types."},
	"provenance":            {"What was read", "Ce qui a été lu"},
	"decides":               {"How the tool decides", "Comment l'outil décide"},
	"words":                 {"What the words mean", "Ce que les mots veulent dire"},
	"rules":                 {"The rules", "Les règles"},
	"rules_note":            {"Each kind of data falls in one category of LinkedIn's policy; then a few rules apply to every item.", "Chaque type de données relève d'une catégorie de la politique de LinkedIn ; puis quelques règles s'appliquent à chaque élément."},
	"windows":               {"When training runs in your region", "Quand l'entraînement a lieu dans votre région"},
	"assumptions":           {"Open questions and what the tool assumes", "Questions ouvertes et ce que l'outil suppose"},
	"sources":               {"Sources", "Sources"},
	"sources_note":          {"Every rule above names the sources it rests on; here they are.", "Chaque règle ci-dessus cite les sources sur lesquelles elle repose ; les voici."},
	"cited":                 {"Sources", "Sources"},
	"scope":                 {"Scope", "Portée"},
	"gloss_outcomes":        {"Outcomes", "Résultats"},
	"gloss_reasons":         {"Reasons", "Motifs"},
	"gloss_flags":           {"Notes on an item", "Remarques sur un élément"},
	"gloss_excluded_reason": {"the category's name (excluded items)", "le nom de la catégorie (éléments exclus)"},
	"col_date":              {"Date", "Date"},
	"col_kind":              {"Kind", "Type"},
	"col_outcome":           {"Outcome", "Résultat"},
	"col_why":               {"Outcome and why", "Résultat et motif"},
	"col_text":              {"Snippet", "Extrait"},
	"col_where":             {"Where", "Où"},
	"col_items":             {"Items", "Éléments"},
	"col_range":             {"From – to", "Du – au"},
	"col_rule":              {"Rule applied", "Règle appliquée"},
	"col_file":              {"File", "Fichier"},
	"col_rows":              {"Rows", "Lignes"},
	"col_rejected":          {"Rejected", "Rejetées"},
	"col_reason":            {"Reason", "Motif"},
	"col_line":              {"Line", "Ligne"},
	"col_month":             {"Month", "Mois"},
	"col_when":              {"When created", "Création"},
	"col_optout_month":      {"Opt-out on the 1st of", "Refus le 1er"},
	"data_table":            {"The chart's data as a table", "Les données du graphique en tableau"},
	"problems":              {"Problems found", "Problèmes relevés"},
	"no_problems":           {"No problem: every row was read.", "Aucun problème : chaque ligne a été lue."},
	"unknown_files":         {"Files this version does not know (listed, not analysed)", "Fichiers inconnus de cette version (listés, non analysés)"},
	"files_note":            {"Every row of every file is accounted for: rows = items + rejected.", "Chaque ligne de chaque fichier est comptée : lignes = éléments + rejetées."},
	"policy_line":           {"Policy %s, version %s (%s). Every rule, with its sources: run “exposure policy”.", "Règles %s, version %s (%s). Chaque règle et ses sources : lancez « exposure policy »."},
	"privacy":               {"Made on your computer by exposure: nothing was sent anywhere, and this page loads nothing from the network. Its links open LinkedIn's pages, and the sources', only when you click them.", "Produit sur votre ordinateur par exposure : rien n'a été envoyé, et cette page ne charge rien depuis le réseau. Ses liens n'ouvrent les pages de LinkedIn, et celles des sources, que si vous cliquez dessus."},
	"undated":               {"%s items that the training policy covers have no date of their own: they count as existing since your registration.", "%s éléments visés par la politique d'entraînement n'ont pas de date propre : ils comptent comme existant depuis votre inscription."},
	"undated_one":           {"%s item that the training policy covers has no date of its own: it counts as existing since your registration.", "%s élément visé par la politique d'entraînement n'a pas de date propre : il compte comme existant depuis votre inscription."},
	"more_probs":            {"… and %s more in the JSON output (--json).", "… et %s de plus dans la sortie JSON (--json)."},

	"via_setting":       {"with the setting", "avec le réglage"},
	"via_objection":     {"with the objection form", "avec le formulaire d'opposition"},
	"v_not_started":     {"Training on your region's data has not started: it is due on %s. When it starts, %s of your items will be swept in, unless you opt out before.", "L'entraînement sur les données de votre région n'a pas commencé : il est prévu le %s. À ce moment, %s de vos éléments y entreront, sauf si vous refusez avant."},
	"v_not_started_out": {"You opted out on %s (%s), before training starts in your region on %s: your items stay out of it.", "Vous avez refusé le %s (%s), avant le début de l'entraînement dans votre région le %s : vos éléments en restent à l'écart."},
	"v_no_window":       {"The policy sets no training period for your region: %s of your items would be in scope if one opened.", "La politique ne fixe aucune période d'entraînement pour votre région : %s de vos éléments seraient concernés si une période s'ouvrait."},
	"v_none":            {"%s of your %s items are in scope for LinkedIn's generative-AI training, and %s more possibly are.", "%s de vos %s éléments entrent dans l'entraînement de l'IA générative de LinkedIn, et %s autres peut-être."},
	"v_none_2":          {"You have not given an opt-out date: LinkedIn may have used them since %s, and what you add from now on joins them.", "Vous n'avez pas indiqué de date de refus : LinkedIn a pu les utiliser depuis le %s, et ce que vous ajoutez désormais s'y ajoute."},
	"v_late":            {"You opted out on %s (%s): that protects the %s items you created since.", "Vous avez refusé le %s (%s) : cela protège les %s éléments créés depuis."},
	"v_late_2":          {"But %s items in scope and %s possibly in scope were there before, while training ran: they may already have been used, and opting out does not take them back.", "Mais %s éléments concernés et %s peut-être concernés existaient déjà pendant l'entraînement : ils ont pu servir, et le refus ne les reprend pas."},
	"v_early":           {"You opted out on %s (%s), before training started in your region on %s: %s items are protected.", "Vous avez refusé le %s (%s), avant le début de l'entraînement dans votre région le %s : %s éléments sont protégés."},
	"v_early_rest":      {"Still, %s items are in scope and %s possibly in scope: the list below says why.", "Toutefois, %s éléments sont concernés et %s peut-être concernés : la liste ci-dessous dit pourquoi."},

	"step_setting":         {"Switch off the setting “Data for Generative AI Improvement” (Me → Settings & Privacy → Data privacy). It protects what you create from then on; it does not take back what was already used.", "Désactivez le réglage « Données pour l'amélioration de l'IA générative » (Vous → Préférences et confidentialité → Confidentialité des données). Il protège ce que vous créez ensuite ; il ne reprend pas ce qui a déjà servi."},
	"step_setting_check":   {"Check that the setting “Data for Generative AI Improvement” is still off.", "Vérifiez que le réglage « Données pour l'amélioration de l'IA générative » est toujours désactivé."},
	"step_delete":          {"Delete the posts, comments and articles you no longer want used: what is deleted before a training run is presumably not used in it. %s of them are in scope or possibly in scope; the newest:", "Supprimez les publications, commentaires et articles que vous ne voulez plus voir utilisés : ce qui est supprimé avant un entraînement n'y sert sans doute pas. %s d'entre eux sont concernés ou peut-être concernés ; les plus récents :"},
	"step_delete_one":      {"Delete the post, comment or article you no longer want used: what is deleted before a training run is presumably not used in it. %s of them is in scope or possibly in scope:", "Supprimez la publication, le commentaire ou l'article que vous ne voulez plus voir utilisé : ce qui est supprimé avant un entraînement n'y sert sans doute pas. %s d'entre eux est concerné ou peut-être concerné :"},
	"step_form":            {"Send LinkedIn's data-processing objection form: it also covers uses the setting does not, such as personalisation.", "Envoyez le formulaire d'opposition au traitement de LinkedIn : il couvre aussi des usages que le réglage ne couvre pas, comme la personnalisation."},
	"step_art21":           {"You have the right to object at any time (GDPR Art. 21): LinkedIn relies on its legitimate interest and must stop unless it shows compelling grounds. An objection acts from when it is made.", "Vous avez le droit de vous opposer à tout moment (RGPD, art. 21) : LinkedIn invoque son intérêt légitime et doit cesser sauf motifs impérieux. L'opposition vaut à partir du moment où elle est faite."},
	"step_erasure":         {"After objecting you can ask for erasure (GDPR Art. 17(1)(c)). Whether it reaches a model already trained is disputed: LinkedIn says completed training is not affected.", "Après votre opposition, vous pouvez demander l'effacement (RGPD, art. 17, par. 1, c). Sa portée sur un modèle déjà entraîné est discutée : LinkedIn dit que l'entraînement passé n'est pas affecté."},
	"step_authority_eu":    {"If LinkedIn does not answer, complain to your data-protection authority (in Belgium the APD/GBA, in France the CNIL); LinkedIn's lead authority in the EU is the Irish Data Protection Commission.", "Si LinkedIn ne répond pas, saisissez votre autorité de protection des données (en Belgique l'APD/GBA, en France la CNIL) ; l'autorité chef de file pour LinkedIn dans l'UE est la Commission irlandaise de protection des données."},
	"step_authority_uk":    {"If LinkedIn does not answer, complain to the Information Commissioner's Office (UK GDPR).", "Si LinkedIn ne répond pas, saisissez l'Information Commissioner's Office (UK GDPR)."},
	"step_authority_ca":    {"If LinkedIn does not answer, complain to the Office of the Privacy Commissioner of Canada (PIPEDA).", "Si LinkedIn ne répond pas, saisissez le Commissariat à la protection de la vie privée du Canada (LPRPDE)."},
	"step_authority_hk":    {"If LinkedIn does not answer, complain to the Privacy Commissioner for Personal Data (PDPO).", "Si LinkedIn ne répond pas, saisissez le Commissaire à la protection des données personnelles (PDPO)."},
	"step_compare":         {"Download your data again in a few months and compare the two exports (exposure diff OLD NEW): it shows what you deleted and what changed.", "Téléchargez à nouveau vos données dans quelques mois et comparez les deux exports (exposure diff ANCIEN NOUVEAU) : vous verrez ce que vous avez supprimé et ce qui a changé."},
	"step_ads":             {"Separately, LinkedIn shares data with Microsoft and partners for their advertising. That is not AI training and has a setting of its own (%s): switch it off there too if you do not want it. In the US, a Global Privacy Control signal from your browser counts as switching it off.", "Par ailleurs, LinkedIn partage des données avec Microsoft et des partenaires pour leur publicité. Ce n'est pas de l'entraînement d'IA, et un réglage distinct le commande (%s) : désactivez-le aussi si vous n'en voulez pas. Aux États-Unis, un signal Global Privacy Control de votre navigateur vaut désactivation."},
	"step_ads_elsewhere":   {"Elsewhere, LinkedIn also shares data with Microsoft for advertising, under a separate setting (%s). Its notice for your region describes no such sharing, so there is nothing to switch off for you; if the setting ever shows in your account, it is the second one to check.", "Ailleurs, LinkedIn partage aussi des données avec Microsoft pour la publicité, sous un réglage distinct (%s). Son avis pour votre région ne décrit pas ce partage : vous n'avez rien à désactiver ; si ce réglage apparaît un jour dans votre compte, c'est le second à vérifier."},
	"link_ads":             {"The ads data-sharing setting", "Le réglage du partage de données pour la publicité"},
	"link_setting":         {"Open the setting on LinkedIn", "Ouvrir le réglage sur LinkedIn"},
	"link_explore_content": {"List them all below", "Les lister tous ci-dessous"},
	"link_activity":        {"Your activity on LinkedIn", "Votre activité sur LinkedIn"},
	"link_form":            {"Open the objection form", "Ouvrir le formulaire d'opposition"},
	"link_edpb":            {"Find your authority (EDPB)", "Trouver votre autorité (CEPD)"},
	"link_dpc":             {"Irish Data Protection Commission", "Commission irlandaise de protection des données"},
	"link_ico":             {"Complain to the ICO", "Saisir l'ICO"},
	"link_opc":             {"Complain to the OPC", "Saisir le Commissariat"},
	"link_pcpd":            {"Complain to the PCPD", "Saisir le PCPD"},
	"open_on_linkedin":     {"Open on LinkedIn", "Ouvrir sur LinkedIn"},

	"x_note":          {"Every item in scope or possibly in scope, newest first. Search, filter and sort them; each post, comment, article, reaction or vote opens on LinkedIn, where you can delete it.", "Chaque élément concerné ou peut-être concerné, du plus récent au plus ancien. Cherchez, filtrez et triez-les ; chaque publication, commentaire, article, réaction ou vote s'ouvre sur LinkedIn, où vous pouvez le supprimer."},
	"x_note_redacted": {"Every item in scope or possibly in scope, newest first, without its text or link (the report is redacted).", "Chaque élément concerné ou peut-être concerné, du plus récent au plus ancien, sans texte ni lien (le rapport est anonymisé)."},
	"x_more":          {"The list holds the newest %s of your %s items in scope or possibly in scope; run exposure with --json or --csv to get every one.", "La liste contient les %s plus récents de vos %s éléments concernés ou peut-être concernés ; lancez exposure avec --json ou --csv pour les avoir tous."},
	"x_empty":         {"None of your items is in scope or possibly in scope.", "Aucun de vos éléments n'est concerné ni peut-être concerné."},
	"x_search":        {"Search", "Rechercher"},
	"x_kind":          {"Kind", "Type"},
	"x_outcome":       {"Outcome", "Résultat"},
	"x_reason":        {"Reason", "Motif"},
	"x_year":          {"Year", "Année"},
	"x_sort":          {"Order", "Ordre"},
	"x_size":          {"Per page", "Par page"},
	"x_all":           {"All", "Tous"},
	"x_newest":        {"Newest first", "Plus récents d'abord"},
	"x_oldest":        {"Oldest first", "Plus anciens d'abord"},
	"x_by_kind":       {"By kind", "Par type"},
	"x_by_outcome":    {"By outcome", "Par résultat"},
	"x_prev":          {"Previous page", "Page précédente"},
	"x_next":          {"Next page", "Page suivante"},
	"x_reset":         {"Show all", "Tout afficher"},
	"x_caption":       {"Your items in scope or possibly in scope", "Vos éléments concernés ou peut-être concernés"},
	"x_showing":       {"Items %s–%s of %s", "Éléments %s à %s sur %s"},
	"x_none":          {"No item matches.", "Aucun élément ne correspond."},
	"x_open":          {"Open on LinkedIn", "Ouvrir sur LinkedIn"},
	"x_page":          {"Page %s of %s", "Page %s sur %s"},
	"x_undated":       {"no date", "sans date"},
	"x_line":          {"line", "ligne"},

	"win_none":            {"The policy sets no training period for your region.", "La politique ne fixe aucune période d'entraînement pour votre région."},
	"win_intro":           {"Training on the data of members in %s:", "Entraînement sur les données des membres (%s) :"},
	"win_from":            {"from %s", "à partir du %s"},
	"win_start_uncertain": {"(it may have begun earlier)", "(il a pu commencer plus tôt)"},
	"win_open":            {"and still running", "et toujours en cours"},
	"win_until":           {"until it was paused on %s", "jusqu'à sa suspension le %s"},

	"diff_title":             {"How your exposure moved between two exports", "L'évolution de votre exposition entre deux exports"},
	"diff_subtitle":          {"Two downloads of your LinkedIn data compared item by item: what is new, what you deleted, and whose outcome changed.", "Deux téléchargements de vos données LinkedIn comparés élément par élément : ce qui est nouveau, ce que vous avez supprimé, et ce dont le sort a changé."},
	"diff_old":               {"Old", "Ancien"},
	"diff_new":               {"New", "Nouveau"},
	"diff_change":            {"Change", "Écart"},
	"diff_sides":             {"The two exports", "Les deux exports"},
	"diff_counts":            {"%s added, %s removed, %s whose outcome changed.", "%s ajoutés, %s supprimés, %s dont le résultat a changé."},
	"diff_n_items":           {"%s items", "%s éléments"},
	"diff_n_items_one":       {"%s item", "%s élément"},
	"diff_nothing":           {"Nothing changed: the two exports hold the same items, with the same outcomes.", "Rien n'a changé : les deux exports contiennent les mêmes éléments, avec les mêmes résultats."},
	"diff_changed":           {"Items whose outcome changed, and why", "Éléments dont le résultat a changé, et pourquoi"},
	"diff_changed_none":      {"No item present in both exports changed outcome.", "Aucun élément présent dans les deux exports n'a changé de résultat."},
	"diff_removed":           {"Your deletions: items in the old export, gone from the new one", "Vos suppressions : éléments de l'ancien export absents du nouveau"},
	"diff_removed_none":      {"Nothing of the old export is missing from the new one: you deleted nothing in between.", "Rien de l'ancien export ne manque dans le nouveau : vous n'avez rien supprimé entre-temps."},
	"diff_removed_note":      {"Deleting an item keeps it out of later training runs; it does not take it out of models already trained.", "Supprimer un élément le tient à l'écart des entraînements suivants ; il ne le retire pas des modèles déjà entraînés."},
	"diff_added_none":        {"Nothing was added between the two exports.", "Rien n'a été ajouté entre les deux exports."},
	"diff_more":              {"… and %s more in the JSON or CSV output (exposure diff --json FILE or --csv FILE).", "… et %s de plus dans la sortie JSON ou CSV (exposure diff --json FICHIER ou --csv FICHIER)."},
	"diff_added":             {"added", "ajoutés"},
	"diff_removed_short":     {"removed", "supprimés"},
	"diff_ch_totals":         {"Items per outcome, old and new", "Éléments par résultat, ancien et nouveau"},
	"diff_ch_totals_label":   {"Items per outcome in the old and the new export.", "Éléments par résultat dans l'ancien et le nouvel export."},
	"diff_ch_kinds":          {"Added and removed, per kind", "Ajoutés et supprimés, par type"},
	"diff_ch_kinds_label":    {"Items added and removed per kind of data: %s added, %s removed.", "Éléments ajoutés et supprimés par type de données : %s ajoutés, %s supprimés."},
	"diff_ch_timeline":       {"Items in scope accumulated over time, old and new", "Éléments concernés cumulés dans le temps, ancien et nouveau"},
	"diff_ch_timeline_note":  {"By month of creation; the gap between the lines is what changed.", "Par mois de création ; l'écart entre les courbes est ce qui a changé."},
	"diff_ch_timeline_label": {"Items in scope accumulated by month of creation: %s in the old export, %s in the new one.", "Éléments concernés cumulés par mois de création : %s dans l'ancien export, %s dans le nouveau."},

	"out_in_scope":          {"In scope", "Concernés"},
	"out_possibly_in_scope": {"Possibly in scope", "Peut-être concernés"},
	"out_protected":         {"Protected", "Protégés"},
	"out_excluded":          {"Excluded", "Exclus"},
	"out_not_listed":        {"Not listed", "Non mentionnés"},
	"say_in_scope":          {"eligible for LinkedIn's generative-AI training and not protected; they may already have been used.", "éligibles à l'entraînement de l'IA générative de LinkedIn et non protégés ; ils ont peut-être déjà servi."},
	"say_possibly_in_scope": {"would be in scope, but the facts are disputed for them (depending on your region: reactions, reposts, searches, non-public posts, paused periods).", "seraient concernés, mais les faits sont discutés (selon votre région : réactions, republications, recherches, publications non publiques, périodes suspendues)."},
	"say_protected":         {"in a category the policy covers, but kept out by your opt-out or a rule.", "dans une catégorie visée, mais tenus à l'écart par votre refus ou une règle."},
	"say_excluded":          {"LinkedIn says this kind of data (private messages, payments, logins…) is not used for this training.", "LinkedIn dit ne pas utiliser ce type de données (messages privés, paiements, connexions…) pour cet entraînement."},
	"say_not_listed":        {"not named by the training policy; they may serve other purposes, such as advertising.", "non mentionnés par la politique d'entraînement ; ils peuvent servir à d'autres fins, comme la publicité."},

	"ch_timeline":          {"Your items by the month they were created, and their outcome today", "Vos éléments par mois de création, et leur sort aujourd'hui"},
	"ch_timeline_note":     {"Each bar is a month; its parts are the outcomes, each with its own colour and pattern.", "Chaque barre est un mois ; ses parts sont les résultats, chacun avec sa couleur et son motif."},
	"ch_timeline_label":    {"Bar chart of your %s dated items by month of creation, from %s to %s, split by outcome.", "Histogramme de vos %s éléments datés par mois de création, de %s à %s, répartis par résultat."},
	"ch_cumulative":        {"Items in scope, accumulated over time", "Éléments concernés, cumulés dans le temps"},
	"ch_cumulative_note":   {"How much of you a training run could draw on, month after month (solid, dashed and dotted lines).", "Ce qu'un entraînement pourrait utiliser de vous, mois après mois (lignes pleine, tiretée et pointillée)."},
	"ch_cumulative_label":  {"Line chart of your items accumulated by month of creation; at the end: %s.", "Courbes de vos éléments cumulés par mois de création ; à la fin : %s."},
	"ch_whatif":            {"What if you had opted out earlier?", "Et si vous aviez refusé plus tôt ?"},
	"ch_whatif_note":       {"For each month: the items that would be in scope today had you opted out on its first day.", "Pour chaque mois : les éléments qui seraient concernés aujourd'hui si vous aviez refusé le premier jour de ce mois."},
	"ch_whatif_flat":       {"From %s to %s nothing changes, so the chart starts there: an opt-out in those months would leave %s items in scope and %s possibly in scope.", "De %s à %s rien ne change, le graphique commence donc là : un refus pendant ces mois laisserait %s éléments concernés et %s peut-être concernés."},
	"ch_whatif_label":      {"Line chart: had you opted out in %s, %s items would be in scope and %s possibly today; in %s, %s and %s.", "Courbes : avec un refus en %s, %s éléments seraient concernés et %s peut-être aujourd'hui ; en %s, %s et %s."},
	"ch_whatif_empty":      {"No month to show.", "Aucun mois à montrer."},
	"ch_beforeafter":       {"Before and after %s", "Avant et après le %s"},
	"ch_beforeafter_note":  {"Items created before the date, and on or after it, by outcome.", "Éléments créés avant cette date, et à partir de celle-ci, par résultat."},
	"ch_beforeafter_label": {"Bar chart of your items created before %s (%s) and on or after it (%s), by outcome.", "Histogramme de vos éléments créés avant le %s (%s) et à partir de cette date (%s), par résultat."},
	"ch_kinds":             {"Outcome per kind of data", "Résultat par type de données"},
	"ch_kinds_note":        {"The largest kinds; the table “By kind of data” lists them all.", "Les types les plus nombreux ; le tableau « Par type de données » les liste tous."},
	"ch_kinds_label":       {"Bar chart of the outcomes of each of your %d kinds of data.", "Histogramme des résultats de chacun de vos %d types de données."},
	"ch_kinds_largest":     {"The largest: %s, %s items.", "Le plus nombreux : %s, %s éléments."},
	"other_kinds":          {"%d other kinds", "%d autres types"},
	"before":               {"before", "avant"},
	"after":                {"on or after", "à partir du"},
	"mark_start":           {"training starts", "début de l'entraînement"},
	"mark_pause":           {"training paused", "entraînement suspendu"},
	"mark_optout":          {"your opt-out", "votre refus"},
	"mark_line_dashed":     {"Dashed line: %s (%s).", "Ligne tiretée : %s (%s)."},
	"term_export":          {"Export", "Export"},
	"term_policy":          {"Policy", "Règles"},
	"term_total":           {"Total", "Total"},
	"term_more":            {"and %d more", "et %d autres"},
	"term_region_flag":     {"given with --region", "donnée par --region"},
	"term_region_profile":  {"from Profile.csv Geo Location", "d'après Geo Location de Profile.csv"},
	"term_region_default":  {"not found in the export; give --region", "absente de l'export ; indiquez --region"},
	"term_setting_off":     {"setting off on %s", "réglage désactivé le %s"},
	"term_objection_sent":  {"objection sent on %s", "opposition envoyée le %s"},
	"term_no_optout":       {"none given (--opt-out, --objection)", "aucun indiqué (--opt-out, --objection)"},
	"term_added":           {"Added since the old export", "Ajoutés depuis l'ancien export"},
	"term_removed":         {"Removed (deleted) since", "Retirés (supprimés) depuis"},
	"term_changed":         {"Outcome changed", "Résultat changé"},
	"term_report":          {"Report: %s (open it in a browser; it loads nothing from the network)", "Rapport : %s (ouvrez-le dans un navigateur ; il ne charge rien depuis le réseau)"},
	"term_diff_page":       {"Comparison page: %s (open it in a browser; it loads nothing from the network)", "Page de comparaison : %s (ouvrez-la dans un navigateur ; elle ne charge rien depuis le réseau)"},
	"mark_line_optout":     {"Solid blue line: %s (%s).", "Ligne bleue pleine : %s (%s)."},

	// The policy section: the purposes of the region and the version's changes.
	"purposes":      {"Who trains on your data, under which setting", "Qui entraîne des modèles sur vos données, sous quel réglage"},
	"purpose_line":  {"%s: for %s, under the setting \"%s\". Data, in LinkedIn's words: %s.", "%s : pour %s, sous le réglage « %s ». Données, selon les mots de LinkedIn (en anglais) : %s."},
	"purpose_kinds": {"In your export: %s; the items it takes in are flagged %s.", "Dans votre export : %s ; les éléments qu'il reprend portent l'indicateur %s."},
	"changes_title": {"What version %s changed (%s)", "Ce qui change dans la version %s (%s)"},
}

// Text is one of the report's texts in lang (en or fr), with fmt
// arguments applied: the command's own lines that the member reads.
func Text(lang, key string, args ...any) string { return t(lang, key, args...) }

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

// tn is t for a count n: the text key+"_one" when there is one and n is
// singular in lang (1 in English; 0 and 1 in French), else key.
func tn(lang, key string, n int, args ...any) string {
	if n == 1 || lang == "fr" && n == 0 {
		if _, ok := texts[key+"_one"]; ok {
			return t(lang, key+"_one", args...)
		}
	}
	return t(lang, key, args...)
}

// policyTexts translate the embedded policy's category and assumption notes
// (policy.yaml is written in English); a replaced policy file with other
// names keeps its own English notes.
var policyTexts = map[string]tr{
	"scope_in_scope":   {"in scope", "concerné"},
	"scope_disputed":   {"disputed", "discuté"},
	"scope_excluded":   {"excluded", "exclu"},
	"scope_not_listed": {"not listed", "non mentionné"},

	"rule_opt_out":     {"", "Désactiver le réglage (ou s'opposer) n'est pas rétroactif ; le refus effectif est la plus ancienne des deux dates, et les éléments exposés avant peuvent continuer à servir (Garante, LinkedIn le 3 nov. 2025)."},
	"rule_visibility":  {"", "Les avis parlent de contenu public alors que la FAQ ne pose aucune condition de visibilité : une publication qui n'est pas PUBLIC n'est que peut-être concernée."},
	"rule_minor":       {"", "Les données des membres dont LinkedIn pense qu'ils pourraient avoir moins de 18 ans ne sont pas utilisées ; un élément créé quand le membre avait certainement moins de 18 ans est protégé."},
	"rule_lookback":    {"", "Les données anciennes sont reprises (l'AP parle d'un retour à 2003) ; la DPC dit que la période a été réduite sans donner de date, aucune limite n'est donc appliquée par défaut."},
	"rule_undated":     {"", "LinkedIn peut utiliser toutes les données présentes quel que soit leur âge : un élément sans date compte comme existant depuis l'inscription, avant tout refus."},
	"rule_not_started": {"", "Avant l'ouverture de la période d'une région, rien n'est encore utilisé, mais chaque élément existant sera repris à son début, sauf refus préalable."},

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

// kindWord names a kind in English and in French: one item of it, for the
// kinds an explorer row can show (those the policy may put in scope), empty
// for the others, which keep their plural; then its items, the kind's name.
type kindWord struct{ oneEN, manyEN, oneFR, manyFR string }

func (w kindWord) in(lang string) (one, many string) {
	if lang == "fr" {
		return w.oneFR, w.manyFR
	}
	return w.oneEN, w.manyEN
}

// kindNames are the kinds in words.
var kindNames = map[string]kindWord{
	"profile":                 {"profile", "profile", "profil", "profil"},
	"position":                {"position", "positions", "poste", "postes"},
	"education":               {"education", "education", "formation", "formation"},
	"skill":                   {"skill", "skills", "compétence", "compétences"},
	"language":                {"language", "languages", "langue", "langues"},
	"certification":           {"certification", "certifications", "certification", "certifications"},
	"project":                 {"project", "projects", "projet", "projets"},
	"publication":             {"publication", "publications", "publication (profil)", "publications (profil)"},
	"honor":                   {"honor", "honors", "distinction", "distinctions"},
	"course":                  {"course", "courses", "cours", "cours"},
	"volunteering":            {"volunteering", "volunteering", "bénévolat", "bénévolat"},
	"organization":            {"organization", "organizations", "organisation", "organisations"},
	"patent":                  {"patent", "patents", "brevet", "brevets"},
	"cause":                   {"cause", "causes", "cause", "causes"},
	"recommendation_received": {"recommendation received", "recommendations received", "recommandation reçue", "recommandations reçues"},
	"recommendation_given":    {"recommendation given", "recommendations given", "recommandation donnée", "recommandations données"},
	"endorsement_received":    {"endorsement received", "endorsements received", "validation reçue", "validations reçues"},
	"endorsement_given":       {"endorsement given", "endorsements given", "validation donnée", "validations données"},
	"post":                    {"post", "posts", "publication", "publications"},
	"article":                 {"article", "articles", "article", "articles"},
	"comment":                 {"comment", "comments", "commentaire", "commentaires"},
	"reaction":                {"reaction", "reactions", "réaction", "réactions"},
	"poll_vote":               {"poll vote", "poll votes", "vote à un sondage", "votes aux sondages"},
	"repost":                  {"repost", "reposts", "republication", "republications"},
	"media":                   {"photo or video", "photos and videos", "photo ou vidéo", "photos et vidéos"},
	"connection":              {"", "connections", "", "relations"},
	"invitation":              {"", "invitations", "", "invitations"},
	"contact":                 {"", "imported contacts", "", "contacts importés"},
	"note":                    {"", "notes on connections", "", "notes sur des relations"},
	"message":                 {"", "private messages", "", "messages privés"},
	"ai_conversation":         {"AI assistant chat", "AI assistant chats", "conversation avec l'IA", "conversations avec l'IA"},
	"company_follow":          {"", "companies followed", "", "entreprises suivies"},
	"member_follow":           {"", "members followed", "", "membres suivis"},
	"hashtag_follow":          {"", "hashtags followed", "", "hashtags suivis"},
	"saved_item":              {"", "saved items", "", "éléments enregistrés"},
	"event":                   {"", "events", "", "événements"},
	"learning":                {"", "LinkedIn Learning", "", "LinkedIn Learning"},
	"review":                  {"", "reviews", "", "avis"},
	"job_application":         {"", "job applications", "", "candidatures"},
	"saved_job":               {"", "saved jobs", "", "offres enregistrées"},
	"job_preference":          {"", "job preferences", "", "préférences d'emploi"},
	"job_alert":               {"", "job alerts", "", "alertes emploi"},
	"screening_answer":        {"saved screening answer", "saved screening answers", "réponse de présélection", "réponses de présélection enregistrées"},
	"job_posting":             {"", "job postings", "", "offres publiées"},
	"resume":                  {"résumé", "résumés", "CV", "CV"},
	"search_query":            {"search", "searches", "recherche", "recherches"},
	"login":                   {"", "logins", "", "connexions"},
	"security_challenge":      {"", "security checks", "", "contrôles de sécurité"},
	"account_status":          {"", "account status", "", "statut du compte"},
	"ad_targeting":            {"", "ad targeting", "", "ciblage publicitaire"},
	"inference":               {"", "inferences about you", "", "déductions sur vous"},
	"ad_click":                {"", "ads clicked", "", "publicités cliquées"},
	"ad_engagement":           {"", "ad engagement", "", "interactions publicitaires"},
	"email_address":           {"", "e-mail addresses", "", "adresses e-mail"},
	"phone_number":            {"", "phone numbers", "", "numéros de téléphone"},
	"registration":            {"", "registration", "", "inscription"},
	"verification":            {"", "verifications", "", "vérifications"},
	"receipt":                 {"", "payments", "", "paiements"},
	"marketplace":             {"", "services marketplace", "", "place de marché"},
	"hashtag":                 {"", "hashtags you post about", "", "hashtags de vos publications"},
	"calendar":                {"", "calendars", "", "agendas"},
	"test_score":              {"", "test scores", "", "résultats de tests"},
}

// kindOne names one item of kind k.
func kindOne(lang, kind string) string {
	if one, _ := kindNames[kind].in(lang); one != "" {
		return one
	}
	return kindName(lang, kind)
}

func kindName(lang, kind string) string {
	if n, ok := kindNames[kind]; ok {
		_, many := n.in(lang)
		return many
	}
	return strings.ReplaceAll(kind, "_", " ")
}

var monthsFR = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// dateText writes a day in the reader's language: "1 Dec 2025", "1er déc. 2025".
func dateText(lang string, d time.Time) string {
	if d.IsZero() {
		return "–"
	}
	if lang == "fr" {
		day := strconv.Itoa(d.Day())
		if d.Day() == 1 {
			day = "1er"
		}
		return fmt.Sprintf("%s %s %d", day, monthsFR[d.Month()-1], d.Year())
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
