package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/eventgraph/eventgraph/model"
)

// builder folds events into accumulators in one pass. Actors and pairs get
// dense provisional numbers on first sight, so that each event costs one
// map lookup per actor (by id) and one per pair (by two small integers)
// rather than hashing the pair's two id strings; [assemble] then renumbers
// everything in id order.
type builder struct {
	nodeOf map[string]int32 // actor id -> provisional node number
	nodes  []nodeAcc
	edgeOf map[uint64]int32 // source<<32 | target (provisional) -> provisional edge number
	edges  edgeChunks
	evEdge []int32 // event index -> provisional edge number, -1 for an untargeted event
}

// nodeAcc is a node being built, with every spelling of its actor seen.
type nodeAcc struct {
	Node
	id        string
	spellings []spelling // few per actor: a slice scan beats hashing the whole actor
}

type spelling struct {
	actor model.Actor
	n     int
}

// edgeAcc is an edge being built. Counts go to arrays and become maps,
// sized to fit, once the edge is complete: most edges see one or two
// roots, and growing two maps per edge dominated the cost of Build.
type edgeAcc struct {
	src, tgt    int32 // provisional node numbers
	count       int32
	undated     int32
	roots       [21]int32 // events per CAMEO root, by root number 1..20
	quads       [5]int32  // events per QuadClass 1..4
	goldstein   int64     // sum of the Goldstein scores in hundredths
	first, last model.Date
}

func newBuilder(events int) *builder {
	return &builder{
		nodeOf: map[string]int32{},
		edgeOf: map[uint64]int32{},
		evEdge: make([]int32, events),
	}
}

// node returns the provisional number of actor a, counting its spelling.
func (b *builder) node(a model.Actor) int32 {
	k, ok := b.nodeOf[a.ID]
	if !ok {
		k = int32(len(b.nodes))
		b.nodeOf[a.ID] = k
		b.nodes = append(b.nodes, nodeAcc{id: a.ID})
	}
	acc := &b.nodes[k]
	for i := range acc.spellings {
		if acc.spellings[i].actor == a {
			acc.spellings[i].n++
			return k
		}
	}
	acc.spellings = append(acc.spellings, spelling{a, 1})
	return k
}

// add folds event #i, already checked, with its code table entry c.
func (b *builder) add(i int, e *model.Event, c model.CAMEOCode) {
	src := b.node(e.Source)
	b.nodes[src].Events++
	if e.Target == nil {
		b.nodes[src].NoTarget++
		b.evEdge[i] = -1
		return
	}
	tgt := b.node(*e.Target)
	if tgt != src {
		b.nodes[tgt].Events++
	}
	b.nodes[src].Out++
	b.nodes[tgt].In++

	key := uint64(src)<<32 | uint64(uint32(tgt))
	k, ok := b.edgeOf[key]
	if !ok {
		k = b.edges.add(edgeAcc{src: src, tgt: tgt})
		b.edgeOf[key] = k
	}
	b.evEdge[i] = k
	b.edges.at(k).add(e, c)
}

// edgeChunks stores accumulators in fixed blocks. A growing slice of them
// (240 bytes each) was copied at every growth, which allocated about five
// times the final size: most of Build's memory on a network of 93k edges.
type edgeChunks struct {
	chunks [][]edgeAcc
	n      int32
}

const edgeChunk = 1024

func (c *edgeChunks) add(acc edgeAcc) int32 {
	if int(c.n)%edgeChunk == 0 {
		c.chunks = append(c.chunks, make([]edgeAcc, 0, edgeChunk))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, acc)
	c.n++
	return c.n - 1
}

func (c *edgeChunks) at(k int32) *edgeAcc { return &c.chunks[k/edgeChunk][k%edgeChunk] }

func (c *edgeChunks) len() int { return int(c.n) }

func (ed *edgeAcc) add(e *model.Event, c model.CAMEOCode) {
	ed.count++
	ed.roots[rootNumber(c.Root)]++
	ed.quads[c.Quad]++
	ed.goldstein += int64(math.Round(c.Goldstein * 100))
	switch {
	case e.Date.IsZero():
		ed.undated++
	case ed.first.IsZero():
		ed.first, ed.last = e.Date, e.Date
	default:
		if e.Date.Compare(ed.first) < 0 {
			ed.first = e.Date
		}
		if e.Date.Compare(ed.last) > 0 {
			ed.last = e.Date
		}
	}
}

// idRef is an event id with the event's index, for sorting ids without
// moving the (large) events themselves.
type idRef struct {
	id string
	i  int32
}

// sortByID returns the event indices ordered by event id (then index), and
// the index of the first event, in input order, whose id an earlier event
// already has, or -1. Sorting replaces a set of every id seen: it is needed
// anyway for [Network.Event] and for the sorted evidence of each edge.
func sortByID(events []model.Event) (order []int32, dup int) {
	refs := make([]idRef, len(events))
	for i := range events {
		refs[i] = idRef{events[i].ID, int32(i)}
	}
	slices.SortFunc(refs, func(a, b idRef) int { return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.i, b.i)) })
	order = make([]int32, len(refs))
	dup = -1
	for k, r := range refs {
		order[k] = r.i
		if k > 0 && refs[k-1].id == r.id && (dup < 0 || int(r.i) < dup) {
			// The first copy of each id sorts first, so r is a later
			// one; the smallest such index is where a pass in input
			// order would have stopped.
			dup = int(r.i)
		}
	}
	return order, dup
}

// checkEvent validates event #i and returns its code table entry.
func checkEvent(i int, e *model.Event) (model.CAMEOCode, error) {
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

// preferredSpelling picks the most frequent spelling of an actor, ties
// going to the smallest, so that the choice does not depend on event order.
func preferredSpelling(spellings []spelling) model.Actor {
	var best model.Actor
	bestN := -1
	for _, s := range spellings {
		if s.n > bestN || (s.n == bestN && compareActors(s.actor, best) < 0) {
			best, bestN = s.actor, s.n
		}
	}
	return best
}

func compareActors(a, b model.Actor) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Country, b.Country),
		cmp.Compare(a.Role, b.Role), cmp.Compare(a.Code, b.Code))
}
