package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// fixedNow is the clock of every test database.
var fixedNow = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// MustOpen opens a new database in a fresh temporary directory and closes
// it when the test ends.
func MustOpen(tb testing.TB) *DB {
	tb.Helper()
	return MustOpenPath(tb, filepath.Join(tb.TempDir(), "eventgraph.db"))
}

// MustOpenPath opens (creating or migrating) the database at path and closes
// it when the test ends.
func MustOpenPath(tb testing.TB, path string) *DB {
	tb.Helper()
	db, err := Open(path)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	db.Now = func() time.Time { return fixedNow }
	tb.Cleanup(func() { db.Close() })
	return db
}

// MustSave saves the article and fails the test on error.
func MustSave(tb testing.TB, db *DB, a model.Article, events []model.Event) bool {
	tb.Helper()
	added, err := db.SaveArticle(context.Background(), a, events)
	if err != nil {
		tb.Fatalf("SaveArticle(%s): %v", a.Path, err)
	}
	return added
}

// MustCounts returns the four counts as an array, for comparison.
func MustCounts(tb testing.TB, db *DB) [4]int {
	tb.Helper()
	a, b, c, d, err := db.Counts(context.Background())
	if err != nil {
		tb.Fatalf("Counts: %v", err)
	}
	return [4]int{a, b, c, d}
}

// MustEvents reads the events passing f.
func MustEvents(tb testing.TB, db *DB, f model.EventFilter) []model.Event {
	tb.Helper()
	events, err := db.Events(context.Background(), f)
	if err != nil {
		tb.Fatalf("Events(%+v): %v", f, err)
	}
	return events
}

var (
	kremlin = model.NewActor("Kremlin", "RUS", model.RoleGOV)
	trump   = model.NewActor("Donald Trump", "USA", model.RoleGOV)
	rebels  = model.NewActor("Syrian rebels", "SYR", model.RoleREB)
	un      = model.NewActor("United Nations", "IGO", model.RoleIGO)
	assad   = model.NewActor("Bashar al-Assad", "SYR", model.RoleGOV)
)

// newArticle returns a sealed article; body makes its hash unique.
func newArticle(path, outlet string, published time.Time, body string) model.Article {
	a := model.Article{
		Path: path, Title: "Title of " + path, Outlet: outlet,
		URL: "https://example.com/" + filepath.Base(path), Published: published,
		Format: "text", Body: body,
	}
	a.Seal()
	return a
}

// newEvent returns an event with its id set and one mention per sentence
// offset given.
func newEvent(src model.Actor, tgt *model.Actor, code string, d model.Date, starts ...int) model.Event {
	e := model.Event{Date: d, Source: src, Target: tgt, Code: code, Location: "Idlib"}
	for _, s := range starts {
		e.Mentions = append(e.Mentions, model.Mention{
			Sentence: fmt.Sprintf("Sentence at %d.", s), Start: s, End: s + 14,
			Trigger: "rebuffed", TimeText: "on Monday",
		})
	}
	e.SetID()
	return e
}

func ptr(a model.Actor) *model.Actor { return &a }
