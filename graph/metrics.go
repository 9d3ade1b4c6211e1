package graph

import (
	"fmt"
	"slices"

	"github.com/eventgraph/eventgraph/model"
)

// Degree is how connected one actor is. Degrees count distinct actors
// (edges); weighted degrees count events. A self-loop adds one to each of
// In and Out and its count to each weighted degree.
type Degree struct {
	ActorID     string
	In, Out     int // edges into and out of the actor
	WeightedIn  int // events with the actor as target
	WeightedOut int // events with the actor as source and some target
}

// Total is the number of edges touching the actor, a self-loop counting
// twice.
func (d Degree) Total() int { return d.In + d.Out }

// WeightedTotal is the number of targeted events touching the actor, a
// self-loop counting twice.
func (d Degree) WeightedTotal() int { return d.WeightedIn + d.WeightedOut }

// Node returns the node of an actor id, or [ErrUnknownActor].
func (n *Network) Node(actorID string) (Node, error) {
	i, ok := n.nodeIdx[actorID]
	if !ok {
		return Node{}, unknownActor(actorID)
	}
	return n.nodes[i], nil
}

// Edge returns the edge from source to target. It returns
// [ErrUnknownActor] when either id is not a node, and [ErrNoEdge] when
// both are but no event goes from source to target.
func (n *Network) Edge(source, target string) (Edge, error) {
	s, ok := n.nodeIdx[source]
	if !ok {
		return Edge{}, unknownActor(source)
	}
	t, ok := n.nodeIdx[target]
	if !ok {
		return Edge{}, unknownActor(target)
	}
	i := n.adj.edgeIndex(s, t)
	if i < 0 {
		return Edge{}, fmt.Errorf("graph: %w from %q to %q", ErrNoEdge, source, target)
	}
	return n.edges[i], nil
}

// Degree returns the degrees of an actor, or [ErrUnknownActor].
func (n *Network) Degree(actorID string) (Degree, error) {
	i, ok := n.nodeIdx[actorID]
	if !ok {
		return Degree{}, unknownActor(actorID)
	}
	return n.degree(i), nil
}

// Degrees returns the degrees of every actor, sorted by actor id.
func (n *Network) Degrees() []Degree {
	out := make([]Degree, len(n.nodes))
	for i := range n.nodes {
		out[i] = n.degree(i)
	}
	return out
}

func (n *Network) degree(i int) Degree {
	lo, hi := n.adj.outRange(i)
	in := n.adj.inOf(i)
	d := Degree{ActorID: n.nodes[i].Actor.ID, In: len(in), Out: hi - lo}
	for _, e := range in {
		d.WeightedIn += n.edges[e].Count
	}
	for e := lo; e < hi; e++ {
		d.WeightedOut += n.edges[e].Count
	}
	return d
}

// Neighbours returns the ids of the actors linked to actorID by an edge in
// either direction, sorted, each once and without actorID itself (a
// self-loop shows in [Network.Degree], not here). It returns
// [ErrUnknownActor] for an id that is not a node.
func (n *Network) Neighbours(actorID string) ([]string, error) {
	i, ok := n.nodeIdx[actorID]
	if !ok {
		return nil, unknownActor(actorID)
	}
	lo, hi := n.adj.outRange(i)
	in := n.adj.inOf(i)
	ids := make([]string, 0, hi-lo+len(in))
	for e := lo; e < hi; e++ {
		ids = append(ids, n.edges[e].Target)
	}
	for _, e := range in {
		ids = append(ids, n.edges[e].Source)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return slices.DeleteFunc(ids, func(id string) bool { return id == actorID }), nil
}

// DominantRoot is the CAMEO root with the most events on the edge. On a tie
// the higher root wins: roots rise from cooperation to conflict, so a tie
// is never shown as the milder relation.
func (e Edge) DominantRoot() string {
	best, bestN := "", 0
	for r, k := range e.Roots {
		if k > bestN || (k == bestN && r > best) {
			best, bestN = r, k
		}
	}
	return best
}

// DominantQuad is the QuadClass with the most events on the edge, 0 for an
// edge without events. On a tie the more conflictual (higher) class wins.
func (e Edge) DominantQuad() int {
	best, bestN := 0, 0
	for q, k := range e.Quads {
		if k > bestN || (k == bestN && q > best) {
			best, bestN = q, k
		}
	}
	return best
}

// DominantName is the code table name of [Edge.DominantRoot], such as
// "FIGHT", or "" when the root is unknown.
func (e Edge) DominantName() string {
	c, _ := model.LookupCAMEO(e.DominantRoot())
	return c.Name
}

func unknownActor(id string) error {
	return fmt.Errorf("graph: %w %q: not a node of the network (actor ids look like a-0123456789ab)", ErrUnknownActor, id)
}
