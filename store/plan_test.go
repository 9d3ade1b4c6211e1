package store

import (
	"context"
	"database/sql"
	"regexp"
	"slices"
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
			plan := MustPlan(t, tx, tt.sql, tt.args)
			for _, step := range plan {
				if strings.HasPrefix(step, "SCAN ") {
					t.Errorf("full scan %q", step)
				}
			}
			if strings.Contains(tt.sql, reportSelect) && !slices.Contains(plan, "SEARCH a USING COVERING INDEX articles_cover (id=?)") {
				t.Errorf("reports read their articles' rows: %q", plan)
			}
		})
	}
}

// tableScans returns the steps of plan that read a whole table or index.
// json_each is the list of keys a statement is given, not a table, and
// pragma_data_version is one row.
func tableScans(plan []string) []string {
	var out []string
	for _, step := range plan {
		if strings.HasPrefix(step, "SCAN ") && !strings.HasPrefix(step, "SCAN json_each") &&
			!strings.HasPrefix(step, "SCAN pragma_data_version") {
			out = append(out, step)
		}
	}
	return out
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

// TestEventsAfter_QueryPlans checks the queries of a page for every
// filter, both ways a page can be found. A walk must read events_order
// alone (covering: no table row) in its order (no sort); a sorted set
// must be found through indexes, never by reading a whole table; the
// counts that choose between them likewise.
func TestEventsAfter_QueryPlans(t *testing.T) {
	db := MustOpen(t)
	genCorpus(3, 200).save(t, db, false)
	filters := []struct {
		name string
		f    model.EventFilter
	}{
		{"all", model.EventFilter{}},
		{"from", model.EventFilter{From: model.DayOf(2019, 4, 2)}},
		{"to", model.EventFilter{To: model.DayOf(2019, 4, 2)}},
		{"from to", model.EventFilter{From: model.Month(2019, 4), To: model.Month(2019, 5)}},
		{"actor", model.EventFilter{Actors: []string{"Kremlin"}}},
		{"actors", model.EventFilter{Actors: []string{"RUS", "SYR"}}},
		{"root", model.EventFilter{Roots: []string{"19"}}},
		{"quad", model.EventFilter{Quads: []int{4}}},
		{"outlet", model.EventFilter{Outlets: []string{"Reuters"}}},
		{"text", model.EventFilter{Text: "strike"}},
		{"min sources", model.EventFilter{MinSources: 2}},
		{"combined", model.EventFilter{From: model.Year(2019), Actors: []string{"SYR"}, Roots: []string{"19"},
			Outlets: []string{"AP"}, MinSources: 2, Text: "sentence"}},
	}
	ctx := context.Background()
	key := []any{"2019-04-01", 0, "2019-04-01", "e-x"}
	defer func(n int) { probeRows = n }(probeRows)
	for _, tt := range filters {
		for _, between := range []bool{false, true} {
			tx, err := db.beginRead(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			// Every candidate set, counted and as a source.
			probeRows = 1 << 30
			p, err := newPagePlan(ctx, tx, tt.f, between)
			if err != nil || p.none {
				t.Fatalf("%s: plan: none %v, err %v", tt.name, p.none, err)
			}
			for _, c := range p.cands {
				for i, q := range c.counts {
					checkPlan(t, tt.name+" count", tx, `SELECT COUNT(*) FROM (`+q+` LIMIT 10)`, c.cargs[i], false)
					// The events between actors are narrowed to the
					// period and the words in events_pair alone.
					plan := strings.Join(MustPlan(t, tx, q, c.cargs[i]), "\n")
					if c.pair && !strings.Contains(plan, "SEARCH e USING COVERING INDEX events_pair (source_id=? AND target_id=?") {
						t.Errorf("%s: the events between actors are not found in events_pair alone:\n%s\n%s", tt.name, plan, q)
					}
				}
				q, args := c.src.query(p, key, nil, 10)
				checkPlan(t, tt.name+" set", tx, q, args, false)
			}
			// The walk, from the start and from a cursor.
			p.drive = nil
			// The walk, from the start and from a cursor, to the end and
			// in a window (pageFill.walk), and the query that finds the
			// window's end.
			bound := []any{"2019-05-01", 0, "2019-05-01", "e-y"}
			for _, k := range [][]any{nil, key} {
				for _, src := range p.sources(k) {
					for _, b := range [][]any{nil, bound} {
						q, args := src.query(p, k, b, 10)
						checkPlan(t, tt.name+" walk", tx, q, args, src.from == "")
					}
					if src.from == "" {
						checkWindowEndPlan(t, tt.name, tx, p, src, k)
					}
					// What farAhead reads: a sample of a word's reports
					// through the full-text index, and the walk to a day, estimated.
					for _, tc := range p.texts {
						q, args := sampleQuery(tc, 3, bound)
						checkPlan(t, tt.name+" sample", tx, q, args, false)
					}
					for _, until := range []string{"", "2019-06-01"} {
						q, args := walkToQuery(k, until)
						// A count up to a limit in one index; from the
						// start, when the walk has not begun, in any.
						plan := MustPlan(t, tx, q, args)
						if len(plan) != 1 || !strings.Contains(plan[0], "COVERING INDEX") ||
							(len(args) > 0 && !strings.Contains(plan[0], "COVERING INDEX events_end")) {
							t.Errorf("%s: the walk to a day is not counted in events_end alone:\n%s", tt.name, strings.Join(plan, "\n"))
						}
					}
				}
			}
		}
	}
}

// tableScan matches a step that reads a whole table or index: not a
// subquery's result, a JSON list, or a full-text query (virtual table
// index 0 would be a full scan of the FTS table).
var tableScan = regexp.MustCompile(`^SCAN (?:[a-z_]+ USING|[a-z_]+$|[a-z_]+ VIRTUAL TABLE INDEX 0:)`)

// TestReadEvents_QueryPlans: reading a page's events finds each event,
// mention and actor through an index.
func TestReadEvents_QueryPlans(t *testing.T) {
	db := MustOpen(t)
	genCorpus(3, 200).save(t, db, false)
	tx, err := db.beginRead(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	list := []any{`["e-1","e-2"]`}
	for name, q := range map[string]string{"events": readEventsSQL, "mentions": readMentionsSQL,
		"mention texts": mentionTextSQL, "actors": actorsByIDSQL, "summaries": readSummariesSQL,
		"first mentions": readHeadSQL, "drop summaries": dropSummariesSQL, "drop hands": dropHandsSQL,
		"drop stale": dropStaleSQL, "events to summarize": summaryEventsSQL,
		"events over head": eventsOverHeadSQL} {
		list := list
		if q == mentionTextSQL {
			list = []any{`[1,2]`}
		}
		if q == eventsOverHeadSQL {
			list = append(list, summaryHead)
		}
		checkPlan(t, name, tx, q, list, false)
		// A mention's article is read from the index alone: its row holds
		// the body before origin (migration 0010); so are the mentions of
		// the events read (0011).
		plan := strings.Join(MustPlan(t, tx, q, list), "\n")
		if strings.Contains(q, "articles a") && !strings.Contains(plan, "USING COVERING INDEX articles_cover") {
			t.Errorf("%s: articles read from the table:\n%s", name, plan)
		}
		if q == readMentionsSQL && !strings.Contains(plan, "SEARCH m USING COVERING INDEX mentions_cover") {
			t.Errorf("%s: mentions read from the table:\n%s", name, plan)
		}
	}
}

// checkWindowEndPlan: finding the end of a window of the walk reads
// events_order alone.
func checkWindowEndPlan(t *testing.T, name string, tx *sql.Tx, p *pagePlan, src pageSource, key []any) {
	t.Helper()
	end, args := src.windowEndQuery(p, key, 10)
	plan := MustPlan(t, tx, end, args)
	text := strings.Join(plan, "\n")
	if len(plan) != 1 || !strings.Contains(text, "USING COVERING INDEX events_order") {
		t.Errorf("%s: a window's end is not read in events_order alone:\n%s\n%s", name, text, end)
	}
}

// checkPlan fails when the plan of q reads a whole table, or, for a walk,
// when it reads anything but events_order in order.
func checkPlan(t *testing.T, name string, tx *sql.Tx, q string, args []any, walk bool) {
	t.Helper()
	plan := MustPlan(t, tx, q, args)
	text := strings.Join(plan, "\n")
	for _, step := range plan {
		if tableScan.MatchString(step) && !(walk && strings.HasPrefix(step, "SCAN e USING COVERING INDEX events_order")) {
			t.Errorf("%s: full scan %q in plan:\n%s\n%s", name, step, text, q)
		}
	}
	if walk && (!strings.Contains(text, "USING COVERING INDEX events_order") || strings.Contains(text, "TEMP B-TREE")) {
		t.Errorf("%s: the walk does not read events_order alone, in order:\n%s\n%s", name, text, q)
	}
}
