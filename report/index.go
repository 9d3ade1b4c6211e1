package report

import (
	"sort"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/eventgraph/eventgraph/model"
)

// indexPage is the data of templates/index.html. Timeline, Volume and Tips
// are marshalled to JSON by html/template inside <script type=
// "application/json"> elements, which escapes "<", ">" and "&".
type indexPage struct {
	base
	List           eventList
	Timeline       map[string]any
	TimelineHeight int
	Tips           []tipEvent
	Binned         string // period of the timeline's bins, "" for one dot per event
	Volume         map[string]any
	VolumeUnit     string // "day", "month" or "year"
	Lanes          int
	TopActors      int
	KeyActors      []keyActor
	Countries      []keyActor
}

// keyActor is one entry of the key actors and countries lists.
type keyActor struct {
	Label  string
	Page   string
	Events int
}

func (s *Site) renderIndex() ([]byte, error) {
	p := indexPage{base: s.base("index"), List: s.list(1), TopActors: s.opt.TopActors}
	if p.Events > p.Undated {
		p.Timeline, p.Tips, p.TimelineHeight, p.Binned = timelineChart(s.events, s.opt.TopActors)
		p.Volume, p.VolumeUnit = volumeChart(s.events)
		_, labels := lanes(s.events, s.opt.TopActors)
		p.Lanes = len(labels)
	}
	nodes := append([]NetworkNode(nil), s.data.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Events > nodes[j].Events })
	for i, n := range nodes {
		if i == 16 {
			break
		}
		p.KeyActors = append(p.KeyActors, keyActor{Label: n.Label, Page: n.Page, Events: n.Events})
	}
	p.Countries = s.countryList()
	return execute("index.html", p)
}

// countryList lists the countries of the actors, busiest first, each with
// the number of events involving one of its actors.
func (s *Site) countryList() []keyActor {
	count := map[string]int{}
	for _, e := range s.events {
		seen := map[string]bool{}
		for _, a := range eventActors(e) {
			if a.Country != "" && !seen[a.Country] {
				seen[a.Country] = true
				count[a.Country]++
			}
		}
	}
	var out []keyActor
	for c, n := range count {
		out = append(out, keyActor{Label: countryLabel(c, s.countrys[c]), Page: countryPage(c), Events: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Label < out[j].Label
	})
	return out
}

// rootOptions lists the twenty CAMEO roots with their names, for the
// filter form.
func rootOptions() [][2]string {
	var out [][2]string
	for _, c := range model.CAMEOCodes() {
		if len(c.Code) == 2 {
			out = append(out, [2]string{c.Code, c.Name})
		}
	}
	return out
}

// bucketUnit picks the bar width of the volume chart from the span of the
// dated events, so that a week of events and a decade of them both give a
// readable number of bars.
func bucketUnit(first, last time.Time) string {
	switch span := last.Sub(first); {
	case span <= 62*24*time.Hour:
		return "day"
	case span <= 4*366*24*time.Hour:
		return "month"
	}
	return "year"
}

func bucketStart(t time.Time, unit string) time.Time {
	switch unit {
	case "day":
		return t
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
}

func bucketNext(t time.Time, unit string) time.Time {
	switch unit {
	case "day":
		return t.AddDate(0, 0, 1)
	case "month":
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(1, 0, 0)
}

func bucketLabel(t time.Time, unit string) string {
	switch unit {
	case "day":
		return t.Format("2 Jan 2006")
	case "month":
		return t.Format("Jan 2006")
	}
	return t.Format("2006")
}

// volumeChart counts dated events per period and QuadClass as stacked bars.
// An imprecise date counts in the period of its first day, which the page
// says under the chart.
func volumeChart(events []model.Event) (map[string]any, string) {
	var first, last time.Time
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		if first.IsZero() || e.Date.First().Before(first) {
			first = e.Date.First()
		}
		if e.Date.First().After(last) {
			last = e.Date.First()
		}
	}
	unit := bucketUnit(first, last)
	var labels []string
	index := map[time.Time]int{}
	for t := bucketStart(first, unit); !t.After(last); t = bucketNext(t, unit) {
		index[t] = len(labels)
		labels = append(labels, bucketLabel(t, unit))
	}
	var counts [5][]int
	for q := range counts {
		counts[q] = make([]int, len(labels))
	}
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		q := e.CAMEO().Quad
		if q < 1 || q > 4 {
			q = 0
		}
		counts[q][index[bucketStart(e.Date.First(), unit)]]++
	}

	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "36", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Top: "0", Left: "0", Icon: "roundRect"}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", MinInterval: 1}),
		charts.WithAnimation(false),
	)
	c.SetXAxis(labels)
	for q := 0; q <= 4; q++ {
		total := 0
		data := make([]opts.BarData, len(labels))
		for i, n := range counts[q] {
			data[i] = opts.BarData{Value: n}
			total += n
		}
		if q == 0 && total == 0 {
			continue
		}
		c.AddSeries(quadLabel(q), data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "quad", BarCategoryGap: "30%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: quadColors[q]}))
	}
	c.Validate()
	return c.JSON(), unit
}
