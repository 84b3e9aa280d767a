// Package policy decides, for each item of a LinkedIn data export, whether it falls within
// LinkedIn's training of content-generating AI models ("Data for Generative AI Improvement"),
// given the member's region, the day they opted out, their age and the day of the analysis.
//
// # Why the policy is data
//
// Almost every fact the decision rests on is uncertain or may change: the US start date is
// only the day the programme was disclosed, the Canadian pause date was never published, the
// Irish DPC says the EU look-back was narrowed without saying to when, and LinkedIn's category
// list says "such as". So the rules live in policy.yaml (embedded, replaceable with --policy),
// each region window, category, rule and open assumption with a one-line note and the
// sources it rests on. The loader refuses a file where a rule has no source, a date is
// malformed, a window ends before it starts, a scope is unknown or a contract kind is not
// mapped, and names the line. The Go code only holds the logic, which the contract fixes.
//
// # The model
//
// A policy has regions (EU, UK, CA, HK, US; US stands for every country not in another
// region), each with training windows [start, end): the 2024 default-on roll-out and the
// 3 November 2025 start, some paused, some with an uncertain start. Each item kind belongs to
// a category whose scope is in_scope, disputed, excluded or not_listed.
//
// Classify decides one item in this order:
//
//  1. Category, with its scope in the member's region (by_region): an excluded kind is
//     excluded (reason: the category name, e.g. private_messages; confidence high); a
//     not_listed kind is not_listed (medium), unless another purpose takes it in in that
//     region (UK job postings). A kind missing from the map is not_listed (low, flag
//     unknown_kind).
//  2. Minor: an item created while the member was certainly under 18 is protected (minor).
//     With only a birth year Y, "certainly" means before 1 January of Y+18, the earliest day
//     the member can have turned 18. An item with no exact date (a lower bound, or undated)
//     was made by the as-of day at the latest, so it counts only while the member is still
//     certainly under 18 on that day.
//  3. Look-back: an item with an exact date before the region's cut-off is protected
//     (before_lookback). No region has a cut-off by default; EU items older than the window
//     are flagged lookback_uncertain instead, because the DPC's narrowed period is unknown.
//  4. Windows. The effective opt-out is the earlier of the opt-out and the objection. An
//     undated item counts as created on the registration day (before every window if that is
//     unknown); a lower-bound date is used as the creation day. For each window:
//     - opt-out on or before its start: protected (opted_out_before_start); if the start is
//     uncertain, the items created before the opt-out are possibly_in_scope
//     (start_uncertain) instead, since training may have begun before the stated start;
//     - item created on or after the opt-out: protected (created_after_opt_out);
//     - item created on or after the end of a window: not covered by it;
//     - otherwise exposed: in_scope (no_opt_out, or before_opt_out) while the window runs on
//     the as-of day; possibly_in_scope (paused_window) once it has paused; and, when the
//     window has not opened yet on the as-of day, the not_started rule (below).
//     The most exposed window decides: in_scope > possibly_in_scope > protected; within an
//     outcome, paused_window > start_uncertain > not_started and created_after_opt_out >
//     opted_out_before_start. Items that exist when a window opens are swept in; no opt-out is
//     retroactive.
//  5. A disputed kind (repost, search_query; reaction outside the EU and the UK) that would be
//     in_scope is possibly_in_scope (disputed_category); so is a post whose visibility is set and not
//     PUBLIC (visibility; compared without case, since 2018 exports write "Public").
//
// # Regions, purposes and controls
//
// A category may set another scope for some regions (by_region): the EU notice's table of
// purposes lets the policy read reactions differently there. Category.ScopeIn gives a kind's
// scope for a region, and the classifier uses it in step 1.
//
// The policy's purposes say who trains on what, under which setting. The first is LinkedIn's
// own training: the categories and the regions' windows above decide it. Every other purpose
// names its regions, the kinds it takes in, its own windows and a flag; it must be under the
// same setting (the one --opt-out records), since no other choice of the member is known. An
// item keeps one outcome: that of the most exposed window among its region's windows (where
// its category lets LinkedIn's training take it in) and the windows of every other purpose
// that takes its kind in in that region, with the same opt-out rules. An item a second purpose
// exposes carries that purpose's flag (e.g. microsoft_training). A kind that is excluded or
// disputed in a region cannot be taken in there by another purpose: excluded stays excluded,
// and a dispute would have to be settled per purpose, which one outcome cannot show.
//
// Controls are the settings and forms the policy names, with their menu path and addresses
// and the regions where LinkedIn offers them. A control with a flag is the one that flag's
// date records (opt-out, objection); one without (the ads-sharing setting) is named for the
// reports' "what you can do" and not classified.
//
// The changelog lists, newest first, what each version changed; its first entry is the
// file's own version. Earlier embedded versions stay available (Embedded, Versions) so that a
// result made under one can be reproduced.
//
// # Before any window opens
//
// The contract has no outcome for an item that no window covers on the as-of day (before
// 18 September 2024 in the US, before 3 November 2025 in the EU, or a Canadian post of 2025
// between the pause and the restart). "protected" would tell the member they are safe when
// the item will be swept in at the start; "in_scope" would say it is already eligible. The
// embedded policy reports possibly_in_scope with the added reason not_started (confidence
// medium, flag start_uncertain where that window's start is uncertain): the item would be in
// scope and the only open question is whether the member opts out first. An opt-out that
// already lies on or before the coming start still protects (opted_out_before_start). The
// mapping is rules.not_started in the policy file, so it can be changed without code.
//
// # Days
//
// Every date rule compares UTC calendar days: opt-out, objection, birth and window dates are
// days, and an item's timestamp is reduced to its UTC day. "On or after" and "on or before"
// are meant literally: an item made on the opt-out day is protected (created_after_opt_out),
// and an opt-out on a window's first day protects from it (opted_out_before_start). A window
// end is the first day of the pause, so an item made that day is not covered. The as-of day
// only decides which windows have opened and which have paused; the opt-out and objection
// dates are taken as given, even when they fall after it.
//
// # Confidence
//
// Confidence starts from the typical confidence of the outcome and reason (the policy
// reference, §5.4): high for in_scope, excluded, opted_out_before_start and
// created_after_opt_out; medium for not_listed, minor, paused_window, disputed_category,
// visibility and not_started; low for start_uncertain and before_lookback. It is capped by the
// deciding window's confidence (the UK 2024 window: low; CA and HK 2024: medium) and drops one
// step for each uncertainty that bears on the item: a lower-bound or missing date when a later
// creation day (up to the as-of day) would change the result; lookback_uncertain; a disputed
// kind or non-public post whose outcome another reason decided; an uncertain start behind a
// not_started result.
//
// # Flags
//
// undated, lower_bound_date, historical (created before the window that exposes it opened),
// continued_use_possible (exposed before a late opt-out: under the Garante's reading it may
// keep being used), start_uncertain, lookback_uncertain, paused_window (also exposed in a
// window that has since paused), disputed_category and non_public (when another reason
// decided), unknown_kind, any flags of the item's category (third_party_profile), then the
// flag of each purpose other than LinkedIn's own that exposes the item, or will when its window
// opens (microsoft_training, for UK members' posts, comments, articles, media and job
// postings).
//
// # What-if
//
// WhatIf counts outcomes month by month had the member opted out on the first day of each
// month. It uses that an item's outcome is a step function of the opt-out day, changing only
// at the item's creation day and the window starts, and adds each step's months to difference
// arrays in one pass.
package policy
