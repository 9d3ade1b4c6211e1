// Package model holds eventgraph's domain: articles, actors, events and the
// evidence behind each event, dates that carry their precision, and the CAMEO
// code table. It performs no I/O and imports no other eventgraph package;
// storage is reached through the interfaces declared in store.go, so that
// ingest, graph and report never depend on a particular database.
//
// # Identity
//
// Every stored thing has a stable, content-derived id: articles ("r-") from
// their content hash, actors ("a-") from name, country and role, and events
// ("e-") from their actor pair, CAMEO code and date. Re-ingesting the same
// text therefore yields the same ids.
package model
