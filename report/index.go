package report

import (
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/eventgraph/eventgraph/model"
)

// indexPage is the data of templates/index.html. Timeline, Volume and Tips
// are marshalled to JSON by html/template inside <script type=
// "application/json"> elements, which escapes "<", ">" and "&".
type indexPage struct {
	header
	Rows           []eventRow
	Timeline       map[string]any
	TimelineHeight int
	Tips           []tipEvent
	Volume         map[string]any
	VolumeUnit     string // "day", "month" or "year"
	Lanes          int
	TopActors      int
}

func renderIndex(events []model.Event, opt Options) ([]byte, error) {
	p := indexPage{header: makeHeader(events, opt), Rows: makeRows(events), TopActors: opt.TopActors}
	if p.Events > p.Undated {
		p.Timeline, p.Tips, p.TimelineHeight = timelineChart(events, opt.TopActors)
		p.Volume, p.VolumeUnit = volumeChart(events)
		_, labels := lanes(events, opt.TopActors)
		p.Lanes = len(labels)
	}
	return execute("index.html", p)
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
