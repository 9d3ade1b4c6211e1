package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

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
	order := eventsOrder
	if len(where) > 0 {
		q += "\nWHERE " + strings.Join(where, " AND ")
		// A filtered read is served by its conditions' indexes and a sort
		// of what they find; the unary + keeps SQLite from walking all of
		// events_order instead, for its order, when a range condition
		// looks unselective.
		order = strings.Replace(order, "ORDER BY e.date_start", "ORDER BY +e.date_start", 1)
	}
	return q + "\n" + order, args, false, nil
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

// probeRows is where a condition counts as selecting many events. A page
// is then found by walking events_order from the cursor, testing every
// condition on each event, which reads about limit × (events / matches)
// index entries; a condition that selects fewer events gives the page
// faster as the set of those events, sorted. Both cost about the same
// near sqrt(limit × events), a few thousand for pages of 100 on a store
// of a million events. Tests change it to take each path on small stores.
var probeRows = 5000

// pagePlan is how EventsAfter finds the events of a filter: the SQL
// conditions every event of a page must pass (exact for dates, roots,
// quads, actors, between and outlets; a superset for minimum sources),
// the text words checked in Go before events are read whole, and, when
// one condition selects fewer than probeRows events, that set as the
// page's source.
type pagePlan struct {
	none  bool // no event can pass
	where []string
	args  []any
	from  string // the day From starts, "" without From
	to    string // the last day To ends, "" without To
	drive *pageSource
	words []string          // the text query's words, lower-cased, when SQL cannot test them all
	names map[string]string // actor id to lower-cased name, for words

	// The text query's words, lower-cased, and the SQL that tells, for a
	// row found, that it holds each word SQL tests for sure (see
	// textPass).
	allWords []string
	sure     []string
	sureArgs []any
	cands    []candidate // the sets of the conditions
	texts    []textCond  // where each searchable text word's conditions are
	switched bool        // the walk gave way to a set (pageFill.walk)
	actors   []model.Actor
	// ordered: events_order is there, as it is but during a first load
	// (bulk.go), which puts it off.
	ordered bool
}

// orderIndex is the clause that makes a walk read events_order, or
// nothing during a first load, when SQLite sorts what it finds instead.
func (p *pagePlan) orderIndex() string {
	if p.ordered {
		return ` INDEXED BY events_order`
	}
	return ""
}

// allActors is the function allActors, read once for the plan: the
// actor and the text filters both need the actors (about 2 ms for
// 1,964).
func (p *pagePlan) allActors(ctx context.Context, tx *sql.Tx) ([]model.Actor, error) {
	if p.actors == nil {
		var err error
		if p.actors, err = allActors(ctx, tx); err != nil {
			return nil, err
		}
	}
	return p.actors, nil
}

// textCond is where a searchable text word's condition and its sure
// counterpart lie in a pagePlan's lists, with how many arguments each
// takes, and the part of the condition a walk tests in the index (see
// pageSource.query).
type textCond struct {
	where, args, nArgs        int
	sure, sureArgs, nSureArgs int
	match                     string // the full-text query of its reports
	index                     string // the test of the event's names and filter alone
	indexArgs                 []any
}

// candidate is one condition's set of events (SQL selecting their
// rowids) and the queries that count it; the sum of the counts is at
// least the size of the set.
type candidate struct {
	src    pageSource
	counts []string
	cargs  [][]any

	// text: counted only when the walk asks (see pageFill.walk), since
	// counting a common word's reports costs more than walking to a page
	// of it: the full-text index reads every report of every indexed
	// suffix the word begins ("the" begins thousands).
	text bool
	// pair: the set of events between actors, found in events_pair,
	// which also holds the columns of the dates and the trigram filters
	// (migration 0019): the set's SQL tests those in the index (see
	// narrowPair).
	pair bool
	// pairs and pairArgs are the SQL of each ordered pair's events.
	pairs    []string
	pairArgs [][]any
	// n is the size of the set counted up to upTo, exact when below it.
	n, upTo int
}

func newPagePlan(ctx context.Context, tx *sql.Tx, f model.EventFilter, between bool) (*pagePlan, error) {
	p := &pagePlan{}
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'events_order')`).Scan(&p.ordered); err != nil {
		return p, err
	}
	var cands []candidate
	add := func(cond string, args ...any) {
		p.where = append(p.where, cond)
		p.args = append(p.args, args...)
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		lo, hi := "", "9999-12-31"
		if !f.From.IsZero() {
			lo = f.From.First().Format(dayLayout)
			p.from = lo
			add("e.date_end >= ?", lo)
		}
		if !f.To.IsZero() {
			hi = f.To.Last().Format(dayLayout)
			p.to = hi // tested by pageSource.query
		}
		c := candidate{src: pageSource{from: `SELECT rowid FROM events WHERE date_start >= ? AND date_start <= ?`, args: []any{lo, hi}}}
		c.counts = append(c.counts, c.src.from)
		c.cargs = append(c.cargs, c.src.args)
		if lo != "" {
			s := straddlers(lo)
			c.src.from += " UNION ALL " + s.from
			c.src.args = append(c.src.args, s.args...)
			c.counts = append(c.counts, s.from)
			c.cargs = append(c.cargs, s.args)
		}
		cands = append(cands, c)
	}
	if roots := pageRoots(f); roots != nil {
		list := jsonList(roots)
		add("e.root IN (SELECT value FROM json_each(?))", list)
		cands = append(cands, simpleCandidate(`SELECT rowid FROM events WHERE root IN (SELECT value FROM json_each(?))`, list))
	}
	if len(f.Actors) > 0 {
		c, none, err := p.actorConditions(ctx, tx, f.Actors, between)
		if err != nil || none {
			p.none = none
			return p, err
		}
		cands = append(cands, c)
	}
	if len(f.Outlets) > 0 {
		outlets, err := matchingOutlets(ctx, tx, f.Outlets)
		if err != nil || len(outlets) == 0 {
			p.none = len(outlets) == 0
			return p, err
		}
		list := jsonList(outlets)
		add(`EXISTS (SELECT 1 FROM mentions mo JOIN articles ao ON ao.id = mo.article_id
			WHERE mo.event_id = e.id AND ao.outlet IN (SELECT value FROM json_each(?)))`, list)
		// The set: the reports of the outlets' articles, then their events.
		const reports = ` FROM articles ao JOIN mentions mo ON mo.article_id = ao.id
			WHERE ao.outlet IN (SELECT value FROM json_each(?))`
		cands = append(cands, candidate{
			src: pageSource{from: `SELECT ev.rowid FROM articles ao JOIN mentions mo ON mo.article_id = ao.id
				JOIN events ev ON ev.id = mo.event_id WHERE ao.outlet IN (SELECT value FROM json_each(?))`, args: []any{list}},
			counts: []string{`SELECT 1` + reports}, cargs: [][]any{{list}},
		})
	}
	if f.MinSources > 1 {
		// An event has no more sources than articles (migration 0006).
		add("e.articles >= ?", f.MinSources)
		cands = append(cands, simpleCandidate(`SELECT rowid FROM events WHERE articles >= ?`, f.MinSources))
	}
	if f.Text != "" {
		c, err := p.textCandidates(ctx, tx, f.Text)
		if err != nil {
			return p, err
		}
		cands = append(cands, c...)
	}
	p.cands = cands
	for i := range p.cands {
		if p.cands[i].pair {
			p.narrowPair(&p.cands[i], f)
		}
	}
	best := probeRows
	for i := range p.cands {
		if p.cands[i].text {
			continue
		}
		count := p.count
		if p.cands[i].pair {
			count = p.fetchPair
		}
		n, err := count(ctx, tx, i, best)
		if err != nil {
			return p, err
		}
		if n < best {
			best, p.drive = n, &p.cands[i].src
		}
	}
	return p, nil
}

// count returns the size of candidate i, or upTo when it has at least
// that many events.
func (p *pagePlan) count(ctx context.Context, tx *sql.Tx, i, upTo int) (int, error) {
	c := &p.cands[i]
	if c.upTo >= upTo || c.n < c.upTo {
		return min(c.n, upTo), nil
	}
	n := 0
	for j, q := range c.counts {
		k, err := countUpTo(ctx, tx, q, c.cargs[j], upTo-n)
		if err != nil {
			return 0, err
		}
		n += k
	}
	c.n, c.upTo = n, upTo
	return n, nil
}

// cheapest returns the smallest candidate set with fewer than upTo
// events, nil when there is none. A text word's set is counted to eight
// times probeRows at least (and returned when smaller), which costs
// about as much as to probeRows: the full-text index reads the word's
// reports either way.
func (p *pagePlan) cheapest(ctx context.Context, tx *sql.Tx, upTo int) (*candidate, error) {
	var best *candidate
	for i := range p.cands {
		limit := upTo
		if p.cands[i].text {
			limit = max(upTo, 8*probeRows)
		}
		if best != nil {
			limit = min(limit, best.n)
		}
		n, err := p.count(ctx, tx, i, limit)
		if err != nil {
			return nil, err
		}
		if n < limit {
			best = &p.cands[i]
		}
	}
	return best, nil
}

// sources are the sources a page reads in turn after key: the driving set,
// or the events_order walk, which a From filter starts at its first day
// after the events that begin before it and reach into it.
func (p *pagePlan) sources(key []any) []pageSource {
	switch {
	case p.drive != nil:
		return []pageSource{*p.drive}
	case p.from == "":
		return []pageSource{{}}
	case key != nil && key[0].(string) >= p.from:
		return []pageSource{{start: p.from}}
	}
	return []pageSource{straddlers(p.from), {start: p.from}}
}

// straddlers selects the events that start before the day from and end on
// or after it. A month or a year starts at most 366 days before its last
// day (events_spans); ranges are read through events_ranges.
func straddlers(from string) pageSource {
	t, _ := time.Parse(dayLayout, from)
	early := t.AddDate(0, 0, -366).Format(dayLayout)
	return pageSource{
		from: `SELECT rowid FROM events WHERE precision IN ('month', 'year') AND date_start >= ? AND date_start < ? AND date_end >= ?
			UNION ALL SELECT rowid FROM events WHERE precision = 'range' AND date_end >= ? AND date_start < ?`,
		args: []any{early, from, from, from, from},
	}
}

// findCost is what finding one event of c costs (see pageFill.walk).
func (c *candidate) findCost() int {
	if c.text {
		return textCandidateCost
	}
	return indexCandidateCost
}

func simpleCandidate(q string, args ...any) candidate {
	return candidate{src: pageSource{from: q, args: args}, counts: []string{q}, cargs: [][]any{args}}
}

// countUpTo counts the rows of q, reading no more than limit of them.
func countUpTo(ctx context.Context, tx *sql.Tx, q string, args []any, limit int) (int, error) {
	if limit <= 0 {
		return 0, nil
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+q+` LIMIT ?)`, append(append([]any(nil), args...), limit)...).Scan(&n)
	return n, err
}

// pageRoots is the roots the filter allows, nil when it allows all: the
// roots given, within the roots of the quads given.
func pageRoots(f model.EventFilter) []string {
	if len(f.Roots) == 0 && len(f.Quads) == 0 {
		return nil
	}
	if len(f.Quads) == 0 {
		return f.Roots
	}
	quad := rootsOfQuads(f.Quads)
	if len(f.Roots) == 0 {
		return quad
	}
	out := []string{}
	for _, r := range f.Roots {
		if containsRoot(quad, r) {
			out = append(out, r)
		}
	}
	return out
}

func containsRoot(list []string, r string) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// actorConditions adds the actor filter: either side answers to one of
// wants, or, between, the source to one and the target to another (the
// same one when there is one). It returns the events of those actors as a
// candidate; none when no stored actor answers.
func (p *pagePlan) actorConditions(ctx context.Context, tx *sql.Tx, wants []string, between bool) (candidate, bool, error) {
	actors, err := p.allActors(ctx, tx)
	if err != nil {
		return candidate{}, false, err
	}
	per := make([][]string, len(wants)) // the ids answering to each want
	var all []string
	for _, a := range actors {
		any := false
		for i, w := range wants {
			if model.ActorMatches(a, w) {
				per[i] = append(per[i], a.ID)
				any = true
			}
		}
		if any {
			all = append(all, a.ID)
		}
	}
	if len(all) == 0 {
		return candidate{}, true, nil
	}
	list := jsonList(all)
	if !between {
		p.where = append(p.where, "(e.source_id IN (SELECT value FROM json_each(?)) OR e.target_id IN (SELECT value FROM json_each(?)))")
		p.args = append(p.args, list, list)
		src := `SELECT rowid FROM events WHERE source_id IN (SELECT value FROM json_each(?))`
		tgt := `SELECT rowid FROM events WHERE target_id IN (SELECT value FROM json_each(?))`
		return candidate{src: pageSource{from: src + " UNION " + tgt, args: []any{list, list}},
			counts: []string{src, tgt}, cargs: [][]any{{list}, {list}}}, false, nil
	}
	const pairSQL = `SELECT e.rowid FROM events e WHERE e.source_id IN (SELECT value FROM json_each(?))
		AND e.target_id IN (SELECT value FROM json_each(?))`
	var pairs []string
	var pairArgs [][]any
	for i := range wants {
		for j := range wants {
			if (i != j || len(wants) == 1) && len(per[i]) > 0 && len(per[j]) > 0 {
				pairs = append(pairs, "(e.source_id IN (SELECT value FROM json_each(?)) AND e.target_id IN (SELECT value FROM json_each(?)))")
				args := []any{jsonList(per[i]), jsonList(per[j])}
				p.args = append(p.args, args...)
				pairArgs = append(pairArgs, args)
			}
		}
	}
	if len(pairs) == 0 {
		return candidate{}, true, nil
	}
	p.where = append(p.where, "("+strings.Join(pairs, " OR ")+")")
	// The set is the events of all the actors on either side; narrowPair
	// makes it each ordered pair's.
	c := simpleCandidate(pairSQL, list, list)
	c.pair = true
	for _, args := range pairArgs {
		c.pairs = append(c.pairs, pairSQL)
		c.pairArgs = append(c.pairArgs, args)
	}
	return c, false, nil
}

// narrowPair adds to the set of events between actors c the conditions
// events_pair can test without reading the events: the period of f, and
// each searchable word's test of names and filter. The events of a pair
// over the years are many more than those of a period that hold a word:
// on the store of a recast 100k corpus, 21,561 events among the actors
// of RUS and TUR, and about 500 from one side to the other in 2018-2020
// whose filters let Idlib through.
func (p *pagePlan) narrowPair(c *candidate, f model.EventFilter) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds, args = append(conds, `e.date_end >= ?`), append(args, f.From.First().Format(dayLayout))
	}
	if !f.To.IsZero() {
		conds, args = append(conds, `e.date_start <= ?`), append(args, f.To.Last().Format(dayLayout))
	}
	for _, t := range p.texts {
		conds, args = append(conds, t.index), append(args, t.indexArgs...)
	}
	if conds == nil {
		// Counted without conditions, a set of a few thousand events
		// stops at probeRows sooner in one lookup than in two.
		return
	}
	// Narrowed, the set is the events of each ordered pair: half the
	// lookups of all the actors on either side, whose events with each
	// other are in the set too.
	extra := " AND " + strings.Join(conds, " AND ")
	c.counts, c.cargs = nil, nil
	for i, q := range c.pairs {
		c.counts = append(c.counts, q+extra)
		c.cargs = append(c.cargs, slices.Concat(c.pairArgs[i], args))
	}
	c.src = pageSource{from: strings.Join(c.counts, " UNION ALL "), args: slices.Concat(c.cargs...)}
}

// pairFetch is how many rowids fetchPair reads at most: read as rows, a
// few thousand cost more than counting them in SQL (RUS and TUR between,
// a page about a millisecond slower with 5,000).
const pairFetch = 1024

// fetchPair is count for the set of events between actors: when the set
// has fewer than pairFetch events (and upTo), it reads their rowids as it
// counts them, and the set becomes that list, so that the page does not
// look them up in events_pair a second time. A larger set is counted.
func (p *pagePlan) fetchPair(ctx context.Context, tx *sql.Tx, i, upTo int) (int, error) {
	c := &p.cands[i]
	limit := min(upTo, pairFetch)
	var rowids []int64
	for j, q := range c.counts {
		rows, err := tx.QueryContext(ctx, q+` LIMIT ?`, append(slices.Clone(c.cargs[j]), limit-len(rowids))...)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return 0, err
			}
			rowids = append(rowids, id)
		}
		if err := rows.Close(); err != nil {
			return 0, err
		}
		if len(rowids) >= limit {
			return p.count(ctx, tx, i, upTo)
		}
	}
	// An actor on both sides may put an event in two pairs.
	slices.Sort(rowids)
	rowids = slices.Compact(rowids)
	list, _ := json.Marshal(rowids)
	c.src = pageSource{from: `SELECT value FROM json_each(?)`, args: []any{string(list)}}
	c.n, c.upTo = len(rowids), upTo
	return len(rowids), nil
}

// matchingOutlets returns the stored outlets that answer to wants the way
// Match compares them (trimmed, Unicode case folding). It visits each
// distinct outlet once through articles_outlet, rather than every article.
func matchingOutlets(ctx context.Context, tx *sql.Tx, wants []string) ([]string, error) {
	var match []string
	last := ""
	for first := true; ; first = false {
		var o string
		q := `SELECT outlet FROM articles WHERE outlet > ? ORDER BY outlet LIMIT 1`
		if first {
			q = `SELECT outlet FROM articles WHERE outlet >= ? ORDER BY outlet LIMIT 1`
		}
		err := tx.QueryRowContext(ctx, q, last).Scan(&o)
		if err == sql.ErrNoRows {
			return match, nil
		}
		if err != nil {
			return nil, err
		}
		for _, w := range wants {
			if strings.EqualFold(strings.TrimSpace(w), o) {
				match = append(match, o)
				break
			}
		}
		last = o
	}
}

// textCandidates prepares the text test of textPass and returns, for each
// query word the full-text index can answer (see text.go), the events
// with a sentence that may hold it or an actor whose name does.
func (p *pagePlan) textCandidates(ctx context.Context, tx *sql.Tx, query string) ([]candidate, error) {
	p.words = strings.Fields(strings.ToLower(query))
	p.allWords = p.words
	actors, err := p.allActors(ctx, tx)
	if err != nil {
		return nil, err
	}
	p.names = make(map[string]string, len(actors))
	for _, a := range actors {
		p.names[a.ID] = strings.ToLower(a.Name)
	}
	var out []candidate
	searchable := searchableWords(query)
	// When SQL tests every word, what it lets through passes but for the
	// rare sentence with İ or K, and Match on the events read whole is
	// the last word: textPass would read the same sentences once more.
	if len(searchable) == len(p.words) {
		p.words = nil
	}
	for _, w := range searchable {
		match, err := matchExpr(ctx, tx, w)
		if err != nil {
			return nil, err
		}
		var named []string
		for id, name := range p.names {
			if strings.Contains(name, w) {
				named = append(named, id)
			}
		}
		list := jsonList(named)
		// The word in an actor's name, or in a sentence as SQLite's LIKE
		// compares it (the word is letters and digits, so no wildcard).
		// LIKE folds ASCII letters only; Go's lower case (Match's) also
		// turns two other letters into ASCII ones, U+0130 (İ) and U+212A
		// (the Kelvin sign), so a sentence with either is let through
		// for Match to decide. instr finds either letter at the cost of a
		// byte search; GLOB's character class decoded every character
		// again, doubling the cost of a sentence that does not match.
		// An event of more than summaryHead articles is tested on the
		// words of its summary instead (migration 0017), one row rather
		// than one per report, and exactly, when it has a summary that is
		// not marked stale; COALESCE reads the reports only when not.
		const words = `(SELECT instr(sw.words, ?) > 0 FROM summary_words sw WHERE sw.event_id = e.id
			AND NOT EXISTS (SELECT 1 FROM summary_stale st WHERE st.event_id = e.id))`
		like := `EXISTS (SELECT 1 FROM mentions tm WHERE tm.event_id = e.id
			AND (tm.sentence LIKE ? OR instr(tm.sentence, char(304)) OR instr(tm.sentence, char(8490))))`
		likeSure := `EXISTS (SELECT 1 FROM mentions tm WHERE tm.event_id = e.id AND tm.sentence LIKE ?)`
		inNames := `e.source_id IN (SELECT value FROM json_each(?)) OR e.target_id IN (SELECT value FROM json_each(?))`
		// The event's trigram filter (grams.go) comes first: in the
		// index, it turns away most events that cannot match before
		// their reports are read. The names are tested only when some
		// actor's name holds the word, as most words are in none: the
		// test of an empty list still costs two lookups an event.
		gramsTest, gramsArgs := gramsCondition(w)
		test := func(like string) (string, []any) {
			cond := gramsTest + ` AND CASE WHEN e.articles > ? THEN COALESCE(` + words + `, ` + like + `) ELSE ` + like + ` END`
			args := append(append([]any(nil), gramsArgs...), summaryHead, w, "%"+w+"%", "%"+w+"%")
			if named == nil {
				return `(` + cond + `)`, args
			}
			return `(` + inNames + ` OR (` + cond + `))`, append([]any{list, list}, args...)
		}
		where, whereArgs := test(like)
		sure, sureArgs := test(likeSure) // without the two letters, the same test is exact
		index, indexArgs := `(`+gramsTest+`)`, gramsArgs
		if named != nil {
			index, indexArgs = `(`+inNames+` OR `+gramsTest+`)`, append([]any{list, list}, gramsArgs...)
		}
		p.texts = append(p.texts, textCond{
			where: len(p.where), args: len(p.args), nArgs: len(whereArgs),
			sure: len(p.sure), sureArgs: len(p.sureArgs), nSureArgs: len(sureArgs),
			match: match, index: index, indexArgs: indexArgs,
		})
		p.where, p.args = append(p.where, where), append(p.args, whereArgs...)
		p.sure, p.sureArgs = append(p.sure, sure), append(p.sureArgs, sureArgs...)
		fts := `SELECT ev.rowid FROM report_text rt JOIN report_docs rd ON rd.docid = rt.docid
			JOIN mentions tm ON tm.id = rd.mention_id JOIN events ev ON ev.id = tm.event_id WHERE rt.words MATCH ?`
		src := `SELECT rowid FROM events WHERE source_id IN (SELECT value FROM json_each(?))`
		tgt := `SELECT rowid FROM events WHERE target_id IN (SELECT value FROM json_each(?))`
		out = append(out, candidate{
			src:    pageSource{from: fts + " UNION " + src + " UNION " + tgt, args: []any{match, list, list}, word: len(p.texts)},
			counts: []string{`SELECT docid FROM report_text WHERE words MATCH ?`, src, tgt},
			cargs:  [][]any{{match}, {list}, {list}},
			text:   true,
		})
	}
	return out, nil
}
