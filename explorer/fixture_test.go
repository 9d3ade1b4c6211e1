package explorer_test

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/explorer"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/store"
)

var (
	putin   = model.NewActor("Vladimir Putin", "RUS", model.RoleGOV)
	kremlin = model.NewActor("Kremlin", "RUS", model.RoleGOV)
	erdogan = model.NewActor("Recep Tayyip Erdogan", "TUR", model.RoleGOV)
	turkey  = model.NewActor("Turkey", "TUR", model.RoleGOV)
	trump   = model.NewActor("Donald Trump", "USA", model.RoleGOV)
	syrArmy = model.NewActor("Syrian army", "SYR", model.RoleMIL)
	hts     = model.NewActor("Hayat Tahrir al-Sham", "SYR", model.RoleREB)
)

type fixtureArticle struct {
	outlet, published, sentence string
	src                         model.Actor
	tgt                         *model.Actor
	code                        string
	date                        model.Date
}

func ptr(a model.Actor) *model.Actor { return &a }

// fixture is a small Idlib story: Russia and Turkey agreeing and
// threatening, the US and Syria around them, several outlets.
var fixture = []fixtureArticle{
	{"Reuters", "2018-09-17", "Putin and Erdogan agreed in Sochi to create a demilitarised zone in Idlib.", putin, ptr(erdogan), "057", model.DayOf(2018, 9, 17)},
	{"AFP", "2018-09-18", "Turkey and Russia signed a deal on Idlib on Monday.", turkey, ptr(kremlin), "057", model.DayOf(2018, 9, 17)},
	{"Reuters", "2019-05-06", "Syrian army troops attacked rebel positions in Idlib province.", syrArmy, ptr(hts), "190", model.DayOf(2019, 5, 6)},
	{"AP", "2019-06-03", "The Kremlin rebuffed criticism from Trump over Idlib.", kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3)},
	{"Reuters", "2020-02-28", "Erdogan threatened Russia over the deaths of Turkish soldiers in Idlib.", erdogan, ptr(putin), "138", model.DayOf(2020, 2, 28)},
	{"AP", "2020-03-05", "Putin and Erdogan agreed a ceasefire in Idlib after six hours of talks.", putin, ptr(erdogan), "057", model.DayOf(2020, 3, 5)},
	{"Reuters", "2020-03-05", "Turkey said it reserved the right to respond with all its strength.", turkey, ptr(kremlin), "138", model.DayOf(2020, 3, 5)},
	{"AFP", "2021-01-10", "Trump criticised Turkey over its purchase of Russian missiles.", trump, ptr(turkey), "111", model.DayOf(2021, 1, 10)},
}

// MustDB writes the fixture into a real SQLite file and reopens it
// read-only, as eventgraph serve does. It returns the reader and its path.
func MustDB(tb testing.TB) (*store.DB, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "explorer.db")
	w, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	for i, f := range fixture {
		pub, _ := time.Parse("2006-01-02", f.published)
		a := model.Article{Path: f.outlet + ".txt", Title: f.sentence, Outlet: f.outlet, Published: pub,
			URL: "https://example.com/" + f.published, Format: "text", Body: f.sentence}
		a.Seal()
		e := model.Event{Date: f.date, Source: f.src, Target: f.tgt, Code: f.code, Location: "Idlib",
			Mentions: []model.Mention{{Sentence: f.sentence, Start: 0, End: len(f.sentence), Trigger: "x"}}}
		e.SetID()
		if _, err := w.SaveArticle(context.Background(), a, []model.Event{e}); err != nil {
			tb.Fatalf("article %d: %v", i, err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	r, err := store.OpenReadOnly(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r, path
}

// MustServe runs the explorer on a loopback port until the test ends and
// returns its base URL.
func MustServe(tb testing.TB, r model.EventReader) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := explorer.NewServer(ln.Addr().String(), explorer.New(r, explorer.Options{Title: "Idlib"}), nil)
	go srv.Serve(ln)
	tb.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

var client = &http.Client{Timeout: 20 * time.Second}
