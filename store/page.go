package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// EventsAfter returns at most limit events that pass f, in the order of
// [DB.Events], starting after the event with id afterID ("" starts at the
// first). It is [DB.Events] a page at a time, for the explorer's API on
// large stores: the page's ids are found first with the filters pushed
// down, walking the date index in order and stopping after the page, and
// only those events are read with their mentions. f.Match still has the
// final word, so a page may take a few rounds when the pushed-down filter
// lets through events that Match refuses.
//
// It returns an error matching [model.ErrNotFound] when afterID names no
// stored event (the event merged away since the page before was read), and
// the errors of Events otherwise.
func (d *DB) EventsAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: events after: %w", err)
	}
	defer tx.Rollback()
	out, err := queryEventsAfter(ctx, tx, f, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: events after %q: %w", afterID, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: events after: %w", err)
	}
	return out, nil
}

// pageKey is Date.Compare's order in SQL, as in eventsOrder, then the id.
const pageKey = `e.date_start, CASE e.precision WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END, e.date_end, e.id`

func queryEventsAfter(ctx context.Context, tx *sql.Tx, f model.EventFilter, afterID string, limit int) ([]model.Event, error) {
	if limit <= 0 {
		return []model.Event{}, nil
	}
	where, args, none, err := pushDown(ctx, tx, f)
	if err != nil || none {
		return []model.Event{}, err
	}
	var key []any // the sort key of the last event read
	if afterID != "" {
		key = make([]any, 4)
		err := tx.QueryRowContext(ctx, `SELECT `+pageKey+` FROM events e WHERE e.id = ?`, afterID).
			Scan(&key[0], &key[1], &key[2], &key[3])
		if err == sql.ErrNoRows {
			return nil, model.ErrNotFound
		}
		if err != nil {
			return nil, err
		}
	}
	// Two plans, chosen by a bounded probe. A filter that matches few
	// events is best served by the indexes of its conditions (an actor's,
	// a root's) and a sort of what they find. One that matches many (a
	// busy actor, a whole year) would make that sort read and order
	// hundreds of thousands of rows for every page; walking the date index
	// in order instead stops as soon as the page is full.
	from := ` FROM events e`
	if dense, err := manyMatch(ctx, tx, where, args); err != nil {
		return nil, err
	} else if dense {
		from = ` FROM events e INDEXED BY events_date`
	}
	out := []model.Event{}
	// Ask for a little more than is missing, so that a round or two
	// usually fills the page even when Match refuses some.
	for len(out) < limit {
		want := limit - len(out) + 8
		conds := append([]string(nil), where...)
		a := append([]any(nil), args...)
		if key != nil {
			// The first condition lets SQLite start the date index at the
			// key; the row value is the exact "after".
			conds = append(conds, `e.date_start >= ?`, `(`+pageKey+`) > (?, ?, ?, ?)`)
			a = append(a, key[0], key[0], key[1], key[2], key[3])
		}
		q := `SELECT e.id, ` + pageKey + from
		if len(conds) > 0 {
			q += " WHERE " + strings.Join(conds, " AND ")
		}
		rows, err := tx.QueryContext(ctx, q+" ORDER BY "+pageKey+" LIMIT ?", append(a, want)...)
		if err != nil {
			return nil, err
		}
		var ids []string
		for rows.Next() {
			var id string
			k := make([]any, 4)
			if err := rows.Scan(&id, &k[0], &k[1], &k[2], &k[3]); err != nil {
				rows.Close()
				return nil, err
			}
			ids, key = append(ids, id), k
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			break
		}
		events, err := eventsByID(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		for _, e := range events {
			if len(out) < limit && f.Match(e) {
				out = append(out, e)
			}
		}
		if len(ids) < want {
			break // the store has no more
		}
		if len(out) == limit {
			break
		}
	}
	return out, nil
}

// probeRows is where a filter counts as matching many events.
const probeRows = 5000

// manyMatch reports whether the conditions select at least probeRows
// events, reading no more than that many.
func manyMatch(ctx context.Context, tx *sql.Tx, where []string, args []any) (bool, error) {
	if len(where) == 0 {
		return true, nil
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE `+strings.Join(where, " AND ")+
		` LIMIT ?)`, append(append([]any(nil), args...), probeRows)...).Scan(&n)
	return n >= probeRows, err
}

// eventsByID reads the given events with their mentions, in the order of
// Events. It shares queryEvents' query, and
// both read rows through scanEvents, so they cannot drift apart.
func eventsByID(ctx context.Context, tx *sql.Tx, ids []string) ([]model.Event, error) {
	rows, err := tx.QueryContext(ctx, eventsSelect+"\nWHERE e.id IN (SELECT value FROM json_each(?))\n"+eventsOrder, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanEvents(rows, nil)
}
