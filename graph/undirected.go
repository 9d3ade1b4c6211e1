package graph

import (
	"slices"
)

// undirected is the network with directions dropped: one weighted link per
// pair of actors that acted on each other in either direction, weighing
// the events of both directions, in compressed rows by node index.
// Communities are found on it. A self-loop is kept as the node's own
// weight.
type undirected struct {
	start  []int32   // node v's links are nbr[start[v]:start[v+1]], by neighbour index
	nbr    []int32   // neighbour node index
	weight []float64 // events between the two, both directions
	self   []float64 // node index -> events from the actor to itself
	total  float64   // sum of every link's weight counted from both ends, plus twice the self-loops: 2m
}

// undirectedOf merges each node's outgoing and incoming edges, both
// already sorted by the other end's index, into one sorted run.
func undirectedOf(n *Network) *undirected {
	a := &n.adj
	v := len(n.nodes)
	u := &undirected{start: make([]int32, v+1), self: make([]float64, v)}
	u.nbr = make([]int32, 0, 2*len(n.edges))
	u.weight = make([]float64, 0, 2*len(n.edges))
	for x := range v {
		lo, hi := a.outRange(x)
		out, in := lo, a.inOf(x)
		for out < hi || len(in) > 0 {
			var y int32
			var w float64
			switch {
			case len(in) == 0 || (out < hi && a.tgt[out] < a.src[in[0]]):
				y, w = a.tgt[out], float64(n.edges[out].Count)
				out++
			case out == hi || a.src[in[0]] < a.tgt[out]:
				y, w = a.src[in[0]], float64(n.edges[in[0]].Count)
				in = in[1:]
			default: // both directions, or a self-loop seen from both ends
				y, w = a.tgt[out], float64(n.edges[out].Count+n.edges[in[0]].Count)
				if int(y) == x {
					u.self[x] = float64(n.edges[out].Count)
				}
				out++
				in = in[1:]
			}
			if int(y) == x {
				continue
			}
			u.nbr = append(u.nbr, y)
			u.weight = append(u.weight, w)
		}
		u.start[x+1] = int32(len(u.nbr))
	}
	for x := range v {
		u.total += 2 * u.self[x]
	}
	for _, w := range u.weight {
		u.total += w
	}
	return u
}

// link returns the weight between x and y (x != y), 0 when they are not
// linked.
func (u *undirected) link(x, y int) float64 {
	lo, hi := u.start[x], u.start[x+1]
	k, ok := slices.BinarySearch(u.nbr[lo:hi], int32(y))
	if !ok {
		return 0
	}
	return u.weight[int(lo)+k]
}

func sortInt32(s []int32) { slices.Sort(s) }
