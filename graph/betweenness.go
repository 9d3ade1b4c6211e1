package graph

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Betweenness is computed with Brandes' algorithm on the compact adjacency:
// one breadth-first search per source actor (hops, not event counts,
// measure length), then the dependencies summed back along the search
// order. That is O(V·E) time and O(V) space per worker; gonum's version of
// the same algorithm keeps its queues and tallies in maps keyed by node and
// took a quarter of the metrics' time.
//
// Sources are split into a fixed number of blocks that workers take in
// turn; each block sums into its own row and the rows are added in block
// order, so the scores are bit for bit the same on any number of CPUs.

// betweennessBlocks is how many partial sums the sources are split into:
// enough to keep a laptop's cores busy, few enough that the rows (one
// float64 per actor each) stay small next to the network.
const betweennessBlocks = 16

// exactBetweennessWork is the largest number of edge visits (sources times
// nodes plus edges) for which [BetweennessAuto] computes betweenness
// exactly: a few seconds of CPU. Above it, it samples as many sources as
// fit in that budget.
const exactBetweennessWork = 1_000_000_000

// betweennessSeed fixes which sources a sampled betweenness starts from.
const betweennessSeed = 20010401

// Betweenness sampling settings for [BuildOptions.BetweennessSources].
const (
	// BetweennessAuto is exact betweenness unless the network is too
	// large for it to take a few seconds; then it is sampled.
	BetweennessAuto = 0
	// BetweennessExact is exact betweenness whatever it costs.
	BetweennessExact = -1
)

// betweennessSources returns the source actors for a setting (see
// [BuildOptions.BetweennessSources]): nil for all of them, or a sample
// drawn with a fixed seed, sorted.
func (n *Network) betweennessSources(setting int) []int32 {
	v := len(n.nodes)
	k := setting
	switch {
	case setting == BetweennessExact:
		return nil
	case setting == BetweennessAuto:
		work := v + len(n.edges)
		if v == 0 || v*work <= exactBetweennessWork {
			return nil
		}
		k = max(exactBetweennessWork/work, 1)
	}
	if k <= 0 || k >= v {
		return nil
	}
	rng := rand.New(rand.NewPCG(betweennessSeed, uint64(v)))
	sample := rng.Perm(v)[:k]
	out := make([]int32, k)
	for i, s := range sample {
		out[i] = int32(s)
	}
	slices.Sort(out)
	return out
}

// betweenness returns the betweenness of every node from the given
// sources (nil: every node). A sample of k of V sources is scaled by V/k,
// the usual unbiased estimate of the exact score.
func (n *Network) betweenness(sources []int32) []float64 {
	v := len(n.nodes)
	total := make([]float64, v)
	if v == 0 {
		return total
	}
	count := v
	if sources != nil {
		count = len(sources)
	}
	source := func(i int) int {
		if sources == nil {
			return i
		}
		return int(sources[i])
	}
	blocks := min(betweennessBlocks, count)
	rows := make([][]float64, blocks)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), blocks) {
		wg.Go(func() {
			s := newBrandesState(v)
			for {
				b := int(next.Add(1)) - 1
				if b >= blocks {
					return
				}
				row := make([]float64, v)
				for i := b * count / blocks; i < (b+1)*count/blocks; i++ {
					s.accumulate(&n.adj, source(i), row)
				}
				rows[b] = row
			}
		})
	}
	wg.Wait()
	for _, row := range rows {
		for i, x := range row {
			total[i] += x
		}
	}
	if sources != nil {
		scale := float64(v) / float64(len(sources))
		for i := range total {
			total[i] *= scale
		}
	}
	return total
}

// brandesState is one worker's scratch space, reused from source to
// source.
type brandesState struct {
	dist         []int32
	sigma, delta []float64
	order        []int32 // nodes in the order the search reached them
}

func newBrandesState(v int) *brandesState {
	s := &brandesState{dist: make([]int32, v), sigma: make([]float64, v), delta: make([]float64, v), order: make([]int32, 0, v)}
	for i := range s.dist {
		s.dist[i] = -1
	}
	return s
}

// accumulate adds to row the dependencies of every node on source src.
// Instead of keeping predecessor lists, it finds a node's predecessors
// among its incoming edges (those one hop nearer the source): the same
// numbers, in a fixed order, without allocating.
func (s *brandesState) accumulate(a *adjacency, src int, row []float64) {
	s.order = append(s.order[:0], int32(src))
	s.dist[src], s.sigma[src] = 0, 1
	for head := 0; head < len(s.order); head++ {
		u := s.order[head]
		lo, hi := a.outRange(int(u))
		for _, w := range a.tgt[lo:hi] {
			if s.dist[w] < 0 {
				s.dist[w] = s.dist[u] + 1
				s.order = append(s.order, w)
			}
			if s.dist[w] == s.dist[u]+1 {
				s.sigma[w] += s.sigma[u]
			}
		}
	}
	for i := len(s.order) - 1; i > 0; i-- { // the source itself, first, gets no score
		w := s.order[i]
		coeff := (1 + s.delta[w]) / s.sigma[w]
		for _, ei := range a.inOf(int(w)) {
			if u := a.src[ei]; s.dist[u] == s.dist[w]-1 {
				s.delta[u] += s.sigma[u] * coeff
			}
		}
		row[w] += s.delta[w]
	}
	for _, w := range s.order { // reset only what this search touched
		s.dist[w], s.sigma[w], s.delta[w] = -1, 0, 0
	}
}
