package policy

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func loadString(t *testing.T, src string) *Policy {
	t.Helper()
	p, err := Load(strings.NewReader(src), "custom.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

func TestDefault(t *testing.T) {
	p := Default()
	if p.ID != "linkedin-genai" || p.Version != "2026-12-06" || p.Origin != "embedded" {
		t.Fatalf("id/version/origin = %q %q %q", p.ID, p.Version, p.Origin)
	}
	if Default() != p {
		t.Error("Default is not shared")
	}
	// The same file loaded through Load gives the same rules.
	q := loadString(t, string(embeddedYAML))
	if q.Origin != "custom.yaml" || len(q.Regions) != len(p.Regions) || len(q.Categories) != len(p.Categories) {
		t.Error("Load and Default differ")
	}
}

// The contract's windows, exactly.
func TestDefaultWindows(t *testing.T) {
	type win struct {
		start, end string
		uncertain  bool
	}
	want := map[string][]win{
		"US": {{"2024-09-18", "", true}},
		"EU": {{"2025-11-03", "", false}},
		"UK": {{"2024-09-18", "2024-09-20", true}, {"2025-11-03", "", false}},
		"CA": {{"2024-09-18", "2024-12-10", true}, {"2025-11-03", "", false}},
		"HK": {{"2024-09-18", "2024-10-11", true}, {"2025-11-03", "", false}},
	}
	p := Default()
	if len(p.Regions) != len(want) {
		t.Fatalf("%d regions, want %d", len(p.Regions), len(want))
	}
	for code, ws := range want {
		r, ok := p.Region(code)
		if !ok {
			t.Fatalf("no region %s", code)
		}
		var got []win
		for _, w := range r.Windows {
			end := ""
			if !w.Open() {
				end = w.End.Format(dateLayout)
			}
			got = append(got, win{w.Start.Format(dateLayout), end, w.StartUncertain})
		}
		if !slices.Equal(got, ws) {
			t.Errorf("%s windows %v, want %v", code, got, ws)
		}
		if !r.LookbackCutoff.IsZero() {
			t.Errorf("%s has a look-back cut-off by default", code)
		}
	}
	if p.RestOfWorld().Code != "US" {
		t.Error("US must stand for every other country")
	}
}

// The contract's default category lists, exactly.
func TestDefaultCategoryMap(t *testing.T) {
	inScope := []string{"profile", "position", "education", "skill", "language", "certification", "project",
		"publication", "honor", "course", "volunteering", "organization", "patent", "cause",
		"recommendation_received", "recommendation_given", "endorsement_received", "endorsement_given",
		"post", "article", "comment", "poll_vote", "media", "ai_conversation", "screening_answer", "resume"}
	disputed := []string{"reaction", "repost", "search_query"}
	excluded := map[string]string{"message": "private_messages", "invitation": "private_communication",
		"job_application": "job_applications", "receipt": "payment_data", "login": "login_credentials",
		"security_challenge": "login_credentials"}
	p := Default()
	for _, k := range ContractKinds {
		c, ok := p.Category(k)
		if !ok {
			t.Errorf("kind %s not mapped", k)
			continue
		}
		want := ScopeNotListed
		switch {
		case slices.Contains(inScope, k):
			want = ScopeInScope
		case slices.Contains(disputed, k):
			want = ScopeDisputed
		case excluded[k] != "":
			want = ScopeExcluded
			if c.Name != excluded[k] {
				t.Errorf("%s: category %s, want %s", k, c.Name, excluded[k])
			}
		}
		if c.Scope != want {
			t.Errorf("%s: scope %s, want %s", k, c.Scope, want)
		}
	}
	if len(ContractKinds) != 59 {
		t.Errorf("%d contract kinds, want 59", len(ContractKinds))
	}
	if !slices.Equal(p.Rules.Visibility.Kinds, []string{"post"}) || p.Rules.Minor.Age != 18 {
		t.Error("visibility or minor rule differs from the contract")
	}
}

// Every rule of the embedded policy carries a note and at least one complete source. The walk
// is by reflection, so a rule added to the model later is checked too.
func TestEveryRuleHasASource(t *testing.T) {
	p := Default()
	n := 0
	var walk func(v reflect.Value, where string)
	walk = func(v reflect.Value, where string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), where)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", where, i))
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[Basis]() {
				n++
				b := v.Interface().(Basis)
				if b.Note == "" {
					t.Errorf("%s has no note", where)
				}
				if len(b.Sources) == 0 {
					t.Errorf("%s has no source", where)
				}
				for _, s := range b.Sources {
					if s.URL == "" || s.Publisher == "" || s.Date == "" || s.Title == "" {
						t.Errorf("%s: incomplete source %+v", where, s)
					}
				}
				return
			}
			for i := range v.NumField() {
				// A purpose's control is one of p.Controls: walked there.
				if f := v.Type().Field(i); f.IsExported() && f.Type != reflect.TypeFor[*Control]() {
					walk(v.Field(i), where+"."+v.Type().Field(i).Name)
				}
			}
		}
	}
	walk(reflect.ValueOf(p), "policy")
	want := len(p.Regions) + len(p.Categories) + 6 + len(p.Assumptions) + len(p.Controls) + len(p.Purposes)
	for _, r := range p.Regions {
		want += len(r.Windows)
	}
	for _, c := range p.Categories {
		want += len(c.ByRegion)
	}
	for _, u := range p.Purposes {
		want += len(u.Windows)
	}
	if n != want {
		t.Errorf("walked %d rules, want %d", n, want)
	}
	if len(p.Assumptions) < 10 {
		t.Errorf("only %d open assumptions", len(p.Assumptions))
	}
	// Every source in the library is cited somewhere, and primaries exist.
	cited := map[string]bool{}
	var sb strings.Builder
	if err := p.Describe(&sb, ""); err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Sources {
		if !strings.Contains(sb.String(), s.ID+" ") && !strings.Contains(sb.String(), s.ID+"★") {
			t.Errorf("source %s is never cited", s.ID)
		}
		cited[s.ID] = true
	}
	for _, r := range p.Regions {
		for _, w := range r.Windows {
			if !slices.ContainsFunc(w.Sources, func(s Source) bool { return s.Primary }) && r.Code != "US" {
				t.Errorf("window %s %s has no primary source", r.Code, w.Start.Format(dateLayout))
			}
		}
	}
}

// lineOf returns the 1-based line of the first line of src containing needle (starting with
// it, if needle starts with "^").
func lineOf(t *testing.T, src, needle string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if prefix, ok := strings.CutPrefix(needle, "^"); ok && strings.HasPrefix(l, prefix) || strings.Contains(l, needle) {
			return i + 1
		}
	}
	t.Fatalf("%q not in the file", needle)
	return 0
}

// lineBefore returns the line of the last line containing needle at or before line n.
func lineBefore(src, needle string, n int) int {
	lines := strings.Split(src, "\n")
	for i := n - 1; i >= 0; i-- {
		if strings.Contains(lines[i], needle) {
			return i + 1
		}
	}
	return 0
}

// The error cases edit the first embedded version, a fixed file.
// loadErrorCase is an edit of a policy file and the error Load must give.
type loadErrorCase struct {
	name     string
	old, new string // replace the first old with new
	at       string // the error is on the line containing this (default: new)
	before   string // ...or on the last line with this at or before that line
	want     string // the message after "custom.yaml:N: "
	wantLine string // append the line of the first line containing this to want
}

func TestLoadErrors(t *testing.T) {
	checkLoadErrors(t, versionYAML(t, "2025-11-03"), []loadErrorCase{
		{name: "end before start", old: "end: 2024-09-20", new: "end: 2024-01-01",
			want: "window end 2024-01-01 before start 2024-09-18"},
		{name: "empty window", old: "end: 2024-09-20", new: "end: 2024-09-18",
			want: "window end 2024-09-18 is its start (an empty window)"},
		{name: "unknown key", old: "start_uncertain: true", new: "start_uncertian: true",
			want: `unknown key "start_uncertian"`},
		{name: "unknown top-level key", old: "title: LinkedIn", new: "titel: LinkedIn",
			want: `unknown key "titel"`},
		{name: "bad date", old: "start: 2025-11-03", new: "start: 2025-13-03",
			want: `bad date "2025-13-03" for window 1 of region EU (want YYYY-MM-DD)`},
		{name: "date with a time", old: "start: 2025-11-03", new: "start: 2025-11-03T10:00:00Z",
			want: `bad date "2025-11-03T10:00:00Z" for window 1 of region EU (want YYYY-MM-DD)`},
		{name: "bad look-back cut-off", old: "lookback_cutoff: null", new: "lookback_cutoff: soon",
			want: `bad date "soon" for the look-back cut-off of region EU (want YYYY-MM-DD)`},
		{name: "bad source date", old: `date: "2024-09"`, new: `date: "Sept 2024"`,
			want: `bad date "Sept 2024" for source S1 (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		{name: "unknown scope", old: "scope: disputed", new: "scope: maybe",
			want: `unknown scope "maybe" for category reactions (want in_scope, disputed, excluded or not_listed)`},
		{name: "kind missing", old: "kinds: [receipt]", new: "kinds: [receipts]", at: "^categories:",
			want: `kind "receipt" missing from the category map`},
		{name: "kind twice", old: "kinds: [receipt]", new: "kinds: [receipt, message]",
			want: "kind message is in categories private_messages and payment_data"},
		{name: "rule without source", old: "    sources: [S3, S31, S4, S9, S36]\n", new: "", at: "  visibility:",
			want: "rule visibility has no source"},
		{name: "rule without note", old: "    note: LinkedIn may use all data currently present", new: "    # note removed", at: "  undated:",
			want: "rule undated has no note"},
		{name: "window with an empty source list", old: "sources: [S20, S18, S24]", new: "sources: []", before: "- start:",
			want: "window 1 of region US has no source"},
		{name: "category without source", old: "    sources: [S36, S66]\n", new: "", at: "category: job_applications",
			want: "category job_applications has no source"},
		{name: "assumption without source", old: "    sources: [S14]\n", new: "", at: "id: opt-out-carry-over",
			want: "assumption opt-out-carry-over has no source"},
		{name: "unknown source", old: "sources: [S20, S18, S24]", new: "sources: [S20, S18, S999]",
			want: `window 1 of region US cites unknown source "S999"`},
		{name: "source without url", old: "    url: https://neuron.expert/news/linkedin-is-training-ai-models-on-your-data/8502/en\n", new: "", at: "  S5:",
			want: "source S5 needs an http(s) url"},
		{name: "wrong type", old: "age: 18", new: "age: eighteen",
			want: "cannot unmarshal !!str `eighteen` into int"},
		{name: "duplicate key", old: "    lookback_uncertain: true\n", new: "    lookback_uncertain: true\n    lookback_uncertain: false\n", at: "lookback_uncertain: false",
			want: `mapping key "lookback_uncertain" already defined at line `, wantLine: "lookback_uncertain: true"},
		{name: "unknown country", old: "countries: [Canada]", new: "countries: [Kanadaa]",
			want: `unknown country "Kanadaa" in region CA`},
		{name: "country in two regions", old: "countries: [Canada]", new: "countries: [Canada, France]",
			want: "country France is in regions EU and CA"},
		{name: "overlapping windows", old: "      - start: 2025-11-03\n        note: Restart on 3 Nov 2025; the ICO", new: "      - start: 2024-09-19\n        note: Restart on 3 Nov 2025; the ICO", at: "start: 2024-09-19",
			want: "window starts 2024-09-19 before the previous window ends (2024-09-20)"},
		{name: "two rest-of-world regions", old: "    countries: [Hong Kong]", new: "    rest_of_world: true\n    countries: [Hong Kong]",
			at: "countries: [United States]", before: "rest_of_world: true",
			want: "regions HK and US both claim rest_of_world"},
		{name: "bad confidence", old: "confidence: low", new: "confidence: sure",
			want: `unknown confidence "sure" (want high, medium or low)`},
		{name: "bad not_started outcome", old: "outcome: possibly_in_scope", new: "outcome: maybe",
			want: `rule not_started: unknown outcome "maybe" (want one of in_scope, possibly_in_scope, protected, excluded, not_listed)`},
		{name: "visibility names an unmapped kind", old: "kinds: [post]", new: "kinds: [posts]",
			want: `rule visibility names kind "posts", which is not in the category map`},
		{name: "two-line note", old: "note: Payment methods and card data are excluded.", new: "note: |\n      Payment methods\n      and card data.", at: "note: |",
			want: "category payment_data: the note must be one line"},
		{name: "syntax error", old: "kinds: [receipt]", new: "kinds: [receipt", at: "kinds: [receipt",
			want: "did not find expected ',' or ']'"},
	})
}

// The current policy's sources and controls decode straight into Source
// and Control, with the note and sources of each entry inline: a misspelt
// key is still refused, at its line, and a note is still required.
func TestLoadErrorsCurrent(t *testing.T) {
	checkLoadErrors(t, string(embeddedYAML), []loadErrorCase{
		{name: "misspelt source key", old: "    publisher: LinkedIn", new: "    publsher: LinkedIn",
			want: `unknown key "publsher"`},
		{name: "a source's id is its key", old: "    publisher: LinkedIn", new: "    id: L9\n    publisher: LinkedIn", at: "id: L9",
			want: `unknown key "id"`},
		{name: "misspelt archive key", old: "      commit: ", new: "      comit: ",
			want: `unknown key "comit"`},
		{name: "misspelt control key", old: "    covers: The training of content-generating", new: "    covres: The training of content-generating",
			want: `unknown key "covres"`},
		{name: "control without note", old: "    note: On by default; switching it off", new: "    # note removed", before: "- id: data_for_ai",
			want: "control data_for_ai has no note"},
		{name: "control citing an unknown source", old: "sources: [L1, L2, S1, S4]", new: "sources: [L1, L2, S1, X4]",
			want: `control data_for_ai cites unknown source "X4"`},
	})
}

func checkLoadErrors(t *testing.T, base string, cases []loadErrorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("%q not in the embedded policy", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			_, err := Load(strings.NewReader(src), "custom.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *policy.Error", err)
			}
			at := c.at
			if at == "" {
				at = c.new
			}
			line := lineOf(t, src, at)
			if c.before != "" {
				line = lineBefore(src, c.before, line)
			}
			if c.name == "syntax error" {
				// The YAML parser reports where it noticed the problem, give or take a line.
				if pe.Line < line-1 || pe.Line > line+1 || !strings.Contains(pe.Msg, c.want) {
					t.Fatalf("got %q, want line %d: %s", err, line, c.want)
				}
				return
			}
			want := fmt.Sprintf("custom.yaml:%d: %s", line, c.want)
			if c.wantLine != "" {
				want += fmt.Sprint(lineOf(t, src, c.wantLine))
			}
			if err.Error() != want {
				t.Fatalf("got  %s\nwant %s", err, want)
			}
		})
	}
}

func TestLoadErrorsWithoutLine(t *testing.T) {
	for name, src := range map[string]string{
		"empty":         "",
		"comments only": "# nothing\n",
		"not a mapping": "- a\n- b\n",
		"no regions":    "id: x\nversion: \"1\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(strings.NewReader(src), "x.yaml")
			if err == nil || !strings.HasPrefix(err.Error(), "x.yaml:") {
				t.Fatalf("got %v", err)
			}
		})
	}
	_, err := Load(errReader{}, "broken.yaml")
	if err == nil || !strings.Contains(err.Error(), "broken.yaml") {
		t.Fatalf("read error: %v", err)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
