package graph

import (
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

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
