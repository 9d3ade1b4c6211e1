package timex

import (
	"sync"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

// token is one word, number or punctuation mark of the text. Offsets are
// bytes into the text; w is the lower-cased ASCII form used for lookups.
type token struct {
	s, e int
	w    string
	num  int // value of a number token (digits only; -1 if too long)
	nd   int // number of digits of a number token
	sent int // sentence index
	kind tokKind
	cap  bool // first letter upper case
	// start is set for words that may open an expression (starters),
	// found with the interned form so that best needs no map probe.
	start bool
	// lex holds the lexicons the word is in, read with its table entry,
	// so that a rule asks a lexicon's map only about a word in it.
	lex lexSet
	// opens holds the rules the token may open (see opener), so that
	// best tries only those.
	opens ruleSet
	ord   bool // number with an ordinal suffix: 3rd, 17th
	dec   bool // number with a plural s: 1990s, 80s
}

type tokKind uint8

const (
	tkWord tokKind = iota
	tkNum
	tkPunct
)

// tokenize splits text into tokens in one pass. Words are ASCII letter runs
// with inner apostrophes folded away ("New Year's" keeps "year" and "s"
// apart so possessives stay visible); numbers are digit runs, with an
// ordinal suffix or a decade "s" attached. Any other byte, including every
// byte of a non-ASCII rune, ends a token, so offsets always fall on rune
// boundaries. Sentences end at . ! ? and blank lines, except after short
// abbreviations, which is all the tense heuristics need.
func tokenize(text string, toks []token) []token { return tokenizeLow(text, "", toks) }

// tokenizeLow is [tokenize] given low, text after [sentence.LowerASCII],
// or "" to have it made here.
func tokenizeLow(text, low string, toks []token) []token {
	toks = toks[:0]
	if want := len(text) / 5; cap(toks) < want {
		toks = make([]token, 0, want)
	}
	table := wordTable()
	sent := 0
	// low is text with its capitals lower-cased: a word's lower case is
	// cut from it, one string for the text rather than a copy per word.
	if len(low) != len(text) {
		low = sentence.LowerASCII(text)
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case isLetter(c):
			j := i
			upper := false
			for j < len(text) && isLetter(text[j]) {
				upper = upper || text[j] < 'a'
				j++
			}
			t := token{s: i, e: j, kind: tkWord, cap: c < 'a', sent: sent}
			if e, ok := table.lookup(low[i:j]); ok {
				t.w, t.start, t.lex, t.opens = e.w, e.start, e.lex, e.opens
			} else if !upper {
				t.w = text[i:j] // already lower case: no copy
			} else {
				t.w = low[i:j]
			}
			toks = append(toks, t)
			i = j
		case isDigit(c):
			j, n := i, 0
			for j < len(text) && isDigit(text[j]) {
				if j-i < 9 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t := token{s: i, kind: tkNum, num: n, nd: j - i, sent: sent, opens: table.num}
			if t.nd > 9 {
				t.num = -1
			}
			// Ordinal suffixes and the decade "s" belong to the number.
			if k := suffixEnd(text, j); k > j {
				switch low[j:k] {
				case "st", "nd", "rd", "th":
					t.ord = true
					j = k
				case "s":
					t.dec = true
					j = k
				}
			}
			t.e = j
			t.w = text[i:j]
			toks = append(toks, t)
			i = j
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\n':
			// A blank line (or a line break after a heading) ends a sentence.
			if i+1 < len(text) && text[i+1] == '\n' {
				sent++
			}
			i++
		case c < 0x80:
			w := text[i : i+1]
			e := table.punct[c]
			toks = append(toks, token{s: i, e: i + 1, w: w, kind: tkPunct, sent: sent, start: e.start, lex: e.lex, opens: e.opens})
			if (c == '.' || c == '!' || c == '?' || c == ';') && !abbrevBefore(toks) {
				sent++
			}
			i++
		default:
			// Skip a whole non-ASCII rune: it is never part of a time word.
			i++
			for i < len(text) && text[i]&0xC0 == 0x80 {
				i++
			}
		}
	}
	return toks
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// suffixEnd returns the end of a letter run starting at j, if it is short
// enough to be an ordinal or plural suffix, else j.
func suffixEnd(text string, j int) int {
	k := j
	for k < len(text) && isLetter(text[k]) && k-j < 3 {
		k++
	}
	if k-j > 2 || (k < len(text) && isLetter(text[k])) {
		return j
	}
	return k
}

// abbrevBefore reports whether the period just appended follows a short
// abbreviation ("Sept.", "Mr.", "U.S.") that does not end a sentence.
func abbrevBefore(toks []token) bool {
	if len(toks) < 2 || toks[len(toks)-1].w != "." {
		return false
	}
	p := toks[len(toks)-2]
	if p.kind != tkWord || p.e != toks[len(toks)-1].s {
		return false
	}
	if len(p.w) == 1 {
		return true
	}
	if _, ok := months[p.w]; ok && len(p.w) <= 4 {
		return true
	}
	switch p.w {
	case "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "no", "vs", "jr", "sr", "inc", "corp", "co", "prof", "maj", "adm", "pres":
		return true
	}
	return false
}

// interned holds the lower-case forms of the words of the lexicons so that
// the common case allocates nothing; other words get a fresh string.
var interned = map[string]string{}

// known is what tokenize keeps of a word it has a table entry for.
type known struct {
	w     string // the interned form
	start bool   // in starters
	lex   lexSet // the lexicons holding it
	opens ruleSet
}

// lexSet is a set of the lexicons below, one bit each.
type lexSet uint32

const (
	inMonths lexSet = 1 << iota
	inWeekdays
	inNumbers
	inVague
	inUnits
	inPartsOfDay
	inSetWords
	inDayWords
	inHedges
	inSpanStarts
	inFutureCues
	inForwardCues
	inPastVerbs
	inDecades
	inCenturies
	inOrdinals
	inSeasons
	inRefWords
	inBareUnits
)

// lexicons are the word lists whose words carry a bit in their token:
// the ones the rules ask about at nearly every position.
func lexicons() map[lexSet][]string {
	return map[lexSet][]string{
		inMonths: keys(months), inWeekdays: keys(weekdays), inNumbers: keys(numberWords),
		inVague: keys(vagueNumbers), inUnits: keys(units), inPartsOfDay: keys(partsOfDay),
		inSetWords: keys(setWords), inDayWords: keys(dayWords), inHedges: keys(hedges),
		inSpanStarts: keys(spanStarts), inFutureCues: keys(futureCues),
		inForwardCues: keys(forwardCues), inPastVerbs: keys(pastVerbs),
		inDecades: keys(decadeWords), inCenturies: keys(centuryOrdinals), inOrdinals: keys(ordinals),
		inSeasons: keys(seasons), inRefWords: keys(refWords), inBareUnits: keys(bareUnits),
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, w)
	}
	return out
}

// in reports whether the word of token i is in one of the lexicons of s;
// false past either end.
func (tg *tagger) in(i int, s lexSet) bool {
	return i >= 0 && i < len(tg.t) && tg.t[i].lex&s != 0
}

// words is the table tokenize reads each word against.
type words struct {
	m map[string]known
	// maybe has one bit per class of length, first and last letter of
	// the keys of m: a word whose bit is clear is not in m, which spares
	// most words of running text the map probe.
	maybe [256]uint64
	// punct holds the entries of the one-byte ASCII keys of m, read by
	// index for each punctuation mark instead of through the map.
	punct [0x80]known
	// num holds the rules a number may open.
	num ruleSet
}

func wordClass(w string) uint {
	return uint(len(w)&15)<<10 | uint(w[0]&31)<<5 | uint(w[len(w)-1]&31)
}

// lookup finds w, a non-empty word, in the table.
func (t *words) lookup(w string) (known, bool) {
	if c := wordClass(w); t.maybe[c>>6]&(1<<(c&63)) == 0 {
		return known{}, false
	}
	e, ok := t.m[w]
	return e, ok
}

// wordTable joins interned and starters, built once both init functions
// have filled them.
var wordTable = sync.OnceValue(func() *words {
	t := &words{m: make(map[string]known, len(interned)+len(starters))}
	for w := range interned {
		t.m[w] = known{w: w}
	}
	for w, ok := range starters {
		t.m[w] = known{w: w, start: ok}
	}
	for bit, ws := range lexicons() {
		for _, w := range ws {
			e, ok := t.m[w]
			if !ok {
				e.w = w
			}
			e.lex |= bit
			t.m[w] = e
		}
	}
	t.num = numOpens()
	for w, e := range t.m {
		e.opens = opens(w, e.lex)
		t.m[w] = e
		if len(w) == 1 && w[0] < 0x80 {
			t.punct[w[0]] = e
		}
		if w != "" {
			c := wordClass(w)
			t.maybe[c>>6] |= 1 << (c & 63)
		}
	}
	return t
})

func init() {
	add := func(ws ...string) {
		for _, w := range ws {
			interned[w] = w
		}
	}
	eachWord(months, add)
	eachWord(weekdays, add)
	eachWord(numberWords, add)
	eachWord(units, add)
	eachWord(ordinals, add)
	eachWord(futureCues, add)
	add("the", "of", "in", "on", "at", "and", "to", "a", "s", "that", "this", "last", "next",
		"said", "is", "was", "for", "by", "with", "from", "it", "as", "he", "were", "has", "have")
}
