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
