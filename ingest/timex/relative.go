package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// This file reads deictic expressions, resolved against the publication
// date ("yesterday", "on Sunday", "last week", "this year"), anaphoric
// ones resolved against the last date the text gave ("the following day",
// "the same evening"), and modified ones ("the end of April").

// dayWords are the deictic day names and their offset from publication.
// "overnight" is the night before publication, which the guidelines date
// to the publication day.
var dayWords = map[string]int{"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": 0}

// dayMatch builds the match for a day, adding a part of the day when one
// follows ("Friday morning" is 2019-05-31TMO, a TIME).
func (tg *tagger) dayPart(k int, t time.Time) match {
	if tg.in(k, inPartsOfDay) {
		p := partsOfDay[tg.w(k)]
		return match{end: k + 1, typ: TypeTime, val: dayValue(t) + "T" + p, date: model.Day(t)}
	}
	return match{end: k, typ: TypeDate, val: dayValue(t), date: model.Day(t)}
}

// weekday reads "Sunday", "on Monday", "last Friday", "next Tuesday",
// "this Thursday", "late Thursday", "Friday night".
func (tg *tagger) weekday(i int) (match, bool) {
	j := i
	rel := tg.w(j)
	switch rel {
	case "last", "next", "this", "previous", "coming", "early", "late", "earlier", "later":
		j++
	default:
		rel = ""
	}
	if !tg.in(j, inWeekdays) || len(tg.w(j)) < 6 || !tg.t[j].cap {
		return match{}, false
	}
	wd := weekdays[tg.w(j)]
	var t time.Time
	switch rel {
	case "last", "previous":
		t = tg.weekdayDate(wd, -1, true)
	case "next", "coming":
		t = tg.weekdayDate(wd, 1, true)
	default:
		dir := -1
		if tg.futureAt(j) {
			dir = 1
		}
		t = tg.weekdayDate(wd, dir, false)
	}
	return tg.dayPart(j+1, t), true
}

// deictic reads day words, "last night", "this morning", "this/last/next
// week/month/year/weekend", "the weekend", and the anaphoric "the
// following day", "the next morning", "the same evening", "that day".
func (tg *tagger) deictic(i int) (match, bool) {
	w := tg.w(i)
	if tg.in(i, inDayWords) {
		t := tg.dct.AddDate(0, 0, dayWords[w])
		if w == "overnight" && tg.hyphen(i+1) {
			return match{}, false
		}
		if w == "tonight" || w == "overnight" {
			return match{end: i + 1, typ: TypeDate, val: dayValue(t), date: model.Day(t)}, true
		}
		return tg.dayPart(i+1, t), true
	}
	j := i + 1
	nx := tg.w(j)
	if w == "the" && (nx == "following" || nx == "next" || nx == "previous" || nx == "same" || nx == "very") {
		w, j = nx, j+1
		nx = tg.w(j)
		if w == "next" {
			w = "following"
		}
	} else if w == "that" || w == "the" {
		if w == "that" {
			w = "same"
		}
	} else if w != "this" && w != "last" && w != "next" && w != "past" && w != "coming" && w != "current" {
		return match{}, false
	}
	if tg.in(j, inPartsOfDay) {
		// "this morning", "last night", "the same evening", "the next morning".
		p := partsOfDay[nx]
		var t time.Time
		switch w {
		case "this":
			t = tg.dct
		case "last":
			if nx != "night" {
				return match{}, false
			}
			t = tg.dct.AddDate(0, 0, -1)
		case "same":
			t = tg.refDay
		case "following":
			t = tg.refDay.AddDate(0, 0, 1)
		case "previous":
			t = tg.refDay.AddDate(0, 0, -1)
		default:
			return match{}, false
		}
		return match{end: j + 1, typ: TypeTime, val: dayValue(t) + "T" + p, date: model.Day(t)}, true
	}
	if !tg.in(j, inUnits) || len(nx) < 3 || nx[len(nx)-1] == 's' && nx != "days" {
		return match{}, false
	}
	u := units[nx]
	if nx == "days" || nx == "night" || u.time {
		return match{}, false
	}
	n := 0
	switch w {
	case "last":
		n = -1
	case "next":
		n = 1
	case "past", "coming":
		// "the past year" is a stretch of time, not a calendar unit.
		if u.letter == "WE" {
			break
		}
		return match{end: j + 1, typ: TypeDuration, val: durationValue(1, u)}, true
	case "following", "previous", "same":
		if u.letter == "WE" {
			return match{}, false
		}
		switch w {
		case "following":
			n = 1
		case "previous":
			n = -1
		}
		val, d := shift(tg.refDay, n, u)
		if u.letter == "W" {
			val = weekValue(tg.refDay.AddDate(0, 0, 7*n))
		}
		return match{end: j + 1, typ: TypeDate, val: val, date: d}, true
	case "very":
		return match{}, false
	}
	if u.letter == "WE" {
		return tg.weekend(i, j+1, n), true
	}
	if u.letter == "D" && w != "same" {
		return match{}, false // "this day" is rare and usually idiomatic
	}
	if w == "same" {
		if u.letter != "D" {
			return match{}, false
		}
		return match{end: j + 1, typ: TypeDate, val: dayValue(tg.refDay), date: model.Day(tg.refDay)}, true
	}
	// "the quarter" is left to the quarter rule: the one last reported.
	if u.letter == "C" || u.letter == "E" || u.letter == "S" || u.letter == "Q" && w == "the" {
		return match{}, false
	}
	val, d := shift(tg.dct, n, u)
	return match{end: j + 1, typ: TypeDate, val: val, date: d}, true
}

// weekend resolves "the weekend" (by tense), "last weekend" and "next
// weekend" to the Saturday-Sunday range, with the TIMEX3 "-WE" value.
func (tg *tagger) weekend(i, end, n int) match {
	sat := tg.weekdayDate(time.Saturday, -1, false)
	if tg.dct.Weekday() == time.Sunday {
		sat = tg.dct.AddDate(0, 0, -1)
	}
	switch {
	case n > 0 || (n == 0 && tg.futureAt(i) && tg.dct.Weekday() != time.Sunday && tg.dct.Weekday() != time.Saturday):
		sat = tg.weekdayDate(time.Saturday, 1, true)
	case n < 0 && (tg.dct.Weekday() == time.Saturday || tg.dct.Weekday() == time.Sunday):
		sat = sat.AddDate(0, 0, -7)
	}
	return match{end: end, typ: TypeDate, val: weekValue(sat) + "-WE", date: model.Range(sat, sat.AddDate(0, 0, 1))}
}

// modifiers open an expression without changing its value: TIMEX3 keeps
// "early", "the end of" and the like in the span and the precision stays
// that of the modified expression ("the end of April" is 2019-04).
func (tg *tagger) modifier(i int) int {
	j := i
	if tg.w(j) == "the" {
		j++
	}
	switch tg.w(j) {
	case "early", "late", "earlier", "later":
		if j > i {
			return i
		}
		return j + 1
	case "mid":
		if tg.hyphen(j + 1) {
			return j + 2
		}
		return j + 1
	case "end", "beginning", "start", "middle", "turn", "close":
		if tg.w(j+1) == "of" {
			return j + 2
		}
	case "first", "last", "final", "closing", "opening":
		if (tg.w(j+1) == "days" || tg.w(j+1) == "weeks") && tg.w(j+2) == "of" {
			return j + 3
		}
	}
	return i
}

// modified reads a modifier followed by any other expression: "early May",
// "the end of April", "mid-1990s", "earlier this month", "late last year",
// "in the first days of September".
func (tg *tagger) modified(i int) (match, bool) {
	j := tg.modifier(i)
	if j == i {
		return match{}, false
	}
	// "in the early 1980s": the inner expression may take its own "the".
	var b match
	found := false
	for _, r := range rules[:len(rules)-1] {
		if m, ok := r(tg, j); ok && m.end > j && (!found || m.end > b.end) {
			b, found = m, true
		}
	}
	if !found || b.typ == TypeDuration || b.typ == TypeSet {
		return match{}, false
	}
	return b, true
}

// vagueRef reads PRESENT_REF, PAST_REF and FUTURE_REF expressions. The
// adjective "former" is left out: it qualifies a person, not a time, and
// TimeBank does not tag it.
func (tg *tagger) vagueRef(i int) (match, bool) {
	w := tg.w(i)
	if tg.in(i, inRefWords) {
		v := refWords[w]
		if tg.hyphen(i + 1) {
			return match{}, false // "now-defunct"
		}
		return match{end: i + 1, typ: TypeDate, val: v}, true
	}
	switch w {
	case "the":
		j := i + 1
		if tg.w(j) == "near" || tg.w(j) == "distant" || tg.w(j) == "recent" {
			j++
		}
		switch tg.w(j) {
		case "past":
			return match{end: j + 1, typ: TypeDate, val: "PAST_REF"}, true
		case "future":
			return match{end: j + 1, typ: TypeDate, val: "FUTURE_REF"}, true
		}
	case "soon":
		if tg.soonFuture(i) {
			return match{end: i + 1, typ: TypeDate, val: "FUTURE_REF"}, true
		}
	case "as":
		if tg.w(i+1) == "soon" && tg.w(i+2) == "as" && tg.w(i+3) == "possible" {
			return match{end: i + 4, typ: TypeDate, val: "FUTURE_REF"}, true
		}
	case "these":
		if tg.w(i+1) == "days" {
			return match{end: i + 2, typ: TypeDate, val: "PRESENT_REF"}, true
		}
	case "future":
		if tg.w(i-1) == "in" {
			return match{end: i + 1, typ: TypeDate, val: "FUTURE_REF"}, true
		}
	}
	return match{}, false
}

// soonFuture reports whether "soon" at i points ahead of the text's time
// ("will soon begin", "may soon seek"): not in "as soon as", "soon after",
// "too soon" nor in a past narrative ("was soon released", "soon became").
func (tg *tagger) soonFuture(i int) bool {
	switch tg.w(i - 1) {
	case "as", "how", "too", "so", "very", "was", "were", "had", "sooner":
		return false
	}
	nx := tg.w(i + 1)
	switch nx {
	case "after", "afterward", "afterwards", "as", "thereafter", "enough":
		return false
	}
	if pastVerbs[nx] || len(nx) > 4 && nx[len(nx)-2:] == "ed" {
		return false
	}
	return true
}
