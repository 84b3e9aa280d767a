package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	flag "github.com/spf13/pflag"

	"exposure/policy"
)

// setupPolicy: `exposure policy`, its changelog, then every rule with its sources.
func setupPolicy(fs *flag.FlagSet) func([]string, io.Writer, io.Writer) error {
	region := fs.String("region", "", "show only this `region`: EU, UK, CA, HK or US")
	file := fs.String("policy", "", "describe this policy `FILE` instead of the embedded one")
	version := fs.String("policy-version", "", "describe the embedded policy of this `VERSION` (an earlier one)")
	return func(args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("policy takes no arguments")
		}
		p, err := loadPolicy(*file, *version)
		if err != nil {
			return err
		}
		code := strings.ToUpper(strings.TrimSpace(*region))
		if code != "" {
			if _, ok := p.Region(code); !ok {
				return usagef("--region %q: give one of EU, UK, CA, HK, US", *region)
			}
		}
		return p.Describe(stdout, code)
	}
}

// maxPolicySize bounds a policy file: the embedded one is about 40 KB, and
// a file of gigabytes (or /dev/zero) must not be read into memory.
const maxPolicySize = 4 << 20

// loadPolicy is the embedded policy, the file given with --policy, or the embedded policy
// of the version given with --policy-version.
func loadPolicy(file, version string) (*policy.Policy, error) {
	if file != "" && version != "" {
		return nil, usagef("give --policy FILE or --policy-version VERSION, not both")
	}
	if file == "" {
		p, err := policy.Embedded(version)
		var uv *policy.UnknownVersionError
		if errors.As(err, &uv) {
			return nil, usagef("--policy-version %q: the embedded policy versions are %s", version, strings.Join(uv.Known, ", "))
		}
		return p, err
	}
	// A FIFO or a device would block the open or never end.
	fi, err := os.Stat(file)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the policy file: %v", file, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: the policy file is not a regular file", file)
	}
	if fi.Size() > maxPolicySize {
		return nil, fmt.Errorf("%s: the policy file is %d bytes; a policy is at most %d", file, fi.Size(), maxPolicySize)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the policy file: %v", file, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPolicySize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the policy file: %v", file, err)
	}
	if len(data) > maxPolicySize {
		return nil, fmt.Errorf("%s: the policy file grew past %d bytes while read", file, maxPolicySize)
	}
	p, err := policy.Load(bytes.NewReader(data), file)
	if err != nil {
		return nil, fmt.Errorf("the policy file was refused: %w", err)
	}
	return p, nil
}
