package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

// version names the module version and the revision from the build
// information, and says so when there is none.
func TestVersionOf(t *testing.T) {
	for _, c := range []struct {
		bi   *debug.BuildInfo
		want []string
	}{
		{nil, []string{"no build information"}},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-11-23T10:00:00Z"}}},
			[]string{"v1.4.0", "revision 0123456789ab", "committed 2026-11-23T10:00:00Z", "go1.26.8"}},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "true"}}},
			[]string{"(devel)", "revision abc", "with local changes"}},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, []string{"(devel)", "no revision recorded"}},
	} {
		got := versionOf(c.bi)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("versionOf(%+v) = %q, want it to hold %q", c.bi, got, w)
			}
		}
	}
}
