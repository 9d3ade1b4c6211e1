package timex

import "github.com/eventgraph/eventgraph/model"

// This file reads periods named without a count: the accounting year of a
// report ("the year ended March 31" is a year-long span, P1Y; "the full
// year" is the year of publication) and bare plural units ("for years",
// "within weeks", "over the years", "the weeks ahead"), which TimeBank
// tags as durations of unspecified length (PXY, PXW).

// bareUnits are the plural units that stand alone as a vague duration.
// "days" and "hours" do so only after "for" and "within": "the days before
// the attack" points at a date, and "on days when" at none.
var bareUnits = map[string]bool{
	"years": true, "weeks": true, "months": true, "decades": true, "centuries": true,
	"days": false, "hours": false,
}

// bareAfter are the words after a bare plural that make it something
// other than a stretch of time: an anchor ("the weeks before the
// shooting"), an age, a fraction or a part ("years of").
var bareAfter = map[string]bool{
	"before": true, "after": true, "ago": true, "old": true, "earlier": true,
	"later": true, "of": true, "since": true, "when": true, "apart": true,
}

// period reads the periods of this file at i.
func (tg *tagger) period(i int) (match, bool) {
	if m, ok := tg.accountingYear(i); ok {
		return m, true
	}
	if m, ok := tg.yearsQuarter(i); ok {
		return m, true
	}
	if m, ok := tg.weekOf(i); ok {
		return m, true
	}
	return tg.barePlural(i)
}

// yearsQuarter reads "next year's first quarter", "this year's third
// quarter" and "last year's quarter": the quarter of the named year.
func (tg *tagger) yearsQuarter(i int) (match, bool) {
	var n int
	switch tg.w(i) {
	case "last":
		n = -1
	case "this":
		n = 0
	case "next":
		n = 1
	default:
		return match{}, false
	}
	if tg.w(i+1) != "year" || tg.w(i+2) != "'" || tg.w(i+3) != "s" {
		return match{}, false
	}
	if w := tg.w(i + 4); w == "quarter" || w == "period" {
		// An unnumbered quarter is the one of the report, in that year.
		ref := tg.quarterRef()
		return tg.quarterOf(i+5, ref.Year()+n, quarterOf(ref.Month()), 0)
	}
	m, ok := tg.quarter(i + 4)
	if !ok || len(m.val) != 7 || m.val[5] != 'Q' {
		return match{}, false
	}
	return tg.quarterOf(m.end, tg.dct.Year()+n, int(m.val[6]-'0'), 0)
}

// weekOf reads "the week of March 6": the ISO week holding that day.
func (tg *tagger) weekOf(i int) (match, bool) {
	if tg.w(i) != "the" || tg.w(i+1) != "week" || tg.w(i+2) != "of" {
		return match{}, false
	}
	for _, r := range []rule{(*tagger).explicitMonthFirst, (*tagger).explicitDayFirst} {
		if m, ok := r(tg, i+3); ok && m.date.Precision == model.PrecisionDay {
			t := m.date.Start
			return match{end: m.end, typ: TypeDate, val: weekValue(t), date: weekDate(t)}, true
		}
	}
	return match{}, false
}

// accountingYear reads "the year ended/ending ...", "the fiscal year
// ended ..." and "the full year".
func (tg *tagger) accountingYear(i int) (match, bool) {
	if tg.w(i) != "the" {
		return match{}, false
	}
	j := i + 1
	full := tg.w(j) == "full"
	if full || tg.w(j) == "fiscal" {
		j++
	}
	if tg.w(j) != "year" || tg.hyphen(j+1) {
		return match{}, false
	}
	if nx := tg.w(j + 1); nx == "ended" || nx == "ending" {
		return match{end: j + 1, typ: TypeDuration, val: "P1Y"}, true
	}
	if full {
		y := tg.dct.Year()
		return match{end: j + 1, typ: TypeDate, val: yearValue(y), date: model.Year(y)}, true
	}
	return match{}, false
}

// barePlural reads "for years", "within weeks", "in years", "the years",
// "the early years" and "the weeks ahead".
func (tg *tagger) barePlural(i int) (match, bool) {
	j := i
	the := tg.w(j) == "the"
	if the {
		j++
		if tg.w(j) == "early" {
			j++
		}
	}
	w := tg.w(j)
	if !tg.in(j, inBareUnits) || tg.hyphen(j+1) || bareAfter[tg.w(j+1)] {
		return match{}, false
	}
	strong := bareUnits[w]
	switch p := tg.w(i - 1); {
	case the:
		if !strong {
			return match{}, false
		}
	case p == "for" || p == "within":
	case p == "in" && strong:
	default:
		return match{}, false
	}
	end := j + 1
	if the && tg.w(end) == "ahead" {
		end++
	}
	return match{end: end, typ: TypeDuration, val: durationValue(-1, units[w])}, true
}
