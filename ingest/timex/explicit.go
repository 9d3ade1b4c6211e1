package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// This file reads explicit calendar dates: "June 3, 2019", "3 June 2019",
// "Sept. 17", "March 2011", "2019-06-03", "18/02/2022", "2019", "the 1990s".

// monthAt reads a month name at i and returns it with the index after it
// (and after an abbreviation's period). Names must be capitalised; short
// forms must carry a period or be followed by a number, and the ambiguous
// words "May" and "March" need a day, a year or a preposition nearby, so
// that "Theresa May" and "a march on" stay untagged.
func (tg *tagger) monthAt(i int) (time.Month, int, bool) {
	if i >= len(tg.t) || tg.t[i].kind != tkWord || !tg.t[i].cap {
		return 0, i, false
	}
	w := tg.w(i)
	m, ok := months[w]
	if !ok {
		return 0, i, false
	}
	j := i + 1
	full := len(w) > 4 || w == "june" || w == "july" || w == "may"
	if !full && tg.w(j) == "." && tg.adjacent(i) {
		j++
	} else if !full && !(j < len(tg.t) && tg.t[j].kind == tkNum) {
		return 0, i, false
	}
	if w == "may" || w == "march" {
		nextNum := j < len(tg.t) && tg.t[j].kind == tkNum
		switch tg.w(i - 1) {
		case "in", "early", "late", "mid", "since", "last", "next", "this", "of", "until", "by", "from", "-", "between", "and", "before", "after", "through", "to", "during", "till", "end", "beginning", "start", "middle":
		default:
			if i > 0 && tg.t[i-1].kind == tkNum && tg.t[i-1].nd <= 2 {
				break // "3 May", "2-4 May"
			}
			if !nextNum {
				return 0, i, false
			}
			if w == "may" && i > 0 && tg.t[i-1].cap && tg.t[i-1].kind == tkWord && tg.w(i-2) != "." {
				return 0, i, false // "Theresa May 3 ..." is rare; "Theresa May" is common
			}
		}
	}
	return m, j, true
}

// dayNum reads a day of the month (1-31, optionally ordinal) at i.
func (tg *tagger) dayNum(i int) (int, bool) {
	if i >= len(tg.t) || tg.t[i].kind != tkNum || tg.t[i].dec || tg.t[i].nd > 2 {
		return 0, false
	}
	n := tg.t[i].num
	return n, n >= 1 && n <= 31
}

// yearNum reads a four-digit year at i.
func (tg *tagger) yearNum(i int) (int, bool) {
	if i >= len(tg.t) || tg.t[i].kind != tkNum || tg.t[i].nd != 4 || tg.t[i].ord || tg.t[i].dec {
		return 0, false
	}
	n := tg.t[i].num
	// "2019-20" or "1,500" are not plain years.
	if i+1 < len(tg.t) && tg.adjacent(i) && (tg.w(i+1) == "," || tg.w(i+1) == ".") && i+2 < len(tg.t) && tg.t[i+2].kind == tkNum && tg.adjacent(i+1) {
		return 0, false
	}
	return n, n >= 1000 && n <= 2199
}

// yearAt reads a year at k, in digits or spoken as broadcast transcripts
// write it ("nineteen ninety-six", "two thousand"), and returns the index
// after it.
func (tg *tagger) yearAt(k int) (int, int, bool) {
	if y, ok := tg.yearNum(k); ok {
		return y, k + 1, true
	}
	switch tg.w(k) {
	case "nineteen", "eighteen":
		c := numberWords[tg.w(k)] * 100
		n, end, ok := tg.count(k + 1)
		if !ok || n < 10 || n > 99 || tg.t[k+1].kind != tkWord {
			return 0, k, false
		}
		return c + n, end, true
	case "two":
		if tg.w(k+1) != "thousand" {
			return 0, k, false
		}
		end := k + 2
		if tg.w(end) == "and" {
			end++
		}
		if n, e, ok := tg.count(end); ok && n > 0 && n < 100 && tg.t[end].kind == tkWord && tg.w(end) != "a" {
			return 2000 + n, e, true
		}
		return 2000, k + 2, true
	}
	return 0, k, false
}

// skipWeekday skips a leading "Monday," or "Mon" before an explicit date.
func (tg *tagger) skipWeekday(i int) int {
	if tg.in(i, inWeekdays) && tg.t[i].cap {
		j := i + 1
		if tg.w(j) == "." {
			j++
		}
		if tg.w(j) == "," {
			j++
		}
		return j
	}
	return i
}

// withYear reads an optional ", 2019" / " 2019" after a day-month date.
func (tg *tagger) withYear(j int) (int, int, bool) {
	k := j
	if tg.w(k) == "," {
		k++
	}
	if y, end, ok := tg.yearAt(k); ok {
		return y, end, true
	}
	return 0, j, false
}

func (tg *tagger) dayMatch(i, end int, y int, m time.Month, d int, hasYear bool) (match, bool) {
	if !hasYear {
		y = tg.dayYear(m, d, tg.futureAt(i))
	}
	if !validDay(y, m, d) {
		return match{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return match{end: end, typ: TypeDate, val: dayValue(t), date: model.Day(t)}, true
}

// explicitMonthFirst reads "June 3, 2019", "Sept. 17", "June 3rd",
// "March 2011", "March of 2011" and a bare month name.
func (tg *tagger) explicitMonthFirst(i int) (match, bool) {
	j := tg.skipWeekday(i)
	m, k, ok := tg.monthAt(j)
	if !ok {
		return match{}, false
	}
	if d, ok := tg.dayNum(k); ok && !(tg.t[k].nd == 2 && tg.w(k+1) == "," && tg.t[k].num > 31) {
		// "May 2-4": a range within the month.
		if tg.hyphen(k+1) || tg.w(k+1) == "-" {
			if d2, ok2 := tg.dayNum(k + 2); ok2 && d2 > d {
				y, end, has := tg.withYear(k + 3)
				if mm, ok := tg.dayMatch(i, end, y, m, d, has); ok {
					mm.date = model.Range(mm.date.Start, mm.date.Start.AddDate(0, 0, d2-d))
					return mm, true
				}
			}
		}
		y, end, has := tg.withYear(k + 1)
		return tg.dayMatch(i, end, y, m, d, has)
	}
	if j != i {
		return match{}, false // "Monday, June" without a day is not a date
	}
	k2 := k
	if tg.w(k2) == "of" || tg.w(k2) == "," {
		k2++
	}
	if y, end, ok := tg.yearAt(k2); ok {
		return match{end: end, typ: TypeDate, val: monthValue(y, m), date: model.Month(y, m)}, true
	}
	y := tg.monthYear(m, tg.futureAt(i))
	// "last June" is the latest June before the month of publication,
	// "next May" the first one after it.
	switch tg.w(i - 1) {
	case "last":
		y = tg.dct.Year()
		if m >= tg.dct.Month() {
			y--
		}
	case "next":
		y = tg.dct.Year()
		if m <= tg.dct.Month() {
			y++
		}
	case "this":
		y = tg.dct.Year()
	}
	// "February last year", "March next year".
	if tg.w(k) == "last" && tg.w(k+1) == "year" {
		y, k = tg.dct.Year()-1, k+2
	} else if tg.w(k) == "next" && tg.w(k+1) == "year" {
		y, k = tg.dct.Year()+1, k+2
	} else if tg.w(k) == "this" && tg.w(k+1) == "year" {
		y, k = tg.dct.Year(), k+2
	}
	return match{end: k, typ: TypeDate, val: monthValue(y, m), date: model.Month(y, m)}, true
}

// relMonth reads "last September", "next May", "this March".
func (tg *tagger) relMonth(i int) (match, bool) {
	switch tg.w(i) {
	case "last", "next", "this":
		if m, ok := tg.explicitMonthFirst(i + 1); ok && m.date.Precision == model.PrecisionMonth {
			return m, true
		}
	}
	return match{}, false
}

// explicitDayFirst reads "3 June 2019", "17th of September", "2-4 May".
func (tg *tagger) explicitDayFirst(i int) (match, bool) {
	j := tg.skipWeekday(i)
	if tg.w(j) == "the" {
		j++
	}
	d, ok := tg.dayNum(j)
	if !ok {
		return match{}, false
	}
	k := j + 1
	d2 := 0
	if (tg.w(k) == "-" || tg.w(k) == "to" || tg.w(k) == "and") && k+1 < len(tg.t) {
		if e, ok := tg.dayNum(k + 1); ok && e > d {
			if _, _, isMonth := tg.monthAt(k + 2); isMonth {
				d2, k = e, k+2
			}
		}
	}
	if tg.w(k) == "of" {
		k++
	}
	m, k, ok := tg.monthAt(k)
	if !ok {
		return match{}, false
	}
	y, end, has := tg.withYear(k)
	mm, ok := tg.dayMatch(i, end, y, m, d, has)
	if ok && d2 > 0 {
		mm.date = model.Range(mm.date.Start, mm.date.Start.AddDate(0, 0, d2-d))
	}
	return mm, ok
}

// numericDate reads ISO dates ("2019-06-03", "2019/06/03") and slashed
// day-month-year dates. When both readings of "03/06/2019" are valid the
// one nearer the publication date wins, which settles US and European
// habits by context rather than by fiat.
func (tg *tagger) numericDate(i int) (match, bool) {
	if i+4 >= len(tg.t) || tg.t[i].kind != tkNum {
		return match{}, false
	}
	sep := tg.w(i + 1)
	if (sep != "-" && sep != "/" && sep != ".") || tg.w(i+3) != sep || !tg.adjacent(i) || !tg.adjacent(i+1) || !tg.adjacent(i+2) || !tg.adjacent(i+3) {
		return match{}, false
	}
	a, b, c := tg.t[i], tg.t[i+2], tg.t[i+4]
	if b.kind != tkNum || c.kind != tkNum || a.ord || b.ord || c.ord {
		return match{}, false
	}
	var cands []time.Time
	try := func(y, m, d int) {
		if y >= 1000 && y <= 2199 && validDay(y, time.Month(m), d) {
			cands = append(cands, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
		}
	}
	switch {
	case a.nd == 4 && b.nd <= 2 && c.nd <= 2:
		try(a.num, b.num, c.num)
	case a.nd <= 2 && b.nd <= 2 && (c.nd == 4 || (c.nd == 2 && sep == "/")):
		y := c.num
		if c.nd == 2 {
			y += 2000
			if y > tg.dct.Year()+1 {
				y -= 100
			}
		}
		try(y, b.num, a.num)
		try(y, a.num, b.num)
	default:
		return match{}, false
	}
	if len(cands) == 0 {
		return match{}, false
	}
	t := cands[0]
	if len(cands) == 2 && absDays(cands[1].Sub(tg.dct)) < absDays(t.Sub(tg.dct)) {
		t = cands[1]
	}
	return match{end: i + 5, typ: TypeDate, val: dayValue(t), date: model.Day(t)}, true
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
