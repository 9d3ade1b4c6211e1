package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// How SaveArticle merges (migration 0004 has the schema, package merge the
// rule). The new article's reports and every stored report they may merge
// with, directly or through one another, are clustered together again:
// compatible reports always share a merge bucket (family and the unordered
// pair of actor keys) and lie within DayTolerance of each other, so the
// stored reports outside that closure can neither join nor change these
// events. The stored events are therefore always what merge.Cluster makes
// of all stored reports, whatever order the articles came in.

// storedReport is a report read back with the event it belongs to now.
type storedReport struct {
	e       model.Event
	eventID string
}

// mergeReports stores the reports of one article: it loads the stored
// reports they may merge with, clusters them all and writes the events
// back, moving mentions, reviews and aliases of events that merged.
func (w *eventWriter) mergeReports(ctx context.Context, tx *sql.Tx, reports []model.Event) error {
	stored, err := neighbourhood(ctx, tx, reports)
	if err != nil {
		return fmt.Errorf("load reports to merge with: %w", err)
	}
	all := append([]model.Event(nil), reports...)
	oldEvent := map[string]string{} // report id -> event id before this article
	oldReports := map[string][]string{}
	for _, s := range stored {
		id := merge.ReportID(s.e)
		oldEvent[id] = s.eventID
		oldReports[s.eventID] = append(oldReports[s.eventID], id)
		all = append(all, s.e)
	}
	events := merge.Cluster(all)
	newEvent := map[string]string{} // report id -> event id after
	touched := map[string]bool{}
	for _, e := range events {
		if err := w.writeEvent(ctx, e); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		touched[e.ID] = true
		for _, r := range merge.Reports([]model.Event{e}) {
			id := merge.ReportID(r)
			newEvent[id] = e.ID
			if err := w.writeReport(ctx, tx, id, oldEvent, e.ID, r); err != nil {
				return fmt.Errorf("mention at %d: %w", r.Mentions[0].Start, err)
			}
		}
	}
	// Events that merged into others: their old ids become aliases of the
	// event that holds their first report, and their review moves there.
	gone := make([]string, 0)
	for old := range oldReports {
		if !touched[old] {
			gone = append(gone, old)
		}
	}
	sort.Strings(gone)
	for _, old := range gone {
		ids := oldReports[old]
		sort.Strings(ids)
		if err := retire(ctx, tx, old, newEvent[ids[0]]); err != nil {
			return fmt.Errorf("event %s: %w", old, err)
		}
		touched[old] = true
	}
	return w.reindexText(ctx, tx, touched, events)
}

const upsertMergedEventSQL = `INSERT INTO events
	(id, code, root, date_start, date_end, precision, source_id, target_id, location)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET code = excluded.code, root = excluded.root,
		date_start = excluded.date_start, date_end = excluded.date_end, precision = excluded.precision,
		source_id = excluded.source_id, target_id = excluded.target_id, location = excluded.location`

func (w *eventWriter) writeEvent(ctx context.Context, e model.Event) error {
	start, end, precision, err := encodeDate(e.Date)
	if err != nil {
		return err
	}
	var target sql.NullString
	if e.Target != nil {
		target = sql.NullString{String: e.Target.ID, Valid: true}
	}
	_, err = w.event.ExecContext(ctx, e.ID, e.Code, e.Root(), start, end, precision, e.Source.ID, target, e.Location)
	return err
}

const insertReportSQL = `INSERT INTO mentions (id, event_id, article_id, sentence, "start", "end",
	"trigger", time_text, source_id, target_id, code, family, src_key, tgt_key,
	date_start, date_end, precision, location, figures)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id`

// writeReport inserts a new report or moves a stored one to its event.
func (w *eventWriter) writeReport(ctx context.Context, tx *sql.Tx, id string, oldEvent map[string]string, eventID string, r model.Event) error {
	if old, ok := oldEvent[id]; ok {
		if old == eventID {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE mentions SET event_id = ? WHERE id = ?`, eventID, id)
		return err
	}
	m := r.Mentions[0]
	start, end, precision, err := encodeDate(r.Date)
	if err != nil {
		return err
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
		return err
	}
	_, err = w.mention.ExecContext(ctx, id, eventID, m.ArticleID, m.Sentence, m.Start, m.End, m.Trigger, m.TimeText,
		r.Source.ID, target, r.Code, merge.Family(r.Code), merge.Country(&r.Source), merge.Country(r.Target),
		start, end, precision, r.Location, string(fj))
	return err
}

// retire removes an event that merged into into: its id becomes an alias,
// aliases of it follow, and its review moves unless into has one.
func retire(ctx context.Context, tx *sql.Tx, old, into string) error {
	for _, q := range []string{
		`UPDATE event_aliases SET event_id = ?2 WHERE event_id = ?1`,
		`INSERT INTO event_aliases (alias, event_id) VALUES (?1, ?2) ON CONFLICT (alias) DO UPDATE SET event_id = ?2`,
		`DELETE FROM event_aliases WHERE alias = ?2`,
		`UPDATE reviews SET event_id = ?2 WHERE event_id = ?1 AND NOT EXISTS (SELECT 1 FROM reviews WHERE event_id = ?2)`,
		`DELETE FROM reviews WHERE event_id = ?1`,
		`DELETE FROM events WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, old, into); err != nil {
			return err
		}
	}
	return nil
}

// reindexText rewrites the full-text rows of the events this article
// touched, since their mentions may have moved.
func (w *eventWriter) reindexText(ctx context.Context, tx *sql.Tx, touched map[string]bool, events []model.Event) error {
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM mention_text WHERE event_id IN (SELECT value FROM json_each(?))`, jsonList(ids)); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	for _, e := range events {
		for _, m := range e.Mentions {
			if err := indexMention(ctx, w.text, e.ID, m.Sentence); err != nil {
				return err
			}
		}
	}
	return nil
}
