package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/gold"
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

// TestDevDates measures dating on its own: for every gold event it takes
// the extractions of the quote's sentence with an agreeing code, whatever
// their actors, and counts how many gold events one of them dates right.
// Set DEV_DATES to run it; DEV_DATES=v lists the wrong ones.
func TestDevDates(t *testing.T) {
	if os.Getenv("DEV_DATES") == "" {
		t.Skip("set DEV_DATES to measure dating on the dev corpus")
	}
	files, arts := MustArticles(t, corpus)
	x := New(actor.Default())
	byArt := map[string][]model.Event{}
	for _, a := range arts {
		byArt[filepath.Base(a.Path)] = append(byArt[filepath.Base(a.Path)], x.Extract(a)...)
	}
	seen, right := 0, 0
	for _, f := range files {
		for _, ge := range f.Events {
			q := strings.Join(strings.Fields(ge.Quote), " ")
			var cands []model.Event
			for _, e := range byArt[filepath.Base(f.Article)] {
				m := e.Mentions[0]
				if !strings.Contains(strings.Join(strings.Fields(m.Sentence), " "), q) {
					continue
				}
				if root := e.Root(); strings.HasPrefix(ge.CAMEO, root) || contains(ge.CAMEOAlt, root) {
					cands = append(cands, e)
				}
			}
			if len(cands) == 0 {
				continue
			}
			seen++
			ok := false
			var got []string
			for _, e := range cands {
				if gold.DateAgrees(ge, e.Date) {
					ok = true
				}
				got = append(got, e.Date.String()+" ("+e.Mentions[0].TimeText+")")
			}
			if ok {
				right++
			} else if os.Getenv("DEV_DATES") == "v" {
				want := ge.Date + " " + ge.Precision
				if ge.End != "" {
					want += " to " + ge.End
				}
				t.Logf("%s | %s | want %s | got %s", f.Article, ge.Quote, want, strings.Join(got, "; "))
			}
		}
	}
	t.Logf("dated right %d of %d gold events with a code-agreeing extraction (%.3f)", right, seen, float64(right)/float64(seen))
}

func contains(list []string, root string) bool {
	for _, a := range list {
		if strings.HasPrefix(a, root) {
			return true
		}
	}
	return false
}

// TestDevArticle prints every sentence of the corpus article named in
// $DEV_ART with its times and its events' dates.
func TestDevArticle(t *testing.T) {
	name := os.Getenv("DEV_ART")
	if name == "" {
		t.Skip("set DEV_ART to an article file name of the corpus")
	}
	_, arts := MustArticles(t, corpus)
	x := New(actor.Default())
	for _, a := range arts {
		if filepath.Base(a.Path) != name {
			continue
		}
		d := x.newDoc(a.Body, a.Published)
		for i, s := range d.sents {
			d.findActors(s)
			evs := d.codeSentence(i)
			d.done = append(d.done, evs...)
			d.remember(s)
			t.Logf("[%d] %.120s", i, s.span.Text)
			for _, e := range evs {
				t.Logf("      %s -> %v %s %s (%s) %q", e.src.Country, e.tgt != nil, e.code, e.date, e.timeText, e.trigger)
			}
		}
	}
}
