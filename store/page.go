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
// large stores: a page costs about the same whatever the store's size and
// however many events match (see pagePlan), and f.Match still has the
// final word, so the pages put together are exactly what Events returns.
//
// It returns an error matching [model.ErrNotFound] when afterID names no
// stored event (the event merged away since the page before was read), and
// the errors of Events otherwise.
func (d *DB) EventsAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error) {
	return d.eventsAfter(ctx, f, false, afterID, limit, allTexts)
}

// EventsBetweenAfter is [DB.EventsAfter] for the events between the actors
// of f: those whose source answers to one of f.Actors and whose target
// answers to another one (to the same one when f names a single actor), as
// the explorer's between=1 means it. Without actors it is EventsAfter.
func (d *DB) EventsBetweenAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error) {
	return d.eventsAfter(ctx, f, true, afterID, limit, allTexts)
}

// EventsPage is [DB.EventsAfter], or with between [DB.EventsBetweenAfter],
// for a reader that shows the text of each event's first texts mentions
// only, as the explorer's API does: every mention is there, in order,
// with its article, outlet, origin and own coding, so that the event's
// counts, sources, figures and disputes are those of all its reports, but
// past the first texts the mentions carry no sentence, end offset,
// trigger, time text or url. Reading those for thousands of reports of
// one event was most of a page's time. A negative texts reads them all.
func (d *DB) EventsPage(ctx context.Context, f model.EventFilter, between bool, afterID string, limit, texts int) ([]model.Event, error) {
	w := allTexts
	if texts >= 0 {
		w = textWindow{0, texts}
	}
	return d.eventsAfter(ctx, f, between, afterID, limit, w)
}

func (d *DB) eventsAfter(ctx context.Context, f model.EventFilter, between bool, afterID string, limit int, texts textWindow) ([]model.Event, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: events after: %w", err)
	}
	defer tx.Rollback()
	out, err := queryEventsAfter(ctx, tx, f, between, afterID, limit, texts)
	if err != nil {
		return nil, fmt.Errorf("store: events after %q: %w", afterID, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: events after: %w", err)
	}
	return out, nil
}

// pageKey is Date.Compare's order in SQL, as in eventsOrder, then the id:
// the leading columns of the index events_order (migration 0007), written
// the same way so that SQLite walks that index for ORDER BY pageKey.
const pageKey = `e.date_start, CASE e.precision WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END, e.date_end, e.id`

// pageRow is one event found by a page query: its id, its place in the
// order, and its actors (for the text test).
type pageRow struct {
	id       string
	key      []any
	src, tgt string
}

func queryEventsAfter(ctx context.Context, tx *sql.Tx, f model.EventFilter, between bool, afterID string, limit int, texts textWindow) ([]model.Event, error) {
	if limit <= 0 {
		return []model.Event{}, nil
	}
	p, err := newPagePlan(ctx, tx, f, between)
	if err != nil || p.none {
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
	out := []model.Event{}
	for _, src := range p.sources(key) {
		// Ask for a little more than is missing, so that a round usually
		// fills the page when Match refuses some; when the text test
		// refuses many, ask for more each round.
		want := limit - len(out) + 8
		for len(out) < limit {
			rows, err := src.read(ctx, tx, p, key, want)
			if err != nil {
				return nil, err
			}
			if len(rows) == 0 {
				break
			}
			key = rows[len(rows)-1].key
			ids, err := p.textPass(ctx, tx, rows)
			if err != nil {
				return nil, err
			}
			events, err := readEvents(ctx, tx, ids, texts)
			if err != nil {
				return nil, err
			}
			for _, e := range events {
				if len(out) < limit && f.Match(e) {
					out = append(out, e)
				}
			}
			if len(rows) < want {
				break // this source has no more
			}
			if len(ids) < len(rows)/2 {
				want = min(2*want, 4000)
			}
		}
		if len(out) == limit {
			break
		}
	}
	return out, nil
}

// pageSource is where a page's rows come from: the rows of a set of
// candidate events (the SQL of from, selecting events' rowids) sorted, or,
// when from is empty, a walk of events_order starting at the day start.
type pageSource struct {
	from  string
	args  []any
	start string
}

// read returns up to want rows of the source that pass the plan's SQL
// conditions, in page order, after key.
func (s pageSource) read(ctx context.Context, tx *sql.Tx, p *pagePlan, key []any, want int) ([]pageRow, error) {
	q, args := s.query(p, key, want)
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pageRow
	for rows.Next() {
		r := pageRow{key: make([]any, 4)}
		if err := rows.Scan(&r.id, &r.key[0], &r.key[1], &r.key[2], &r.key[3], &r.src, &r.tgt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// query is the SQL of read.
func (s pageSource) query(p *pagePlan, key []any, want int) (string, []any) {
	conds := append([]string(nil), p.where...)
	var args []any
	q := `SELECT e.id, ` + pageKey + `, e.source_id, COALESCE(e.target_id, '') FROM events e`
	if s.from == "" {
		q += ` INDEXED BY events_order`
	} else {
		conds = append([]string{`e.rowid IN (` + s.from + `)`}, conds...)
		args = append(args, s.args...)
	}
	args = append(args, p.args...)
	if s.start != "" {
		conds = append(conds, `e.date_start >= ?`)
		args = append(args, s.start)
	}
	if key != nil {
		// The first condition lets SQLite start the index at the key; the
		// row value is the exact "after".
		conds = append(conds, `e.date_start >= ?`, `(`+pageKey+`) > (?, ?, ?, ?)`)
		args = append(args, key[0], key[0], key[1], key[2], key[3])
	}
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return q + " ORDER BY " + pageKey + " LIMIT ?", append(args, want)
}

// textPass returns the ids of the rows whose event can pass the text
// filter: each word of the query, lower-cased, occurs in an evidence
// sentence or in an actor's name, lower-cased (Match's own test, on the
// sentences alone, so that events that fail it are never read whole).
// It runs only for a query with words SQL cannot test (see
// textCandidates); otherwise SQL has let through only events that pass.
func (p *pagePlan) textPass(ctx context.Context, tx *sql.Tx, rows []pageRow) ([]string, error) {
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	if len(p.words) == 0 {
		return ids, nil
	}
	q, err := tx.QueryContext(ctx, `SELECT event_id, sentence FROM mentions
		WHERE event_id IN (SELECT value FROM json_each(?))`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer q.Close()
	texts := map[string][]string{}
	for q.Next() {
		var id, s string
		if err := q.Scan(&id, &s); err != nil {
			return nil, err
		}
		texts[id] = append(texts[id], strings.ToLower(s))
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	kept := ids[:0]
	for _, r := range rows {
		hay := append(texts[r.id], p.names[r.src], p.names[r.tgt])
		ok := true
		for _, w := range p.words {
			found := false
			for _, h := range hay {
				if strings.Contains(h, w) {
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, r.id)
		}
	}
	return kept, nil
}
