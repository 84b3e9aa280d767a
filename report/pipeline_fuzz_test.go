package report

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"exposure/analysis"
	"exposure/parse"
	"exposure/policy"
)

// pipelineFiles are the files a fuzzed file sits among.
var pipelineFiles = []string{"Shares.csv", "Comments.csv", "messages.csv", "Connections.csv", "SearchQueries.csv", "Positions.csv", "Articles/Articles/a.html"}

func pipelineZip(t testing.TB, name string, data []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range []struct {
		name string
		data []byte
	}{
		{"Profile.csv", []byte("First Name,Last Name,Headline,Geo Location\nAnne,Example,DPO,\"Brussels, Belgium\"\n")},
		{"Registration.csv", []byte("Registered At,Registration Ip,Subscription Types\n\"4/17/09, 9:00 AM\",192.0.2.1,Basic\n")},
		{name, data},
	} {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzPipeline runs a small archive through everything a run does — read,
// classify, what-if, JSON, CSV and HTML — with one file's content fuzzed.
// Nothing may panic, every output must be written, the JSON must parse.
func FuzzPipeline(f *testing.F) {
	for i, name := range pipelineFiles {
		data, err := os.ReadFile(filepath.Join("..", "sample_export", sampleName(name)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), data[:min(len(data), 1500)])
	}
	p := policy.Default()
	asOf := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := pipelineFiles[int(which)%len(pipelineFiles)]
		z := pipelineZip(t, name, data)
		var j, c, h bytes.Buffer
		src := analysis.Source{Zips: []parse.ZipReader{{Name: "fuzz.zip", R: bytes.NewReader(z), Size: int64(len(z))}},
			Limits: parse.Limits{MaxInflated: 4 << 20, MaxRatio: 200}}
		given := analysis.Facts{Region: "EU", OptOut: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), AsOf: asOf}
		r, err := analysis.Run(src, analysis.Options{Policy: p, Given: given,
			Writers: []analysis.ItemWriter{NewJSONWriter(&j, false), NewCSVWriter(&c, false)}})
		if err != nil {
			t.Fatalf("a readable archive was refused: %v", err)
		}
		if !json.Valid(j.Bytes()) {
			t.Fatalf("invalid JSON:\n%.500s", j.String())
		}
		if err := WriteHTML(&h, r, HTMLOptions{ECharts: []byte("/* stub */")}); err != nil {
			t.Fatal(err)
		}
	})
}

// sampleName maps a pipeline file to the sample file it is seeded from.
func sampleName(name string) string {
	switch name {
	case "Shares.csv":
		return "Shares_183746529.csv"
	case "Comments.csv":
		return "Comments_183746529.csv"
	case "Articles/Articles/a.html":
		return "Articles/Articles/what-ai-act-means-your-dpo-2026-elise-vandermeulen-w2d8r.html"
	}
	return name
}
