package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	flag "github.com/spf13/pflag"
)

func setupVersion(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("version takes no arguments")
		}
		bi, _ := debug.ReadBuildInfo()
		fmt.Fprintf(stdout, "exposure %s\n", versionOf(bi))
		return nil
	}
}

// versionOf says what was built, from the build information Go records:
// the module version ("(devel)" when built from a work tree rather than
// installed at a version), the VCS revision, whether the tree had local
// changes, the commit time, and the Go version.
func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(no build information recorded)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var details []string
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		d := "revision " + rev[:min(12, len(rev))]
		if settings["vcs.modified"] == "true" {
			d += ", with local changes"
		}
		if at := settings["vcs.time"]; at != "" {
			d += ", committed " + at
		}
		details = append(details, d)
	} else {
		details = append(details, "no revision recorded (built outside git or with -buildvcs=false)")
	}
	if bi.GoVersion != "" {
		details = append(details, "built with "+bi.GoVersion)
	}
	return v + " (" + strings.Join(details, "; ") + ")"
}
