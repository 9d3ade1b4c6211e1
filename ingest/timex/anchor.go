package timex

import (
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// This file decides which way an unanchored name points. News reports
// what happened, so a bare "Sunday" or "September" is read backwards from
// the publication date unless its sentence speaks of the future.

// markFuture decides once per sentence whether it speaks of the future: a
// modal such as "will", a cue like "next" or "scheduled", or "is/are to" +
// verb. Reported futures ("would") are left out: they usually report past
// decisions. "the next day" is narrative, not a cue.
func (tg *tagger) markFuture() {
	n := 0
	if len(tg.t) > 0 {
		n = tg.t[len(tg.t)-1].sent + 1
	}
	tg.fut = make([]bool, n)
	for k, t := range tg.t {
		w := t.w
		cue := t.lex&inFutureCues != 0 && !(w == "next" && (tg.w(k-1) == "the" || tg.w(k+1) == "to"))
		if !cue && (w == "is" || w == "are") && tg.w(k+1) == "to" {
			nx := tg.w(k + 2)
			cue = nx != "" && nx != "the" && nx != "a" && nx != "be" && k+2 < len(tg.t) && tg.t[k+2].kind == tkWord
		}
		if !cue && w == "going" && tg.w(k+1) == "to" {
			cue = true
		}
		if cue {
			tg.fut[t.sent] = true
		}
	}
}

// future reports whether the sentence holding token i speaks of the future.
func (tg *tagger) future(i int) bool {
	if i < 0 || i >= len(tg.t) {
		return false
	}
	return tg.fut[tg.t[i].sent]
}

// weekdayDate resolves a weekday name. dir < 0 looks back and dir > 0
// forwards, both counting the publication day itself ("on Monday" in a
// Monday paper is that day); strict excludes it ("last Monday", "next
// Monday").
func (tg *tagger) weekdayDate(wd time.Weekday, dir int, strict bool) time.Time {
	d := int(wd) - int(tg.dct.Weekday())
	if dir < 0 {
		if d > 0 {
			d -= 7
		}
		if strict && d == 0 {
			d = -7
		}
	} else {
		if d < 0 {
			d += 7
		}
		if strict && d == 0 {
			d = 7
		}
	}
	return tg.dct.AddDate(0, 0, d)
}

// monthYear gives the year of a month named without one: the month of
// publication is this year's; others are the last one before it, or the
// next one after it in a sentence about the future.
func (tg *tagger) monthYear(m time.Month, fut bool) int {
	y := tg.dct.Year()
	ahead := (int(m) - int(tg.dct.Month()) + 12) % 12
	switch {
	case m == tg.dct.Month():
	case ahead <= 2:
		// A month just ahead is nearly always the coming one, whatever
		// the tense ("talks in December" in an October paper).
		if m < tg.dct.Month() {
			y++
		}
	case fut && m < tg.dct.Month():
		y++
	case !fut && m > tg.dct.Month():
		y--
	}
	return y
}

// dayYear gives the year of a day and month named without one: the nearest
// instance, with the tense deciding dates four to eight months away.
func (tg *tagger) dayYear(m time.Month, d int, fut bool) int {
	y := tg.dct.Year()
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	diff := t.Sub(tg.dct).Hours() / 24
	switch {
	case diff > 240 || !fut && diff > 120:
		y--
	case diff < -240 || fut && diff < -120:
		y++
	}
	return y
}

// anaphor resolves "n units" before (n < 0) or after the anchor of the
// document: the last day it resolved, else the publication date. A year
// counted from a quarter stays a quarter ("a year earlier" in a quarterly
// report is the same quarter of the year before).
func (tg *tagger) anaphor(n int, u unit) (string, model.Date) {
	if u.letter == "Y" && tg.lastQ {
		return shift(tg.quarterRef(), 4*n, unit{letter: "Q"})
	}
	if u.letter == "W" {
		// Weeks counted from a day land on a day.
		m := 1
		if u.mult > 1 {
			m = u.mult
		}
		t := tg.refDay.AddDate(0, 0, 7*n*m)
		return dayValue(t), model.Day(t)
	}
	return shift(tg.refDay, n, u)
}

// ago resolves "n units ago" against the publication date.
func (tg *tagger) ago(n int, u unit) (string, model.Date) {
	if u.letter == "Y" && tg.lastQ {
		return shift(tg.quarterRef(), -4*n, unit{letter: "Q"})
	}
	if u.letter == "W" {
		t := tg.dct.AddDate(0, 0, -7*n)
		return weekValue(t), weekDate(t)
	}
	return shift(tg.dct, -n, u)
}

// quarterRef is the quarter a quarterly report is about: the last one the
// text named, unless that one has not ended yet, in which case the last
// completed quarter (outlooks for the current quarter do not move it).
func (tg *tagger) quarterRef() time.Time {
	done := tg.dct.AddDate(0, -3, 0)
	if tg.lastQ && !tg.qRef.After(done) {
		return tg.qRef
	}
	return done
}
