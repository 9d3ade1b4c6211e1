package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// Events returns the events that pass f, each with all its mentions, oldest
// first in the order of [model.SortEvents]: first day, precision (day,
// range, month, year), last day, id. Mentions come in order of their
// article's publication, then path, then position in the article.
//
// The date, root, quad, actor, outlet and text parts of f narrow the SQL
// query (text through the full-text index, see text.go); f.Match
// then has the final word on every event, so the result is exactly what
// the reference meaning of [model.EventFilter] selects.
func (d *DB) Events(ctx context.Context, f model.EventFilter) ([]model.Event, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer tx.Rollback()

	events, err := queryEvents(ctx, tx, f)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	return events, nil
}

const eventsSelect = `SELECT e.id, e.code, e.date_start, e.date_end, e.precision, e.location,
	s.id, s.name, s.country, s.role, s.code,
	t.id, t.name, t.country, t.role, t.code,
	m.article_id, m.sentence, m."start", m."end", m."trigger", m.time_text,
	a.path, a.url, a.outlet, a.published,
	a.origin, m.code, m.date_start, m.date_end, m.precision, m.location, m.figures,
	ms.id, ms.name, ms.country, ms.role, ms.code, mt.id, mt.name, mt.country, mt.role, mt.code,
	COALESCE(r.status, ''), COALESCE(r.note, '')
FROM events e
JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
LEFT JOIN mentions m ON m.event_id = e.id
LEFT JOIN articles a ON a.id = m.article_id
LEFT JOIN actors ms ON ms.id = m.source_id
LEFT JOIN actors mt ON mt.id = m.target_id
LEFT JOIN reviews r ON r.event_id = e.id`

// eventsOrder is Date.Compare written in SQL, then the id.
const eventsOrder = `ORDER BY e.date_start,
	CASE e.precision WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END,
	e.date_end, e.id, a.published, a.path, m.article_id, m."start", m.id`

// eventsQuery is the SQL that reads the events f may select; none
// reports that no event can match.
func eventsQuery(ctx context.Context, tx *sql.Tx, f model.EventFilter) (q string, args []any, none bool, err error) {
	where, args, none, err := pushDown(ctx, tx, f)
	if err != nil || none {
		return "", nil, none, err
	}
	q = eventsSelect
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
	}
	return q + "\n" + eventsOrder, args, false, nil
}

func queryEvents(ctx context.Context, tx *sql.Tx, f model.EventFilter) ([]model.Event, error) {
	q, args, none, err := eventsQuery(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	if none {
		return []model.Event{}, nil
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	return scanEvents(rows, f.Match)
}

// pushDown turns the simple parts of f into SQL conditions. Each condition
// selects a superset of what f.Match accepts, never less. none reports that
// no event can match (an actor filter that names no stored actor).
func pushDown(ctx context.Context, tx *sql.Tx, f model.EventFilter) (where []string, args []any, none bool, err error) {
	// Overlap with [From, To]: the event's last day is not before From's
	// first, and its first day is not after To's last. Undated events store
	// '', which sorts before every day, as the zero time does in Match.
	if !f.From.IsZero() {
		where = append(where, "e.date_end >= ?")
		args = append(args, f.From.First().Format(dayLayout))
	}
	if !f.To.IsZero() {
		where = append(where, "e.date_start <= ?")
		args = append(args, f.To.Last().Format(dayLayout))
	}
	if len(f.Roots) > 0 {
		where = append(where, "e.root IN (SELECT value FROM json_each(?))")
		args = append(args, jsonList(f.Roots))
	}
	if len(f.Quads) > 0 {
		// The quad is a property of the code table, not stored: select the
		// roots that have a code in one of the quads.
		where = append(where, "e.root IN (SELECT value FROM json_each(?))")
		args = append(args, jsonList(rootsOfQuads(f.Quads)))
	}
	if len(f.Actors) > 0 {
		ids, err := matchingActors(ctx, tx, f.Actors)
		if err != nil {
			return nil, nil, false, err
		}
		if len(ids) == 0 {
			return nil, nil, true, nil
		}
		where = append(where, "(e.source_id IN (SELECT value FROM json_each(?)) OR e.target_id IN (SELECT value FROM json_each(?)))")
		list := jsonList(ids)
		args = append(args, list, list)
	}
	if len(f.Outlets) > 0 {
		cond, arg, none, err := outletCondition(ctx, tx, f.Outlets)
		if err != nil || none {
			return nil, nil, none, err
		}
		where = append(where, cond)
		args = append(args, arg)
	}
	if f.MinSources > 1 {
		// An event has no more sources than articles (migration 0006).
		where = append(where, "e.articles >= ?")
		args = append(args, f.MinSources)
	}
	if f.Text != "" {
		conds, targs, err := textConditions(ctx, tx, f.Text)
		if err != nil {
			return nil, nil, false, err
		}
		where = append(where, conds...)
		args = append(args, targs...)
	}
	return where, args, false, nil
}

// matchingActors returns the ids of the stored actors that answer to any of
// wants. It reads the actor table and applies [model.ActorMatches] itself,
// since SQLite's NOCASE folds ASCII only and would miss "ÉTAT".
func matchingActors(ctx context.Context, tx *sql.Tx, wants []string) ([]string, error) {
	actors, err := allActors(ctx, tx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, a := range actors {
		for _, w := range wants {
			if model.ActorMatches(a, w) {
				ids = append(ids, a.ID)
				break
			}
		}
	}
	return ids, nil
}

func rootsOfQuads(quads []int) []string {
	want := map[int]bool{}
	for _, q := range quads {
		want[q] = true
	}
	seen := map[string]bool{}
	roots := []string{}
	for _, c := range model.CAMEOCodes() {
		if want[c.Quad] && !seen[c.Root] {
			seen[c.Root] = true
			roots = append(roots, c.Root)
		}
	}
	return roots
}

func jsonList(items []string) string {
	if items == nil {
		items = []string{}
	}
	b, _ := json.Marshal(items)
	return string(b)
}
