package policy

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// versionYAML is the text of an earlier embedded version.
func versionYAML(t *testing.T, version string) string {
	t.Helper()
	data, err := versionFiles.ReadFile("versions/linkedin-genai-" + version + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Every file under versions/ loads, is named after its id and version, and is not the current
// version; Embedded gives each, and the current one for "" and its own version.
func TestEmbeddedVersions(t *testing.T) {
	cur := Default()
	names, err := fs.Glob(versionFiles, "versions/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no earlier versions embedded (%v)", err)
	}
	for _, name := range names {
		data, _ := versionFiles.ReadFile(name)
		p, err := Load(strings.NewReader(string(data)), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := "versions/" + p.ID + "-" + p.Version + ".yaml"; name != want {
			t.Errorf("%s holds %s %s: name it %s", name, p.ID, p.Version, want)
		}
		if p.Version == cur.Version || p.ID != cur.ID {
			t.Errorf("%s: %s %s beside the current %s %s", name, p.ID, p.Version, cur.ID, cur.Version)
		}
		e, err := Embedded(p.Version)
		if err != nil || e.Version != p.Version || e.Origin != OriginSuperseded {
			t.Errorf("Embedded(%s) = %v, %v", p.Version, e, err)
		}
		if again, _ := Embedded(p.Version); again != e {
			t.Errorf("Embedded(%s) is not shared", p.Version)
		}
	}
	vs := Versions()
	if len(vs) != len(names)+1 || vs[0] != cur.Version {
		t.Errorf("Versions() = %v", vs)
	}
	for _, v := range []string{"", cur.Version, " " + cur.Version + " "} {
		if p, err := Embedded(v); err != nil || p != cur {
			t.Errorf("Embedded(%q) is not the current policy: %v", v, err)
		}
	}
	_, err = Embedded("1999-01-01")
	var ue *UnknownVersionError
	if !errors.As(err, &ue) || ue.Version != "1999-01-01" || !slices.Equal(ue.Known, vs) {
		t.Fatalf("unknown version: %v", err)
	}
	if !strings.Contains(err.Error(), strings.Join(vs, ", ")) {
		t.Errorf("the error does not list the known versions: %v", err)
	}
}

// The first revision's file is the policy that was embedded until then: its outcomes are the
// contract's defaults (reactions disputed everywhere, job postings not listed).
func TestVersion20251103(t *testing.T) {
	p, err := Embedded("2025-11-03")
	if err != nil {
		t.Fatal(err)
	}
	runClassify(t, []classifyCase{
		{name: "EU reaction disputed", s: kind("reaction", "2023-05-01"), m: eu, policy: p,
			want: Result{Outcome: PossiblyInScope, Reason: ReasonDisputedCategory}},
		{name: "UK job posting not listed", s: kind("job_posting", "2024-05-01"), m: Member{Region: "UK"}, policy: p,
			want: res(NotListed, ReasonNotListed, Medium)},
	})
	if len(p.Purposes) != 0 || len(p.Controls) != 0 || len(p.Changelog) != 0 {
		t.Error("the 2025-11-03 file has no purposes, controls or changelog")
	}
}
