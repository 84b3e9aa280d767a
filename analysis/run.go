package analysis

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"exposure/parse"
	"exposure/policy"
)

// Source is what an analysis reads: the parts of one member's export
// (archives or folders, the Basic and the Complete part together), or one
// result saved as JSON by an earlier analysis.
type Source struct {
	Paths []string
	// Zips are archives read through io.ReaderAt instead of paths (a file
	// picked in the web page); Paths is then empty.
	Zips []parse.ZipReader
	// Dirs are folders read through fs.FS instead of paths (a folder
	// picked in the web page); Paths and Zips are then empty.
	Dirs []parse.DirFS
	// SavedJSON is a result saved as JSON, read as a stream instead of from
	// a path (a file picked in the web page); SavedName stands for it in
	// messages. The other inputs are then empty.
	SavedJSON io.Reader
	SavedName string
	// Replay, when set, reads the export instead of the inputs above: it
	// hands the items of an export already read to the sink start makes,
	// as parse.Scan does, and returns the export's account. The web page
	// keeps the items it parsed and replays them to classify them again
	// without reading the archive.
	Replay func(start func(parse.Member) (parse.Sink, error)) (*parse.Export, error)
	// Limits bound how far archive entries may inflate.
	Limits parse.Limits
	// Progress, when set, is told how far reading has got (parse.Scan).
	Progress func(done, total int64)
}

// names are the source's archives, folders or saved result.
func (src Source) names() []string {
	switch {
	case src.SavedJSON != nil:
		return []string{src.SavedName}
	case len(src.Zips) > 0:
		names := make([]string, len(src.Zips))
		for i, z := range src.Zips {
			names[i] = z.Name
		}
		return names
	case len(src.Dirs) > 0:
		names := make([]string, len(src.Dirs))
		for i, d := range src.Dirs {
			names[i] = d.Name
		}
		return names
	}
	return src.Paths
}

// Saved reports whether the source is a saved JSON result.
func (src Source) Saved() bool {
	return src.Replay == nil && (src.SavedJSON != nil || len(src.Paths) == 1 && isJSON(src.Paths[0]))
}

func isJSON(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".json") }

// Run analyses one export: it reads the source, resolves the member once
// the export's own facts are read, classifies and tallies every item and
// hands it to the writers as it goes. Nothing of the items is kept but the
// result's counts and the newest exposed items.
func Run(src Source, opt Options) (*Result, error) {
	var s *Stream
	x, err := src.scan(opt.Given, func(given Facts, facts parse.Member) (parse.Sink, error) {
		var err error
		s, err = opt.newStream(given, facts)
		return s, err
	})
	if err != nil {
		return nil, err
	}
	r, err := s.Finish(x)
	if err != nil {
		return nil, fmt.Errorf("cannot write the output: %v", err)
	}
	return r, nil
}

// newStream starts the Stream of one export, its member resolved.
func (o Options) newStream(given Facts, facts parse.Member) (*Stream, error) {
	asOf := given.AsOf
	if asOf.IsZero() {
		asOf = o.Today
	}
	if o.Policy == nil {
		return NewStream(nil, policy.Member{}, asOf, o.TopN, o.Writers), nil
	}
	m, err := ResolveMember(o.Policy, given, facts)
	if err != nil {
		return nil, err
	}
	return NewStream(o.Policy, m, asOf, o.TopN, o.Writers), nil
}

// scan reads the source into the sink start makes once the member's facts
// are known: those given and, from a saved result, those it was made with
// where none is given.
func (src Source) scan(given Facts, start func(Facts, parse.Member) (parse.Sink, error)) (*parse.Export, error) {
	if src.Replay != nil {
		return src.Replay(func(facts parse.Member) (parse.Sink, error) {
			return start(given, facts)
		})
	}
	if src.Saved() {
		name := src.names()[0]
		startSaved := func(saved Facts, facts parse.Member) (parse.Sink, error) {
			s, err := start(given.over(saved), facts)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			return s, nil
		}
		if src.SavedJSON != nil {
			return decodeSaved(bufio.NewReaderSize(src.SavedJSON, 256<<10), name, startSaved)
		}
		return scanSaved(name, startSaved)
	}
	for _, path := range src.Paths {
		if isJSON(path) {
			return nil, fmt.Errorf("%s: a JSON result cannot be combined with other parts", path)
		}
	}
	if len(src.Zips) > 0 {
		return parse.ScanZips(src.Zips, src.Limits, src.Progress, func(facts parse.Member) (parse.Sink, error) {
			return start(given, facts)
		})
	}
	if len(src.Dirs) > 0 {
		return parse.ScanFS(src.Dirs, src.Progress, func(facts parse.Member) (parse.Sink, error) {
			return start(given, facts)
		})
	}
	return parse.Scan(src.Limits, src.Progress, src.Paths, func(facts parse.Member) (parse.Sink, error) {
		return start(given, facts)
	})
}
