package graph

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// The attributes below are the ones every network export writes (GraphML,
// GEXF, Cytoscape.js), declared once so that the formats agree on names,
// types and values.

// attrType is the type of an attribute column.
type attrType int

const (
	attrString attrType = iota
	attrInt
	attrDouble
)

// column is one node or edge attribute.
type column struct {
	Name string
	Type attrType
}

var nodeColumns = []column{
	{"name", attrString}, {"country", attrString}, {"role", attrString}, {"code", attrString},
	{"events", attrInt}, {"untargeted", attrInt},
	{"in_degree", attrInt}, {"out_degree", attrInt}, {"weighted_in", attrInt}, {"weighted_out", attrInt},
	{"betweenness", attrDouble}, {"pagerank", attrDouble}, {"community", attrInt},
	{"first", attrString}, {"last", attrString},
}

var edgeColumns = []column{
	{"count", attrInt}, {"root", attrString}, {"root_name", attrString},
	{"quad", attrInt}, {"quad_name", attrString}, {"colour", attrString},
	{"roots", attrString}, {"quad1", attrInt}, {"quad2", attrInt}, {"quad3", attrInt}, {"quad4", attrInt},
	{"first", attrString}, {"last", attrString}, {"undated", attrInt},
	{"goldstein", attrDouble}, {"event_ids", attrString},
}

// nodeValues returns the values of nodeColumns for node i, in order.
func (n *Network) nodeValues(i int, c Centrality, sp []spell) []string {
	nd := n.nodes[i]
	a := nd.Actor
	first, last := "", ""
	if len(sp) > 0 {
		first, last = sp[0].start.Format(time.DateOnly), sp[len(sp)-1].end.Format(time.DateOnly)
	}
	return []string{
		a.Name, a.Country, string(a.Role), a.Code,
		strconv.Itoa(nd.Events), strconv.Itoa(nd.NoTarget),
		strconv.Itoa(c.Degree.In), strconv.Itoa(c.Degree.Out), strconv.Itoa(c.Degree.WeightedIn), strconv.Itoa(c.Degree.WeightedOut),
		formatMetric(c.Betweenness), formatMetric(c.PageRank), strconv.Itoa(c.Community),
		first, last,
	}
}

// edgeValues returns the values of edgeColumns for e, in order.
func edgeValues(e Edge) []string {
	roots := make([]string, 0, len(e.Roots))
	for r, k := range e.Roots {
		roots = append(roots, fmt.Sprintf("%s:%d", r, k))
	}
	slices.Sort(roots)
	q := e.DominantQuad()
	return []string{
		strconv.Itoa(e.Count), e.DominantRoot(), rootName(e.DominantRoot()),
		strconv.Itoa(q), model.QuadNames[q], QuadColour(q),
		strings.Join(roots, " "), strconv.Itoa(e.Quads[1]), strconv.Itoa(e.Quads[2]), strconv.Itoa(e.Quads[3]), strconv.Itoa(e.Quads[4]),
		e.First.Encode(), e.Last.Encode(), strconv.Itoa(e.Undated),
		formatScore(e.Goldstein), strings.Join(e.EventIDs, " "),
	}
}

// formatMetric writes a centrality with six decimals: enough to rank
// actors, few enough that the last bits of floating-point arithmetic never
// show.
func formatMetric(x float64) string {
	s := strconv.FormatFloat(x, 'f', 6, 64)
	if s == "-0.000000" {
		return "0.000000"
	}
	return s
}

// spell is a closed interval of days, both ends included.
type spell struct{ start, end time.Time }

// mergeSpells sorts the spells and joins those that overlap or touch, as
// GEXF readers expect the intervals of one element to be disjoint.
func mergeSpells(sp []spell) []spell {
	slices.SortFunc(sp, func(a, b spell) int { return a.start.Compare(b.start) })
	out := sp[:0]
	for _, s := range sp {
		if k := len(out); k > 0 && !s.start.After(out[k-1].end.AddDate(0, 0, 1)) {
			if s.end.After(out[k-1].end) {
				out[k-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// spells returns the merged day intervals of the dated events of every
// node (by index) and every edge (by index). Undated events have none.
func (n *Network) spells() (nodes, edges [][]spell) {
	nodes, edges = make([][]spell, len(n.nodes)), make([][]spell, len(n.edges))
	for i := range n.events {
		e := &n.events[i]
		if e.Date.IsZero() {
			continue
		}
		s := spell{e.Date.First(), e.Date.Last()}
		ei := n.evEdge[i]
		if ei < 0 {
			src := n.nodeIdx[e.Source.ID]
			nodes[src] = append(nodes[src], s)
			continue
		}
		src, tgt := n.adj.src[ei], n.adj.tgt[ei]
		nodes[src] = append(nodes[src], s)
		if tgt != src {
			nodes[tgt] = append(nodes[tgt], s)
		}
		edges[ei] = append(edges[ei], s)
	}
	for i := range nodes {
		nodes[i] = mergeSpells(nodes[i])
	}
	for i := range edges {
		edges[i] = mergeSpells(edges[i])
	}
	return nodes, edges
}

// betweennessNote is what the exports write at graph level when
// betweenness is an estimate from a sample of source actors, so that
// nobody reads it as exact; "" when it is exact.
func (n *Network) betweennessNote() string {
	sources, actors, exact := n.BetweennessSample()
	if exact {
		return ""
	}
	return fmt.Sprintf("approximate: estimated from the shortest paths out of a seeded random sample of %d of the %d actors, scaled up", sources, actors)
}

// edgeLabel is the short label of an edge: the dominant root's name and
// the count, as in the DOT.
func edgeLabel(e Edge) string { return fmt.Sprintf("%s (%d)", rootName(e.DominantRoot()), e.Count) }
