package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
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
	articles int
	// hit: the event passes the text query's SQL test. Only a walk's
	// rows may miss it (see pageSource.query).
	hit bool
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
	pf := &pageFill{ctx: ctx, tx: tx, p: p, rest: rest, minSources: f.MinSources, limit: limit, texts: texts}
	for _, src := range p.sources(key) {
		if src.from == "" {
			err = pf.walk(src, key)
		} else {
			key, _, err = pf.fill(src, key, nil)
		}
		if err != nil {
			return nil, err
		}
		if pf.full() {
			break
		}
	}
	return pf.out, nil
}

// pageFill is a page being filled from its sources.
type pageFill struct {
	ctx  context.Context
	tx   *sql.Tx
	p    *pagePlan
	rest model.EventFilter // what Match tests on the events read (see queryEventsAfter)

	minSources, limit, texts int
	out                      []pageEvent
}

func (pf *pageFill) full() bool { return len(pf.out) >= pf.limit }

// fill adds to the page the events of src after key, and up to bound
// when it is not nil, that pass the filter, until the page is full or
// the source has no more. It returns the key of the last row read and
// how many reports the text tests of the rows read have read (see walk).
func (pf *pageFill) fill(src pageSource, key, bound []any) ([]any, int, error) {
	// Ask for a little more than is missing, so that a round usually
	// fills the page when Match refuses some; when the text test
	// refuses many, ask for more each round.
	want := pf.limit - len(pf.out) + 8
	reads := 0
	for !pf.full() {
		rows, err := src.read(pf.ctx, pf.tx, pf.p, key, bound, want)
		if err != nil {
			return nil, 0, err
		}
		if len(rows) == 0 {
			break
		}
		key = rows[len(rows)-1].key
		hits := rows[:0:0]
		for _, r := range rows {
			// A test that finds the words stops at the first report
			// that holds them.
			if r.hit {
				reads++
				hits = append(hits, r)
			} else {
				reads += textTestCost(r.articles)
			}
		}
		ids, err := pf.p.textPass(pf.ctx, pf.tx, hits)
		if err != nil {
			return nil, 0, err
		}
		events, err := readPage(pf.ctx, pf.tx, ids, pf.texts)
		if err != nil {
			return nil, 0, err
		}
		for _, e := range events {
			if !pf.full() && pf.rest.Match(e.Event) && e.sources >= pf.minSources {
				pf.out = append(pf.out, e)
			}
		}
		if len(rows) < want {
			break // this source has no more
		}
		if len(ids) < len(rows)/2 {
			want = min(2*want, 4000)
		}
	}
	return key, reads, nil
}

// The walk of events_order reads a page's events in order, testing each
// event it passes; a candidate set (see pagePlan) reads every event of the
// set and sorts them. Which one is cheaper depends on where the matching
// events lie in the order, which counts alone cannot tell: a word of one
// sentence in a hundred, all of them in the last year of ten, is a long
// walk for a first page. So the walk goes in windows of events, four
// times as long each time, and once it has cost as much as reading the
// smallest candidate set would, it reads that set instead (the rule of
// renting skis until their price is paid): a page then costs a few times
// what the better of the two would have at most, wherever its events lie.
// (Windows that grow by four take fewer rounds than by two, each of
// which reads its events apart.) Switching by the rate of matches seen so
// far does worse: the first windows of a common word may hold none of
// it. A sample of a word's reports does better (farAhead), and lets the
// walk switch before it has paid the set's cost.
//
// This is for text queries, whose test reads an event's reports; other
// conditions are tested on the index alone, and their walks go on.
//
// Costs are counted in events walked: a window of the walk reads each of
// its events in events_order twice (to find the window's end, then to
// test it there, trigram filter included), and an event whose filter
// lets a word through then reads its reports, each costing reportCost
// (one row of words for an event of more than summaryHead articles,
// migration 0017). An event of a set costs what finding it does
// (candidate.findCost), then its tests but for the word whose set it is
// (see pageSource.word). Measured on the store of a recast 100k corpus
// (935,081 events), one client: a window of 16,384 events whose filters
// let a few dozen through took about 3.1 ms (0.19 µs an event walked);
// a report tested 4.7 µs (24 events walked); an event of a word's set
// 5.6 to 7.2 µs ("drone", 25,162 events, and "sanctions", 15,016), and of
// an actor pair's set 2.5 µs (RUS and TUR, 21,561 events: the events
// table read at each).

// walkWindow is the first window's length in events. Tests change it
// to take every path on small stores.
var walkWindow = 16

const (
	// reportCost is what testing a report costs, in events walked.
	reportCost = 24
	// textCandidateCost is what finding one event of a word's set costs,
	// in events walked: the full-text index, the report, its mention
	// and its event.
	textCandidateCost = 32
	// indexCandidateCost is the same for the set of another condition,
	// found in an index of events.
	indexCandidateCost = 12
	// maxCandidates is the largest candidate set the walk counts to: it
	// would cost about a second to read.
	maxCandidates = 1 << 17
	// maxWindow bounds a window, so that the walk does not overrun the
	// cost of the set by much.
	maxWindow = 1 << 14
)

// walk fills the page from the walk src after key (see above).
func (pf *pageFill) walk(src pageSource, key []any) error {
	p := pf.p
	if p.allWords == nil {
		// Without a text query, the walk tests each event on the index
		// alone (outlets aside), at a small fraction of the cost of
		// reading one event of a set: it goes on to the end.
		_, _, err := pf.fill(src, key, nil)
		return err
	}
	// A first window shorter than the page could not fill it; each window
	// costs a few statements of its own.
	window, cost, walked := max(walkWindow, pf.limit-len(pf.out)), 0, 0
	var set *candidate // the smallest set, counted up to counted
	counted, sampled := 0, false
	for !pf.full() {
		bound, err := src.windowEnd(pf.ctx, pf.tx, p, key, window)
		if err != nil {
			return err
		}
		_, reads, err := pf.fill(src, key, bound)
		if err != nil {
			return err
		}
		if bound == nil || pf.full() {
			return nil // the walk has reached the end, or the page is full
		}
		key = bound
		walked += window
		cost += window + reportCost*reads
		// Sets are counted once the walk, at the rate it has found
		// matches so far, would still cost more than probeRows: below that
		// walking on costs about what counting would, and counting a
		// common word's reports costs more than walking to a page of it.
		// They are counted up to what the walk could soon cost, and
		// again, further, once it gets near (see cheapest for words).
		tests := (cost - walked) / walked // what the walk's text tests cost an event
		ahead := (pf.limit - len(pf.out)) * (cost + 1) / (len(pf.out) + 1)
		if set == nil && counted < maxCandidates && cost >= counted*(textCandidateCost+tests)/2 && ahead > probeRows {
			counted = min(max(probeRows, 4*cost/(textCandidateCost+tests)), maxCandidates)
			if set, err = p.cheapest(pf.ctx, pf.tx, counted); err != nil {
				return err
			}
		}
		if set == nil {
			window = min(4*window, maxWindow)
			continue
		}
		// Each event of the set is tested as the walk tests its events,
		// but for the word whose set it is.
		setTests := tests
		if set.src.word > 0 {
			setTests = tests * (len(p.texts) - 1) / len(p.texts)
		}
		setCost := set.n * (set.findCost() + setTests)
		switchNow := cost >= setCost
		if !switchNow && !sampled && set.src.word > 0 {
			// Once, a sample of the word's reports tells where the page's
			// missing events lie, which the rate of matches so far
			// cannot when they all lie further on.
			sampled = true
			if switchNow, err = pf.farAhead(set, key, setCost/(1+tests)); err != nil {
				return err
			}
		}
		if switchNow {
			p.switched = true
			_, _, err := pf.fill(set.src, key, nil)
			return err
		}
		window = min(4*window, maxWindow)
	}
	return nil
}

// sampleReports is about how many of a word's reports farAhead reads.
const sampleReports = 64

// farAhead tells whether the walk after key would pass more than limit
// events before the page is full, by a sample of the reports of the
// word whose set is set: one report in every n/sampleReports by docid
// (the order they were stored in, unrelated to the events' dates). The
// page's missing events would come from the reports the sample stands for
// in date order, so the walk would read on to the date of the sampled
// report that stands for the last of them, or to the end when the sample
// has too few; the events of events_order up to that date are counted, up
// to limit.
func (pf *pageFill) farAhead(set *candidate, key []any, limit int) (bool, error) {
	every := max(1, set.n/sampleReports)
	q, args := sampleQuery(pf.p.texts[set.src.word-1], every, key)
	rows, err := pf.tx.QueryContext(pf.ctx, q, args...)
	if err != nil {
		return false, err
	}
	dates, err := scanIDs(rows)
	if err != nil {
		return false, err
	}
	slices.Sort(dates)
	// The sampled report whose date the page reaches: each stands for
	// every reports, and an event has one at least.
	reach := (pf.limit - len(pf.out) + every - 1) / every
	until := ""
	if reach <= len(dates) {
		until = dates[reach-1]
	}
	q, args = walkToQuery(key, until)
	n, err := countUpTo(pf.ctx, pf.tx, q, args, limit)
	return n >= limit, err
}

// sampleQuery selects the dates of the events of one in every reports
// of the text word t, of those starting on or after key's day.
func sampleQuery(t textCond, every int, key []any) (string, []any) {
	return `SELECT ev.date_start FROM report_text rt
		JOIN report_docs rd ON rd.docid = rt.docid JOIN mentions tm ON tm.id = rd.mention_id
		JOIN events ev ON ev.id = tm.event_id
		WHERE rt.words MATCH ? AND rt.docid % ? = 0 AND ev.date_start >= ?`, []any{t.match, every, key[0]}
}

// walkToQuery selects about the events of the walk after key up to the
// day until, or to the end when until is "": those that end on those
// days, which SQLite finds in events_end, whose entries are a seventh the
// size of events_order's (counting 400,000 took 17 ms there, 44 in
// events_order). A month or a year that ends there but began before key
// counts too, and one that begins by until but ends after it does not:
// farAhead only needs an estimate. The query does not name the index: a
// first load puts it off (bulk.go), and a reader then counts without it.
func walkToQuery(key []any, until string) (string, []any) {
	var conds []string
	var args []any
	if key != nil {
		conds, args = append(conds, `e.date_end >= ?`), append(args, key[0])
	}
	if until != "" {
		conds, args = append(conds, `e.date_end <= ?`), append(args, until)
	}
	q := `SELECT 1 FROM events e`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return q, args
}

// pageSource is where a page's rows come from: the rows of a set of
// candidate events (the SQL of from, selecting events' rowids) sorted, or,
// when from is empty, a walk of events_order starting at the day start.
type pageSource struct {
	from  string
	args  []any
	start string
	// word, when not 0, is the text word (1-based, in pagePlan.texts)
	// whose set this is: the full-text index finds exactly the reports
	// that hold it, so its test is left out.
	word int
}

// read returns up to want rows of the source that pass the plan's SQL
// conditions, in page order, after key and up to bound (either may be
// nil).
func (s pageSource) read(ctx context.Context, tx *sql.Tx, p *pagePlan, key, bound []any, want int) ([]pageRow, error) {
	q, args := s.query(p, key, bound, want)
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pageRow
	for rows.Next() {
		r := pageRow{key: make([]any, 4)}
		if err := rows.Scan(&r.id, &r.key[0], &r.key[1], &r.key[2], &r.key[3], &r.src, &r.tgt, &r.sure, &r.articles, &r.hit); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// query is the SQL of read.
//
// A walk of a text query tests each word's names and filter in WHERE
// and the rest of its test as the column hit, so that it also returns
// the events whose filter lets a word through though their reports do
// not hold it: walk counts what their tests read from these rows, rather
// than reading the window once more.
func (s pageSource) query(p *pagePlan, key, bound []any, want int) (string, []any) {
	where, whereArgs, sures, sureArgs := p.where, p.args, p.sure, p.sureArgs
	hit, hitArgs := "1", []any(nil)
	if s.word > 0 {
		t := p.texts[s.word-1]
		where, whereArgs = without(where, t.where, 1), without(whereArgs, t.args, t.nArgs)
		sures, sureArgs = without(sures, t.sure, 1), without(sureArgs, t.sureArgs, t.nSureArgs)
	}
	if s.from == "" && len(p.texts) > 0 {
		var hits []string
		where, whereArgs = slices.Clone(where), slices.Clone(whereArgs)
		// From the last word back, so that the places of the others
		// hold.
		for i := len(p.texts) - 1; i >= 0; i-- {
			t := p.texts[i]
			hits = append(hits, where[t.where])
			hitArgs = append(slices.Clone(whereArgs[t.args:t.args+t.nArgs]), hitArgs...)
			where[t.where] = t.index
			whereArgs = slices.Insert(without(whereArgs, t.args, t.nArgs), t.args, t.indexArgs...)
		}
		slices.Reverse(hits)
		hit = strings.Join(hits, " AND ")
	}
	conds := append([]string(nil), where...)
	sure := "1"
	if len(sures) > 0 {
		sure = strings.Join(sures, " AND ")
	}
	args := append(append([]any(nil), sureArgs...), hitArgs...)
	// A row that fails a test may make it NULL: an actor's test of a
	// missing target is.
	q := `SELECT e.id, ` + pageKey + `, e.source_id, COALESCE(e.target_id, ''), COALESCE(` + sure + `, 0), e.articles, COALESCE(` + hit + `, 0) FROM events e`
	if s.from == "" {
		q += p.orderIndex()
	} else {
		conds = append([]string{`e.rowid IN (` + s.from + `)`}, conds...)
		args = append(args, s.args...)
	}
	args = append(args, whereArgs...)
	// One lower and one upper bound on date_start, the tightest: given
	// two, SQLite may start or stop the index at the looser one, and a
	// walk from a cursor or in a window would read from the start of the
	// period or to its end each time. The row values are the exact
	// "after" and "up to".
	after, afterArgs := s.walkRange(key)
	conds, args = append(conds, after...), append(args, afterArgs...)
	high := p.to
	if bound != nil && (high == "" || bound[0].(string) < high) {
		high = bound[0].(string)
	}
	if high != "" {
		conds = append(conds, `e.date_start <= ?`)
		args = append(args, high)
	}
	if bound != nil {
		conds = append(conds, `(`+pageKey+`) <= (?, ?, ?, ?)`)
		args = append(args, bound[0], bound[1], bound[2], bound[3])
	}
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return q + " ORDER BY " + pageKey + " LIMIT ?", append(args, want)
}

// without returns a copy of list without its n items from i.
func without[T any](list []T, i, n int) []T {
	return append(append([]T(nil), list[:i]...), list[i+n:]...)
}

// windowEnd returns the key of the window-th event of the walk s after
// key, or nil when fewer events remain.
func (s pageSource) windowEnd(ctx context.Context, tx *sql.Tx, p *pagePlan, key []any, window int) ([]any, error) {
	q, args := s.windowEndQuery(p, key, window)
	end := make([]any, 4)
	err := tx.QueryRowContext(ctx, q, args...).Scan(&end[0], &end[1], &end[2], &end[3])
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return end, err
}

// textTestCost is how many reports testing the text of an event of the
// given articles reads, when none holds the words: its reports, or the
// one row of words of an event that has a summary.
func textTestCost(articles int) int {
	if articles > summaryHead {
		return 1
	}
	return articles
}

// walkRange is the conditions on the source s after key, with one lower
// bound on date_start (see query).
func (s pageSource) walkRange(key []any) (conds []string, args []any) {
	low := s.start
	if key != nil && key[0].(string) > low {
		low = key[0].(string)
	}
	if low != "" {
		conds = append(conds, `e.date_start >= ?`)
		args = append(args, low)
	}
	if key != nil {
		conds = append(conds, `(`+pageKey+`) > (?, ?, ?, ?)`)
		args = append(args, key[0], key[1], key[2], key[3])
	}
	return conds, args
}

// windowEndQuery is the SQL of windowEnd, which reads events_order alone
// (during a first load, without it, SQLite sorts the events instead).
func (s pageSource) windowEndQuery(p *pagePlan, key []any, window int) (string, []any) {
	conds, args := s.walkRange(key)
	q := `SELECT ` + pageKey + ` FROM events e` + p.orderIndex()
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	return q + ` ORDER BY ` + pageKey + ` LIMIT 1 OFFSET ?`, append(args, window-1)
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
