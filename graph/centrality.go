package graph

import (
	"fmt"
	"sync"
)

// Centrality is where one actor stands in the network as a whole.
type Centrality struct {
	ActorID string
	Degree  Degree
	// Betweenness counts, over every ordered pair of other actors, the
	// share of the shortest directed chains between them that pass
	// through this actor (unnormalised; hops, not event counts, measure
	// length). High values mark go-betweens. On a very large network it
	// may be an estimate from a sample of actors: see
	// [Network.BetweennessSample].
	Betweenness float64
	// PageRank is the edge-weighted PageRank (damping 0.85, weights are
	// event counts): the actors that much-targeted actors act upon rank
	// high. Scores sum to 1 over the network. It is gonum's definition,
	// computed from a fixed start (see [Network.Centralities]).
	PageRank float64
	// Community numbers the actor's community, found by maximising the
	// count-weighted modularity of the network with directions dropped
	// (Louvain). Communities are numbered from 1, largest first, ties by
	// their smallest actor id.
	Community int
}

// Metric selects the centralities [Network.CentralitiesOf] computes.
// Degrees are always given: they cost nothing.
type Metric uint8

// The metrics, to be combined with |.
const (
	MetricBetweenness Metric = 1 << iota
	MetricPageRank
	MetricCommunity
	// AllMetrics is every metric, as [Network.Centralities] gives them.
	AllMetrics = MetricBetweenness | MetricPageRank | MetricCommunity
)

// metricsCache holds each metric once computed, each on its own first use:
// a caller that wants PageRank does not wait for communities. A Network is
// read-only, so they never go stale.
type metricsCache struct {
	betweenness lazy[[]float64]
	pageRank    lazy[[]float64]
	communities lazy[communities]
}

// lazy is a value computed on first use, safely under concurrent reads.
type lazy[T any] struct {
	once sync.Once
	v    T
}

func (l *lazy[T]) get(f func() T) T {
	l.once.Do(func() { l.v = f() })
	return l.v
}

func (n *Network) betweennessScores() []float64 {
	return n.metrics.betweenness.get(func() []float64 { return n.betweenness(n.betweennessSources(n.opts.BetweennessSources)) })
}

func (n *Network) pageRankScores() []float64 {
	return n.metrics.pageRank.get(n.pageRank)
}

func (n *Network) communityOf() communities {
	return n.metrics.communities.get(n.findCommunities)
}

// Centralities returns the centrality of every actor, sorted by actor id:
// every metric, each computed on first use and cached. The slice is a
// copy.
func (n *Network) Centralities() []Centrality { return n.CentralitiesOf(AllMetrics) }

// CentralitiesOf is [Network.Centralities] with only the metrics in m
// computed (if not already); the others are left zero.
func (n *Network) CentralitiesOf(m Metric) []Centrality {
	list := make([]Centrality, len(n.nodes))
	for i := range n.nodes {
		list[i] = n.centrality(i, m)
	}
	return list
}

// Centrality returns the centrality of one actor, every metric, or
// [ErrUnknownActor].
func (n *Network) Centrality(actorID string) (Centrality, error) {
	i, ok := n.nodeIdx[actorID]
	if !ok {
		return Centrality{}, unknownActor(actorID)
	}
	return n.centrality(i, AllMetrics), nil
}

func (n *Network) centrality(i int, m Metric) Centrality {
	c := Centrality{ActorID: n.nodes[i].Actor.ID, Degree: n.degree(i)}
	if m&MetricBetweenness != 0 {
		c.Betweenness = n.betweennessScores()[i]
	}
	if m&MetricPageRank != 0 {
		c.PageRank = n.pageRankScores()[i]
	}
	if m&MetricCommunity != 0 {
		c.Community = int(n.communityOf().member[i])
	}
	return c
}

// Modularity is the weighted modularity Q of the communities in
// [Centrality.Community], on the network with directions dropped: near 0
// for no structure, towards 1 for communities with few events between
// them. An empty network or one without edges has modularity 0.
func (n *Network) Modularity() float64 { return n.communityOf().modularity }

// CommunityCount is the number of communities among the actors.
func (n *Network) CommunityCount() int { return n.communityOf().count }

// BetweennessSample reports how [Centrality.Betweenness] is computed:
// from sources of the network's actors, all of them (exact) or a seeded
// random sample (an estimate, scaled up to the whole network), as set by
// [BuildOptions.BetweennessSources]. The exports write this down when the
// scores are estimates.
func (n *Network) BetweennessSample() (sources, actors int, exact bool) {
	s := n.betweennessSources(n.opts.BetweennessSources)
	if s == nil {
		return len(n.nodes), len(n.nodes), true
	}
	return len(s), len(n.nodes), false
}

// String gives the centrality in one line, for logs and test failures.
func (c Centrality) String() string {
	return fmt.Sprintf("%s: in %d/%d out %d/%d betweenness %.4f pagerank %.4f community %d",
		c.ActorID, c.Degree.In, c.Degree.WeightedIn, c.Degree.Out, c.Degree.WeightedOut, c.Betweenness, c.PageRank, c.Community)
}
