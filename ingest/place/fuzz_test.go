package place

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics and that every match is a valid,
// ordered, non-overlapping span of the input holding its Text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "Idlib", "Deir ez-Zor's", "‘Afrīn", "Ta'", "KYIV-", "\xff\xfeIdlib", "Al Ḩudaydah province"} {
		f.Add(s)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 8000 {
			f.Add(string(b))
		}
	}
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range g.Find(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, last, text)
			}
			if text[m.Start:m.End] != m.Text || m.Name == "" || len(m.Country) != 3 {
				t.Fatalf("bad match %+v", m)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("match %q splits a rune", m.Text)
			}
			last = m.End
		}
	})
}
