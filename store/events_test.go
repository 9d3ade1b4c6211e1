package store

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// corpus is a generated set of articles with events, so that filters can be
// checked against model.EventFilter.Match on many shapes of data.
type corpus struct {
	articles []model.Article
	events   [][]model.Event // events[i] belong to articles[i]
}

var etat = model.NewActor("État islamique", "", model.RoleREB) // non-ASCII case folding

func genCorpus(seed uint64, nArticles int) corpus {
	r := rand.New(rand.NewPCG(seed, 1))
	actors := []model.Actor{kremlin, trump, rebels, un, assad, etat}
	outlets := []string{"Reuters", "AP", "AFP", ""}
	codes := []string{"010", "0211", "036", "042", "057", "111", "120", "1311", "173", "190", "193", "20", "99"}
	var dates []model.Date
	for m := time.January; m <= time.December; m += 3 {
		dates = append(dates,
			model.DayOf(2019, m, 1), model.DayOf(2019, m, 28), model.Month(2019, m),
			model.Range(time.Date(2019, m, 20, 0, 0, 0, 0, time.UTC), time.Date(2019, m+1, 5, 0, 0, 0, 0, time.UTC)))
	}
	dates = append(dates, model.Year(2018), model.Year(2019), model.DayOf(2018, 12, 31), model.Date{})

	var c corpus
	for i := range nArticles {
		pub := time.Date(2019, time.Month(1+r.IntN(12)), 1+r.IntN(28), 12, 0, 0, 0, time.UTC)
		a := newArticle(fmt.Sprintf("articles/%03d.txt", i), outlets[r.IntN(len(outlets))], pub, fmt.Sprintf("body %d", i))
		var events []model.Event
		for j := range 1 + r.IntN(5) {
			src := actors[r.IntN(len(actors))]
			var tgt *model.Actor
			if r.IntN(4) > 0 {
				tgt = ptr(actors[r.IntN(len(actors))])
			}
			// Few codes and dates, so that articles often report the same event.
			e := newEvent(src, tgt, codes[r.IntN(len(codes))], dates[r.IntN(len(dates))], 100*j)
			events = append(events, e)
		}
		c.articles = append(c.articles, a)
		c.events = append(c.events, events)
	}
	return c
}

func (c corpus) save(tb testing.TB, db *DB, reverse bool) {
	tb.Helper()
	for k := range c.articles {
		i := k
		if reverse {
			i = len(c.articles) - 1 - k
		}
		MustSave(tb, db, c.articles[i], c.events[i])
	}
}

func ids(events []model.Event) []string {
	out := []string{}
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

func TestEvents_FiltersAgreeWithMatch(t *testing.T) {
	db := MustOpen(t)
	c := genCorpus(7, 120)
	c.save(t, db, false)
	all := MustEvents(t, db, model.EventFilter{})

	// The stored events are what package merge makes of the generated
	// reports, each with a mention per article.
	var reports []model.Event
	for i, evs := range c.events {
		for _, e := range evs {
			for j := range e.Mentions {
				e.Mentions[j].ArticleID = c.articles[i].ID
				if !c.articles[i].Published.IsZero() {
					e.Mentions[j].Published = c.articles[i].Published.Format("2006-01-02")
				}
			}
			reports = append(reports, e)
		}
	}
	if want := merge.Cluster(reports); !reflect.DeepEqual(ids(all), ids(want)) {
		t.Fatalf("stored %d events, merge.Cluster makes %d", len(all), len(want))
	}
	multi := 0
	for _, e := range all {
		if e.Sources() > 1 {
			multi++
		}
	}
	if multi == 0 {
		t.Fatal("generated corpus has no event with several sources; the test is too weak")
	}

	day := func(y int, m time.Month, d int) model.Date { return model.DayOf(y, m, d) }
	tests := []struct {
		name string
		f    model.EventFilter
	}{
		{"all", model.EventFilter{}},
		{"from day", model.EventFilter{From: day(2019, 4, 2)}},
		{"to day", model.EventFilter{To: day(2019, 4, 1)}},
		{"from to same day", model.EventFilter{From: day(2019, 4, 1), To: day(2019, 4, 1)}},
		{"month", model.EventFilter{From: model.Month(2019, 7), To: model.Month(2019, 7)}},
		{"month into range", model.EventFilter{From: model.Month(2019, 5), To: model.Month(2019, 5)}},
		{"year 2018", model.EventFilter{From: model.Year(2018), To: model.Year(2018)}},
		{"range", model.EventFilter{From: model.Range(time.Date(2019, 3, 30, 0, 0, 0, 0, time.UTC), time.Date(2019, 4, 2, 0, 0, 0, 0, time.UTC))}},
		{"to range", model.EventFilter{To: model.Range(time.Date(2018, 3, 30, 0, 0, 0, 0, time.UTC), time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC))}},
		{"roots", model.EventFilter{Roots: []string{"12", "19"}}},
		{"unknown root", model.EventFilter{Roots: []string{"99"}}},
		{"quad 1", model.EventFilter{Quads: []int{1}}},
		{"quads 3 4", model.EventFilter{Quads: []int{3, 4}}},
		{"actor by name any case", model.EventFilter{Actors: []string{"kremlin"}}},
		{"actor non-ASCII name", model.EventFilter{Actors: []string{"éTAT ISLAMIQUE"}}},
		{"actor by code", model.EventFilter{Actors: []string{"syrreb"}}},
		{"actor by country", model.EventFilter{Actors: []string{"SYR"}}},
		{"actor by id", model.EventFilter{Actors: []string{un.ID}}},
		{"actor padded", model.EventFilter{Actors: []string{"  USA "}}},
		{"actors any of", model.EventFilter{Actors: []string{"IGO", "Donald Trump"}}},
		{"actor unknown", model.EventFilter{Actors: []string{"Atlantis"}}},
		{"actor blank", model.EventFilter{Actors: []string{" "}}},
		{"min sources 2", model.EventFilter{MinSources: 2}},
		{"min sources 3", model.EventFilter{MinSources: 3}},
		{"combined", model.EventFilter{From: model.Month(2019, 4), To: model.Year(2019), Roots: []string{"12", "13", "19", "20"},
			Quads: []int{3, 4}, Actors: []string{"RUS", "SYR"}, MinSources: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want []model.Event
			for _, e := range all {
				if tt.f.Match(e) {
					want = append(want, e)
				}
			}
			got := MustEvents(t, db, tt.f)
			if !reflect.DeepEqual(ids(got), ids(want)) {
				t.Errorf("got %d events %v\nwant %d %v", len(got), ids(got), len(want), ids(want))
			}
		})
	}
}

func TestEvents_OrderDeterministic(t *testing.T) {
	c := genCorpus(11, 60)
	forward, backward := MustOpen(t), MustOpen(t)
	c.save(t, forward, false)
	c.save(t, backward, true)
	got := MustEvents(t, forward, model.EventFilter{})

	sorted := append([]model.Event(nil), got...)
	model.SortEvents(sorted)
	if !reflect.DeepEqual(ids(got), ids(sorted)) {
		t.Errorf("events not in model.SortEvents order")
	}
	// Ingesting the same articles in the opposite order gives the same
	// listing, mentions included.
	if other := MustEvents(t, backward, model.EventFilter{}); !reflect.DeepEqual(got, other) {
		t.Errorf("listing depends on ingestion order")
	}
	if again := MustEvents(t, forward, model.EventFilter{}); !reflect.DeepEqual(got, again) {
		t.Errorf("two reads differ")
	}
}

func TestEvents_DatesRoundTrip(t *testing.T) {
	utc := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		date model.Date
	}{
		{"day", model.DayOf(2019, 6, 3)},
		{"leap day", model.DayOf(2020, 2, 29)},
		{"month", model.Month(2018, 9)},
		{"december", model.Month(2018, 12)},
		{"year", model.Year(2019)},
		{"range in month", model.Range(utc(2019, 5, 2), utc(2019, 5, 4))},
		{"range across years", model.Range(utc(2018, 12, 28), utc(2019, 1, 3))},
		{"undated", model.Date{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			e := newEvent(kremlin, nil, "120", tt.date, 0)
			MustSave(t, db, newArticle("a.txt", "", time.Time{}, "x"), []model.Event{e})
			got := MustEvents(t, db, model.EventFilter{})
			if len(got) != 1 {
				t.Fatalf("got %d events", len(got))
			}
			d := got[0].Date
			if d.Precision != tt.date.Precision || !d.Start.Equal(tt.date.Start) || !d.End.Equal(tt.date.End) ||
				d.Encode() != tt.date.Encode() || got[0].ID != e.ID {
				t.Errorf("date = %+v (%s), want %+v (%s)", d, d.Encode(), tt.date, tt.date.Encode())
			}
		})
	}
}
