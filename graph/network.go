package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

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
type Network struct {
	nodes   []Node
	edges   []Edge
	nodeIdx map[string]int    // actor id -> index in nodes
	edgeIdx map[[2]string]int // (source, target) -> index in edges
	out     [][]int           // node index -> indices of its outgoing edges, by target id
	in      [][]int           // node index -> indices of its incoming edges, by source id
	g       dgraph.Graph[string, model.Actor]
	events  []model.Event // the events it was built from, by id: the evidence of paths and the dates of spells
	metrics metricsCache  // centralities and communities, computed on first use
}

// edgeAcc is an edge being built. Counts go to arrays first and become
// maps, sized to fit, once the edge is complete: most edges see one or two
// roots, and growing two maps per edge dominated the cost of Build.
type edgeAcc struct {
	Edge
	roots     [21]int32 // events per CAMEO root, by root number 1..20
	quads     [5]int32  // events per QuadClass 1..4
	goldstein int64     // sum of the Goldstein scores in hundredths
}

// nodeAcc is a node being built, with every spelling of its actor seen.
type nodeAcc struct {
	Node
	spellings map[model.Actor]int
}

// Build returns the network of events, in any order. Events without a
// target add to their source's counts but make no edge; an event whose
// source and target are one actor makes a self-loop edge.
//
// Build returns [ErrInvalidEvent] for an event without an id, without a
// source id, with a target without an id or with an unknown CAMEO code, and
// [ErrDuplicateEvent] when two events share an id. An empty or nil slice
// gives an empty network.
func Build(events []model.Event) (*Network, error) { return build(events, nil) }

// build is [Build] with actors that are nodes even when no event names
// them, such as the centre of an ego network of depth 0.
func build(events []model.Event, isolated []model.Actor) (*Network, error) {
	nodes := map[string]*nodeAcc{}
	for _, a := range isolated {
		nodes[a.ID] = &nodeAcc{spellings: map[model.Actor]int{a: 1}}
	}
	edges := map[[2]string]*edgeAcc{}
	seen := make(map[string]struct{}, len(events))
	kept := make([]model.Event, 0, len(events))

	node := func(a model.Actor) *nodeAcc {
		n := nodes[a.ID]
		if n == nil {
			n = &nodeAcc{spellings: map[model.Actor]int{}}
			nodes[a.ID] = n
		}
		n.spellings[a]++
		return n
	}

	for i, e := range events {
		c, err := checkEvent(i, e)
		if err != nil {
			return nil, err
		}
		if _, dup := seen[e.ID]; dup {
			return nil, fmt.Errorf("graph: build: event #%d: %w %q: merge the events or drop the copy", i, ErrDuplicateEvent, e.ID)
		}
		seen[e.ID] = struct{}{}
		kept = append(kept, e)

		src := node(e.Source)
		src.Events++
		if e.Target == nil {
			src.NoTarget++
			continue
		}
		tgt := node(*e.Target)
		if tgt != src {
			tgt.Events++
		}
		src.Out++
		tgt.In++

		key := [2]string{e.Source.ID, e.Target.ID}
		ed := edges[key]
		if ed == nil {
			ed = &edgeAcc{Edge: Edge{Source: key[0], Target: key[1]}}
			edges[key] = ed
		}
		ed.add(e, c)
	}
	n, err := assemble(nodes, edges)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(kept, func(a, b model.Event) int { return cmp.Compare(a.ID, b.ID) })
	n.events = kept
	return n, nil
}

// checkEvent validates event #i and returns its code table entry.
func checkEvent(i int, e model.Event) (model.CAMEOCode, error) {
	var problem string
	c := e.CAMEO()
	switch {
	case e.ID == "":
		problem = "has no id (call Event.SetID)"
	case e.Source.ID == "":
		problem = "has a source actor without an id (build actors with model.NewActor)"
	case e.Target != nil && e.Target.ID == "":
		problem = "has a target actor without an id (build actors with model.NewActor)"
	case c.Code == "":
		problem = fmt.Sprintf("has CAMEO code %q, which is not in the code table", e.Code)
	case rootNumber(c.Root) == 0 || c.Quad < 1 || c.Quad > 4:
		problem = fmt.Sprintf("has CAMEO code %q, whose root %q or QuadClass %d is out of range", e.Code, c.Root, c.Quad)
	default:
		return c, nil
	}
	return c, fmt.Errorf("graph: build: event #%d %q: %w: it %s", i, e.ID, ErrInvalidEvent, problem)
}

func (ed *edgeAcc) add(e model.Event, c model.CAMEOCode) {
	ed.Count++
	ed.roots[rootNumber(c.Root)]++
	ed.quads[c.Quad]++
	ed.goldstein += int64(math.Round(c.Goldstein * 100))
	ed.EventIDs = append(ed.EventIDs, e.ID)
	switch {
	case e.Date.IsZero():
		ed.Undated++
	case ed.First.IsZero():
		ed.First, ed.Last = e.Date, e.Date
	default:
		if e.Date.Compare(ed.First) < 0 {
			ed.First = e.Date
		}
		if e.Date.Compare(ed.Last) > 0 {
			ed.Last = e.Date
		}
	}
}

// assemble sorts the accumulated nodes and edges and builds the library
// graph from them.
func assemble(nodes map[string]*nodeAcc, edges map[[2]string]*edgeAcc) (*Network, error) {
	n := &Network{
		nodes:   make([]Node, 0, len(nodes)),
		edges:   make([]Edge, 0, len(edges)),
		nodeIdx: make(map[string]int, len(nodes)),
		edgeIdx: make(map[[2]string]int, len(edges)),
		// Created without the Weighted trait on purpose: the library's
		// ShortestPath would then treat a pair with many events as far
		// apart, the opposite of what a count means. Counts are still the
		// edges' weights.
		g: dgraph.New(func(a model.Actor) string { return a.ID }, dgraph.Directed()),
	}
	for _, acc := range nodes {
		acc.Actor = preferredSpelling(acc.spellings)
		n.nodes = append(n.nodes, acc.Node)
	}
	slices.SortFunc(n.nodes, func(a, b Node) int { return cmp.Compare(a.Actor.ID, b.Actor.ID) })
	for i, nd := range n.nodes {
		n.nodeIdx[nd.Actor.ID] = i
	}

	for _, acc := range edges {
		e := acc.Edge
		e.Roots, e.Quads = countMap(acc.roots[:], rootString), countMap(acc.quads[:], func(q int) int { return q })
		slices.Sort(e.EventIDs)
		e.Goldstein = float64(acc.goldstein) / float64(100*e.Count)
		n.edges = append(n.edges, e)
	}
	slices.SortFunc(n.edges, compareEdges)
	n.out = make([][]int, len(n.nodes))
	n.in = make([][]int, len(n.nodes))
	for i, e := range n.edges {
		n.edgeIdx[[2]string{e.Source, e.Target}] = i
		s, t := n.nodeIdx[e.Source], n.nodeIdx[e.Target]
		n.out[s] = append(n.out[s], i) // in target order, since edges are sorted
		n.in[t] = append(n.in[t], i)   // in source order, likewise
	}

	for _, nd := range n.nodes {
		a := nd.Actor
		err := n.g.AddVertex(a, dgraph.VertexWeight(nd.Events), dgraph.VertexAttributes(map[string]string{
			"name": a.Name, "country": a.Country, "role": string(a.Role), "code": a.Code,
			"events": strconv.Itoa(nd.Events),
		}))
		if err != nil {
			return nil, fmt.Errorf("graph: build: add actor %q: %w", a.ID, err)
		}
	}
	for _, e := range n.edges {
		err := n.g.AddEdge(e.Source, e.Target, dgraph.EdgeWeight(e.Count), dgraph.EdgeData(e),
			dgraph.EdgeAttribute("count", strconv.Itoa(e.Count)))
		if err != nil {
			return nil, fmt.Errorf("graph: build: add edge %q -> %q: %w", e.Source, e.Target, err)
		}
	}
	return n, nil
}

// rootNumber is the number of a CAMEO root "01".."20", or 0 for anything
// else.
func rootNumber(root string) int {
	if len(root) != 2 {
		return 0
	}
	k, err := strconv.Atoi(root)
	if err != nil || k < 1 || k > 20 {
		return 0
	}
	return k
}

var rootStrings = func() (s [21]string) {
	for k := range s {
		s[k] = fmt.Sprintf("%02d", k)
	}
	return s
}()

func rootString(k int) string { return rootStrings[k] }

// countMap turns the non-zero counts of an array into a map keyed by key(i).
func countMap[K comparable](counts []int32, key func(int) K) map[K]int {
	size := 0
	for _, k := range counts {
		if k > 0 {
			size++
		}
	}
	m := make(map[K]int, size)
	for i, k := range counts {
		if k > 0 {
			m[key(i)] = int(k)
		}
	}
	return m
}

func compareEdges(a, b Edge) int {
	if c := cmp.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	return cmp.Compare(a.Target, b.Target)
}

// preferredSpelling picks the most frequent spelling of an actor, ties
// going to the smallest, so that the choice does not depend on event order.
func preferredSpelling(spellings map[model.Actor]int) model.Actor {
	var best model.Actor
	bestN := -1
	for a, k := range spellings {
		if k > bestN || (k == bestN && compareActors(a, best) < 0) {
			best, bestN = a, k
		}
	}
	return best
}

func compareActors(a, b model.Actor) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Country, b.Country),
		cmp.Compare(a.Role, b.Role), cmp.Compare(a.Code, b.Code))
}

// Nodes returns the nodes sorted by actor id. The slice is a copy; treat
// the maps and slices inside as read-only.
func (n *Network) Nodes() []Node { return slices.Clone(n.nodes) }

// Edges returns the edges sorted by source id, then target id. The slice is
// a copy; the Roots, Quads and EventIDs of each edge are shared with the
// network and must not be modified.
func (n *Network) Edges() []Edge { return slices.Clone(n.edges) }

// Graph returns the underlying directed graph: vertices are actors hashed
// by id, with the attributes name, country, role, code and events and the
// event count as weight; edges carry the count as weight and as the
// attribute "count", and the [Edge] as data. The graph is shared with the
// network: Clone it before modifying it.
func (n *Network) Graph() dgraph.Graph[string, model.Actor] { return n.g }
