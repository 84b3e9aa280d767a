package policy

import (
	"embed"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed policy.yaml
var embeddedYAML []byte

// EmbeddedName is the file name that errors in the embedded policy refer to.
const EmbeddedName = "policy.yaml"

// The earlier versions of the embedded policy, kept so that a result made under one can be
// reproduced: versions/<id>-<version>.yaml, each as it was when it was replaced.
//
//go:embed versions/*.yaml
var versionFiles embed.FS

// OriginSuperseded is the Origin of an earlier embedded version. It is not "embedded": the
// reports translate only the current version's notes.
const OriginSuperseded = "embedded, superseded"

// Outcome is an item's standing towards the training (contract, "Outcomes"). The values
// run from most to least exposed, in the contract's order, so that tallies can index arrays
// by outcome.
type Outcome uint8

const (
	InScope Outcome = iota
	PossiblyInScope
	Protected
	Excluded
	NotListed
)

// NumOutcomes is the number of outcomes: arrays indexed by Outcome have this length.
const NumOutcomes = int(NotListed) + 1

// Outcomes lists the outcomes in the contract's order.
var Outcomes = [NumOutcomes]Outcome{InScope, PossiblyInScope, Protected, Excluded, NotListed}

var outcomeNames = [NumOutcomes]string{"in_scope", "possibly_in_scope", "protected", "excluded", "not_listed"}

// String is the outcome's name in the contract, e.g. "possibly_in_scope".
func (o Outcome) String() string {
	if int(o) < NumOutcomes {
		return outcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", uint8(o))
}

// Exposed reports whether the item may be used for training: in scope or possibly in scope.
func (o Outcome) Exposed() bool { return o <= PossiblyInScope }

// ParseOutcome reads an outcome's contract name.
func ParseOutcome(name string) (Outcome, bool) {
	for i, n := range outcomeNames {
		if n == name {
			return Outcome(i), true
		}
	}
	return 0, false
}

// OutcomeNames lists the outcomes' contract names, in order.
func OutcomeNames() []string { return outcomeNames[:] }

// Reason says why an item has its outcome (contract, "Outcomes"). Besides the constants
// below, the reason of an excluded item is its category's name, e.g. "private_messages".
type Reason string

// Reasons of the contract (the reason of an excluded item is its category name instead).
const (
	ReasonNoOptOut            Reason = "no_opt_out"
	ReasonBeforeOptOut        Reason = "before_opt_out"
	ReasonDisputedCategory    Reason = "disputed_category"
	ReasonVisibility          Reason = "visibility"
	ReasonPausedWindow        Reason = "paused_window"
	ReasonStartUncertain      Reason = "start_uncertain"
	ReasonOptedOutBeforeStart Reason = "opted_out_before_start"
	ReasonCreatedAfterOptOut  Reason = "created_after_opt_out"
	ReasonMinor               Reason = "minor"
	ReasonBeforeLookback      Reason = "before_lookback"
	ReasonNotListed           Reason = "not_listed"
	// ReasonNotStarted is the embedded policy's reason (rules.not_started) for an item that no
	// training window covers on the as-of day, typically because the region's window has not
	// opened yet. The contract has no reason for this case; see doc.go.
	ReasonNotStarted Reason = "not_started"
)

// Flags a result may carry.
const (
	FlagUndated              = "undated"                // no date: counted as existing since registration
	FlagLowerBoundDate       = "lower_bound_date"       // the date is only a lower bound of when it was added
	FlagHistorical           = "historical"             // created before the window that exposes it opened
	FlagContinuedUsePossible = "continued_use_possible" // exposed before a late opt-out (Garante reading)
	FlagStartUncertain       = "start_uncertain"        // the deciding window may have started earlier
	FlagLookbackUncertain    = "lookback_uncertain"     // the region's look-back was narrowed to an unknown date
	FlagPausedWindow         = "paused_window"          // also exposed in a window that has since paused
	FlagDisputedCategory     = "disputed_category"      // disputed kind, outcome decided by another reason
	FlagNonPublic            = "non_public"             // non-PUBLIC post, outcome decided by another reason
	FlagUnknownKind          = "unknown_kind"           // the kind is not in the category map
)

// Confidence levels.
const (
	High   = "high"
	Medium = "medium"
	Low    = "low"
)

// Category scopes (the "outcome category" of a kind in the category map).
const (
	ScopeInScope   = "in_scope"
	ScopeDisputed  = "disputed"
	ScopeExcluded  = "excluded"
	ScopeNotListed = "not_listed"
)

// ContractKinds are the item kinds of the contract's kinds table. A policy must map every one
// of them; it may map more (kinds added for files the contract does not list).
var ContractKinds = []string{
	"profile", "position", "education", "skill", "language", "certification", "project",
	"publication", "honor", "course", "volunteering", "organization", "patent", "cause",
	"recommendation_received", "recommendation_given", "endorsement_received", "endorsement_given",
	"post", "article", "comment", "reaction", "poll_vote", "repost", "media",
	"connection", "invitation", "contact", "note",
	"message", "ai_conversation",
	"company_follow", "member_follow", "hashtag_follow", "saved_item", "event", "learning", "review",
	"job_application", "saved_job", "job_preference", "job_alert", "screening_answer", "job_posting", "resume",
	"search_query", "login", "security_challenge", "account_status",
	"ad_targeting", "inference", "ad_click", "ad_engagement",
	"email_address", "phone_number", "registration", "verification", "receipt", "marketplace",
}

// Source is one published source a rule rests on.
type Source struct {
	ID        string   `yaml:"-"` // key in the policy's source library, e.g. "S3"
	Title     string   `yaml:"title"`
	Publisher string   `yaml:"publisher"`
	Date      string   `yaml:"date"` // as published (for a notice: its effective date): YYYY, YYYY-MM or YYYY-MM-DD
	URL       string   `yaml:"url"`  // the original address where known
	Via       string   `yaml:"via"`  // the copy actually read, when the original was not reachable
	Primary   bool     `yaml:"primary"`
	Archive   *Archive `yaml:"archive"`
	Archived  string   `yaml:"archived"` // YYYY-MM-DD the archive recorded the copy read, "" when not known
	Accessed  string   `yaml:"accessed"` // YYYY-MM-DD the copy was last read for this policy, "" when not recorded
}

// Archive is a dated copy of a text kept in a public git repository (Open Terms Archive):
// the source's Via is the file at that commit.
type Archive struct {
	Repo   string `yaml:"repo"`   // owner/name, e.g. OpenTermsArchive/vlopses-ie-versions
	Path   string `yaml:"path"`   // e.g. LinkedIn/Privacy Policy.md
	Commit string `yaml:"commit"` // 40 hex digits
}

// Basis is what every rule carries: a one-line note and its sources.
type Basis struct {
	Note    string
	Sources []Source
	Line    int // line of the rule in the policy file
}

// Window is a period during which LinkedIn trains on a region's data.
type Window struct {
	Start          time.Time // first day
	End            time.Time // first day training was paused; zero while it runs
	StartUncertain bool      // training may have begun before Start
	EndUncertain   bool      // the pause may have begun before End
	Confidence     string    // optional cap on the confidence of exposures decided here
	Basis

	start, end int64 // UTC day numbers; end = posInf while open
}

// Open reports whether the window has no end.
func (w *Window) Open() bool { return w.End.IsZero() }

// Region is a policy region (EU, UK, CA, HK, US).
type Region struct {
	Code              string
	Name              string
	Countries         []string // English country names that belong to it
	RestOfWorld       bool     // stands for every recognised country not in another region
	LookbackCutoff    time.Time
	LookbackUncertain bool
	Windows           []Window
	Basis

	cutoff int64            // negInf when none
	plans  map[string]*plan // per kind: how items of the kind are decided in this region
}

// Category maps kinds to a scope.
type Category struct {
	Name     string
	Scope    string
	Kinds    []string
	Flags    []string
	ByRegion []RegionScope // the scope in some regions, where it differs from Scope
	Basis
}

// RegionScope is a category's scope in some regions, with why it differs there.
type RegionScope struct {
	Regions []string
	Scope   string
	Basis
}

// ScopeIn is the category's scope for a member of the region (a code, case-insensitive), with
// the rule that sets it: the category's own, or a by-region rule naming that region.
func (c *Category) ScopeIn(region string) (string, Basis) {
	code := strings.ToUpper(strings.TrimSpace(region))
	for i := range c.ByRegion {
		if slices.Contains(c.ByRegion[i].Regions, code) {
			return c.ByRegion[i].Scope, c.ByRegion[i].Basis
		}
	}
	return c.Scope, c.Basis
}

// OptOutRule: how the toggle and the objection combine and what a late opt-out means.
type OptOutRule struct {
	Effective            string // "earliest": the earlier of opt-out and objection
	ContinuedUsePossible bool   // flag items exposed before a late opt-out
	Basis
}

// VisibilityRule: a post whose visibility is set and not public is only possibly in scope.
type VisibilityRule struct {
	Kinds  []string
	Public []string // values that count as public (compared without case)
	Basis
}

// MinorRule: an item created while the member was certainly under Age is protected.
type MinorRule struct {
	Age int
	Basis
}

// UndatedRule: what an undated item is assumed to be.
type UndatedRule struct {
	Assume string // "since_registration"
	Basis
}

// NotStartedRule: the outcome of an item no window covers on the as-of day.
type NotStartedRule struct {
	Outcome Outcome
	Reason  Reason
	Basis
}

// Rules are the policy's rules besides windows and categories.
type Rules struct {
	OptOut     OptOutRule
	Visibility VisibilityRule
	Minor      MinorRule
	Lookback   Basis // cut-offs are per region (Region.LookbackCutoff)
	Undated    UndatedRule
	NotStarted NotStartedRule
}

// Control is a setting or form LinkedIn offers members. Flag names the command-line flag
// that records the day the member used it ("opt-out", "objection"); a control without one is
// named for the member's information and not classified.
type Control struct {
	ID         string   `yaml:"id"`
	Name       string   `yaml:"name"`
	Label      string   `yaml:"label"`       // the toggle's or option's wording, when there is one
	Path       string   `yaml:"path"`        // where it is in LinkedIn's menus, when known
	URL        string   `yaml:"url"`         // its address
	AlsoURLs   []string `yaml:"also_urls"`   // other addresses LinkedIn gives for it
	Regions    []string `yaml:"regions"`     // where it is offered; empty: every region
	GPC        []string `yaml:"gpc"`         // regions where LinkedIn honours a Global Privacy Control signal for it
	Flag       string   `yaml:"flag"`        // "opt-out", "objection" or ""
	Covers     string   `yaml:"covers"`      // what it controls, in one line
	NotOffered string   `yaml:"not_offered"` // why it is not offered elsewhere, when Regions is set
	Basis      `yaml:"-"`
}

// Offered reports whether the control is offered to members of the region.
func (c *Control) Offered(region string) bool {
	return len(c.Regions) == 0 || slices.Contains(c.Regions, strings.ToUpper(strings.TrimSpace(region)))
}

// Purpose is one use of member data under the policy's setting. The main purpose (Main) is
// LinkedIn's own training, decided by the categories and the regions' windows. Every other
// purpose applies in its Regions to its Kinds through its own Windows: an item of those kinds
// is exposed when either purpose exposes it, and flagged with the purpose's Flag when this
// one does.
type Purpose struct {
	ID          string
	Name        string
	Recipient   string   // who trains on the data
	Control     *Control // the setting that stops it
	Main        bool
	Regions     []string // empty for the main purpose: every region
	Kinds       []string // export kinds it takes in (not for the main purpose)
	Flag        string   // flag of the items it exposes (not for the main purpose)
	Data        []string // the data, in LinkedIn's words
	NotInExport string   // which of that data no export file holds
	Windows     []Window
	Basis
}

// AppliesTo reports whether the purpose concerns members of the region.
func (u *Purpose) AppliesTo(region string) bool {
	return len(u.Regions) == 0 || slices.Contains(u.Regions, strings.ToUpper(strings.TrimSpace(region)))
}

// Change is one dated entry of the policy's changelog: what a version changed.
type Change struct {
	Version string
	Date    time.Time
	Changes []string
	Sources []Source
	Line    int
}

// Assumption is an open question and what the policy assumes about it.
type Assumption struct {
	ID string
	Basis
}

// Policy is a loaded, validated policy. It is read-only once loaded: Default returns a shared
// instance, so callers must not modify it.
type Policy struct {
	ID          string
	Version     string
	Title       string
	Setting     string // name of LinkedIn's setting
	Toggle      string // label of its toggle
	Origin      string // "embedded" or the file it was loaded from
	Sources     []Source
	Regions     []Region
	Categories  []Category
	Rules       Rules
	Assumptions []Assumption
	Changelog   []Change  // newest first; the first entry is this version
	Controls    []Control // the settings and forms named in the policy
	Purposes    []Purpose // the main purpose first; none in a file without purposes

	byKind   map[string]*Category
	byRegion map[string]*Region
	country  map[string]string // canonical country name -> region code
	rest     *Region
	visKinds map[string]bool
	public   []string
}

// Region returns the region with the given code (case-insensitive).
func (p *Policy) Region(code string) (*Region, bool) {
	r, ok := p.byRegion[strings.ToUpper(strings.TrimSpace(code))]
	return r, ok
}

// PurposesFor lists the purposes that concern members of the region, the main one first.
func (p *Policy) PurposesFor(region string) []*Purpose {
	var out []*Purpose
	for i := range p.Purposes {
		if p.Purposes[i].AppliesTo(region) {
			out = append(out, &p.Purposes[i])
		}
	}
	return out
}

// Control returns the control with the given id.
func (p *Policy) Control(id string) (*Control, bool) {
	for i := range p.Controls {
		if p.Controls[i].ID == id {
			return &p.Controls[i], true
		}
	}
	return nil, false
}

// RestOfWorld returns the region that stands for every country not in another region.
func (p *Policy) RestOfWorld() *Region { return p.rest }

// Category returns the category of a kind.
func (p *Policy) Category(kind string) (*Category, bool) {
	c, ok := p.byKind[kind]
	return c, ok
}

// Error is a policy file that cannot be used. Its text names the file and line:
// "policy.yaml:42: window end 2024-01-01 before start 2024-09-18".
type Error struct {
	File string
	Line int // 0 when not known
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var (
	defaultOnce   sync.Once
	defaultPolicy *Policy
)

// Default returns the embedded policy. It is shared: do not modify it.
func Default() *Policy {
	defaultOnce.Do(func() {
		p, err := load(embeddedYAML, EmbeddedName)
		if err != nil {
			panic("embedded policy: " + err.Error()) // caught by the package's tests
		}
		p.Origin = "embedded"
		defaultPolicy = p
	})
	return defaultPolicy
}

// UnknownVersionError is a version that no embedded policy has.
type UnknownVersionError struct {
	Version string
	Known   []string // the embedded versions, newest first
}

func (e *UnknownVersionError) Error() string {
	return fmt.Sprintf("no embedded policy has version %q (known: %s)", e.Version, strings.Join(e.Known, ", "))
}

var (
	versionsOnce sync.Once
	versionList  []string          // newest first
	versionPath  map[string]string // version -> file in versionFiles
	versionCache sync.Map          // version -> *Policy
)

func loadVersionList() {
	versionsOnce.Do(func() {
		versionPath = map[string]string{}
		current := Default()
		entries, _ := versionFiles.ReadDir("versions")
		var older []string
		for _, e := range entries {
			v, ok := strings.CutPrefix(strings.TrimSuffix(e.Name(), ".yaml"), current.ID+"-")
			if !ok || v == current.Version {
				continue // caught by the package's tests
			}
			versionPath[v] = "versions/" + e.Name()
			older = append(older, v)
		}
		// Versions are dates: newest first.
		slices.Sort(older)
		slices.Reverse(older)
		versionList = append([]string{current.Version}, older...)
	})
}

// Versions lists the versions of the embedded policy, the current one first, then the earlier
// ones, newest first.
func Versions() []string {
	loadVersionList()
	return slices.Clone(versionList)
}

// Embedded returns the embedded policy of the given version: the current one (Default) for
// "" or its version, else an earlier one, whose Origin is OriginSuperseded. An unknown version
// is an *UnknownVersionError. The policy is shared: do not modify it.
func Embedded(version string) (*Policy, error) {
	version = strings.TrimSpace(version)
	if version == "" || version == Default().Version {
		return Default(), nil
	}
	loadVersionList()
	file, ok := versionPath[version]
	if !ok {
		return nil, &UnknownVersionError{Version: version, Known: slices.Clone(versionList)}
	}
	if p, ok := versionCache.Load(version); ok {
		return p.(*Policy), nil
	}
	data, err := versionFiles.ReadFile(file)
	if err != nil {
		panic("embedded policy " + file + ": " + err.Error()) // caught by the package's tests
	}
	p, err := load(data, file)
	if err != nil {
		panic("embedded policy: " + err.Error()) // caught by the package's tests
	}
	p.Origin = OriginSuperseded
	actual, _ := versionCache.LoadOrStore(version, p)
	return actual.(*Policy), nil
}

// Load reads and validates a policy file. origin names it in errors and in Policy.Origin.
func Load(r io.Reader, origin string) (*Policy, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{File: origin, Msg: err.Error()}
	}
	return load(data, origin)
}

var (
	dayRe  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	pubRe  = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	nameRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	codeRe = regexp.MustCompile(`^[A-Z]{2,8}$`)
)

// parseDay parses a policy date (YYYY-MM-DD, a calendar day, UTC).
func parseDay(s string) (time.Time, bool) {
	if !dayRe.MatchString(s) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

func validPubDate(s string) bool {
	if !pubRe.MatchString(s) {
		return false
	}
	switch len(s) {
	case 4:
		_, err := time.Parse("2006", s)
		return err == nil
	case 7:
		_, err := time.Parse("2006-01", s)
		return err == nil
	}
	_, ok := parseDay(s)
	return ok
}

func oneOf(v string, set ...string) bool { return slices.Contains(set, v) }
