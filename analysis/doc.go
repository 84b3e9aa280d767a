// Package analysis is the engine: it reads a source (the parts of one
// member's export, or a result saved as JSON), resolves the member's facts,
// classifies every item under the policy and yields a Result: the tallies
// the pages need, the what-if curve and, through ItemWriters, the item
// stream. Compare does the same for two exports and matches their items.
//
// It prints nothing, reads no flags and touches no terminal, so it builds
// for GOOS=js GOARCH=wasm as it does for the command line; package report
// holds the printers.
//
// Layout: run.go (Source, Run), member.go (Facts, ResolveMember),
// stream.go (Stream, the parse.Sink that classifies on the workers and
// writes in order), tally.go (Tally), result.go (Result), saved.go
// (reading a saved result back), diff.go (Diff, Compare).
package analysis
