package timex

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// articleTexts reads the sample articles the benchmark and the fuzz seeds
// use.
func articleTexts(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Skip("no sample articles")
	}
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func FuzzTag(f *testing.F) {
	for _, s := range articleTexts(f) {
		f.Add(s, int64(1559520000))
	}
	f.Add("on 2-4 May, 10 p.m. Sunday, the 1990s, 'é' Sept. 17", int64(0))
	f.Fuzz(func(t *testing.T, text string, sec int64) {
		dct := time.Unix(sec%(1<<33), 0).UTC()
		prev := 0
		// Rune boundaries are only defined in valid UTF-8; a stray
		// continuation byte after a date is not the tagger's to judge.
		valid := utf8.ValidString(text)
		for _, e := range Tag(text, dct) {
			if e.Start < prev || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad offsets %d-%d (prev end %d, len %d)", e.Start, e.End, prev, len(text))
			}
			if valid && (!utf8.RuneStart(text[e.Start]) || e.End < len(text) && !utf8.RuneStart(text[e.End])) {
				t.Fatalf("offsets %d-%d split a rune", e.Start, e.End)
			}
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("Text %q != text[%d:%d] %q", e.Text, e.Start, e.End, text[e.Start:e.End])
			}
			prev = e.End
		}
	})
}

func BenchmarkTag(b *testing.B) {
	texts := articleTexts(b)
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	dct := time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			Tag(s, dct)
		}
	}
}
