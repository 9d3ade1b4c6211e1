package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

func TestOpen_MigrationsAppliedOnceAndRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a b?c#d%.db") // URI syntax in the name
	names, err := migrationNames()
	if err != nil || len(names) == 0 {
		t.Fatalf("migrationNames = %v, %v", names, err)
	}
	for i := range 3 { // reopening is idempotent
		db, err := Open(path)
		if err != nil {
			t.Fatalf("open #%d: %v", i, err)
		}
		rows, err := db.r.Query(`SELECT name, applied_at FROM migrations ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var name, at string
			if err := rows.Scan(&name, &at); err != nil {
				t.Fatal(err)
			}
			if _, err := time.Parse(timeLayout, at); err != nil {
				t.Errorf("applied_at %q: %v", at, err)
			}
			got = append(got, name)
		}
		rows.Close()
		if len(got) != len(names) || got[0] != names[0] {
			t.Errorf("open #%d: recorded %v, want %v", i, got, names)
		}
		db.Close()
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at the literal path: %v", err)
	}
}

func TestOpen_Settings(t *testing.T) {
	db := MustOpen(t)
	for _, pool := range []struct {
		name string
		q    func(string) (string, error)
	}{
		{"writer", func(p string) (s string, err error) { err = db.w.QueryRow("PRAGMA " + p).Scan(&s); return }},
		{"reader", func(p string) (s string, err error) { err = db.r.QueryRow("PRAGMA " + p).Scan(&s); return }},
	} {
		for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000", "synchronous": "1"} {
			got, err := pool.q(pragma)
			if err != nil || got != want {
				t.Errorf("%s: PRAGMA %s = %q, %v; want %q", pool.name, pragma, got, err, want)
			}
		}
	}
	// The writer's own settings (writerDriver), on every connection it opens.
	for i := range 2 {
		for pragma, want := range map[string]string{"temp_store": "2", "wal_autocheckpoint": "65536"} {
			var got string
			if err := db.w.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
				t.Errorf("writer connection %d: PRAGMA %s = %q, %v; want %q", i, pragma, got, err, want)
			}
		}
		// A fresh connection next time round.
		db.w.SetMaxIdleConns(0)
		db.w.SetMaxIdleConns(2)
	}
	// Readers map the file (readerDriver), on every connection of both
	// kinds of reader pool; the writer does not.
	ro, err := OpenReadOnly(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, pool := range []struct {
		name string
		db   *sql.DB
	}{{"reader", db.r}, {"read-only reader", ro.r}} {
		for i := range 2 {
			var mapped int64
			if err := pool.db.QueryRow("PRAGMA mmap_size").Scan(&mapped); err != nil || mapped < 1<<30 {
				t.Errorf("%s connection %d: PRAGMA mmap_size = %d, %v; want the build's ceiling (2 GB less 64 KiB)", pool.name, i, mapped, err)
			}
			pool.db.SetMaxIdleConns(0)
			pool.db.SetMaxIdleConns(2)
		}
	}
	var mapped int64
	if err := db.w.QueryRow("PRAGMA mmap_size").Scan(&mapped); err != nil || mapped != 0 {
		t.Errorf("writer: PRAGMA mmap_size = %d, %v; want 0", mapped, err)
	}
}

func TestOpen_NewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db := MustOpenPath(t, path)
	if _, err := db.w.Exec(`INSERT INTO migrations VALUES ('migrations/9999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path); !errors.Is(err, ErrSchema) {
		t.Errorf("Open: err = %v, want ErrSchema", err)
	}
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrSchema) {
		t.Errorf("OpenReadOnly: err = %v, want ErrSchema", err)
	}
}

func TestOpenReadOnly_Errors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       error
	}{
		{"missing file", filepath.Join(dir, "nope.db"), fs.ErrNotExist},
		{"not migrated", empty, ErrSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := OpenReadOnly(tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if db != nil {
				t.Error("got a DB with the error")
			}
		})
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
		t.Errorf("read-only open changed the empty file: %v, %v", fi, err)
	}
}

func TestOpenReadOnly_RefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	w := MustOpenPath(t, path)
	a := newArticle("a.txt", "Reuters", june3, "x")
	MustSave(t, w, a, []model.Event{newEvent(kremlin, ptr(trump), "120", model.DayOf(2019, 6, 3), 0)})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	b := newArticle("b.txt", "AP", june3, "y")
	if _, err := db.SaveArticle(ctx, b, nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("SaveArticle: err = %v, want ErrReadOnly", err)
	}
	// Below the API too: the connection itself is read-only.
	if _, err := db.r.Exec(`DELETE FROM mentions`); !errors.Is(mapErr(err), ErrReadOnly) {
		t.Errorf("raw DELETE: err = %v, want a read-only error", err)
	}
	if got := MustEvents(t, db, model.EventFilter{}); len(got) != 1 || len(got[0].Mentions) != 1 {
		t.Errorf("read-only Events = %+v", got)
	}
	if got := MustCounts(t, db); got != [4]int{1, 2, 1, 1} {
		t.Errorf("counts = %v", got)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the database file changed under a read-only DB")
	}
}

// A migration that fails halfway leaves no trace: neither its first
// statements nor its record, and the earlier migrations stay applied.
func TestOpen_FailedMigrationRollsBack(t *testing.T) {
	first, err := fs.ReadFile(embeddedMigrations, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	defer func(old fs.FS) { migrationFS = old }(migrationFS)
	migrationFS = fstest.MapFS{
		"migrations/0001_init.sql": {Data: first},
		"migrations/0002_bad.sql": {Data: []byte(`CREATE TABLE half (x TEXT);
			INSERT INTO half VALUES ('written');
			CREATE TABLE broken (;`)},
	}
	path := filepath.Join(t.TempDir(), "m.db")
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "0002_bad.sql") {
		t.Fatalf("Open: err = %v, want an error naming 0002_bad.sql", err)
	}

	migrationFS = embeddedMigrations
	db := MustOpenPath(t, path)
	var half, recorded int
	if err := db.r.QueryRow(`SELECT
		(SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'),
		(SELECT COUNT(*) FROM migrations WHERE name = 'migrations/0002_bad.sql')`).Scan(&half, &recorded); err != nil {
		t.Fatal(err)
	}
	if half != 0 || recorded != 0 {
		t.Errorf("failed migration left table half=%d, record=%d", half, recorded)
	}
	if got := MustCounts(t, db); got != [4]int{} {
		t.Errorf("counts = %v", got)
	}
}
