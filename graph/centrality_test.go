package graph

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/eventgraph/eventgraph/model"
)

// chain builds a network from actor pairs, one event (code 042, a visit)
// per pair and per repetition, so that pair weights are counts.
func chain(tb testing.TB, pairs ...[2]model.Actor) *Network {
	tb.Helper()
	var events []model.Event
	for i, p := range pairs {
		e := MustEvent(tb, p[0], ptr(p[1]), "042", day(2020, 1, 1+i))
		events = append(events, e)
	}
	return MustBuild(tb, events)
}

func actor(name string) model.Actor { return model.NewActor(name, "XXX", model.RoleGOV) }

var (
	aA, aB, aC, aD, aE, aF = actor("A"), actor("B"), actor("C"), actor("D"), actor("E"), actor("F")
)

func mustCentrality(tb testing.TB, n *Network, a model.Actor) Centrality {
	tb.Helper()
	c, err := n.Centrality(a.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestBetweennessKnownAnswers(t *testing.T) {
	t.Run("line", func(t *testing.T) {
		// A -> B -> C: B lies on the one chain from A to C.
		n := chain(t, [2]model.Actor{aA, aB}, [2]model.Actor{aB, aC})
		for a, want := range map[model.Actor]float64{aA: 0, aB: 1, aC: 0} {
			if got := mustCentrality(t, n, a).Betweenness; !near(got, want) {
				t.Errorf("betweenness(%s) = %v, want %v", a.Name, got, want)
			}
		}
	})
	t.Run("cycle", func(t *testing.T) {
		// A -> B -> C -> A: each actor lies between the other two once.
		n := chain(t, [2]model.Actor{aA, aB}, [2]model.Actor{aB, aC}, [2]model.Actor{aC, aA})
		for _, a := range []model.Actor{aA, aB, aC} {
			if got := mustCentrality(t, n, a).Betweenness; !near(got, 1) {
				t.Errorf("betweenness(%s) = %v, want 1", a.Name, got)
			}
		}
	})
	t.Run("two routes", func(t *testing.T) {
		// A -> B -> D and A -> C -> D: B and C share the pair (A, D).
		n := chain(t, [2]model.Actor{aA, aB}, [2]model.Actor{aB, aD}, [2]model.Actor{aA, aC}, [2]model.Actor{aC, aD})
		for a, want := range map[model.Actor]float64{aA: 0, aB: 0.5, aC: 0.5, aD: 0} {
			if got := mustCentrality(t, n, a).Betweenness; !near(got, want) {
				t.Errorf("betweenness(%s) = %v, want %v", a.Name, got, want)
			}
		}
	})
}

func TestPageRankKnownAnswers(t *testing.T) {
	t.Run("cycle is uniform", func(t *testing.T) {
		n := chain(t, [2]model.Actor{aA, aB}, [2]model.Actor{aB, aC}, [2]model.Actor{aC, aA})
		for _, a := range []model.Actor{aA, aB, aC} {
			if got := mustCentrality(t, n, a).PageRank; !near(got, 1.0/3) {
				t.Errorf("pagerank(%s) = %v, want 1/3", a.Name, got)
			}
		}
	})
	t.Run("weights count", func(t *testing.T) {
		// A acts on B three times and on C once: B must outrank C, and the
		// scores sum to 1.
		n := chain(t, [2]model.Actor{aA, aB}, [2]model.Actor{aA, aB}, [2]model.Actor{aA, aB}, [2]model.Actor{aA, aC})
		b, c := mustCentrality(t, n, aB).PageRank, mustCentrality(t, n, aC).PageRank
		if b <= c {
			t.Errorf("pagerank B %v <= C %v, want B higher (three events against one)", b, c)
		}
		sum := 0.0
		for _, x := range n.Centralities() {
			sum += x.PageRank
		}
		if !near(sum, 1) {
			t.Errorf("pageranks sum to %v, want 1", sum)
		}
	})
}

func TestCommunitiesKnownAnswer(t *testing.T) {
	// Two triangles of mutual relations joined by a single event C -> D.
	var pairs [][2]model.Actor
	for _, tri := range [][3]model.Actor{{aA, aB, aC}, {aD, aE, aF}} {
		for i := range 3 {
			for j := range 3 {
				if i != j {
					pairs = append(pairs, [2]model.Actor{tri[i], tri[j]})
				}
			}
		}
	}
	pairs = append(pairs, [2]model.Actor{aC, aD})
	n := chain(t, pairs...)
	comm := func(a model.Actor) int { return mustCentrality(t, n, a).Community }
	if comm(aA) != comm(aB) || comm(aB) != comm(aC) || comm(aD) != comm(aE) || comm(aE) != comm(aF) || comm(aA) == comm(aD) {
		t.Errorf("communities A..F = %d %d %d %d %d %d, want two triangles", comm(aA), comm(aB), comm(aC), comm(aD), comm(aE), comm(aF))
	}
	if n.CommunityCount() != 2 {
		t.Errorf("%d communities, want 2", n.CommunityCount())
	}
	if q := n.Modularity(); q < 0.3 || q > 0.5 {
		t.Errorf("modularity %v, want about 0.42 for two triangles joined by one edge", q)
	}
	// Numbering: equal sizes, so the community holding the smallest actor
	// id is number 1.
	ids := []model.Actor{aA, aB, aC, aD, aE, aF}
	slices.SortFunc(ids, func(a, b model.Actor) int { return compareStrings(a.ID, b.ID) })
	if comm(ids[0]) != 1 {
		t.Errorf("community of the smallest id %s is %d, want 1", ids[0].Name, comm(ids[0]))
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestCentralitiesDegreesAndEdgeCases(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	for _, c := range n.Centralities() {
		d, _ := n.Degree(c.ActorID)
		if c.Degree != d {
			t.Errorf("%s: degree %+v, want %+v", c.ActorID, c.Degree, d)
		}
		if c.Community < 1 {
			t.Errorf("%s: community %d, want 1 or more", c.ActorID, c.Community)
		}
	}
	if _, err := n.Centrality("a-nobody"); err == nil {
		t.Error("Centrality of an unknown id gave no error")
	}
	empty := MustBuild(t, nil)
	if len(empty.Centralities()) != 0 || empty.Modularity() != 0 {
		t.Error("empty network has centralities")
	}
	lone := MustBuild(t, []model.Event{MustEvent(t, rus, nil, "012", day(2022, 1, 1))})
	if c := lone.Centralities(); len(c) != 1 || c[0].Community != 1 || !near(c[0].PageRank, 1) {
		t.Errorf("a network without edges: %v", c)
	}
}

// TestCentralitiesStable checks that shuffled events give exactly the same
// scores and communities, bit for bit.
func TestCentralitiesStable(t *testing.T) {
	events := MustSampleEvents(t)
	want := MustBuild(t, events).Centralities()
	for range 10 {
		got := MustBuild(t, shuffled(events)).Centralities()
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("centralities depend on event order: %#v versus %#v", got[i], want[i])
			}
		}
	}
}

// TestPageRankMatchesGonum checks the deterministic power iteration
// against gonum's network.PageRank on the sample corpus.
func TestPageRankMatchesGonum(t *testing.T) {
	n := MustBuild(t, MustSampleEvents(t))
	want := network.PageRank(newGonumView(n), pageRankDamping, 1e-12)
	for i, c := range n.Centralities() {
		if math.Abs(c.PageRank-want[int64(i)]) > 1e-9 {
			t.Errorf("%s: pagerank %v, gonum %v", c.ActorID, c.PageRank, want[int64(i)])
		}
	}
}
