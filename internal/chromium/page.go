package chromium

import (
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
)

// PageProblem describes an event of a page that a test fails on: a
// console error or warning, an exception thrown, an error logged by the
// browser (and a warning logged, when warnings is set). ok is false for
// any other event.
func PageProblem(ev any, warnings bool) (problem string, ok bool) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeWarning {
			return "", false
		}
		var args []string
		for _, a := range ev.Args {
			if a.Value != nil {
				args = append(args, string(a.Value))
			} else {
				args = append(args, a.Description)
			}
		}
		return fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")), true
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		return fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text), true
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || warnings && ev.Entry.Level == log.EntryLevelWarning {
			return fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL), true
		}
	}
	return "", false
}
