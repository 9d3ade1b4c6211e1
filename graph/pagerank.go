package graph

import "math"

// PageRank parameters: the usual damping, and a tolerance well below the
// precision the exports print.
const (
	pageRankDamping   = 0.85
	pageRankTolerance = 1e-12
	pageRankMaxRounds = 1000
)

// pageRank is the edge-weighted PageRank of gonum's network.PageRank (same
// damping, same treatment of actors without outgoing edges, which spread
// their rank evenly), computed by power iteration from the uniform vector.
// gonum's own function starts from a random vector, so its scores differ
// in the last bits from run to run and the exports would not be
// byte-identical; TestPageRankMatchesGonum checks that the two agree.
//
// Each round walks the incoming edges of every node in source order, a
// fixed order of addition, over the compact adjacency: the share each
// edge passes on (count / the source's outgoing count) is computed once,
// not once per round, and no actor id is looked up.
func (n *Network) pageRank() []float64 {
	k := len(n.nodes)
	if k == 0 {
		return nil
	}
	a := &n.adj
	outWeight := make([]float64, k)
	for v := range k {
		lo, hi := a.outRange(v)
		for ei := lo; ei < hi; ei++ {
			outWeight[v] += float64(n.edges[ei].Count)
		}
	}
	// share[j] belongs to the j-th entry of a.inEdges, so that a round
	// reads both arrays in step.
	share := make([]float64, len(a.inEdges))
	from := make([]int32, len(a.inEdges))
	for j, ei := range a.inEdges {
		u := a.src[ei]
		from[j] = u
		share[j] = float64(n.edges[ei].Count) / outWeight[u]
	}

	rank, next := make([]float64, k), make([]float64, k)
	for i := range rank {
		rank[i] = 1 / float64(k)
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
			for j := a.inStart[v]; j < a.inStart[v+1]; j++ {
				sum += rank[from[j]] * share[j]
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
