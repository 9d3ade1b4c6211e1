package explorer

import (
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/report"
)

// siteCache keeps the report sites (the pages' data, the network and its
// layout) of the latest filters, so that moving between the pages of one
// view, or asking /api/graph again, does not read the events and lay out
// the network again. Entries expire after ttl, since the database may be
// written by an ingest running beside the server; a site with more than
// maxCachedEvents events is not kept, to bound memory.
type siteCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	max     int
	now     func() time.Time
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	ready   chan struct{} // closed when site and err are set
	site    *report.Site
	err     error
	created time.Time
	used    time.Time
}

const maxCachedEvents = 200_000

func newSiteCache(ttl time.Duration, max int) *siteCache {
	return &siteCache{ttl: ttl, max: max, now: time.Now, entries: map[string]*cacheEntry{}}
}

// get returns the site of key, building it with build when it is missing
// or stale. Concurrent requests for one key wait for a single build.
func (c *siteCache) get(key string, build func() (*report.Site, error)) (*report.Site, error) {
	if c == nil || c.ttl <= 0 {
		return build()
	}
	c.mu.Lock()
	now := c.now()
	e := c.entries[key]
	if e != nil && now.Sub(e.created) > c.ttl {
		select {
		case <-e.ready:
			delete(c.entries, key)
			e = nil
		default: // still building: share it
		}
	}
	if e != nil {
		e.used = now
		c.mu.Unlock()
		<-e.ready
		return e.site, e.err
	}
	e = &cacheEntry{ready: make(chan struct{}), created: now, used: now}
	c.entries[key] = e
	c.evict()
	c.mu.Unlock()

	e.site, e.err = build()
	close(e.ready)
	if e.err != nil || len(e.site.Events()) > maxCachedEvents {
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
	}
	return e.site, e.err
}

// evict drops the least recently used finished entries beyond max. The
// caller holds c.mu.
func (c *siteCache) evict() {
	for len(c.entries) > c.max {
		var oldest string
		var at time.Time
		for k, e := range c.entries {
			select {
			case <-e.ready:
			default:
				continue
			}
			if oldest == "" || e.used.Before(at) {
				oldest, at = k, e.used
			}
		}
		if oldest == "" {
			return
		}
		delete(c.entries, oldest)
	}
}
