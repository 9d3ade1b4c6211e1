package syndicate

import (
	"os"
	"path/filepath"
	"testing"
)

// sampleBodies reads the sample articles whole: what Credit and
// Signature see of each article, give or take the header lines.
func sampleBodies(tb testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("sample articles: %v (%d files)", err, len(files))
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// benchBodies runs f over every sample body once per iteration.
func benchBodies(b *testing.B, f func(body string)) {
	bodies := sampleBodies(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			f(body)
		}
	}
}

func BenchmarkCredit(b *testing.B) { benchBodies(b, func(body string) { Credit(body) }) }

func BenchmarkSignature(b *testing.B) { benchBodies(b, func(body string) { Signature(body) }) }
