package timex

import (
	"fmt"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// This file reads calendar units larger than a month: years, decades,
// centuries, quarters, halves, seasons, and the few fixed holidays that
// news dates events by.

// decadeWords are spelled-out decades ("the nineties").
var decadeWords = map[string]int{
	"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
	"seventies": 7, "eighties": 8, "nineties": 9,
}

// yearOrDecade reads "2019", "fiscal 1989", "the 1990s", "'80s" and
// "the nineties".
func (tg *tagger) yearOrDecade(i int) (match, bool) {
	j := i
	if tg.w(j) == "the" {
		j++
	}
	if tg.w(j) == "fiscal" && j == i {
		j++
	}
	if j > i && tg.w(j) == "year" && tg.w(j+1) == "two" {
		// handled below
	} else if tg.w(j) == "current" || tg.w(j) == "fiscal" {
		// "the fiscal year", "the current fiscal year": the year of publication.
		k := j
		if tg.w(k) == "current" {
			k++
		}
		if tg.w(k) == "fiscal" && tg.w(k+1) == "year" {
			y := tg.dct.Year()
			return match{end: k + 2, typ: TypeDate, val: yearValue(y), date: model.Year(y)}, true
		}
	}
	if tg.w(j) == "'" && j+1 < len(tg.t) && tg.t[j+1].dec && tg.t[j+1].nd == 2 {
		y := 1900 + tg.t[j+1].num
		if y+100 <= tg.dct.Year() && tg.t[j+1].num <= tg.dct.Year()%100 {
			y += 100
		}
		return match{end: j + 2, typ: TypeDate, val: fmt.Sprintf("%03d", y/10), date: decadeDate(y)}, true
	}
	if tg.in(j, inDecades) && j > i {
		y := 1900 + 10*decadeWords[tg.w(j)]
		return match{end: j + 1, typ: TypeDate, val: fmt.Sprintf("%03d", y/10), date: decadeDate(y)}, true
	}
	if j < len(tg.t) && tg.t[j].kind == tkNum && tg.t[j].dec && tg.t[j].nd == 4 && tg.t[j].num%10 == 0 {
		y := tg.t[j].num
		return match{end: j + 1, typ: TypeDate, val: fmt.Sprintf("%03d", y/10), date: decadeDate(y)}, true
	}
	if tg.w(j) == "year" && tg.w(j+1) == "two" && j == i+1 {
		j++ // "the year two thousand"
	} else if j > i && tg.w(i) == "the" {
		return match{}, false // "the 2019 deal" keeps "the" out; the year alone is found at j
	}
	y, end, ok := tg.yearAt(j)
	if !ok || (j > i && tg.w(j-1) == "the") {
		return match{}, false
	}
	if end > j+1 && tg.t[j].kind == tkWord && j == i && !tg.t[j].cap && tg.w(j-1) != "in" && tg.w(j-1) != "of" {
		return match{}, false // spoken years need a cue: "two thousand" is usually a count
	}
	// A year directly followed by a unit or a percent sign is a quantity.
	if tg.in(end, inUnits) || tg.w(end) == "%" || tg.w(j-1) == "$" {
		return match{}, false
	}
	return match{end: end, typ: TypeDate, val: yearValue(y), date: model.Year(y)}, true
}

// century reads "the 20th century" and "the nineteenth century".
func (tg *tagger) century(i int) (match, bool) {
	j := i
	if tg.w(j) == "the" {
		j++
	}
	n := 0
	if j < len(tg.t) && tg.t[j].kind == tkNum && tg.t[j].ord {
		n = tg.t[j].num
	} else if tg.in(j, inCenturies) {
		n = centuryOrdinals[tg.w(j)]
	}
	if n < 1 || n > 22 || tg.w(j+1) != "century" {
		return match{}, false
	}
	y := (n - 1) * 100
	d := model.Range(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y+99, 12, 31, 0, 0, 0, 0, time.UTC))
	return match{end: j + 2, typ: TypeDate, val: fmt.Sprintf("%02d", n-1), date: d}, true
}

var centuryOrdinals = map[string]int{
	"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "first": 21,
}

// quarter reads fiscal quarters and halves: "the third quarter",
// "third-quarter", "the fourth quarter of 1989", "the first half",
// "the latest quarter", "the year-earlier quarter", "year-ago".
func (tg *tagger) quarter(i int) (match, bool) {
	j := i
	if tg.w(j) == "the" {
		j++
	}
	back := 0 // quarters counted back from the reference
	switch tg.w(j) {
	case "year":
		if tg.hyphen(j+1) && (tg.w(j+2) == "ago" || tg.w(j+2) == "earlier") {
			back, j = 4, j+3
		}
	case "comparable", "same":
		if tg.w(j+1) == "year" && tg.hyphen(j+2) && (tg.w(j+3) == "ago" || tg.w(j+3) == "earlier") {
			back, j = 4, j+4
		}
	}
	q, half := 0, 0
	k := j
	switch w := tg.w(k); {
	case tg.in(k, inOrdinals) && ordinals[w] >= 1 && ordinals[w] <= 4:
		q = ordinals[w]
		k++
	case k < len(tg.t) && tg.t[k].ord && tg.t[k].num >= 1 && tg.t[k].num <= 4:
		q = tg.t[k].num
		k++
	case w == "latest" || w == "current" || w == "recent" || w == "past" || w == "previous" || w == "last":
		k++
	}
	if k < len(tg.t) && tg.t[k].kind == tkNum && tg.t[k].nd == 4 && q == 0 && tg.w(k+1) != "period" {
		// "the 1988 third quarter"
		if yy, ok := tg.yearNum(k); ok {
			if w := tg.w(k + 1); ordinals[w] >= 1 && ordinals[w] <= 4 && tg.w(k+2) == "quarter" {
				return tg.quarterOf(k+3, yy, ordinals[w], back)
			}
		}
	}
	if tg.hyphen(k) {
		k++
	}
	switch tg.w(k) {
	case "quarter":
		k++
	case "half":
		if q >= 1 && q <= 2 {
			half, q = q, 0
			k++
		} else if tg.w(k-1) == "last" || tg.w(k-1) == "second" {
			half = 2
			k++
		} else {
			return match{}, false
		}
	case "period":
		if q > 0 || back == 0 && tg.w(k-1) != "latest" && tg.w(k-1) != "recent" {
			return match{}, false
		}
		k++
	default:
		if back == 0 || q > 0 {
			return match{}, false
		}
	}
	if k == i+1 && tg.w(i) == "quarter" {
		return match{}, false // a bare "quarter" is usually a fraction
	}
	y, explicit := tg.dct.Year(), false
	if tg.w(k) == "of" || tg.w(k) == "," {
		if yy, ok := tg.yearNum(k + 1); ok {
			y, explicit, k = yy, true, k+2
		}
	} else if yy, ok := tg.yearNum(k); ok {
		y, explicit, k = yy, true, k+1
	}
	if half > 0 {
		first := time.Date(y, time.Month(6*(half-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return match{end: k, typ: TypeDate, val: fmt.Sprintf("%04d-H%d", y, half), date: model.Range(first, first.AddDate(0, 6, -1))}, true
	}
	if q == 0 {
		// An unnumbered quarter is the one last spoken of, else the last
		// completed one: quarterly reports are published after it ends.
		var ref time.Time
		if tg.w(k-2) == "current" || tg.w(k-2) == "this" {
			ref = tg.dct
		} else {
			ref = tg.quarterRef()
		}
		y, q = ref.Year(), quarterOf(ref.Month())
	} else if !explicit && q > quarterOf(tg.dct.Month()) && !tg.futureAt(i) {
		y--
	}
	return tg.quarterOf(k, y, q, back)
}

// quarterOf builds the match for quarter q of year y, moved back by back
// quarters ("the year-ago quarter").
func (tg *tagger) quarterOf(end, y, q, back int) (match, bool) {
	if back > 0 {
		q0 := y*4 + q - 1 - back
		y, q = q0/4, q0%4+1
	}
	return match{end: end, typ: TypeDate, val: quarterValue(y, q), date: quarterDate(y, q), noRef: back > 0}, true
}

// season reads "this summer", "last fall", "the winter of 1994", "summer".
func (tg *tagger) season(i int) (match, bool) {
	j := i
	rel := tg.w(j)
	switch rel {
	case "this", "last", "next", "the", "past", "coming":
		j++
		if rel == "this" && tg.w(j) == "past" {
			rel, j = "last", j+1
		}
	default:
		rel = ""
	}
	if !tg.in(j, inSeasons) {
		return match{}, false
	}
	code := seasons[tg.w(j)]
	if tg.w(j) == "fall" && rel == "" {
		return match{}, false // the verb
	}
	k := j + 1
	year, explicit := 0, false
	if tg.w(k) == "of" {
		if y, e, ok := tg.yearAt(k + 1); ok {
			year, explicit, k = y, true, e
		}
	} else if y, ok := tg.yearNum(k); ok {
		year, explicit, k = y, true, k+1
	}
	if !explicit {
		year = tg.seasonYear(code, rel, tg.futureAt(i))
	}
	return match{end: k, typ: TypeDate, val: fmt.Sprintf("%04d-%s", year, code), date: seasonDate(year, code)}, true
}

// seasonYear picks the instance of a season: the one around publication
// for "this", the latest finished one for "last", the next to start for
// "next", and by tense otherwise.
func (tg *tagger) seasonYear(code, rel string, fut bool) int {
	y := tg.dct.Year()
	cur := seasonDate(y, code)
	if code == "WI" && tg.dct.Month() <= 2 {
		cur = seasonDate(y-1, code)
		y--
	}
	switch {
	case rel == "this" || (!tg.dct.Before(cur.Start) && !tg.dct.After(cur.End)):
		if rel == "last" {
			return y - 1
		}
		if rel == "next" {
			return y + 1
		}
		return y
	case rel == "last" || rel == "past" || (rel != "next" && rel != "coming" && !fut):
		if tg.dct.Before(cur.Start) {
			return y - 1
		}
		return y
	default:
		if tg.dct.After(cur.End) {
			return y + 1
		}
		return y
	}
}

// holidays are fixed-date days that news uses as dates.
var holidays = map[string][2]int{
	"christmas": {12, 25}, "christmas eve": {12, 24}, "new year's day": {1, 1},
	"new year's eve": {12, 31}, "new year": {1, 1}, "valentine's day": {2, 14},
	"halloween": {10, 31}, "boxing day": {12, 26},
}

// holiday reads fixed holidays and Thanksgiving, in the direction of the
// sentence's tense.
func (tg *tagger) holiday(i int) (match, bool) {
	if i >= len(tg.t) || !tg.t[i].cap {
		return match{}, false
	}
	key, k := "", i
	switch tg.w(i) {
	case "christmas", "halloween", "thanksgiving":
		key, k = tg.w(i), i+1
		if tg.w(k) == "eve" || tg.w(k) == "day" {
			if tg.w(k) == "eve" {
				key += " eve"
			}
			k++
		}
	case "new", "valentine", "boxing":
		if tg.w(i) == "boxing" && tg.w(i+1) == "day" {
			key, k = "boxing day", i+2
		} else if tg.w(i+1) == "year" && tg.w(i+2) == "'" && tg.w(i+3) == "s" && (tg.w(i+4) == "day" || tg.w(i+4) == "eve") {
			key, k = "new year's "+tg.w(i+4), i+5
		} else if tg.w(i) == "valentine" && tg.w(i+1) == "'" && tg.w(i+2) == "s" && tg.w(i+3) == "day" {
			key, k = "valentine's day", i+4
		}
	}
	if key == "" {
		return match{}, false
	}
	fut := tg.futureAt(i)
	pick := func(y int) time.Time {
		if key == "thanksgiving" {
			t := time.Date(y, time.November, 1, 0, 0, 0, 0, time.UTC)
			off := (int(time.Thursday) - int(t.Weekday()) + 7) % 7
			return t.AddDate(0, 0, off+21)
		}
		md := holidays[key]
		return time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)
	}
	t := pick(tg.dct.Year())
	if y, ok := tg.yearNum(k); ok {
		t, k = pick(y), k+1
	} else if fut && t.Before(tg.dct) {
		t = pick(tg.dct.Year() + 1)
	} else if !fut && t.After(tg.dct.AddDate(0, 0, 7)) {
		t = pick(tg.dct.Year() - 1)
	}
	return match{end: k, typ: TypeDate, val: dayValue(t), date: model.Day(t)}, true
}
