package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

var june3 = time.Date(2019, 6, 3, 14, 0, 0, 0, time.FixedZone("MSK", 3*3600))

func TestSaveArticle_Basic(t *testing.T) {
	db := MustOpen(t)
	a := newArticle("testdata/a.txt", "Reuters", june3, "The Kremlin rebuffed criticism.")
	e := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)
	if !MustSave(t, db, a, []model.Event{e}) {
		t.Fatal("first save: added=false")
	}
	if got, want := MustCounts(t, db), [4]int{1, 2, 1, 1}; got != want {
		t.Fatalf("counts = %v, want %v", got, want)
	}
	events := MustEvents(t, db, model.EventFilter{})
	if len(events) != 1 {
		t.Fatalf("got %d events", len(events))
	}
	got := events[0]
	if got.ID != e.ID || got.Code != "120" || got.Location != "Idlib" || got.Source != kremlin || *got.Target != trump {
		t.Errorf("event = %+v", got)
	}
	m := got.Mentions[0]
	if m.Code != "120" || m.SourceCode != "RUSGOV" || m.TargetCode != "USAGOV" || m.Date != e.Date || m.Location != "Idlib" {
		t.Errorf("mention's own coding = %+v", m)
	}
	// The rest is the contract's mention.
	m.Source, m.Target, m.SourceCode, m.TargetCode, m.Code, m.Date, m.Location = nil, nil, "", "", "", model.Date{}, ""
	want := model.Mention{ArticleID: a.ID, Path: a.Path, URL: a.URL, Outlet: "Reuters", Published: "2019-06-03",
		Sentence: "Sentence at 0.", Start: 0, End: 14, Trigger: "rebuffed", TimeText: "on Monday"}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("mention = %+v\nwant %+v", m, want)
	}
}

func TestSaveArticle_SameArticleTwice(t *testing.T) {
	db := MustOpen(t)
	a := newArticle("a.txt", "Reuters", june3, "body")
	events := []model.Event{newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)}
	MustSave(t, db, a, events)
	before := MustCounts(t, db)
	// The same content from another path is the same article.
	a.Path = "copy/a.txt"
	if MustSave(t, db, a, events) {
		t.Error("second save: added=true")
	}
	if after := MustCounts(t, db); after != before {
		t.Errorf("counts changed from %v to %v", before, after)
	}
}

func TestSaveArticle_MergesSameEvent(t *testing.T) {
	db := MustOpen(t)
	day := model.DayOf(2019, 6, 3)
	a1 := newArticle("a1.txt", "Reuters", june3, "one")
	a2 := newArticle("a2.txt", "AP", june3.Add(24*time.Hour), "two")
	a3 := newArticle("a3.txt", "AP", june3.Add(48*time.Hour), "three")
	MustSave(t, db, a1, []model.Event{newEvent(kremlin, ptr(trump), "120", day, 10)})
	MustSave(t, db, a2, []model.Event{newEvent(kremlin, ptr(trump), "120", day, 20)})
	events := MustEvents(t, db, model.EventFilter{})
	if len(events) != 1 || len(events[0].Mentions) != 2 {
		t.Fatalf("want 1 event with 2 mentions, got %+v", events)
	}
	if s, n := events[0].Sources(), events[0].Articles(); s != 2 || n != 2 {
		t.Errorf("Sources=%d Articles=%d, want 2, 2", s, n)
	}
	if events[0].Mentions[0].ArticleID != a1.ID || events[0].Mentions[1].ArticleID != a2.ID {
		t.Errorf("mentions not in publication order: %+v", events[0].Mentions)
	}
	// A third article from an outlet already counted adds an article, not a source.
	MustSave(t, db, a3, []model.Event{newEvent(kremlin, ptr(trump), "120", day, 5)})
	events = MustEvents(t, db, model.EventFilter{})
	if s, n := events[0].Sources(), events[0].Articles(); s != 2 || n != 3 {
		t.Errorf("Sources=%d Articles=%d, want 2, 3", s, n)
	}
}

func TestSaveArticle_SameSentenceOnce(t *testing.T) {
	db := MustOpen(t)
	e := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0, 0, 40)
	// The same event extracted twice from one sentence (two triggers).
	MustSave(t, db, newArticle("a.txt", "Reuters", june3, "x"), []model.Event{e, e})
	if got := MustCounts(t, db); got[3] != 2 {
		t.Errorf("mentions = %d, want 2 (sentences 0 and 40)", got[3])
	}
}

func TestSaveArticle_SetsMissingIDs(t *testing.T) {
	db := MustOpen(t)
	e := newEvent(kremlin, nil, "010", model.Year(2019), 0)
	want := e.ID
	e.ID = ""
	a := newArticle("a.txt", "", time.Time{}, "x")
	a.ID, a.Hash = "", ""
	MustSave(t, db, a, []model.Event{e})
	events := MustEvents(t, db, model.EventFilter{})
	if len(events) != 1 || events[0].ID != want || events[0].Target != nil {
		t.Fatalf("events = %+v, want id %s without target", events, want)
	}
	if events[0].Mentions[0].Published != "" {
		t.Errorf("published day of undated article = %q", events[0].Mentions[0].Published)
	}
}

func TestSaveArticle_Errors(t *testing.T) {
	good := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)
	noName := kremlin
	noName.Name = ""
	badRole := kremlin
	badRole.Role = "KING"
	tests := []struct {
		name  string
		event model.Event
		want  error
	}{
		{"source without name", newEvent(noName, nil, "120", model.DayOf(2019, 6, 4), 0), ErrInvalid},
		{"source without id", model.Event{ID: "e-x", Source: model.Actor{Name: "X"}, Code: "120"}, ErrInvalid},
		{"target with bad role", newEvent(kremlin, &badRole, "120", model.DayOf(2019, 6, 4), 0), ErrInvalid},
		{"code too long", newEvent(kremlin, nil, "12345", model.DayOf(2019, 6, 4), 0), ErrInvalid},
		{"code not digits", newEvent(kremlin, nil, "1a", model.DayOf(2019, 6, 4), 0), ErrInvalid},
		{"unknown precision", newEvent(kremlin, nil, "120", model.Date{Start: june3, Precision: "week"}, 0), ErrInvalid},
		{"range without end", newEvent(kremlin, nil, "120", model.Date{Start: june3, Precision: model.PrecisionRange}, 0), ErrInvalid},
		{"reversed offsets", model.Event{ID: "e-y", Source: kremlin, Code: "120",
			Mentions: []model.Mention{{Start: 9, End: 3}}}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			a := newArticle("a.txt", "Reuters", june3, "x")
			// The good event is written first, so the failure comes midway.
			_, err := db.SaveArticle(context.Background(), a, []model.Event{good, tt.event})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if got := MustCounts(t, db); got != [4]int{} {
				t.Errorf("counts after failed save = %v, want all zero", got)
			}
			// The article can be saved once the data is right.
			if !MustSave(t, db, a, []model.Event{good}) {
				t.Error("retry: added=false")
			}
		})
	}
}

func TestSaveArticle_CancelledMidway(t *testing.T) {
	db := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db.afterEvent = func(i int) {
		if i == 1 {
			cancel()
		}
	}
	var events []model.Event
	for i := range 5 {
		events = append(events, newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 1+i), 0))
	}
	_, err := db.SaveArticle(ctx, newArticle("a.txt", "Reuters", june3, "x"), events)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := MustCounts(t, db); got != [4]int{} {
		t.Errorf("counts after cancelled save = %v, want all zero", got)
	}
}

// An actor stored again as it is leaves its row alone; one that changed
// in any column is updated.
func TestUpsertActor_WritesChangesOnly(t *testing.T) {
	db := MustOpen(t)
	upsert := func(name, country, role, code string) int64 {
		t.Helper()
		res, err := db.w.Exec(upsertActorSQL, "a-test", name, country, role, code)
		if err != nil {
			t.Fatal(err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, tt := range []struct {
		name, country, role, code string
		want                      int64
	}{
		{"Harbour Guard", "XYZ", "MIL", "XYZMIL", 1}, // new
		{"Harbour Guard", "XYZ", "MIL", "XYZMIL", 0}, // unchanged
		{"Harbour Guards", "XYZ", "MIL", "XYZMIL", 1},
		{"Harbour Guards", "XYW", "MIL", "XYZMIL", 1},
		{"Harbour Guards", "XYW", "GOV", "XYZMIL", 1},
		{"Harbour Guards", "XYW", "GOV", "XYWGOV", 1},
		{"Harbour Guards", "XYW", "GOV", "XYWGOV", 0},
	} {
		if got := upsert(tt.name, tt.country, tt.role, tt.code); got != tt.want {
			t.Errorf("upsert %v: %d rows changed, want %d", tt, got, tt.want)
		}
		var got [4]string
		if err := db.w.QueryRow(`SELECT name, country, role, code FROM actors WHERE id = 'a-test'`).Scan(&got[0], &got[1], &got[2], &got[3]); err != nil {
			t.Fatal(err)
		}
		if want := [4]string{tt.name, tt.country, tt.role, tt.code}; got != want {
			t.Errorf("after upsert %v: row %v", tt, got)
		}
	}
}

// A batch cancelled midway says so (the transaction rolled back by
// database/sql closes the statements, whose errors would hide why) and
// keeps none of its articles.
func TestSaveArticles_CancelledMidway(t *testing.T) {
	db := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db.afterEvent = func(i int) {
		if i == 1 {
			cancel()
			// database/sql rolls the transaction back from a goroutine of
			// its own; let it, as an interrupted ingest does.
			time.Sleep(100 * time.Millisecond)
		}
	}
	var articles []model.Article
	var events [][]model.Event
	for a := range 3 {
		var es []model.Event
		for i := range 5 {
			es = append(es, newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 1+i), 0))
		}
		articles = append(articles, newArticle(fmt.Sprintf("a%d.txt", a), "Reuters", june3, fmt.Sprintf("body %d", a)))
		events = append(events, es)
	}
	_, err := db.SaveArticles(ctx, articles, events)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if strings.Contains(err.Error(), "closed") {
		t.Errorf("err = %v: names the closed statement, not the cancellation", err)
	}
	if got := MustCounts(t, db); got != [4]int{} {
		t.Errorf("counts after cancelled batch = %v, want all zero", got)
	}
}
