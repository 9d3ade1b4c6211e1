package report

import (
	"math"
	"sort"

	"github.com/eventgraph/eventgraph/graph"
)

// Node metrics for the network views: how to size nodes, which nodes to
// show first on a large graph, and how to group them. They are computed
// here on the undirected, event-weighted view of the network, because the
// questions they answer ("who is central to this story?") ignore who acted
// on whom.

// nodeMetrics are the measures of one actor, by node index of
// [graph.Network.Nodes].
type nodeMetrics struct {
	Events      []int     // events the actor takes part in
	Partners    []int     // distinct actors it is linked to
	Betweenness []float64 // share of shortest paths through it, 0..1
	Community   []int     // label-propagation community, 0 the largest
	Rank        []int     // node indices by centrality, most central first
}

// undirected returns each node's neighbours with the number of events
// between the two (both directions), sorted by neighbour index.
func undirected(net *graph.Network) [][]neighbour {
	nodes := net.Nodes()
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.Actor.ID] = i
	}
	weight := make([]map[int]int, len(nodes))
	for i := range weight {
		weight[i] = map[int]int{}
	}
	for _, e := range net.Edges() {
		s, ok1 := index[e.Source]
		t, ok2 := index[e.Target]
		if !ok1 || !ok2 || s == t {
			continue
		}
		weight[s][t] += e.Count
		weight[t][s] += e.Count
	}
	adj := make([][]neighbour, len(nodes))
	for i, m := range weight {
		for j, w := range m {
			adj[i] = append(adj[i], neighbour{j, w})
		}
		sort.Slice(adj[i], func(a, b int) bool { return adj[i][a].node < adj[i][b].node })
	}
	return adj
}

type neighbour struct{ node, weight int }

func computeMetrics(net *graph.Network, adj [][]neighbour) nodeMetrics {
	nodes := net.Nodes()
	m := nodeMetrics{
		Events: make([]int, len(nodes)), Partners: make([]int, len(nodes)),
		Betweenness: betweenness(adj), Community: communities(adj),
	}
	for i, n := range nodes {
		m.Events[i] = n.Events
		m.Partners[i] = len(adj[i])
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

// betweenness is Brandes' algorithm on the unweighted, undirected graph,
// normalised by the number of pairs so values compare across networks.
func betweenness(adj [][]neighbour) []float64 {
	n := len(adj)
	cb := make([]float64, n)
	sigma := make([]float64, n)
	dist := make([]int, n)
	delta := make([]float64, n)
	pred := make([][]int, n)
	for s := range n {
		for i := range n {
			sigma[i], dist[i], delta[i], pred[i] = 0, -1, 0, pred[i][:0]
		}
		sigma[s], dist[s] = 1, 0
		order := []int{s}
		for q := 0; q < len(order); q++ {
			v := order[q]
			for _, nb := range adj[v] {
				w := nb.node
				if dist[w] < 0 {
					dist[w] = dist[v] + 1
					order = append(order, w)
				}
				if dist[w] == dist[v]+1 {
					sigma[w] += sigma[v]
					pred[w] = append(pred[w], v)
				}
			}
		}
		for k := len(order) - 1; k > 0; k-- {
			w := order[k]
			for _, v := range pred[w] {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
			cb[w] += delta[w]
		}
	}
	if n > 2 {
		norm := float64((n - 1) * (n - 2)) // each pair counted twice above
		for i := range cb {
			cb[i] = math.Round(cb[i]/norm*1e4) / 1e4
		}
	}
	return cb
}

// communities groups nodes by weighted label propagation, visiting nodes in
// index order and breaking ties by the smaller label, so the result is the
// same on every run. Communities are numbered by size, largest first.
func communities(adj [][]neighbour) []int {
	label := make([]int, len(adj))
	for i := range label {
		label[i] = i
	}
	for range 30 {
		changed := false
		for v := range adj {
			score := map[int]int{}
			for _, nb := range adj[v] {
				score[label[nb.node]] += nb.weight
			}
			best, bestScore := label[v], score[label[v]]
			for l, sc := range score {
				if sc > bestScore || sc == bestScore && l < best {
					best, bestScore = l, sc
				}
			}
			if best != label[v] {
				label[v], changed = best, true
			}
		}
		if !changed {
			break
		}
	}
	size := map[int]int{}
	for _, l := range label {
		size[l]++
	}
	labels := make([]int, 0, len(size))
	for l := range size {
		labels = append(labels, l)
	}
	sort.Slice(labels, func(a, b int) bool {
		if size[labels[a]] != size[labels[b]] {
			return size[labels[a]] > size[labels[b]]
		}
		return labels[a] < labels[b]
	})
	renumber := map[int]int{}
	for i, l := range labels {
		renumber[l] = i
	}
	out := make([]int, len(label))
	for i, l := range label {
		out[i] = renumber[l]
	}
	return out
}
