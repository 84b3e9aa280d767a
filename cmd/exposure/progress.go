package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	flag "github.com/spf13/pflag"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"exposure/analysis"
)

// progressFlags is --quiet, on the commands that read an export.
type progressFlags struct {
	quiet bool
}

func (p *progressFlags) declare(fs *flag.FlagSet) {
	fs.BoolVarP(&p.quiet, "quiet", "q", false, "no progress bar (it is only shown when standard error is a terminal)")
}

// watch shows the bar while src is read, when standard error is a
// terminal and --quiet is not given; done erases it. The bar counts the
// bytes of the export's files, uncompressed, and is erased when reading
// ends, so that nothing of it stays in the terminal or reaches a redirected
// stderr.
func (p *progressFlags) watch(stderr io.Writer, src *analysis.Source) (done func()) {
	if p.quiet || !isTerminal(stderr) {
		return func() {}
	}
	bar := newBar(stderr, "Reading "+shortNames(src.Paths))
	src.Progress = bar.set
	return bar.finish
}

// isTerminal: only a terminal gets a bar; a file or a pipe gets nothing.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// bar adapts an mpb bar to parse's progress callback, which parse calls
// one at a time with done never decreasing, first with done 0.
type bar struct {
	w     io.Writer
	label string
	p     *mpb.Progress
	b     *mpb.Bar
	max   int64
}

func newBar(w io.Writer, label string) *bar { return &bar{w: w, label: label} }

func (b *bar) set(done, total int64) {
	if b.b == nil {
		b.max = max(total, 1)
		// Auto refresh: mpb would not redraw on a writer it does not know as a
		// terminal; the caller only makes a bar for one.
		b.p = mpb.New(mpb.WithOutput(b.w), mpb.WithAutoRefresh(), mpb.WithWidth(30), mpb.WithRefreshRate(100*time.Millisecond))
		b.b = b.p.AddBar(b.max,
			mpb.PrependDecorators(decor.Name(b.label+" ")),
			mpb.AppendDecorators(decor.CountersKiloByte("% .1f / % .1f"), decor.Name("  "), decor.Percentage()),
			mpb.BarRemoveOnComplete(),
		)
	}
	// Sizes come from the archive's headers: a lying header must not make
	// the bar run past its end.
	if done > b.max {
		b.max = done
		b.b.SetTotal(b.max, false)
	}
	b.b.SetCurrent(done)
}

// finish erases the bar; it may be called again.
func (b *bar) finish() {
	if b.b == nil {
		return
	}
	b.b.Abort(true)
	b.p.Wait()
	b.b = nil
}

// shortNames names the inputs for the bar: base names, the first two.
func shortNames(inputs []string) string {
	var names []string
	for i, in := range inputs {
		if i == 2 {
			names = append(names, "…")
			break
		}
		names = append(names, filepath.Base(in))
	}
	return strings.Join(names, ", ")
}
