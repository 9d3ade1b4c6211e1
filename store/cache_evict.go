package store

import (
	"cmp"
	"slices"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// Eviction: past its bound the merge cache drops its least recently used
// tiles and what only they hold, instead of emptying.

// evictTo is the share of maxCachedReports that eviction keeps: the
// headroom spares a pass over the cache in every transaction.
const evictTo = 0.75

// bound evicts when the cache holds more than twice maxCachedReports
// reports. Between two articles every entry is as the transaction reads
// it, so the writer calls it before each article's merge: one batch (512
// articles) can read far more reports than the bound. Within a batch it
// allows twice the bound, since evicting at the bound there cost 4% more
// CPU at 10k articles (tiles read again in the same batch) for no less
// peak RSS.
func (c *mergeCache) bound() {
	if len(c.reports) > 2*maxCachedReports {
		c.evict(int(float64(maxCachedReports) * evictTo))
	}
}

// evict keeps the most recently used tiles that hold at most target
// reports between them and drops the others, with everything the cache
// holds only for them: the reports no kept tile holds (those read for
// summaries included), the members and summaries of events no kept
// report belongs to, and the actors, articles and strings no kept report
// shares. It runs between articles, when every entry is as the
// transaction reads it, and whatever it drops is read again as the SQL
// reads it; an actor kept stays the one value its reports share, which
// upsertedActor updates, and an event keeps its summary only with its
// members (mergeFast reads those of the events it places).
func (c *mergeCache) evict(target int) {
	keys := make([]tileKey, 0, len(c.tiles))
	for k := range c.tiles {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b tileKey) int { return cmp.Compare(c.tiles[b].used, c.tiles[a].used) })
	tiles := map[tileKey]*tile{}
	reports := make(map[string]*cachedReport, target)
	for _, k := range keys {
		t := c.tiles[k]
		n := 0
		for _, r := range t.reports {
			if reports[r.id] == nil {
				n++
			}
		}
		if len(reports)+n > target {
			break // this and every tile used before it go
		}
		tiles[k] = t
		for _, r := range t.reports {
			reports[r.id] = r
		}
	}
	c.evicted += len(c.tiles) - len(tiles)
	events := map[string][]string{}
	sums := map[string]*merge.Summary{}
	actors := map[string]*model.Actor{}
	articles := map[string]*cachedArticle{}
	strs := map[string]string{}
	for _, r := range reports {
		if ids, ok := c.events[r.eventID]; ok {
			events[r.eventID] = ids
		}
		if s, ok := c.sums[r.eventID]; ok {
			sums[r.eventID] = s
		}
		actors[r.source.ID] = r.source
		if r.tgt != nil {
			actors[r.tgt.ID] = r.tgt
		}
		articles[r.art.id] = r.art
		for _, s := range [...]string{r.eventID, r.code, r.place, r.precision} {
			strs[s] = s
		}
	}
	c.tiles, c.reports, c.events, c.sums = tiles, reports, events, sums
	c.actors, c.articles, c.strs = actors, articles, strs
}
