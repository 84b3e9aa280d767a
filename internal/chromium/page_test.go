package chromium

import (
	"testing"

	"github.com/chromedp/cdproto/cdp/jsonv2"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
)

func TestPageProblem(t *testing.T) {
	for _, c := range []struct {
		ev       any
		warnings bool
		want     string
	}{
		{&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeError,
			Args: []*runtime.RemoteObject{{Value: jsonv2.Value(`"boom"`)}, {Description: "Error: x"}}}, false, `console.error: "boom" Error: x`},
		{&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeLog}, true, ""},
		{&runtime.EventExceptionThrown{ExceptionDetails: &runtime.ExceptionDetails{Text: "Uncaught", URL: "file:///r.html", LineNumber: 9,
			Exception: &runtime.RemoteObject{Description: "TypeError: y"}}}, false, "exception at file:///r.html:10: Uncaught TypeError: y"},
		{&log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelError, Source: log.EntrySourceNetwork, Text: "refused", URL: "u"}}, false, "log error (network): refused u"},
		{&log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelWarning, Source: log.EntrySourceOther, Text: "w"}}, false, ""},
		{&log.EventEntryAdded{Entry: &log.Entry{Level: log.EntryLevelWarning, Source: log.EntrySourceOther, Text: "w"}}, true, "log warning (other): w "},
		{"not an event", true, ""},
	} {
		got, ok := PageProblem(c.ev, c.warnings)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("PageProblem(%T, %v) = %q, %v; want %q", c.ev, c.warnings, got, ok, c.want)
		}
	}
}
