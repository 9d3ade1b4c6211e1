package extract

import (
	"slices"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

// coordLeft's results are cut from one slab per doc: each must keep its
// conjuncts in text order, with the actor its caller appends, however
// many are taken after it.
func TestCoordLeftResultsStayApart(t *testing.T) {
	x := New(actor.Default())
	d := x.newDoc("Egypt, Qatar and Jordan urged restraint. Turkey and Iran condemned the raid.", time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC))
	countries := func(as []model.Actor) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.Country)
		}
		return out
	}
	var got [][]model.Actor
	for _, s := range d.sents {
		d.findActors(s)
		k := len(s.actors) - 1
		if k < 1 {
			t.Fatalf("too few actors in %q: %v", s.span.Text, s.actors)
		}
		got = append(got, append(d.coordLeft(s, k, 0), s.actors[k].Actor))
	}
	want := [][]string{{"EGY", "QAT", "JOR"}, {"TUR", "IRN"}}
	for i := range want {
		if g := countries(got[i]); !slices.Equal(g, want[i]) {
			t.Errorf("sentence %d: subjects %v, want %v", i, g, want[i])
		}
	}
}
