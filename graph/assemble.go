package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"sync"

	dgraph "github.com/dominikbraun/graph"

	"github.com/eventgraph/eventgraph/model"
)

// adjacency holds the edges as node indices in compressed rows. Searches
// and metrics walk these arrays rather than maps keyed by actor id: a
// node's neighbours are a contiguous run of int32s.
type adjacency struct {
	src, tgt []int32 // edge index -> node index of its source and target
	outStart []int32 // node v's outgoing edges are the edge indices outStart[v] up to outStart[v+1], by target (edges are sorted)
	inStart  []int32 // node v's incoming edges are inEdges[inStart[v]:inStart[v+1]], by source
	inEdges  []int32
}

// outRange returns the first and past-the-last index of node v's outgoing
// edges.
func (a *adjacency) outRange(v int) (lo, hi int) { return int(a.outStart[v]), int(a.outStart[v+1]) }

// inOf returns the indices of node v's incoming edges, by source index.
func (a *adjacency) inOf(v int) []int32 { return a.inEdges[a.inStart[v]:a.inStart[v+1]] }

// edgeIndex returns the index of the edge from node s to node t, or -1.
func (a *adjacency) edgeIndex(s, t int) int {
	lo, hi := a.outRange(s)
	k, ok := slices.BinarySearch(a.tgt[lo:hi], int32(t))
	if !ok {
		return -1
	}
	return lo + k
}

// edgeKey is an edge's final (source, target) node indices packed for
// sorting, with its provisional number.
type edgeKey struct {
	key  uint64
	prov int32
}

// assemble numbers nodes by actor id and edges by (source, target) id,
// builds the adjacency, and hands out each edge's evidence as a window of
// one shared, id-sorted slice of event ids. order lists the event indices
// by event id.
func (b *builder) assemble(events []model.Event, order []int32) *Network {
	nv, ne := len(b.nodes), b.edges.len()
	perm := make([]int32, nv)
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(x, y int32) int { return cmp.Compare(b.nodes[x].id, b.nodes[y].id) })
	rank := make([]int32, nv) // provisional node number -> index
	n := &Network{nodes: make([]Node, nv), nodeIdx: make(map[string]int, nv), events: events, byID: order}
	for k, p := range perm {
		rank[p] = int32(k)
		acc := &b.nodes[p]
		acc.Actor = preferredSpelling(acc.spellings)
		n.nodes[k] = acc.Node
		n.nodeIdx[acc.id] = k
	}

	// Node indices follow id order, so sorting by indices sorts by ids.
	keys := make([]edgeKey, ne)
	for p := range ne {
		acc := b.edges.at(int32(p))
		keys[p] = edgeKey{uint64(rank[acc.src])<<32 | uint64(rank[acc.tgt]), int32(p)}
	}
	slices.SortFunc(keys, func(x, y edgeKey) int { return cmp.Compare(x.key, y.key) })
	erank := make([]int32, ne) // provisional edge number -> index
	a := adjacency{src: make([]int32, ne), tgt: make([]int32, ne), outStart: make([]int32, nv+1),
		inStart: make([]int32, nv+1), inEdges: make([]int32, ne)}
	offs := make([]int32, ne+1) // edge index -> start of its event ids
	for k, x := range keys {
		erank[x.prov] = int32(k)
		s, t := int32(x.key>>32), int32(uint32(x.key))
		a.src[k], a.tgt[k] = s, t
		a.outStart[s+1]++
		a.inStart[t+1]++
		offs[k+1] = offs[k] + b.edges.at(x.prov).count
	}
	for v := range nv {
		a.outStart[v+1] += a.outStart[v]
		a.inStart[v+1] += a.inStart[v]
	}
	next := slices.Clone(a.inStart[:nv])
	for k, t := range a.tgt { // by source within each target, since edges are sorted
		a.inEdges[next[t]] = int32(k)
		next[t]++
	}
	n.adj = a

	// Filling the windows in id order leaves each one sorted.
	ids := make([]string, offs[ne])
	fill := slices.Clone(offs[:ne])
	for _, i := range order {
		if p := b.evEdge[i]; p >= 0 {
			k := erank[p]
			ids[fill[k]] = events[i].ID
			fill[k]++
			b.evEdge[i] = k
		}
	}
	n.evEdge = b.evEdge

	n.edges = make([]Edge, ne)
	for k, x := range keys {
		acc := b.edges.at(x.prov)
		n.edges[k] = Edge{
			Source: b.nodes[acc.src].id, Target: b.nodes[acc.tgt].id, Count: int(acc.count),
			Roots: countMap(acc.roots[:], rootString), Quads: countMap(acc.quads[:], func(q int) int { return q }),
			First: acc.first, Last: acc.last, Undated: int(acc.undated),
			Goldstein: float64(acc.goldstein) / float64(100*acc.count),
			EventIDs:  ids[offs[k]:offs[k+1]:offs[k+1]], // capped: an append by the caller cannot spill into the next edge
		}
	}
	return n
}

func compareEdges(a, b Edge) int {
	if c := cmp.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	return cmp.Compare(a.Target, b.Target)
}

// libraryGraph is the network as a dominikbraun/graph graph, made once.
type libraryGraph struct {
	once sync.Once
	g    dgraph.Graph[string, model.Actor]
}

// libraryGraph builds the dominikbraun/graph graph of the network.
func (n *Network) libraryGraph() dgraph.Graph[string, model.Actor] {
	// Created without the Weighted trait on purpose: the library's
	// ShortestPath would then treat a pair with many events as far
	// apart, the opposite of what a count means. Counts are still the
	// edges' weights.
	g := dgraph.New(func(a model.Actor) string { return a.ID }, dgraph.Directed())
	for _, nd := range n.nodes {
		a := nd.Actor
		err := g.AddVertex(a, dgraph.VertexWeight(nd.Events), dgraph.VertexAttributes(map[string]string{
			"name": a.Name, "country": a.Country, "role": string(a.Role), "code": a.Code,
			"events": strconv.Itoa(nd.Events),
		}))
		if err != nil { // actor ids are unique: a broken invariant
			panic(fmt.Sprintf("graph: add actor %q: %v", a.ID, err))
		}
	}
	for _, e := range n.edges {
		err := g.AddEdge(e.Source, e.Target, dgraph.EdgeWeight(e.Count), dgraph.EdgeData(e),
			dgraph.EdgeAttribute("count", strconv.Itoa(e.Count)))
		if err != nil { // pairs are unique and their actors are vertices
			panic(fmt.Sprintf("graph: add edge %q -> %q: %v", e.Source, e.Target, err))
		}
	}
	return g
}
