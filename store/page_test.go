package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/eventgraph/eventgraph/model"
)

// TestEventsAfter reads the events of a store a page at a time, with and
// without filters, and checks that the pages put together are exactly what
// Events returns, in the same order.
func TestEventsAfter(t *testing.T) {
	db := MustOpen(t)
	actors := []model.Actor{kremlin, trump, rebels, un, assad}
	codes := []string{"010", "036", "042", "111", "190"}
	for n := range 12 {
		a := newArticle(fmt.Sprintf("page/%02d.txt", n), []string{"AP", "Reuters", "AFP"}[n%3], june3, fmt.Sprint("body ", n))
		var events []model.Event
		for j := range 6 {
			k := n*6 + j
			d := model.DayOf(2019, time.Month(1+k%12), 1+k%28)
			if k%5 == 0 {
				d = model.Month(2019, time.Month(1+k%12))
			}
			events = append(events, newEvent(actors[k%5], ptr(actors[(k/5+1)%5]), codes[k%5], d, 100*j))
		}
		MustSave(t, db, a, events)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		f    model.EventFilter
	}{
		{"all", model.EventFilter{}},
		{"actor", model.EventFilter{Actors: []string{"Kremlin"}}},
		{"root and dates", model.EventFilter{Roots: []string{"19", "01"}, From: model.Month(2019, 3), To: model.Month(2019, 9)}},
		{"outlet", model.EventFilter{Outlets: []string{"reuters"}}},
		{"text", model.EventFilter{Text: "sentence at 200"}},
		{"none", model.EventFilter{Actors: []string{"nobody"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := MustEvents(t, db, tc.f)
			for _, size := range []int{1, 7, 100} {
				var got []model.Event
				after := ""
				for {
					page, err := db.EventsAfter(ctx, tc.f, after, size)
					if err != nil {
						t.Fatalf("EventsAfter(%q, %d): %v", after, size, err)
					}
					if len(page) > size {
						t.Fatalf("page of %d events for a limit of %d", len(page), size)
					}
					got = append(got, page...)
					if len(page) < size {
						break
					}
					after = page[len(page)-1].ID
				}
				if len(got) != len(want) {
					t.Fatalf("size %d: %d events in pages, Events gives %d", size, len(got), len(want))
				}
				for i := range got {
					if got[i].ID != want[i].ID || len(got[i].Mentions) != len(want[i].Mentions) {
						t.Fatalf("size %d: event %d is %s (%d mentions), Events has %s (%d)", size, i,
							got[i].ID, len(got[i].Mentions), want[i].ID, len(want[i].Mentions))
					}
				}
			}
		})
	}
	t.Run("unknown cursor", func(t *testing.T) {
		if _, err := db.EventsAfter(ctx, model.EventFilter{}, "no-such-event", 5); !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("err = %v, want model.ErrNotFound", err)
		}
	})
}

// TestEventsAfter_AgreesWithMatch pages through a generated store with
// every kind of filter, alone and combined, both ways a page can be found
// (walking events_order, or sorting the events of the most selective
// condition), and checks the pages put together against a brute-force
// filter: every stored event read and tested with Match, and for
// EventsBetweenAfter with the meaning of between.
func TestEventsAfter_AgreesWithMatch(t *testing.T) {
	db := MustOpen(t)
	genCorpus(7, 150).save(t, db, false)
	ctx := context.Background()
	all := MustEvents(t, db, model.EventFilter{IncludeRejected: true})
	if _, err := db.SetReview(ctx, model.Review{EventID: all[3].ID, Status: model.StatusRejected}); err != nil {
		t.Fatal(err)
	}
	all = MustEvents(t, db, model.EventFilter{IncludeRejected: true})

	day := func(y int, m time.Month, d int) model.Date { return model.DayOf(y, m, d) }
	filters := map[string]model.EventFilter{
		"all":                 {},
		"with rejected":       {IncludeRejected: true},
		"from day":            {From: day(2019, 4, 2)},
		"from mid year":       {From: day(2019, 7, 15)},
		"to day":              {To: day(2019, 4, 1)},
		"month":               {From: model.Month(2019, 7), To: model.Month(2019, 7)},
		"month into range":    {From: model.Month(2019, 5), To: model.Month(2019, 5)},
		"year 2018":           {From: model.Year(2018), To: model.Year(2018)},
		"roots":               {Roots: []string{"12", "19"}},
		"quads":               {Quads: []int{3, 4}},
		"roots within quads":  {Roots: []string{"01", "19"}, Quads: []int{4}},
		"actor by country":    {Actors: []string{"SYR"}},
		"actor non-ASCII":     {Actors: []string{"ÉTAT ISLAMIQUE"}},
		"actors":              {Actors: []string{"RUS", "usa"}},
		"actor unknown":       {Actors: []string{"Atlantis"}},
		"outlet":              {Outlets: []string{" reuters"}},
		"outlets":             {Outlets: []string{"AP", "AFP"}},
		"outlet unknown":      {Outlets: []string{"Pravda"}},
		"min sources":         {MinSources: 2},
		"text":                {Text: "sentence AT 200"},
		"text in a name":      {Text: "kreml"},
		"text non-ASCII":      {Text: "état"},
		"text nowhere":        {Text: "zeppelin"},
		"dates actors text":   {From: model.Month(2019, 4), Actors: []string{"RUS", "SYR"}, Text: "sentence"},
		"everything":          {From: model.Year(2019), To: model.Month(2019, 10), Roots: []string{"01", "12", "19"}, Actors: []string{"RUS", "SYR", "IGO"}, Outlets: []string{"AP", "Reuters"}, MinSources: 1, Text: "at"},
		"outlet text sources": {Outlets: []string{"AFP"}, Text: "100", MinSources: 2},
	}
	defer func(n, w int) { probeRows, walkWindow = n, w }(probeRows, walkWindow)
	for name, f := range filters {
		for _, between := range []bool{false, true} {
			var want []model.Event
			for _, e := range all {
				if f.Match(e) && (!between || isBetween(e, f.Actors)) {
					want = append(want, e)
				}
			}
			read := db.EventsAfter
			if between {
				read = db.EventsBetweenAfter
			}
			for _, probe := range []struct{ rows, window int }{{1, 1}, {1, 256}, {5000, 256}, {16, 2}} {
				probeRows, walkWindow = probe.rows, probe.window
				for _, size := range []int{1, 4, 60} {
					var got []model.Event
					after := ""
					for {
						page, err := read(ctx, f, after, size)
						if err != nil {
							t.Fatalf("%s: after %q: %v", name, after, err)
						}
						if len(page) > size {
							t.Fatalf("%s: page of %d events for a limit of %d", name, len(page), size)
						}
						got = append(got, page...)
						if len(page) < size {
							break
						}
						after = page[len(page)-1].ID
					}
					if !reflect.DeepEqual(ids(got), ids(want)) {
						t.Errorf("%s (between %v, probe %v, pages of %d): %d events\n%v\nbrute force gives %d\n%v",
							name, between, probe, size, len(got), ids(got), len(want), ids(want))
					} else if !reflect.DeepEqual(got, want) {
						t.Errorf("%s (between %v, probe %v, pages of %d): the events in pages differ from those Events reads",
							name, between, probe, size)
					}
				}
				// Pages that show a few mentions per event select the
				// same events, though the text, outlets and sources are
				// those of mentions they do not hold.
				for _, texts := range []int{0, 2} {
					var got []model.Event
					after := ""
					for {
						page, _, err := db.EventsPage(ctx, f, between, after, 4, texts)
						if err != nil {
							t.Fatalf("%s: texts %d, after %q: %v", name, texts, after, err)
						}
						got = append(got, page...)
						if len(page) < 4 {
							break
						}
						after = page[len(page)-1].ID
					}
					if !reflect.DeepEqual(ids(got), ids(want)) {
						t.Errorf("%s (between %v, probe %v, texts %d): %d events\n%v\nbrute force gives %d\n%v",
							name, between, probe, texts, len(got), ids(got), len(want), ids(want))
					}
				}
			}
		}
	}
}

// isBetween is the explorer's between: the source answers to one of the
// actors and the target to another, or to the one when there is one.
func isBetween(e model.Event, actors []string) bool {
	if len(actors) == 0 {
		return true
	}
	if e.Target == nil {
		return false
	}
	for i, a := range actors {
		for j, b := range actors {
			if (i != j || len(actors) == 1) && model.ActorMatches(e.Source, a) && model.ActorMatches(*e.Target, b) {
				return true
			}
		}
	}
	return false
}

// TestEventsAfter_TextFolding: a sentence whose lower case, as Match
// folds it, holds the query word only through a non-ASCII letter (the
// Kelvin sign lower-cases to "k") is still found, whichever way the page
// is read, as are plain ASCII sentences in any case.
func TestEventsAfter_TextFolding(t *testing.T) {
	db := MustOpen(t)
	sentences := []string{"Shelling hit KHARKIV overnight.", "Troops left \u212Aharkiv on Tuesday.",
		"Talks in Geneva stalled.", "Drones over Kharkivska oblast \u2014 officials said.", "Fighting near \u0130dlib."}
	for i, s := range sentences {
		e := newEvent(kremlin, ptr(un), "190", model.DayOf(2022, 5, 1+i), 0)
		e.Mentions[0].Sentence = s
		MustSave(t, db, newArticle(fmt.Sprintf("fold/%d.txt", i), "AP", june3, s), []model.Event{e})
	}
	defer func(n int) { probeRows = n }(probeRows)
	for _, probe := range []int{1, 5000} {
		probeRows = probe
		for _, q := range []string{"kharkiv", "KHARKIV oblast", "geneva", "stalled geneva", "lviv", "idlib", "near-idlib"} {
			f := model.EventFilter{Text: q}
			want := MustEvents(t, db, f)
			got, err := db.EventsAfter(context.Background(), f, "", 10)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), ids(want)) {
				t.Errorf("probe %d, %q: %v, Events gives %v", probe, q, ids(got), ids(want))
			}
			// Read without sentences, the test is textPass's alone.
			got, _, err = db.EventsPage(context.Background(), f, false, "", 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids(got), ids(want)) {
				t.Errorf("probe %d, %q, no mentions shown: %v, Events gives %v", probe, q, ids(got), ids(want))
			}
		}
	}
	if n := len(MustEvents(t, db, model.EventFilter{Text: "kharkiv"})); n != 3 {
		t.Fatalf("Events finds %d events for kharkiv, want 3", n)
	}
}

// TestEventsAfter_WalkGivesWay: a word of one early event and of the
// last events of a long store. The walk finds the first, sees no more
// for a while and gives way to the word's reports read as a set, after
// the events it has walked: the pages are still those of Events, none
// twice.
func TestEventsAfter_WalkGivesWay(t *testing.T) {
	db := MustOpen(t)
	const n = 300
	for i := range n {
		s := fmt.Sprintf("Shelling hit the town overnight, report %d.", i)
		switch {
		case i == 3 || i >= n-12:
			s = fmt.Sprintf("Sanctions were announced on the ministry, report %d.", i)
		case i >= n-20 && i%2 == 0:
			// Read as a set, the words are found by the full-text index
			// alone: it folds as Match does.
			s = fmt.Sprintf("Troops left \u212Aharkiv near \u0130dlib, report %d.", i)
		}
		day := time.Date(2022, 1, 1+i, 0, 0, 0, 0, time.UTC)
		e := newEvent(kremlin, ptr(un), "190", model.DayOf(day.Year(), day.Month(), day.Day()), 0)
		e.Mentions[0].Sentence = s
		MustSave(t, db, newArticle(fmt.Sprintf("walk/%d.txt", i), "AP", june3, s), []model.Event{e})
	}
	ctx := context.Background()
	all := MustEvents(t, db, model.EventFilter{})
	defer func(n, w int) { probeRows, walkWindow = n, w }(probeRows, walkWindow)
	probeRows, walkWindow = 4, 4
	for _, f := range []model.EventFilter{{Text: "sanctions"}, {Text: "sanctions ministry"}, {Text: "shelling"}, {Actors: []string{"UN"}, Text: "sanction"},
		{Text: "kharkiv"}, {Text: "idlib"}, {Text: "dlib"}} {
		var want []model.Event
		for _, e := range all {
			if f.Match(e) {
				want = append(want, e)
			}
		}
		for _, size := range []int{2, 5, 50} {
			var got []model.Event
			after := ""
			for {
				page, err := db.EventsAfter(ctx, f, after, size)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, page...)
				if len(page) < size {
					break
				}
				after = page[len(page)-1].ID
			}
			if !reflect.DeepEqual(ids(got), ids(want)) {
				t.Errorf("%q, pages of %d: %v\nMatch gives %v", f.Text, size, ids(got), ids(want))
			}
		}
	}
	// The plan did give way for the first page of the word.
	pf := mustPageFill(t, db, model.EventFilter{Text: "sanctions"}, 10)
	tx, p := pf.tx, pf.p
	if err := pf.walk(pageSource{}, nil); err != nil {
		t.Fatal(err)
	}
	if !p.switched || len(pf.out) != 10 {
		t.Errorf("first page of 10: %d events, switched to the set: %v", len(pf.out), p.switched)
	}

	// The sample of the word's reports tells that a page of 10 after the
	// tenth event lies some 280 events further, and after the event
	// before the late ones, a few.
	set, err := p.cheapest(ctx, tx, maxCandidates)
	if err != nil || set == nil || set.src.word == 0 {
		t.Fatalf("the word's set: %+v, %v", set, err)
	}
	for _, tt := range []struct {
		after   int
		limit   int
		wantFar bool
	}{{10, 200, true}, {10, 400, false}, {n - 13, 20, false}} {
		pf := &pageFill{ctx: ctx, tx: tx, p: p, limit: 10, texts: -1}
		key := []any{all[tt.after].Date.First().Format(dayLayout), 0, all[tt.after].Date.Last().Format(dayLayout), all[tt.after].ID}
		far, err := pf.farAhead(set, key, tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		if far != tt.wantFar {
			t.Errorf("after event %d, more than %d events to walk: %v, want %v", tt.after, tt.limit, far, tt.wantFar)
		}
	}
}

// TestWalk_CountsWhatFiltersLetThrough: a window of the walk costs its
// events, and the reports of those whose trigram filter lets the word
// through: the event that holds it (its test stops at its report), and
// one whose words hold all its trigrams without it ("sanctity",
// "nations"); the others are turned away in the index.
func TestWalk_CountsWhatFiltersLetThrough(t *testing.T) {
	db := MustOpen(t)
	for i, s := range []string{
		"Shelling hit the town overnight.",
		"The sanctity of nations was invoked at the ministry.",
		"Sanctions were announced on the ministry.",
		"Troops left the village.",
	} {
		e := newEvent(kremlin, ptr(un), "190", model.DayOf(2022, 1, 1+i), 0)
		e.Mentions[0].Sentence = s
		MustSave(t, db, newArticle(fmt.Sprintf("walk/%d.txt", i), "AP", june3, s), []model.Event{e})
	}
	pf := mustPageFill(t, db, model.EventFilter{Text: "sanctions"}, 10)
	bound, err := pageSource{}.windowEnd(pf.ctx, pf.tx, pf.p, nil, 4)
	if err != nil || bound == nil {
		t.Fatalf("window of 4: %v, %v", bound, err)
	}
	_, reads, err := pf.fill(pageSource{}, nil, bound)
	if err != nil {
		t.Fatal(err)
	}
	if reads != 2 || len(pf.out) != 1 || pf.out[0].Mentions[0].Sentence != "Sanctions were announced on the ministry." {
		t.Errorf("reads %d (want 2), page of %d: %+v", reads, len(pf.out), pf.out)
	}
}

// mustPageFill plans f in a read transaction of db, which ends with the
// test, and returns a page of limit events to fill.
func mustPageFill(t *testing.T, db *DB, f model.EventFilter, limit int) *pageFill {
	t.Helper()
	ctx := context.Background()
	tx, err := db.beginRead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback() })
	p, err := newPagePlan(ctx, tx, f, false)
	if err != nil {
		t.Fatal(err)
	}
	return &pageFill{ctx: ctx, tx: tx, p: p, limit: limit, texts: -1}
}

// The SQL text condition lets through the sentences with the only
// letters that Go lower-cases into ASCII ones from outside it; a Unicode
// version that added one would need it added there.
func TestEventsAfter_LettersFoldingToASCII(t *testing.T) {
	var got []rune
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		for _, c := range strings.ToLower(string(r)) {
			if c < 0x80 {
				got = append(got, r)
				break
			}
		}
	}
	if want := []rune{'\u0130', '\u212a'}; !reflect.DeepEqual(got, want) {
		t.Errorf("non-ASCII letters lower-casing to ASCII: %U, the text condition knows %U", got, want)
	}
}

// TestEventsPage_Texts reads pages that show each event's first
// mentions only, and checks that those are the first mentions of Events,
// whole and in order, that the event's date and disputes and its totals
// (counts, sources, figures) are those of all its reports, whether read
// from its summary or, without one, from its reports; and that
// EventMentions gives the rest whole.
func TestEventsPage_Texts(t *testing.T) {
	db := MustOpen(t)
	syr := model.NewActor("Syrian warplanes", "SYR", model.RoleMIL)
	tur := model.NewActor("Turkish troops", "TUR", model.RoleMIL)
	outlets := []string{"BBC News", "SANA", "Reuters", "AFP", "Reuters", "AP", "AP", "BBC News", "SANA", "TASS", "AFP"}
	for i, outlet := range outlets {
		// One strike told twice in each of 11 articles (more than have
		// no summary), with tolls that disagree, and a second event
		// told once.
		e := newEvent(syr, &tur, "195", model.DayOf(2020, 2, 27), 10+i, 300+i)
		killed := float64(20 + i)
		e.Mentions[0].Figures = []model.Figure{{Kind: model.FigureKilled, Value: killed, Low: killed, High: killed, Unit: "soldiers", Text: fmt.Sprint(killed)}}
		events := []model.Event{e}
		if i == 0 {
			events = append(events, newEvent(kremlin, ptr(trump), "120", model.DayOf(2020, 2, 28), 90))
		}
		published := time.Date(2020, 2, 28, 9+i, 0, 0, 0, time.UTC)
		MustSave(t, db, newArticle(fmt.Sprintf("strike/%d.txt", i), outlet, published, fmt.Sprint("strike ", i)), events)
	}
	ctx := context.Background()
	want := MustEvents(t, db, model.EventFilter{})
	if len(want) != 2 || len(want[0].Mentions) != 22 || !want[0].Disputed() {
		t.Fatalf("fixture: %d events, first with %d mentions (disputed %v); want 2, 22, disputed", len(want), len(want[0].Mentions), want[0].Disputed())
	}
	var summaries int
	if err := db.r.QueryRow(`SELECT COUNT(*) FROM event_summaries`).Scan(&summaries); err != nil || summaries != 1 {
		t.Fatalf("fixture: %d summaries (%v), want the strike's", summaries, err)
	}
	check := func(how string) {
		for _, texts := range []int{-1, 0, 3, 10, 50} {
			got, totals, err := db.EventsPage(ctx, model.EventFilter{}, false, "", 10, texts)
			if err != nil {
				t.Fatalf("%s: EventsPage(texts %d): %v", how, texts, err)
			}
			if len(got) != len(want) || len(totals) != len(want) {
				t.Fatalf("%s, texts %d: %d events, %d totals, want %d", how, texts, len(got), len(totals), len(want))
			}
			for i, w := range want {
				g := got[i]
				n := len(w.Mentions)
				if texts >= 0 {
					n = min(texts, n)
				}
				if !reflect.DeepEqual(g.Mentions, w.Mentions[:n]) {
					t.Errorf("%s, texts %d, event %s: mentions\n got %+v\nwant %+v", how, texts, w.ID, g.Mentions, w.Mentions[:n])
				}
				if !reflect.DeepEqual(g.Disputes, w.Disputes) || g.Date != w.Date || g.Location != w.Location {
					t.Errorf("%s, texts %d, event %s: date, place or disputes differ from Events'", how, texts, w.ID)
				}
				var wantTotals string
				if n < len(w.Mentions) {
					wantTotals = mustTotals(t, w)
				}
				if string(totals[i]) != wantTotals {
					t.Errorf("%s, texts %d, event %s: totals %s, want %s", how, texts, w.ID, totals[i], wantTotals)
				}
			}
		}
	}
	check("from summaries")
	// A summary whose event is marked stale is not read, whatever it
	// holds (a write path that left the mark would leave it wrong).
	for _, q := range []string{`UPDATE event_summaries SET sources = 99, figures = '[]', head = '[]'`,
		`INSERT INTO summary_stale (event_id) SELECT event_id FROM event_summaries`} {
		if _, err := db.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	check("with stale marks")
	// Without summaries (a store written by a build that did not keep
	// them, or a path that left them stale) a page reads the reports.
	if _, err := db.w.Exec(`DELETE FROM event_summaries`); err != nil {
		t.Fatal(err)
	}
	check("from reports")

	strike := want[0]
	for _, tc := range []struct{ offset, limit, lo, hi int }{{0, 4, 0, 4}, {4, 4, 4, 8}, {8, 4, 8, 12}, {20, 4, 20, 22}, {30, 1, 22, 22}} {
		ms, total, err := db.EventMentions(ctx, strike.ID, tc.offset, tc.limit)
		if err != nil {
			t.Fatalf("EventMentions(%d, %d): %v", tc.offset, tc.limit, err)
		}
		if total != 22 || !reflect.DeepEqual(ms, strike.Mentions[tc.lo:tc.hi]) {
			t.Errorf("EventMentions(%d, %d) = %d of %d, want mentions %d to %d of 22 as Events reads them", tc.offset, tc.limit, len(ms), total, tc.lo, tc.hi)
		}
	}
	if _, _, err := db.EventMentions(ctx, "e-none", 0, 5); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("EventMentions of no event: err = %v, want ErrNotFound", err)
	}
}

// mustTotals is the JSON object of the contract's members computed from
// all of e's mentions, as EventsPage gives them.
func mustTotals(tb testing.TB, e model.Event) string {
	tb.Helper()
	var b strings.Builder
	for i, kv := range []struct {
		k string
		v any
	}{{"sources", e.Sources()}, {"articles", e.Articles()}, {"mention_count", len(e.Mentions)},
		{"outlets", e.SourceLabels()}, {"figures", e.Figures()}} {
		v, err := json.Marshal(kv.v)
		if err != nil {
			tb.Fatal(err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%s", kv.k, v)
	}
	return "{" + b.String() + "}"
}
