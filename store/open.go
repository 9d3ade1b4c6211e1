package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/eventgraph/eventgraph/model"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// writerDriver is go-sqlite3 with the writer's settings that its DSN
// cannot carry, applied to every connection the writer pool opens (a
// PRAGMA run on the pool would reach one connection only):
//   - temp_store = MEMORY: the journal of each statement is a temporary
//     file otherwise, and writing it (with the savepoint each article had
//     until 2026-11-27) was about a tenth of an ingest's CPU (system time);
//   - wal_autocheckpoint = 65536 pages (256 MiB, SQLite's default is 4
//     MiB): a batch of articles dirties tens of MiB of pages all over the
//     indexes (the keys are hashes), and a checkpoint writes each page
//     once however many commits since changed it. At the default every
//     commit copied the WAL back; at 64 MiB a 30k-article ingest wrote
//     8.8 GB, at 256 MiB 6.8 GB, in 3-10% less time (two runs each);
//     512 MiB took longer again. Copying the WAL on a connection of its
//     own in the background after each batch gained nothing more: the
//     other core is busy extracting.
//
// It also names each connection with the SQL function eventgraph_writer(),
// a number no other connection of the process has, so that the merge
// cache can tell its connection's data_version from a new connection's.
const writerDriver = "sqlite3-eventgraph-writer"

var writerConns atomic.Int64

func init() {
	sql.Register(writerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		for _, p := range []string{"PRAGMA temp_store = MEMORY", "PRAGMA wal_autocheckpoint = 65536"} {
			if _, err := c.Exec(p, nil); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		id := writerConns.Add(1)
		if err := c.RegisterFunc("eventgraph_writer", func() int64 { return id }, true); err != nil {
			return fmt.Errorf("register eventgraph_writer: %w", err)
		}
		return RegisterTriggerFuncs(c)
	}})
}

// RegisterTriggerFuncs defines on c the SQL functions the schema's
// triggers call (the trigram filters', grams.go, migration 0018), for a
// program that writes a store's tables through a connection of its own
// (bench/seed): SQLite refuses to run a trigger that calls a function the
// connection does not define.
func RegisterTriggerFuncs(c *sqlite3.SQLiteConn) error {
	if err := c.RegisterFunc("eventgraph_grams", sentenceGrams(), true); err != nil {
		return fmt.Errorf("register eventgraph_grams: %w", err)
	}
	if err := c.RegisterAggregator("eventgraph_grams_all", newGramsUnion, true); err != nil {
		return fmt.Errorf("register eventgraph_grams_all: %w", err)
	}
	return nil
}

// readerDriver is go-sqlite3 with the file mapped into memory (PRAGMA
// mmap_size) on every connection of the reader pools. A large store's
// pages are in the operating system's cache either way; mapped, reading
// one is a memory access instead of a pread call and a copy into
// SQLite's own cache. On a 1M-event store (2.7 GB), the ten filtered
// queries of bench/apiload went from p95 31.8 and 29.4 ms to 29.5 and
// 27.9 with two clients (two runs each), and a word whose 14,664 reports
// lie late in the store (q=sanctions) from 105.7 to 67.5 ms at p50.
//
// go-sqlite3 builds SQLite with its default ceiling on the mapping,
// 2 GB less 64 KiB; SQLite lowers a larger size to it, and reads pages
// past it as before. The writer does not map the file: the pages a
// process has mapped count in its resident set, and an ingest's peak
// resident set is one of its targets (README, Performance). Mapped, a
// 30k-article ingest took as long (101.3 s against 101.7) and peaked at
// 730 MiB instead of 322. A reader's mapped pages are the file's own
// cached pages, shared, and dropped by the kernel when memory is short.
const readerDriver = "sqlite3-eventgraph-reader"

// readerMapBytes asks for as much of the file as the build allows.
const readerMapBytes = 1 << 40

func init() {
	sql.Register(readerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if _, err := c.Exec(fmt.Sprintf("PRAGMA mmap_size = %d", int64(readerMapBytes)), nil); err != nil {
			return fmt.Errorf("PRAGMA mmap_size: %w", err)
		}
		return nil
	}})
}

// writerCacheKiB is the writer's page cache, 32 MiB (SQLite's default is
// 2 MiB): see OpenContext. Memory given to it is memory the ingest's Go
// heap cannot have (cmd/eventgraph sets the heap's limit so that the two
// stay under 300 MB together), and the collector gains more from it than
// SQLite does: a 100k-article ingest took 1,807 CPU s with 64 MiB here
// and a 192 MiB heap, 1,439 with 32 MiB and 224 (and two malloc arenas),
// and peaked at 352 MB instead of 394; at 30k, 128 MiB instead of 64
// spared 3.7 s of 113 (system time) for 57 MB more RSS.
const writerCacheKiB = 32 << 10

// busyTimeout is how long a connection waits for another writer's lock
// before giving up with SQLITE_BUSY. Ingesting one article takes
// milliseconds, so this only runs out when something is stuck.
const busyTimeout = 10 * time.Second

// DB is an eventgraph database. It is safe for concurrent use.
type DB struct {
	// Now gives the time recorded as an article's ingested_at and a
	// migration's applied_at. Tests replace it; it defaults to time.Now.
	Now func() time.Time

	path     string
	w        *sql.DB // writer pool of one connection; nil when read-only
	r        *sql.DB // reader pool, mode=ro
	readOnly bool

	// afterEvent, when set, runs after each event of SaveArticle is
	// written, so that tests can cancel the context midway.
	afterEvent func(i int)

	// cache keeps the stored reports merging reads (cache.go); uncached,
	// set by tests, empties it before every article, so that each reads
	// everything from SQLite as before the cache.
	cache    *mergeCache
	uncached bool

	// origins keeps the writer's summaries of copy groups (origin.go);
	// nil, set by tests, works out every group from its stored copies.
	origins *originGroups

	// vocab knows runs stored in text_vocab (text.go), across the
	// writer's transactions.
	vocab *vocabulary

	// bulk is set during a bulk load (bulk.go): event summaries are only
	// marked stale, and made once at its end.
	bulk atomic.Bool

	// behindSettles counts the reads that waited for queued writes, and
	// behindRedone the batches written again without the queue
	// (behind.go), for tests and profiles.
	behindSettles, behindRedone int
	// writeSync, set by tests, never writes behind.
	writeSync bool

	// noPrefetch, set by tests, reads only as articles are merged
	// (eventWriter.prefetch).
	noPrefetch bool
}

var _ model.Store = (*DB)(nil)

// Open opens the database at path, creating the file when it does not exist,
// and applies any migrations it lacks. It returns [ErrSchema] when the
// database was written by a newer eventgraph.
func Open(path string) (*DB, error) {
	return OpenContext(context.Background(), path)
}

// OpenContext is [Open] with a context for the migrations.
func OpenContext(ctx context.Context, path string) (*DB, error) {
	d := &DB{Now: time.Now, path: path, cache: newMergeCache(), origins: newOriginGroups(), vocab: newVocabulary()}
	w, err := sql.Open(writerDriver, dsn(path, url.Values{
		"mode":          {"rwc"},
		"_journal_mode": {"WAL"},
		"_txlock":       {"immediate"},
		// 32 MiB of page cache for the writer (SQLite's default is 2 MiB):
		// the ids of reports and events are hashes, so inserts land all
		// over their indexes, and with a small cache a large database
		// turns every insert into disk reads (system time grew tenfold
		// from 1k to 10k articles).
		"_cache_size": {strconv.Itoa(-writerCacheKiB)},
	}))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One writer connection: SQLite allows one writer at a time anyway, and
	// queueing in the pool is cheaper than spinning on the busy timeout.
	w.SetMaxOpenConns(1)
	d.w = w
	if err := d.restoreUnfinished(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := d.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if d.r, err = sql.Open(readerDriver, dsn(path, url.Values{"mode": {"ro"}})); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return d, nil
}

// OpenReadOnly opens an existing database for reading only: it never
// creates, migrates or writes, and [DB.SaveArticle] returns [ErrReadOnly].
// It returns an error matching [io/fs.ErrNotExist] when there is no file at
// path, and [ErrSchema] when the database is not migrated to exactly the
// schema this build knows.
func OpenReadOnly(path string) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("store: open %s read-only: %w (create it with eventgraph ingest)", path, err)
		}
		return nil, fmt.Errorf("store: open %s read-only: %w", path, err)
	}
	r, err := sql.Open(readerDriver, dsn(path, url.Values{"mode": {"ro"}}))
	if err != nil {
		return nil, fmt.Errorf("store: open %s read-only: %w", path, err)
	}
	d := &DB{Now: time.Now, path: path, r: r, readOnly: true}
	if err := d.checkSchema(context.Background()); err != nil {
		r.Close()
		return nil, fmt.Errorf("store: open %s read-only: %w", path, err)
	}
	return d, nil
}

// Path is the file the database was opened from.
func (d *DB) Path() string { return d.path }

// Close closes both connection pools. Closing the last connection
// checkpoints the WAL into the main file.
func (d *DB) Close() error {
	var errs []error
	if d.r != nil {
		errs = append(errs, d.r.Close())
	}
	if d.w != nil {
		errs = append(errs, d.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close %s: %w", d.path, err)
	}
	return nil
}

// dsn builds a file: URI for go-sqlite3. The path is made absolute and
// escaped, so that '?', '#' or '%' in a file name are not read as URI syntax;
// the settings every connection needs are added to extra.
func dsn(path string, extra url.Values) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	q := url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {fmt.Sprint(busyTimeout.Milliseconds())},
		"_synchronous":  {"NORMAL"},
	}
	for k, v := range extra {
		q[k] = v
	}
	return "file:" + (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath() + "?" + q.Encode()
}

// beginWrite starts a write transaction, or returns ErrReadOnly.
func (d *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if d.readOnly || d.w == nil {
		return nil, ErrReadOnly
	}
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapErr(err)
	}
	return tx, nil
}

// beginRead starts a read transaction, so that a method reading several
// tables sees one snapshot of them.
func (d *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return d.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// now is the injected clock as stored: UTC, millisecond, fixed width so
// that the text sorts like the time.
func (d *DB) now() string {
	now := time.Now
	if d.Now != nil {
		now = d.Now
	}
	return now().UTC().Format(timeLayout)
}

const timeLayout = "2006-01-02T15:04:05.000Z"

// mapErr turns SQLite errors callers need to tell apart into sentinels.
func mapErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrReadonly:
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		case sqlite3.ErrConstraint:
			return fmt.Errorf("%w: %v", ErrInvalid, err)
		}
	}
	return err
}
