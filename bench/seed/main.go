// Command seed builds a large eventgraph database for the scale
// benchmarks of the report and the explorer, by replicating a store made
// by a real ingest: every event, mention, article and full-text row of SRC
// is copied K times under new ids ("ID.k"), dates and actors kept. The
// result has the shape, the text and the index contents of real data at K
// times the density, and takes minutes to build where ingesting as many
// articles takes hours on a small machine.
//
//	go run ./bench/seed -from eg2k.db -to big.db -copies 45
//
// SRC must have been written by the same version of eventgraph (the
// copy is column by column); the schema of DST comes from store.Open, so
// it is migrated exactly as a real database would be.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/eventgraph/eventgraph/store"
)

func main() {
	from := flag.String("from", "", "source database (from eventgraph ingest)")
	to := flag.String("to", "", "database to create (must not exist)")
	copies := flag.Int("copies", 10, "number of copies of the source's data")
	analyze := flag.Bool("analyze", false, "run ANALYZE at the end (eventgraph itself does not)")
	flag.Parse()
	if *from == "" || *to == "" || *copies < 1 {
		log.Fatal("usage: seed -from SRC.db -to DST.db -copies K")
	}
	if _, err := os.Stat(*to); err == nil {
		log.Fatalf("%s exists; remove it first", *to)
	}
	if err := run(*from, *to, *copies, *analyze); err != nil {
		log.Fatal(err)
	}
}

// copySQL copies one replica k (the ?1 parameter) of each table. Ids get
// the suffix ".k" so that replicas never collide; actors are shared.
var copySQL = []string{
	`INSERT INTO articles (id, hash, path, title, outlet, url, published, format, body, ingested_at, origin, credit, copy_group, minhash)
	 SELECT id || '.' || ?1, hash || '.' || ?1, path || '.' || ?1, title, outlet, url, published, format, body, ingested_at,
	        origin, credit, CASE copy_group WHEN '' THEN '' ELSE copy_group || '.' || ?1 END, minhash FROM src.articles`,
	`INSERT INTO events (id, code, root, date_start, date_end, precision, source_id, target_id, location, articles)
	 SELECT id || '.' || ?1, code, root, date_start, date_end, precision, source_id, target_id, location, articles FROM src.events`,
	`INSERT INTO mentions (id, event_id, article_id, sentence, "start", "end", "trigger", time_text, source_id, target_id,
	        code, family, src_key, tgt_key, date_start, date_end, precision, location, figures, pair)
	 SELECT id || '.' || ?1, event_id || '.' || ?1, article_id || '.' || ?1, sentence, "start", "end", "trigger", time_text,
	        source_id, target_id, code, family, src_key, tgt_key, date_start, date_end, precision, location, figures, pair
	 FROM src.mentions`,
	`INSERT INTO reviews (event_id, status, note, reviewed_at)
	 SELECT event_id || '.' || ?1, status, note, reviewed_at FROM src.reviews`,
}

// seedDriver is go-sqlite3 with the functions the store's triggers call.
const seedDriver = "sqlite3-eventgraph-seed"

func init() {
	sql.Register(seedDriver, &sqlite3.SQLiteDriver{ConnectHook: store.RegisterTriggerFuncs})
}

func run(from, to string, copies int, analyze bool) error {
	db, err := store.Open(to) // creates and migrates the schema
	if err != nil {
		return err
	}
	db.Close()
	// Bulk load: no journal to speak of, no fsync; the file is thrown away
	// if this fails.
	conn, err := sql.Open(seedDriver, "file:"+to+"?_journal_mode=OFF&_synchronous=OFF&_foreign_keys=off")
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if _, err := conn.Exec(`ATTACH DATABASE ? AS src`, "file:"+from+"?mode=ro"); err != nil {
		return fmt.Errorf("attach %s: %w", from, err)
	}
	if _, err := conn.Exec(`INSERT INTO actors SELECT * FROM src.actors`); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	// The copies' sentences are the source's: so are the words the
	// index's vocabulary lists (migration 0021).
	if _, err := conn.Exec(`INSERT INTO text_vocab (suffix, word) SELECT suffix, word FROM src.text_vocab`); err != nil {
		return fmt.Errorf("text vocabulary: %w", err)
	}
	docs, err := sourceDocs(conn)
	if err != nil {
		return err
	}
	start := time.Now()
	for k := 1; k <= copies; k++ {
		tx, err := conn.Begin()
		if err != nil {
			return err
		}
		if err := copyOnce(tx, k, docs); err != nil {
			tx.Rollback()
			return fmt.Errorf("copy %d: %w", k, err)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "\rcopy %d/%d (%s)", k, copies, time.Since(start).Round(time.Second))
	}
	fmt.Fprintln(os.Stderr)
	// The FTS index merged into one segment, as after a long ingest's
	// automatic merges; planner statistics only when asked for, since a
	// database made by eventgraph has none.
	final := []string{`INSERT INTO report_text(report_text) VALUES ('optimize')`}
	if analyze {
		final = append(final, `ANALYZE`)
	}
	for _, q := range final {
		if _, err := conn.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	var events int
	if err := conn.QueryRow(`SELECT COUNT(*) FROM events`).Scan(&events); err != nil {
		return err
	}
	// The copies' summaries (migration 0013): the triggers marked every
	// event copied, and the store computes them as an ingest would.
	conn.Close()
	if db, err = store.Open(to); err != nil {
		return err
	}
	defer db.Close()
	if err := db.RefreshSummaries(context.Background()); err != nil {
		return err
	}
	fmt.Printf("%s: %d events in %s\n", to, events, time.Since(start).Round(time.Second))
	return nil
}

// copyOnce copies replica k of every table and indexes its reports.
func copyOnce(tx *sql.Tx, k int, docs string) error {
	for _, q := range copySQL {
		if _, err := tx.Exec(q, k); err != nil {
			return err
		}
	}
	// The index keeps no documents (migration 0014), so the copies' are
	// given again, from the source's sentences: the i-th document in the
	// source's docid order (json_each's key) gets the i-th docid after
	// the last one stored, and its reports (migration 0020) with it.
	var last int64
	if err := tx.QueryRow(`SELECT COALESCE(MAX(docid), 0) FROM report_docs`).Scan(&last); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO report_docs (docid, mention_id)
		SELECT ?1 + dense_rank() OVER (ORDER BY docid), mention_id || '.' || ?2 FROM src.report_docs`, last, k); err != nil {
		return err
	}
	_, err := tx.Exec(`INSERT INTO report_text (docid, words) SELECT ?1 + 1 + key, value FROM json_each(?2)`, last, docs)
	return err
}

// sourceDocs returns, as a JSON array in the order of the source's
// docids, the document the index holds under each: made of the sentence
// of one of its reports, which all have the same.
func sourceDocs(conn *sql.DB) (string, error) {
	rows, err := conn.Query(`SELECT m.sentence FROM src.report_docs d JOIN src.mentions m ON m.id = d.mention_id
		WHERE d.mention_id = (SELECT MIN(mention_id) FROM src.report_docs WHERE docid = d.docid) ORDER BY d.docid`)
	if err != nil {
		return "", fmt.Errorf("source reports: %w", err)
	}
	defer rows.Close()
	var docs []string
	for rows.Next() {
		var sentence string
		if err := rows.Scan(&sentence); err != nil {
			return "", err
		}
		docs = append(docs, store.IndexedDoc(sentence))
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	b, err := json.Marshal(docs)
	return string(b), err
}
