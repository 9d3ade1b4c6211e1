package timex

import "fmt"

// This file reads durations ("three years", "11-day", "nearly four weeks",
// "the past two months"), the dates they anchor ("two years ago", "a day
// earlier", "two days after") and sets ("daily", "every Thursday").

// hedges open a duration and belong to its span ("at least 30 days").
var hedges = map[string]string{
	"more": "than", "less": "than", "fewer": "than", "at": "least|most", "up": "to",
	"nearly": "", "almost": "", "about": "", "around": "", "roughly": "",
	"approximately": "", "over": "", "just": "", "only": "", "under": "", "barely": "",
	"some": "", "another": "", "within": "",
}

// spanStarts open a stretch of time counted from now ("the past two
// months", "the next few days", "the first nine months"): always a
// duration, never an anchored date.
var spanStarts = map[string]bool{
	"past": true, "last": true, "next": true, "first": true, "coming": true,
	"previous": true, "final": true, "recent": true, "following": true,
}

// count reads a number of units at k: digits, number words ("twenty-four",
// "a hundred"), "a", "a couple of", or a vague quantity ("several", "a
// few"), which returns n = -1.
func (tg *tagger) count(k int) (n, end int, ok bool) {
	if k >= len(tg.t) {
		return 0, k, false
	}
	t := tg.t[k]
	if t.kind == tkNum {
		if t.ord || t.dec || t.nd > 4 || t.num < 0 {
			return 0, k, false
		}
		// Part of "1,500" or "2.5": not a count of units we can read.
		if k > 0 && tg.adjacent(k-1) && (tg.w(k-1) == "," || tg.w(k-1) == ".") {
			return 0, k, false
		}
		if tg.adjacent(k) && (tg.w(k+1) == "," || tg.w(k+1) == ".") && k+2 < len(tg.t) && tg.t[k+2].kind == tkNum && tg.adjacent(k+1) {
			return 0, k, false
		}
		return t.num, k + 1, true
	}
	w := t.w
	switch {
	case w == "a" || w == "an":
		switch tg.w(k + 1) {
		case "few":
			return -1, k + 2, true
		case "couple":
			if tg.w(k+2) == "of" {
				return 2, k + 3, true
			}
			return 2, k + 2, true
		case "hundred", "dozen":
			return numberWords[tg.w(k+1)], k + 2, true
		}
		return 1, k + 1, true
	case t.lex&inVague != 0:
		if w == "past" || w == "coming" || w == "recent" {
			if tg.w(k+1) == "few" || tg.w(k+1) == "several" {
				return -1, k + 2, true
			}
		}
		return -1, k + 1, true
	}
	if t.lex&inNumbers == 0 || w == "single" {
		return 0, k, false
	}
	v := numberWords[w]
	end = k + 1
	// "twenty-four", "twenty four"
	if v >= 20 && v < 100 {
		nx := end
		if tg.hyphen(nx) {
			nx++
		}
		if u, ok := numberWords[tg.w(nx)]; ok && u < 10 && tg.w(nx) != "a" && tg.w(nx) != "an" {
			v, end = v+u, nx+1
		}
	}
	if tg.w(end) == "hundred" && v < 10 {
		v, end = v*100, end+1
	}
	return v, end, true
}

// duration reads durations and the dates counted in them.
func (tg *tagger) duration(i int) (match, bool) {
	j := i
	for tg.in(j, inHedges) {
		follow := hedges[tg.w(j)]
		if follow == "" {
			j++
			continue
		}
		if nx := tg.w(j + 1); nx == follow || follow == "least|most" && (nx == "least" || nx == "most") {
			j += 2
			continue
		}
		break
	}
	span, the := false, false
	if tg.w(j) == "the" {
		j++
		the = true
	}
	if tg.in(j, inSpanStarts) && !(tg.w(j) == "recent" || tg.w(j) == "coming") || (tg.w(j) == "recent" || tg.w(j) == "coming") && tg.w(j+1) != "few" {
		if isUnit := tg.in(j+1, inUnits); !isUnit || tg.w(j) == "recent" || tg.w(j) == "coming" || the {
			span = true
			j++
		}
	}
	if the && !span {
		if _, _, ok := tg.count(j); !ok {
			return match{}, false // "the day", "the year": deictic, not durations
		}
	}
	n, k, ok := tg.count(j)
	if !ok {
		if !span {
			return match{}, false
		}
		n, k = 1, j // "the past year"
		if w := tg.w(j - 1); w == "recent" || w == "coming" {
			n = -1
		}
	}
	half := false
	if ok && n > 0 {
		half, k = tg.halfAfterCount(k)
	}
	adjectival := false
	if tg.hyphen(k) {
		if tg.t[j].kind == tkWord && (tg.w(j) == "a" || tg.w(j) == "an") {
			return match{}, false
		}
		adjectival, k = true, k+1
	}
	uw := tg.w(k)
	u, ok := units[uw]
	if !ok || u.letter == "WE" || uw == "night" || uw == "nights" {
		return match{}, false
	}
	plural := uw[len(uw)-1] == 's'
	switch {
	case adjectival && plural:
		return match{}, false
	case n < 0 && !plural:
		return match{}, false
	case u.letter == "S" && tg.t[j].kind == tkWord:
		return match{}, false // "a second", "two seconds" is rare next to "second round"
	case u.letter == "Q" && (tg.w(k+1) == "of" || !span && tg.t[j].kind == tkWord && n > 1):
		return match{}, false // "three quarters of" is a fraction
	case adjectival && j > i && tg.w(i) == "the":
		return match{}, false // "the 11-day war": the adjective alone is the expression
	}
	end := k + 1
	if adjectival && tg.hyphen(end) && tg.w(end+1) == "old" || tg.w(end) == "old" {
		return match{}, false // ages ("6-year-old", "52 years old") are not time expressions
	}
	if !half && n > 0 && tg.w(end) == "and" && tg.w(end+1) == "a" && tg.w(end+2) == "half" {
		half, end = true, end+3 // "a minute and a half"
	}
	if adjectival && tg.hyphen(end) && tg.w(end+1) == "long" {
		end += 2
	}
	if tg.t[j].kind == tkNum && tg.t[j].nd == 4 && tg.t[j].num >= 1000 {
		return match{}, false // "the 1988 second quarter"
	}
	if (tg.w(j) == "a" || tg.w(j) == "an") && i == j {
		if p := tg.w(i - 1); p == "times" || p == "twice" || p == "once" || p == "thrice" {
			return match{end: end, typ: TypeSet, val: durationValue(1, u)}, true
		}
		if tg.rateBefore(i) && !anchorWords[tg.w(end)] {
			return match{}, false // "$2 million a year", "700 seats a week": a rate, untagged
		}
	}
	if half {
		if v, ok := halfValue(n, u); ok {
			return match{end: end, typ: TypeDuration, val: v}, true
		}
	}
	if !span && !adjectival && !u.time {
		if m, ok := tg.anchored(i, end, n, u); ok {
			return m, true
		}
	}
	return match{end: end, typ: TypeDuration, val: durationValue(n, u)}, true
}

// anchored reads the word after "n units" that turns the duration into a
// date: "ago" counts back from publication; "earlier"/"later" from the
// last date of the text. "n units after X" dates X, which happened n units
// before the last date ("came two days after the Kremlin indicated");
// "n units before X" dates X n units after it.
func (tg *tagger) anchored(i, end, n int, u unit) (match, bool) {
	w := tg.w(end)
	nx := tg.w(end + 1)
	clause := nx != "" && nx != "." && nx != "," && nx != ";" && nx != ")" && nx != "and"
	var off int
	switch {
	case w == "ago":
		if n < 0 {
			return match{end: end + 1, typ: TypeDate, val: "PAST_REF"}, true
		}
		val, d := tg.ago(n, u)
		return match{end: end + 1, typ: TypeDate, val: val, date: d, noRef: true}, true
	case w == "from" && nx == "now" || w == "hence":
		if n < 0 {
			return match{end: end + 1, typ: TypeDate, val: "FUTURE_REF"}, true
		}
		val, d := shift(tg.dct, n, u)
		e := end + 1
		if w == "from" {
			e++
		}
		return match{end: e, typ: TypeDate, val: val, date: d}, true
	case w == "earlier" || w == "previously" || w == "prior" && !clause || w == "before" && !clause:
		off = -1
	case w == "later" || w == "afterwards" || w == "after" && !clause || w == "on" && !clause:
		off = 1
	case w == "after":
		off = -1
	case w == "before" || w == "prior" && nx == "to":
		off = 1
	default:
		return match{}, false
	}
	if n < 0 {
		// "a few days later": TimeBank tags the vague duration alone.
		return match{end: end, typ: TypeDuration, val: durationValue(n, u)}, true
	}
	val, d := tg.anaphor(off*n, u)
	if clause && (w == "after" || w == "before") {
		// TimeBank tags "two days after X" as the duration; the date it
		// gives X is kept for event dating.
		return match{end: end, typ: TypeDuration, val: durationValue(n, u), date: d, noRef: true}, true
	}
	return match{end: end + 1, typ: TypeDate, val: val, date: d, noRef: true}, true
}

// set reads adverbs of frequency and "every/each" + unit, weekday, month
// or part of the day.
func (tg *tagger) set(i int) (match, bool) {
	w := tg.w(i)
	if tg.in(i, inSetWords) {
		return match{end: i + 1, typ: TypeSet, val: setWords[w]}, true
	}
	if w != "every" && w != "each" && w != "per" {
		return match{}, false
	}
	k := i + 1
	n := 1
	if c, e, ok := tg.count(k); ok && c > 0 && tg.t[k].w != "a" {
		n, k = c, e
	}
	nx := tg.w(k)
	if !tg.in(k, inUnits|inWeekdays|inMonths|inPartsOfDay) {
		return match{}, false
	}
	if u, ok := units[nx]; ok && u.letter != "WE" {
		return match{end: k + 1, typ: TypeSet, val: durationValue(n, u)}, true
	}
	if w == "per" {
		return match{}, false
	}
	if wd, ok := weekdays[nx]; ok && len(nx) >= 6 {
		return match{end: k + 1, typ: TypeSet, val: fmt.Sprintf("XXXX-WXX-%d", (int(wd)+6)%7+1)}, true
	}
	if m, ok := months[nx]; ok && len(nx) >= 3 && tg.t[k].cap {
		return match{end: k + 1, typ: TypeSet, val: fmt.Sprintf("XXXX-%02d", int(m))}, true
	}
	if p, ok := partsOfDay[nx]; ok {
		return match{end: k + 1, typ: TypeSet, val: "XXXX-XX-XXT" + p}, true
	}
	return match{}, false
}

// anchorWords turn "a year" into a date ("a year ago") rather than a rate.
var anchorWords = map[string]bool{
	"ago": true, "earlier": true, "later": true, "before": true, "after": true,
	"previously": true, "hence": true, "from": true,
}

// rateWords are the quantities that "a day", "a year" divide in a rate.
var rateWords = map[string]bool{
	"%": true, "million": true, "billion": true, "trillion": true, "thousand": true,
	"hundred": true, "percent": true, "cents": true, "dollars": true, "yen": true,
	"pounds": true, "euros": true, "barrels": true, "tons": true,
}

// rateBefore reports whether the token before i is a quantity that "a
// unit" makes a rate of: a number, an amount, or a plural count noun
// ("seats a week", "24 hours a day").
func (tg *tagger) rateBefore(i int) bool {
	if i == 0 {
		return false
	}
	p := tg.t[i-1]
	if p.kind == tkNum || rateWords[p.w] {
		return true
	}
	if p.kind != tkWord || len(p.w) < 5 || p.w[len(p.w)-1] != 's' || p.w[len(p.w)-2] == 's' {
		return false
	}
	switch p.w {
	case "perhaps", "sometimes", "always", "afterwards", "towards", "besides", "whereas", "unless", "across", "times", "nearly":
		return false
	}
	_, isUnit := units[p.w]
	return !isUnit || p.w == "hours" || p.w == "minutes"
}

// halfAfterCount reads the "1/2" of "2 1/2 years" or the "and a half" of
// "two and a half years" after a count ending at k.
func (tg *tagger) halfAfterCount(k int) (bool, int) {
	if k+2 < len(tg.t) && tg.t[k].kind == tkNum && tg.t[k].num == 1 && tg.w(k+1) == "/" && tg.w(k+2) == "2" && tg.adjacent(k) && tg.adjacent(k+1) {
		return true, k + 3
	}
	if tg.w(k) == "and" && tg.w(k+1) == "a" && tg.w(k+2) == "half" {
		return true, k + 3
	}
	return false, k
}

// halfValue writes n and a half units in the next smaller unit:
// "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
func halfValue(n int, u unit) (string, bool) {
	switch {
	case u.letter == "Y" && u.mult <= 1:
		return fmt.Sprintf("P%dY6M", n), true
	case u.letter == "D":
		return fmt.Sprintf("P%dDT12H", n), true
	case u.letter == "H":
		return fmt.Sprintf("PT%dH30M", n), true
	case u.letter == "M" && u.time:
		return fmt.Sprintf("PT%dM30S", n), true
	}
	return "", false
}
