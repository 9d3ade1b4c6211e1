package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// Event summaries (migration 0013): what a page of events shows of all
// the reports of an event told by more than summaryHead articles, computed
// when the event is written rather than each time a page reads it. The
// schema's triggers mark an event stale whenever it gains, loses or
// moves a report, a report's article or the event's own date changes,
// or an actor its blame dispute names is renamed; refreshSummaries
// recomputes the stale events before a write transaction commits.
// Readers use a row when there is one and its event is not marked, and
// compute from the reports otherwise, so the two always agree
// (summary_test.go checks that a row equals what is computed from the
// reports).

func init() {
	migrationHooks["migrations/0013_summaries.sql"] = func(ctx context.Context, tx *sql.Tx) error {
		return refreshSummaries(ctx, tx, nil)
	}
	migrationHooks["migrations/0017_summary_words.sql"] = func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO summary_stale (event_id) SELECT event_id FROM event_summaries`); err != nil {
			return err
		}
		return refreshSummaries(ctx, tx, nil)
	}
}

// summaryHead is how many of an event's first mentions a summary names:
// the explorer shows 10 per event unless asked otherwise, and the
// timeline 1. Only events told by more articles than that have a
// summary (so more mentions too): a page reads a smaller event whole at
// about the cost of its summary and head, and most events are small, so
// keeping theirs would make ingests slower for nothing. The writer marks
// the events of more articles it writes (writeEventRow), which the
// events' article count tells without reading their reports.
const summaryHead = 10

// eventSummary is one row of event_summaries.
type eventSummary struct {
	mentions, sources, articles     int
	start, end, precision, location string
	disputes                        string // JSON array of model.Dispute
	outlets, figures                string // JSON, as the contract writes them
	head                            []string
}

// summarize computes the summary of e, read with all its mentions and
// resolved (readEvents); head holds the ids of its first mentions.
func summarize(e model.Event, head []string) (eventSummary, error) {
	s := eventSummary{mentions: len(e.Mentions), sources: e.Sources(), articles: e.Articles(),
		location: e.Location, head: head}
	var err error
	if s.start, s.end, s.precision, err = encodeDate(e.Date); err != nil {
		return s, err
	}
	disputes := e.Disputes
	if disputes == nil {
		disputes = []model.Dispute{}
	}
	for _, v := range []struct {
		dst *string
		val any
	}{{&s.disputes, disputes}, {&s.outlets, e.SourceLabels()}, {&s.figures, e.Figures()}} {
		b, err := json.Marshal(v.val)
		if err != nil {
			return s, err
		}
		*v.dst = string(b)
	}
	return s, nil
}

// hands are the actors whose names e's blame dispute shows: the sources
// of its mentions, when it has one.
func hands(e model.Event) []string {
	blamed := false
	for _, d := range e.Disputes {
		blamed = blamed || d.Kind == model.DisputeBlame
	}
	if !blamed {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range e.Mentions {
		if m.Source != nil && !seen[m.Source.ID] {
			seen[m.Source.ID] = true
			out = append(out, m.Source.ID)
		}
	}
	return out
}

// totals is the JSON object of the contract's event members computed
// from all the event's reports, for a page that shows some of them.
func (s eventSummary) totals() json.RawMessage {
	b := make([]byte, 0, 64+len(s.outlets)+len(s.figures))
	b = append(b, `{"sources":`...)
	b = strconv.AppendInt(b, int64(s.sources), 10)
	b = append(b, `,"articles":`...)
	b = strconv.AppendInt(b, int64(s.articles), 10)
	b = append(b, `,"mention_count":`...)
	b = strconv.AppendInt(b, int64(s.mentions), 10)
	b = append(append(b, `,"outlets":`...), s.outlets...)
	b = append(append(b, `,"figures":`...), s.figures...)
	return append(b, '}')
}

// apply sets e's date, place and disputes to the summary's.
func (s eventSummary) apply(e *model.Event) error {
	d, err := decodeDate(s.start, s.end, s.precision)
	if err != nil {
		return err
	}
	e.Date, e.Location, e.Disputes = d, s.location, nil
	if s.disputes != "[]" {
		if err := json.Unmarshal([]byte(s.disputes), &e.Disputes); err != nil {
			return fmt.Errorf("disputes: %w", err)
		}
	}
	return nil
}

const (
	staleSummariesSQL = `SELECT event_id FROM summary_stale LIMIT ?`
	markStaleSQL      = `INSERT OR IGNORE INTO summary_stale (event_id) SELECT value FROM json_each(?)`
	dropSummariesSQL  = `DELETE FROM event_summaries WHERE event_id IN (SELECT value FROM json_each(?))`
	dropHandsSQL      = `DELETE FROM summary_hands WHERE event_id IN (SELECT value FROM json_each(?))`
	dropStaleSQL      = `DELETE FROM summary_stale WHERE event_id IN (SELECT value FROM json_each(?))`
	insertSummarySQL  = `INSERT INTO event_summaries (event_id, mentions, sources, articles, date_start, date_end, precision, location, disputes, outlets, figures, head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertHandSQL     = `INSERT OR IGNORE INTO summary_hands (event_id, actor_id) VALUES (?, ?)`
	dropWordsSQL      = `DELETE FROM summary_words WHERE event_id IN (SELECT value FROM json_each(?))`
	insertWordsSQL    = `INSERT INTO summary_words (event_id, words) VALUES (?, ?)`
	hasWordsSQL       = `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'summary_words'`
	eventsOverHeadSQL = `SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?)) AND articles > ?`
	summaryEventsSQL  = `SELECT id, date_start, date_end, precision, location FROM events WHERE id IN (SELECT value FROM json_each(?))`
	readSummariesSQL  = `SELECT event_id, mentions, sources, articles, date_start, date_end, precision, location, disputes, outlets, figures, head FROM event_summaries s
		WHERE event_id IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM summary_stale st WHERE st.event_id = s.event_id)`
	summaryRefreshSize = 500
)

// RefreshSummaries recomputes the summary of every stored event: for a
// tool that writes events or mentions behind the store's back, as
// bench/seed copies them with SQL. Saving articles keeps them by itself.
func (d *DB) RefreshSummaries(ctx context.Context) error {
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: refresh summaries: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO summary_stale (event_id) SELECT id FROM events`); err != nil {
		return fmt.Errorf("store: refresh summaries: %w", err)
	}
	if err := refreshSummaries(ctx, tx, nil); err != nil {
		return fmt.Errorf("store: refresh summaries: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: refresh summaries: %w", err)
	}
	return nil
}

// keepSummaries keeps the summaries of the events marks lists, and of
// those the triggers marked, as the transaction leaves them: it
// recomputes them, or during a bulk load marks them stale only (readers
// ignore a stale summary), for the load's end to make every one once.
// The events of a large store that an article touches are mostly big
// ones, and a batch recomputed each from all its reports.
func (d *DB) keepSummaries(ctx context.Context, tx *sql.Tx, marks []string) error {
	if !d.bulk.Load() {
		return refreshSummaries(ctx, tx, marks)
	}
	if len(marks) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, markStaleSQL, jsonList(marks))
	if noSummaries(err) {
		return nil
	}
	return err
}

// refreshSummaries recomputes the summaries of the stale events, those
// the triggers marked and those given (the events of more than
// summaryHead articles the writer wrote), a few
// hundred at a time, from their reports as a page reads them; events
// that no longer exist just leave the list. Writers call it before they
// commit; migration 0013 calls it for every stored event.
func refreshSummaries(ctx context.Context, tx *sql.Tx, marks []string) error {
	if len(marks) > 0 {
		_, err := tx.ExecContext(ctx, markStaleSQL, jsonList(marks))
		if noSummaries(err) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	var insert, hand, words *sql.Stmt // prepared once there is something to write
	withWords := false                // summary_words exists (not yet in migration 0013's hook)
	defer func() {
		for _, s := range []*sql.Stmt{insert, hand, words} {
			if s != nil {
				s.Close()
			}
		}
	}()
	for {
		ids, err := staleSummaries(ctx, tx)
		if err != nil || len(ids) == 0 {
			return err
		}
		list := jsonList(ids)
		big, err := eventsOverHead(ctx, tx, list)
		if err != nil {
			return err
		}
		events, heads, err := readWhole(ctx, tx, jsonList(big))
		if err != nil {
			return err
		}
		if insert == nil {
			if insert, err = tx.PrepareContext(ctx, insertSummarySQL); err != nil {
				return err
			}
			if hand, err = tx.PrepareContext(ctx, insertHandSQL); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, hasWordsSQL).Scan(&n); err != nil {
				return err
			}
			if withWords = n > 0; withWords {
				if words, err = tx.PrepareContext(ctx, insertWordsSQL); err != nil {
					return err
				}
			}
		}
		drops := []string{dropSummariesSQL, dropHandsSQL}
		var sentences map[string][]string
		if withWords {
			drops = append(drops, dropWordsSQL)
			if sentences, err = sentencesOf(ctx, tx, big); err != nil {
				return err
			}
		}
		for _, q := range drops {
			if _, err := tx.ExecContext(ctx, q, list); err != nil {
				return err
			}
		}
		for _, e := range events {
			s, err := summarize(e, heads[e.ID])
			if err != nil {
				return fmt.Errorf("summary of event %s: %w", e.ID, err)
			}
			head, _ := json.Marshal(s.head)
			if head == nil || string(head) == "null" {
				head = []byte("[]")
			}
			if _, err := insert.ExecContext(ctx, e.ID, s.mentions, s.sources, s.articles,
				s.start, s.end, s.precision, s.location, s.disputes, s.outlets, s.figures, string(head)); err != nil {
				return err
			}
			for _, a := range hands(e) {
				if _, err := hand.ExecContext(ctx, e.ID, a); err != nil {
					return err
				}
			}
			if withWords {
				if _, err := words.ExecContext(ctx, e.ID, eventWords(sentences[e.ID])); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, dropStaleSQL, list); err != nil {
			return err
		}
	}
}

// eventsOverHead returns those of the events in list that more than
// summaryHead articles report.
func eventsOverHead(ctx context.Context, tx *sql.Tx, list string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, eventsOverHeadSQL, list, summaryHead)
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// noSummaries tells the error of a store before migration 0013, as tests
// of older migrations write it: it has no summaries to keep.
func noSummaries(err error) bool {
	return err != nil && strings.Contains(err.Error(), "no such table: summary_stale")
}

func staleSummaries(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, staleSummariesSQL, summaryRefreshSize)
	if noSummaries(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// readWhole reads the events in list (a JSON array of ids) with all their
// mentions but no text, resolved, as a page computes over them, and the
// ids of each one's first summaryHead mentions.
func readWhole(ctx context.Context, tx *sql.Tx, list string) ([]model.Event, map[string][]string, error) {
	events, err := summaryEvents(ctx, tx, list)
	if err != nil {
		return nil, nil, err
	}
	heads := map[string][]string{}
	mentions, err := readMentions(ctx, tx, list, textWindow{0, 0}, heads)
	if err != nil {
		return nil, nil, err
	}
	for i := range events {
		events[i].Mentions = mentions[events[i].ID]
		merge.Resolve(&events[i])
	}
	return events, heads, nil
}

// summaryEvents reads what a summary needs of the events in list
// besides their mentions: the date and place that stand when no report
// has its own (see merge.Resolve).
func summaryEvents(ctx context.Context, tx *sql.Tx, list string) ([]model.Event, error) {
	rows, err := tx.QueryContext(ctx, summaryEventsSQL, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var events []model.Event
	for rows.Next() {
		var e model.Event
		var start, end, precision string
		if err := rows.Scan(&e.ID, &start, &end, &precision, &e.Location); err != nil {
			return nil, err
		}
		if e.Date, err = decodeDate(start, end, precision); err != nil {
			return nil, fmt.Errorf("event %s: %w", e.ID, err)
		}
		events = append(events, e)
	}
	return events, rows.Err()
}

// readSummaries reads the stored summaries of the events in list, but
// for those marked stale (which a write path that left them so would
// leave wrong).
func readSummaries(ctx context.Context, tx *sql.Tx, list string) (map[string]eventSummary, error) {
	rows, err := tx.QueryContext(ctx, readSummariesSQL, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]eventSummary{}
	for rows.Next() {
		var id, head string
		var s eventSummary
		if err := rows.Scan(&id, &s.mentions, &s.sources, &s.articles, &s.start, &s.end, &s.precision,
			&s.location, &s.disputes, &s.outlets, &s.figures, &head); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(head), &s.head); err != nil {
			return nil, fmt.Errorf("summary of event %s: head: %w", id, err)
		}
		out[id] = s
	}
	return out, rows.Err()
}

// scanIDs reads and closes rows of one text column.
func scanIDs(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
