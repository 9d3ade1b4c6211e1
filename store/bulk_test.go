package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// MustSchema lists the store's tables, indexes and triggers with their SQL.
func MustSchema(tb testing.TB, db *sql.DB) string {
	tb.Helper()
	rows, err := db.Query(`SELECT type, name, COALESCE(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var typ, name, text string
		if err := rows.Scan(&typ, &name, &text); err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", typ, name, text)
	}
	return b.String()
}

// A bulk load stores what saving article by article stores, and ends
// with the schema it began with: every index put off is built again, and
// the stand-in is gone.
func TestBulkLoad_SameAsPlain(t *testing.T) {
	ctx := context.Background()
	c := summaryCorpus(7, 120)
	plain, bulk := MustOpen(t), MustOpen(t)
	before := MustSchema(t, bulk.w)
	c.save(t, plain, false)

	end, err := bulk.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	during := MustSchema(t, bulk.w)
	for _, name := range append(deferrable, "mentions_bulk_event") {
		had, has := strings.Contains(before, "index "+name+" "), strings.Contains(during, "index "+name+" ")
		if had == has {
			t.Errorf("index %s: present before the load %v, during it %v; the load should drop or add it", name, had, has)
		}
	}
	c.save(t, bulk, false)
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	// The load's end builds its indexes with a small page cache; the
	// writer has its own settings back after it.
	var cacheSize, tempStore int
	if err := bulk.w.QueryRow(`PRAGMA cache_size`).Scan(&cacheSize); err != nil {
		t.Fatal(err)
	}
	if err := bulk.w.QueryRow(`PRAGMA temp_store`).Scan(&tempStore); err != nil {
		t.Fatal(err)
	}
	if cacheSize != -writerCacheKiB || tempStore != 2 {
		t.Errorf("after the load: cache_size %d, temp_store %d; want %d and 2 (memory)", cacheSize, tempStore, -writerCacheKiB)
	}
	if got := MustSchema(t, bulk.w); got != before {
		t.Errorf("schema after the load:\n%s\nwant:\n%s", got, before)
	}
	if got, want := MustDump(t, bulk), MustDump(t, plain); got != want {
		t.Errorf("bulk-loaded store differs from the plain one: %s", firstDiff(got, want))
	}
	want := mustSummaries(t, plain)
	if got := mustSummaries(t, bulk); got != want {
		t.Errorf("bulk-loaded store's event summaries differ: %s", firstDiff(got, want))
	}
	if !strings.Contains(want, "summary ") {
		t.Fatal("the corpus has no event of more than summaryHead articles: the summaries are not tested")
	}
}

// The load's end lets go of the writer's caches, and the writer learns
// them again: articles saved after the load merge with the loaded ones as
// they would had everything been saved one by one.
func TestBulkLoad_ReleasesItsCaches(t *testing.T) {
	ctx := context.Background()
	c := summaryCorpus(11, 120)
	first := corpus{articles: c.articles[:80], events: c.events[:80]}
	rest := corpus{articles: c.articles[80:], events: c.events[80:]}
	plain, bulk := MustOpen(t), MustOpen(t)
	c.save(t, plain, false)

	end, err := bulk.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first.save(t, bulk, false)
	if bulk.cache.size() == 0 || bulk.origins.index.x.Members() == 0 || len(bulk.vocab.known) == 0 {
		t.Fatalf("before the end: %d cached reports, %d copy bands, %d known words; the test needs all three filled",
			bulk.cache.size(), bulk.origins.index.x.Members(), len(bulk.vocab.known))
	}
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	if n, m, k := bulk.cache.size(), bulk.origins.index.x.Members(), len(bulk.vocab.known); n != 0 || m != 0 || k != 0 {
		t.Errorf("after the end: %d cached reports, %d copy bands, %d known words; want none", n, m, k)
	}
	rest.save(t, bulk, false)
	if got, want := MustDump(t, bulk), MustDump(t, plain); got != want {
		t.Errorf("store loaded, then written to, differs from the plain one: %s", firstDiff(got, want))
	}
}

// A reader of the store during a load gets answers, never an error: the
// queries of a page name only indexes a load keeps (INDEXED BY fails on
// one it put off), the walk (without events_order) and its estimate of
// its length included.
func TestBulkLoad_ReadersDuringTheLoad(t *testing.T) {
	ctx := context.Background()
	c := genCorpus(8, 120)
	db := MustOpen(t)
	end, err := db.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer end(ctx)
	c.save(t, db, false)
	tx, err := db.beginRead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	key := []any{"2019-04-01", 0, "2019-04-01", "e-x"}
	for _, f := range []model.EventFilter{{Text: "strike"}, {Actors: []string{"RUS", "SYR"}, From: model.Year(2019), Text: "sentence"}} {
		for _, between := range []bool{false, true} {
			p, err := newPagePlan(ctx, tx, f, between)
			if err != nil {
				t.Fatalf("%+v: plan: %v", f, err)
			}
			if p.ordered {
				t.Fatal("the load kept events_order: the walk without it is not tested")
			}
			queries := [][2]any{}
			add := func(q string, args []any) { queries = append(queries, [2]any{q, args}) }
			add(pageSource{}.query(p, key, nil, 10))
			add(pageSource{}.windowEndQuery(p, key, 10))
			add(walkToQuery(key, "2019-06-01"))
			add(walkToQuery(nil, ""))
			for _, tc := range p.texts {
				add(sampleQuery(tc, 3, key))
			}
			for _, cand := range p.cands {
				add(cand.src.query(p, key, nil, 10))
			}
			for _, q := range queries {
				rows, err := tx.QueryContext(ctx, q[0].(string), q[1].([]any)...)
				if err != nil {
					t.Fatalf("%+v: during the load: %v\n%s", f, err, q[0])
				}
				rows.Close()
			}
			if _, _, err := db.EventsPage(ctx, f, between, "", 10, 3); err != nil {
				t.Errorf("%+v: a page during the load: %v", f, err)
			}
		}
	}
}

// What the writer looks up must still go through an index while the
// indexes only readers use are put off: a load would otherwise read a
// whole table per report.
func TestBulkLoad_WriterQueryPlans(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	end, err := db.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer end(ctx)
	genCorpus(4, 100).save(t, db, false)
	if _, err := db.w.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC).Format(dayLayout)
	ids := `["r-000000000001","r-000000000002"]`
	type query struct {
		name, sql string
		args      []any
	}
	var retirement []query
	for i, q := range retireSQL {
		retirement = append(retirement, query{fmt.Sprintf("retire %d", i), q, []any{"e-x", "e-y"}})
	}
	// The merge lookups' indexes are put off while the cache is
	// complete; the writer builds them before it reads its first tile.
	lookups := []query{
		{"near reports", nearReportsSQL, []any{"12", "RUS|USA", day, day, day, day}},
		{"undated reports", undatedReportsSQL, []any{"12", "RUS|USA"}},
		{"victim reports", victimReportsSQL, []any{"18/19", "SYR", day, day}},
	}
	for _, q := range lookups {
		if len(tableScans(MustPlan(t, db.w, q.sql, q.args))) == 0 {
			t.Errorf("%s: no full scan before the writer read a tile: the load kept the lookups' indexes", q.name)
		}
	}
	mustReadyLookups(t, db)
	for _, tt := range append(append(lookups, []query{
		{"events' report ids", eventsReportIDsSQL, []any{`["e-x","e-y"]`}},
		{"reports by id", reportsByIDSQL, []any{`["m-x","m-y"]`}},
		{"article exists", `SELECT COUNT(*) FROM articles WHERE hash = ?`, []any{"x"}},
		{"move report", moveReportSQL, []any{"e-x", "r"}},
		{"event coding", updateEventCodingSQL, []any{"e-x", "190", "19", day, day, "day", "a-x", "a-y", ""}},
		{"event articles", updateEventArticlesSQL, []any{"e-x", 2, 0, 0, 0, 0, 0, 0, 0, 0}},
		{"band mates", bandMatesSQL, []any{`["00ab","01cd"]`, "r-x"}},
		{"group copies", groupCopiesSQL, []any{ids}},
		{"move group", moveGroupSQL, []any{"Reuters", "r-x", "r-y"}},
		{"group row", groupRowSQL, []any{"r-x"}},
	}...), retirement...) {
		t.Run(tt.name, func(t *testing.T) {
			for _, step := range tableScans(MustPlan(t, db.w, tt.sql, tt.args)) {
				t.Errorf("full scan %q", step)
			}
		})
	}
}

// mustReadyLookups builds the merge lookups' indexes as the writer does
// before its first tile read, and commits.
func mustReadyLookups(tb testing.TB, db *DB) {
	tb.Helper()
	tx, err := db.beginWrite(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if err := (&eventWriter{tx: tx}).readyLookups(context.Background()); err != nil {
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// The merge lookups' indexes are put off only while the merge cache is
// complete: once it passes its bound, they are built before the first
// tile it reads, and the load stores what a plain store does.
func TestBulkLoad_LookupIndexesForTheFirstRead(t *testing.T) {
	old := maxCachedReports
	maxCachedReports = 40
	defer func() { maxCachedReports = old }()
	ctx := context.Background()
	c := genCorpus(953, 150)
	bad := newEvent(kremlin, ptr(trump), "1x0", model.DayOf(2020, 3, 1), 40)
	failing := func(es [][]model.Event) [][]model.Event { // the last article fails after its good events are written
		es = slices.Clone(es)
		es[len(es)-1] = append(slices.Clone(es[len(es)-1]), bad)
		return es
	}
	load := func(t *testing.T) (*DB, func(context.Context) error) {
		db := MustOpen(t)
		end, err := db.BeginBulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := mustLookupIndexes(t, db); n != 0 {
			t.Fatalf("%d of the lookups' indexes at the load's start, want none", n)
		}
		return db, end
	}

	// A batch that passes the bound midway reads tiles in its own
	// transaction, which builds the indexes first.
	t.Run("within a batch", func(t *testing.T) {
		db, end := load(t)
		defer end(ctx)
		if _, err := db.SaveArticles(ctx, c.articles[:30], c.events[:30]); err != nil {
			t.Fatal(err)
		}
		if db.cache.scans == 0 || db.cache.complete {
			t.Fatalf("tiles read %d, complete %v: the batch read nothing", db.cache.scans, db.cache.complete)
		}
		if n := mustLookupIndexes(t, db); n != 2 {
			t.Errorf("%d of the lookups' indexes after the batch read %d tiles, want 2", n, db.cache.scans)
		}
	})

	// A batch that finds the cache past its bound has them built first,
	// in a transaction of their own: they stay when the batch fails.
	t.Run("before a batch", func(t *testing.T) {
		db, end := load(t)
		defer end(ctx)
		for k := 0; k < 30; k++ { // one article a batch: the bound is passed between two
			if _, err := db.SaveArticles(ctx, c.articles[k:k+1], c.events[k:k+1]); err != nil {
				t.Fatal(err)
			}
			if db.cache.scans > 0 {
				t.Fatalf("article %d: %d tiles read within a batch", k, db.cache.scans)
			}
			if db.cache.size() > maxCachedReports {
				break
			}
		}
		if n := mustLookupIndexes(t, db); n != 0 {
			t.Fatalf("%d of the lookups' indexes before any tile was read, want none", n)
		}
		if db.cache.size() <= maxCachedReports {
			t.Fatalf("%d reports cached after 30 articles: the bound is not passed", db.cache.size())
		}
		if _, err := db.SaveArticles(ctx, c.articles[30:31], failing(c.events[30:31])); err == nil {
			t.Fatal("the failing article was stored")
		}
		if n := mustLookupIndexes(t, db); n != 2 {
			t.Errorf("%d of the lookups' indexes after a failed batch found the cache past its bound, want 2", n)
		}
		var cacheSize, tempStore int
		if err := db.w.QueryRow(`SELECT (SELECT cache_size FROM pragma_cache_size), (SELECT temp_store FROM pragma_temp_store)`).Scan(&cacheSize, &tempStore); err != nil {
			t.Fatal(err)
		}
		if cacheSize != -writerCacheKiB || tempStore != 2 {
			t.Errorf("after building them: cache_size %d, temp_store %d; want %d and 2 (memory)", cacheSize, tempStore, -writerCacheKiB)
		}
	})

	// A whole load, with failing articles, against a plain store.
	t.Run("whole load", func(t *testing.T) {
		plain := MustOpen(t)
		plain.uncached, plain.cache.plainMerge = true, true
		bulk, end := load(t)
		before := MustSchema(t, plain.w)
		r := rand.New(rand.NewPCG(953, 1))
		failed := 0
		for k := 0; k < len(c.articles); {
			n := min(1+r.IntN(9), len(c.articles)-k)
			as, es := c.articles[k:k+n], c.events[k:k+n]
			k += n
			if r.IntN(4) == 0 {
				es = failing(es)
				failed++
			}
			for _, db := range []*DB{bulk, plain} {
				if added, err := db.SaveArticles(ctx, as, es); err != nil && len(added) != n-1 {
					t.Fatalf("SaveArticles: %v (%d of %d)", err, len(added), n)
				}
			}
		}
		if bulk.cache.scans == 0 || bulk.cache.evicted == 0 || failed == 0 {
			t.Fatalf("tiles read %d, evicted %d, articles failed %d: the test reads nothing", bulk.cache.scans, bulk.cache.evicted, failed)
		}
		if n := mustLookupIndexes(t, bulk); n != 2 {
			t.Errorf("%d of the lookups' indexes after the cache read %d tiles, want 2", n, bulk.cache.scans)
		}
		if err := end(ctx); err != nil {
			t.Fatal(err)
		}
		if got := MustSchema(t, bulk.w); got != before {
			t.Errorf("schema after the load:\n%s\nwant:\n%s", got, before)
		}
		if got, want := MustDump(t, bulk), MustDump(t, plain); got != want {
			t.Errorf("bulk-loaded store differs from the plain one: %s", firstDiff(got, want))
		}
	})
}

// mustLookupIndexes counts the merge lookups' indexes the store has.
func mustLookupIndexes(tb testing.TB, db *DB) (n int) {
	tb.Helper()
	if err := db.w.QueryRow(`SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('mentions_bucket', 'mentions_victim')`).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// A load that never ends (the process killed) leaves its indexes put
// off; the next Open for writing builds them.
func TestBulkLoad_UnfinishedBuiltOnOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "eventgraph.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	want := MustSchema(t, db.w)
	if _, err := db.BeginBulk(ctx); err != nil {
		t.Fatal(err)
	}
	genCorpus(5, 20).save(t, db, false)
	if MustSchema(t, db.w) == want {
		t.Fatal("the load put nothing off")
	}
	db.Close() // without ending the load

	db = MustOpenPath(t, path)
	if got := MustSchema(t, db.w); got != want {
		t.Errorf("schema after reopening:\n%s\nwant:\n%s", got, want)
	}
	if n := MustCounts(t, db)[0]; n != 20 {
		t.Errorf("%d articles after reopening, want 20", n)
	}
}

// Only an empty store is bulk loaded: building every index again at the
// end would cost a large store more than the load saves.
func TestBulkLoad_NotOnAStoreWithArticles(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	c := genCorpus(6, 2)
	MustSave(t, db, c.articles[0], c.events[0])
	want := MustSchema(t, db.w)
	end, err := db.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := MustSchema(t, db.w); got != want {
		t.Errorf("schema changed on a store with articles:\n%s", got)
	}
	MustSave(t, db, c.articles[1], c.events[1])
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	if got := MustSchema(t, db.w); got != want {
		t.Errorf("schema changed on a store with articles:\n%s", got)
	}
}

// mustSummaries lists the stored event summaries, their actors and the
// events marked stale.
func mustSummaries(tb testing.TB, db *DB) string {
	tb.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT 'summary ' || event_id || ' ' || mentions || ' ' || sources || ' ' || articles || ' ' || date_start || ' ' || date_end
			|| ' ' || precision || ' ' || location || ' ' || disputes || ' ' || outlets || ' ' || figures || ' ' || head FROM event_summaries ORDER BY event_id`,
		`SELECT 'hand ' || event_id || ' ' || actor_id FROM summary_hands ORDER BY event_id, actor_id`,
		`SELECT 'stale ' || event_id FROM summary_stale ORDER BY event_id`,
	} {
		rows, err := db.r.Query(q)
		if err != nil {
			tb.Fatal(err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				tb.Fatal(err)
			}
			b.WriteString(line + "\n")
		}
		rows.Close()
	}
	return b.String()
}
