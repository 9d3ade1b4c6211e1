// Package graph builds the actor network of a set of events: one node per
// actor, one directed, weighted edge per ordered actor pair, carrying the
// evidence (event ids) behind it. It wraps github.com/dominikbraun/graph,
// answers simple questions about the network (degrees, neighbours, shortest
// paths) and writes it for other tools, starting with Graphviz DOT.
//
// # Building
//
// [Build] folds events into a [Network] in one pass, keeping the events
// slice it is given rather than a copy. The underlying library holds no
// parallel edges, so every event from one actor to another becomes part of
// a single [Edge] with its [Edge.Count], counts per CAMEO root and per
// QuadClass, the first and last date, the mean Goldstein score and the
// sorted event ids. [Network.Nodes] and [Network.Edges] list the result in
// a fixed order; [Network.Graph] exposes the library graph itself, made on
// first use.
//
// # Untargeted events and self-loops
//
// An event without a target counts towards its source's [Node.Events] and
// [Node.NoTarget] but makes no edge. An event whose source and target are
// the same actor ("the government reshuffled the government") is a
// self-loop: the library allows them in a directed graph, so it becomes an
// ordinary edge from the actor to itself and counts once in the actor's
// [Node.Out] and once in its [Node.In], as in the usual convention for
// degrees.
//
// # Metrics and paths
//
// [Network.Degree] and [Network.Degrees] give in and out degree (edges) and
// weighted degree (events); [Network.Neighbours] lists the
// actors linked to one actor in either direction; [Network.ShortestPath]
// finds the fewest hops from one actor to another along the direction of
// the edges, with the edge of every hop.
//
// # Views
//
// [BuildView] builds the network at the level asked for ([BuildOptions]):
// actors merged by code or country ([Group]), then cut down to the ego
// network of one actor ([Network.Ego]), found by id, name or code
// ([Network.Find]). The network keeps the events it was built from
// ([Network.Events], [Network.Event]), so every edge of every view leads
// back to its evidence.
//
// # Centrality and communities
//
// [Network.Centralities] gives every actor its degrees, betweenness,
// PageRank and community; [Network.CentralitiesOf] only the metrics asked
// for. Each metric is computed on first use and cached, on a compact
// adjacency (node indices in compressed rows) rather than through maps:
// betweenness by Brandes' algorithm, in parallel blocks that are summed in
// a fixed order, exact unless the network is too large for that
// ([BuildOptions.BetweennessSources], [Network.BetweennessSample]);
// PageRank by power iteration from the uniform vector; communities by a
// seeded Louvain on the network with directions dropped. All three are
// checked against gonum.org/v1/gonum/graph in the tests, but none runs
// through it: gonum's versions keep their state in maps keyed by node, and
// its Louvain sums weights member by member, which on 2,000 actors took
// most of a minute. [Network.Modularity] scores the communities.
//
// # Exports
//
// Besides DOT: [WriteGraphML], [WriteGEXF] (GEXF 1.3, dynamic, with spells
// from event dates) and [WriteCytoscape] (Cytoscape.js JSON), all with the
// same node and edge attributes. When betweenness is an estimate from a
// sample of actors, each of these files says so at graph level. Package eventfile writes the events
// themselves (TimelineJS, GDELT- and ACLED-style CSV).
//
// # DOT export
//
// [WriteDOT] writes the network as a Graphviz digraph. It does not use the
// library's draw.DOT, which leaves quotes in labels unescaped and writes
// vertices and edges in map order. Every identifier and attribute value is
// quoted and escaped, so names such as `Wagner "PMC"` or `O'Brien \ Co`
// reach Graphviz intact.
//
// # Determinism
//
// The same events, in any order, give the same network, the same metrics
// and byte-identical exports. Nodes are sorted by actor id, edges by source then target id, event
// ids within an edge by id. Goldstein scores are summed in hundredths as
// integers, so that the mean does not depend on the order of addition. When
// events spell one actor id in different ways (names differing only in case
// or spacing give the same id), the most frequent spelling wins, ties going
// to the smallest.
//
// # Errors
//
// Functions return the sentinel errors below, wrapped with details; test
// with [errors.Is].
package graph

import "errors"

var (
	// ErrInvalidEvent is returned by [Build] for an event that lacks an id
	// or a source actor id, has a target without an id, or has a CAMEO code
	// that is neither in the code table nor has a root that is (or whose
	// table entry has a root outside 01..20 or a QuadClass outside 1..4).
	ErrInvalidEvent = errors.New("invalid event")

	// ErrDuplicateEvent is returned by [Build] when two events share an id:
	// counting both would inflate the counts of their pair.
	ErrDuplicateEvent = errors.New("duplicate event id")

	// ErrUnknownActor is returned by lookups and metrics for an actor id
	// that is not a node of the network.
	ErrUnknownActor = errors.New("unknown actor")

	// ErrAmbiguousActor is returned by [Network.Find] (and so by
	// [BuildView] with Around) when a name or code answers to several
	// actors; the message names them.
	ErrAmbiguousActor = errors.New("ambiguous actor")

	// ErrNoEdge is returned by [Network.Edge] when the two actors are
	// nodes but no event goes from the first to the second.
	ErrNoEdge = errors.New("no edge")

	// ErrNoPath is returned by [Network.ShortestPath] when the target
	// cannot be reached from the source along the edges' direction.
	ErrNoPath = errors.New("no path")

	// ErrBadOption is returned by [WriteDOT] for an invalid [DOTOptions]
	// field, and by [BuildView], [Group] and [Network.Ego] for an invalid
	// grouping level, depth or betweenness sample size.
	ErrBadOption = errors.New("bad option")
)
