// Package graph builds the actor network from events: one node per actor,
// one directed, weighted edge per ordered actor pair, carrying the evidence
// (event ids) behind it. It wraps github.com/dominikbraun/graph and writes
// the network for other tools, starting with Graphviz DOT.
package graph

import (
	"github.com/eventgraph/eventgraph/model"
)

// Node is an actor of the network with the number of events it takes part in.
type Node struct {
	Actor  model.Actor
	Events int // events with this actor as source or target
	Out    int // events with this actor as source and some target
	In     int // events with this actor as target
}

// Edge gathers every event from Source to Target.
type Edge struct {
	Source, Target string         // actor ids
	Count          int            // number of events
	Roots          map[string]int // events per CAMEO root ("19": 3)
	Quads          map[int]int    // events per QuadClass
	First, Last    model.Date     // earliest and latest event date
	Goldstein      float64        // mean Goldstein score of the events
	EventIDs       []string       // the evidence, sorted
}

// Network is the actor network of a set of events.
type Network struct {
	nodes []Node
	edges []Edge
}

// Build returns the network of events. Events without a target add to their
// source's count but make no edge.
func Build(events []model.Event) (*Network, error) {
	return &Network{}, nil
}

// Nodes returns the nodes sorted by actor id.
func (n *Network) Nodes() []Node { return n.nodes }

// Edges returns the edges sorted by source id, then target id.
func (n *Network) Edges() []Edge { return n.edges }
