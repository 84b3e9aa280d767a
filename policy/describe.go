package policy

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// describeWidth is the column Describe wraps its text at.
const describeWidth = 100

// Describe writes the policy as readable text, every rule with its sources: what
// `exposure policy [--region R]` prints. The changelog comes first. With a region code only
// that region's windows, look-back, purposes, by-region scopes and controls are shown;
// categories, rules and assumptions apply to every region and are always shown. Sources are
// cited by ID and listed with their addresses at the end.
func (p *Policy) Describe(w io.Writer, region string) error {
	regions := p.Regions
	if region != "" {
		r, ok := p.Region(region)
		if !ok {
			codes := make([]string, len(p.Regions))
			for i, r := range p.Regions {
				codes[i] = r.Code
			}
			return fmt.Errorf("unknown region %q (the policy has %s)", region, strings.Join(codes, ", "))
		}
		regions = []Region{*r}
	}
	d := &describer{w: w, cited: map[string]bool{}}

	d.line(0, fmt.Sprintf("Policy %s, version %s (%s)", p.ID, p.Version, p.Origin))
	if p.Title != "" {
		d.line(0, p.Title)
	}
	if p.Setting != "" {
		d.line(0, fmt.Sprintf("LinkedIn setting %q, toggle %q.", p.Setting, p.Toggle))
	}
	d.line(0, "Sources are cited by ID (L… LinkedIn's texts, R… regulators', S… and P… others); the list "+
		"with addresses is at the end. ★ marks a primary source (LinkedIn or a regulator).")

	if len(p.Changelog) > 0 {
		d.heading("CHANGELOG")
		separated(d, p.Changelog, func(c Change) {
			d.line(0, fmt.Sprintf("Version %s (%s)", c.Version, c.Date.Format(dateLayout)))
			for _, ch := range c.Changes {
				d.hang(2, 4, "- "+ch)
			}
			if len(c.Sources) > 0 {
				d.cite(4, c.Sources)
			}
		})
	}

	d.heading("REGIONS")
	separated(d, regions, func(r Region) {
		label := r.Name
		if r.RestOfWorld {
			label += " (every country not in another region)"
		}
		d.write(fmt.Sprintf("%-4s %s\n", r.Code, label))
		d.basis(5, r.Basis)
		if len(r.Countries) > 0 {
			d.hang(5, 7, "Countries: "+strings.Join(r.Countries, ", ")+".")
		}
		lb := "Look-back cut-off: none (all existing data is swept in)"
		if !r.LookbackCutoff.IsZero() {
			lb = "Look-back cut-off: items created before " + r.LookbackCutoff.Format(dateLayout) + " are protected"
		}
		if r.LookbackUncertain {
			lb += "; the period was narrowed to an unknown date, so items older than the window are flagged lookback_uncertain"
		}
		d.line(5, lb+".")
		for j, win := range r.Windows {
			d.hang(5, 7, fmt.Sprintf("Window %d: %s", j+1, windowText(&win)))
			d.basis(7, win.Basis)
		}
	})

	if len(p.Purposes) > 0 {
		d.heading("PURPOSES (who trains on what, under which setting)")
		var shown []*Purpose
		for i := range p.Purposes {
			if u := &p.Purposes[i]; region == "" || u.AppliesTo(region) {
				shown = append(shown, u)
			}
		}
		separated(d, shown, func(u *Purpose) {
			where := "every region"
			if len(u.Regions) > 0 {
				where = strings.Join(u.Regions, ", ")
			}
			d.hang(0, 2, fmt.Sprintf("%s: %s. Recipient: %s. Regions: %s. Control: %s (%s).", u.ID, u.Name, u.Recipient, where, u.Control.Name, u.Control.ID))
			d.line(2, "Data, in LinkedIn's words:")
			for _, data := range u.Data {
				d.hang(4, 6, "- "+data)
			}
			if u.Main {
				d.hang(2, 2, "Decided by the categories and the regions' windows below.")
			} else {
				d.hang(2, 2, fmt.Sprintf("Export kinds it takes in: %s; an item it exposes is flagged %s, and gets the most "+
					"exposed outcome of this purpose and LinkedIn's own.", strings.Join(u.Kinds, ", "), u.Flag))
				if u.NotInExport != "" {
					d.hang(2, 2, "Not in the export: "+u.NotInExport)
				}
				for j, win := range u.Windows {
					d.hang(2, 4, fmt.Sprintf("Window %d: %s", j+1, windowText(&win)))
					d.basis(4, win.Basis)
				}
			}
			d.basis(2, u.Basis)
		})
	}

	d.heading("CATEGORIES (kind -> outcome)")
	type group struct{ scope, title string }
	groups := []group{
		{ScopeInScope, "In scope -> in_scope (reason no_opt_out or before_opt_out), subject to the windows"},
		{ScopeDisputed, "Disputed -> possibly_in_scope (reason disputed_category) where they would be in scope"},
		{ScopeExcluded, "Excluded -> excluded (the reason is the category name)"},
		{ScopeNotListed, "Not listed -> not_listed (reason not_listed)"},
	}
	separated(d, groups, func(g group) {
		d.line(0, g.title)
		for _, c := range p.Categories {
			if c.Scope != g.scope {
				continue
			}
			head := c.Name + ": " + strings.Join(c.Kinds, ", ")
			if len(c.Flags) > 0 {
				head += " (flags: " + strings.Join(c.Flags, ", ") + ")"
			}
			d.hang(2, 4, head)
			d.basis(4, c.Basis)
			for _, rs := range c.ByRegion {
				shown := rs.Regions
				if region != "" {
					if !slices.Contains(rs.Regions, strings.ToUpper(strings.TrimSpace(region))) {
						continue
					}
					shown = []string{strings.ToUpper(strings.TrimSpace(region))}
				}
				d.hang(4, 6, fmt.Sprintf("In %s: %s instead.", strings.Join(shown, ", "), rs.Scope))
				d.basis(6, rs.Basis)
			}
		}
	})
	d.blank()
	d.line(0, "Any kind missing from this map is not_listed.")

	d.heading("RULES")
	ru := p.Rules
	oo := "Opt-out: the effective opt-out is the earlier of --opt-out and --objection. For each window: " +
		"an opt-out on or before its start protects (opted_out_before_start), but where the start is " +
		"uncertain the items that existed before the opt-out are possibly_in_scope (start_uncertain); an " +
		"item created on or after the opt-out is protected (created_after_opt_out); an item created on or " +
		"after a paused window's end is not covered by it; otherwise the item is exposed, through a paused " +
		"window only as possibly_in_scope (paused_window). The most exposed window decides."
	if ru.OptOut.ContinuedUsePossible {
		oo += " Items exposed before a late opt-out are flagged continued_use_possible."
	}
	d.hang(0, 2, oo)
	d.basis(2, ru.OptOut.Basis)
	d.blank()
	d.hang(0, 2, fmt.Sprintf("Visibility: a %s whose visibility is set and not %s is possibly_in_scope (visibility) "+
		"where it would be in_scope.", strings.Join(ru.Visibility.Kinds, "/"), strings.Join(ru.Visibility.Public, "/")))
	d.basis(2, ru.Visibility.Basis)
	d.blank()
	d.hang(0, 2, fmt.Sprintf("Minor: an item created while the member was certainly under %d is protected (minor). "+
		"With only a birth year Y that means created before 1 January of Y+%d; an item with no exact date "+
		"counts only while the member is still certainly under %d on the as-of day.", ru.Minor.Age, ru.Minor.Age, ru.Minor.Age))
	d.basis(2, ru.Minor.Basis)
	var cut []string
	for _, r := range regions {
		c := "none"
		if !r.LookbackCutoff.IsZero() {
			c = r.LookbackCutoff.Format(dateLayout)
		}
		cut = append(cut, r.Code+" "+c)
	}
	d.blank()
	d.hang(0, 2, "Look-back: an item certainly created before its region's cut-off is protected (before_lookback). "+
		"Cut-offs: "+strings.Join(cut, ", ")+".")
	d.basis(2, ru.Lookback)
	d.blank()
	d.hang(0, 2, "Undated: an item without a date counts as existing since registration (or before every "+
		"window when the registration day is unknown), before any opt-out; flag undated.")
	d.basis(2, ru.Undated.Basis)
	d.blank()
	d.hang(0, 2, fmt.Sprintf("Not started: an item that no window covers on the as-of day (the region's window "+
		"has not opened, or the item postdates a paused window) is %s (%s).", ru.NotStarted.Outcome, ru.NotStarted.Reason))
	d.basis(2, ru.NotStarted.Basis)
	d.blank()
	d.hang(0, 2, "Dates: all rules compare UTC calendar days; an item made on the opt-out day counts as made "+
		"after it, and an opt-out on a window's first day counts as before the window.")

	if len(p.Controls) > 0 {
		d.heading("CONTROLS (what the member can do)")
		separated(d, p.Controls, func(c Control) {
			head := c.Name
			if c.Label != "" {
				head += fmt.Sprintf(", %q", c.Label)
			}
			switch c.Flag {
			case "":
				head += " (not classified)"
			default:
				head += fmt.Sprintf(" (its date: --%s)", c.Flag)
			}
			d.hang(0, 2, c.ID+": "+head)
			d.hang(2, 4, "Covers: "+c.Covers)
			if c.Path != "" {
				d.hang(2, 4, "Where: "+c.Path)
			}
			d.write("  " + c.URL + "\n")
			for _, u := range c.AlsoURLs {
				d.write("  also " + u + "\n")
			}
			switch {
			case region != "" && !c.Offered(region):
				d.hang(2, 4, fmt.Sprintf("Not offered in %s: %s", strings.ToUpper(strings.TrimSpace(region)), c.NotOffered))
			case len(c.Regions) > 0:
				d.hang(2, 4, fmt.Sprintf("Offered in %s; elsewhere not: %s", strings.Join(c.Regions, ", "), c.NotOffered))
			}
			if len(c.GPC) > 0 {
				d.hang(2, 4, "A Global Privacy Control signal counts as opting out in: "+strings.Join(c.GPC, ", ")+".")
			}
			d.basis(2, c.Basis)
		})
	}

	d.heading("OPEN ASSUMPTIONS")
	separated(d, p.Assumptions, func(a Assumption) {
		d.hang(0, 2, a.ID+": "+a.Note)
		d.cite(2, a.Sources)
	})

	d.heading("SOURCES")
	for _, s := range p.Sources {
		if !d.cited[s.ID] {
			continue
		}
		star := ""
		if s.Primary {
			star = " ★"
		}
		d.hang(0, 4, fmt.Sprintf("%s%s  %s, %s: %s", s.ID, star, s.Publisher, s.Date, s.Title))
		// Addresses are never wrapped.
		d.write("    " + s.URL + "\n")
		if s.Via != "" {
			d.write("    read via " + s.Via + "\n")
		}
	}
	return d.err
}

func windowText(w *Window) string {
	s := "from " + w.Start.Format(dateLayout)
	if w.StartUncertain {
		s += " (start uncertain: training may have begun earlier)"
	}
	if w.Open() {
		s += ", still running"
	} else {
		s += ", paused from " + w.End.Format(dateLayout)
		if w.EndUncertain {
			s += " (the pause may have begun earlier)"
		}
	}
	if w.Confidence != "" {
		s += "; exposures through it at most " + w.Confidence + " confidence"
	}
	return s
}

type describer struct {
	w     io.Writer
	err   error
	cited map[string]bool
}

func (d *describer) write(s string) {
	if d.err == nil {
		_, d.err = io.WriteString(d.w, s)
	}
}

func (d *describer) blank() { d.write("\n") }

// separated describes each entry with describe, a blank line between two.
// (A function, not a method: methods cannot have type parameters.)
func separated[E any](d *describer, entries []E, describe func(E)) {
	for i, e := range entries {
		if i > 0 {
			d.blank()
		}
		describe(e)
	}
}

func (d *describer) heading(h string) {
	d.write("\n" + h + "\n\n")
}

// line writes text wrapped at describeWidth, every line indented by indent spaces. A word
// longer than the line (an address) goes on a line of its own, unbroken.
func (d *describer) line(indent int, text string) { d.hang(indent, indent, text) }

// hang is line with the lines after the first indented by hang spaces.
func (d *describer) hang(indent, hang int, text string) {
	var b strings.Builder
	n, pad := 0, strings.Repeat(" ", indent)
	for _, word := range strings.Fields(text) {
		wl := len([]rune(word))
		if n > 0 && len(pad)+n+1+wl > describeWidth {
			b.WriteString("\n")
			n, pad = 0, strings.Repeat(" ", hang)
		}
		if n == 0 {
			b.WriteString(pad)
		} else {
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += wl
	}
	b.WriteString("\n")
	d.write(b.String())
}

func (d *describer) basis(indent int, b Basis) {
	d.line(indent, b.Note)
	d.cite(indent, b.Sources)
}

func (d *describer) cite(indent int, sources []Source) {
	var parts []string
	for _, s := range sources {
		d.cited[s.ID] = true
		star := ""
		if s.Primary {
			star = "★"
		}
		parts = append(parts, fmt.Sprintf("%s%s (%s %s)", s.ID, star, s.Publisher, s.Date))
	}
	d.hang(indent, indent+2, "Sources: "+strings.Join(parts, "; ")+".")
}
