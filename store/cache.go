package store

import (
	"context"
	"database/sql"
	"fmt"
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
//     lo..hi, and is taken from that tile only. Tiles not loaded yet
//     next to each other are read by one query over their days and
//     shared out by nearMatch (a year's span covers 24 tiles).
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
//     transaction begins, or a quarter more before an article is merged, it
//     keeps the most recently used tiles and drops the rest (evict), with
//     the reports, members and summaries of events no kept tile holds.
//     Past maxCachedSummaries summaries it drops those of least priority
//     by what making them again costs and by use (sumPriority); a
//     summary is made again from the cached reports.
//
// The reports are flat (cache_slots.go, cache_intern.go): numbers into
// tables the garbage collector does not scan, about 113 bytes a report
// with its share of the strings, tiles, members and index, so that the
// cache can hold the neighbourhood of a large store without the
// collector running through it. Only the tiles' lists, the summaries and the actors
// hold pointers.
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
// ingest. A 10k-article ingest (152k reports) holds them all in about
// 113 bytes a report with the strings, members, tiles and index (17 MB),
// none of it scanned by the collector. Below the working set, tiles are
// evicted and read again for every article that needs them: at the old
// bound of 30,000 that 10k ingest read 84,000 tiles. The bound is set by
// the ingest's heap limit (cmd/eventgraph; 192 MiB then, 224 now): at 1M,
// a 30k ingest's live heap was 130 MB of a collection goal of about 155
// MB, and past 50k articles the collector ran for half of the CPU; 500k
// reports (some 60 MB) leave room for the rest.
var maxCachedReports = 500_000

// maxCachedSummaries bounds the merge summaries kept, which are full of
// pointers (3 KB of heap each in a 10k ingest, 8 KB at 30k, where events
// have more kinds of report): one per stored event would be 200 MB at
// 10k. A 10k ingest took the same CPU with 4,000 and 10,000 (61.6 and
// 64.0 s at load 9-14, fewer collections with 4,000), and with 2,000.
var maxCachedSummaries = 2_000

// tile is one lookup's reports (slots) and when the cache last used them.
type tile struct {
	reports []int32
	used    uint64
}

// tileKey is a bucket (family and pair interned) and a block.
type tileKey struct {
	family, pair int32
	undated      bool
	victim       bool
	block        int32
}

// members is where an event's report slots lie in mergeCache.mem.
type members struct{ off, n int32 }

// artInfo is what reports read of their article.
type artInfo struct{ path, published int32 }

// sumEntry is a merge summary, its priority to stay (sumPriority) and
// when the cache last used it.
type sumEntry struct {
	s          *merge.Summary
	keep, used uint64
}

type mergeCache struct {
	mu      sync.Mutex
	conn    int64 // the writer connection and its data_version when last used
	version int64
	dirty   bool // changed in a transaction that has not committed yet
	// complete: the tiles hold every stored report, not only those of
	// the tiles read: the cache was emptied when the store held no
	// report, and has taken in every write since (see setComplete).
	complete bool
	tiles    map[tileKey]*tile
	clock    uint64 // counts tile and summary uses, for evict
	evicted  int    // tiles evicted, for tests
	scans    int    // tile queries, for tests and profiles
	made     int    // tiles a complete cache made without a query, for tests
	strs     strTable
	slots    slots
	loaded   int                // loaded slots
	events   map[int32]members  // event -> the slots of all its reports
	mem      []int32            // the members' slots, runs of it
	actors   map[string]int32   // actor id -> its number in actorV
	actorV   []model.Actor      // every actor as its row reads
	sums     map[int32]sumEntry // events as merge.Rule.Add needs them (summary.go)
	sumLow   uint64             // the highest priority of a summary dropped (sumPriority)
	arts     map[int32]artInfo  // article id -> its path and publication day

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
	c.strs = newStrTable()
	c.slots = newSlots()
	c.loaded = 0
	c.events = map[int32]members{}
	c.mem = nil
	c.actors = map[string]int32{}
	c.actorV = nil
	c.sums = map[int32]sumEntry{}
	c.arts = map[int32]artInfo{}
	c.dirty = false
	c.complete = false
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
		if err := c.setComplete(ctx, tx); err != nil {
			c.mu.Unlock()
			return err
		}
	} else {
		if c.size() > maxCachedReports {
			c.evict(int(float64(maxCachedReports) * evictTo))
		}
		c.boundSums()
	}
	c.conn, c.version = conn, version
	return nil
}

// aboutToRead says whether the next transaction's lookups may read tiles
// from SQLite: the cache, used before, is not complete, or its bound will
// make it so when the transaction begins. A cache never used is emptied
// by begin, and complete on an empty store.
func (c *mergeCache) aboutToRead() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.conn != 0 && (!c.complete || c.size() > maxCachedReports)
}

// setComplete makes an emptied cache complete when the store holds no
// report, as when a first load begins: every tile is then empty but for
// the reports the writer adds, so a lookup reads nothing from SQLite.
// Reading the tiles of buckets that held nothing yet was a ninth of the
// writer's time in a 10k-article load (2.2 of 19.2 s). Emptied again, or
// past its bound (evict), the cache reads tiles as before.
func (c *mergeCache) setComplete(ctx context.Context, tx *sql.Tx) error {
	var empty bool
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM mentions)`).Scan(&empty); err != nil {
		return fmt.Errorf("stored reports: %w", err)
	}
	c.complete = empty
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

// size is the number of reports the cache holds, ids alone included.
func (c *mergeCache) size() int { return int(c.slots.n) - 1 }

// nearMatch is the condition of nearReportsSQL on one report (day
// numbers for the SQL's day strings).
func nearMatch(r *slot, lo, hi int32) bool {
	switch r.kind {
	case precDay:
		return r.first >= lo && r.first <= hi
	case precMonth:
		return r.first >= lo-31 && r.first <= hi && r.last >= lo
	case precYear:
		return r.first >= lo-366 && r.first <= hi && r.last >= lo
	case precRange:
		return r.first <= hi && r.last >= lo
	}
	return false
}

// victimMatch is the condition of victimReportsSQL.
func victimMatch(r *slot, lo, hi int32) bool {
	return r.kind == precDay && r.first >= lo && r.first <= hi
}

// dayTime is the day n as decodeDate parses it.
func dayTime(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

func blockOf(day int) int {
	if day < 0 {
		return (day - tileDays + 1) / tileDays
	}
	return day / tileDays
}

// tileKeyOf is the key of bucket b's tile of block blk.
func (c *mergeCache) tileKeyOf(b bucketKey, blk int) tileKey {
	return tileKey{family: c.strs.idString(b.family), pair: c.strs.idString(b.pair),
		undated: b.undated, victim: b.victim, block: int32(blk)}
}

// eachMet calls f with the slot of every stored report that report r may
// meet (merge.go): of those its bucket's lookup finds for its days, and
// for a Contestable r those of its victim bucket, the reports that
// merge.Probe.MayMeet keeps or that have r's own id. It skips, unasked,
// the reports of events for which known holds: callers want events, and
// a crowded event has thousands of reports in one lookup. A report found
// by both lookups may come twice.
func (c *mergeCache) eachMet(ctx context.Context, w *eventWriter, r *model.Event, known func(event int32) bool, f func(int32)) error {
	b, d := nearSpan(*r)
	probe := merge.NewProbe(r)
	own := *r
	own.SetID()
	key := c.strs.idString(own.ID)
	keep := func(i int32) {
		x := c.slots.at(i)
		if known(x.event) {
			return
		}
		if x.key == key {
			f(i)
			return
		}
		var target *model.Actor
		if x.tgt >= 0 {
			target = &c.actorV[x.tgt]
		}
		if probe.MayMeet(c.strs.get(x.code), c.strs.get(x.place), &c.actorV[x.src], target) {
			f(i)
		}
	}
	if merge.Contestable(*r) { // the reports of other hands (merge.Rule.Add)
		v := bucketKey{family: b.family, pair: merge.Country(r.Target), victim: true}
		if err := c.lookup(ctx, w, v, d, keep); err != nil {
			return err
		}
	}
	return c.lookup(ctx, w, b, d, keep)
}

// lookup calls keep with each stored report of bucket b that its lookup
// (nearReportsSQL, victimReportsSQL, undatedReportsSQL) finds for days d.
func (c *mergeCache) lookup(ctx context.Context, w *eventWriter, b bucketKey, d days, keep func(int32)) error {
	if b.undated {
		t, err := c.tile(ctx, w, c.tileKeyOf(b, 0))
		if err != nil {
			return err
		}
		for _, i := range t {
			keep(i)
		}
		return nil
	}
	match := nearMatch
	if b.victim {
		match = victimMatch
	}
	if err := c.loadTiles(ctx, w, b, blockOf(d.lo), blockOf(d.hi)); err != nil {
		return err
	}
	lo, hi := int32(d.lo), int32(d.hi)
	for blk := blockOf(d.lo); blk <= blockOf(d.hi); blk++ {
		t, err := c.tile(ctx, w, c.tileKeyOf(b, blk))
		if err != nil {
			return err
		}
		for _, i := range t {
			// Each report is taken from the tile of the block of its
			// first day within lo..hi only.
			if r := c.slots.at(i); blockOf(max(d.lo, int(r.first))) == blk && match(r, lo, hi) {
				keep(i)
			}
		}
	}
	return nil
}

// tile returns a tile, reading it when it is not loaded.
func (c *mergeCache) tile(ctx context.Context, w *eventWriter, k tileKey) ([]int32, error) {
	c.clock++
	if t, ok := c.tiles[k]; ok {
		t.used = c.clock
		return t.reports, nil
	}
	if c.complete {
		c.tiles[k] = &tile{used: c.clock}
		c.made++
		return nil, nil
	}
	if err := c.read(ctx, w, k, k.block); err != nil {
		return nil, err
	}
	return c.tiles[k].reports, nil
}

// loadTiles reads the tiles of bucket b's blocks lo..hi not loaded yet,
// one query for each run of them.
func (c *mergeCache) loadTiles(ctx context.Context, w *eventWriter, b bucketKey, lo, hi int) error {
	if c.complete {
		return nil // tile makes them, empty
	}
	for blk := lo; blk <= hi; blk++ {
		k := c.tileKeyOf(b, blk)
		if _, ok := c.tiles[k]; ok {
			continue
		}
		last := blk
		for last < hi {
			if _, ok := c.tiles[c.tileKeyOf(b, last+1)]; ok {
				break
			}
			last++
		}
		if err := c.read(ctx, w, k, int32(last)); err != nil {
			return err
		}
		blk = last
	}
	return nil
}

// read reads the tiles of k's bucket for blocks k.block..last in one
// query and shares its reports out among them as each block's own query
// would find them.
func (c *mergeCache) read(ctx context.Context, w *eventWriter, k tileKey, last int32) error {
	c.dirty = true
	c.scans++
	if err := w.settle(); err != nil {
		return err
	}
	if err := w.readyLookups(ctx); err != nil {
		return err
	}
	lo, hi := int(k.block)*tileDays, int(last)*tileDays+tileDays-1
	family, pair := c.strs.get(k.family), c.strs.get(k.pair)
	var got []int32
	var err error
	switch {
	case k.undated:
		got, err = c.scan(ctx, w.undated, family, pair)
	case k.victim:
		got, err = c.scan(ctx, w.victim, family, pair, dayString(lo), dayString(hi))
	default:
		// A month starts at most 30 days, a year 365 days, before its last day.
		got, err = c.scan(ctx, w.near, family, pair, dayString(lo), dayString(hi),
			dayString(lo-31), dayString(lo-366))
	}
	if err != nil {
		return err
	}
	if k.undated || k.block == last {
		c.tiles[k] = &tile{reports: got, used: c.clock}
		return nil
	}
	match := nearMatch
	if k.victim {
		match = victimMatch
	}
	for blk := k.block; blk <= last; blk++ {
		t := &tile{used: c.clock}
		blo, bhi := blk*tileDays, blk*tileDays+tileDays-1
		for _, i := range got {
			if match(c.slots.at(i), blo, bhi) {
				t.reports = append(t.reports, i)
			}
		}
		kb := k
		kb.block = blk
		c.tiles[kb] = t
	}
	return nil
}

// memberSlots makes the members of each event known, reading the ids of
// those not known yet.
func (c *mergeCache) memberSlots(ctx context.Context, w *eventWriter, events []int32) error {
	var unknown []string
	for _, e := range events {
		if _, ok := c.events[e]; !ok {
			unknown = append(unknown, c.strs.get(e))
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	c.dirty = true
	if err := w.settle(); err != nil {
		return err
	}
	rows, err := w.eventReportIDs.QueryContext(ctx, jsonList(unknown))
	if err != nil {
		return err
	}
	defer rows.Close()
	found := map[int32][]int32{}
	var id, event sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &event); err != nil {
			return err
		}
		i, _ := c.slotOf(id)
		e := c.strs.id(event)
		found[e] = append(found[e], i)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, e := range unknown {
		k := c.strs.idString(e)
		c.setMembers(k, found[k])
	}
	return nil
}

// membersOf is the slots of event e's reports, which must be known.
func (c *mergeCache) membersOf(e int32) []int32 {
	m := c.events[e]
	return c.mem[m.off : m.off+m.n : m.off+m.n]
}

// setMembers records the slots of event e's reports. Runs replaced stay
// in mem until it is more than half garbage.
func (c *mergeCache) setMembers(e int32, ids []int32) {
	if old, ok := c.events[e]; ok && old.off+old.n == int32(len(c.mem)) {
		c.mem = c.mem[:old.off] // the last run: rewritten in place
	}
	c.events[e] = members{off: int32(len(c.mem)), n: int32(len(ids))}
	c.mem = append(c.mem, ids...)
	if len(c.mem) > 1<<16 && len(c.mem) > 2*int(c.slots.n) {
		c.compactMembers()
	}
}

// compactMembers drops the replaced runs from mem.
func (c *mergeCache) compactMembers() {
	mem := make([]int32, 0, int(c.slots.n)+1<<14)
	for e, m := range c.events {
		c.events[e] = members{off: int32(len(mem)), n: m.n}
		mem = append(mem, c.mem[m.off:m.off+m.n]...)
	}
	c.mem = mem
}
