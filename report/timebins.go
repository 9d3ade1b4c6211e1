package report

import (
	"math"
	"sort"
	"time"

	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/eventgraph/eventgraph/model"
)

// maxTimelinePoints is the number of dated events up to which the
// timeline draws one dot per event. Beyond it, dots are binned (see
// binnedPoints): ten thousand dots, each with its tooltip text in the
// page, made the page tens of megabytes and took ECharts seconds to draw,
// while overlapping so much that no single one could be picked out.
const maxTimelinePoints = 2000

// binKey is one binned dot: a lane, a period, a QuadClass, and whether
// the lane's actor carried the events out or was their target.
type binKey struct {
	lane   int
	period time.Time
	quad   int
	target bool
}

// binnedPoints groups the dated events by lane, period (the volume
// chart's unit for their span) and QuadClass. Each bin is one dot at the
// middle of its period, sized by the number of its events, with a tooltip
// that counts them; the event list and the actor pages still give each
// event. It returns the points per QuadClass, filled and ringed as in
// timelineChart, the tooltips, the x range and the unit.
func binnedPoints(events []model.Event, lane func(string) int, labels []string) (acted, targeted [5][]opts.ScatterData, tips []tipEvent, lo, hi int64, unit string) {
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
	unit = bucketUnit(first, last)
	count := map[binKey]int{}
	for _, e := range events {
		if e.Date.IsZero() {
			continue
		}
		q := e.CAMEO().Quad
		if q < 1 || q > 4 {
			q = 0
		}
		p := bucketStart(midpointTime(e.Date), unit)
		src := lane(e.Source.ID)
		count[binKey{src, p, q, false}]++
		if e.Target != nil {
			if tgt := lane(e.Target.ID); tgt != src {
				count[binKey{tgt, p, q, true}]++
			}
		}
	}
	keys := make([]binKey, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	// A fixed order, so the page is the same on every run.
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if !a.period.Equal(b.period) {
			return a.period.Before(b.period)
		}
		if a.lane != b.lane {
			return a.lane < b.lane
		}
		if a.quad != b.quad {
			return a.quad < b.quad
		}
		return !a.target && b.target
	})
	seen := false
	for _, k := range keys {
		n := count[k]
		start, end := k.period, bucketNext(k.period, unit)
		x := start.Add(end.Sub(start) / 2).UnixMilli()
		if !seen {
			lo, hi, seen = x, x, true
		}
		lo, hi = min(lo, x), max(hi, x)
		role := "carried out"
		if k.target {
			role = "targeted"
		}
		tips = append(tips, tipEvent{Date: bucketLabel(start, unit), Source: labels[k.lane], Quad: quadLabel(k.quad),
			Count: n, Role: role})
		pt := opts.ScatterData{Value: []any{x, k.lane, len(tips) - 1}, SymbolSize: int(math.Round(4 + 4*math.Sqrt(float64(n))))}
		if k.target {
			targeted[k.quad] = append(targeted[k.quad], pt)
		} else {
			acted[k.quad] = append(acted[k.quad], pt)
		}
	}
	return acted, targeted, tips, lo, hi, unit
}

// midpointTime is midpoint as a time, for binning.
func midpointTime(d model.Date) time.Time { return time.UnixMilli(midpoint(d)).UTC() }
