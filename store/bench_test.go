package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// BenchmarkSaveArticle saves distinct articles of 15 events each into a
// file database, a third of whose events repeat events of earlier articles
// (so the merge path is exercised), and reports articles per second.
func BenchmarkSaveArticle(b *testing.B) {
	db := MustOpen(b)
	actors := []model.Actor{kremlin, trump, rebels, un, assad, etat}
	codes := []string{"010", "036", "042", "111", "120", "173", "190"}
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a := newArticle(fmt.Sprintf("bench/%06d.txt", n), []string{"AP", "Reuters", "AFP"}[n%3], june3, fmt.Sprint("body ", n))
		events := make([]model.Event, 15)
		for j := range events {
			k := n*15 + j
			if j%3 == 0 {
				k = j // repeated across articles
			}
			events[j] = newEvent(actors[k%6], ptr(actors[(k/6+1)%6]), codes[k%7], model.DayOf(2019, time.Month(1+k%12), 1+k%28), 80*j)
		}
		if _, err := db.SaveArticle(ctx, a, events); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkMergeCache_Evict evicts a quarter of a full merge cache of
// 200,000 reports (two to an event, in 50 pairs' tiles over 2,000 days)
// down to three quarters, as the writer does past the bound; B/op is what
// an eviction allocates on top of the cache it keeps.
func BenchmarkMergeCache_Evict(b *testing.B) {
	const reports = 200_000
	actors := []model.Actor{kremlin, trump, rebels, un, assad, etat}
	fill := func() *mergeCache {
		c := newMergeCache()
		c.complete = true // it makes the tiles the reports fall in
		var members []int32
		for i := range reports {
			event := fmt.Sprintf("e-%012x", i/2)
			article := fmt.Sprintf("r-%012x", i/15)
			day := 18_000 + (i*7919)%2_000
			f := freshReport{r: &freshRow{
				id: fmt.Sprintf("%s/%s/%d", event, article, i%1_000), eventID: event, article: article,
				path: "bench/" + article + ".txt", published: "2019-06-03", code: "190", place: "Idlib",
				precision: "day", start: i % 1_000, first: day, last: day,
				source: actors[i%6], tgt: &actors[(i+1)%6],
			}, family: "18/19", pair: fmt.Sprint("P", i%50), victim: actors[(i+1)%6].Country}
			members = append(members, c.addFresh(f))
			if i%2 == 1 {
				c.setMembers(c.strs.idString(event), members)
				members = members[:0]
			}
		}
		for k, t := range c.tiles { // used in an order unlike the days'
			t.used = uint64(k.pair)*7_919 + uint64(k.block)*104_729%1_000 + 1
		}
		return c
	}
	b.ReportAllocs()
	for range b.N {
		b.StopTimer()
		c := fill()
		b.StartTimer()
		c.evict(reports * 3 / 4)
		if c.size() == 0 || c.size() > reports*3/4+reports/10 {
			b.Fatalf("kept %d of %d reports", c.size(), reports)
		}
	}
}
