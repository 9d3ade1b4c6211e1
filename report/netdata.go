package report

import (
	"fmt"
	"math"
	"strconv"

	"github.com/eventgraph/eventgraph/graph"
)

// NetworkData is the actor network as the pages draw it and as the
// explorer's /api/graph serves it: nodes most central first, each with its
// metrics and a fixed position; edges by node index. Every string in it is
// article text, for escaping formatters and JSON only.
type NetworkData struct {
	Nodes []NetworkNode `json:"nodes"`
	Edges []NetworkEdge `json:"edges"`
}

// NetworkNode is one actor of [NetworkData].
type NetworkNode struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Label       string  `json:"label"` // unique among the nodes: "Kremlin (RUS GOV)"
	Country     string  `json:"country"`
	Role        string  `json:"role"`
	Page        string  `json:"page"` // the actor's page, relative: "actor-a-….html"
	Events      int     `json:"events"`
	Out         int     `json:"out"`
	In          int     `json:"in"`
	Partners    int     `json:"partners"`
	Betweenness float64 `json:"betweenness"`
	Community   int     `json:"community"`
	X           float64 `json:"x"`
	Y           float64 `json:"y"`
}

// NetworkEdge is one relation of [NetworkData]: every event from Source to
// Target (node indices).
type NetworkEdge struct {
	Source    int      `json:"source"`
	Target    int      `json:"target"`
	Count     int      `json:"count"`
	Tone      float64  `json:"tone"`  // mean Goldstein score, -10..+10
	Color     string   `json:"color"` // the tone on a red-grey-blue scale
	Quads     []string `json:"quads"` // "3 × Verbal conflict", most frequent first
	Dominant  int      `json:"dominant"`
	First     string   `json:"first"`
	Last      string   `json:"last"`
	Goldstein string   `json:"goldstein"`
}

// NetworkOf computes the drawn form of a network: metrics, ranking and
// layout. Positions are computed for at most maxLaidOut nodes, the most
// central; the rest are left out, since no page can show them legibly.
func NetworkOf(net *graph.Network) NetworkData {
	m := computeMetrics(net)
	nodes := net.Nodes()
	rank := m.Rank
	if len(rank) > maxLaidOut {
		rank = rank[:maxLaidOut]
	}
	// Lay out the kept nodes only, renumbered by rank.
	newIndex := make(map[int]int, len(rank))
	for k, i := range rank {
		newIndex[i] = k
	}
	sub := make([][]neighbour, len(rank))
	order := make([]int, len(rank))
	for k := range rank {
		order[k] = k
	}
	for _, l := range m.Links {
		a, ok1 := newIndex[l.A]
		b, ok2 := newIndex[l.B]
		if ok1 && ok2 {
			sub[a] = append(sub[a], neighbour{b, l.Weight})
			sub[b] = append(sub[b], neighbour{a, l.Weight})
		}
	}
	pos := forceLayout(sub, order)

	var d NetworkData
	used := map[string]int{}
	byID := map[string]int{}
	for k, i := range rank {
		n := nodes[i]
		label := actorOf(n.Actor).label()
		if used[label]++; used[label] > 1 {
			label += " #" + strconv.Itoa(used[label])
		}
		byID[n.Actor.ID] = k
		d.Nodes = append(d.Nodes, NetworkNode{
			ID: n.Actor.ID, Name: n.Actor.Name, Label: label, Country: n.Actor.Country, Role: string(n.Actor.Role),
			Page: actorPage(n.Actor.ID), Events: n.Events, Out: n.Out, In: n.In,
			Partners: m.Partners[i], Betweenness: m.Betweenness[i], Community: m.Community[i],
			X: pos[k][0], Y: pos[k][1],
		})
	}
	for _, e := range net.Edges() {
		s, ok1 := byID[e.Source]
		t, ok2 := byID[e.Target]
		if !ok1 || !ok2 {
			continue
		}
		d.Edges = append(d.Edges, NetworkEdge{
			Source: s, Target: t, Count: e.Count, Tone: e.Goldstein, Color: toneColor(e.Goldstein),
			Quads: quadBreakdown(e.Quads), Dominant: dominantQuad(e.Quads),
			First: e.First.Display(), Last: e.Last.Display(),
			Goldstein: strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		})
	}
	if d.Nodes == nil {
		d.Nodes = []NetworkNode{}
	}
	if d.Edges == nil {
		d.Edges = []NetworkEdge{}
	}
	return d
}

// maxLaidOut caps the nodes a network view carries. The layout costs the
// square of the node count, and beyond a few hundred nodes a drawing says
// less than the relations table.
const maxLaidOut = 300

// Ego returns the sub-network of the nodes for which keep is true, with
// the edges among them. Positions stay those of the whole network, which
// ECharts rescales to fit.
func (d NetworkData) Ego(keep func(NetworkNode) bool) NetworkData {
	var out NetworkData
	index := map[int]int{}
	for i, n := range d.Nodes {
		if keep(n) {
			index[i] = len(out.Nodes)
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range d.Edges {
		s, ok1 := index[e.Source]
		t, ok2 := index[e.Target]
		if ok1 && ok2 {
			e.Source, e.Target = s, t
			out.Edges = append(out.Edges, e)
		}
	}
	if out.Nodes == nil {
		out.Nodes = []NetworkNode{}
	}
	if out.Edges == nil {
		out.Edges = []NetworkEdge{}
	}
	return out
}

// toneColor maps a mean Goldstein score to a colour: red for conflict,
// grey near zero, blue for cooperation, the colours of the QuadClasses.
func toneColor(g float64) string {
	t := math.Max(-1, math.Min(1, g/10))
	grey := [3]float64{0xa8, 0xad, 0xb5}
	end := [3]float64{0x1f, 0x5f, 0xa8} // cooperation
	if t < 0 {
		end, t = [3]float64{0xc0, 0x39, 0x2b}, -t // conflict
	}
	// A square root so that mild tones already show their side.
	t = math.Sqrt(t)
	var c [3]int
	for i := range c {
		c[i] = int(math.Round(grey[i] + (end[i]-grey[i])*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}
