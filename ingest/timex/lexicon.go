package timex

import "time"

// The lexicons below are closed word classes of English time expressions.
// They are keyed by lower-case token text so that lookups cost one map
// probe per token; the tagger never lower-cases whole sentences.

// months maps month names and their usual news abbreviations. Short forms
// are accepted only when the token is capitalised (see isMonthToken) so that
// "may", "march" or "dec" in running text are not taken for months.
var months = map[string]time.Month{
	"january": time.January, "jan": time.January,
	"february": time.February, "feb": time.February,
	"march": time.March, "mar": time.March,
	"april": time.April, "apr": time.April,
	"may":  time.May,
	"june": time.June, "jun": time.June,
	"july": time.July, "jul": time.July,
	"august": time.August, "aug": time.August,
	"september": time.September, "sep": time.September, "sept": time.September,
	"october": time.October, "oct": time.October,
	"november": time.November, "nov": time.November,
	"december": time.December, "dec": time.December,
}

// weekdays maps weekday names and abbreviations.
var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
	"sunday": time.Sunday, "sun": time.Sunday,
}

// numberWords covers the cardinals news writes out in letters.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"dozen": 12, "single": 1,
}

// vagueNumbers are quantity words whose count TIMEX3 writes as X.
var vagueNumbers = map[string]bool{
	"few": true, "several": true, "many": true, "some": true, "numerous": true,
	"recent": true, "coming": true, "past": true,
}

// ordinals covers "first".."tenth" and the ordinals used for days.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
}

// unit is a calendar unit with its TIMEX3 duration letter.
type unit struct {
	letter string // D, W, M, Y, Q, E (decade), C (century), H, MIN, S
	time   bool   // hours, minutes, seconds take the "PT" prefix
	mult   int    // centuries and decades are counted in years for dates
}

// units maps singular and plural unit nouns.
var units = map[string]unit{
	"day": {letter: "D"}, "days": {letter: "D"},
	"week": {letter: "W"}, "weeks": {letter: "W"},
	"fortnight": {letter: "W", mult: 2}, "fortnights": {letter: "W", mult: 2},
	"month": {letter: "M"}, "months": {letter: "M"},
	"year": {letter: "Y"}, "years": {letter: "Y"},
	"quarter": {letter: "Q"}, "quarters": {letter: "Q"},
	"decade": {letter: "E"}, "decades": {letter: "E"},
	"century": {letter: "C"}, "centuries": {letter: "C"},
	"hour": {letter: "H", time: true}, "hours": {letter: "H", time: true},
	"minute": {letter: "M", time: true}, "minutes": {letter: "M", time: true},
	"second": {letter: "S", time: true}, "seconds": {letter: "S", time: true},
	"weekend": {letter: "WE"}, "weekends": {letter: "WE"},
	"night": {letter: "D"}, "nights": {letter: "D"},
}

// seasons maps season names to TIMEX3 season codes.
var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

// partsOfDay maps parts of the day to TIMEX3 codes.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

// setWords are adverbs of frequency, each a TIMEX3 SET.
var setWords = map[string]string{
	"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
	"yearly": "P1Y", "hourly": "PT1H",
}

// refWords are the vague references TIMEX3 writes as *_REF values.
var refWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
	"presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
	"recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
}

// futureCues mark a sentence as about the future, so that an unanchored
// weekday or month name is read forwards from the publication date.
// Softer cues ("expected", "plans") proved wrong as often as right.
var futureCues = map[string]bool{
	"will": true, "shall": true, "ll": true, "next": true, "upcoming": true,
	"tomorrow": true, "scheduled": true, "wont": true,
}

// timezones may follow a clock time; they are kept in the span.
var timezones = map[string]bool{
	"gmt": true, "utc": true, "bst": true, "cet": true, "cest": true, "est": true,
	"edt": true, "cst": true, "cdt": true, "pst": true, "pdt": true, "mst": true,
	"mdt": true, "eet": true, "eest": true, "msk": true, "ist": true,
}

// eachWord passes every word of a lexicon map to add; the init functions
// that index the lexicons (starters, interned) share it.
func eachWord[V any](m map[string]V, add func(...string)) {
	for w := range m {
		add(w)
	}
}

// starters are the words that can open an expression; any other word is
// skipped with one map probe, which keeps tagging fast. Numbers always
// qualify. A rule that opens on a new word must add it here.
var starters = map[string]bool{"'": true}

func init() {
	add := func(ws ...string) {
		for _, w := range ws {
			starters[w] = true
		}
	}
	eachWord(months, add)
	eachWord(weekdays, add)
	eachWord(numberWords, add)
	eachWord(units, add)
	eachWord(ordinals, add)
	eachWord(seasons, add)
	eachWord(partsOfDay, add)
	eachWord(setWords, add)
	eachWord(refWords, add)
	eachWord(dayWords, add)
	eachWord(decadeWords, add)
	eachWord(centuryOrdinals, add)
	eachWord(hedges, add)
	eachWord(spanStarts, add)
	eachWord(vagueNumbers, add)
	add("the", "this", "last", "next", "that", "these", "early", "late", "earlier", "later",
		"mid", "end", "beginning", "start", "middle", "turn", "close", "final", "closing",
		"opening", "fiscal", "comparable", "same", "noon", "midday", "midnight", "christmas",
		"halloween", "thanksgiving", "new", "valentine", "boxing", "every", "each", "per",
		"future", "soon", "previous", "following", "current", "latest", "recent")
}
