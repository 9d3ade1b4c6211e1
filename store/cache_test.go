package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// blameCorpus is denser than genCorpus in what the merge cache must get
// right: places, blame words, acts laid at different doors (victim
// buckets), dates of every precision across tile edges, undated reports,
// and an actor whose row changes (its country) from article to article.
func blameCorpus(seed uint64, n int) corpus { return blameCorpusOf(seed, n, true) }

// corpusBySeed is the blame corpus for an even seed and the generated
// one for an odd seed, each from its own base of seeds.
func corpusBySeed(seed, blame, gen uint64, n int) corpus {
	if seed%2 == 1 {
		return genCorpus(gen+seed, n)
	}
	return blameCorpus(blame+seed, n)
}

// blameCorpusOf is blameCorpus, with the actor whose row changes only
// when shifts is set (rows that change stop the merge fast path).
func blameCorpusOf(seed uint64, n int, shifts bool) corpus {
	r := rand.New(rand.NewPCG(seed, 7))
	shifty := func() model.Actor { // one id, two countries
		a := model.NewActor("Unit 9", "SYR", model.RoleMIL)
		if shifts && r.IntN(2) == 0 {
			a.Country, a.Code = "TUR", "TURMIL"
		}
		return a
	}
	actors := []func() model.Actor{
		func() model.Actor { return kremlin }, func() model.Actor { return rebels },
		func() model.Actor { return assad }, func() model.Actor { return un }, shifty,
		func() model.Actor { return model.NewActor("Russian jets", "RUS", model.RoleMIL) },
	}
	codes := []string{"190", "195", "183", "173", "120", "042", "057", "20"}
	places := []string{"Idlib", "idlib", "Aleppo", ""}
	sentences := []string{"Jets struck the town.", "The army denied any part in the strike.",
		"Officials blamed the rebels.", "Shelling hit the market."}
	var dates []model.Date
	for d := 0; d < 40; d += 3 { // days across the edges of 16-day tiles
		dates = append(dates, model.Day(time.Date(2020, 2, 20, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d)))
	}
	dates = append(dates, model.Month(2020, 3), model.Month(2020, 2), model.Year(2020), model.Date{},
		model.Range(time.Date(2020, 2, 25, 0, 0, 0, 0, time.UTC), time.Date(2020, 3, 9, 0, 0, 0, 0, time.UTC)))
	var c corpus
	for i := range n {
		pub := time.Date(2020, 3, 1+r.IntN(20), 9, 0, 0, 0, time.UTC)
		a := newArticle(fmt.Sprintf("b/%03d.txt", i), []string{"AP", "AFP", "Reuters"}[r.IntN(3)], pub, fmt.Sprintf("blame body %d", i))
		var events []model.Event
		for j := range 1 + r.IntN(6) {
			tgt := actors[r.IntN(len(actors))]()
			var tp *model.Actor
			if r.IntN(5) > 0 {
				tp = &tgt
			}
			e := newEvent(actors[r.IntN(len(actors))](), tp, codes[r.IntN(len(codes))], dates[r.IntN(len(dates))], 100*j)
			e.Location = places[r.IntN(len(places))]
			e.Mentions[0].Sentence = sentences[r.IntN(len(sentences))]
			e.SetID()
			events = append(events, e)
		}
		c.articles = append(c.articles, a)
		c.events = append(c.events, events)
	}
	return c
}

// MustDump is what the stored merge decided: every event row, every
// report's event, every alias and every actor row.
func MustDump(tb testing.TB, db *DB) string {
	tb.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, code, date_start, date_end, precision, source_id, COALESCE(target_id, ''), location, articles FROM events ORDER BY id`,
		`SELECT id, event_id, '', '', '', '', '', '', '' FROM mentions ORDER BY id`,
		`SELECT alias, event_id, '', '', '', '', '', '', '' FROM event_aliases ORDER BY alias`,
		`SELECT id, name, country, role, code, '', '', '', '' FROM actors ORDER BY id`,
	} {
		rows, err := db.r.Query(q)
		if err != nil {
			tb.Fatal(err)
		}
		for rows.Next() {
			var f [9]sql.NullString
			if err := rows.Scan(&f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &f[8]); err != nil {
				tb.Fatal(err)
			}
			fmt.Fprintln(&b, f)
		}
		rows.Close()
	}
	return b.String()
}

// The merge cache must decide exactly as reading every lookup from
// SQLite and clustering the whole neighbourhood does: the same corpus, in
// random orders and batches, with bad articles (rolled back) and, unless
// alone is set, another connection writing in between, is stored alike
// by three stores: cached (with the fast path of merge summaries),
// uncached but with the fast path (summaries made afresh from SQLite for
// every article), and plain (uncached, always clustering in full). With
// stable actors and no other writer most articles must take the fast
// path, so that the comparison tests it.
func TestMergeCache_SameDecisions(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			c := corpusBySeed(seed, 200, 300, 120)
			mustSameDecisions(t, c, seed, false)
		})
	}
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("alone, stable actors, seed ", seed), func(t *testing.T) {
			// The blame corpus is mostly acts that may be laid at other
			// doors, where the fast path declines.
			c, least := blameCorpusOf(400+seed, 150, false), 30
			if seed%2 == 1 {
				c, least = genCorpus(500+seed, 150), 80
			}
			fast, _ := mustSameDecisions(t, c, seed, true)
			if fast < least {
				t.Errorf("%d of 150 articles took the fast path", fast)
			}
		})
	}
}

// A first load into an empty store, with no article failing and no other
// writer, keeps the cache complete throughout (setComplete): it makes the
// tiles of new buckets without reading them, and must decide as the
// plain store does.
func TestMergeCache_SameDecisionsComplete(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			c := corpusBySeed(seed, 800, 900, 150)
			cached := mustSameDecisionsOf(t, c, seed, true, false)
			if !cached.cache.complete || cached.cache.made == 0 || cached.cache.scans != 0 {
				t.Errorf("complete %v, tiles made %d, tiles read %d", cached.cache.complete, cached.cache.made, cached.cache.scans)
			}
		})
	}
	// Past its bound the cache drops tiles of stored reports, and reads
	// them again: it is complete no more.
	old := maxCachedReports
	maxCachedReports = 40
	defer func() { maxCachedReports = old }()
	for seed := range uint64(2) {
		t.Run(fmt.Sprint("evicting, seed ", seed), func(t *testing.T) {
			cached := mustSameDecisionsOf(t, genCorpus(950+seed, 150), seed, true, false)
			if cached.cache.complete || cached.cache.evicted == 0 || cached.cache.scans == 0 {
				t.Errorf("complete %v, tiles evicted %d, tiles read %d", cached.cache.complete, cached.cache.evicted, cached.cache.scans)
			}
		})
	}
}

// A complete cache's tiles are what their lookups read from SQLite: each
// tile of every stored bucket, in every block the stored reports reach,
// undated and victim tiles too, holds the same reports whether the cache
// made it as reports were written or reads it from the store.
func TestMergeCache_CompleteTilesAsRead(t *testing.T) {
	db := MustOpen(t)
	for _, c := range []corpus{blameCorpus(11, 60), genCorpus(12, 60)} {
		for i := 0; i < len(c.articles); i += 7 {
			end := min(i+7, len(c.articles))
			if _, err := db.SaveArticles(context.Background(), c.articles[i:end], c.events[i:end]); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := db.cache
	c.mu.Lock()
	if !c.complete {
		c.mu.Unlock()
		t.Fatal("a first load, with no failure and no other writer, left the cache incomplete")
	}
	type key struct {
		family, pair    string
		undated, victim bool
		block           int32
	}
	ids := func(slots []int32) []string {
		out := []string{}
		for _, i := range slots {
			out = append(out, c.idOf(i))
		}
		slices.Sort(out)
		return out
	}
	made := map[key][]string{}
	for k, tl := range c.tiles {
		made[key{c.strs.get(k.family), c.strs.get(k.pair), k.undated, k.victim, k.block}] = ids(tl.reports)
	}
	lo, hi := int32(math.MaxInt32), int32(math.MinInt32)
	for i := int32(1); i < c.slots.n; i++ {
		if r := c.slots.at(i); r.loaded && r.kind != precNone {
			lo, hi = min(lo, r.first), max(hi, r.first, r.last)
		}
	}
	c.reset()
	c.mu.Unlock()

	ctx := context.Background()
	tx, err := db.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := c.begin(ctx, tx); err != nil {
		t.Fatal(err)
	}
	defer c.end(false)
	c.complete = false // the store holds reports: begin knows, this says it twice
	w, err := newEventWriter(ctx, tx, c)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	var buckets []bucketKey
	for _, q := range []struct {
		sql             string
		undated, victim bool
	}{
		{`SELECT DISTINCT family, pair FROM mentions WHERE precision <> ''`, false, false},
		{`SELECT DISTINCT family, pair FROM mentions WHERE precision = ''`, true, false},
		{`SELECT DISTINCT family, tgt_key FROM mentions WHERE precision = 'day'`, false, true},
	} {
		rows, err := tx.QueryContext(ctx, q.sql)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			b := bucketKey{undated: q.undated, victim: q.victim}
			if err := rows.Scan(&b.family, &b.pair); err != nil {
				t.Fatal(err)
			}
			buckets = append(buckets, b)
		}
		rows.Close()
	}
	compared, nonEmpty := 0, 0
	for _, b := range buckets {
		first, last := blockOf(int(lo)), blockOf(int(hi))
		if b.undated {
			first, last = 0, 0
		}
		for blk := first; blk <= last; blk++ {
			read, err := c.tile(ctx, w, c.tileKeyOf(b, blk))
			if err != nil {
				t.Fatal(err)
			}
			k := key{b.family, b.pair, b.undated, b.victim, int32(blk)}
			got := made[k]
			if got == nil {
				got = []string{}
			}
			if want := ids(read); !slices.Equal(got, want) {
				t.Errorf("tile %+v: made with %v, read %v", k, got, want)
			}
			compared++
			if len(read) > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 50 {
		t.Errorf("%d tiles compared, %d of them not empty", compared, nonEmpty)
	}
	t.Logf("%d buckets, %d tiles compared, %d not empty", len(buckets), compared, nonEmpty)
}

// Evicting must not change a decision either: with a bound of a few
// dozen reports the cache evicts in most transactions, keeping some
// tiles, reports, members and summaries and reading the rest again; with
// a bound of a few summaries it makes most summaries again.
func TestMergeCache_SameDecisionsEvicting(t *testing.T) {
	old, oldSums := maxCachedReports, maxCachedSummaries
	maxCachedReports, maxCachedSummaries = 40, 8
	defer func() { maxCachedReports, maxCachedSummaries = old, oldSums }()
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			c := corpusBySeed(seed, 600, 700, 120)
			if _, evicted := mustSameDecisions(t, c, seed, seed >= 3); evicted == 0 {
				t.Error("a bound of 40 reports evicted no tile")
			}
		})
	}
}

// mustSameDecisions stores c in the three stores and compares them; it
// returns how many articles the cached store merged by the fast path and
// how many tiles it evicted.
func mustSameDecisions(t *testing.T, c corpus, seed uint64, alone bool) (fast, evicted int) {
	t.Helper()
	cached := mustSameDecisionsOf(t, c, seed, alone, true)
	return cached.cache.fast, cached.cache.evicted
}

// mustSameDecisionsOf is mustSameDecisions, with articles that fail when
// failing is set; it returns the cached store.
func mustSameDecisionsOf(t *testing.T, c corpus, seed uint64, alone, failing bool) *DB {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 3))
	order := r.Perm(len(c.articles))
	dir := t.TempDir()
	cached := MustOpenPath(t, dir+"/cached.db")
	other := MustOpenPath(t, dir+"/cached.db") // another connection to the same file
	fresh := MustOpenPath(t, dir+"/fresh.db")
	fresh.uncached = true
	plain := MustOpenPath(t, dir+"/plain.db")
	plain.uncached, plain.cache.plainMerge = true, true
	bad := newEvent(kremlin, ptr(trump), "1x0", model.DayOf(2020, 3, 1), 40)
	ctx := context.Background()
	for k := 0; k < len(order); {
		var as []model.Article
		var es [][]model.Event
		for n := 1 + r.IntN(9); n > 0 && k < len(order); n, k = n-1, k+1 {
			as = append(as, c.articles[order[k]])
			es = append(es, c.events[order[k]])
		}
		if failing && r.IntN(4) == 0 { // the last article fails after its good events are written
			i := len(es) - 1
			es[i] = append(append([]model.Event(nil), es[i]...), bad)
		}
		for _, db := range []*DB{cached, fresh, plain} {
			added, err := db.SaveArticles(ctx, as, es)
			if err != nil && len(added) != len(as)-1 {
				t.Fatalf("SaveArticles: %v (%d of %d)", err, len(added), len(as))
			}
		}
		if !alone && r.IntN(5) == 0 && k < len(order) { // the next article comes through the other connection
			for _, db := range []*DB{other, fresh, plain} {
				MustSave(t, db, c.articles[order[k]], c.events[order[k]])
			}
			k++
		}
	}
	want := MustDump(t, plain)
	if got := MustDump(t, cached); got != want {
		t.Fatalf("cached and plain stores differ:\n%s", firstDiff(got, want))
	}
	if got := MustDump(t, fresh); got != want {
		t.Fatalf("uncached with summaries and plain stores differ:\n%s", firstDiff(got, want))
	}
	if plain.cache.fast != 0 {
		t.Fatalf("the plain store took the fast path %d times", plain.cache.fast)
	}
	t.Logf("fast path: cached %d, uncached %d; full: %d, %d; tiles evicted %d", cached.cache.fast, fresh.cache.fast, cached.cache.full, fresh.cache.full, cached.cache.evicted)
	return cached
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d", len(la), len(lb))
}

// Another connection's commit, a new writer connection, a transaction
// that did not commit and a size bound of 0 each empty the cache; a
// commit of its own keeps it.
func TestMergeCache_Emptied(t *testing.T) {
	dir := t.TempDir()
	db := MustOpenPath(t, dir+"/eg.db")
	other := MustOpenPath(t, dir+"/eg.db")
	ctx := context.Background()
	c := blameCorpus(9, 8)
	// cachedAtBegin is how many reports the cache holds once a write
	// transaction has begun.
	cachedAtBegin := func() int {
		t.Helper()
		tx, err := db.beginWrite(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if err := db.cache.begin(ctx, tx); err != nil {
			t.Fatal(err)
		}
		defer db.cache.end(true)
		return db.cache.size()
	}
	MustSave(t, db, c.articles[0], c.events[0])
	n := cachedAtBegin()
	if n == 0 {
		t.Fatal("nothing cached after an article")
	}
	MustSave(t, db, c.articles[1], c.events[1])
	if got := cachedAtBegin(); got < n {
		t.Errorf("its own commit emptied the cache (%d -> %d)", n, got)
	}
	MustSave(t, other, c.articles[2], c.events[2])
	if got := cachedAtBegin(); got != 0 {
		t.Errorf("after another connection's commit the cache kept %d reports", got)
	}

	MustSave(t, db, c.articles[3], c.events[3])
	tx, err := db.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.cache.begin(ctx, tx); err != nil {
		t.Fatal(err)
	}
	db.cache.dirty = true // as a lookup or a write would leave it
	db.cache.end(false)
	tx.Rollback()
	if got := cachedAtBegin(); got != 0 {
		t.Errorf("a transaction that did not commit left %d cached reports", got)
	}

	MustSave(t, db, c.articles[4], c.events[4])
	db.w.SetMaxIdleConns(0) // every transaction on a new connection
	MustSave(t, db, c.articles[5], c.events[5])
	if got := cachedAtBegin(); got != 0 {
		t.Errorf("on a new connection the cache kept %d reports", got)
	}
	db.w.SetMaxIdleConns(2)

	old := maxCachedReports
	maxCachedReports = 0
	defer func() { maxCachedReports = old }()
	MustSave(t, db, c.articles[6], c.events[6])
	if got := cachedAtBegin(); got != 0 {
		t.Errorf("over the bound, the cache kept %d reports", got)
	}
	MustSave(t, db, c.articles[7], c.events[7])
	if got, want := MustDump(t, db), MustDump(t, other); got != want {
		t.Fatal("two connections read different stores")
	}
}

// Eviction keeps the tiles used last, and of the rest only what a kept
// tile's reports share: every kept tile's reports are the cache's values
// of them, and only their events keep members and summaries.
func TestMergeCache_EvictKeepsRecent(t *testing.T) {
	db := MustOpen(t)
	c := blameCorpus(11, 40)
	for i := range c.articles {
		MustSave(t, db, c.articles[i], c.events[i])
	}
	mc := db.cache
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if len(mc.tiles) < 3 || len(mc.sums) == 0 {
		t.Fatalf("%d tiles and %d summaries cached: too few to test", len(mc.tiles), len(mc.sums))
	}
	var hot, warm tileKey
	var hotN int
	for k, x := range mc.tiles { // the largest tile, made the one used last
		if len(x.reports) > hotN {
			hot, hotN = k, len(x.reports)
		}
	}
	inHot := map[int32]bool{}
	for _, i := range mc.tiles[hot].reports {
		inHot[i] = true
	}
	for k, x := range mc.tiles { // a tile with a report of its own: a complete cache makes empty ones, which cost nothing to keep
		if k != hot && slices.ContainsFunc(x.reports, func(i int32) bool { return !inHot[i] }) {
			warm = k
			break
		}
	}
	if warm == (tileKey{}) {
		t.Fatal("no tile but the hot one holds a report of its own")
	}
	mc.tiles[warm].used = mc.clock + 1
	mc.tiles[hot].used = mc.clock + 2
	want := map[string]storedReport{} // the hot tile's reports, as the cache told them
	hotFamily, hotPair := mc.strs.get(hot.family), mc.strs.get(hot.pair)
	for _, i := range mc.tiles[hot].reports {
		id := mc.idOf(i)
		want[id] = mc.stored(i, id)
	}
	before := len(mc.tiles)
	mc.evict(hotN) // room for the hot tile only
	if len(mc.tiles) != 1 {
		t.Fatalf("kept %d tiles", len(mc.tiles))
	}
	var kept *tile
	for k, x := range mc.tiles {
		if mc.strs.get(k.family) != hotFamily || mc.strs.get(k.pair) != hotPair || k.block != hot.block {
			t.Fatalf("kept tile %+v, not the hot one", k)
		}
		kept = x
	}
	if mc.evicted != before-1 {
		t.Errorf("counted %d evicted tiles of %d", mc.evicted, before-1)
	}
	events := map[int32]bool{}
	for _, i := range kept.reports {
		id := mc.idOf(i)
		if got := mc.stored(i, id); !reflect.DeepEqual(got, want[id]) {
			t.Errorf("kept report %s reads\n%+v\nnot\n%+v", id, got, want[id])
		}
		if mc.known(bytesOf(id)) != i {
			t.Errorf("kept report %s is not the cache's value of it", id)
		}
		events[mc.slots.at(i).event] = true
	}
	if len(want) != hotN || mc.loaded != hotN {
		t.Errorf("kept %d reports for a tile of %d (%d distinct)", mc.loaded, hotN, len(want))
	}
	for e := range mc.sums {
		if !events[e] {
			t.Errorf("kept the summary of event %s, which no kept report belongs to", mc.strs.get(e))
		}
		if _, ok := mc.events[e]; !ok {
			t.Errorf("kept the summary of event %s without its members", mc.strs.get(e))
		}
	}
	for e := range mc.events {
		if !events[e] {
			t.Errorf("kept the members of event %s, which no kept report belongs to", mc.strs.get(e))
		}
		for _, x := range mc.membersOf(e) {
			if id := mc.idOf(x); mc.known(bytesOf(id)) != x {
				t.Errorf("member %s of kept event %s is not found by its id", id, mc.strs.get(e))
			}
		}
	}
	mc.evict(hotN - 1)
	if len(mc.tiles)+mc.size()+len(mc.sums)+len(mc.events) != 0 {
		t.Errorf("a bound below the hot tile left %d tiles, %d reports", len(mc.tiles), mc.size())
	}
}

// Past the bound, summaries go by what making them again costs as well
// as by use: a crowded event's stays while thousands of small ones come
// and go, and goes once the small ones used since outweigh it.
func TestMergeCache_SummariesKeptByCost(t *testing.T) {
	old := maxCachedSummaries
	maxCachedSummaries = 40
	defer func() { maxCachedSummaries = old }()
	c := newMergeCache()
	use := func(e int32, reports int32) {
		c.events[e] = members{n: reports}
		c.clock++
		c.sums[e] = sumEntry{keep: c.sumPriority(e), used: c.clock}
		c.boundSums()
		if len(c.sums) > maxCachedSummaries {
			t.Fatalf("%d summaries kept, past the bound", len(c.sums))
		}
	}
	const crowded = 1
	use(crowded, 500)
	small := int32(2)
	for ; small < 1_000; small++ {
		use(small, 1+small%8/7) // one in eight of 2 reports
	}
	if _, ok := c.sums[crowded]; !ok {
		t.Fatal("the summary of an event of 500 reports went among a thousand of 1 or 2")
	}
	if _, ok := c.sums[2]; ok {
		t.Fatal("the first small summary is still kept after a thousand others")
	}
	for ; small < 100_000; small++ {
		use(small, 1+small%3)
		if _, ok := c.sums[crowded]; !ok {
			return
		}
	}
	t.Fatal("a summary never used again stays for ever")
}

// The tiles' arithmetic: a block holds 16 days, also before 1970, and
// nearMatch is the SQL's condition.
func TestMergeCache_Blocks(t *testing.T) {
	for _, tt := range []struct{ day, block int }{{0, 0}, {15, 0}, {16, 1}, {-1, -1}, {-16, -1}, {-17, -2}} {
		if got := blockOf(tt.day); got != tt.block {
			t.Errorf("blockOf(%d) = %d, want %d", tt.day, got, tt.block)
		}
	}
	month := &slot{kind: precMonth, first: 100, last: 129}
	for _, tt := range []struct {
		lo, hi int32
		want   bool
	}{{129, 131, true}, {130, 132, false}, {98, 100, true}, {90, 99, false}} {
		if got := nearMatch(month, tt.lo, tt.hi); got != tt.want {
			t.Errorf("nearMatch(month 100-129, %d, %d) = %v", tt.lo, tt.hi, got)
		}
	}
}

// The cache's reports read as the lookups read them (scan and the fresh
// report of a write agree).
func TestMergeCache_FreshAsRead(t *testing.T) {
	db := MustOpen(t)
	c := blameCorpus(4, 30)
	for i := range c.articles {
		MustSave(t, db, c.articles[i], c.events[i])
	}
	db.cache.mu.Lock()
	fresh := map[string]storedReport{}
	for i := int32(1); i < db.cache.slots.n; i++ {
		if db.cache.slots.at(i).loaded {
			id := db.cache.idOf(i)
			fresh[id] = db.cache.stored(i, id)
		}
	}
	db.cache.reset()
	db.cache.mu.Unlock()

	ctx := context.Background()
	tx, err := db.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := db.cache.begin(ctx, tx); err != nil {
		t.Fatal(err)
	}
	defer db.cache.end(false)
	w, err := newEventWriter(ctx, tx, db.cache)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	var ids []string
	for id := range fresh {
		ids = append(ids, id)
	}
	read, err := db.cache.load(ctx, w, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != len(fresh) || len(read) == 0 {
		t.Fatalf("read %d of %d reports", len(read), len(fresh))
	}
	for _, r := range read {
		if got, want := r.stored(), fresh[r.id()]; !reflect.DeepEqual(got, want) {
			t.Errorf("report %s read back as\n%+v\nwritten as\n%+v", r.id(), got, want)
		}
	}
}

// An actor whose row changes (its country) gives the reports of another
// bucket the id of a stored event the writer did not read: the insert
// updates that event's row, and its stored reports stay its own. The
// cache keeps them as members, or forgets the event's members when it
// cannot know them, so that the event, when it later merges into
// another, takes them along, as the store without the cache does. It
// kept only the new reports, and the event's retirement then failed on
// the reports left behind (a foreign key) or decided otherwise: in one
// batch of a first load, and through another connection whose bound
// evicts.
func TestMergeCache_StoredEventIDOfAnotherBucket(t *testing.T) {
	ctx := context.Background()
	defer func(n int) { maxCachedReports = n }(maxCachedReports)
	for seed := range uint64(12) {
		for _, half := range []bool{false, true} {
			if half && seed < 8 {
				continue
			}
			c := blameCorpus(800+seed, 160)
			var dumps [2]string
			for k, uncached := range []bool{false, true} {
				maxCachedReports = 500_000
				db := MustOpen(t)
				db.uncached = uncached
				first, rest := c.articles, 0
				if half {
					first, rest = c.articles[:len(c.articles)/2], len(c.articles)/2
				}
				if added, err := db.SaveArticles(ctx, first, c.events[:len(first)]); err != nil {
					t.Fatalf("seed %d, uncached %v: %v (%d stored)", seed, uncached, err, len(added))
				}
				if half {
					maxCachedReports = 100
					on := MustOpenPath(t, db.Path())
					on.uncached = uncached
					for i := rest; i < len(c.articles); i += 10 {
						if added, err := on.SaveArticles(ctx, c.articles[i:i+10], c.events[i:i+10]); err != nil {
							t.Fatalf("seed %d, uncached %v, second connection: %v (%d stored)", seed, uncached, err, len(added))
						}
					}
				}
				dumps[k] = MustDump(t, db)
			}
			if dumps[0] != dumps[1] {
				t.Errorf("seed %d (into a stored half: %v): cached and uncached stores differ: %s", seed, half, firstDiff(dumps[0], dumps[1]))
			}
		}
	}
}

// The report lookups read the sentences of exactly the families whose
// blame words clustering reads.
func TestBlameFamiliesSQL(t *testing.T) {
	for root := 1; root <= 20; root++ {
		f := merge.Family(fmt.Sprintf("%02d", root))
		if got, want := strings.Contains(blameFamiliesSQL, "'"+f+"'"), merge.BlameFamily(f); got != want {
			t.Errorf("family %s: in blameFamiliesSQL %v, merge.BlameFamily %v", f, got, want)
		}
	}
}

// Report ids are kept as their parts when they have reportID's form, and
// whole otherwise; either way they read back as they were.
func TestMergeCache_IDs(t *testing.T) {
	c := newMergeCache()
	ids := []string{"e-0123456789ab/r-0123456789ab/120", "e-0123456789ab/r-0123456789ab/0",
		"e-0123456789ab/a/b/c/7", "e-1/r-2/007", "e-1/r-2/-3", "e-1/r-2/", "e-1/r-2/99999999999",
		"no slash", "/", "//", "e-1//5", ""}
	slots := map[string]int32{}
	for _, id := range ids {
		i, made := c.slotOf([]byte(id))
		if !made {
			t.Errorf("%q: found before it was added", id)
		}
		slots[id] = i
	}
	for _, id := range ids {
		i := slots[id]
		if got := c.idOf(i); got != id {
			t.Errorf("slot of %q reads back as %q", id, got)
		}
		if got := c.known([]byte(id)); got != i {
			t.Errorf("known(%q) = %d, want %d", id, got, i)
		}
		if again, made := c.slotOf([]byte(id)); again != i || made {
			t.Errorf("%q: a second slot %d (first %d)", id, again, i)
		}
	}
	if c.known([]byte("e-0123456789ab/r-0123456789ab/121")) != 0 {
		t.Error("an id never added is known")
	}
	if _, _, _, ok := splitID([]byte("e-1/r-2/007")); ok {
		t.Error(`"007" split as a start`)
	}
}

// The string table hands out every string it interned, one number per
// string, across chunks and index growth.
func TestStrTable(t *testing.T) {
	tab := newStrTable()
	nums := map[string]int32{}
	long := strings.Repeat("x", strChunk+10) // a chunk of its own
	for i := range 20000 {
		s := fmt.Sprintf("string %d", i)
		if i == 777 {
			s = long
		}
		nums[s] = tab.idString(s)
	}
	if tab.idString("") != 0 || tab.get(0) != "" {
		t.Error(`"" is not string 0`)
	}
	for s, n := range nums {
		if got := tab.get(n); got != s {
			t.Fatalf("string %d reads %.20q, want %.20q", n, got, s)
		}
		if again := tab.id([]byte(s)); again != n {
			t.Fatalf("%.20q interned twice: %d and %d", s, n, again)
		}
		if got, ok := tab.lookup(s); !ok || got != n {
			t.Fatalf("lookup(%.20q) = %d, %v", s, got, ok)
		}
	}
	if _, ok := tab.lookup("string 20000"); ok {
		t.Error("a string never interned is found")
	}
}

// Tiles read by one query over a run of blocks hold what each block's
// own query reads: a year's span, all at once and block by block.
func TestMergeCache_RunOfTiles(t *testing.T) {
	db := MustOpen(t)
	c := blameCorpus(5, 60)
	for i := range c.articles {
		MustSave(t, db, c.articles[i], c.events[i])
	}
	ctx := context.Background()
	tx, err := db.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	mc := db.cache
	if err := mc.begin(ctx, tx); err != nil {
		t.Fatal(err)
	}
	defer mc.end(false)
	w, err := newEventWriter(ctx, tx, mc)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	year := model.Year(2020)
	lo, hi := blockOf(dayNumber(year.First())-10), blockOf(dayNumber(year.Last())+10)
	buckets := map[bucketKey]bool{}
	for _, es := range c.events {
		for _, e := range es {
			b, _ := nearSpan(e)
			if !b.undated {
				buckets[b] = true
				buckets[bucketKey{family: b.family, pair: merge.Country(e.Target), victim: true}] = true
			}
		}
	}
	read := func(b bucketKey, run bool) (map[int][]string, int) {
		mc.reset()
		scans := mc.scans
		if run {
			if err := mc.loadTiles(ctx, w, b, lo, hi); err != nil {
				t.Fatal(err)
			}
		}
		out := map[int][]string{}
		for blk := lo; blk <= hi; blk++ {
			got, err := mc.tile(ctx, w, mc.tileKeyOf(b, blk))
			if err != nil {
				t.Fatal(err)
			}
			for _, i := range got {
				out[blk] = append(out[blk], mc.idOf(i))
			}
			slices.Sort(out[blk])
		}
		return out, mc.scans - scans
	}
	found := 0
	for b := range buckets {
		whole, n := read(b, true)
		one, m := read(b, false)
		if !reflect.DeepEqual(whole, one) {
			t.Errorf("bucket %+v: one query read\n%v\nblock by block\n%v", b, whole, one)
		}
		if n != 1 || m != hi-lo+1 {
			t.Errorf("bucket %+v: %d queries for the run, %d block by block", b, n, m)
		}
		for _, ids := range whole {
			found += len(ids)
		}
	}
	if found == 0 {
		t.Fatal("no tile held a report: nothing compared")
	}
}

// Shrinking the slot table keeps what the caller moved below the new end,
// findable by id, and lets go of the pages past it.
func TestSlots_Shrink(t *testing.T) {
	ts := newSlots()
	const made, kept = 3<<slotPageBits + 10, 5000
	for i := range int32(made) {
		_, j := ts.find(i, i%7, i)
		ts.add(i, i%7, i, j)
	}
	// Keep every third slot, moved down as evict moves them.
	w := int32(1)
	for i := int32(1); i < ts.n && w <= kept; i += 3 {
		*ts.at(w) = *ts.at(i)
		w++
	}
	ts.shrink(w)
	if got, want := len(ts.pages), int((w-1)>>slotPageBits)+1; got != want {
		t.Errorf("%d pages for %d slots, want %d", got, w, want)
	}
	if len(ts.index) < 2*int(w) || len(ts.index) >= 4*int(w) {
		t.Errorf("index of %d for %d slots", len(ts.index), w)
	}
	for k := int32(1); k < w; k++ {
		s := ts.at(k)
		if got, _ := ts.find(s.key, s.art, s.start); got != k {
			t.Fatalf("slot %d found at %d", k, got)
		}
	}
	if got, _ := ts.find(2, 2, 2); got != 0 {
		t.Errorf("a slot not kept is found at %d", got)
	}
	_, j := ts.find(made+1, 0, 0)
	if i := ts.add(made+1, 0, 0, j); i != w {
		t.Errorf("the next slot is %d, want %d", i, w)
	}
}
