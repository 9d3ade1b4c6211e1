package graph

import (
	"errors"
	"fmt"

	dgraph "github.com/dominikbraun/graph"

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
// The library's ShortestPath decides whether the target is reachable and
// how many hops it takes; since it returns an arbitrary path when several
// are equally short, ShortestPath then picks among those the one whose
// actor ids, read hop by hop, sort first, so that the answer is the same on
// every run.
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
	lib, err := dgraph.ShortestPath(n.g, from, to)
	if errors.Is(err, dgraph.ErrTargetNotReachable) {
		return nil, fmt.Errorf("graph: %w from %q to %q: no chain of events leads from the first actor to the second", ErrNoPath, from, to)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: shortest path from %q to %q: %w", from, to, err)
	}

	dist := n.hopsTo(n.nodeIdx[to])
	cur := n.nodeIdx[from]
	if dist[cur] != len(lib)-1 {
		return nil, fmt.Errorf("graph: shortest path from %q to %q: library found %d hops, breadth-first search %d", from, to, len(lib)-1, dist[cur])
	}
	hops := make([]Hop, 0, dist[cur])
	for dist[cur] > 0 {
		for _, ei := range n.out[cur] { // sorted by target id
			e := n.edges[ei]
			next := n.nodeIdx[e.Target]
			if dist[next] == dist[cur]-1 {
				hops = append(hops, Hop{From: n.nodes[cur].Actor, To: n.nodes[next].Actor, Edge: e})
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
		for _, ei := range n.in[v] {
			u := n.nodeIdx[n.edges[ei].Source]
			if dist[u] < 0 {
				dist[u] = dist[v] + 1
				queue = append(queue, u)
			}
		}
	}
	return dist
}
