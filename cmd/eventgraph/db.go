package main

import (
	"fmt"
	"os"

	"github.com/eventgraph/eventgraph/store"
)

// openStore opens (creating if needed) the database for writing.
func (a *app) openStore() (*store.DB, error) {
	db, err := store.Open(a.dbPath())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", a.dbPath(), err)
	}
	db.Now = a.now
	return db, nil
}

// openReader opens an existing database for reading; a missing file is an
// error that says how to create one rather than an empty result.
func (a *app) openReader() (*store.DB, error) {
	path := a.dbPath()
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s: %w (create it with: eventgraph ingest --db %s FOLDER)", path, err, path)
	}
	db, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return db, nil
}
