package store

import (
	"context"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// TestWriteEvent covers the three ways an event row is written: inserted
// when new, updated in place when read in the transaction, and updated
// through the upsert when its id turns out to be stored although it was
// not read (insert first, then the conflict).
func TestWriteEvent(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	stored := newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 2), 0)
	MustSave(t, db, newArticle("a.txt", "Reuters", june3, "a"), []model.Event{stored})
	want := stored
	want.Code, want.Location = "111", "Aleppo"
	want.Mentions = append(want.Mentions, model.Mention{ArticleID: "r-other", Start: 5, End: 9})

	type row struct {
		code, root, location string
		articles             int
	}
	tests := []struct {
		name   string
		e      model.Event
		stored bool
		want   row
	}{
		{"new event is inserted", newEvent(trump, ptr(kremlin), "190", model.DayOf(2019, 6, 4), 0), false, row{"190", "19", "Idlib", 1}},
		{"stored event read is updated", want, true, row{"111", "11", "Aleppo", 2}},
		{"stored event not read is upserted", want, false, row{"111", "11", "Aleppo", 2}},
		{"stored event unchanged is left alone", stored, true, row{"120", "12", "Idlib", 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := db.beginWrite(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			w, err := newEventWriter(ctx, tx, newMergeCache())
			if err != nil {
				t.Fatal(err)
			}
			defer w.close()
			if err := w.writeEvent(ctx, tt.e, tt.stored); err != nil {
				t.Fatalf("writeEvent: %v", err)
			}
			var got row
			if err := tx.QueryRowContext(ctx, `SELECT code, root, location, articles FROM events WHERE id = ?`, tt.e.ID).
				Scan(&got.code, &got.root, &got.location, &got.articles); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("row = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestEventsReports_QueryPlan checks that listing the reports of a list
// of events goes through the event index, and reading listed reports
// through the primary key, not a scan of all reports.
func TestEventsReports_QueryPlan(t *testing.T) {
	db := MustOpen(t)
	genCorpus(4, 100).save(t, db, false)
	if _, err := db.w.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{eventsReportIDsSQL, reportsByIDSQL} {
		for _, step := range tableScans(MustPlan(t, db.w, q, []any{`["e-x","e-y"]`})) {
			t.Errorf("full scan %q in %s", step, q)
		}
	}
}
