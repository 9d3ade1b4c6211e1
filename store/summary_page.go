package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// pageEvent is an event as a page reads it: with the mentions it shows,
// the number of its sources (for the minimum-sources filter), and, when
// it shows fewer mentions than it has, totals: the contract's members
// computed from all of them (see eventSummary.totals).
type pageEvent struct {
	model.Event
	sources int
	totals  json.RawMessage
}

// readHeadSQL reads mentions whole by id: the first mentions of events
// whose summary names them.
const readHeadSQL = `SELECT m.id, m.article_id, m."start", COALESCE(a.path, ''), COALESCE(a.outlet, ''), a.published, a.origin,
	m.code, m.date_start, m.date_end, m.precision, m.location, m.figures, m.source_id, m.target_id,
	m.sentence, m."end", m."trigger", m.time_text, COALESCE(a.url, '')
	FROM mentions m LEFT JOIN articles a INDEXED BY articles_cover ON a.id = m.article_id
	WHERE m.id IN (SELECT value FROM json_each(?))`

// readPage reads the given events for a page that shows the text of each
// one's first texts mentions (every mention whole when texts < 0). An
// event with a summary that names those mentions is read as its summary
// and those mentions alone; any other is read with all its reports, as
// before summaries, and cut to texts mentions.
func readPage(ctx context.Context, tx *sql.Tx, ids []string, texts int) ([]pageEvent, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if texts < 0 {
		events, err := readEvents(ctx, tx, ids, allTexts)
		if err != nil {
			return nil, err
		}
		out := make([]pageEvent, len(events))
		for i, e := range events {
			out[i] = pageEvent{Event: e, sources: e.Sources()}
		}
		return out, nil
	}
	list := jsonList(ids)
	events, err := readEventRows(ctx, tx, list)
	if err != nil {
		return nil, err
	}
	sums, err := readSummaries(ctx, tx, list)
	if err != nil {
		return nil, err
	}
	out := make([]pageEvent, len(events))
	heads := make([][]string, len(events))
	var shown, whole []string // mentions to read by id; events to read whole
	for i, e := range events {
		out[i].Event = e
		s, ok := sums[e.ID]
		if !ok || min(texts, s.mentions) > len(s.head) {
			whole = append(whole, e.ID)
			continue
		}
		if err := s.apply(&out[i].Event); err != nil {
			return nil, fmt.Errorf("summary of event %s: %w", e.ID, err)
		}
		out[i].sources = s.sources
		if s.mentions > texts {
			out[i].totals = s.totals()
		}
		heads[i] = s.head[:min(texts, s.mentions)]
		shown = append(shown, heads[i]...)
	}
	byID, err := readMentionsByID(ctx, tx, shown)
	if err != nil {
		return nil, err
	}
	var byEvent map[string][]model.Mention
	if len(whole) > 0 {
		if byEvent, err = readMentions(ctx, tx, jsonList(whole), textWindow{0, texts}, nil); err != nil {
			return nil, err
		}
	}
	for i := range out {
		e := &out[i]
		if heads[i] != nil {
			e.Mentions = make([]model.Mention, 0, len(heads[i]))
			for _, id := range heads[i] {
				m, ok := byID[id]
				if !ok {
					return nil, fmt.Errorf("summary of event %s names mention %s, which is not stored", e.ID, id)
				}
				e.Mentions = append(e.Mentions, m)
			}
			continue
		}
		e.Mentions = byEvent[e.ID]
		merge.Resolve(&e.Event)
		e.sources = e.Sources()
		if len(e.Mentions) > texts {
			s, err := summarize(e.Event, nil)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", e.ID, err)
			}
			e.totals = s.totals()
			e.Mentions = e.Mentions[:texts:texts]
		}
	}
	return out, nil
}

// readMentionsByID reads the given mentions whole, by id.
func readMentionsByID(ctx context.Context, tx *sql.Tx, ids []string) (map[string]model.Mention, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := tx.QueryContext(ctx, readHeadSQL, jsonList(ids))
	if err != nil {
		return nil, err
	}
	refs := map[string]*mentionRow{}
	actorIDs := map[string]bool{}
	for rows.Next() {
		var id string
		r := &mentionRow{}
		if err := rows.Scan(&id, &r.m.ArticleID, &r.m.Start, &r.m.Path, &r.m.Outlet, &r.published, &r.own.origin,
			&r.own.code, &r.own.start, &r.own.end, &r.own.precision, &r.own.location, &r.own.figures, &r.src, &r.tgt,
			&r.m.Sentence, &r.m.End, &r.m.Trigger, &r.m.TimeText, &r.m.URL); err != nil {
			rows.Close()
			return nil, err
		}
		r.read(actorIDs)
		refs[id] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	actors, err := actorsByID(ctx, tx, actorIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[string]model.Mention, len(refs))
	for id, r := range refs {
		m, err := r.mention(actors)
		if err != nil {
			return nil, fmt.Errorf("mention %s: %w", id, err)
		}
		out[id] = m
	}
	return out, nil
}
