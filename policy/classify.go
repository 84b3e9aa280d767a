package policy

import (
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// Subject is one item to classify, as the policy sees it.
type Subject struct {
	Kind       string    // contract kind name, e.g. "post", "message"
	Date       time.Time // creation date, or a lower bound, or zero
	LowerBound bool      // Date is only a lower bound of when the item was added
	Visibility string    // as exported ("PUBLIC", "MEMBER_NETWORK", ...), "" when unknown
}

// Member holds the facts about the member that the policy needs, and where the two facts
// that can come from the export or from the member were taken (for the reports; the rules
// do not read them).
type Member struct {
	Region       string    // EU, UK, CA, HK, US (an unknown code is treated as the rest-of-world region)
	OptOut       time.Time // zero = never
	Objection    time.Time // zero = never; the effective opt-out is the earlier of the two
	Born         time.Time // zero = adult; a year-only birth is Jan 1 of that year with BornYearOnly
	BornYearOnly bool
	Registered   time.Time // lower bound for undated items (zero = unknown: before every window)

	RegionSource string // "flag", "profile" (Profile.csv Geo Location) or "default"
	BornSource   string // "flag", "verifications" or "" when not known
}

// EffectiveOptOut is the day from which the member's choice protects new items: the
// earlier of the opt-out and the objection, zero when neither was made.
func (m Member) EffectiveOptOut() time.Time {
	if o := effectiveOptOut(m); o != posInf {
		return dayTime(o)
	}
	return time.Time{}
}

// Result is the classification of one item.
//
// Flags is never nil, and it is shared: results with the same flags hold the same read-only
// list, so a caller must not modify its elements (nor sort it in place). Appending to it is
// safe: its capacity is its length, so append copies.
type Result struct {
	Outcome    Outcome
	Reason     Reason
	Confidence string
	Flags      []string
}

// Days. Every date rule compares UTC calendar days: the opt-out, the objection, the birth
// date and the window dates are days, and an item's timestamp is reduced to its UTC day.
const (
	negInf     = math.MinInt64 / 4 // "before every day": undated items with no registration
	posInf     = math.MaxInt64 / 4 // "never": no opt-out, a window still open
	dateLayout = time.DateOnly
	secsPerDay = 86400
)

// dayNum is the number of the UTC calendar day of t (days since 1970-01-01).
func dayNum(t time.Time) int64 {
	s := t.Unix()
	d := s / secsPerDay
	if s%secsPerDay < 0 {
		d--
	}
	return d
}

func dayTime(d int64) time.Time { return time.Unix(d*secsPerDay, 0).UTC() }

// effectiveOptOut is the earlier of the opt-out and the objection, or posInf.
func effectiveOptOut(m Member) int64 {
	o := int64(posInf)
	for _, t := range []time.Time{m.OptOut, m.Objection} {
		if !t.IsZero() {
			o = min(o, dayNum(t))
		}
	}
	return o
}

// adultDay is the first day on which the member can no longer be certainly under age.
//
// With a full birth date that is the birthday of that age. With only a birth year Y (Born is
// Jan 1 of Y), the member was born somewhere in Y, so they turn 18 somewhere in Y+18; the
// earliest possible birthday is Jan 1 of Y+18, and only items created before that day were
// certainly made while under 18. The same computation (Born + 18 years) gives both. A 29
// February birthday turns into 28 February in a common year: the earlier of the two days
// the law may use, since "certainly under 18" must hold under either.
func adultDay(born time.Time, yearOnly bool, age int) int64 {
	born = born.UTC()
	y, m, d := born.Date()
	if yearOnly {
		m, d = time.January, 1
	}
	y += age
	if m == time.February && d == 29 && !isLeap(y) {
		d = 28
	}
	return dayNum(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// item is a subject reduced to what the window rules need.
type item struct {
	c       int64 // creation day; for lower-bound and undated items the earliest day (negInf: unknown)
	exact   bool  // c is the creation day itself
	undated bool
}

// dateFlags are the flags of an item whose date is not its creation day.
func (it item) dateFlags() flagSet {
	switch {
	case it.undated:
		return bitUndated
	case !it.exact:
		return bitLowerBound
	}
	return 0
}

// Classifier classifies the items of one member as of one day: it is Policy.Classify with
// the facts about the member (region, effective opt-out day, the day they may be adult,
// registration day) and the as-of day worked out once, for a member with many items. It is
// read-only once made, so one Classifier may be used by several goroutines at once. Make
// one with Policy.Classifier.
type Classifier struct {
	p      *Policy
	r      *Region
	a      int64 // as-of day
	o      int64 // effective opt-out day; posInf: never
	adult  int64 // first day the member may be adult (adultDay); negInf: no birth date
	reg    int64 // registration day, when hasReg
	hasReg bool
}

// Classifier returns the classifier of member m's items as of the day asOf:
// p.Classifier(m, asOf).Classify(s) is p.Classify(s, m, asOf).
func (p *Policy) Classifier(m Member, asOf time.Time) *Classifier {
	c := new(Classifier)
	p.prepare(c, m, asOf)
	return c
}

func (p *Policy) prepare(c *Classifier, m Member, asOf time.Time) {
	*c = Classifier{p: p, r: p.region(m.Region), a: dayNum(asOf), o: effectiveOptOut(m), adult: negInf}
	if !m.Born.IsZero() {
		c.adult = adultDay(m.Born, m.BornYearOnly, p.Rules.Minor.Age)
	}
	if !m.Registered.IsZero() {
		c.reg, c.hasReg = dayNum(m.Registered), true
	}
}

// A lower-bound date (a position's Started On) cannot be earlier than the
// registration: nothing was added to the profile before the account existed.
func (c *Classifier) itemOf(s Subject) item {
	switch {
	case !s.Date.IsZero() && s.LowerBound && c.hasReg:
		return item{c: max(dayNum(s.Date), c.reg)}
	case !s.Date.IsZero():
		return item{c: dayNum(s.Date), exact: !s.LowerBound}
	case c.hasReg:
		return item{c: c.reg, undated: true}
	}
	return item{c: negInf, undated: true}
}

// region resolves the member's region; an unknown code falls back to the rest-of-world region.
func (p *Policy) region(code string) *Region {
	if r, ok := p.Region(code); ok {
		return r
	}
	return p.rest
}

// plan is how the items of one kind are decided for the members of one region: the scope of
// the kind's category there, and the windows that can expose its items. Those are the
// region's own windows (LinkedIn's training) where the scope lets that training take the kind
// in, then the windows of every other purpose that takes the kind in, in that region. The
// loader makes the plans (makePlans); classifying an item looks its plan up once.
type plan struct {
	cat      *Category
	scope    string     // the category's scope in the region
	wins     []*Window  // the windows that can expose the item
	bit      []int8     // per window: the bit of its purpose in purposes, -1 for the main purpose
	purposes []*Purpose // the other purposes among wins
	starts   []bound    // the distinct window starts, sorted (what-if thresholds)
	decided  bool       // no window applies: gate is the result of every item
	gate     Result
	flags    [][]string // per set of purposes (bits of purposes): the category's flags, then theirs
}

// maxPurposes bounds the purposes other than the main one that may take in one kind.
const maxPurposes = 8

// makePlans works out every region's plan of every mapped kind.
func (p *Policy) makePlans() {
	for ri := range p.Regions {
		r := &p.Regions[ri]
		r.plans = map[string]*plan{}
		for ci := range p.Categories {
			c := &p.Categories[ci]
			scope, _ := c.ScopeIn(r.Code)
			for _, k := range c.Kinds {
				pl := &plan{cat: c, scope: scope}
				if scope == ScopeInScope || scope == ScopeDisputed {
					for i := range r.Windows {
						pl.wins = append(pl.wins, &r.Windows[i])
						pl.bit = append(pl.bit, -1)
					}
				}
				for ui := range p.Purposes {
					u := &p.Purposes[ui]
					if u.Main || !u.AppliesTo(r.Code) || !slices.Contains(u.Kinds, k) || len(pl.purposes) == maxPurposes {
						continue
					}
					for i := range u.Windows {
						pl.wins = append(pl.wins, &u.Windows[i])
						pl.bit = append(pl.bit, int8(len(pl.purposes)))
					}
					pl.purposes = append(pl.purposes, u)
				}
				pl.flags = make([][]string, 1<<len(pl.purposes))
				for mask := range pl.flags {
					f := slices.Clone(c.Flags)
					for b, u := range pl.purposes {
						if mask&(1<<b) != 0 {
							f = append(f, u.Flag)
						}
					}
					pl.flags[mask] = slices.Clip(f)
				}
				var days []int64
				for _, w := range pl.wins {
					days = append(days, w.start)
				}
				slices.Sort(days)
				for _, d := range slices.Compact(days) {
					pl.starts = append(pl.starts, bound{d, monthOf(d)})
				}
				switch {
				case len(pl.wins) > 0:
				case scope == ScopeExcluded:
					pl.decided = true
					pl.gate = Result{Outcome: Excluded, Reason: Reason(c.Name), Confidence: High, Flags: flagList(0, pl.flags[0])}
				default:
					pl.decided = true
					pl.gate = Result{Outcome: NotListed, Reason: ReasonNotListed, Confidence: Medium, Flags: flagList(0, pl.flags[0])}
				}
				r.plans[k] = pl
			}
		}
	}
}

// gate applies the rules that do not depend on the opt-out day: category, minor, look-back.
// done reports that one of them decides, with the result; pl is the item's plan (nil for an
// unknown kind) either way.
func (c *Classifier) gate(s Subject, it item) (res Result, pl *plan, done bool) {
	if res, pl, done = categoryGate(s, c.r); done {
		return res, pl, true
	}
	res, done = c.memberGate(it, pl)
	return res, pl, done
}

// categoryGate applies the category in the member's region: excluded, not listed and unknown
// kinds are decided by the kind alone, unless another purpose takes a not-listed kind in.
func categoryGate(s Subject, r *Region) (Result, *plan, bool) {
	pl, known := r.plans[s.Kind]
	if !known {
		return Result{Outcome: NotListed, Reason: ReasonNotListed, Confidence: Low, Flags: flagList(bitUnknownKind, nil)}, nil, true
	}
	if pl.decided {
		return pl.gate, pl, true
	}
	return Result{}, pl, false
}

// memberGate applies the under-age rule and the look-back cut-off to an item that may be in
// scope.
func (c *Classifier) memberGate(it item, pl *plan) (Result, bool) {
	// An exact date settles it. A lower bound or no date does not tell when the item was
	// made, only that it existed by the as-of day: it is certainly a minor's item only if
	// the member is still certainly under age on that day. Without a birth date adult is
	// negInf, before every item.
	if it.c < c.adult && (it.exact || c.a < c.adult) {
		return Result{Outcome: Protected, Reason: ReasonMinor, Confidence: Medium, Flags: flagList(it.dateFlags(), pl.flags[0])}, true
	}
	// The look-back cut-off protects only items certainly made before it.
	if it.exact && it.c < c.r.cutoff {
		return Result{Outcome: Protected, Reason: ReasonBeforeLookback, Confidence: Low, Flags: flagList(it.dateFlags(), pl.flags[0])}, true
	}
	return Result{}, false
}

// flagSet is a set of the policy's own flags, one bit each, in the order in which a result
// lists them; the category's flags come after them.
type flagSet uint16

const (
	bitUndated flagSet = 1 << iota
	bitLowerBound
	bitHistorical
	bitLookbackUncertain
	bitContinuedUse
	bitPausedWindow
	bitDisputed
	bitNonPublic
	bitStartUncertain
	bitUnknownKind
	nFlagBits = iota
)

var flagNames = [nFlagBits]string{FlagUndated, FlagLowerBoundDate, FlagHistorical, FlagLookbackUncertain,
	FlagContinuedUsePossible, FlagPausedWindow, FlagDisputedCategory, FlagNonPublic, FlagStartUncertain,
	FlagUnknownKind}

// Flag lists are interned: an export of millions of items has a few dozen distinct lists, and
// results share them (see Result). flagTab is a hash table of lists keyed by their content,
// filled on first use and never emptied: lock-free, so that concurrent Classify calls need no
// lock, and keyed by content rather than by policy or category, so that it needs no state in
// the policy. A list is looked up by its bits and its category flags and checked against both
// on every hit, so that a list that a caller modified after all is not handed out again.
var (
	flagTab  [1 << 10]atomic.Pointer[flagEntry]
	flagSeed = maphash.MakeSeed()
	noFlags  = []string{} // shared: its capacity is 0
)

const flagProbes = 8 // slots tried before a list is made without interning it

type flagEntry struct {
	bits flagSet
	list []string // flagNames of bits, then the category flags; cap == len
}

// flagList returns the flags of the bits b followed by the category flags cf, interned.
func flagList(b flagSet, cf []string) []string {
	if b == 0 && len(cf) == 0 {
		return noFlags
	}
	h := uint64(b)
	for _, f := range cf {
		h = h*31 + maphash.String(flagSeed, f)
	}
	for i := range uint64(flagProbes) {
		slot := &flagTab[(h+i)%uint64(len(flagTab))]
		e := slot.Load()
		if e == nil {
			e = &flagEntry{bits: b, list: makeFlags(b, cf)}
			if slot.CompareAndSwap(nil, e) {
				return e.list
			}
			e = slot.Load()
		}
		if e.is(b, cf) {
			return e.list
		}
	}
	return makeFlags(b, cf) // the table is crowded: a fresh list
}

// is reports whether e holds the flags of b followed by cf.
func (e *flagEntry) is(b flagSet, cf []string) bool {
	if e.bits != b || len(e.list) != bits.OnesCount16(uint16(b))+len(cf) {
		return false
	}
	k := 0
	for ; b != 0; b &= b - 1 {
		if e.list[k] != flagNames[bits.TrailingZeros16(uint16(b))] {
			return false
		}
		k++
	}
	for _, f := range cf {
		if e.list[k] != f {
			return false
		}
		k++
	}
	return true
}

func makeFlags(b flagSet, cf []string) []string {
	list := make([]string, 0, bits.OnesCount16(uint16(b))+len(cf))
	for ; b != 0; b &= b - 1 {
		list = append(list, flagNames[bits.TrailingZeros16(uint16(b))])
	}
	return append(list, cf...)
}

// verdict is what one window (or the policy's windows together) says about an item.
type verdict struct {
	outcome    Outcome
	reason     Reason
	rank       int // higher = more exposed
	win        int // deciding window (index in the plan's windows), -1 for none
	historical bool
	pausedToo  bool  // some paused window exposed the item as well
	via        uint8 // the plan's other purposes (bits) whose windows expose the item
}

func outcomeRank(o Outcome) int {
	switch o {
	case InScope:
		return 4
	case PossiblyInScope:
		return 3
	case Protected:
		return 2
	case NotListed:
		return 1
	}
	return 0
}

// Reasons rank within an outcome: the most specific exposure or protection wins.
func reasonRank(r Reason) int {
	switch r {
	case ReasonPausedWindow, ReasonCreatedAfterOptOut:
		return 3
	case ReasonStartUncertain, ReasonOptedOutBeforeStart:
		return 2
	}
	return 1
}

func mk(outcome Outcome, reason Reason, win int, historical bool) verdict {
	return verdict{outcome: outcome, reason: reason, rank: outcomeRank(outcome)*10 + reasonRank(reason), win: win, historical: historical}
}

// window applies the window rules of the contract to one window. ok is false when the window
// does not cover the item (created after it paused).
//
//	opt-out on or before the start        -> protected (opted_out_before_start), except that
//	                                         with an uncertain start the items that existed
//	                                         before the opt-out are possibly_in_scope
//	                                         (start_uncertain): training may have begun earlier
//	item created on or after the opt-out  -> protected (created_after_opt_out)
//	item created on or after a paused end -> not covered by this window
//	otherwise exposed: not opened yet     -> rules.not_started (possibly_in_scope, not_started)
//	                   paused by as-of    -> possibly_in_scope (paused_window)
//	                   running            -> in_scope (no_opt_out / before_opt_out)
func (p *Policy) window(i int, w *Window, c, o, a int64) (verdict, bool) {
	if o <= w.start {
		if w.StartUncertain && c < o {
			return mk(PossiblyInScope, ReasonStartUncertain, i, false), true
		}
		return mk(Protected, ReasonOptedOutBeforeStart, i, false), true
	}
	if c >= o {
		return mk(Protected, ReasonCreatedAfterOptOut, i, false), true
	}
	if c >= w.end {
		return verdict{}, false
	}
	hist := c < w.start
	switch {
	case a < w.start:
		ns := p.Rules.NotStarted
		return mk(ns.Outcome, ns.Reason, i, hist), true
	case w.end <= a:
		return mk(PossiblyInScope, ReasonPausedWindow, i, hist), true
	case o == posInf:
		return mk(InScope, ReasonNoOptOut, i, hist), true
	}
	return mk(InScope, ReasonBeforeOptOut, i, hist), true
}

// windows gives the most exposed verdict over all of the plan's windows (on a tie, the
// earlier window: LinkedIn's own training before another purpose). Items that exist before a
// window opens are swept in when it opens: nothing here is retroactive.
func (p *Policy) windows(pl *plan, c, o, a int64) verdict {
	best := verdict{rank: -1, win: -1}
	paused := false
	var via uint8
	for i, w := range pl.wins {
		v, ok := p.window(i, w, c, o, a)
		if !ok {
			continue
		}
		if v.reason == ReasonPausedWindow {
			paused = true
		}
		if b := pl.bit[i]; b >= 0 && v.outcome.Exposed() {
			via |= 1 << b
		}
		if v.rank > best.rank {
			best = v
		}
	}
	if best.win < 0 {
		// No window covers the item: it postdates every paused window and none has (re)opened.
		ns := p.Rules.NotStarted
		best = mk(ns.Outcome, ns.Reason, -1, false)
	}
	best.pausedToo = paused && best.reason != ReasonPausedWindow
	best.via = via
	return best
}

// finish turns the window verdict into the item's outcome: disputed kinds and non-public posts
// are only possibly in scope where they would be in scope. flags are their flags, set only
// for an exposed outcome decided by another reason.
func (p *Policy) finish(v verdict, pl *plan, s Subject) (outcome Outcome, reason Reason, flags flagSet) {
	outcome, reason = v.outcome, v.reason
	// The loader lets no other purpose take in a kind that is disputed in its region, so a
	// disputed kind is decided by LinkedIn's own windows only.
	disputed := pl.scope == ScopeDisputed
	nonPublic := p.nonPublic(s)
	if outcome == InScope {
		switch {
		case disputed:
			outcome, reason, disputed = PossiblyInScope, ReasonDisputedCategory, false
		case nonPublic:
			outcome, reason, nonPublic = PossiblyInScope, ReasonVisibility, false
		}
	}
	if outcome.Exposed() {
		if disputed {
			flags |= bitDisputed
		}
		if nonPublic {
			flags |= bitNonPublic
		}
	}
	return outcome, reason, flags
}

// nonPublic: the visibility rule applies to the kind, and the visibility is set and not public.
func (p *Policy) nonPublic(s Subject) bool {
	if !p.visKinds[s.Kind] {
		return false
	}
	v := strings.TrimSpace(s.Visibility)
	if v == "" {
		return false
	}
	for _, pub := range p.public {
		if strings.EqualFold(v, pub) {
			return false
		}
	}
	return true
}

// Classify decides one item's outcome as of the day asOf. It is pure: the result depends only
// on its arguments and the policy. For many items of one member, Classifier saves working out
// the member's facts for each.
//
// Order: category (excluded, not_listed), then the under-age rule, the look-back cut-off, and
// the training windows (see window). Confidence starts from the typical confidence of the
// outcome and reason (the policy reference, §5.4), is capped by the deciding window's
// confidence, and drops one step (high > medium > low) for each uncertainty that bears on this
// item: its date is only a lower bound or unknown and a later date would change the result;
// the region's look-back was narrowed to an unknown date and the item predates the window;
// a disputed kind or a non-public post whose outcome came from another reason; an uncertain
// window start that the result depends on.
func (p *Policy) Classify(s Subject, m Member, asOf time.Time) Result {
	// The category alone decides most items (messages): no need for the member's facts.
	res, pl, done := categoryGate(s, p.region(m.Region))
	if done {
		return res
	}
	var c Classifier
	p.prepare(&c, m, asOf)
	return c.classify(s, pl)
}

// Classify decides the outcome of one item of the Classifier's member as of its day, as
// Policy.Classify does.
func (c *Classifier) Classify(s Subject) Result {
	res, pl, done := categoryGate(s, c.r)
	if done {
		return res
	}
	return c.classify(s, pl)
}

// classify classifies an item of plan pl, which the category gate let through.
func (c *Classifier) classify(s Subject, pl *plan) Result {
	p, r, a, o := c.p, c.r, c.a, c.o
	it := c.itemOf(s)
	if res, done := c.memberGate(it, pl); done {
		return res
	}
	v := p.windows(pl, it.c, o, a)
	outcome, reason, extra := p.finish(v, pl, s)

	flags := it.dateFlags()
	var w *Window
	if v.win >= 0 {
		w = pl.wins[v.win]
	}
	lower := 0
	if outcome.Exposed() {
		if v.historical {
			flags |= bitHistorical
			if r.LookbackUncertain {
				flags |= bitLookbackUncertain
				lower++
			}
		}
		if reason == ReasonBeforeOptOut && p.Rules.OptOut.ContinuedUsePossible {
			flags |= bitContinuedUse
		}
		if v.pausedToo {
			flags |= bitPausedWindow
		}
		lower += bits.OnesCount16(uint16(extra))
		flags |= extra
	}
	if w != nil && w.StartUncertain && (reason == ReasonStartUncertain || v.reason == p.Rules.NotStarted.Reason && v.win >= 0) {
		flags |= bitStartUncertain
		if reason != ReasonStartUncertain {
			lower++
		}
	}

	conf := baseConfidence(outcome, reason)
	if w != nil && w.Confidence != "" && outcome.Exposed() {
		conf = minConf(conf, w.Confidence)
	}
	if !it.exact && p.dateSensitive(pl, it, o, a, v) {
		lower++
	}
	for ; lower > 0; lower-- {
		conf = lowerConf(conf)
	}
	via := uint8(0)
	if outcome.Exposed() {
		via = v.via
	}
	return Result{Outcome: outcome, Reason: reason, Confidence: conf, Flags: flagList(flags, pl.flags[via])}
}

// dateSensitive reports whether an item whose date is only a lower bound (or unknown) would get
// another verdict had it been made later, up to the as-of day. The verdict only changes where
// the creation day crosses the opt-out or a window's start or end, so those days are the only
// candidates to try.
func (p *Policy) dateSensitive(pl *plan, it item, o, a int64, v verdict) bool {
	changes := func(c int64) bool {
		if c <= it.c || c > a {
			return false
		}
		u := p.windows(pl, c, o, a)
		return u.outcome != v.outcome || u.reason != v.reason
	}
	if changes(a) || changes(o) {
		return true
	}
	for _, w := range pl.wins {
		if changes(w.start) || changes(w.end) {
			return true
		}
	}
	return false
}

// baseConfidence is the typical confidence of an outcome and reason (policy reference §5.4).
func baseConfidence(outcome Outcome, reason Reason) string {
	switch outcome {
	case InScope, Excluded:
		return High
	case Protected:
		switch reason {
		case ReasonOptedOutBeforeStart, ReasonCreatedAfterOptOut:
			return High
		case ReasonBeforeLookback:
			return Low
		}
		return Medium
	case PossiblyInScope:
		if reason == ReasonStartUncertain {
			return Low
		}
		return Medium
	}
	return Medium
}

func confLevel(c string) int {
	switch c {
	case High:
		return 2
	case Medium:
		return 1
	}
	return 0
}

func minConf(a, b string) string {
	if confLevel(b) < confLevel(a) {
		return b
	}
	return a
}

func lowerConf(c string) string {
	switch c {
	case High:
		return Medium
	}
	return Low
}
