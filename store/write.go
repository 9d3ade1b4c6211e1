package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
	sqlite3 "github.com/mattn/go-sqlite3"
)

// writeChanged writes the changed events with their reports (reports[i]
// is merge.Reports of changed[i]), and retires the stored events that
// merged into others (whose ids are not among ids, every event of the
// neighbourhood clustered): their old ids become aliases of the event
// that holds their first report, and their review moves there.
func (w *eventWriter) writeChanged(ctx context.Context, tx *sql.Tx, changed []model.Event, reports [][]model.Event, ids []string,
	oldEvent map[string]string, oldReports map[string][]string) error {
	newEvent := map[string]string{} // report id -> event id after
	written := make(map[string]bool, len(ids))
	for _, id := range ids {
		written[id] = true
	}
	members := map[string][]string{} // changed event -> its reports, for the cache
	inserted := map[string]bool{}    // changed events not read, for the cache
	var fresh []freshReport
	for i, e := range changed {
		_, stored := oldReports[e.ID]
		if err := w.writeEvent(ctx, e, stored); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		inserted[e.ID] = !stored
		ids := make([]string, 0, len(e.Mentions))
		for _, r := range reports[i] {
			id := merge.ReportID(r)
			newEvent[id] = e.ID
			ids = append(ids, id)
			f, err := w.writeReport(ctx, tx, id, oldEvent, e.ID, r)
			if err != nil {
				return fmt.Errorf("mention at %d: %w", r.Mentions[0].Start, err)
			}
			if f.r != nil {
				fresh = append(fresh, f)
			}
		}
		members[e.ID] = ids
	}
	gone := make([]string, 0)
	for old := range oldReports {
		if !written[old] {
			gone = append(gone, old)
		}
	}
	sort.Strings(gone)
	for _, old := range gone {
		ids := oldReports[old]
		sort.Strings(ids)
		if err := w.retire(ctx, old, newEvent[ids[0]]); err != nil {
			return fmt.Errorf("event %s: %w", old, err)
		}
	}
	w.cache.written(members, inserted, fresh, gone)
	return nil
}

// Writing an event: a new one is inserted, a stored one updated only in
// the columns whose values changed. An upsert would rewrite every index
// entry of the row each time (SQLite rewrites the entries of every
// column an UPDATE sets, changed or not) and, with foreign keys on, check
// the row's children as well; most events written are new, and most
// stored events that gain a report change their article count alone.
const (
	upsertMergedEventSQL = `INSERT INTO events
	(id, code, root, date_start, date_end, precision, source_id, target_id, location, articles, g0, g1, g2, g3, g4, g5, g6, g7)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET code = excluded.code, root = excluded.root,
		date_start = excluded.date_start, date_end = excluded.date_end, precision = excluded.precision,
		source_id = excluded.source_id, target_id = excluded.target_id, location = excluded.location,
		articles = excluded.articles, g0 = g0 | excluded.g0, g1 = g1 | excluded.g1, g2 = g2 | excluded.g2,
		g3 = g3 | excluded.g3, g4 = g4 | excluded.g4, g5 = g5 | excluded.g5, g6 = g6 | excluded.g6, g7 = g7 | excluded.g7`
	insertEventSQL = `INSERT INTO events
	(id, code, root, date_start, date_end, precision, source_id, target_id, location, articles, g0, g1, g2, g3, g4, g5, g6, g7)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateEventCodingSQL = `UPDATE events SET code = ?2, root = ?3, date_start = ?4, date_end = ?5, precision = ?6,
		source_id = ?7, target_id = ?8, location = ?9
	WHERE id = ?1 AND (code IS NOT ?2 OR date_start IS NOT ?4 OR date_end IS NOT ?5 OR precision IS NOT ?6
		OR source_id IS NOT ?7 OR target_id IS NOT ?8 OR location IS NOT ?9)`
	// The count of articles, and the trigrams of the reports the event
	// carries added to its filter (grams.go), in one write when either
	// changes.
	updateEventArticlesSQL = `UPDATE events SET articles = ?2, g0 = g0 | ?3, g1 = g1 | ?4, g2 = g2 | ?5, g3 = g3 | ?6,
		g4 = g4 | ?7, g5 = g5 | ?8, g6 = g6 | ?9, g7 = g7 | ?10
	WHERE id = ?1 AND (articles IS NOT ?2 OR g0 | ?3 <> g0 OR g1 | ?4 <> g1 OR g2 | ?5 <> g2 OR g3 | ?6 <> g3
		OR g4 | ?7 <> g4 OR g5 | ?8 <> g5 OR g6 | ?9 <> g6 OR g7 | ?10 <> g7)`
)

// writeEvent writes e; stored says that a row with its id was read in
// this transaction. An event not read is inserted, and updated only in
// the unexpected case that its id is stored already (the upsert).
func (w *eventWriter) writeEvent(ctx context.Context, e model.Event, stored bool) error {
	return w.writeEventRow(ctx, e, e.Articles(), stored)
}

// writeEventRow is writeEvent with e's count of articles given, for an
// event that carries only some of its mentions (merge.Placed).
func (w *eventWriter) writeEventRow(ctx context.Context, e model.Event, articles int, stored bool) error {
	if articles > summaryHead {
		w.stale = append(w.stale, e.ID) // its summary (summary.go)
	}
	start, end, precision, err := encodeDate(e.Date)
	if err != nil {
		return err
	}
	var target sql.NullString
	if e.Target != nil {
		target = sql.NullString{String: e.Target.ID, Valid: true}
	}
	// The reports written with e are the ones it carries (merge.Reports).
	var g grams
	for _, m := range e.Mentions {
		g.addText(m.Sentence)
	}
	if stored {
		if err := w.exec(ctx, w.updateCoding, e.ID, e.Code, e.Root(), start, end, precision, e.Source.ID, target, e.Location); err != nil {
			return err
		}
		return w.exec(ctx, w.updateArticles, e.ID, articles, g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7])
	}
	return w.execOr(ctx, w.insertEvent, w.event, e.ID, e.Code, e.Root(), start, end, precision, e.Source.ID, target, e.Location, articles,
		g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7])
}

// isUniqueViolation tells a primary key or UNIQUE conflict from other
// errors (a CHECK or foreign key failure is data that cannot be stored).
func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey || se.ExtendedCode == sqlite3.ErrConstraintUnique)
}

const (
	insertReportSQL = `INSERT INTO mentions (id, event_id, article_id, sentence, "start", "end",
	"trigger", time_text, source_id, target_id, code, family, src_key, tgt_key, pair,
	date_start, date_end, precision, location, figures)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id`
	moveReportSQL = `UPDATE mentions SET event_id = ? WHERE id = ?`
)

// writeReport inserts a new report or moves a stored one to its event.
// A new one is returned as the merge cache will hold it.
func (w *eventWriter) writeReport(ctx context.Context, tx *sql.Tx, id string, oldEvent map[string]string, eventID string, r model.Event) (freshReport, error) {
	if old, ok := oldEvent[id]; ok {
		if old == eventID {
			return freshReport{}, nil
		}
		return freshReport{}, w.exec(ctx, w.move, eventID, id)
	}
	m := r.Mentions[0]
	start, end, precision, err := encodeDate(r.Date)
	if err != nil {
		return freshReport{}, err
	}
	var target sql.NullString
	if r.Target != nil {
		target = sql.NullString{String: r.Target.ID, Valid: true}
	}
	figures := m.Figures
	if figures == nil {
		figures = []model.Figure{}
	}
	fj, err := json.Marshal(figures)
	if err != nil {
		return freshReport{}, err
	}
	family, tgtKey, pair := merge.Family(r.Code), merge.Country(r.Target), pairOf(r)
	err = w.exec(ctx, w.mention, id, eventID, m.ArticleID, m.Sentence, m.Start, m.End, m.Trigger, m.TimeText,
		r.Source.ID, target, r.Code, family, merge.Country(&r.Source), tgtKey, pair,
		start, end, precision, r.Location, string(fj))
	if err != nil {
		return freshReport{}, err
	}
	// The sentence is indexed when the transaction's articles are all
	// written (see writeText), by its wordDoc, which originOf has
	// worked out beside the writer for the sentences of the article's
	// events.
	doc, ok := w.docs[m.Sentence]
	if !ok {
		doc = wordDoc(m.Sentence)
	}
	w.texts = append(w.texts, reportText{id, doc})
	return newFreshReport(id, eventID, r, start, end, precision, family, pair, tgtKey)
}

// retireSQL removes an event that merged into another (?1 into ?2): its
// id becomes an alias, aliases of it follow, and its review moves unless
// the other has one. The writer prepares them once per transaction
// (eventWriter.retire): a 10k-article ingest retires some 3,600 events.
// A prepared statement takes as many arguments as its highest
// parameter number: the last two take old alone.
var retireSQL = [...]string{
	`UPDATE event_aliases SET event_id = ?2 WHERE event_id = ?1`,
	`INSERT INTO event_aliases (alias, event_id) VALUES (?1, ?2) ON CONFLICT (alias) DO UPDATE SET event_id = ?2`,
	`DELETE FROM event_aliases WHERE alias = ?2`,
	`UPDATE reviews SET event_id = ?2 WHERE event_id = ?1 AND NOT EXISTS (SELECT 1 FROM reviews WHERE event_id = ?2)`,
	`DELETE FROM reviews WHERE event_id = ?1`,
	`DELETE FROM events WHERE id = ?1`,
}

// retireArgs is how many of (old, into) each of retireSQL takes.
var retireArgs = func() (n [len(retireSQL)]int) {
	for i, q := range retireSQL {
		n[i] = 1
		if strings.Contains(q, "?2") {
			n[i] = 2
		}
	}
	return n
}()

// retire removes the event old, which merged into into.
func (w *eventWriter) retire(ctx context.Context, old, into string) error {
	args := []any{old, into}
	for i, stmt := range w.retireStmts {
		if err := w.exec(ctx, stmt, args[:retireArgs[i]]...); err != nil {
			return err
		}
	}
	return nil
}
