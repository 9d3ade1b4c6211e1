package report

import (
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// networkPage is the data of templates/network.html.
type networkPage struct {
	base
	Data NetworkData
	Net  netChart
	Rows []edgeRow
}

// netChart is the data of the "network-chart" template.
type netChart struct {
	ID     string
	Height int
	Chart  map[string]any
	Data   NetworkData
	Shown  int // nodes shown at first; a control shows more
}

func newNetChart(id string, height int, d NetworkData) netChart {
	return netChart{ID: id, Height: height, Chart: networkChart(), Data: d, Shown: min(initialNodes, len(d.Nodes))}
}

// edgeRow describes one relation, for the table under the chart.
type edgeRow struct {
	Source, Target         string
	SourcePage, TargetPage string
	Count                  int
	Quads                  []string
	Dominant               int
	First, Last, Goldstein string
	Color                  string
}

// initialNodes is how many of the most central actors a network chart
// shows before the reader asks for more.
const initialNodes = 40

func (s *Site) renderNetwork() ([]byte, error) {
	p := networkPage{base: s.base("network"), Data: s.data, Net: newNetChart("network", 640, s.data)}
	for _, e := range s.data.Edges {
		src, tgt := s.data.Nodes[e.Source], s.data.Nodes[e.Target]
		p.Rows = append(p.Rows, edgeRow{
			Source: src.Label, Target: tgt.Label, SourcePage: src.Page, TargetPage: tgt.Page,
			Count: e.Count, Quads: e.Quads, Dominant: e.Dominant, First: e.First, Last: e.Last,
			Goldstein: e.Goldstein, Color: e.Color,
		})
	}
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

// networkChart is the chart option of every network view, without its
// data: report.js adds nodes and links from [NetworkData] for the metric,
// grouping and number of nodes the reader picks. Positions come from
// forceLayout, so the series uses layout "none", which ECharts scales to
// fit the chart; nodes can still be dragged.
func networkChart() map[string]any {
	c := charts.NewGraph()
	c.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Top: "0", Left: "0", Type: "scroll", Icon: "circle"}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "item"}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(countryColors),
	)
	c.AddSeries("Actors", []opts.GraphNode{}, []opts.GraphLink{},
		charts.WithGraphChartOpts(opts.GraphChart{
			Layout:     "none",
			Roam:       opts.Bool(true),
			Draggable:  opts.Bool(true),
			EdgeSymbol: []string{"none", "arrow"}, EdgeSymbolSize: 8,
		}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: "#1d232b", FontSize: 12}),
		// On a crowded network, labels that would overlap are hidden; the
		// tooltip and the relations table still name every actor.
		charts.WithLabelLayoutOpts(opts.LabelLayout{HideOverlap: opts.Bool(true)}),
		charts.WithEmphasisOpts(opts.Emphasis{Focus: "adjacency"}),
	)
	c.Validate()
	return c.JSON()
}

// countryColors colour the country categories. They avoid the QuadClass
// blues, amber and red, which the edges use.
var countryColors = opts.Colors{"#6b5fb5", "#2f9e8f", "#8c6d46", "#c2548f", "#7f8c2d", "#4d6a85", "#b58a4c", "#8e8e8e", "#3e7c5a", "#a05a9c"}

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
