package graph

import (
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// gonumView presents a [Network] to gonum's algorithms as a weighted
// directed graph: node ids are node indices (actor id order), edge weights
// are event counts. It is written by hand rather than copied into a
// simple.WeightedDirectedGraph because that graph hands out nodes and
// neighbours in map order, and the sums of floating-point scores then
// differ in their last bits from run to run. Here every iteration is in
// index order, so with a seeded random source the results are exact
// repeats.
type gonumView struct{ n *Network }

var _ gg.WeightedDirected = gonumView{}

func (v gonumView) Node(id int64) gg.Node {
	if id < 0 || id >= int64(len(v.n.nodes)) {
		return nil
	}
	return simple.Node(id)
}

func (v gonumView) Nodes() gg.Nodes {
	nodes := make([]gg.Node, len(v.n.nodes))
	for i := range nodes {
		nodes[i] = simple.Node(i)
	}
	return iterator.NewOrderedNodes(nodes)
}

// From lists the targets of uid's outgoing edges, in target order.
func (v gonumView) From(uid int64) gg.Nodes {
	if v.Node(uid) == nil {
		return gg.Empty
	}
	return v.neighbours(v.n.out[uid], func(e Edge) string { return e.Target })
}

// edgeIndex returns the index of the edge from node index u to node index
// w, or -1.
func (v gonumView) edgeIndex(u, w int64) int {
	if v.Node(u) == nil || v.Node(w) == nil {
		return -1
	}
	i, ok := v.n.edgeIdx[[2]string{v.n.nodes[u].Actor.ID, v.n.nodes[w].Actor.ID}]
	if !ok {
		return -1
	}
	return i
}

func (v gonumView) HasEdgeFromTo(uid, vid int64) bool { return v.edgeIndex(uid, vid) >= 0 }

func (v gonumView) HasEdgeBetween(xid, yid int64) bool {
	return v.HasEdgeFromTo(xid, yid) || v.HasEdgeFromTo(yid, xid)
}

func (v gonumView) Edge(uid, vid int64) gg.Edge {
	if e := v.WeightedEdge(uid, vid); e != nil {
		return e // not returned directly: a nil WeightedEdge is a non-nil Edge
	}
	return nil
}

func (v gonumView) WeightedEdge(uid, vid int64) gg.WeightedEdge {
	i := v.edgeIndex(uid, vid)
	if i < 0 {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(uid), T: simple.Node(vid), W: float64(v.n.edges[i].Count)}
}

// Weight is the event count from x to y; absent edges weigh 0 and a node
// to itself without a self-loop weighs 0 as well, as community detection
// expects.
func (v gonumView) Weight(xid, yid int64) (float64, bool) {
	if i := v.edgeIndex(xid, yid); i >= 0 {
		return float64(v.n.edges[i].Count), true
	}
	if xid == yid {
		return 0, true
	}
	return 0, false
}

func (v gonumView) To(vid int64) gg.Nodes {
	if v.Node(vid) == nil {
		return gg.Empty
	}
	return v.neighbours(v.n.in[vid], func(e Edge) string { return e.Source })
}

func (v gonumView) neighbours(edges []int, end func(Edge) string) gg.Nodes {
	if len(edges) == 0 {
		return gg.Empty
	}
	nodes := make([]gg.Node, 0, len(edges))
	for _, ei := range edges {
		nodes = append(nodes, simple.Node(v.n.nodeIdx[end(v.n.edges[ei])]))
	}
	return iterator.NewOrderedNodes(nodes)
}
