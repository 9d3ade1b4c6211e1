package graph

import (
	"fmt"
	"slices"

	dgraph "github.com/dominikbraun/graph"

	"github.com/eventgraph/eventgraph/model"
)

// Node is an actor of the network with the number of events it takes part in.
type Node struct {
	Actor    model.Actor
	Events   int // events with this actor as source or target (a self-loop counts once)
	Out      int // events with this actor as source and some target
	In       int // events with this actor as target
	NoTarget int // events with this actor as source and no target
}

// Edge gathers every event from Source to Target.
type Edge struct {
	Source, Target string         // actor ids
	Count          int            // number of events
	Roots          map[string]int // events per CAMEO root ("19": 3)
	Quads          map[int]int    // events per QuadClass
	First, Last    model.Date     // earliest and latest dated event by [model.Date.Compare]; zero when none is dated
	Undated        int            // events with the zero Date, left out of First and Last
	Goldstein      float64        // mean Goldstein score of the events
	EventIDs       []string       // the evidence, sorted
}

// Network is the actor network of a set of events. It is read-only once
// built and safe for concurrent reads.
// Network is the actor network of a set of events. It is read-only once
// built and safe for concurrent reads.
type Network struct {
	nodes   []Node
	edges   []Edge
	nodeIdx map[string]int // actor id -> index in nodes
	adj     adjacency      // the edges as node indices, for searches and metrics
	// events is the caller's slice, shared rather than copied (the copy
	// was the largest allocation of Build): the evidence of paths and the
	// dates of spells. byID orders it by event id; evEdge gives each
	// event's edge index, -1 for an untargeted event.
	events  []model.Event
	byID    []int32
	evEdge  []int32
	lib     libraryGraph  // the dominikbraun/graph view, made on first use
	opts    metricOptions // how metrics are computed
	metrics metricsCache  // centralities and communities, computed on first use
}

// metricOptions are the settings of [BuildOptions] that concern metrics.
type metricOptions struct {
	BetweennessSources int
}

// Build returns the network of events, in any order. Events without a
// target add to their source's counts but make no edge; an event whose
// source and target are one actor makes a self-loop edge.
//
// The network keeps events, the slice itself rather than a copy, as the
// evidence behind its edges ([Network.Event]): do not modify the slice or
// its events afterwards.
//
// Build returns [ErrInvalidEvent] for an event without an id, without a
// source id, with a target without an id or with an unknown CAMEO code, and
// [ErrDuplicateEvent] when two events share an id. An empty or nil slice
// gives an empty network.
func Build(events []model.Event) (*Network, error) { return build(events, nil) }

// build is [Build] with actors that are nodes even when no event names
// them, such as the centre of an ego network of depth 0.
func build(events []model.Event, isolated []model.Actor) (*Network, error) {
	b := newBuilder(len(events))
	for _, a := range isolated {
		b.node(a)
	}
	bad, badErr := -1, error(nil)
	for i := range events {
		c, err := checkEvent(i, &events[i])
		if err != nil {
			bad, badErr = i, err
			break
		}
		b.add(i, &events[i], c)
	}
	// A pass in input order would stop at the first invalid event or the
	// first repeated id, whichever comes first; report the same one.
	order, dup := sortByID(events)
	if dup >= 0 && (bad < 0 || dup < bad) {
		return nil, fmt.Errorf("graph: build: event #%d: %w %q: merge the events or drop the copy", dup, ErrDuplicateEvent, events[dup].ID)
	}
	if bad >= 0 {
		return nil, badErr
	}
	return b.assemble(events, order), nil
}

// Nodes returns the nodes sorted by actor id. The slice is a copy; treat
// the maps and slices inside as read-only.
func (n *Network) Nodes() []Node { return slices.Clone(n.nodes) }

// Edges returns the edges sorted by source id, then target id. The slice is
// a copy; the Roots, Quads and EventIDs of each edge are shared with the
// network and must not be modified.
func (n *Network) Edges() []Edge { return slices.Clone(n.edges) }

// Graph returns the underlying directed graph of dominikbraun/graph:
// vertices are actors hashed by id, with the attributes name, country,
// role, code and events and the event count as weight; edges carry the
// count as weight and as the attribute "count", and the [Edge] as data.
// It is made on the first call, since nothing inside the package needs it
// and making it cost more than the rest of [Build]. The graph is shared
// with the network: Clone it before modifying it.
func (n *Network) Graph() dgraph.Graph[string, model.Actor] {
	n.lib.once.Do(func() { n.lib.g = n.libraryGraph() })
	return n.lib.g
}
