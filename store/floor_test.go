package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkWriterFloor measures the least that writing a finished store
// costs on this machine, through this driver and schema: it copies the
// rows of the store named by $EVENTGRAPH_FLOOR_STORE (made by "eventgraph
// ingest") into an empty store under a bulk load, each table in its key
// order (the order B-trees fill fastest), in one transaction, indexes
// the sentences for search as the writer does, and ends the load (the
// deferred indexes and the summaries). It leaves out everything an ingest
// decides: parsing, extraction, merging, copy groups, the events'
// trigram filters. An ingest of the same articles cannot take less time
// than these figures plus its extraction's CPU spread over the cores.
//
// "as-loaded" keeps what a load keeps while it writes: foreign key checks
// and the indexes the writer's own lookups use (mentions_article, the
// stand-in on event_id). "append-only" goes without them, building
// mentions_article after the copy: the floor of a load that would read
// nothing back while it writes.
//
//	EVENTGRAPH_FLOOR_STORE=s10k.db go test ./store -run XXX -bench WriterFloor -benchtime 1x -count 3
func BenchmarkWriterFloor(b *testing.B) {
	src := os.Getenv("EVENTGRAPH_FLOOR_STORE")
	if src == "" {
		b.Skip("set EVENTGRAPH_FLOOR_STORE to a store made by eventgraph ingest")
	}
	rows, sentences, stale := readFloorSource(b, src)
	b.Run("as-loaded", func(b *testing.B) { writeFloor(b, rows, sentences, stale, false) })
	b.Run("append-only", func(b *testing.B) { writeFloor(b, rows, sentences, stale, true) })
}

func writeFloor(b *testing.B, rows []floorTable, sentences [][2]string, stale []string, appendOnly bool) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db, err := Open(filepath.Join(b.TempDir(), "floor.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		phase := newPhases()
		end, err := db.BeginBulk(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if appendOnly {
			// The pool has one connection, and the pragma cannot change
			// inside a transaction.
			if _, err := db.w.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
				b.Fatal(err)
			}
		}
		tx, err := db.beginWrite(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if appendOnly {
			for _, q := range []string{`DROP INDEX mentions_article`, dropStandInSQL} {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		}
		for _, t := range rows {
			copyFloorRows(b, ctx, tx, t)
		}
		if appendOnly {
			if _, err := tx.ExecContext(ctx, `CREATE INDEX mentions_article ON mentions (article_id)`); err != nil {
				b.Fatal(err)
			}
		}
		phase.mark("rows")
		w := &eventWriter{tx: tx, vocab: newVocabulary()}
		for _, s := range []struct {
			stmt **sql.Stmt
			sql  string
		}{{&w.text, insertReportTextSQL}, {&w.textDoc, insertReportDocSQL}, {&w.vocabAdd, insertVocabSQL}} {
			if *s.stmt, err = tx.PrepareContext(ctx, s.sql); err != nil {
				b.Fatal(err)
			}
		}
		for _, m := range sentences {
			w.texts = append(w.texts, reportText{m[0], wordDoc(m[1])})
		}
		if err := w.writeText(ctx); err != nil {
			b.Fatal(err)
		}
		w.close()
		for _, id := range stale {
			if _, err := tx.ExecContext(ctx, `INSERT INTO summary_stale (event_id) VALUES (?)`, id); err != nil {
				b.Fatal(err)
			}
		}
		phase.mark("text")
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		phase.mark("commit")
		if err := end(ctx); err != nil {
			b.Fatal(err)
		}
		phase.mark("end")
		b.StopTimer()
		phase.report(b)
		var mentions int
		if err := db.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM mentions`).Scan(&mentions); err != nil || mentions != len(sentences) {
			b.Fatalf("copied %d mentions of %d: %v", mentions, len(sentences), err)
		}
		db.Close()
		b.StartTimer()
	}
}

// floorTable is one table's rows, read whole before the clock starts.
type floorTable struct {
	name, insert string
	rows         [][]any
}

// floorTables are copied in this order, each sorted by its key; the
// events before the mentions that name them. Search text, vocabulary and
// summaries are made again, not copied.
var floorTables = []struct{ name, order string }{
	{"actors", "id"}, {"articles", "id"}, {"article_bands", "band, article_id"},
	{"events", "id"}, {"mentions", "id"}, {"event_aliases", "alias"},
}

func readFloorSource(b *testing.B, path string) (tables []floorTable, sentences [][2]string, stale []string) {
	src, err := OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	for _, t := range floorTables {
		rs, err := src.r.Query(`SELECT * FROM ` + t.name + ` ORDER BY ` + t.order)
		if err != nil {
			b.Fatal(err)
		}
		cols, _ := rs.Columns()
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = `"` + c + `"`
		}
		ft := floorTable{name: t.name, insert: fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, t.name,
			strings.Join(quoted, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "))}
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				b.Fatal(err)
			}
			ft.rows = append(ft.rows, vals)
		}
		if err := rs.Err(); err != nil {
			b.Fatal(err)
		}
		rs.Close()
		tables = append(tables, ft)
	}
	rs, err := src.r.Query(`SELECT id, sentence FROM mentions ORDER BY rowid`)
	if err != nil {
		b.Fatal(err)
	}
	for rs.Next() {
		var m [2]string
		if err := rs.Scan(&m[0], &m[1]); err != nil {
			b.Fatal(err)
		}
		sentences = append(sentences, m)
	}
	rs.Close()
	rs, err = src.r.Query(`SELECT event_id FROM event_summaries ORDER BY event_id`)
	if err != nil {
		b.Fatal(err)
	}
	if stale, err = scanIDs(rs); err != nil {
		b.Fatal(err)
	}
	return tables, sentences, stale
}

func copyFloorRows(b *testing.B, ctx context.Context, tx *sql.Tx, t floorTable) {
	stmt, err := tx.PrepareContext(ctx, t.insert)
	if err != nil {
		b.Fatal(err)
	}
	defer stmt.Close()
	for _, r := range t.rows {
		if _, err := stmt.ExecContext(ctx, r...); err != nil {
			b.Fatalf("%s: %v", t.name, err)
		}
	}
}

// phases times the parts of a run, in wall and process CPU seconds.
type phases struct {
	names     []string
	wall, cpu []float64
	lastWall  time.Time
	lastCPU   float64
}

func newPhases() *phases { return &phases{lastWall: time.Now(), lastCPU: processCPU()} }

func (p *phases) mark(name string) {
	now, cpu := time.Now(), processCPU()
	p.names = append(p.names, name)
	p.wall = append(p.wall, now.Sub(p.lastWall).Seconds())
	p.cpu = append(p.cpu, cpu-p.lastCPU)
	p.lastWall, p.lastCPU = now, cpu
}

func (p *phases) report(b *testing.B) {
	var wall, cpu float64
	for i, n := range p.names {
		b.ReportMetric(p.wall[i], n+"-s")
		wall += p.wall[i]
		cpu += p.cpu[i]
	}
	b.ReportMetric(wall, "total-s")
	b.ReportMetric(cpu, "cpu-s")
}

func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
