package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// The merge cache: the stored reports that merge lookups (merge.go) read,
// kept decoded by the writer from one transaction to the next, so that a
// crowded bucket is read from SQLite once per ingest rather than once per
// article. Reading and decoding those reports was the largest part of
// saving (a quarter of a 10k-article ingest's CPU), and it grew with the
// store.
//
// The cache answers exactly what the SQL lookups would answer in the
// writer's transaction, so merging decides as it does without it:
//   - A tile is what one lookup returns for one bucket and one block of
//     tileDays days (the undated half of a bucket is one tile). A query
//     for days lo..hi reads the tiles of the blocks it covers and keeps
//     the reports the SQL would have kept for lo..hi (nearMatch); each
//     such report is in the tile of the block of its first day within
//     lo..hi, and is taken from that tile only.
//   - Membership: the ids of every report of an event, read once, then
//     kept as the writer rewrites events.
//   - Every write of the writer updates the cache after it succeeded:
//     a new report joins the loaded tiles whose lookup would find it,
//     a moved one changes event, an upserted actor changes in place
//     (reports share one actor value per id, as the SQL join reads the
//     actors row).
//   - Anything else empties it: an article rolled back, a transaction
//     that did not commit, another connection's commit (SQLite's
//     data_version) or a new writer connection.
//   - Past maxCachedReports reports (which bounds its memory) when a
//     transaction begins, or twice that before an article is merged, it
//     keeps the most recently used tiles and drops the rest (evict), with
//     the reports, members and summaries of events no kept tile holds.
//
// Clustering reads one thing of a stored report's sentence, whether it
// contests blame (merge.ContestsBlame), and only for the blame families;
// a stored report is written back by moving its row: the cache keeps a
// sentence only when it is read and contests blame.

// tileDays is the width of a tile. Most lookups span three days (a day
// report and the day tolerance either side); a year report's span covers
// 24 tiles.
const tileDays = 16

// maxCachedReports bounds the cache, and with it the live heap of an
// ingest. A 10k-article ingest (152k reports) took the same CPU with
// 30k, 100k and 200k (live heap peak 113 MB at 100k, 127 at 200k) and
// peaked at 300 MB RSS with 30k against 350 with 100k; 10k cost 10% more
// CPU for no less RSS. (Those figures are from when passing the bound
// emptied the cache.)
var maxCachedReports = 30_000

// tile is one lookup's reports and when the cache last used them.
type tile struct {
	reports []*cachedReport
	used    uint64
}

type tileKey struct {
	b     bucketKey
	block int
}

// cachedReport is a stored report as reportSelect reads it. Its strings
// but the id are shared with the other reports (codes, places, events,
// articles, actors): a large cache is mostly pointers for the garbage
// collector to follow, and fewer objects cost it less.
type cachedReport struct {
	id, eventID string
	art         *cachedArticle
	start       int
	code, place string
	precision   string // as stored; the date is first (and last, for a range)
	first, last int    // day numbers of date_start and date_end; 0 when undated
	sentence    string // only when it contests blame
	source, tgt *model.Actor
}

type cachedArticle struct{ id, path, published string }

type mergeCache struct {
	mu       sync.Mutex
	conn     int64 // the writer connection and its data_version when last used
	version  int64
	dirty    bool // changed in a transaction that has not committed yet
	tiles    map[tileKey]*tile
	clock    uint64 // counts tile uses, for evict
	evicted  int    // tiles evicted, for tests
	reports  map[string]*cachedReport
	events   map[string][]string // event -> the ids of all its reports
	actors   map[string]*model.Actor
	articles map[string]*cachedArticle
	strs     map[string]string         // one copy of each code, place, precision and event id
	sums     map[string]*merge.Summary // events as merge.Rule.Add needs them (summary.go)

	// What the fast path may rely on (summary.go); these outlive reset.
	plainMerge bool                   // never take the fast path (tests compare the two)
	unstable   bool                   // an actor's row changed, or another connection wrote
	rows       map[string]model.Actor // every actor row seen, as last seen
	fast, full int                    // articles merged each way, for tests and profiles
}

func newMergeCache() *mergeCache {
	c := &mergeCache{}
	c.reset()
	return c
}

func (c *mergeCache) reset() {
	c.tiles = map[tileKey]*tile{}
	c.reports = map[string]*cachedReport{}
	c.events = map[string][]string{}
	c.actors = map[string]*model.Actor{}
	c.articles = map[string]*cachedArticle{}
	c.strs = map[string]string{}
	c.sums = map[string]*merge.Summary{}
	c.dirty = false
}

// writerIdentitySQL names the writer connection (eventgraph_writer, set
// by writerDriver) and counts the commits other connections made.
const writerIdentitySQL = `SELECT eventgraph_writer(), data_version FROM pragma_data_version`

// begin locks the cache for the transaction tx and empties it when the
// database may have changed behind it since it was last used. The
// caller must call end.
func (c *mergeCache) begin(ctx context.Context, tx *sql.Tx) error {
	c.mu.Lock()
	var conn, version int64
	if err := tx.QueryRowContext(ctx, writerIdentitySQL).Scan(&conn, &version); err != nil {
		c.mu.Unlock()
		return fmt.Errorf("writer identity: %w", err)
	}
	if conn != c.conn || version != c.version || c.dirty {
		if conn == c.conn && version != c.version {
			c.unstable = true // another connection wrote: actors may have changed
		}
		c.reset()
	} else if len(c.reports) > maxCachedReports {
		c.evict(int(float64(maxCachedReports) * evictTo))
	}
	c.conn, c.version = conn, version
	return nil
}

// end unlocks the cache; committed says whether what it learnt in the
// transaction is now stored.
func (c *mergeCache) end(committed bool) {
	if !committed && c.dirty {
		c.reset()
	}
	c.dirty = false
	c.mu.Unlock()
}

// nearMatch is the condition of nearReportsSQL on one report (day
// numbers for the SQL's day strings).
func nearMatch(r *cachedReport, lo, hi int) bool {
	switch r.precision {
	case "day":
		return r.first >= lo && r.first <= hi
	case "month":
		return r.first >= lo-31 && r.first <= hi && r.last >= lo
	case "year":
		return r.first >= lo-366 && r.first <= hi && r.last >= lo
	case "range":
		return r.first <= hi && r.last >= lo
	}
	return false
}

// victimMatch is the condition of victimReportsSQL.
func victimMatch(r *cachedReport, lo, hi int) bool {
	return r.precision == "day" && r.first >= lo && r.first <= hi
}

// dayTime is the day n as decodeDate parses it.
func dayTime(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

func blockOf(day int) int {
	if day < 0 {
		return (day - tileDays + 1) / tileDays
	}
	return day / tileDays
}

// near returns the stored reports of bucket b that its lookup finds for
// days lo..hi (nearReportsSQL, victimReportsSQL, undatedReportsSQL), but
// those in have.
func (c *mergeCache) near(ctx context.Context, w *eventWriter, b bucketKey, lo, hi int, have map[string]bool) ([]storedReport, error) {
	var out []storedReport
	if b.undated {
		t, err := c.tile(ctx, w, tileKey{b: b})
		if err != nil {
			return nil, err
		}
		for _, r := range t {
			if !have[r.id] {
				out = append(out, r.stored())
			}
		}
		return out, nil
	}
	match := nearMatch
	if b.victim {
		match = victimMatch
	}
	for blk := blockOf(lo); blk <= blockOf(hi); blk++ {
		t, err := c.tile(ctx, w, tileKey{b: b, block: blk})
		if err != nil {
			return nil, err
		}
		for _, r := range t {
			if !have[r.id] && blockOf(max(lo, r.first)) == blk && match(r, lo, hi) {
				out = append(out, r.stored())
			}
		}
	}
	return out, nil
}

// tile returns a tile, reading it when it is not loaded.
func (c *mergeCache) tile(ctx context.Context, w *eventWriter, k tileKey) ([]*cachedReport, error) {
	c.clock++
	if t, ok := c.tiles[k]; ok {
		t.used = c.clock
		return t.reports, nil
	}
	c.dirty = true
	lo, hi := k.block*tileDays, k.block*tileDays+tileDays-1
	var t []*cachedReport
	var err error
	switch {
	case k.b.undated:
		t, err = c.scan(ctx, w.undated, k.b.family, k.b.pair)
	case k.b.victim:
		t, err = c.scan(ctx, w.victim, k.b.family, k.b.pair, dayString(lo), dayString(hi))
	default:
		// A month starts at most 30 days, a year 365 days, before its last day.
		t, err = c.scan(ctx, w.near, k.b.family, k.b.pair, dayString(lo), dayString(hi),
			dayString(lo-31), dayString(lo-366))
	}
	if err != nil {
		return nil, err
	}
	c.tiles[k] = &tile{reports: t, used: c.clock}
	return t, nil
}

// members returns the ids of every report of each event named, reading
// those not known yet.
func (c *mergeCache) members(ctx context.Context, w *eventWriter, events []string) (map[string][]string, error) {
	out := make(map[string][]string, len(events))
	var unknown []string
	for _, e := range events {
		if ids, ok := c.events[e]; ok {
			out[e] = ids
		} else {
			unknown = append(unknown, e)
		}
	}
	if len(unknown) == 0 {
		return out, nil
	}
	c.dirty = true
	rows, err := w.eventReportIDs.QueryContext(ctx, jsonList(unknown))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, event string
		if err := rows.Scan(&id, &event); err != nil {
			return nil, err
		}
		out[event] = append(out[event], id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, e := range unknown {
		c.events[e] = out[e]
	}
	return out, nil
}

// load returns the reports with the ids given, reading those not cached.
func (c *mergeCache) load(ctx context.Context, w *eventWriter, ids []string) ([]*cachedReport, error) {
	out := make([]*cachedReport, 0, len(ids))
	var unread []string
	for _, id := range ids {
		if r, ok := c.reports[id]; ok {
			out = append(out, r)
		} else {
			unread = append(unread, id)
		}
	}
	if len(unread) == 0 {
		return out, nil
	}
	c.dirty = true
	read, err := c.scan(ctx, w.reportsByID, jsonList(unread))
	if err != nil {
		return nil, err
	}
	return append(out, read...), nil
}

// scan runs a report query (reportSelect) and returns its reports, the
// cached value for those cached already. It reads the columns as raw
// bytes and keeps one copy of each value shared by many reports.
func (c *mergeCache) scan(ctx context.Context, stmt *sql.Stmt, args ...any) ([]*cachedReport, error) {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*cachedReport
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
		if r, ok := c.reports[string(id)]; ok {
			out = append(out, r)
			continue
		}
		date, err := decodeDate(string(ds), string(de), string(precision))
		if err != nil {
			return nil, fmt.Errorf("mention of %s: %w", eventID, err)
		}
		r := &cachedReport{id: string(id), eventID: c.str(eventID), start: start,
			code: c.str(code), place: c.str(place), precision: c.str(precision),
			source: c.rowActor(sID, sCountry, sRole, sCode)}
		if a, ok := c.articles[string(articleID)]; ok {
			r.art = a
		} else {
			r.art = c.article(string(articleID), string(path), publishedDay(string(published)))
		}
		if tID != nil { // NULL: no target
			r.tgt = c.rowActor(tID, tCountry, tRole, tCode)
		}
		if s := string(sentence); merge.ContestsBlame(s) {
			r.sentence = s
		}
		if !date.IsZero() {
			r.first, r.last = dayNumber(date.First()), dayNumber(date.Last())
		}
		c.reports[r.id] = r
		out = append(out, r)
	}
	return out, rows.Err()
}

// str is the cache's copy of b.
func (c *mergeCache) str(b []byte) string {
	if s, ok := c.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	c.strs[s] = s
	return s
}

// rowActor is the cache's value of the actor whose row reads as given.
func (c *mergeCache) rowActor(id, country, role, code []byte) *model.Actor {
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

// actor is the one value of the actor as its row reads, created from a
// when the cache has none.
func (c *mergeCache) actor(a model.Actor) *model.Actor {
	if x, ok := c.actors[a.ID]; ok {
		return x
	}
	x := &model.Actor{ID: a.ID, Country: a.Country, Role: a.Role, Code: a.Code}
	c.actors[a.ID] = x
	return x
}

func (c *mergeCache) article(id, path, published string) *cachedArticle {
	if a, ok := c.articles[id]; ok {
		return a
	}
	a := &cachedArticle{id, path, published}
	c.articles[id] = a
	return a
}

// upsertedActor records that the actors row of a now reads as a. Every
// actor of a report written is upserted first, so the cache holds each
// as its row reads, whatever the report's own copy says.
func (c *mergeCache) upsertedActor(a model.Actor) {
	c.dirty = true
	c.seenRow(a)
	if x, ok := c.actors[a.ID]; ok {
		x.Country, x.Role, x.Code = a.Country, a.Role, a.Code
		return
	}
	c.actors[a.ID] = &model.Actor{ID: a.ID, Country: a.Country, Role: a.Role, Code: a.Code}
}

// stored is the report as the neighbourhood holds it.
func (r *cachedReport) stored() storedReport {
	m := model.Mention{ArticleID: r.art.id, Sentence: r.sentence, Start: r.start, Path: r.art.path, Published: r.art.published}
	e := model.Event{Source: *r.source, Code: r.code, Location: r.place, Mentions: []model.Mention{m}}
	if r.precision != "" { // as decodeDate makes it
		e.Date = model.Date{Start: dayTime(r.first), Precision: model.Precision(r.precision)}
		if e.Date.Precision == model.PrecisionRange {
			e.Date.End = dayTime(r.last)
		}
	}
	if r.tgt != nil {
		t := *r.tgt
		e.Target = &t
	}
	return storedReport{id: r.id, e: e, eventID: r.eventID}
}

// written records the events writeChanged wrote: each changed event with
// the ids of its reports (new ones given in fresh, with their stored
// columns), and the events retired.
func (c *mergeCache) written(changed map[string][]string, fresh []freshReport, retired []string) {
	c.dirty = true
	for _, f := range fresh {
		r := f.r
		if r.tgt != nil {
			r.tgt = c.actor(*r.tgt)
		}
		r.source = c.actor(*r.source)
		r.art = c.article(r.art.id, r.art.path, r.art.published)
		r.eventID = c.str([]byte(r.eventID))
		r.code, r.place, r.precision = c.str([]byte(r.code)), c.str([]byte(r.place)), c.str([]byte(r.precision))
		c.reports[r.id] = r
		c.addToTiles(r, f.family, f.pair, f.victim)
	}
	for e, ids := range changed {
		e = c.str([]byte(e))
		for _, id := range ids {
			if r, ok := c.reports[id]; ok {
				r.eventID = e
			}
		}
		c.events[e] = ids
		delete(c.sums, e)
	}
	for _, e := range retired {
		delete(c.events, e)
		delete(c.sums, e)
	}
}

// freshReport is a report writeReport inserted, with the keys of the
// lookups that find it.
type freshReport struct {
	r                    *cachedReport
	family, pair, victim string
}

// addToTiles adds a new report to every loaded tile whose lookup finds it.
func (c *mergeCache) addToTiles(r *cachedReport, family, pair, victim string) {
	if r.precision == "" {
		k := tileKey{b: bucketKey{family: family, pair: pair, undated: true}}
		if t, ok := c.tiles[k]; ok {
			t.reports = append(t.reports, r)
		}
		return
	}
	// A block's lookup finds r when r's days (with the SQL's bounds per
	// precision) reach into it.
	b := bucketKey{family: family, pair: pair}
	for blk := blockOf(r.first); blk <= blockOf(max(r.last, r.first)); blk++ {
		k := tileKey{b: b, block: blk}
		if t, ok := c.tiles[k]; ok && nearMatch(r, blk*tileDays, blk*tileDays+tileDays-1) {
			t.reports = append(t.reports, r)
		}
	}
	if r.precision == "day" {
		k := tileKey{b: bucketKey{family: family, pair: victim, victim: true}, block: blockOf(r.first)}
		if t, ok := c.tiles[k]; ok {
			t.reports = append(t.reports, r)
		}
	}
}

// newFreshReport is report r, just inserted with the stored columns
// given, as a lookup would read it back.
func newFreshReport(id, eventID string, r model.Event, start, end, precision, family, pair, victim string) (freshReport, error) {
	date, err := decodeDate(start, end, precision)
	if err != nil {
		return freshReport{}, err
	}
	m := r.Mentions[0]
	src := r.Source
	c := &cachedReport{id: id, eventID: eventID, start: m.Start, code: r.Code, place: r.Location,
		precision: precision, source: &src,
		art: &cachedArticle{id: m.ArticleID, path: m.Path, published: m.Published}}
	if r.Target != nil {
		t := *r.Target
		c.tgt = &t
	}
	if merge.BlameFamily(family) && merge.ContestsBlame(m.Sentence) { // as reportSelect reads it
		c.sentence = strings.Clone(m.Sentence) // not the article's text around it
	}
	if !date.IsZero() {
		c.first, c.last = dayNumber(date.First()), dayNumber(date.Last())
	}
	return freshReport{r: c, family: family, pair: pair, victim: victim}, nil
}
