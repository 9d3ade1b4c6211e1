package store

import (
	"slices"
	"unsafe"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// How the merge cache follows the writer's writes (cache.go).

// freshReport is a report writeReport inserted, as a lookup would read
// it back, with the keys of the lookups that find it; r is nil when
// nothing was inserted.
type freshReport struct {
	r                    *freshRow
	family, pair, victim string
}

type freshRow struct {
	id, eventID, article, path, published string
	code, place, precision, sentence      string
	start, first, last                    int
	source                                model.Actor
	tgt                                   *model.Actor
}

// newFreshReport is report r, just inserted with the stored columns
// given, as a lookup would read it back.
func newFreshReport(id, eventID string, r model.Event, start, end, precision, family, pair, victim string) (freshReport, error) {
	date, err := decodeDate(start, end, precision)
	if err != nil {
		return freshReport{}, err
	}
	m := r.Mentions[0]
	f := &freshRow{id: id, eventID: eventID, start: m.Start, code: r.Code, place: r.Location,
		precision: precision, source: r.Source, tgt: r.Target,
		article: m.ArticleID, path: m.Path, published: m.Published}
	if merge.BlameFamily(family) && merge.ContestsBlame(m.Sentence) { // as reportSelect reads it
		f.sentence = m.Sentence
	}
	if !date.IsZero() {
		f.first, f.last = dayNumber(date.First()), dayNumber(date.Last())
	}
	return freshReport{r: f, family: family, pair: pair, victim: victim}, nil
}

// bytesOf is s as bytes, for the cache's lookups, which do not keep them.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// written records the events writeChanged wrote: each changed event with
// the ids of its reports (new ones given in fresh, with their stored
// columns), and the events retired.
func (c *mergeCache) written(changed map[string][]string, inserted map[string]bool, fresh []freshReport, retired []string) {
	c.dirty = true
	for _, f := range fresh {
		c.addFresh(f)
	}
	for e, ids := range changed {
		slots := make([]int32, len(ids))
		for i, id := range ids {
			slots[i], _ = c.slotOf(bytesOf(id))
		}
		k := c.strs.idString(e)
		if inserted[e] {
			c.inserted(k, slots)
		} else {
			c.changed(k, slots)
		}
	}
	for _, e := range retired {
		c.retired(e)
	}
}

// changed records that event e now has the reports of slots.
func (c *mergeCache) changed(e int32, slots []int32) {
	c.dirty = true
	for _, i := range slots {
		if s := c.slots.at(i); s.loaded {
			s.event = e
		}
	}
	c.setMembers(e, slots)
	delete(c.sums, e)
}

// inserted records that event e, written as new (not read), now has the
// reports of slots. It may be a stored event all the same, whose reports
// the writer did not read: when an actor's row changes (its country),
// the reports of another bucket can make an event with the id of one
// stored under the old row, and writeEventRow's insert then updates the
// stored row, whose reports stay its own. A cache that knows them keeps
// them; one that cannot tell (not complete, after a row changed: without
// a change the reports that make an id are in one bucket, which the
// lookups read) forgets e's members, to read them when next needed.
func (c *mergeCache) inserted(e int32, slots []int32) {
	if _, known := c.events[e]; known {
		slots = append(slices.Clone(c.membersOf(e)), slots...)
		slices.Sort(slots)
		slots = slices.Compact(slots)
	} else if !c.complete && c.unstable {
		c.changed(e, slots)
		delete(c.events, e)
		return
	}
	c.changed(e, slots)
}

// retired records that event e is no more.
func (c *mergeCache) retired(e string) {
	c.dirty = true
	if k, ok := c.strs.lookup(e); ok {
		delete(c.events, k)
		delete(c.sums, k)
	}
}

// addFresh takes in a new report and returns its slot.
func (c *mergeCache) addFresh(f freshReport) int32 {
	c.dirty = true
	r := f.r
	i, made := c.slotOf(bytesOf(r.id))
	s := c.slots.at(i)
	if !s.loaded {
		c.loaded++
	}
	s.event, s.start = c.strs.idString(r.eventID), int32(r.start)
	s.code, s.place, s.prec = c.strs.idString(r.code), c.strs.idString(r.place), c.strs.idString(r.precision)
	s.kind = precKind(r.precision)
	s.src, s.tgt = c.actor(r.source), -1
	if r.tgt != nil {
		s.tgt = c.actor(*r.tgt)
	}
	s.article = c.strs.idString(r.article)
	if _, ok := c.arts[s.article]; !ok {
		c.arts[s.article] = artInfo{c.strs.idString(r.path), c.strs.idString(r.published)}
	}
	s.sentence = c.strs.idString(r.sentence) // a copy, not the article's text around it
	s.first, s.last = int32(r.first), int32(r.last)
	s.loaded = true
	c.addToTiles(i, f.family, f.pair, f.victim, !made)
	return i
}

// addToTiles adds a new report to every loaded tile whose lookup finds
// it; known says the cache had its id already, so that a tile may hold it.
func (c *mergeCache) addToTiles(i int32, family, pair, victim string, known bool) {
	// A complete cache (setComplete) makes the tiles it does not hold.
	lookup := c.strs.lookup
	if c.complete {
		lookup = func(s string) (int32, bool) { return c.strs.idString(s), true }
	}
	fam, ok := lookup(family)
	if !ok {
		return // no tile of the family is loaded
	}
	add := func(k tileKey) {
		t, ok := c.tiles[k]
		if !ok && c.complete {
			t = &tile{used: c.clock}
			c.tiles[k], ok = t, true
		}
		if ok && !(known && slices.Contains(t.reports, i)) {
			t.reports = append(t.reports, i)
		}
	}
	r := c.slots.at(i)
	if p, ok := lookup(pair); ok {
		if r.kind == precNone && r.prec == 0 {
			add(tileKey{family: fam, pair: p, undated: true})
		} else if r.prec != 0 {
			// A block's lookup finds r when r's days (with the SQL's
			// bounds per precision) reach into it.
			for blk := blockOf(int(r.first)); blk <= blockOf(int(max(r.last, r.first))); blk++ {
				lo := int32(blk * tileDays)
				if nearMatch(r, lo, lo+tileDays-1) {
					add(tileKey{family: fam, pair: p, block: int32(blk)})
				}
			}
		}
	}
	if r.kind == precDay {
		if v, ok := lookup(victim); ok {
			add(tileKey{family: fam, pair: v, victim: true, block: int32(blockOf(int(r.first)))})
		}
	}
}
