package report

import (
	"sort"

	"github.com/eventgraph/eventgraph/graph"
)

// Node metrics for the network views: how to size nodes, which nodes to
// show first on a large graph, and how to group them. Betweenness and
// communities are package graph's ([graph.Centrality]), so the pages give
// an actor the same figures as `eventgraph actors` and the exports.

// nodeMetrics are the measures of one actor, by node index of
// [graph.Network.Nodes].
type nodeMetrics struct {
	Events      []int        // events the actor takes part in
	Partners    []int        // distinct actors it is linked to, either direction
	Betweenness []float64    // [graph.Centrality.Betweenness]
	Community   []int        // [graph.Centrality.Community], from 1
	Rank        []int        // node indices by centrality, most central first
	Links       []graph.Link // the network with directions dropped, for the layout
}

func computeMetrics(net *graph.Network) nodeMetrics {
	nodes := net.Nodes()
	cs := net.CentralitiesOf(graph.MetricBetweenness | graph.MetricCommunity)
	m := nodeMetrics{
		Events: make([]int, len(nodes)), Partners: make([]int, len(nodes)),
		Betweenness: make([]float64, len(nodes)), Community: make([]int, len(nodes)),
		Links: net.Links(),
	}
	for i, n := range nodes {
		m.Events[i] = n.Events
		m.Betweenness[i], m.Community[i] = cs[i].Betweenness, cs[i].Community
	}
	for _, l := range m.Links {
		m.Partners[l.A]++
		m.Partners[l.B]++
	}
	m.Rank = make([]int, len(nodes))
	for i := range m.Rank {
		m.Rank[i] = i
	}
	// Centrality first, then events, then node order (actor id): a stable
	// order, so "the top 50" is the same set on every run.
	sort.SliceStable(m.Rank, func(a, b int) bool {
		i, j := m.Rank[a], m.Rank[b]
		if m.Betweenness[i] != m.Betweenness[j] {
			return m.Betweenness[i] > m.Betweenness[j]
		}
		return m.Events[i] > m.Events[j]
	})
	return m
}

// neighbour is a linked node of the layout's adjacency and the events
// between the two.
type neighbour struct{ node, weight int }
