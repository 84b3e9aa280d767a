package units

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1024", 1024, true}, {"500KB", 500e3, true}, {"100MB", 100e6, true}, {"1GB", 1e9, true},
		{"2GiB", 2 << 30, true}, {" 1.5 mb ", 1.5e6, true}, {"16gb", 16e9, true}, {"7B", 7, true},
		{"", 0, false}, {"MB", 0, false}, {"-1GB", 0, false}, {"0", 0, false}, {"1e20", 0, false}, {"ten MB", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
