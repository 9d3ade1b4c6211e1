package graph

import (
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

func TestLinks(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		if got := MustBuild(t, nil).Links(); len(got) != 0 {
			t.Errorf("Links of an empty network = %v, want none", got)
		}
	})
	t.Run("directions merged, self-loop dropped", func(t *testing.T) {
		// A→B twice, B→A once, B→C once, C→C once: the links are A–B
		// weighing 3 and B–C weighing 1.
		n := chain(t, [2]model.Actor{aA, aB}, [2]model.Actor{aA, aB}, [2]model.Actor{aB, aA},
			[2]model.Actor{aB, aC}, [2]model.Actor{aC, aC})
		idx := map[string]int{}
		for i, nd := range n.Nodes() {
			idx[nd.Actor.ID] = i
		}
		pair := func(x, y string, w int) Link {
			a, b := idx[x], idx[y]
			if a > b {
				a, b = b, a
			}
			return Link{A: a, B: b, Weight: w}
		}
		want := []Link{pair(aA.ID, aB.ID, 3), pair(aB.ID, aC.ID, 1)}
		slices.SortFunc(want, func(x, y Link) int {
			if x.A != y.A {
				return x.A - y.A
			}
			return x.B - y.B
		})
		if got := n.Links(); !slices.Equal(got, want) {
			t.Errorf("Links = %v, want %v", got, want)
		}
	})
}
