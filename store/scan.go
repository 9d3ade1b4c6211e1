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

// scanEvents reads rows of eventsSelect, ordered by event, into events with
// their mentions; keep, when set, decides which finished events are kept.
// Events and EventsAfter both read through it, so their columns cannot drift
// apart.
func scanEvents(rows *sql.Rows, keep func(model.Event) bool) ([]model.Event, error) {
	events := []model.Event{}
	var cur *model.Event
	flush := func() {
		if cur != nil {
			merge.Resolve(cur)
		}
		if cur != nil && (keep == nil || keep(*cur)) {
			events = append(events, *cur)
		}
		cur = nil
	}
	for rows.Next() {
		var (
			id, code, start, end, precision, location string
			src                                       model.Actor
			tID, tName, tCountry, tRole, tCode        sql.NullString
			mArticle, mSentence, mTrigger, mTime      sql.NullString
			mStart, mEnd                              sql.NullInt64
			aPath, aURL, aOutlet, aPublished          sql.NullString
			own                                       ownCoding
			status, note                              string
		)
		if err := rows.Scan(&id, &code, &start, &end, &precision, &location,
			&src.ID, &src.Name, &src.Country, &src.Role, &src.Code,
			&tID, &tName, &tCountry, &tRole, &tCode,
			&mArticle, &mSentence, &mStart, &mEnd, &mTrigger, &mTime,
			&aPath, &aURL, &aOutlet, &aPublished, own.fields()[0], own.fields()[1], own.fields()[2],
			own.fields()[3], own.fields()[4], own.fields()[5], own.fields()[6],
			&own.src[0], &own.src[1], &own.src[2], &own.src[3], &own.src[4],
			&own.tgt[0], &own.tgt[1], &own.tgt[2], &own.tgt[3], &own.tgt[4],
			&status, &note); err != nil {
			return nil, err
		}
		if cur == nil || cur.ID != id {
			flush()
			date, err := decodeDate(start, end, precision)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", id, err)
			}
			cur = &model.Event{ID: id, Code: code, Date: date, Source: src, Location: location,
				Status: model.Status(status), Note: note}
			if tID.Valid {
				cur.Target = &model.Actor{ID: tID.String, Name: tName.String, Country: tCountry.String,
					Role: model.Role(tRole.String), Code: tCode.String}
			}
		}
		if mArticle.Valid {
			m := model.Mention{
				ArticleID: mArticle.String, Path: aPath.String, URL: aURL.String, Outlet: aOutlet.String,
				Published: publishedDay(aPublished.String),
				Sentence:  mSentence.String, Start: int(mStart.Int64), End: int(mEnd.Int64),
				Trigger: mTrigger.String, TimeText: mTime.String,
			}
			if err := own.fill(&m); err != nil {
				return nil, fmt.Errorf("event %s: %w", id, err)
			}
			cur.Mentions = append(cur.Mentions, m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	flush()
	return events, nil
}

// The queries of readEvents, named for the plan tests. A mention's
// article is read through articles_cover (migration 0010), which holds
// the columns read here: the table's row keeps origin after the body, so
// reading it there went through the whole article text, once per
// mention.
const (
	readEventsSQL = `SELECT e.id, e.code, e.date_start, e.date_end, e.precision, e.location,
		s.id, s.name, s.country, s.role, s.code, t.id, t.name, t.country, t.role, t.code,
		COALESCE(r.status, ''), COALESCE(r.note, '')
		FROM events e JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id
		LEFT JOIN reviews r ON r.event_id = e.id
		WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY ` + pageKey
	// readMentionsSQL reads what orders the mentions and what an event
	// computes from all of them (sources, figures, disputes), but not
	// their text, which mentionTextSQL reads for the mentions shown: it
	// reads the index mentions_cover (migration 0011) alone.
	readMentionsSQL = `SELECT m.event_id, m.id, m.rowid, m.article_id, m."start",
		COALESCE(a.path, ''), COALESCE(a.outlet, ''), a.published, a.origin,
		m.code, m.date_start, m.date_end, m.precision, m.location, m.figures, m.source_id, m.target_id
		FROM mentions m LEFT JOIN articles a INDEXED BY articles_cover ON a.id = m.article_id
		WHERE m.event_id IN (SELECT value FROM json_each(?))`
	mentionTextSQL = `SELECT m.rowid, m.sentence, m."end", m."trigger", m.time_text, COALESCE(a.url, '')
		FROM mentions m LEFT JOIN articles a INDEXED BY articles_cover ON a.id = m.article_id
		WHERE m.rowid IN (SELECT value FROM json_each(?))`
	actorsByIDSQL = `SELECT id, name, country, role, code FROM actors
		WHERE id IN (SELECT value FROM json_each(?))`
)

// textWindow says which of an event's mentions, in their order, are read
// with their text (sentence, end offset, trigger, time text, url): those
// from lo up to hi, every one from lo when hi < 0. The others carry the
// rest (article, outlet, origin, own coding, figures), which is all that
// an event's counts, figures and disputes are computed from.
type textWindow struct{ lo, hi int }

// allTexts reads every mention whole.
var allTexts = textWindow{0, -1}

func (w textWindow) has(i int) bool { return i >= w.lo && (w.hi < 0 || i < w.hi) }

// readEvents reads the given events with their mentions, as Events would
// (order and content; page_test.go compares them), in three queries
// rather than one: the events, their mentions with their articles, and
// the mentions' actors once each. The one query of Events repeats an
// event's columns and joins two actors on every mention row, which for
// a page of much-reported events is most of the page's time. Only the
// mentions in texts get their text (a fourth query).
func readEvents(ctx context.Context, tx *sql.Tx, ids []string, texts textWindow) ([]model.Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := jsonList(ids)
	events, err := readEventRows(ctx, tx, list)
	if err != nil {
		return nil, err
	}
	mentions, err := readMentions(ctx, tx, list, texts, nil)
	if err != nil {
		return nil, err
	}
	for i := range events {
		events[i].Mentions = mentions[events[i].ID]
		merge.Resolve(&events[i])
	}
	return events, nil
}

// readEventRows reads the rows of the events in list (a JSON array of
// ids), in page order, with their actors and review but no mentions.
func readEventRows(ctx context.Context, tx *sql.Tx, list string) ([]model.Event, error) {
	rows, err := tx.QueryContext(ctx, readEventsSQL, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	events := []model.Event{}
	for rows.Next() {
		var (
			e                                  model.Event
			start, end, precision, status      string
			tID, tName, tCountry, tRole, tCode sql.NullString
		)
		if err := rows.Scan(&e.ID, &e.Code, &start, &end, &precision, &e.Location,
			&e.Source.ID, &e.Source.Name, &e.Source.Country, &e.Source.Role, &e.Source.Code,
			&tID, &tName, &tCountry, &tRole, &tCode, &status, &e.Note); err != nil {
			return nil, err
		}
		if e.Date, err = decodeDate(start, end, precision); err != nil {
			return nil, fmt.Errorf("event %s: %w", e.ID, err)
		}
		e.Status = model.Status(status)
		if tID.Valid {
			e.Target = &model.Actor{ID: tID.String, Name: tName.String, Country: tCountry.String,
				Role: model.Role(tRole.String), Code: tCode.String}
		}
		events = append(events, e)
	}
	return events, rows.Err()
}

// readMentions reads the mentions of the events in list (a JSON array of
// ids), each event's in the order of Events, with their own coding, and
// the text of those in texts. The order is made here rather than by
// SQLite, whose sort would copy every row. heads, when given, gets the
// ids of each event's first summaryHead mentions.
func readMentions(ctx context.Context, tx *sql.Tx, list string, texts textWindow, heads map[string][]string) (map[string][]model.Mention, error) {
	rows, err := tx.QueryContext(ctx, readMentionsSQL, list)
	if err != nil {
		return nil, err
	}
	// A mention with what orders it among its event's.
	type ref struct {
		mentionRow
		id    string
		rowid int64
	}
	byEvent := map[string][]*ref{}
	actorIDs := map[string]bool{}
	for rows.Next() {
		var event string
		r := &ref{}
		if err := rows.Scan(&event, &r.id, &r.rowid, &r.m.ArticleID, &r.m.Start,
			&r.m.Path, &r.m.Outlet, &r.published, &r.own.origin, &r.own.code, &r.own.start, &r.own.end,
			&r.own.precision, &r.own.location, &r.own.figures, &r.src, &r.tgt); err != nil {
			rows.Close()
			return nil, err
		}
		r.read(actorIDs)
		byEvent[event] = append(byEvent[event], r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	actors, err := actorsByID(ctx, tx, actorIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]model.Mention, len(byEvent))
	shown := map[int64]*model.Mention{} // mention rowid to the mention whose text is read
	for event, refs := range byEvent {
		// eventsOrder: a.published (NULL first), a.path, m.article_id, m.start, m.id.
		sort.Slice(refs, func(i, j int) bool {
			a, b := refs[i], refs[j]
			switch {
			case a.published.Valid != b.published.Valid:
				return !a.published.Valid
			case a.published.String != b.published.String:
				return a.published.String < b.published.String
			case a.m.Path != b.m.Path:
				return a.m.Path < b.m.Path
			case a.m.ArticleID != b.m.ArticleID:
				return a.m.ArticleID < b.m.ArticleID
			case a.m.Start != b.m.Start:
				return a.m.Start < b.m.Start
			}
			return a.id < b.id
		})
		ms := make([]model.Mention, len(refs))
		for i, r := range refs {
			m, err := r.mention(actors)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", event, err)
			}
			ms[i] = m
			if texts.has(i) {
				shown[r.rowid] = &ms[i]
			}
		}
		out[event] = ms
		if heads != nil {
			head := make([]string, 0, min(len(refs), summaryHead))
			for _, r := range refs[:min(len(refs), summaryHead)] {
				head = append(head, r.id)
			}
			heads[event] = head
		}
	}
	if err := readMentionTexts(ctx, tx, shown); err != nil {
		return nil, err
	}
	return out, nil
}

// readMentionTexts fills in the text of the given mentions, by rowid
// (the table's own key: the id would be looked up in its index first).
func readMentionTexts(ctx context.Context, tx *sql.Tx, shown map[int64]*model.Mention) error {
	if len(shown) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(shown))
	for id := range shown {
		ids = append(ids, id)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, mentionTextSQL, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t model.Mention
		if err := rows.Scan(&id, &t.Sentence, &t.End, &t.Trigger, &t.TimeText, &t.URL); err != nil {
			return err
		}
		if m := shown[id]; m != nil {
			m.Sentence, m.End, m.Trigger, m.TimeText, m.URL = t.Sentence, t.End, t.Trigger, t.TimeText, t.URL
		}
	}
	return rows.Err()
}

// actorsByID reads the given actors' columns in the form ownCoding takes.
// mentionRow is a mention as a query reads it, with what fill needs once
// its actors are read (actorsByID).
type mentionRow struct {
	m         model.Mention
	published sql.NullString
	own       ownCoding
	src, tgt  sql.NullString
}

// read completes the row once scanned, and adds the ids of its actors to
// those to read.
func (r *mentionRow) read(actorIDs map[string]bool) {
	r.m.Published = publishedDay(r.published.String)
	for _, a := range []sql.NullString{r.src, r.tgt} {
		if a.Valid {
			actorIDs[a.String] = true
		}
	}
}

// mention is the row's mention with its own coding and its actors.
func (r *mentionRow) mention(actors map[string][5]sql.NullString) (model.Mention, error) {
	if r.src.Valid {
		r.own.src = actors[r.src.String]
	}
	if r.tgt.Valid {
		r.own.tgt = actors[r.tgt.String]
	}
	err := r.own.fill(&r.m)
	return r.m, err
}

func actorsByID(ctx context.Context, tx *sql.Tx, ids map[string]bool) (map[string][5]sql.NullString, error) {
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	rows, err := tx.QueryContext(ctx, actorsByIDSQL, jsonList(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][5]sql.NullString{}
	for rows.Next() {
		var a [5]sql.NullString
		if err := rows.Scan(&a[0], &a[1], &a[2], &a[3], &a[4]); err != nil {
			return nil, err
		}
		out[a[0].String] = a
	}
	return out, rows.Err()
}
