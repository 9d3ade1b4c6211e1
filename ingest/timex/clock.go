package timex

import (
	"fmt"

	"github.com/eventgraph/eventgraph/model"
)

// timePreps introduce a clock time.
var timePreps = map[string]bool{"at": true, "around": true, "about": true, "by": true, "from": true, "until": true, "till": true, "before": true, "after": true}

// This file reads clock times: "10 p.m.", "7:15 pm", "13:20 GMT",
// "2300 GMT", "noon", "midnight", optionally followed by the day they fall
// on ("10 p.m. Wednesday", "5 p.m. EST Nov. 9"). A time with no day of its
// own falls on the day the text last spoke of.

// meridiem reads "a.m.", "p.m.", "am", "pm" at k.
func (tg *tagger) meridiem(k int) (pm bool, end int, ok bool) {
	w := tg.w(k)
	switch w {
	case "am", "pm":
		end = k + 1
		if tg.w(end) == "." && tg.adjacent(k) && tg.w(end+1) == "" {
			end++
		}
		return w == "pm", end, true
	case "a", "p":
		if tg.w(k+1) == "." && tg.w(k+2) == "m" && tg.adjacent(k) && tg.adjacent(k+1) {
			end = k + 3
			if tg.w(end) == "." && tg.adjacent(k+2) {
				end++
			}
			return w == "p", end, true
		}
	}
	return false, k, false
}

// clock reads a time of day and the day it names, if any.
func (tg *tagger) clock(i int) (match, bool) {
	j := i
	if w := tg.w(j); w == "around" || w == "about" {
		j++
	}
	h, mi, k := -1, 0, j
	hasMin := false
	switch {
	case tg.w(k) == "noon" || tg.w(k) == "midday":
		h, k = 12, k+1
	case tg.w(k) == "midnight":
		h, k = 24, k+1
	case k < len(tg.t) && tg.t[k].kind == tkNum && !tg.t[k].ord && !tg.t[k].dec:
		t := tg.t[k]
		if t.nd <= 2 && tg.w(k+1) == ":" && tg.adjacent(k) && k+2 < len(tg.t) && tg.t[k+2].kind == tkNum && tg.t[k+2].nd == 2 && tg.adjacent(k+1) {
			h, mi, k, hasMin = t.num, tg.t[k+2].num, k+3, true
		} else if t.nd <= 2 {
			h, k = t.num, k+1
		} else if t.nd == 4 && timezones[tg.w(k+1)] {
			// Military time: "2300 GMT".
			h, mi, k, hasMin = t.num/100, t.num%100, k+1, true
		} else {
			return match{}, false
		}
		if pm, end, ok := tg.meridiem(k); ok {
			if h < 1 || h > 12 {
				return match{}, false
			}
			if pm && h < 12 {
				h += 12
			} else if !pm && h == 12 {
				h = 0
			}
			k = end
		} else if !hasMin || !(timezones[tg.w(k)] || tg.w(k) == "hrs" || tg.w(k) == "local" || timePreps[tg.w(j-1)] || j > i) {
			// A bare "7:15" is a time only next to a time zone or after "at":
			// scores and ratios look the same.
			return match{}, false
		}
	default:
		return match{}, false
	}
	if h > 24 || mi > 59 {
		return match{}, false
	}
	if timezones[tg.w(k)] {
		k++
	}
	if tg.w(k) == "local" && tg.w(k+1) == "time" {
		k += 2
	}
	// The day the time falls on, when it follows directly.
	t, end := tg.refDay, k
	kk := k
	if tg.w(kk) == "," || tg.w(kk) == "on" {
		kk++
	}
	for _, r := range []rule{(*tagger).explicitMonthFirst, (*tagger).explicitDayFirst, (*tagger).weekday, (*tagger).deictic} {
		if m, ok := r(tg, kk); ok && m.date.Precision == model.PrecisionDay {
			t, end = m.date.Start, m.end
			break
		}
	}
	if h == 12 && !hasMin && tg.w(i) == "noon" || h == 24 {
		mi = 0
	}
	v := fmt.Sprintf("%sT%02d:%02d", dayValue(t), h, mi)
	if h == 24 {
		v = dayValue(t) + "T24:00"
	}
	return match{end: end, typ: TypeTime, val: v, date: model.Day(t)}, true
}
