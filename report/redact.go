package report

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Redaction (contract, --redact): a report fit to share holds counts, dates
// and kinds only. Besides the items' texts, which are never written, that
// leaves out every name that carries the member's words or identity: the
// name of an article page (its title), the member-id suffix of a file name
// (Shares_123456789.csv), the paths given on the command line (a home
// folder names its owner) and those of a policy file. Problem reasons and
// notes never quote the member's content, but they may quote an I/O error,
// which names the file; they are rewritten the same way.

// memberIDRE finds the member-id suffix LinkedIn adds to some file names.
// Shards (Name_1.csv) have short numbers and are kept.
var memberIDRE = regexp.MustCompile(`_[0-9]{5,}(\.[A-Za-z0-9]+)?$`)

// osPathErrRE finds the path an *os.PathError quotes ("open /a/b.csv: …").
var osPathErrRE = regexp.MustCompile(`\b(open|read|stat|lstat|readdir|close) ([^:]*): `)

// redactPath keeps a file's folder and kind of name but not a name that
// carries the member's words (article pages are named after their title,
// and macOS copies them as __MACOSX/…/._title) or their member id.
func redactPath(p string) string {
	dir, base := path.Split(p)
	for _, seg := range strings.Split(dir, "/") {
		if strings.EqualFold(seg, "articles") || seg == "__MACOSX" {
			return dir + "…" + path.Ext(base)
		}
	}
	if m := memberIDRE.FindStringSubmatchIndex(base); m != nil {
		ext := ""
		if m[2] >= 0 {
			ext = base[m[2]:m[3]]
		}
		return dir + base[:m[0]] + "_…" + ext
	}
	return p
}

// redactSource names an input without its path: LinkedIn's own archive
// name (type and date only) is kept, any other becomes "source-N".
func redactSource(i int, s string) string {
	base := filepath.Base(filepath.Clean(s))
	if exportArchiveRE.MatchString(base) {
		return base
	}
	return fmt.Sprintf("source-%d", i+1)
}

var exportArchiveRE = regexp.MustCompile(`^(?i)(Basic|Complete|Initial)?_?LinkedInDataExport_[0-9]{2}-[0-9]{2}-[0-9]{4}(\.zip)*$`)

// redactOrigin names the policy without the folder of its file.
func redactOrigin(origin string) string {
	if origin == "embedded" || origin == "" {
		return origin
	}
	return filepath.Base(origin)
}

// scrubber rewrites a problem reason or a note for a redacted output: the
// inputs' paths become their redacted names, file names their redacted
// forms, and the path an I/O error quotes is left out. Without redaction it
// returns its argument.
func (r *result) scrubber() func(string) string {
	if !r.Redact {
		return func(s string) string { return s }
	}
	x := r.Export
	seen := map[string]bool{}
	var pairs [][2]string
	add := func(old, repl string) {
		if old == "" || old == repl || seen[old] || old == "." || old == ".." || old == "/" {
			return
		}
		seen[old] = true
		pairs = append(pairs, [2]string{old, repl})
	}
	for i, s := range x.Sources {
		label := redactSource(i, s)
		add(s, label)
		add(filepath.Clean(s), label)
		if abs, err := filepath.Abs(s); err == nil {
			add(abs, label)
		}
		add(filepath.Base(filepath.Clean(s)), label)
	}
	paths := func(p string) {
		if rp := redactPath(p); rp != p {
			add(p, rp)
			add(path.Base(p), path.Base(rp))
		}
	}
	for _, f := range x.Files {
		paths(f.Path)
	}
	for _, u := range x.Unknown {
		paths(u.Path)
	}
	for _, p := range x.Problems {
		paths(p.File)
	}
	// Longest first: a path is replaced whole before any part of it.
	sort.SliceStable(pairs, func(a, b int) bool { return len(pairs[a][0]) > len(pairs[b][0]) })
	var args []string
	for _, p := range pairs {
		args = append(args, p[0], p[1])
	}
	rep := strings.NewReplacer(args...)
	return func(s string) string {
		return osPathErrRE.ReplaceAllStringFunc(rep.Replace(s), dropErrPath)
	}
}

// dropErrPath replaces the path of "open PATH: " (and of "read PATH: "
// when PATH looks like one) by an ellipsis.
func dropErrPath(m string) string {
	op, p, _ := strings.Cut(strings.TrimSuffix(m, ": "), " ")
	if (op == "read" || op == "close") && !strings.ContainsAny(p, `/\`) {
		return m
	}
	return op + " …: "
}

// redactDocument applies redaction to the JSON result's head (the items
// are redacted one by one in itemJSON).
func (r *result) redactDocument(d *document) {
	if !r.Redact {
		return
	}
	scrub := r.scrubber()
	source := map[string]string{}
	for i, s := range r.Export.Sources {
		source[s] = redactSource(i, s)
	}
	src := func(s string) string {
		if v, ok := source[s]; ok {
			return v
		}
		return scrub(s)
	}
	// d shares its slices with the export: replace them, never write through.
	sources := make([]string, len(d.Sources))
	for i, s := range d.Sources {
		sources[i] = src(s)
	}
	d.Sources = sources
	for i := range d.Files {
		f := &d.Files[i]
		f.Path, f.Source = redactPath(f.Path), src(f.Source)
		notes := make([]string, len(f.Notes))
		for k, n := range f.Notes {
			notes[k] = scrub(n)
		}
		f.Notes = notes
		for k := range f.Problems {
			f.Problems[k].Reason = scrub(f.Problems[k].Reason)
		}
	}
	for i := range d.UnknownFiles {
		u := &d.UnknownFiles[i]
		u.Path, u.Source, u.Note = redactPath(u.Path), src(u.Source), scrub(u.Note)
	}
	for i := range d.Problems {
		p := &d.Problems[i]
		p.File, p.Reason = redactPath(p.File), scrub(p.Reason)
	}
	if d.Policy != nil {
		d.Policy.Origin = redactOrigin(d.Policy.Origin)
	}
}
