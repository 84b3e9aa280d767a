package web

import (
	"strings"

	"exposure/report"
)

// The page's Content-Security-Policy. connect-src 'none': no fetch, XHR,
// WebSocket or beacon can leave the page, nor its worker, which is made
// from a blob: URL and so inherits this policy. Scripts come from the
// page's own origin only ('self': app.js, wasm_exec.js and the engine,
// loaded with importScripts), WebAssembly may be compiled
// ('wasm-unsafe-eval'), and the report's two inline scripts are allowed by
// their hashes (report.ScriptHashes): the report is shown in a sandboxed
// srcdoc frame, which inherits this policy on top of the report's own.
// Inline styles are allowed because the report and its charts use them.
func PageCSP() string {
	return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' " + strings.Join(report.ScriptHashes(), " ") +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src blob:; connect-src 'none'" +
		"; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
}

// HeaderCSP is PageCSP as served in a header, where the page can also
// refuse to be framed.
func HeaderCSP() string { return PageCSP() + "; frame-ancestors 'none'" }
