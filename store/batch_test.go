package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// clusterOf is what merge.Cluster makes of every report of c: one line
// per event, its id and its reports' articles and offsets.
func clusterOf(c corpus) []string {
	var reports []model.Event
	for i, evs := range c.events {
		for _, e := range evs {
			for j := range e.Mentions {
				e.Mentions[j].ArticleID = c.articles[i].ID
				e.Mentions[j].Path = c.articles[i].Path
				if !c.articles[i].Published.IsZero() {
					e.Mentions[j].Published = c.articles[i].Published.Format(dayLayout)
				}
			}
			reports = append(reports, e)
		}
	}
	return shape(merge.Cluster(reports))
}

func shape(events []model.Event) []string {
	out := make([]string, 0, len(events))
	for _, e := range events {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprintf("%s@%d", m.ArticleID, m.Start))
		}
		sort.Strings(ms)
		out = append(out, fmt.Sprint(e.ID, ms))
	}
	sort.Strings(out)
	return out
}

// The neighbourhood SaveArticle reads (merge.go) must give exactly what
// clustering every report at once gives, in any order and batching. The
// generated corpora are dense (few actors, codes and dates, days, ranges,
// months, years and undated), so that merges cascade.
func TestSaveArticles_AgreesWithCluster(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			c := genCorpus(100+seed, 90)
			want := clusterOf(c)
			r := rand.New(rand.NewPCG(seed, 2))
			order := r.Perm(len(c.articles))
			db := MustOpen(t)
			for k := 0; k < len(order); {
				n := 1 + r.IntN(8)
				var as []model.Article
				var es [][]model.Event
				for ; n > 0 && k < len(order); n, k = n-1, k+1 {
					as = append(as, c.articles[order[k]])
					es = append(es, c.events[order[k]])
				}
				added, err := db.SaveArticles(context.Background(), as, es)
				if err != nil || len(added) != len(as) {
					t.Fatalf("SaveArticles: %v (%d of %d)", err, len(added), len(as))
				}
			}
			got := shape(MustEvents(t, db, model.EventFilter{}))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("stored %d events, merge.Cluster makes %d\ngot  %v\nwant %v", len(got), len(want), got, want)
			}
		})
	}
}

func TestSaveArticles_BadArticleAlone(t *testing.T) {
	db := MustOpen(t)
	good := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)
	bad := newEvent(kremlin, ptr(trump), "1x0", model.DayOf(2019, 6, 3), 40)
	as := []model.Article{
		newArticle("a.txt", "AP", june3, "a"),
		newArticle("b.txt", "AP", june3, "b"),
		newArticle("c.txt", "AP", june3, "c"),
	}
	added, err := db.SaveArticles(context.Background(), as, [][]model.Event{{good}, {good, bad}, {good}})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if !reflect.DeepEqual(added, []bool{true}) {
		t.Fatalf("added = %v, want [true]: the article before the bad one only", added)
	}
	if got := MustCounts(t, db); got[0] != 1 {
		t.Errorf("counts = %v, want 1 article stored", got)
	}
	// The rest goes through on a second call, the first as a duplicate.
	added, err = db.SaveArticles(context.Background(), []model.Article{as[0], as[2]}, [][]model.Event{{good}, {good}})
	if err != nil || !reflect.DeepEqual(added, []bool{false, true}) {
		t.Fatalf("second batch: added %v, err %v", added, err)
	}
	if got := MustEvents(t, db, model.EventFilter{}); len(got) != 1 || got[0].Articles() != 2 {
		t.Errorf("events = %d, want 1 with 2 articles", len(got))
	}
}

func TestSaveArticles_ReadOnly(t *testing.T) {
	db := MustOpen(t)
	ro, err := OpenReadOnly(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.SaveArticles(context.Background(), []model.Article{newArticle("a.txt", "AP", june3, "a")}, [][]model.Event{nil})
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("err = %v, want ErrReadOnly", err)
	}
}

// The sentences of a batch are indexed after its last article (see
// writeText): those of an article that failed must not be, those of the
// articles before it must, each once.
func TestSaveArticles_TextOfStoredReportsOnly(t *testing.T) {
	db := MustOpen(t)
	said := func(e model.Event, sentence string) model.Event {
		e.Mentions[0].Sentence = sentence
		e.Mentions[0].End = len(sentence)
		return e
	}
	first := said(newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0), "Quokkas rebuffed the envoy.")
	// The second article fails late, once the first report of its event
	// is written: a trigger refuses the second.
	second := said(newEvent(trump, ptr(kremlin), "036", model.DayOf(2019, 6, 4), 0, 40), "Wombats met the envoy.")
	if _, err := db.w.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON mentions WHEN NEW."start" = 40
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	as := []model.Article{newArticle("a.txt", "AP", june3, "a"), newArticle("b.txt", "AP", june3, "b")}
	if _, err := db.SaveArticles(context.Background(), as, [][]model.Event{{first}, {second}}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	for word, want := range map[string]int{"quokka*": 1, "wombat*": 0, "envoy*": 1} {
		var n int
		if err := db.r.QueryRow(`SELECT COUNT(*) FROM report_text WHERE words MATCH ?`, word).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("%s: %d rows, want %d", word, n, want)
		}
	}
	var rows, mentions int
	if err := db.r.QueryRow(`SELECT (SELECT COUNT(*) FROM report_docs), (SELECT COUNT(*) FROM mentions)`).Scan(&rows, &mentions); err != nil {
		t.Fatal(err)
	}
	if rows != mentions {
		t.Errorf("%d full-text rows for %d stored reports", rows, mentions)
	}
	// Nor the words of the article rolled back (migration 0021), which
	// the store's vocabulary forgets: saved again, they are found inside.
	var wombats int
	if err := db.r.QueryRow(`SELECT COUNT(*) FROM text_vocab WHERE word = 'wombats'`).Scan(&wombats); err != nil {
		t.Fatal(err)
	}
	if wombats != 0 {
		t.Errorf("text_vocab keeps %d suffixes of a word of the article rolled back", wombats)
	}
	again := said(newEvent(trump, ptr(kremlin), "036", model.DayOf(2019, 6, 4), 0, 41), "Wombats met the envoy.")
	MustSave(t, db, newArticle("c.txt", "AP", june3, "c"), []model.Event{again})
	if got := matchingDocids(t, db, "ombat"); len(got) != 1 {
		t.Errorf("ombat: docids %v, want the one of the article saved again", got)
	}
}

// An actor row reads as the last saved article spelled its name, in a
// batch too, where an actor upserted with the same values by an earlier
// article of the batch is not upserted again: a rolled-back article's
// spelling is not kept, and a later article's spelling replaces an
// earlier one's.
func TestSaveArticles_ActorRowsFollowSavedArticles(t *testing.T) {
	spell := func(name string) model.Actor { return model.NewActor(name, "XYZ", model.RoleMIL) }
	article := func(i int, name, code string) (model.Article, []model.Event) {
		a := newArticle(fmt.Sprintf("guard/%d.txt", i), "AP", june3.Add(time.Duration(i)*time.Hour), fmt.Sprint("guard text ", i))
		e := newEvent(spell(name), ptr(rebels), "190", model.DayOf(2019, 6, 3), 10*i)
		e.Code = code
		return a, []model.Event{e}
	}
	for _, tt := range []struct {
		name    string
		batches [][]string // names per article; "!" marks an article that fails
		want    string
	}{
		{"same spelling twice", [][]string{{"Harbour Guard", "Harbour Guard"}}, "Harbour Guard"},
		{"respelled later", [][]string{{"Harbour Guard", "Harbour Guard", "HARBOUR GUARD"}}, "HARBOUR GUARD"},
		{"respelled and back", [][]string{{"Harbour Guard", "HARBOUR GUARD", "Harbour Guard"}}, "Harbour Guard"},
		{"failed respelling", [][]string{{"Harbour Guard", "HARBOUR GUARD!"}}, "Harbour Guard"},
		{"next batch", [][]string{{"Harbour Guard", "HARBOUR GUARD!"}, {"HARBOUR GUARD", "Harbour Guard"}}, "Harbour Guard"},
		{"next batch respells", [][]string{{"HARBOUR GUARD"}, {"Harbour Guard", "Harbour Guard"}}, "Harbour Guard"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			n := 0
			for _, names := range tt.batches {
				var articles []model.Article
				var events [][]model.Event
				for _, name := range names {
					code := "190"
					if strings.HasSuffix(name, "!") {
						name, code = strings.TrimSuffix(name, "!"), "x"
					}
					a, es := article(n, name, code)
					n++
					articles, events = append(articles, a), append(events, es)
				}
				_, err := db.SaveArticles(context.Background(), articles, events)
				if failing := strings.HasSuffix(names[len(names)-1], "!"); failing != (err != nil) {
					t.Fatalf("batch %v: error %v", names, err)
				}
			}
			var name string
			if err := db.w.QueryRow(`SELECT name FROM actors WHERE id = ?`, spell("Harbour Guard").ID).Scan(&name); err != nil {
				t.Fatal(err)
			}
			if name != tt.want {
				t.Errorf("actor row reads %q, want %q", name, tt.want)
			}
		})
	}
}
