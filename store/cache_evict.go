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
// The kept entries are copied into new tables, which is what frees the
// memory of the rest.
func (c *mergeCache) evict(target int) {
	c.complete = false // the tiles dropped hold stored reports
	keys := make([]tileKey, 0, len(c.tiles))
	for k := range c.tiles {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b tileKey) int { return cmp.Compare(c.tiles[b].used, c.tiles[a].used) })
	in := make([]bool, c.slots.n)
	n, kept := 0, 0
	for _, k := range keys {
		fresh := 0
		for _, i := range c.tiles[k].reports {
			if !in[i] {
				in[i] = true
				fresh++
			}
		}
		if n+fresh > target {
			break // this and every tile used before it go
		}
		n += fresh
		kept++
	}
	to := &mergeCache{strs: newStrTable(), slots: newSlots(), tiles: map[tileKey]*tile{},
		events: map[int32]members{}, sums: map[int32]sumEntry{}, arts: map[int32]artInfo{}}
	remap := make([]int32, c.slots.n)
	copySlot := func(i int32, whole bool) int32 {
		if remap[i] != 0 {
			return remap[i]
		}
		s := *c.slots.at(i)
		k := to.strs.id(c.strs.bytes(s.key))
		a := s.art
		if a >= 0 {
			a = to.strs.id(c.strs.bytes(s.art))
		}
		_, j := to.slots.find(k, a, s.start)
		x := to.slots.add(k, a, s.start, j)
		if whole && s.loaded {
			ai := c.arts[s.article]
			for _, f := range []*int32{&s.event, &s.code, &s.place, &s.prec, &s.sentence, &s.article, &ai.path, &ai.published} {
				*f = to.strs.id(c.strs.bytes(*f))
			}
			to.arts[s.article] = ai
			s.key, s.art = k, a
			*to.slots.at(x) = s
			to.loaded++
		}
		remap[i] = x
		return x
	}
	for _, k := range keys[:kept] {
		t := c.tiles[k]
		nt := &tile{reports: make([]int32, len(t.reports)), used: t.used}
		for j, i := range t.reports {
			nt.reports[j] = copySlot(i, true)
		}
		k.family, k.pair = to.strs.id(c.strs.bytes(k.family)), to.strs.id(c.strs.bytes(k.pair))
		to.tiles[k] = nt
	}
	// The members and summaries of the kept reports' events.
	for _, k := range keys[:kept] {
		for _, i := range c.tiles[k].reports {
			e := c.slots.at(i).event
			m, ok := c.events[e]
			ne := to.strs.id(c.strs.bytes(e))
			if _, done := to.events[ne]; !ok || done {
				continue
			}
			ids := make([]int32, m.n)
			for j, x := range c.mem[m.off : m.off+m.n] {
				ids[j] = copySlot(x, false)
			}
			to.setMembers(ne, ids)
			if s, ok := c.sums[e]; ok {
				to.sums[ne] = s
			}
		}
	}
	c.evicted += len(c.tiles) - kept
	c.tiles, c.strs, c.slots, c.loaded = to.tiles, to.strs, to.slots, to.loaded
	c.events, c.mem, c.sums, c.arts = to.events, to.mem, to.sums, to.arts
}
