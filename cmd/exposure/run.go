package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	flag "github.com/spf13/pflag"

	"exposure/internal/termsafe"
)

// Exit statuses (contract, "Command line").
const (
	exitOK    = 0
	exitInput = 1 // the input could not be analysed
	exitUsage = 2
)

// usageError marks errors that are the user's invocation, not the input.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// command is one sub-command: its flags are declared on fs, then run.
type command struct {
	name    string
	summary string
	usage   string
	setup   func(fs *flag.FlagSet) func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"report", "analyse an export and write the report (the default)", "exposure [report] ARCHIVE... [flags]", setupReport},
		{"inspect", "list what is in an export: files, kinds, rows, dates, problems", "exposure inspect ARCHIVE... [--json FILE]", setupInspect},
		{"diff", "compare two exports (or JSON results) of one member over time", "exposure diff OLD NEW [flags]", setupDiff},
		{"policy", "print the effective policy: its changelog, then every rule with its sources", "exposure policy [--region R] [--policy FILE | --policy-version V]", setupPolicy},
		{"serve", "serve the web page that analyses the export inside the browser", "exposure serve [--addr 127.0.0.1:0] [--open] [--write DIR]", setupServe},
		{"version", "print the version", "exposure version", setupVersion},
	}
}

// run is the whole program; main only exits with its result. A panic
// anywhere becomes exit status 1 with a short message, never a trace.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "exposure: internal error: %v\nPlease report it; your data was not changed.\n", r)
			code = exitInput
		}
	}()
	cmd, rest := pickCommand(args)
	if cmd == nil {
		printUsage(stdout)
		return exitOK
	}
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	exec := cmd.setup(fs)
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(stdout, cmd, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "exposure %s: %v\n\n", cmd.name, err)
		printCommandHelp(stderr, cmd, fs)
		return exitUsage
	}
	defer removeTempsOnSignal()()
	if err := exec(fs.Args(), stdout, stderr); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "exposure %s: %s\nRun 'exposure %s --help' for usage.\n", cmd.name, termsafe.Escape(err.Error()), cmd.name)
			return exitUsage
		}
		// Messages name files of the archive: shown escaped, never as terminal codes.
		fmt.Fprintf(stderr, "exposure: %s\n", termsafe.Escape(err.Error()))
		return exitInput
	}
	return exitOK
}

// pickCommand finds the sub-command; `report` is the default, so
// `exposure ARCHIVE` (or flags first) means `exposure report ARCHIVE`.
// A nil command means: print the usage.
func pickCommand(args []string) (*command, []string) {
	if len(args) == 0 {
		return nil, nil
	}
	switch args[0] {
	case "-h", "--help", "help":
		return nil, nil
	}
	cmds := commands()
	for i := range cmds {
		if args[0] == cmds[i].name {
			return &cmds[i], args[1:]
		}
	}
	return &cmds[0], args
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "exposure: what of your LinkedIn data falls within LinkedIn's generative-AI training.")
	fmt.Fprintln(w, "Everything runs on this computer; nothing is sent anywhere.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-48s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "ARCHIVE is the ZIP LinkedIn sent (Basic_… or Complete_LinkedInDataExport_….zip) or the folder it")
	fmt.Fprintln(w, "unzips to; give both parts of one export to read them together.")
	fmt.Fprintln(w, "Run 'exposure COMMAND --help' for a command's flags.")
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: %s\n\n%s.\n", c.usage, strings.ToUpper(c.summary[:1])+c.summary[1:])
	if u := fs.FlagUsages(); u != "" {
		fmt.Fprintf(w, "\nFlags:\n%s", u)
	}
}

// removeTempsOnSignal makes Ctrl-C (SIGINT) and SIGTERM remove the
// outputs' temporary files, which hold the member's data, then exit as a
// shell expects: 130 or 143. The returned function stops watching.
func removeTempsOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			temps.removeAll()
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// softMemoryLimit is the memory the garbage collector keeps the heap of
// report and inspect under (runtime/debug.SetMemoryLimit), so that their
// peak RSS stays within the 100 MB the README promises for any export
// size. Reading holds a few dozen MB live (batches in flight, the newest
// items listed, the ranks' filters); left to GOGC alone the heap grew to
// twice that before each collection. The limit is soft: past it the
// collector runs more often, never fails the analysis. Not for diff, whose
// memory grows with the export by design (a record per item of the new
// one): held under this limit it would collect without end.
const softMemoryLimit = 72 << 20

// limitMemory sets softMemoryLimit unless the user set GOMEMLIMIT.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}
