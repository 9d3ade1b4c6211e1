package store

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// fullScan matches a query-plan step that reads all of events or mentions
// ("SCAN e", "SCAN m USING INDEX ..." walks a whole index too).
var fullScan = regexp.MustCompile(`^SCAN (e|m|mentions|events)\b`)

// TestEvents_QueryPlans runs EXPLAIN QUERY PLAN on the query of every
// filter of Events and fails when one reads the whole events or mentions
// table where an index should serve. Only the filter that selects
// everything may scan. The database holds enough rows, and ANALYZE
// statistics, for the planner to choose as it would on a large store.
func TestEvents_QueryPlans(t *testing.T) {
	db := MustOpen(t)
	genCorpus(3, 200).save(t, db, false)
	tests := []struct {
		name     string
		f        model.EventFilter
		scanOkay bool
	}{
		{"all", model.EventFilter{}, true},
		{"from", model.EventFilter{From: model.DayOf(2019, 4, 2)}, false},
		{"to", model.EventFilter{To: model.DayOf(2019, 4, 2)}, false},
		{"from to", model.EventFilter{From: model.Month(2019, 4), To: model.Month(2019, 5)}, false},
		{"actor", model.EventFilter{Actors: []string{"Kremlin"}}, false},
		{"root", model.EventFilter{Roots: []string{"19"}}, false},
		{"quad", model.EventFilter{Quads: []int{4}}, false},
		{"outlet", model.EventFilter{Outlets: []string{"Reuters"}}, false},
		{"text", model.EventFilter{Text: "strike"}, false},
		{"min sources", model.EventFilter{MinSources: 2}, false},
		{"combined", model.EventFilter{From: model.Year(2019), Actors: []string{"SYR"}, Roots: []string{"19"}, MinSources: 2}, false},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := db.beginRead(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			q, args, none, err := eventsQuery(ctx, tx, tt.f)
			if err != nil || none {
				t.Fatalf("eventsQuery: none %v, err %v", none, err)
			}
			plan := MustPlan(t, tx, q, args)
			for _, step := range plan {
				if fullScan.MatchString(step) && !tt.scanOkay {
					t.Errorf("full scan %q in plan:\n%s", step, strings.Join(plan, "\n"))
				}
			}
		})
	}
}

// TestSaveArticle_QueryPlans checks the lookups SaveArticle runs per
// report the same way: none may read a whole table.
func TestSaveArticle_QueryPlans(t *testing.T) {
	db := MustOpen(t)
	genCorpus(4, 100).save(t, db, false)
	if _, err := db.w.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC).Format(dayLayout)
	for _, tt := range []struct {
		name, sql string
		args      []any
	}{
		{"near reports", nearReportsSQL, []any{"12", "RUS|USA", day, day, day, day}},
		{"undated reports", undatedReportsSQL, []any{"12", "RUS|USA"}},
		{"victim reports", victimReportsSQL, []any{"18/19", "SYR", day, day}},
		{"event reports", eventReportsSQL, []any{"e-x"}},
		{"article exists", `SELECT COUNT(*) FROM articles WHERE hash = ?`, []any{"x"}},
		{"move report", moveReportSQL, []any{"e-x", "r"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := db.w.Begin()
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			for _, step := range MustPlan(t, tx, tt.sql, tt.args) {
				if strings.HasPrefix(step, "SCAN ") {
					t.Errorf("full scan %q", step)
				}
			}
		})
	}
}

// MustPlan returns the steps of the query plan of q, one line each.
func MustPlan(tb testing.TB, tx interface {
	Query(string, ...any) (*sql.Rows, error)
}, q string, args []any) []string {
	tb.Helper()
	rows, err := tx.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		tb.Fatalf("explain: %v\n%s", err, q)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			tb.Fatal(err)
		}
		out = append(out, detail)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
