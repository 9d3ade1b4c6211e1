package report

import (
	"math"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/model"
)

// networkPage is the data of templates/network.html.
type networkPage struct {
	header
	Chart map[string]any
	Tips  networkTips
	Rows  []edgeRow
}

// networkTips feed the network tooltips in report.js by node and edge index.
type networkTips struct {
	Nodes []nodeTip `json:"nodes"`
	Edges []edgeRow `json:"edges"`
}

type nodeTip struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Role    string `json:"role"`
	Events  int    `json:"events"`
	Out     int    `json:"out"`
	In      int    `json:"in"`
}

// edgeRow describes one relation, for the edge tooltip and the table under
// the chart.
type edgeRow struct {
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Count     int      `json:"count"`
	Quads     []string `json:"quads"` // "3 × Verbal conflict", most frequent first
	Dominant  int      `json:"-"`
	First     string   `json:"first"`
	Last      string   `json:"last"`
	Goldstein string   `json:"goldstein"`
}

func renderNetwork(events []model.Event, net *graph.Network, opt Options) ([]byte, error) {
	p := networkPage{header: makeHeader(events, opt)}
	p.Chart, p.Tips = networkChart(net)
	p.Rows = append([]edgeRow(nil), p.Tips.Edges...)
	// The table reads best with the busiest relations first.
	sort.SliceStable(p.Rows, func(i, j int) bool { return p.Rows[i].Count > p.Rows[j].Count })
	return execute("network.html", p)
}

// dominantQuad is the QuadClass with most events on an edge; ties go to the
// more conflictual class, the one a reader should not miss.
func dominantQuad(quads map[int]int) int {
	best, n := 0, 0
	for q := 1; q <= 4; q++ {
		if quads[q] > 0 && quads[q] >= n {
			best, n = q, quads[q]
		}
	}
	return best
}

// networkChart builds the force-layout graph. ECharts keys graph nodes by
// name, so names are made unique; links use node indices. Nodes start on a
// circle (initLayout) rather than at random, so the layout, and screenshots,
// come out the same each time.
func networkChart(net *graph.Network) (map[string]any, networkTips) {
	nodes := net.Nodes()
	index := map[string]int{}
	categories := []*opts.GraphCategory{}
	catIndex := map[string]int{}
	// Categories sorted by name so colours do not depend on node order.
	var countries []string
	for _, n := range nodes {
		c := n.Actor.Country
		if c == "" {
			c = "Unknown"
		}
		if _, ok := catIndex[c]; !ok {
			catIndex[c] = 0
			countries = append(countries, c)
		}
	}
	sort.Strings(countries)
	for i, c := range countries {
		catIndex[c] = i
		categories = append(categories, &opts.GraphCategory{Name: c})
	}

	var tips networkTips
	gnodes := make([]opts.GraphNode, 0, len(nodes))
	used := map[string]int{}
	for i, n := range nodes {
		index[n.Actor.ID] = i
		name := actorOf(n.Actor).label()
		if used[name]++; used[name] > 1 {
			name += " #" + strconv.Itoa(used[name])
		}
		country := n.Actor.Country
		if country == "" {
			country = "Unknown"
		}
		gnodes = append(gnodes, opts.GraphNode{
			Name:       name,
			Value:      float32(n.Events),
			Category:   catIndex[country],
			SymbolSize: math.Round(10 + 5*math.Sqrt(float64(n.Events))),
		})
		tips.Nodes = append(tips.Nodes, nodeTip{
			Name: n.Actor.Name, Country: n.Actor.Country, Role: string(n.Actor.Role),
			Events: n.Events, Out: n.Out, In: n.In,
		})
	}

	links := []opts.GraphLink{}
	for _, e := range net.Edges() {
		s, ok1 := index[e.Source]
		t, ok2 := index[e.Target]
		if !ok1 || !ok2 {
			continue // an edge to an actor without a node: nothing to draw
		}
		dom := dominantQuad(e.Quads)
		links = append(links, opts.GraphLink{
			Source: s, Target: t, Value: float32(e.Count),
			LineStyle: &opts.LineStyle{
				Color: quadColors[dom], Width: float32(math.Min(1+1.5*float64(e.Count), 8)),
				Opacity: opts.Float(0.6), Curveness: 0.15,
			},
		})
		tips.Edges = append(tips.Edges, edgeRow{
			Source: tips.Nodes[s].label(), Target: tips.Nodes[t].label(), Count: e.Count,
			Quads: quadBreakdown(e.Quads), Dominant: dom,
			First: e.First.Display(), Last: e.Last.Display(),
			Goldstein: strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		})
	}

	c := charts.NewGraph()
	c.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Top: "0", Left: "0", Type: "scroll", Icon: "circle"}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "item"}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(countryColors),
	)
	c.AddSeries("Actors", gnodes, links,
		charts.WithGraphChartOpts(opts.GraphChart{
			Layout:     "force",
			Force:      &opts.GraphForce{InitLayout: "circular", Repulsion: 700, Gravity: 0.1, EdgeLength: []float32{120, 260}},
			Roam:       opts.Bool(true),
			Draggable:  opts.Bool(true),
			EdgeSymbol: []string{"none", "arrow"}, EdgeSymbolSize: 8,
			Categories: categories,
		}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: "#1d232b", FontSize: 12}),
		// On a crowded network, labels that would overlap are hidden; the
		// tooltip and the relations table still name every actor.
		charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
		charts.WithEmphasisOpts(opts.Emphasis{Focus: "adjacency"}),
	)
	c.Validate()
	return c.JSON(), tips
}

// countryColors colour the country categories. They avoid the QuadClass
// blues, amber and red, which the edges use.
var countryColors = opts.Colors{"#6b5fb5", "#2f9e8f", "#8c6d46", "#c2548f", "#7f8c2d", "#4d6a85", "#b58a4c", "#8e8e8e", "#3e7c5a", "#a05a9c"}

func (n nodeTip) label() string {
	return actorView{Name: n.Name, Country: n.Country, Role: n.Role}.label()
}

// quadBreakdown lists the QuadClasses of an edge, most events first.
func quadBreakdown(quads map[int]int) []string {
	keys := make([]int, 0, len(quads))
	for q := range quads {
		keys = append(keys, q)
	}
	sort.Slice(keys, func(i, j int) bool {
		if quads[keys[i]] != quads[keys[j]] {
			return quads[keys[i]] > quads[keys[j]]
		}
		return keys[i] < keys[j]
	})
	out := make([]string, 0, len(keys))
	for _, q := range keys {
		out = append(out, strconv.Itoa(quads[q])+" × "+quadLabel(q))
	}
	return out
}
