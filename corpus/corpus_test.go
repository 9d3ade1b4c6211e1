package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest"
)

func MustSamples(tb testing.TB) *Samples {
	tb.Helper()
	s, err := Load(filepath.Join("..", "testdata", "articles"))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestGenerateReadsBack(t *testing.T) {
	s := MustSamples(t)
	dir := t.TempDir()
	files, err := s.Generate(dir, Options{N: 130, Seed: 7, PerFile: 20})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]int{}
	articles := 0
	err = ingest.Walk(context.Background(), []string{dir}, nil, func(f ingest.File) error {
		if f.Err != nil || f.Skipped != "" {
			t.Errorf("%s: %v %s", f.Path, f.Err, f.Skipped)
		}
		for _, a := range f.Articles {
			formats[a.Format]++
			if a.Published.IsZero() || a.Body == "" || a.Title == "" {
				t.Errorf("%s: incomplete article %q", f.Path, a.Title)
			}
		}
		articles += len(f.Articles)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if articles != 130 {
		t.Errorf("read back %d articles from %d files, want 130", articles, files)
	}
	for _, f := range []string{"text", "plain", "html", "json", "feed"} {
		if formats[f] == 0 {
			t.Errorf("no %s articles read back: %v", f, formats)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	s := MustSamples(t)
	a, b := t.TempDir(), t.TempDir()
	if _, err := s.Generate(a, Options{N: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Generate(b, Options{N: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed", rel)
		}
		return nil
	})
}

func TestGenerateErrors(t *testing.T) {
	s := MustSamples(t)
	if _, err := s.Generate(t.TempDir(), Options{N: 0}); err == nil {
		t.Error("N=0 accepted")
	}
	if _, err := s.Generate(t.TempDir(), Options{N: 3, Formats: []string{"docx"}}); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("an empty sample folder loaded")
	}
	first := time.Date(2021, 3, 7, 0, 0, 0, 0, time.UTC)
	if _, err := s.Generate(t.TempDir(), Options{N: 3, From: first, To: first.AddDate(0, 0, -1)}); err == nil {
		t.Error("a last day of publication before the first accepted")
	}
	if _, err := s.Generate(t.TempDir(), Options{N: 3, To: first}); err == nil {
		t.Error("a last day of publication without a first accepted")
	}
}

// With From and To, every article is published on a day between them,
// and the days are spread; with From alone, on that day.
func TestGenerateWindow(t *testing.T) {
	s := MustSamples(t)
	from := time.Date(2021, 3, 1, 15, 4, 0, 0, time.UTC) // the time of day is ignored
	for _, tc := range []struct {
		to       time.Time
		last     string
		minDays  int
		articles int
	}{
		{from.AddDate(0, 0, 6), "2021-03-07", 5, 80},
		{time.Time{}, "2021-03-01", 1, 20},
	} {
		dir := t.TempDir()
		// Copies, published a day after their story at most, stay in the window too.
		opt := Options{N: tc.articles, Seed: 11, PerFile: 10, From: from, To: tc.to, Recast: true, Copies: 0.3}
		if _, err := s.Generate(dir, opt); err != nil {
			t.Fatal(err)
		}
		days := map[string]int{}
		n := 0
		err := ingest.Walk(context.Background(), []string{dir}, nil, func(f ingest.File) error {
			for _, a := range f.Articles {
				n++
				d := a.Published.Format(time.DateOnly)
				days[d]++
				if d < "2021-03-01" || d > tc.last {
					t.Errorf("%s: %q published %s, outside 2021-03-01..%s", f.Path, a.Title, d, tc.last)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != tc.articles || len(days) < tc.minDays {
			t.Errorf("to %s: %d articles on %d days (%v), want %d on at least %d", tc.last, n, len(days), days, tc.articles, tc.minDays)
		}
	}
}
