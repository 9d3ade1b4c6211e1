package extract

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/eventgraph/eventgraph/gold"
	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

const corpus = "../../testdata/articles"

// MustArticles reads every article of dir that has a gold file.
func MustArticles(tb testing.TB, dir string) ([]gold.File, []model.Article) {
	tb.Helper()
	files, err := gold.Load(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var arts []model.Article
	for _, f := range files {
		p := f.ArticlePath()
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		as, err := ingest.Parse(filepath.Base(p), b)
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		for i := range as {
			as[i].Path = p
		}
		arts = append(arts, as...)
	}
	return files, arts
}

// devFloor is the least F1 per level TestDevCorpus accepts.
var devFloor = map[string]float64{"actors": 0.88, "code": 0.87, "date": 0.86}

// TestDevCorpus scores the extractor on the sample articles the way the
// eval command does; -v prints the figures, misses and spurious events.
func TestDevCorpus(t *testing.T) {
	files, arts := MustArticles(t, corpus)
	x := New(actor.Default())
	var events []model.Event
	for _, a := range arts {
		events = append(events, x.Extract(a)...)
	}
	res := gold.Score(files, events)
	for _, l := range gold.Levels {
		p := res.Levels[l]
		t.Logf("%-7s P=%.3f R=%.3f F1=%.3f (tp %d, system %d, gold %d)", l, p.Precision, p.Recall, p.F1, p.TP, p.System, p.Gold)
	}
	// The floor is a regression gate: raise it as the rules improve.
	for l, floor := range devFloor {
		if f1 := res.Levels[l].F1; f1 < floor {
			t.Errorf("%s F1 %.3f below the floor %.2f", l, f1, floor)
		}
	}
	roots := make([]string, 0, len(res.ByRoot))
	for r := range res.ByRoot {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		p := res.ByRoot[r]
		t.Logf("root %s P=%.2f R=%.2f F1=%.2f", r, p.Precision, p.Recall, p.F1)
	}
	if os.Getenv("DEV_VERBOSE") != "" {
		for _, m := range res.Misses {
			t.Logf("miss [%s] %s | %s | want %s | got %s", m.Level, m.Article, m.Quote, m.Want, m.Got)
		}
		for _, m := range res.Spurious {
			t.Logf("spurious %s | %s | %s", m.Article, m.Quote, m.Got)
		}
	}
}
