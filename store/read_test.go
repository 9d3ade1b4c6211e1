package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

func TestActors(t *testing.T) {
	db := MustOpen(t)
	lower := model.NewActor("al-Nusra Front", "SYR", model.RoleREB)
	day := model.DayOf(2019, 6, 3)
	MustSave(t, db, newArticle("a.txt", "Reuters", june3, "a"), []model.Event{
		newEvent(kremlin, ptr(trump), "120", day, 0),
		newEvent(trump, ptr(kremlin), "111", day, 100),
		newEvent(lower, nil, "190", day, 200),
		newEvent(assad, ptr(assad), "010", day, 300), // self-addressed counts once
	})
	got, err := db.Actors(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []model.ActorSummary{{Actor: lower, Events: 1}, {Actor: assad, Events: 1},
		{Actor: trump, Events: 2}, {Actor: kremlin, Events: 2}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Actors =\n%v\nwant\n%v", got, want)
	}
}

func TestArticles(t *testing.T) {
	db := MustOpen(t)
	day := model.DayOf(2019, 6, 3)
	e1 := newEvent(kremlin, ptr(trump), "120", day, 0, 50) // two sentences, one event
	e2 := newEvent(trump, nil, "010", day, 100)
	b := newArticle("b.txt", "AP", june3, "b body")
	a := newArticle("a.txt", "Reuters", time.Time{}, "a body")
	MustSave(t, db, b, []model.Event{e1, e2})
	MustSave(t, db, a, nil)

	got, err := db.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Path != "a.txt" || got[1].Path != "b.txt" {
		t.Fatalf("Articles = %+v, want a.txt then b.txt", got)
	}
	if got[0].Events != 0 || got[1].Events != 2 {
		t.Errorf("event counts = %d, %d; want 0, 2", got[0].Events, got[1].Events)
	}
	if got[1].Body != "" {
		t.Error("summary carries the body")
	}
	if !got[1].Published.Equal(june3) || got[1].Published.Format(time.RFC3339) != "2019-06-03T14:00:00+03:00" {
		t.Errorf("published = %v, want %v with its offset", got[1].Published, june3)
	}
	if !got[0].Published.IsZero() {
		t.Errorf("unknown publication time read back as %v", got[0].Published)
	}
}

func TestArticle(t *testing.T) {
	db := MustOpen(t)
	a := newArticle("a.txt", "Reuters", june3, "Paragraph one.\n\nParagraph two.")
	MustSave(t, db, a, nil)
	tests := []struct {
		name string
		id   string
		want error
	}{
		{"stored", a.ID, nil},
		{"unknown", "r-000000000000", model.ErrNotFound},
		{"empty id", "", model.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Article(context.Background(), tt.id)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if tt.want != nil {
				return
			}
			if got.Body != a.Body || got.Hash != a.Hash || got.Title != a.Title || got.URL != a.URL ||
				got.Format != a.Format || !got.Published.Equal(a.Published) {
				t.Errorf("Article = %+v\nwant %+v", got, a)
			}
		})
	}
}

func TestIngestedAtUsesClock(t *testing.T) {
	db := MustOpen(t)
	MustSave(t, db, newArticle("a.txt", "", june3, "x"), nil)
	var at string
	if err := db.r.QueryRow(`SELECT ingested_at FROM articles`).Scan(&at); err != nil {
		t.Fatal(err)
	}
	if at != "2024-05-06T07:08:09.000Z" {
		t.Errorf("ingested_at = %q", at)
	}
}

// Two handles on one file (as two processes would have) save at once: the
// busy timeout and IMMEDIATE transactions queue them instead of failing.
func TestSaveArticle_ConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	dbs := []*DB{MustOpenPath(t, path), MustOpenPath(t, path)}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db := dbs[w%2]
			for i := range 10 {
				a := newArticle(fmt.Sprintf("w%d/%d.txt", w, i), "AP", june3, fmt.Sprintf("%d %d", w, i))
				e := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 1+i), 0)
				if _, err := db.SaveArticle(context.Background(), a, []model.Event{e}); err != nil {
					errs <- err
				}
				if _, err := db.Events(context.Background(), model.EventFilter{}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := MustCounts(t, dbs[0]); got != [4]int{40, 2, 10, 40} {
		t.Errorf("counts = %v, want 40 articles, 2 actors, 10 events, 40 mentions", got)
	}
}
