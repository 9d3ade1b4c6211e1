package timex

// opener says which first tokens a rule can match from, so that best
// skips the rules a token cannot open: most starters ("a", "one", "new")
// open one or two of them. The filter must never drop a rule that could
// match, which TestOpenersSound checks against running every rule.
type opener struct {
	num   bool     // number tokens may open it
	lex   lexSet   // words in these lexicons may open it
	words []string // and these words
}

// openers follow the order of rules, read from each rule's first test.
var openers = []opener{
	{lex: inBareUnits, words: []string{"the", "last", "this", "next"}}, // period
	{lex: inWeekdays | inMonths},                                       // explicitMonthFirst
	{words: []string{"last", "next", "this"}},                          // relMonth
	{num: true, lex: inWeekdays, words: []string{"the"}},               // explicitDayFirst
	{num: true}, // numericDate
	{num: true, words: []string{"the", "fiscal", "current", "'", "nineteen", "eighteen", "two"}},                          // yearOrDecade
	{num: true, words: []string{"around", "about", "noon", "midday", "midnight"}},                                         // clock
	{lex: inWeekdays, words: []string{"last", "next", "this", "previous", "coming", "early", "late", "earlier", "later"}}, // weekday
	{lex: inDayWords, words: []string{"the", "that", "this", "last", "next", "past", "coming", "current"}},                // deictic
	{num: true, lex: inOrdinals, words: []string{"the", "year", "comparable", "same", "latest", "current",
		"recent", "past", "previous", "last", "-", "quarter", "half", "period"}}, // quarter
	{lex: inSeasons, words: []string{"this", "last", "next", "the", "past", "coming"}},        // season
	{num: true, lex: inHedges | inSpanStarts | inVague | inNumbers, words: []string{"the"}},   // duration
	{lex: inSetWords, words: []string{"every", "each", "per"}},                                // set
	{lex: inRefWords, words: []string{"the", "soon", "as", "these", "future"}},                // vagueRef
	{words: []string{"christmas", "halloween", "thanksgiving", "new", "valentine", "boxing"}}, // holiday
	{num: true, lex: inCenturies, words: []string{"the"}},                                     // century
	{words: []string{"the", "early", "late", "earlier", "later", "mid", "end", "beginning", "start",
		"middle", "turn", "close", "first", "last", "final", "closing", "opening"}}, // modified
}

// ruleSet has one bit per rule, in the order of rules.
type ruleSet uint32

// opens returns the rules a word with lexicons lex may open.
func opens(w string, lex lexSet) ruleSet {
	var s ruleSet
	for r, o := range openers {
		if o.lex&lex != 0 || contains(o.words, w) {
			s |= 1 << r
		}
	}
	return s
}

// numOpens returns the rules a number may open.
func numOpens() ruleSet {
	var s ruleSet
	for r, o := range openers {
		if o.num {
			s |= 1 << r
		}
	}
	return s
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}
