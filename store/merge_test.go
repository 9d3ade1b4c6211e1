package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// wireBody is one wire story, long enough for its text signature.
const wireBody = `MOSCOW (Reuters) - The Kremlin on Monday rebuffed criticism from U.S. President Donald Trump of Russian and Syrian air strikes in Idlib province, saying the attacks were a response to militant fire.

Kremlin spokesman Dmitry Peskov told reporters that strikes by militants from Idlib on civilian and military targets were unacceptable and that measures were being taken to neutralise the firing positions.`

func TestSaveArticle_IDsIndependentOfOrder(t *testing.T) {
	c := genCorpus(11, 80)
	fwd, rev := MustOpen(t), MustOpen(t)
	c.save(t, fwd, false)
	c.save(t, rev, true)
	a, b := MustEvents(t, fwd, model.EventFilter{}), MustEvents(t, rev, model.EventFilter{})
	if !reflect.DeepEqual(ids(a), ids(b)) {
		t.Fatalf("ingest order changed the events: %d vs %d", len(a), len(b))
	}
	for i := range a {
		if len(a[i].Mentions) != len(b[i].Mentions) {
			t.Fatalf("event %s: %d vs %d mentions", a[i].ID, len(a[i].Mentions), len(b[i].Mentions))
		}
	}
}

func TestSaveArticle_WireCopiesCountOnce(t *testing.T) {
	tests := []struct {
		name, body string
		wantLabel  string
	}{
		{"dateline credit", wireBody, "Reuters via The Moscow Times"},
		{"near-identical text only", strings.Replace(wireBody, "MOSCOW (Reuters) - ", "", 1), "Independent via The Moscow Times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpen(t)
			first := newArticle("wire.txt", "Independent", june3, tt.body)
			if tt.wantLabel[0] == 'R' {
				first.Outlet = "Reuters"
			}
			// The copy has its own headline and a footer, so it is a
			// different article with a different content hash.
			copied := newArticle("copy.txt", "The Moscow Times", june3.Add(24*time.Hour), tt.body+"\n\nRead more on our site.")
			copied.Title = "Kremlin brushes off Trump"
			copied.Seal()
			e := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)
			MustSave(t, db, copied, []model.Event{e})
			MustSave(t, db, first, []model.Event{e})
			got := MustEvents(t, db, model.EventFilter{})
			if len(got) != 1 || got[0].Sources() != 1 || got[0].Articles() != 2 {
				t.Fatalf("events = %d, sources %d, articles %d; want 1 event, 1 source, 2 articles",
					len(got), got[0].Sources(), got[0].Articles())
			}
			labels := got[0].SourceLabels()
			if !contains(labels, tt.wantLabel) {
				t.Errorf("labels = %q, want %q among them", labels, tt.wantLabel)
			}
			if n := len(MustEvents(t, db, model.EventFilter{MinSources: 2})); n != 0 {
				t.Errorf("--min-sources 2 kept %d events of one wire story", n)
			}
		})
	}
}

func TestSaveArticle_ConflictingTolls(t *testing.T) {
	db := MustOpen(t)
	syr := model.NewActor("Syrian warplanes", "SYR", model.RoleMIL)
	tur := model.NewActor("Turkish troops", "TUR", model.RoleMIL)
	strike := func(killed float64, text string, start int) model.Event {
		e := newEvent(syr, &tur, "195", model.DayOf(2020, 2, 27), start)
		e.Mentions[0].Figures = []model.Figure{{Kind: model.FigureKilled, Value: killed, Low: killed, High: killed, Unit: "soldiers", Text: text}}
		return e
	}
	MustSave(t, db, newArticle("bbc.txt", "BBC News", time.Date(2020, 2, 28, 9, 0, 0, 0, time.UTC), "a"), []model.Event{strike(33, "33", 10)})
	MustSave(t, db, newArticle("sana.txt", "SANA", time.Date(2020, 2, 28, 11, 0, 0, 0, time.UTC), "b"), []model.Event{strike(22, "22", 40)})
	got := MustEvents(t, db, model.EventFilter{})
	if len(got) != 1 {
		t.Fatalf("got %d events, want 1", len(got))
	}
	e := got[0]
	if !e.Disputed() || len(e.Disputes) != 1 || e.Disputes[0].Kind != model.DisputeFigure {
		t.Fatalf("disputes = %+v", e.Disputes)
	}
	figs := e.Figures()
	if len(figs) != 2 || figs[0].Source != "BBC News" || figs[0].Value != 33 || figs[1].Source != "SANA" || figs[1].Value != 22 {
		t.Errorf("figures = %+v", figs)
	}
}

func TestSetReview_KeptAcrossMerges(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	russia := model.NewActor("Russia", "RUS", model.RoleGOV)
	MustSave(t, db, newArticle("b.txt", "Al Jazeera", june3, "b"), []model.Event{newEvent(russia, ptr(trump), "120", model.DayOf(2019, 6, 3), 7)})
	old := MustEvents(t, db, model.EventFilter{})[0].ID
	if _, err := db.SetReview(ctx, model.Review{EventID: old, Status: model.StatusRejected, Note: "not an act"}); err != nil {
		t.Fatal(err)
	}
	if n := len(MustEvents(t, db, model.EventFilter{})); n != 0 {
		t.Fatalf("rejected event listed (%d events)", n)
	}
	// An article published earlier reports the same event: it becomes the
	// anchor and the event's id changes; the review and the old id follow.
	MustSave(t, db, newArticle("a.txt", "Reuters", june3.Add(-time.Hour*24), "a"), []model.Event{newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)})
	got := MustEvents(t, db, model.EventFilter{IncludeRejected: true})
	if len(got) != 1 || got[0].Status != model.StatusRejected || got[0].Note != "not an act" || got[0].Articles() != 2 {
		t.Fatalf("events = %+v", got)
	}
	r, err := db.SetReview(ctx, model.Review{EventID: old, Status: model.StatusReviewed})
	if err != nil || r.EventID != got[0].ID {
		t.Fatalf("review by old id: %+v, %v", r, err)
	}
	if _, err := db.SetReview(ctx, model.Review{EventID: "e-nothing", Status: model.StatusReviewed}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown event: err = %v, want ErrNotFound", err)
	}
	if _, err := db.SetReview(ctx, model.Review{EventID: old, Status: "maybe"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad status: err = %v, want ErrInvalid", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
