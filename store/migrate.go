package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

// migrationFS holds the schema as numbered SQL files. A migration, once
// released, is never edited: a change to the schema is a new file.
//
//go:embed migrations/*.sql
var embeddedMigrations embed.FS

// migrationFS is where migrations are read from; tests swap in a set with a
// failing migration.
var migrationFS fs.FS = embeddedMigrations

// migrationHooks run Go code inside a migration's transaction, after its
// SQL, for what SQL cannot do (such as filling the full-text index, whose
// rows are computed in Go). They run only when the migration is applied.
var migrationHooks = map[string]func(context.Context, *sql.Tx) error{
	"migrations/0003_mention_text.sql": backfillMentionText,
	"migrations/0004_merge.sql":        backfillFamilies,
	"migrations/0005_scale.sql":        backfillReportText,
	"migrations/0021_text_words.sql":   backfillWords,
}

// migrationNames lists the embedded migrations in the order they apply:
// their names start with a zero-padded number, so name order is that order.
func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

const createMigrations = `CREATE TABLE IF NOT EXISTS migrations (
	name       TEXT PRIMARY KEY,
	applied_at TEXT NOT NULL
)`

// migrate applies, in order, every embedded migration the database has not
// recorded. Each runs in its own transaction together with its record, so
// a failed migration leaves the database at the previous one. The check
// for "already applied" is made inside the write transaction, so two
// processes opening a new database at once apply each migration once.
func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.w.ExecContext(ctx, createMigrations); err != nil {
		return fmt.Errorf("migrate: create migrations table: %w", err)
	}
	names, err := migrationNames()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := d.checkNoneNewer(ctx, d.w, names); err != nil {
		return err
	}
	for _, name := range names {
		if err := d.applyMigration(ctx, name); err != nil {
			return fmt.Errorf("migrate: %s: %w", name, err)
		}
	}
	return nil
}

func (d *DB) applyMigration(ctx context.Context, name string) error {
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if hook := migrationHooks[name]; hook != nil {
		if err := hook(ctx, tx); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, d.now()); err != nil {
		return err
	}
	return tx.Commit()
}

// appliedMigrations returns the names recorded in the migrations table, or
// none when the table does not exist (a new or foreign file).
func appliedMigrations(ctx context.Context, db *sql.DB) (map[string]bool, error) {
	applied := map[string]bool{}
	var exists int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).Scan(&exists); err != nil {
		return nil, err
	}
	if exists == 0 {
		return applied, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		applied[name] = true
	}
	return applied, rows.Err()
}

// checkNoneNewer refuses a database that records a migration this build
// does not have: its schema may differ in ways this code cannot read.
func (d *DB) checkNoneNewer(ctx context.Context, db *sql.DB, names []string) error {
	applied, err := appliedMigrations(ctx, db)
	if err != nil {
		return fmt.Errorf("migrate: read migrations: %w", err)
	}
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	for n := range applied {
		if !known[n] {
			return fmt.Errorf("%w: it records migration %s, which this build does not know (upgrade eventgraph)", ErrSchema, n)
		}
	}
	return nil
}

// checkSchema is the read-only counterpart of migrate: the database must
// record exactly the embedded migrations, since it may not be changed.
func (d *DB) checkSchema(ctx context.Context) error {
	names, err := migrationNames()
	if err != nil {
		return err
	}
	if err := d.checkNoneNewer(ctx, d.r, names); err != nil {
		return err
	}
	applied, err := appliedMigrations(ctx, d.r)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	for _, n := range names {
		if !applied[n] {
			return fmt.Errorf("%w: migration %s is not applied (open it once with a writing command such as eventgraph ingest)", ErrSchema, n)
		}
	}
	return nil
}
