package store

import (
	"cmp"
	"slices"
)

// Eviction: past its bound the merge cache drops its least recently used
// tiles and what only they hold, instead of emptying.

// evictTo is the share of maxCachedReports that eviction keeps: the
// headroom spares a pass over the cache in every transaction.
const evictTo = 0.75

// bound evicts when the cache holds more than a quarter over
// maxCachedReports reports. Between two articles every entry is as the
// transaction reads it, so the writer calls it before each article's
// merge: one batch (512 articles) can read far more reports than the
// bound. It used to allow twice the bound within a batch, since evicting
// at the bound cost 4% more CPU at 10k articles (tiles read again in the
// same batch). But past some 40k articles most lookups miss, a batch
// reads the cache up to that limit, and its million reports (with their
// strings, some 90 MB) held the live heap within a few MB of the ingest's
// heap limit: the collector ran twenty times a second, for a third of a
// 100k ingest's CPU.
func (c *mergeCache) bound() {
	if c.size() > maxCachedReports+maxCachedReports/4 {
		c.evict(int(float64(maxCachedReports) * evictTo))
	}
	c.boundSums()
}

// boundSums drops the summaries of least priority past
// maxCachedSummaries, keeping three quarters of it. A summary dropped is
// made again from its event's reports, which the cache still holds.
func (c *mergeCache) boundSums() {
	if len(c.sums) <= maxCachedSummaries {
		return
	}
	type entry struct {
		e          int32
		keep, used uint64
	}
	all := make([]entry, 0, len(c.sums))
	for e, s := range c.sums {
		all = append(all, entry{e, s.keep, s.used})
	}
	slices.SortFunc(all, func(a, b entry) int { // ties by use: most are 1-report events
		return cmp.Or(cmp.Compare(a.keep, b.keep), cmp.Compare(a.used, b.used))
	})
	for _, x := range all[:len(all)-int(float64(maxCachedSummaries)*evictTo)] {
		delete(c.sums, x.e)
		c.sumLow = max(c.sumLow, x.keep)
	}
}

// sumPriority is the priority of event e's summary to stay, set when it
// is made or used: what making it again would cost, its count of reports,
// on top of the highest priority dropped so far (GreedyDual-Size, with
// the summaries taken as alike in size). An event retold in thousands of
// articles (a deal "signed on 1 January 2018" recalled in every later
// story) is made again from all its reports; kept by recency alone, its
// summary went whenever a few thousand others were used in between. A
// summary not used sinks below the new ones as drops raise the floor.
func (c *mergeCache) sumPriority(e int32) uint64 {
	return c.sumLow + 1 + uint64(c.events[e].n)
}

// evict keeps the most recently used tiles that hold at most target
// reports between them and drops the others, with everything the cache
// holds only for them: the reports no kept tile holds (those read for
// summaries included), the members and summaries of events no kept
// report belongs to, and the strings no kept entry uses. It runs between
// articles, when every entry is as the transaction reads it, and
// whatever it drops is read again as the SQL reads it. Actors stay: they
// are few, and each stays the one value its reports share, which
// upsertedActor updates. An event keeps its summary only with its
// members (mergeFast reads those of the events it places).
//
// The kept reports are moved down within the slot table, in slot order,
// and the pages past them are let go; the tiles and members keep their
// lists with the slots renumbered. Only the strings are copied, into a
// new table: a string handed out points into its chunk, whose bytes are
// never written again. Copying the whole cache into new tables had both
// live for a moment: at 100k articles the live heap rose from some 130 MB
// to over 200 at each eviction, and with it the collector's work and the
// peak RSS.
func (c *mergeCache) evict(target int) {
	c.complete = false // the tiles dropped hold stored reports
	keys := make([]tileKey, 0, len(c.tiles))
	for k := range c.tiles {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b tileKey) int { return cmp.Compare(c.tiles[b].used, c.tiles[a].used) })
	// What stays of a slot: nothing, its id (a member of an event a kept
	// report belongs to), or all of it (a report of a kept tile).
	const (
		dropSlot uint8 = iota
		idOnly
		wholeSlot
	)
	keep := make([]uint8, c.slots.n)
	n, kept := 0, 0
	var fresh []int32
	for _, k := range keys {
		fresh = fresh[:0]
		for _, i := range c.tiles[k].reports {
			if keep[i] == dropSlot {
				keep[i] = wholeSlot
				fresh = append(fresh, i)
			}
		}
		if n+len(fresh) > target {
			for _, i := range fresh {
				keep[i] = dropSlot // this and every tile used before it go
			}
			break
		}
		n += len(fresh)
		kept++
	}
	// The events of the kept reports, in the order they are met, keep
	// their members and summaries.
	seen := make([]bool, len(c.strs.refs))
	var events []int32
	total := 0
	for _, k := range keys[:kept] {
		for _, i := range c.tiles[k].reports {
			e := c.slots.at(i).event
			m, ok := c.events[e]
			if !ok || seen[e] {
				continue
			}
			seen[e] = true
			events = append(events, e)
			total += int(m.n)
			for _, x := range c.mem[m.off : m.off+m.n] {
				keep[x] = max(keep[x], idOnly)
			}
		}
	}

	old := c.strs
	strs := newStrTable()
	arts := map[int32]artInfo{}
	remap := make([]int32, c.slots.n)
	w, loaded := int32(1), 0
	for i := int32(1); i < c.slots.n; i++ {
		if keep[i] == dropSlot {
			continue
		}
		s := *c.slots.at(i)
		k := strs.id(old.bytes(s.key))
		a := s.art
		if a >= 0 {
			a = strs.id(old.bytes(s.art))
		}
		if keep[i] == wholeSlot && s.loaded {
			ai := c.arts[s.article]
			for _, f := range []*int32{&s.event, &s.code, &s.place, &s.prec, &s.sentence, &s.article, &ai.path, &ai.published} {
				*f = strs.id(old.bytes(*f))
			}
			arts[s.article] = ai
			s.key, s.art = k, a
			loaded++
		} else {
			s = slot{key: k, art: a, start: s.start}
		}
		*c.slots.at(w) = s
		remap[i] = w
		w++
	}
	c.slots.shrink(w)

	mem := make([]int32, 0, total)
	byEvent := make(map[int32]members, len(events))
	sums := map[int32]sumEntry{}
	for _, e := range events {
		m := c.events[e]
		ne := strs.id(old.bytes(e))
		byEvent[ne] = members{off: int32(len(mem)), n: m.n}
		for _, x := range c.mem[m.off : m.off+m.n] {
			mem = append(mem, remap[x])
		}
		if s, ok := c.sums[e]; ok {
			sums[ne] = s
		}
	}
	tiles := make(map[tileKey]*tile, kept)
	for _, k := range keys[:kept] {
		t := c.tiles[k]
		for j, i := range t.reports {
			t.reports[j] = remap[i]
		}
		k.family, k.pair = strs.id(old.bytes(k.family)), strs.id(old.bytes(k.pair))
		tiles[k] = t
	}
	c.evicted += len(c.tiles) - kept
	c.tiles, c.strs, c.loaded = tiles, strs, loaded
	c.events, c.mem, c.sums, c.arts = byEvent, mem, sums, arts
}
