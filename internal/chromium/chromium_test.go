package chromium

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A browser that dies as it starts is started again: here a launcher that
// fails its first start, then runs the real browser.
func TestStartAgain(t *testing.T) {
	exe := Exe(t)
	dir := t.TempDir()
	count := filepath.Join(dir, "starts")
	launcher := filepath.Join(dir, "chromium")
	script := `#!/bin/sh
echo x >> '` + count + `'
if [ "$(wc -l < '` + count + `')" -eq 1 ]; then
	echo "a browser that crashed as it started" >&2
	exit 1
fi
exec '` + exe + `' "$@"
`
	if err := os.WriteFile(launcher, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := start(t, launcher, time.Minute)
	if v, err := chromedp.Run(ctx, chromedp.Evaluate[int]("6*7")); err != nil || v != 42 {
		t.Fatalf("the browser started again: 6*7 = %d, %v", v, err)
	}
	data, err := os.ReadFile(count)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n < 2 || n > Attempts {
		t.Errorf("%d starts, want 2 to %d", n, Attempts)
	}
}
