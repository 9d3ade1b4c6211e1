package graph

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// The metrics no longer run through gonum, for speed; these tests hold
// them to gonum's answers on the sample corpus and a synthetic network.

func crossCheckNetworks(t *testing.T) map[string]*Network {
	return map[string]*Network{
		"sample":    MustBuild(t, MustSampleEvents(t)),
		"synthetic": MustBuild(t, syntheticEvents(t, 3_000, 150)),
	}
}

func TestBetweennessMatchesGonum(t *testing.T) {
	for name, n := range crossCheckNetworks(t) {
		want := network.Betweenness(newGonumView(n))
		for i, c := range n.Centralities() {
			if w := want[int64(i)]; math.Abs(c.Betweenness-w) > 1e-9*max(1, w) {
				t.Errorf("%s: %s: betweenness %v, gonum %v", name, c.ActorID, c.Betweenness, w)
			}
		}
	}
}

// TestModularityMatchesGonum checks our modularity against gonum's Q for
// the same partition, and that our Louvain finds a partition about as good
// as gonum's (seeded) on the same undirected projection.
func TestModularityMatchesGonum(t *testing.T) {
	for name, n := range crossCheckNetworks(t) {
		view := newUView(undirectedOf(n))
		comms := make([][]gg.Node, n.CommunityCount())
		for i, c := range n.Centralities() {
			comms[c.Community-1] = append(comms[c.Community-1], view.Node(int64(i)))
		}
		if q, want := n.Modularity(), community.Q(view, comms, 1); math.Abs(q-want) > 1e-9 {
			t.Errorf("%s: modularity %v, gonum's Q of the same communities %v", name, q, want)
		}
		theirs := community.Modularize(view, 1, rand.NewPCG(1, 2)).Communities()
		if q, want := n.Modularity(), community.Q(view, theirs, 1); q < want-0.02 {
			t.Errorf("%s: modularity %v, gonum's Louvain finds %v", name, q, want)
		}
	}
}

func TestSampledBetweenness(t *testing.T) {
	events := syntheticEvents(t, 3_000, 200)
	exact, err := BuildView(events, BuildOptions{BetweennessSources: BetweennessExact})
	if err != nil {
		t.Fatal(err)
	}
	sampled := func() *Network {
		n, err := BuildView(events, BuildOptions{BetweennessSources: 50})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	a, b := sampled(), sampled()
	if s, v, ok := a.BetweennessSample(); s != 50 || v != 200 || ok {
		t.Errorf("BetweennessSample = %d, %d, %v; want 50 of 200, not exact", s, v, ok)
	}
	if s, v, ok := exact.BetweennessSample(); s != 200 || v != 200 || !ok {
		t.Errorf("exact BetweennessSample = %d, %d, %v", s, v, ok)
	}
	sumA, sumExact := 0.0, 0.0
	ca, cb, ce := a.Centralities(), b.Centralities(), exact.Centralities()
	for i := range ca {
		if ca[i] != cb[i] {
			t.Fatalf("sampled betweenness differs between runs: %v versus %v", ca[i], cb[i])
		}
		sumA, sumExact = sumA+ca[i].Betweenness, sumExact+ce[i].Betweenness
	}
	// The estimate is unbiased: over 200 actors the totals agree closely.
	if math.Abs(sumA-sumExact) > 0.1*sumExact {
		t.Errorf("sampled betweenness sums to %v, exact to %v", sumA, sumExact)
	}
	for name, write := range map[string]func(*strings.Builder, *Network) error{
		"graphml":   func(w *strings.Builder, n *Network) error { return WriteGraphML(w, n) },
		"gexf":      func(w *strings.Builder, n *Network) error { return WriteGEXF(w, n) },
		"cytoscape": func(w *strings.Builder, n *Network) error { return WriteCytoscape(w, n) },
	} {
		var s, e strings.Builder
		if write(&s, a) != nil || write(&e, exact) != nil {
			t.Fatal(name)
		}
		if !strings.Contains(s.String(), "approximate: estimated from the shortest paths out of a seeded random sample of 50 of the 200 actors") {
			t.Errorf("%s: no note that betweenness is approximate", name)
		}
		if strings.Contains(e.String(), "approximate") {
			t.Errorf("%s: exact betweenness called approximate", name)
		}
	}
	all, err := BuildView(events, BuildOptions{BetweennessSources: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := all.BetweennessSample(); !ok {
		t.Error("a sample as large as the network is not exact")
	}
	if _, err := BuildView(events, BuildOptions{BetweennessSources: -2}); !errors.Is(err, ErrBadOption) {
		t.Errorf("BetweennessSources -2: error %v, want ErrBadOption", err)
	}
}

func TestCentralitiesOf(t *testing.T) {
	n := MustBuild(t, MustSampleEvents(t))
	only := n.CentralitiesOf(MetricPageRank)
	all := n.Centralities()
	for i, c := range only {
		if c.Betweenness != 0 || c.Community != 0 || c.PageRank != all[i].PageRank || c.Degree != all[i].Degree {
			t.Fatalf("CentralitiesOf(MetricPageRank) = %v, all metrics %v", c, all[i])
		}
	}
	fresh := MustBuild(t, MustSampleEvents(t))
	fresh.CentralitiesOf(MetricPageRank)
	if fresh.metrics.betweenness.v != nil || fresh.metrics.communities.v.member != nil {
		t.Error("asking for PageRank computed other metrics")
	}
}
