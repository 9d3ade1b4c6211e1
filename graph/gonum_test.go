package graph

import (
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// gonumView presents a [Network] to gonum's algorithms as a weighted
// directed graph, for the tests that check our metrics against gonum's: node ids are node indices (actor id order), edge weights
// are event counts. It is written by hand rather than copied into a
// simple.WeightedDirectedGraph because that graph hands out nodes and
// neighbours in map order, and the sums of floating-point scores then
// differ in their last bits from run to run. Here every iteration is in
// index order, so with a seeded random source the results are exact
// repeats.
type gonumView struct {
	n        *Network
	nodes    []gg.Node   // node index -> node
	from, to [][]gg.Node // node index -> targets (sources) of its edges, by index
}

// newGonumView precomputes the neighbour lists once: gonum's algorithms
// ask for them again and again, and building them from actor-id keys on
// every call cost more than the algorithms themselves.
func newGonumView(n *Network) *gonumView {
	v := &gonumView{n: n, nodes: make([]gg.Node, len(n.nodes)), from: make([][]gg.Node, len(n.nodes)), to: make([][]gg.Node, len(n.nodes))}
	for i := range v.nodes {
		v.nodes[i] = simple.Node(i)
	}
	for i := range n.nodes {
		lo, hi := n.adj.outRange(i)
		for _, t := range n.adj.tgt[lo:hi] { // by target id, which is index order
			v.from[i] = append(v.from[i], v.nodes[t])
		}
		for _, ei := range n.adj.inOf(i) {
			v.to[i] = append(v.to[i], v.nodes[n.adj.src[ei]])
		}
	}
	return v
}

var _ gg.WeightedDirected = (*gonumView)(nil)

func (v *gonumView) Node(id int64) gg.Node {
	if id < 0 || id >= int64(len(v.nodes)) {
		return nil
	}
	return v.nodes[id]
}

func (v *gonumView) Nodes() gg.Nodes { return iterator.NewOrderedNodes(v.nodes) }

// From lists the targets of uid's outgoing edges, in index order.
func (v *gonumView) From(uid int64) gg.Nodes {
	if v.Node(uid) == nil || len(v.from[uid]) == 0 {
		return gg.Empty
	}
	return iterator.NewOrderedNodes(v.from[uid])
}

// To lists the sources of vid's incoming edges, in index order.
func (v *gonumView) To(vid int64) gg.Nodes {
	if v.Node(vid) == nil || len(v.to[vid]) == 0 {
		return gg.Empty
	}
	return iterator.NewOrderedNodes(v.to[vid])
}

// edgeIndex returns the index of the edge from node index u to node index
// w, or -1.
func (v *gonumView) edgeIndex(u, w int64) int {
	if v.Node(u) == nil || v.Node(w) == nil {
		return -1
	}
	return v.n.adj.edgeIndex(int(u), int(w))
}

func (v *gonumView) HasEdgeFromTo(uid, vid int64) bool { return v.edgeIndex(uid, vid) >= 0 }

func (v *gonumView) HasEdgeBetween(xid, yid int64) bool {
	return v.HasEdgeFromTo(xid, yid) || v.HasEdgeFromTo(yid, xid)
}

func (v *gonumView) Edge(uid, vid int64) gg.Edge {
	if e := v.WeightedEdge(uid, vid); e != nil {
		return e // not returned directly: a nil WeightedEdge is a non-nil Edge
	}
	return nil
}

func (v *gonumView) WeightedEdge(uid, vid int64) gg.WeightedEdge {
	i := v.edgeIndex(uid, vid)
	if i < 0 {
		return nil
	}
	return simple.WeightedEdge{F: v.nodes[uid], T: v.nodes[vid], W: float64(v.n.edges[i].Count)}
}

// Weight is the event count from x to y; absent edges weigh 0 and a node
// to itself without a self-loop weighs 0 as well, as community detection
// expects.
func (v *gonumView) Weight(xid, yid int64) (float64, bool) {
	if i := v.edgeIndex(xid, yid); i >= 0 {
		return float64(v.n.edges[i].Count), true
	}
	if xid == yid {
		return 0, true
	}
	return 0, false
}

// uview presents the undirected projection to gonum's community package,
// in index order, for the tests that check Louvain and modularity.
type uview struct {
	u     *undirected
	nodes []gg.Node
	from  [][]gg.Node
}

func newUView(u *undirected) *uview {
	v := &uview{u: u, nodes: make([]gg.Node, len(u.self)), from: make([][]gg.Node, len(u.self))}
	for i := range v.nodes {
		v.nodes[i] = simple.Node(i)
	}
	for i := range v.nodes {
		for _, y := range u.nbr[u.start[i]:u.start[i+1]] {
			v.from[i] = append(v.from[i], v.nodes[y])
		}
	}
	return v
}
func (v *uview) Node(id int64) gg.Node  { return v.nodes[id] }
func (v *uview) Nodes() gg.Nodes        { return iterator.NewOrderedNodes(v.nodes) }
func (v *uview) From(id int64) gg.Nodes { return iterator.NewOrderedNodes(v.from[id]) }
func (v *uview) HasEdgeBetween(x, y int64) bool {
	return x != y && v.u.link(int(x), int(y)) > 0
}
func (v *uview) Edge(x, y int64) gg.Edge                 { return v.WeightedEdgeBetween(x, y) }
func (v *uview) WeightedEdge(x, y int64) gg.WeightedEdge { return v.WeightedEdgeBetween(x, y) }
func (v *uview) EdgeBetween(x, y int64) gg.Edge          { return v.WeightedEdgeBetween(x, y) }
func (v *uview) WeightedEdgeBetween(x, y int64) gg.WeightedEdge {
	if !v.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.WeightedEdge{F: v.nodes[x], T: v.nodes[y], W: v.u.link(int(x), int(y))}
}
func (v *uview) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 2 * v.u.self[x], true // a self-loop counts twice in a degree, as in undirected.modularity
	}
	w := v.u.link(int(x), int(y))
	return w, w > 0
}
