package main

import (
	"errors"
	"io"

	flag "github.com/spf13/pflag"
)

func setupReport(fs *flag.FlagSet) func([]string, io.Writer) error {
	return func(args []string, stdout io.Writer) error {
		return errors.New("report: not built yet")
	}
}

func setupPolicy(fs *flag.FlagSet) func([]string, io.Writer) error {
	return func(args []string, stdout io.Writer) error {
		return errors.New("policy: not built yet")
	}
}
