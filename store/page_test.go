package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

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
