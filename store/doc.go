// Package store keeps eventgraph's articles, actors, events and mentions in
// a SQLite database, implementing [model.Store].
//
// # Opening
//
// [Open] creates the database file when needed and applies the embedded
// migrations (migrations/NNNN_name.sql), each in its own transaction and
// recorded in the migrations table. [OpenReadOnly] opens an existing,
// fully migrated database with mode=ro, for the browser explorer: it never
// migrates and every write fails with [ErrReadOnly].
//
// SQLite settings (WAL, foreign keys, busy timeout, synchronous=NORMAL) are
// given in the DSN rather than as PRAGMA statements, because database/sql
// keeps a pool and a PRAGMA reaches only the connection that ran it. Writes
// go through a pool of one connection that begins IMMEDIATE transactions, so
// that two writers queue on the busy timeout instead of failing to upgrade a
// read lock; reads use a separate read-only pool and, thanks to WAL, never
// wait for a writer.
//
// # Transactions
//
// Every method follows one shape: begin, defer Rollback, call unexported
// helpers that take the *sql.Tx, commit. One article, with all its actors,
// events and mentions, is one transaction: a failure or a cancelled context
// leaves nothing of it behind.
//
// # Errors
//
// Errors carry the operation that failed ("store: save article r-…: …").
// Callers tell kinds apart with errors.Is against [ErrInvalid],
// [ErrReadOnly], [ErrSchema], [model.ErrNotFound] and [io/fs.ErrNotExist]; each
// method's comment says which it returns.
package store

import "errors"

// Sentinel errors; match them with errors.Is.
var (
	// ErrInvalid is returned by [DB.SaveArticle] for an article or event
	// that cannot be stored: no content hash or id, an event without a
	// source actor, an actor without id or name, a CAMEO code that is not
	// 2-4 characters, a date without a known precision, or a mention whose
	// offsets are negative or reversed. Nothing is stored.
	ErrInvalid = errors.New("invalid data")

	// ErrReadOnly is returned by [DB.SaveArticle] on a database opened with
	// [OpenReadOnly].
	ErrReadOnly = errors.New("database is read-only")

	// ErrSchema is returned by [Open] and [OpenReadOnly] when the database
	// was migrated by a newer eventgraph (it records a migration this build
	// does not know), and by [OpenReadOnly] when the database lacks
	// migrations this build needs (run a writing command such as
	// "eventgraph ingest" on it first).
	ErrSchema = errors.New("database schema does not match this eventgraph")
)
