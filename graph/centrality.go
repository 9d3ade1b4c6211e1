package graph

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// Centrality is where one actor stands in the network as a whole.
type Centrality struct {
	ActorID string
	Degree  Degree
	// Betweenness counts, over every ordered pair of other actors, the
	// share of the shortest directed chains between them that pass
	// through this actor (unnormalised; hops, not event counts, measure
	// length). High values mark go-betweens.
	Betweenness float64
	// PageRank is the edge-weighted PageRank (damping 0.85, weights are
	// event counts): the actors that much-targeted actors act upon rank
	// high. Scores sum to 1 over the network. It is gonum's definition,
	// computed from a fixed start (see [Network.Centralities]).
	PageRank float64
	// Community numbers the actor's community, found by maximising
	// directed, count-weighted modularity (Louvain). Communities are
	// numbered from 1, largest first, ties by their smallest actor id.
	Community int
}

// PageRank parameters: the usual damping, and a tolerance well below the
// precision the exports print.
const (
	pageRankDamping   = 0.85
	pageRankTolerance = 1e-12
	pageRankMaxRounds = 1000
	// louvainSeed fixes the random order in which Louvain visits nodes,
	// so that ties between equally good partitions are broken the same
	// way on every run.
	louvainSeed = 20190603
)

// metricsCache holds the centralities once computed; a Network is
// read-only, so they never go stale.
type metricsCache struct {
	once       sync.Once
	list       []Centrality
	modularity float64
}

// Centralities returns the centrality of every actor, sorted by actor id.
// They are computed with gonum on first use and cached. The slice is a
// copy.
func (n *Network) Centralities() []Centrality {
	n.computeMetrics()
	return slices.Clone(n.metrics.list)
}

// Centrality returns the centrality of one actor, or [ErrUnknownActor].
func (n *Network) Centrality(actorID string) (Centrality, error) {
	i, ok := n.nodeIdx[actorID]
	if !ok {
		return Centrality{}, unknownActor(actorID)
	}
	n.computeMetrics()
	return n.metrics.list[i], nil
}

// Modularity is the directed, weighted modularity Q of the communities in
// [Centrality.Community]: near 0 for no structure, towards 1 for
// communities with few events between them. An empty network or one
// without edges has modularity 0.
func (n *Network) Modularity() float64 {
	n.computeMetrics()
	return n.metrics.modularity
}

func (n *Network) computeMetrics() {
	n.metrics.once.Do(func() {
		list := make([]Centrality, len(n.nodes))
		for i := range n.nodes {
			list[i] = Centrality{ActorID: n.nodes[i].Actor.ID, Degree: n.degree(i)}
		}
		if len(n.nodes) == 0 {
			n.metrics.list = list
			return
		}
		g := newGonumView(n)
		for id, b := range network.Betweenness(g) {
			list[id].Betweenness = b
		}
		for id, p := range n.pageRank() {
			list[id].PageRank = p
		}
		communities := n.communities(g)
		for k, members := range communities {
			for _, m := range members {
				list[m.ID()].Community = k + 1
			}
		}
		if len(n.edges) > 0 {
			n.metrics.modularity = community.Q(g, communities, 1)
		}
		n.metrics.list = list
	})
}

// communities runs Louvain and returns the communities in their numbering
// order, members by node index.
func (n *Network) communities(g *gonumView) [][]gg.Node {
	var comms [][]gg.Node
	if len(n.edges) == 0 {
		// Modularity is undefined without edges: every actor alone.
		for i := range n.nodes {
			comms = append(comms, []gg.Node{g.Node(int64(i))})
		}
	} else {
		reduced := community.Modularize(g, 1, rand.NewPCG(louvainSeed, louvainSeed))
		comms = reduced.Communities()
	}
	for _, c := range comms {
		slices.SortFunc(c, func(a, b gg.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	}
	slices.SortFunc(comms, func(a, b []gg.Node) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0].ID(), b[0].ID()))
	})
	return comms
}

// CommunityCount is the number of communities among the actors.
func (n *Network) CommunityCount() int {
	n.computeMetrics()
	k := 0
	for _, c := range n.metrics.list {
		k = max(k, c.Community)
	}
	return k
}

// String gives the centrality in one line, for logs and test failures.
func (c Centrality) String() string {
	return fmt.Sprintf("%s: in %d/%d out %d/%d betweenness %.4f pagerank %.4f community %d",
		c.ActorID, c.Degree.In, c.Degree.WeightedIn, c.Degree.Out, c.Degree.WeightedOut, c.Betweenness, c.PageRank, c.Community)
}

// pageRank is the edge-weighted PageRank of gonum's network.PageRank (same
// damping, same treatment of actors without outgoing edges, which spread
// their rank evenly), computed by power iteration from the uniform vector.
// gonum's own function starts from a random vector, so its scores differ
// in the last bits from run to run and the exports would not be
// byte-identical; TestPageRankMatchesGonum checks that the two agree.
func (n *Network) pageRank() []float64 {
	k := len(n.nodes)
	rank, next := make([]float64, k), make([]float64, k)
	for i := range rank {
		rank[i] = 1 / float64(k)
	}
	outWeight := make([]float64, k)
	for i := range n.nodes {
		for _, ei := range n.out[i] {
			outWeight[i] += float64(n.edges[ei].Count)
		}
	}
	for range pageRankMaxRounds {
		dangling := 0.0
		for i := range rank {
			if outWeight[i] == 0 {
				dangling += rank[i]
			}
		}
		base := (1-pageRankDamping)/float64(k) + pageRankDamping*dangling/float64(k)
		diff := 0.0
		for v := range next {
			sum := 0.0
			for _, ei := range n.in[v] { // in source order: a fixed order of addition
				e := n.edges[ei]
				u := n.nodeIdx[e.Source]
				sum += rank[u] * float64(e.Count) / outWeight[u]
			}
			next[v] = base + pageRankDamping*sum
			diff += math.Abs(next[v] - rank[v])
		}
		rank, next = next, rank
		if diff < pageRankTolerance {
			break
		}
	}
	return rank
}
