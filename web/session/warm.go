package session

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"time"

	"exposure/internal/synth"
	"exposure/parse"
	"exposure/policy"
)

// WarmUp analyses a small invented export (internal/synth) once, its JSON
// and CSV included, and lets it go. In a browser the engine's code is
// compiled the first time it runs, and optimised only once it has run a
// while: a member's first analysis ran several times slower than the next.
// The page warms the engine up while the member picks their archive.
func WarmUp(ctx context.Context, scale float64) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	now := time.Date(2026, 11, 15, 9, 30, 0, 0, time.UTC)
	if err := synth.Write(synth.ZipFS(zw), synth.Options{Seed: 7, Scale: scale, Now: now}); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	data := buf.Bytes()
	s, err := New(policy.Default(), Input{Zips: []parse.ZipReader{{Name: "Complete_LinkedInDataExport_11-15-2026.zip", R: bytes.NewReader(data), Size: int64(len(data))}}})
	if err != nil {
		return err
	}
	s.Today = func() time.Time { return now }
	for _, o := range []Options{{Lang: "en"}, {Facts: Facts{OptOut: "2025-12-01"}, Lang: "fr"}} {
		if _, err := s.Report(ctx, o); err != nil {
			return err
		}
	}
	for _, format := range []string{"json", "csv"} {
		if err := s.Write(ctx, Options{}, format, io.Discard); err != nil {
			return err
		}
	}
	return nil
}
