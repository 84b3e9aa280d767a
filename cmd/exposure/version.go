package main

import (
	"fmt"
	"io"
	"runtime/debug"

	flag "github.com/spf13/pflag"
)

func setupVersion(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("version takes no arguments")
		}
		fmt.Fprintf(stdout, "exposure %s\n", version())
		return nil
	}
}

// version is the module version when built with `go install`, else the
// VCS revision Go recorded, else "devel".
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}
