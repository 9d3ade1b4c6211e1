package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// behindCorpus mixes dense events, which merge and cascade, with
// syndicated copies of a few stories, which join copy groups: each copy
// carries the events of one of the dense articles.
func behindCorpus(t *testing.T, seed uint64) ([]model.Article, [][]model.Event) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 19))
	c := summaryCorpus(seed, 80)
	world, _ := originWorld(t, rng)
	articles, events := c.articles, c.events
	for _, a := range world {
		articles = append(articles, a)
		events = append(events, c.events[rng.IntN(len(c.events))])
	}
	order := rng.Perm(len(articles))
	as, es := make([]model.Article, len(order)), make([][]model.Event, len(order))
	for i, k := range order {
		as[i], es[i] = articles[k], events[k]
	}
	return as, es
}

// mustStoreDump is everything a save writes that readers see.
func mustStoreDump(t *testing.T, db *DB) string {
	t.Helper()
	var docs, mentions int
	if err := db.r.QueryRow(`SELECT (SELECT COUNT(*) FROM report_docs), (SELECT COUNT(*) FROM mentions)`).Scan(&docs, &mentions); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s%s%s%d texts for %d reports\n", MustDump(t, db), mustOriginRows(t, db), mustSummaries(t, db), docs, mentions)
}

// Writing behind stores what writing each statement in turn stores, in
// batches of every size: in a first load, bulk or not, and into a store
// holding half of the corpus, whose merge cache reads tiles, through a
// second connection. In a first load the writer waits for its queued
// writes only a few times a batch, not for each article (its existence,
// its copies' groups, its bands).
func TestWriteBehind_SameAsWithout(t *testing.T) {
	ctx := context.Background()
	for seed := range uint64(6) {
		mode := []string{"bulk first load", "first load", "into a stored half"}[seed%3]
		t.Run(fmt.Sprintf("%s seed %d", mode, seed), func(t *testing.T) {
			articles, events := behindCorpus(t, seed)
			rng := rand.New(rand.NewPCG(seed, 20))
			var batches [][2]int
			for i := 0; i < len(articles); {
				n := min(1+rng.IntN(40), len(articles)-i)
				batches = append(batches, [2]int{i, i + n})
				i += n
			}
			var dumps [2]string
			for k, sync := range []bool{true, false} {
				db := MustOpen(t)
				db.writeSync = sync
				end := func(context.Context) error { return nil }
				if mode == "bulk first load" {
					var err error
					if end, err = db.BeginBulk(ctx); err != nil {
						t.Fatal(err)
					}
				}
				on := db
				for i, b := range batches {
					if mode == "into a stored half" && i == len(batches)/2 {
						on = MustOpenPath(t, db.Path())
						on.writeSync = sync
						// Evicting as it goes, the cache reads tiles
						// that the batch has written to.
						defer func(n int) { maxCachedReports = n }(maxCachedReports)
						maxCachedReports = 60
					}
					added, err := on.SaveArticles(ctx, articles[b[0]:b[1]], events[b[0]:b[1]])
					if err != nil || len(added) != b[1]-b[0] {
						t.Fatalf("SaveArticles: %v (%d of %d)", err, len(added), b[1]-b[0])
					}
				}
				if err := end(ctx); err != nil {
					t.Fatal(err)
				}
				dumps[k] = mustStoreDump(t, db)
				if sync {
					continue
				}
				if db.behindRedone+on.behindRedone != 0 {
					t.Errorf("%d batches written again, want none", db.behindRedone+on.behindRedone)
				}
				if mode == "into a stored half" {
					if on.cache.scans == 0 || on.cache.evicted == 0 {
						t.Errorf("the second connection's merge cache read %d tiles and evicted %d: the test tests too little", on.cache.scans, on.cache.evicted)
					}
					continue
				}
				if most := 3 * len(batches); db.behindSettles > most {
					t.Errorf("the writer waited for its queued writes %d times in %d batches of %d articles, want at most %d",
						db.behindSettles, len(batches), len(articles), most)
				}
				if n := db.origins.index.learnt; n != 0 {
					t.Errorf("band mates read %d times in a first load, want none: the copy index holds every article", n)
				}
				if db.origins.fast == 0 {
					t.Error("no copy joined a group by its kept summary: the corpus tests too little")
				}
			}
			if dumps[0] != dumps[1] {
				t.Errorf("written behind, the store differs: %s", firstDiff(dumps[1], dumps[0]))
			}
		})
	}
}

// Into a stored store, whose merge cache reads what merging needs, the
// writer reads for many articles at once (prefetch), and so waits for its
// queued writes fewer times, and stores the same.
func TestWriteBehind_PrefetchWaitsLess(t *testing.T) {
	ctx := context.Background()
	articles, events := behindCorpus(t, 4)
	half := len(articles) / 2
	var dumps [2]string
	var settles, scans [2]int
	for k, off := range []bool{false, true} {
		db := MustOpen(t)
		if _, err := db.SaveArticles(ctx, articles[:half], events[:half]); err != nil {
			t.Fatal(err)
		}
		on := MustOpenPath(t, db.Path()) // its cache starts empty: it reads
		on.noPrefetch = off
		for i := half; i < len(articles); i += 2 * prefetchAhead {
			end := min(i+2*prefetchAhead, len(articles))
			if added, err := on.SaveArticles(ctx, articles[i:end], events[i:end]); err != nil || len(added) != end-i {
				t.Fatalf("SaveArticles: %v (%d of %d)", err, len(added), end-i)
			}
		}
		dumps[k], settles[k], scans[k] = mustStoreDump(t, on), on.behindSettles, on.cache.scans
	}
	if dumps[0] != dumps[1] {
		t.Errorf("with prefetching, the store differs: %s", firstDiff(dumps[0], dumps[1]))
	}
	if scans[1] == 0 {
		t.Fatal("the cache read no tile: the test tests nothing")
	}
	if settles[0]*2 > settles[1] {
		t.Errorf("the writer waited for its queued writes %d times prefetching, %d times not: want at most half", settles[0], settles[1])
	}
}

// A queued write that fails is found out after the writer has gone on:
// the batch is written again without the queue, and SaveArticles
// reports what it reports without one, the articles before the failed
// one stored.
func TestWriteBehind_FailedWriteRedone(t *testing.T) {
	ctx := context.Background()
	articles, events := behindCorpus(t, 9)
	articles, events = articles[:12], events[:12]
	// The fifth article's reports are refused by a trigger: moved to a
	// start of their own, which no other article's report has.
	bad := make([]model.Event, len(events[4]))
	for i, e := range events[4] {
		e.Mentions = append([]model.Mention(nil), e.Mentions...)
		for j := range e.Mentions {
			e.Mentions[j].Start, e.Mentions[j].End = 7777, 7790
		}
		bad[i] = e
	}
	if len(bad) == 0 {
		t.Fatal("the fifth article has no event")
	}
	events[4] = bad
	type result struct {
		added []bool
		err   string
		dump  string
	}
	var got [2]result
	for k, sync := range []bool{true, false} {
		db := MustOpen(t)
		db.writeSync = sync
		if _, err := db.w.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON mentions WHEN NEW."start" = 7777
			BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
			t.Fatal(err)
		}
		added, err := db.SaveArticles(ctx, articles, events)
		if !errors.Is(err, ErrInvalid) {
			t.Fatalf("sync %v: err = %v, want ErrInvalid", sync, err)
		}
		got[k] = result{added, err.Error(), mustStoreDump(t, db)}
		if !sync && db.behindRedone != 1 {
			t.Errorf("%d batches written again, want 1", db.behindRedone)
		}
	}
	if len(got[0].added) != 4 {
		t.Errorf("without the queue, %d articles stored before the refused one, want 4", len(got[0].added))
	}
	if fmt.Sprint(got[1].added) != fmt.Sprint(got[0].added) || got[1].err != got[0].err {
		t.Errorf("written behind: added %v, err %q; without: added %v, err %q", got[1].added, got[1].err, got[0].added, got[0].err)
	}
	if got[1].dump != got[0].dump {
		t.Errorf("written behind, the store differs: %s", firstDiff(got[1].dump, got[0].dump))
	}
}
