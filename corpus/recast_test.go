package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/syndicate"
)

// readBack generates a corpus and reads its articles back, in order.
func readBack(t *testing.T, s *Samples, opt Options) []model.Article {
	t.Helper()
	dir := t.TempDir()
	if _, err := s.Generate(dir, opt); err != nil {
		t.Fatal(err)
	}
	var out []model.Article
	err := ingest.Walk(context.Background(), []string{dir}, nil, func(f ingest.File) error {
		out = append(out, f.Articles...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != opt.N {
		t.Fatalf("read back %d articles, want %d", len(out), opt.N)
	}
	return out
}

// Without recasting and copies, a corpus is the one the figures of the
// README's earlier sessions were measured on, byte for byte: the digest
// is of 300 articles written by the tree before recasting (4c4772e).
func TestGenerateAsBefore(t *testing.T) {
	s := MustSamples(t)
	dir := t.TempDir()
	if _, err := s.Generate(dir, Options{N: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		h.Write([]byte(rel + "\n"))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	const want = "e1294e35f84231f821ae0daed336685b011c6e3964dc5e985594a47afa178d18"
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("corpus digest %s, want %s", got, want)
	}
}

// alike counts the pairs of articles that share at least the share min
// of their word shingles, as the copy detector estimates it.
func alike(as []model.Article, min float64) int {
	sigs := make([][]uint32, len(as))
	for i, a := range as {
		sigs[i] = syndicate.Signature(a.Body)
	}
	n := 0
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			if syndicate.Similarity(sigs[i], sigs[j]) >= min {
				n++
			}
		}
	}
	return n
}

// Recast articles built on one sample tell different stories: the copy
// detector, which takes most pairs of articles of one sample for copies
// without recasting, takes almost none for copies with it. The names
// swapped in are the extractor's, so it finds as many actors as before.
func TestRecastTellsOtherStories(t *testing.T) {
	s := MustSamples(t)
	plain := readBack(t, s, Options{N: 150, Seed: 5})
	recast := readBack(t, s, Options{N: 150, Seed: 5, Recast: true})
	for _, min := range []float64{0.3, 0.5, syndicate.Threshold} {
		t.Logf("pairs sharing %.0f%%: %d without recasting, %d with", min*100, alike(plain, min), alike(recast, min))
	}
	np, nr := alike(plain, 0.5), alike(recast, 0.5)
	if np < 100 || nr*20 > np {
		t.Errorf("pairs sharing half their text: %d without recasting, %d with; want many, then under a twentieth", np, nr)
	}
	actors := func(as []model.Article) (n int, names map[string]bool) {
		names = map[string]bool{}
		for _, a := range as {
			for _, m := range actor.Default().Find(a.Body, a.Published) {
				if m.Kind != actor.KindPronoun {
					n++
					names[m.Text] = true
				}
			}
		}
		return n, names
	}
	ap, namesP := actors(plain)
	ar, namesR := actors(recast)
	if ar*10 < ap*9 {
		t.Errorf("actors found: %d without recasting, %d with; want at least 90%% as many", ap, ar)
	}
	// Every sample's names, spread over the corpus, against only those of
	// the samples drawn first.
	if len(namesR) < len(namesP) {
		t.Errorf("%d distinct actor names with recasting, %d without", len(namesR), len(namesP))
	}
}

// A share of the articles are another outlet's copy of a recent story,
// published the same day or the next, under a headline of their own.
func TestGenerateCopies(t *testing.T) {
	s := MustSamples(t)
	as := readBack(t, s, Options{N: 400, Seed: 8, Recast: true, Copies: 0.25, Formats: []string{"json"}})
	copies := 0
	for i, a := range as {
		for _, o := range as[:i] {
			if !strings.HasPrefix(o.Body, a.Body) || len(a.Body) < len(o.Body)/2 {
				continue
			}
			copies++
			if o.Outlet == a.Outlet {
				t.Errorf("%q copies %q of the same outlet %s", a.Title, o.Title, a.Outlet)
			}
			if d := a.Published.Sub(o.Published).Hours(); d < 0 || d > 24 {
				t.Errorf("%q published %v after the story it copies", a.Title, d)
			}
			if a.Title == o.Title {
				t.Errorf("%q: a copy under the same headline", a.Title)
			}
			break
		}
	}
	if copies < 70 || copies > 130 {
		t.Errorf("%d copies of 400 articles, want about 100", copies)
	}
	if none := readBack(t, s, Options{N: 100, Seed: 8, Recast: true, Formats: []string{"json"}}); slices.ContainsFunc(none[1:], func(a model.Article) bool {
		return a.Body == none[0].Body
	}) {
		t.Error("a copy without Copies")
	}
	if _, err := s.Generate(t.TempDir(), Options{N: 3, Copies: 1}); err == nil {
		t.Error("a share of copies of 1 accepted")
	}
}
