package merge

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// BenchmarkClusterRetold merges 20,000 reports of 500 acts, each told 40
// times by articles published over three days: the shape a store's merge
// neighbourhood takes when coverage keeps retelling the same events, where
// every new report is compared with large events.
func BenchmarkClusterRetold(b *testing.B) {
	reps := retoldReports()
	benchCluster(b, reps)
}

// retoldReports is 500 acts told 40 times each over three days of
// publication.
func retoldReports() []model.Event {
	rng := rand.New(rand.NewSource(5))
	countries := []string{"ZMB", "RUR", "ELB", "NOV"}
	codes := []string{"190", "042", "120", "057", "173"}
	base := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)
	var reps []model.Event
	for act := 0; act < 500; act++ {
		src := model.NewActor("side "+countries[act%4], countries[act%4], model.RoleMIL)
		tgt := model.NewActor("side "+countries[(act+1)%4], countries[(act+1)%4], model.RoleGOV)
		code := codes[act%len(codes)]
		when := base.AddDate(0, 0, act/20)
		for i := 0; i < 40; i++ {
			pub := when.AddDate(0, 0, rng.Intn(3)).Format("2006-01-02")
			reps = append(reps, model.Event{Source: src, Target: &tgt, Code: code, Date: model.Day(when),
				Mentions: []model.Mention{{ArticleID: fmt.Sprintf("r-%d-%d", act, i), Published: pub, Start: i, Sentence: "s"}}})
		}
	}
	return reps
}

// BenchmarkAddRetold places one more telling of 15 of those acts among
// the 500 stored events, each told by its summary: the merge step of a
// store that receives one more article of well-covered events.
func BenchmarkAddRetold(b *testing.B) {
	reps := retoldReports()
	var sums []*Summary
	for _, e := range Cluster(reps) {
		sums = append(sums, Default.Summarize(e.ID, Reports([]model.Event{e})))
	}
	var article []model.Event
	for act := 0; act < 500; act += 500 / 15 {
		r := reps[act*40]
		r.Mentions = []model.Mention{r.Mentions[0]}
		r.Mentions[0].ArticleID, r.Mentions[0].Start = "r-new", act
		article = append(article, r)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := Default.Add(sums, article); !ok {
			b.Fatal("declined")
		}
	}
}
