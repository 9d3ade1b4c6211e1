package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
)

// Bulk loading: while an empty store is loaded, the indexes that only
// readers use are dropped, and built again once at the end, and the
// summaries of events told by many articles (summary.go) are made once
// at the end instead of at every commit that touches them. Every report
// and event written otherwise goes into each of them at a random place
// (their keys are hashes and dates), which is a tenth of a 10k-article
// ingest's CPU; building an index from the finished table sorts it once,
// in under a second for 10k articles.
//
// What stays: every index a write looks up by (copy groups, bands,
// hashes, the triggers' lookups), and the indexes queries
// name with INDEXED BY (articles_cover), so that a reader of the store
// during the load gets slower answers, never an error. events_order,
// the explorer's pages' walk, goes too: a page names it only when it is
// there (pagePlan.ordered). Every event written and every report that
// changes an event's count or filter moved its entry there: putting it
// off took a 30k-article load from 93.1 to 88.0 s. mentions_cover, which
// the writer reads events' reports by, has a narrow stand-in for the
// load.
//
// The merge lookups' indexes (lookupIndexes) go too, for as long as the
// merge cache is complete (cache.go, setComplete): it then reads no tile
// from SQLite, and each report written went into both at a random place.
// Putting them off took a 10k-article load from 19.0, 18.9 and 18.6 s to
// 16.4, 17.5 and 16.7, and 30k from 78.1 to 65.8 s (alternating runs).
// Before the first tile the writer reads (when the cache passes its
// bound, or was emptied) they are built in its transaction
// (readyLookups), from some 500,000 reports at most.
//
// Built there, the sort of half a million reports held some 30 MB more
// resident for a minute of a 52k-article load; so a batch that finds the
// cache about to read builds them first, in a transaction of their own
// with the lean settings of a load's end (readyLookupsLean).
//
// The statements that build the dropped indexes are kept in the table
// deferred_indexes, made in the transaction that drops them and dropped
// in the one that builds them, so a load that never ends (a crash, a
// kill) leaves them there, and the next Open for writing builds them
// before anything else. The table exists only during a load, so that the
// schema after one is the schema before it.

// deferrable lists the indexes a load puts off.
var deferrable = []string{
	"events_root", "events_target", "events_end", "events_articles", "events_pair",
	"events_spans", "events_ranges", "articles_outlet", "articles_path", "mentions_cover",
	"events_order", "mentions_bucket", "mentions_victim",
}

// lookupIndexes serve the merge lookups (nearReportsSQL,
// undatedReportsSQL, victimReportsSQL), which only a cache that is not
// complete runs.
var lookupIndexes = []string{"mentions_bucket", "mentions_victim"}

// standInSQL serves the writer's lookups of an event's reports while
// mentions_cover is put off; restoring drops it.
const (
	standInSQL     = `CREATE INDEX IF NOT EXISTS mentions_bulk_event ON mentions (event_id)`
	dropStandInSQL = `DROP INDEX IF EXISTS mentions_bulk_event`
)

const createDeferredSQL = `CREATE TABLE IF NOT EXISTS deferred_indexes (
	name TEXT PRIMARY KEY,
	sql  TEXT NOT NULL
) WITHOUT ROWID`

// BeginBulk starts a bulk load when the store holds no article: it puts
// off the indexes only readers use until end is called, which builds
// them. On a store with articles, or opened read-only, it does nothing
// and end returns nil. end must be called however the load ends;
// it runs under its own context's values but is not cancelled with it.
func (d *DB) BeginBulk(ctx context.Context) (end func(context.Context) error, err error) {
	noop := func(context.Context) error { return nil }
	if d.readOnly || d.w == nil {
		return noop, nil
	}
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: begin bulk load: %w", err)
	}
	defer tx.Rollback()
	var stored bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&stored); err != nil {
		return nil, fmt.Errorf("store: begin bulk load: %w", err)
	}
	if stored {
		return noop, nil
	}
	if _, err := tx.ExecContext(ctx, createDeferredSQL); err != nil {
		return nil, fmt.Errorf("store: begin bulk load: %w", err)
	}
	for _, name := range deferrable {
		var create string
		err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`, name).Scan(&create)
		if errors.Is(err, sql.ErrNoRows) {
			continue // put off already, by a load that did not end
		}
		if err != nil {
			return nil, fmt.Errorf("store: begin bulk load: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)`, name, create); err != nil {
			return nil, fmt.Errorf("store: begin bulk load: %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return nil, fmt.Errorf("store: begin bulk load: %s: %w", name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, standInSQL); err != nil {
		return nil, fmt.Errorf("store: begin bulk load: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: begin bulk load: %w", mapErr(err))
	}
	d.bulk.Store(true)
	return func(ctx context.Context) error {
		d.bulk.Store(false)
		ctx = context.WithoutCancel(ctx)
		released := d.releaseLoadMemory()
		defer func() { <-released }()
		restore, err := d.leanWriter(ctx)
		if err != nil {
			return fmt.Errorf("store: end bulk load: %w", err)
		}
		if err := d.restoreIndexes(ctx); err != nil {
			return errors.Join(fmt.Errorf("store: end bulk load: %w", err), restore())
		}
		if err := d.refreshStale(ctx); err != nil {
			return errors.Join(fmt.Errorf("store: end bulk load: event summaries: %w", err), restore())
		}
		if err := restore(); err != nil {
			return fmt.Errorf("store: end bulk load: %w", err)
		}
		return nil
	}, nil
}

// releaseLoadMemory empties the writer's caches (the merge cache, the
// copy groups' summaries and index, the vocabulary), which a load filled
// and nothing after it needs, and hands the Go heap the load left back to
// the system, before the load's end sorts its indexes in SQLite's own
// memory. The heap is collected at three times what is live (cmd
// sets GOGC=200 for ingest), most of it garbage once the articles are
// in; held through the index builds, it was under the peak RSS of a load:
// at 10k articles RSS rose from 272 to 305 MB while they ran.
// Whatever writes next learns the caches again from the store.
//
// The collection runs on a goroutine, on the core the index builds leave
// idle, and the returned channel is closed when it is done.
func (d *DB) releaseLoadMemory() (done <-chan struct{}) {
	d.cache.mu.Lock()
	d.cache.reset()
	d.cache.mu.Unlock()
	d.origins.clear()
	d.origins.index.release()
	d.vocab.release()
	freed := make(chan struct{})
	go func() {
		defer close(freed)
		debug.FreeOSMemory()
	}()
	return freed
}

// leanCacheKiB is the writer's page cache while a load's end builds its
// indexes. Sorting an index's entries takes as much memory again as the
// page cache, and with temp_store = MEMORY the runs it spills stay in
// memory too: at 30k articles building the indexes took peak RSS from
// 285 to 361 MB, for a few seconds at the very end. With 8 MiB and the
// runs spilled to temporary files (which the OS caches) the peak was
// 307 MB, and the indexes took 1.7 s to build instead of 2.2.
const leanCacheKiB = 8 << 10

// leanWriter shrinks the writer's page cache, sends its sorts' spills
// to temporary files and gives a sort a helper thread, and returns the
// undo. PRAGMA reaches one connection: the writer pool has one
// (OpenContext), and a connection the pool opens anew starts with the
// usual settings anyway.
//
// The indexes are built while nothing else runs, so a core sorts and the
// others wait: with helper threads (PRAGMA threads) SQLite sorts the
// spilled runs of an index on them. Building mentions_cover and
// events_order of a 10k-article store took 0.366 and 0.289 s with none,
// 0.338 and 0.265 s with one (best of two), for 8 MB more resident
// memory each while it sorts.
func (d *DB) leanWriter(ctx context.Context) (restore func() error, err error) {
	set := func(temp string, cacheKiB, threads int) error {
		for _, p := range []string{"PRAGMA temp_store = " + temp, fmt.Sprintf("PRAGMA cache_size = %d", -cacheKiB),
			fmt.Sprintf("PRAGMA threads = %d", threads)} {
			if _, err := d.w.ExecContext(ctx, p); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		return nil
	}
	if err := set("FILE", leanCacheKiB, min(runtime.GOMAXPROCS(0)-1, 1)); err != nil {
		return nil, err
	}
	return func() error { return set("MEMORY", writerCacheKiB, 0) }, nil
}

// refreshStale makes the summaries the load marked stale.
func (d *DB) refreshStale(ctx context.Context) error {
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := refreshSummaries(ctx, tx, nil); err != nil {
		return err
	}
	return mapErr(tx.Commit())
}

// deferredIndexes reads the names and statements of the indexes a load
// put off, of those named in only when it is not nil.
func deferredIndexes(ctx context.Context, tx *sql.Tx, only []string) (names, creates []string, err error) {
	q, args := `SELECT name, sql FROM deferred_indexes ORDER BY name`, []any(nil)
	if only != nil {
		q = `SELECT name, sql FROM deferred_indexes WHERE name IN (SELECT value FROM json_each(?)) ORDER BY name`
		args = []any{jsonList(only)}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, create string
		if err := rows.Scan(&name, &create); err != nil {
			return nil, nil, err
		}
		names, creates = append(names, name), append(creates, create)
	}
	return names, creates, rows.Err()
}

// restoreIndexes builds the indexes a bulk load put off, in one
// transaction, and drops the stand-in.
func (d *DB) restoreIndexes(ctx context.Context) error {
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	_, creates, err := deferredIndexes(ctx, tx, nil)
	if err != nil {
		return err
	}
	for _, create := range creates {
		if _, err := tx.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("%s: %w", create, err)
		}
	}
	for _, q := range []string{`DROP TABLE deferred_indexes`, dropStandInSQL} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return mapErr(tx.Commit())
}

// restoreUnfinished builds the indexes of a bulk load that never ended,
// before migrations run (one may name them).
func (d *DB) restoreUnfinished(ctx context.Context) error {
	var n int
	err := d.w.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'deferred_indexes'`).Scan(&n)
	if err != nil || n == 0 {
		return err
	}
	if err := d.restoreIndexes(ctx); err != nil {
		return fmt.Errorf("build the indexes an unfinished bulk load put off: %w", err)
	}
	return nil
}

// readyLookups builds the merge lookups' indexes, in the writer's
// transaction, when a load put them off: the cache calls it before it
// reads a tile. Rolled back, the transaction puts them off again, and the
// next one's writer builds them anew.
func (w *eventWriter) readyLookups(ctx context.Context) error {
	if w.lookupsReady {
		return nil
	}
	var loading bool
	if err := w.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'deferred_indexes')`).Scan(&loading); err != nil {
		return fmt.Errorf("merge lookups' indexes: %w", err)
	}
	if loading {
		names, creates, err := deferredIndexes(ctx, w.tx, lookupIndexes)
		if err != nil {
			return fmt.Errorf("merge lookups' indexes: %w", err)
		}
		for i, create := range creates {
			if _, err := w.tx.ExecContext(ctx, create); err != nil {
				return fmt.Errorf("merge lookups' indexes: %s: %w", names[i], err)
			}
			if _, err := w.tx.ExecContext(ctx, `DELETE FROM deferred_indexes WHERE name = ?`, names[i]); err != nil {
				return fmt.Errorf("merge lookups' indexes: %s: %w", names[i], err)
			}
		}
	}
	w.lookupsReady = true
	return nil
}

// readyLookupsLean builds the merge lookups' indexes, when a load put
// them off, before a batch whose merge cache will read tiles (aboutToRead),
// in a transaction of their own with leanWriter's settings, which cannot
// change inside the batch's transaction.
func (d *DB) readyLookupsLean(ctx context.Context) error {
	if !d.bulk.Load() || !d.cache.aboutToRead() {
		return nil
	}
	var built int
	err := d.w.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))`,
		jsonList(lookupIndexes)).Scan(&built)
	if err != nil {
		return fmt.Errorf("merge lookups' indexes: %w", err)
	}
	if built == len(lookupIndexes) {
		return nil // built already
	}
	restore, err := d.leanWriter(ctx)
	if err != nil {
		return fmt.Errorf("merge lookups' indexes: %w", err)
	}
	build := func() error {
		tx, err := d.beginWrite(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if err := (&eventWriter{tx: tx}).readyLookups(ctx); err != nil {
			return err
		}
		return mapErr(tx.Commit())
	}
	return errors.Join(build(), restore())
}
