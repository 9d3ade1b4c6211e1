package report

import (
	"math"
	"sort"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/eventgraph/eventgraph/model"
)

// quadColors are the QuadClass colours of every chart and badge: blues for
// cooperation, warm tones for conflict, darker for material acts. Index 0
// is for codes outside the table. report.css repeats them for the badges.
var quadColors = [5]string{"#8a8f98", "#6f9fd8", "#1f5fa8", "#e0a030", "#c0392b"}

// quadLabel names QuadClass q, including the fallback for unknown codes.
func quadLabel(q int) string {
	if n, ok := model.QuadNames[q]; ok {
		return n
	}
	return "Unclassified"
}

// otherLane is the lane of every actor outside the top N.
const otherLane = "Other actors"

// tipEvent is what the timeline tooltip shows for one event; report.js reads
// it by the event's index, so that no article text has to ride inside chart
// options where a formatter might treat it as markup.
type tipEvent struct {
	ID      string   `json:"id"`
	Page    string   `json:"page"`
	Date    string   `json:"date"`
	Prec    string   `json:"precision"`
	Source  string   `json:"source"`
	Target  string   `json:"target"`
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Quad    string   `json:"quad"`
	Quote   string   `json:"quote"`
	Outlets []string `json:"outlets"`
	// Count and Role are set instead of the event's fields for a binned
	// dot: how many events of the lane's actor fall in it, and whether the
	// actor "carried out" or was "targeted" by them.
	Count int    `json:"count,omitempty"`
	Role  string `json:"role,omitempty"`
}

// lanes picks the top n actors by event count (ties by name, then id) and
// returns their lane index by actor id, their labels, and whether an
// "Other actors" lane is needed (its index is len(labels)-1 then).
func lanes(events []model.Event, n int) (map[string]int, []string) {
	count := map[string]int{}
	actor := map[string]model.Actor{}
	add := func(a model.Actor) { count[a.ID]++; actor[a.ID] = a }
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		add(e.Source)
		if e.Target != nil && e.Target.ID != e.Source.ID {
			add(*e.Target)
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		if actor[a].Name != actor[b].Name {
			return actor[a].Name < actor[b].Name
		}
		return a < b
	})
	index := map[string]int{}
	var labels []string
	for i, id := range ids {
		if i == n {
			labels = append(labels, otherLane)
			break
		}
		index[id] = i
		labels = append(labels, actorOf(actor[id]).label())
	}
	return index, labels
}

// midpoint places an imprecise date in the middle of the period it covers,
// in milliseconds since the epoch (ECharts' time axis unit).
func midpoint(d model.Date) int64 {
	a, b := d.First(), d.Last().Add(24*time.Hour)
	return a.Add(b.Sub(a) / 2).UnixMilli()
}

// timelineChart builds the actor-lane timeline. A point's value is
// [time, lane, tip index]. Beyond maxTimelinePoints dated events, points
// are bins of events (binnedPoints) and binned names their period unit;
// otherwise it is "". Each event sits in its source's lane (filled)
// and, when different, in its target's lane (ring), so every lane shows all
// of its actor's events. Series share a name per QuadClass, so the legend
// shows four entries that toggle both kinds of point.
func timelineChart(events []model.Event, topN int) (option map[string]any, tips []tipEvent, height int, binned string) {
	laneOf, labels := lanes(events, topN)
	lane := func(id string) int {
		if i, ok := laneOf[id]; ok {
			return i
		}
		return len(labels) - 1
	}
	var acted, targeted [5][]opts.ScatterData
	var lo, hi int64 // x range of the points
	dated := 0
	for _, e := range events {
		if !e.Date.IsZero() {
			dated++
		}
	}
	if dated > maxTimelinePoints {
		acted, targeted, tips, lo, hi, binned = binnedPoints(events, lane, labels)
	} else {
		tips, lo, hi = eventPoints(events, lane, &acted, &targeted)
	}
	return scatterOption(acted, targeted, labels, lo, hi), tips, 110 + 34*max(len(labels), 1), binned
}

// eventPoints makes one point per dated event (two when its target has
// another lane) and one tooltip per event.
func eventPoints(events []model.Event, lane func(string) int, acted, targeted *[5][]opts.ScatterData) (tips []tipEvent, lo, hi int64) {
	seen := false
	tips = make([]tipEvent, 0, len(events))
	for i, e := range events {
		c := e.CAMEO()
		q := c.Quad
		if q < 1 || q > 4 {
			q = 0
		}
		tip := tipEvent{
			ID: e.ID, Page: eventPage(e.ID), Date: e.Date.Display(), Prec: string(e.Date.Precision),
			Source: actorOf(e.Source).label(), Code: e.Code, Name: c.Name,
			Quad: quadLabel(q), Quote: quote(e, 280), Outlets: outlets(e),
		}
		if e.Target != nil {
			tip.Target = actorOf(*e.Target).label()
		}
		if tip.Name == "" {
			tip.Name = "Code not in the CAMEO table"
		}
		tips = append(tips, tip)
		if e.Date.IsZero() {
			continue
		}
		size := int(math.Round(4 + 7*math.Sqrt(float64(max(e.Sources(), 1)))))
		x := midpoint(e.Date)
		if !seen {
			lo, hi, seen = x, x, true
		}
		lo, hi = min(lo, x), max(hi, x)
		src := lane(e.Source.ID)
		acted[q] = append(acted[q], opts.ScatterData{Value: []any{x, src, i}, SymbolSize: size})
		if e.Target != nil {
			if tgt := lane(e.Target.ID); tgt != src {
				targeted[q] = append(targeted[q], opts.ScatterData{Value: []any{x, tgt, i}, SymbolSize: size})
			}
		}
	}
	return tips, lo, hi
}

// scatterOption is the timeline's chart option for its points.
func scatterOption(acted, targeted [5][]opts.ScatterData, labels []string, lo, hi int64) map[string]any {

	const day = 24 * 3600 * 1000
	pad := max((hi-lo)/25, day)
	c := charts.NewScatter()
	c.SetGlobalOptions(
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "36", Bottom: "56", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Top: "0", Left: "0", Icon: "circle"}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "item", Enterable: opts.Bool(false)}),
		// Ticks no finer than a day: event dates have no time of day.
		// Pad the range so that the first and last dots are not cut in half.
		charts.WithXAxisOpts(opts.XAxis{
			Type: "time", MinInterval: day, Min: lo - pad, Max: hi + pad,
			SplitLine: &opts.SplitLine{Show: opts.Bool(true)},
		}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Data: labels, Inverse: opts.Bool(true),
			SplitLine: &opts.SplitLine{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Width: 200, Overflow: "truncate"},
		}),
		charts.WithDataZoomOpts(
			opts.DataZoom{Type: "inside", XAxisIndex: []int{0}},
			opts.DataZoom{Type: "slider", XAxisIndex: []int{0}, Start: 0, End: 100},
		),
		charts.WithAnimation(false),
	)
	for q := 0; q <= 4; q++ {
		if q == 0 && len(acted[0])+len(targeted[0]) == 0 {
			continue // no "Unclassified" legend entry unless needed
		}
		name, color := quadLabel(q), quadColors[q]
		c.AddSeries(name, nonNil(acted[q]), charts.WithItemStyleOpts(opts.ItemStyle{
			Color: color, BorderColor: "#ffffff", BorderWidth: 1, Opacity: opts.Float(0.9),
		}))
		c.AddSeries(name, nonNil(targeted[q]), charts.WithItemStyleOpts(opts.ItemStyle{
			Color: "#ffffff", BorderColor: color, BorderWidth: 2, Opacity: opts.Float(0.9),
		}))
	}
	c.Validate()
	return c.JSON()
}

func nonNil(d []opts.ScatterData) []opts.ScatterData {
	if d == nil {
		return []opts.ScatterData{}
	}
	return d
}
