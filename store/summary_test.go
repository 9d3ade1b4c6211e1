package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// summaryCorpus generates articles whose reports merge, split across
// stored events and disagree: few actors, codes and dates, so that
// articles report the same events; tolls that differ; sentences that
// contest blame; wire copies under other outlets (whose origin changes
// when a copy is stored), and an actor spelt in two cases (its name
// changes in the store).
func summaryCorpus(seed uint64, n int) corpus {
	r := rand.New(rand.NewPCG(seed, 7))
	actors := []model.Actor{kremlin, model.NewActor("KREMLIN", "RUS", model.RoleGOV), trump, rebels, assad,
		model.NewActor("Syrian army", "SYR", model.RoleMIL)}
	outlets := []string{"Reuters", "AP", "The Moscow Times", "SANA", ""}
	codes := []string{"190", "193", "195", "111", "120"}
	dates := []model.Date{model.DayOf(2020, 3, 1), model.DayOf(2020, 3, 2), model.DayOf(2020, 3, 3),
		model.Month(2020, 3), model.Range(time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 3, 4, 0, 0, 0, 0, time.UTC)),
		model.Year(2020), {}}
	sentences := []string{"Shells fell on the town at %d.", "Officials blamed the other side for the attack at %d.",
		"The army denied it was responsible at %d."}
	var c corpus
	for i := range n {
		pub := time.Date(2020, 3, 1+r.IntN(5), r.IntN(24), 0, 0, 0, time.UTC)
		body := fmt.Sprintf("body %d", i)
		if r.IntN(4) == 0 {
			body = wireBody + fmt.Sprintf("\n\nCopy %d.", r.IntN(3))
		}
		a := newArticle(fmt.Sprintf("summary/%03d.txt", i), outlets[r.IntN(len(outlets))], pub, body)
		var events []model.Event
		for j := range 1 + r.IntN(4) {
			src := actors[r.IntN(len(actors))]
			tgt := ptr(actors[2+r.IntN(len(actors)-2)])
			code, date := codes[r.IntN(len(codes))], dates[r.IntN(len(dates))]
			if j == 0 && r.IntN(2) == 0 {
				// One strike told by half the articles, some by its
				// month, with both spellings of its source and another
				// hand blamed for it: an event of more than summaryHead
				// articles.
				src, tgt, code, date = []model.Actor{actors[0], actors[1], assad}[r.IntN(3)], ptr(rebels), "190", dates[[]int{0, 0, 3}[r.IntN(3)]]
			}
			e := newEvent(src, tgt, code, date, 100*j)
			e.Mentions[0].Sentence = fmt.Sprintf(sentences[r.IntN(len(sentences))], j)
			if r.IntN(2) == 0 {
				k := float64(10 + r.IntN(4))
				e.Mentions[0].Figures = []model.Figure{{Kind: model.FigureKilled, Value: k, Low: k, High: k, Unit: "civilians", Text: fmt.Sprint(k)}}
			}
			events = append(events, e)
		}
		c.articles = append(c.articles, a)
		c.events = append(c.events, events)
	}
	return c
}

// TestSummaries_AgreeWithReports stores generated articles in batches of
// random sizes, in several rounds, and after each round checks every
// event's stored summary against one computed from its reports as Events
// reads them, and a page read from summaries against Events.
func TestSummaries_AgreeWithReports(t *testing.T) {
	db := MustOpen(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(3, 3))
	var disputes, merged, retired int
	for round := range 4 {
		c := summaryCorpus(uint64(round), 60)
		for i := 0; i < len(c.articles); {
			n := min(1+r.IntN(8), len(c.articles)-i)
			if _, err := db.SaveArticles(ctx, c.articles[i:i+n], c.events[i:i+n]); err != nil {
				t.Fatalf("round %d: SaveArticles: %v", round, err)
			}
			i += n
		}
		all := MustEvents(t, db, model.EventFilter{IncludeRejected: true})
		checkSummaries(t, db, all)
		checkPage(t, db, all, 2)
		checkWords(t, db, all)
		checkGrams(t, db, all)
		checkTextPages(t, db)
		disputes, merged = 0, 0
		for _, e := range all {
			disputes += len(e.Disputes)
			if e.Articles() > 1 {
				merged++
			}
		}
		if err := db.r.QueryRow(`SELECT COUNT(*) FROM event_aliases`).Scan(&retired); err != nil {
			t.Fatal(err)
		}
	}
	// The corpus must still do what it is for.
	if disputes == 0 || merged == 0 || retired == 0 {
		t.Errorf("the corpus made %d disputes, %d events of several articles, %d retired events; want some of each", disputes, merged, retired)
	}
}

// checkSummaries compares the stored summary of every event of more than
// summaryHead articles with the one computed from the event as Events
// reads it; the others have none.
func checkSummaries(t *testing.T, db *DB, all []model.Event) {
	t.Helper()
	var stale, stored int
	if err := db.r.QueryRow(`SELECT (SELECT COUNT(*) FROM summary_stale), (SELECT COUNT(*) FROM event_summaries)`).Scan(&stale, &stored); err != nil {
		t.Fatal(err)
	}
	big := 0
	for _, e := range all {
		if e.Articles() > summaryHead {
			big++
		}
	}
	if stale != 0 || stored != big || big == 0 {
		t.Errorf("%d events marked stale and %d summaries for %d events of more than %d articles; want none stale, one each and some",
			stale, stored, big, summaryHead)
	}
	tx, err := db.beginRead(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	sums, err := readSummaries(context.Background(), tx, jsonList(ids(all)))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		want, err := summarize(e, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := sums[e.ID]
		if ok != (e.Articles() > summaryHead) {
			t.Errorf("event %s of %d articles: summary %v", e.ID, e.Articles(), ok)
		}
		if !ok {
			continue
		}
		if len(got.head) != min(len(e.Mentions), summaryHead) {
			t.Errorf("event %s: summary names %d first mentions of %d", e.ID, len(got.head), len(e.Mentions))
		}
		got.head = nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("event %s: summary\n%+v\nfrom its reports\n%+v", e.ID, got, want)
		}
	}
}

// checkWords compares the stored words of every event of more than
// summaryHead articles with those of its sentences as Events reads them.
func checkWords(t *testing.T, db *DB, all []model.Event) {
	t.Helper()
	stored := map[string]string{}
	rows, err := db.r.Query(`SELECT event_id, words FROM summary_words`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, w string
		if err := rows.Scan(&id, &w); err != nil {
			t.Fatal(err)
		}
		stored[id] = w
	}
	big := 0
	for _, e := range all {
		if e.Articles() <= summaryHead {
			continue
		}
		big++
		var sentences []string
		for _, m := range e.Mentions {
			sentences = append(sentences, m.Sentence)
		}
		if got, want := stored[e.ID], eventWords(sentences); got != want {
			t.Errorf("event %s: words %q, its sentences give %q", e.ID, got, want)
		}
	}
	if len(stored) != big {
		t.Errorf("%d rows of words for %d events of more than %d articles", len(stored), big, summaryHead)
	}
}

// checkTextPages reads text queries a page at a time, as the walk tests
// the events of more than summaryHead articles on their words, and
// compares them with Events.
func checkTextPages(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{"shells", "blamed", "DENIED", "responsible at 1", "town at 2", "kreml", "other side"} {
		f := model.EventFilter{Text: q, IncludeRejected: true}
		want := MustEvents(t, db, f)
		var got []model.Event
		after := ""
		for {
			page, _, err := db.EventsPage(context.Background(), f, false, after, 3, 1)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, page...)
			if len(page) < 3 {
				break
			}
			after = page[len(page)-1].ID
		}
		if !reflect.DeepEqual(ids(got), ids(want)) {
			t.Errorf("text %q: pages give %v\nEvents gives %v", q, ids(got), ids(want))
		}
	}
}

// checkPage reads every event a page at a time showing texts mentions
// each, and compares them with Events.
func checkPage(t *testing.T, db *DB, all []model.Event, texts int) {
	t.Helper()
	got, totals, err := db.EventsPage(context.Background(), model.EventFilter{IncludeRejected: true}, false, "", len(all)+1, texts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), ids(all)) {
		t.Fatalf("page: %d events, Events reads %d", len(got), len(all))
	}
	for i, w := range all {
		g, n := got[i], min(texts, len(w.Mentions))
		if !reflect.DeepEqual(g.Mentions, w.Mentions[:n]) || g.Date != w.Date || g.Location != w.Location ||
			!reflect.DeepEqual(g.Disputes, w.Disputes) {
			t.Errorf("page, event %s differs from Events':\n got %+v\nwant %+v", w.ID, g, w)
		}
		want := ""
		if n < len(w.Mentions) {
			want = mustTotals(t, w)
		}
		if string(totals[i]) != want {
			t.Errorf("page, event %s: totals %s, want %s", w.ID, totals[i], want)
		}
	}
}

// TestSummaries_ActorRename: when a later article spells an actor that a
// blame dispute names in another case, the disputes that show its name
// are recomputed (summary_hands and its trigger).
func TestSummaries_ActorRename(t *testing.T) {
	db := MustOpen(t)
	for i := range summaryHead + 1 {
		e := newEvent(kremlin, ptr(rebels), "190", model.DayOf(2020, 3, 1), 0)
		MustSave(t, db, newArticle(fmt.Sprintf("strike/%d.txt", i), "AP", june3, fmt.Sprint("strike ", i)), []model.Event{e})
	}
	all := MustEvents(t, db, model.EventFilter{})
	if len(all) != 1 || len(all[0].Mentions) != summaryHead+1 {
		t.Fatalf("fixture: %d events, want one of %d mentions", len(all), summaryHead+1)
	}
	id := all[0].ID
	// As if its dispute named the Kremlin, and its summary were out of
	// date: the rename must have it recomputed.
	for _, q := range []string{`INSERT INTO summary_hands (event_id, actor_id) VALUES (?1, ?2)`,
		`UPDATE event_summaries SET sources = 99 WHERE event_id = ?1`} {
		if _, err := db.w.Exec(q, id, kremlin.ID); err != nil {
			t.Fatal(err)
		}
	}
	other := newEvent(model.NewActor("KREMLIN", "RUS", model.RoleGOV), ptr(trump), "120", model.DayOf(2020, 5, 1), 0)
	MustSave(t, db, newArticle("other.txt", "AP", june3, "other"), []model.Event{other})
	var sources int
	if err := db.r.QueryRow(`SELECT sources FROM event_summaries WHERE event_id = ?`, id).Scan(&sources); err != nil {
		t.Fatal(err)
	}
	if sources != 1 {
		t.Errorf("after the rename the summary counts %d sources, want it recomputed (1)", sources)
	}
	// The name did change (else the test tests nothing).
	if got := MustEvents(t, db, model.EventFilter{Actors: []string{"RUS"}}); len(got) != 2 || got[0].Source.Name != "KREMLIN" {
		t.Errorf("the Kremlin's name is not the new spelling: %+v", got)
	}
}
