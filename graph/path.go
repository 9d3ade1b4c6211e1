package graph

import (
	"fmt"

	"github.com/eventgraph/eventgraph/model"
)

// Hop is one step of a path: the actors it joins and the edge, with its
// evidence, that joins them.
type Hop struct {
	From, To model.Actor
	Edge     Edge
}

// ShortestPath returns the fewest hops from one actor to another, following
// edges in their direction (from source to target of events). Edge counts
// do not lengthen or shorten a hop. A path from an actor to itself has no
// hops.
//
// A breadth-first search backwards from the target gives every actor its
// distance in hops; when several paths are equally short, ShortestPath
// picks the one whose actor ids, read hop by hop, sort first, so that the
// answer is the same on every run. (It once asked dominikbraun/graph's
// Dijkstra first, which only repeated what the search finds, on a graph
// that Build no longer makes unless [Network.Graph] is called.)
//
// It returns [ErrUnknownActor] when from or to is not a node and
// [ErrNoPath] when to cannot be reached from from.
func (n *Network) ShortestPath(from, to string) ([]Hop, error) {
	for _, id := range []string{from, to} {
		if _, ok := n.nodeIdx[id]; !ok {
			return nil, unknownActor(id)
		}
	}
	if from == to {
		return []Hop{}, nil
	}
	dist := n.hopsTo(n.nodeIdx[to])
	cur := n.nodeIdx[from]
	if dist[cur] < 0 {
		return nil, fmt.Errorf("graph: %w from %q to %q: no chain of events leads from the first actor to the second", ErrNoPath, from, to)
	}
	hops := make([]Hop, 0, dist[cur])
	for dist[cur] > 0 {
		lo, hi := n.adj.outRange(cur)
		for ei := lo; ei < hi; ei++ { // by target id
			next := int(n.adj.tgt[ei])
			if dist[next] == dist[cur]-1 {
				hops = append(hops, Hop{From: n.nodes[cur].Actor, To: n.nodes[next].Actor, Edge: n.edges[ei]})
				cur = next
				break
			}
		}
	}
	return hops, nil
}

// hopsTo returns, for every node index, the number of hops from it to
// target along the edges' direction, or -1 when target is out of reach.
func (n *Network) hopsTo(target int) []int {
	dist := make([]int, len(n.nodes))
	for i := range dist {
		dist[i] = -1
	}
	dist[target] = 0
	queue := []int{target}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, ei := range n.adj.inOf(v) {
			u := int(n.adj.src[ei])
			if dist[u] < 0 {
				dist[u] = dist[v] + 1
				queue = append(queue, u)
			}
		}
	}
	return dist
}
