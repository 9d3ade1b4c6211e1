package store

import (
	"context"
	"database/sql"
	"encoding/json"
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
	out, _, err := d.eventsAfter(ctx, f, false, afterID, limit, -1)
	return out, err
}

// EventsBetweenAfter is [DB.EventsAfter] for the events between the actors
// of f: those whose source answers to one of f.Actors and whose target
// answers to another one (to the same one when f names a single actor), as
// the explorer's between=1 means it. Without actors it is EventsAfter.
func (d *DB) EventsBetweenAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error) {
	out, _, err := d.eventsAfter(ctx, f, true, afterID, limit, -1)
	return out, err
}

// EventsPage is [DB.EventsAfter], or with between [DB.EventsBetweenAfter],
// for a reader that shows each event's first texts mentions only, as the
// explorer's API does: each event holds those mentions, whole and in
// order, and its date, place and disputes are those resolved over all
// its reports. When an event has more mentions than it holds, totals
// (same index) is a JSON object with the contract's members computed
// from all of them: "sources", "articles", "mention_count", "outlets"
// and "figures"; otherwise it is nil. Those come from the event's
// summary kept at write time (migration 0013), so that a page of
// much-reported events does not read every report. A negative texts
// reads every mention whole, with no totals.
func (d *DB) EventsPage(ctx context.Context, f model.EventFilter, between bool, afterID string, limit, texts int) (events []model.Event, totals []json.RawMessage, err error) {
	return d.eventsAfter(ctx, f, between, afterID, limit, texts)
}

func (d *DB) eventsAfter(ctx context.Context, f model.EventFilter, between bool, afterID string, limit int, texts int) ([]model.Event, []json.RawMessage, error) {
	tx, err := d.beginRead(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("store: events after: %w", err)
	}
	defer tx.Rollback()
	page, err := queryEventsAfter(ctx, tx, f, between, afterID, limit, texts)
	if err != nil {
		return nil, nil, fmt.Errorf("store: events after %q: %w", afterID, err)
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("store: events after: %w", err)
	}
	out := make([]model.Event, len(page))
	totals := make([]json.RawMessage, len(page))
	for i, e := range page {
		out[i], totals[i] = e.Event, e.totals
	}
	return out, totals, nil
}

// pageKey is Date.Compare's order in SQL, as in eventsOrder, then the id:
// the leading columns of the index events_order (migration 0007), written
// the same way so that SQLite walks that index for ORDER BY pageKey.
const pageKey = `e.date_start, CASE e.precision WHEN 'day' THEN 0 WHEN 'range' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 4 END, e.date_end, e.id`

// pageRow is one event found by a page query: its id, its place in the
// order, its actors (for the text test), and whether SQL has found every
// word of the text query (see textCandidates).
type pageRow struct {
	id       string
	key      []any
	src, tgt string
	sure     bool
}

func queryEventsAfter(ctx context.Context, tx *sql.Tx, f model.EventFilter, between bool, afterID string, limit int, texts int) ([]pageEvent, error) {
	if limit <= 0 {
		return nil, nil
	}
	p, err := newPagePlan(ctx, tx, f, between)
	if err != nil || p.none {
		return nil, err
	}
	// The events read hold only the mentions shown, so Match cannot test
	// the parts of f about all of them: SQL has tested outlets exactly,
	// textPass the text, and the sources are counted from the summary.
	rest := f
	rest.Outlets, rest.Text, rest.MinSources = nil, "", 0
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
	var out []pageEvent
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
			events, err := readPage(ctx, tx, ids, texts)
			if err != nil {
				return nil, err
			}
			for _, e := range events {
				if len(out) < limit && rest.Match(e.Event) && e.sources >= f.MinSources {
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
		if err := rows.Scan(&r.id, &r.key[0], &r.key[1], &r.key[2], &r.key[3], &r.src, &r.tgt, &r.sure); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// query is the SQL of read.
func (s pageSource) query(p *pagePlan, key []any, want int) (string, []any) {
	conds := append([]string(nil), p.where...)
	sure := "1"
	if len(p.sure) > 0 {
		sure = strings.Join(p.sure, " AND ")
	}
	args := append([]any(nil), p.sureArgs...)
	q := `SELECT e.id, ` + pageKey + `, e.source_id, COALESCE(e.target_id, ''), ` + sure + ` FROM events e`
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

// textPass returns the ids of the rows whose event passes the text
// filter: each word of the query, lower-cased, occurs in an evidence
// sentence or in an actor's name, lower-cased (Match's own test). The
// events read for a page hold the mentions shown only, so Match cannot
// have the last word on the text: this is it. A row SQL is sure of (it
// found every word with LIKE or in a name) passes as it is; the others,
// all rows when the query has words SQL cannot test (see
// textCandidates), and otherwise the rare ones let through for a
// sentence with İ or K, are tested here on all their sentences.
func (p *pagePlan) textPass(ctx context.Context, tx *sql.Tx, rows []pageRow) ([]string, error) {
	var check []string
	for _, r := range rows {
		if p.allWords != nil && (p.words != nil || !r.sure) {
			check = append(check, r.id)
		}
	}
	var texts map[string][]string
	if len(check) > 0 {
		var err error
		if texts, err = sentencesOf(ctx, tx, check); err != nil {
			return nil, err
		}
	}
	kept := make([]string, 0, len(rows))
	for _, r := range rows {
		if p.allWords == nil || (p.words == nil && r.sure) || p.hasWords(texts[r.id], r) {
			kept = append(kept, r.id)
		}
	}
	return kept, nil
}

// hasWords is Match's text test on an event's lower-cased sentences and
// its actors' names.
func (p *pagePlan) hasWords(sentences []string, r pageRow) bool {
	hay := append(sentences, p.names[r.src], p.names[r.tgt])
	for _, w := range p.allWords {
		found := false
		for _, h := range hay {
			if strings.Contains(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sentencesOf reads the sentences of the given events, lower-cased.
func sentencesOf(ctx context.Context, tx *sql.Tx, ids []string) (map[string][]string, error) {
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
	return texts, q.Err()
}
