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

	"github.com/eventgraph/eventgraph/model"
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
	path := os.Getenv("EVENTGRAPH_FLOOR_STORE")
	if path == "" {
		b.Skip("set EVENTGRAPH_FLOOR_STORE to a store made by eventgraph ingest")
	}
	src, err := readFloorSource(path)
	if err != nil {
		b.Fatal(err)
	}
	for _, appendOnly := range []bool{false, true} {
		b.Run(map[bool]string{false: "as-loaded", true: "append-only"}[appendOnly], func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db, err := Open(filepath.Join(b.TempDir(), "floor.db"))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				phase := newPhases()
				if err := writeFloor(context.Background(), db, src, appendOnly, phase.mark); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				phase.report(b)
				db.Close()
				b.StartTimer()
			}
		})
	}
}

// writeFloor writes src into the empty store db as BenchmarkWriterFloor
// describes, calling mark after each part.
func writeFloor(ctx context.Context, db *DB, src floorSource, appendOnly bool, mark func(part string)) error {
	end, err := db.BeginBulk(ctx)
	if err != nil {
		return err
	}
	if appendOnly {
		// The pool has one connection, and the pragma cannot change
		// inside a transaction.
		if _, err := db.w.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return err
		}
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if appendOnly {
		for _, q := range []string{`DROP INDEX mentions_article`, dropStandInSQL} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	for _, t := range src.tables {
		if err := copyFloorRows(ctx, tx, t); err != nil {
			return err
		}
	}
	if appendOnly {
		if _, err := tx.ExecContext(ctx, `CREATE INDEX mentions_article ON mentions (article_id)`); err != nil {
			return err
		}
	}
	mark("rows")
	w := &eventWriter{tx: tx, vocab: newVocabulary()}
	defer w.close()
	for _, s := range []struct {
		stmt **sql.Stmt
		sql  string
	}{{&w.text, insertReportTextSQL}, {&w.textDoc, insertReportDocSQL}, {&w.vocabAdd, insertVocabSQL}} {
		if *s.stmt, err = tx.PrepareContext(ctx, s.sql); err != nil {
			return err
		}
	}
	for _, m := range src.sentences {
		w.texts = append(w.texts, reportText{m[0], wordDoc(m[1])})
	}
	if err := w.writeText(ctx); err != nil {
		return err
	}
	for _, id := range src.stale {
		if _, err := tx.ExecContext(ctx, `INSERT INTO summary_stale (event_id) VALUES (?)`, id); err != nil {
			return err
		}
	}
	mark("text")
	if err := tx.Commit(); err != nil {
		return err
	}
	mark("commit")
	if err := end(ctx); err != nil {
		return err
	}
	mark("end")
	if appendOnly {
		_, err = db.w.ExecContext(ctx, `PRAGMA foreign_keys = ON`)
	}
	return err
}

// floorSource is a store's rows, read whole before the clock starts:
// its tables, each mention's id and sentence, and the events that have
// summaries.
type floorSource struct {
	tables    []floorTable
	sentences [][2]string
	stale     []string
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

func readFloorSource(path string) (src floorSource, err error) {
	db, err := OpenReadOnly(path)
	if err != nil {
		return src, err
	}
	defer db.Close()
	for _, t := range floorTables {
		ft, err := readFloorTable(db.r, t.name, t.order)
		if err != nil {
			return src, fmt.Errorf("%s: %w", t.name, err)
		}
		src.tables = append(src.tables, ft)
	}
	rs, err := db.r.Query(`SELECT id, sentence FROM mentions ORDER BY rowid`)
	if err != nil {
		return src, err
	}
	defer rs.Close()
	for rs.Next() {
		var m [2]string
		if err := rs.Scan(&m[0], &m[1]); err != nil {
			return src, err
		}
		src.sentences = append(src.sentences, m)
	}
	if err := rs.Err(); err != nil {
		return src, err
	}
	ids, err := db.r.Query(`SELECT event_id FROM event_summaries ORDER BY event_id`)
	if err != nil {
		return src, err
	}
	src.stale, err = scanIDs(ids)
	return src, err
}

func readFloorTable(r *sql.DB, name, order string) (floorTable, error) {
	rs, err := r.Query(`SELECT * FROM ` + name + ` ORDER BY ` + order)
	if err != nil {
		return floorTable{}, err
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return floorTable{}, err
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = `"` + c + `"`
	}
	ft := floorTable{name: name, insert: fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, name,
		strings.Join(quoted, ", "), strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "))}
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return floorTable{}, err
		}
		ft.rows = append(ft.rows, vals)
	}
	return ft, rs.Err()
}

func copyFloorRows(ctx context.Context, tx *sql.Tx, t floorTable) error {
	stmt, err := tx.PrepareContext(ctx, t.insert)
	if err != nil {
		return fmt.Errorf("%s: %w", t.name, err)
	}
	defer stmt.Close()
	for _, r := range t.rows {
		if _, err := stmt.ExecContext(ctx, r...); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
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

// The floor writes the store it copies (the same events, reports,
// aliases, actors, summaries and schema, and searches find the same
// events), so that its figures are those of writing a whole store; and
// the append-only floor leaves foreign keys checked, as the store opens.
func TestWriterFloor_WritesTheStore(t *testing.T) {
	ctx := context.Background()
	source := MustOpen(t)
	summaryCorpus(11, 120).save(t, source, false)
	src, err := readFloorSource(source.Path())
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, m := range src.sentences[:min(len(src.sentences), 40)] {
		if runs := lowerRuns(m[1]); len(runs) > 0 {
			words = append(words, runs[len(runs)/2])
		}
	}
	found := func(db *DB, word string) string {
		events, err := db.Events(ctx, model.EventFilter{Text: word})
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, len(events))
		for i, e := range events {
			ids[i] = e.ID
		}
		return strings.Join(ids, " ")
	}
	for _, appendOnly := range []bool{false, true} {
		db := MustOpen(t)
		var parts []string
		if err := writeFloor(ctx, db, src, appendOnly, func(p string) { parts = append(parts, p) }); err != nil {
			t.Fatalf("append-only %v: %v", appendOnly, err)
		}
		if got := strings.Join(parts, " "); got != "rows text commit end" {
			t.Errorf("append-only %v: parts %q", appendOnly, got)
		}
		if got, want := MustDump(t, db), MustDump(t, source); got != want {
			t.Errorf("append-only %v: copy differs: %s", appendOnly, firstDiff(got, want))
		}
		want := mustSummaries(t, source)
		if !strings.Contains(want, "summary ") {
			t.Fatal("the corpus has no event of more than summaryHead articles: the summaries are not tested")
		}
		if got := mustSummaries(t, db); got != want {
			t.Errorf("append-only %v: summaries differ: %s", appendOnly, firstDiff(got, want))
		}
		for _, table := range []string{"articles", "article_bands", "report_docs", "text_vocab"} {
			var got, want int
			q := `SELECT COUNT(*) FROM ` + table
			if err := db.r.QueryRow(q).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if err := source.r.QueryRow(q).Scan(&want); err != nil {
				t.Fatal(err)
			}
			if got != want || want == 0 {
				t.Errorf("append-only %v: %s has %d rows, the source %d", appendOnly, table, got, want)
			}
		}
		if got, want := MustSchema(t, db.w), MustSchema(t, source.w); got != want {
			t.Errorf("append-only %v: schema\n%s\nwant\n%s", appendOnly, got, want)
		}
		searched := 0
		for _, w := range words {
			want := found(source, w)
			if got := found(db, w); got != want {
				t.Errorf("append-only %v: %q finds %q, want %q", appendOnly, w, got, want)
			}
			if want != "" {
				searched++
			}
		}
		if searched == 0 {
			t.Fatalf("no word of %q finds an event: the search is not tested", words)
		}
		var fk int
		if err := db.w.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("append-only %v: foreign_keys %d after the copy (%v), want 1", appendOnly, fk, err)
		}
	}
}
