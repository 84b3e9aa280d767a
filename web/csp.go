package web

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"sync"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
	"exposure/report"
)

// The page's Content-Security-Policy. connect-src 'none': no fetch, XHR,
// WebSocket or beacon can leave the page, nor its worker, which is made
// from a blob: URL and so inherits this policy. Scripts come from the
// page's own origin only ('self': app.js, wasm_exec.js and the engine,
// loaded with importScripts), WebAssembly may be compiled
// ('wasm-unsafe-eval'), and the report's two inline scripts are allowed by
// their hashes: the report is shown in a sandboxed srcdoc frame, which
// inherits this policy on top of the report's own. Inline styles are
// allowed because the report and its charts use them.
func PageCSP() string {
	return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' " + strings.Join(reportScriptHashes(), " ") +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src blob:; connect-src 'none'" +
		"; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
}

// HeaderCSP is PageCSP as served in a header, where the page can also
// refuse to be framed.
func HeaderCSP() string { return PageCSP() + "; frame-ancestors 'none'" }

var (
	hashesOnce sync.Once
	hashes     []string
)

var (
	cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	cspHash = regexp.MustCompile(`'sha256-[A-Za-z0-9+/=]+'`)
)

// reportScriptHashes are the hashes the report and the comparison page
// give their inline scripts in their own policies, read from pages the
// report package renders: they follow its scripts wherever they change.
func reportScriptHashes() []string {
	hashesOnce.Do(func() {
		seen := map[string]bool{}
		for _, page := range emptyPages() {
			m := cspMeta.FindSubmatch(page)
			if m == nil {
				panic("web: the report has no Content-Security-Policy")
			}
			for _, h := range cspHash.FindAllString(html.UnescapeString(string(m[1])), -1) {
				if !seen[h] {
					seen[h] = true
					hashes = append(hashes, h)
				}
			}
		}
	})
	return hashes
}

// emptyPages renders a report and a comparison of an export without items.
func emptyPages() [][]byte {
	p := policy.Default()
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	none := analysis.Source{Replay: func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error) {
		if _, err := start(parse.Member{}); err != nil {
			return nil, err
		}
		return &parse.Export{}, nil
	}}
	opt := analysis.Options{Policy: p, Given: analysis.Facts{Region: "EU"}, Today: day}
	r, err := analysis.Run(none, opt)
	if err != nil {
		panic("web: " + err.Error())
	}
	d, err := analysis.Compare(none, none, opt, opt, 0)
	if err != nil {
		panic("web: " + err.Error())
	}
	var rep, diff bytes.Buffer
	if err := report.WriteHTML(&rep, r, report.HTMLOptions{Lang: "en"}); err != nil {
		panic("web: " + err.Error())
	}
	if err := report.WriteDiffHTML(&diff, d, report.HTMLOptions{Lang: "en"}); err != nil {
		panic("web: " + err.Error())
	}
	return [][]byte{rep.Bytes(), diff.Bytes()}
}
