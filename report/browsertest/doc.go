// Package browsertest holds the real-browser test of the HTML report. It
// stands apart from package report so that chromedp, and its very large
// protocol package, is linked into this test binary only: the fuzzers of
// package report stay fast.
package browsertest
