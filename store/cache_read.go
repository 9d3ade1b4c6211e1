package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// How the merge cache reads reports from SQLite and hands them out.

// cachedReport is a report of the cache as the full merge path reads it.
type cachedReport struct {
	c    *mergeCache
	slot int32
}

func (r cachedReport) id() string { return r.c.idOf(r.slot) }

// stored is the report as the neighbourhood holds it.
func (r cachedReport) stored() storedReport { return r.c.stored(r.slot, r.id()) }

// load returns the reports with the ids given, reading those not cached.
func (c *mergeCache) load(ctx context.Context, w *eventWriter, ids []string) ([]cachedReport, error) {
	slots := make([]int32, len(ids))
	for i, id := range ids {
		slots[i], _ = c.slotOf([]byte(id))
	}
	if err := c.loadSlots(ctx, w, slots); err != nil {
		return nil, err
	}
	out := make([]cachedReport, 0, len(ids))
	for _, i := range slots {
		if c.slots.at(i).loaded {
			out = append(out, cachedReport{c, i})
		}
	}
	return out, nil
}

// loadSlots reads the reports of the slots not loaded yet.
func (c *mergeCache) loadSlots(ctx context.Context, w *eventWriter, slots []int32) error {
	var unread []string
	for _, i := range slots {
		if !c.slots.at(i).loaded {
			unread = append(unread, c.idOf(i))
		}
	}
	if len(unread) == 0 {
		return nil
	}
	c.dirty = true
	if err := w.settle(); err != nil {
		return err
	}
	_, err := c.scan(ctx, w.reportsByID, jsonList(unread))
	return err
}

// scan runs a report query (reportSelect) and returns the slots of its
// reports, decoding those not loaded yet. It reads the columns as raw
// bytes and interns them.
func (c *mergeCache) scan(ctx context.Context, stmt *sql.Stmt, args ...any) ([]int32, error) {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int32
	var (
		id, eventID, articleID, sentence sql.RawBytes
		start                            int
		code, ds, de, precision, place   sql.RawBytes
		sID, sCountry, sRole, sCode      sql.RawBytes
		tID, tCountry, tRole, tCode      sql.RawBytes
		path, published                  sql.RawBytes
	)
	for rows.Next() {
		if err := rows.Scan(&id, &eventID, &articleID, &sentence, &start,
			&code, &ds, &de, &precision, &place,
			&sID, &sCountry, &sRole, &sCode,
			&tID, &tCountry, &tRole, &tCode,
			&path, &published); err != nil {
			return nil, err
		}
		i, _ := c.slotOf(id)
		out = append(out, i)
		if c.slots.at(i).loaded {
			continue
		}
		date, err := decodeDate(string(ds), string(de), string(precision))
		if err != nil {
			return nil, fmt.Errorf("mention of %s: %w", eventID, err)
		}
		r := c.slots.at(i)
		r.event, r.start = c.strs.id(eventID), int32(start)
		r.code, r.place, r.prec = c.strs.id(code), c.strs.id(place), c.strs.id(precision)
		r.kind = precKind(string(precision))
		r.src, r.tgt = c.rowActor(sID, sCountry, sRole, sCode), -1
		if tID != nil { // NULL: no target
			r.tgt = c.rowActor(tID, tCountry, tRole, tCode)
		}
		r.article = c.strs.id(articleID)
		if _, ok := c.arts[r.article]; !ok {
			c.arts[r.article] = artInfo{c.strs.id(path), c.strs.idString(publishedDay(string(published)))}
		}
		r.sentence = 0
		if merge.ContestsBlame(string(sentence)) {
			r.sentence = c.strs.id(sentence)
		}
		r.first, r.last = 0, 0
		if !date.IsZero() {
			r.first, r.last = int32(dayNumber(date.First())), int32(dayNumber(date.Last()))
		}
		r.loaded = true
		c.loaded++
	}
	return out, rows.Err()
}

// stored is the report of slot i, whose id is id, as the neighbourhood
// holds it.
func (c *mergeCache) stored(i int32, id string) storedReport {
	r := c.slots.at(i)
	a := c.arts[r.article]
	m := model.Mention{ArticleID: c.strs.get(r.article), Sentence: c.strs.get(r.sentence), Start: int(r.start),
		Path: c.strs.get(a.path), Published: c.strs.get(a.published)}
	e := model.Event{Source: c.actorV[r.src], Code: c.strs.get(r.code), Location: c.strs.get(r.place), Mentions: []model.Mention{m}}
	if r.prec != 0 { // as decodeDate makes it
		e.Date = model.Date{Start: dayTime(int(r.first)), Precision: model.Precision(c.strs.get(r.prec))}
		if e.Date.Precision == model.PrecisionRange {
			e.Date.End = dayTime(int(r.last))
		}
	}
	if r.tgt >= 0 {
		t := c.actorV[r.tgt]
		e.Target = &t
	}
	return storedReport{id: id, e: e, eventID: c.strs.get(r.event)}
}

// rowActor is the number of the actor whose row reads as given.
func (c *mergeCache) rowActor(id, country, role, code []byte) int32 {
	if x, ok := c.actors[string(id)]; ok {
		return x
	}
	a := model.Actor{ID: string(id), Country: string(country), Role: model.Role(role), Code: string(code)}
	c.seenRow(a)
	return c.actor(a)
}

// seenRow notes an actor's row as read or written; a row that changed
// makes the stored events possibly other than what clustering their
// reports now makes, which the fast path assumes.
func (c *mergeCache) seenRow(a model.Actor) {
	row := model.Actor{ID: a.ID, Country: a.Country, Role: a.Role, Code: a.Code}
	if c.rows == nil {
		c.rows = map[string]model.Actor{}
	}
	if old, ok := c.rows[a.ID]; ok && old != row {
		c.unstable = true
	}
	c.rows[a.ID] = row
}

// actor is the number of the actor as its row reads, taken from a when
// the cache has none.
func (c *mergeCache) actor(a model.Actor) int32 {
	if x, ok := c.actors[a.ID]; ok {
		return x
	}
	x := int32(len(c.actorV))
	c.actorV = append(c.actorV, model.Actor{ID: a.ID, Country: a.Country, Role: a.Role, Code: a.Code})
	c.actors[a.ID] = x
	return x
}

// upsertedActor records that the actors row of a now reads as a. Every
// actor of a report written is upserted first, so the cache holds each
// as its row reads, whatever the report's own copy says.
func (c *mergeCache) upsertedActor(a model.Actor) {
	c.dirty = true
	c.seenRow(a)
	x := c.actor(a)
	c.actorV[x] = model.Actor{ID: a.ID, Country: a.Country, Role: a.Role, Code: a.Code}
}
