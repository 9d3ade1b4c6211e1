package coding

// Pattern words are matched in lower case, so a capitalised name that is
// made of pattern words ("the Ceasefire Violations Committee", "the
// Warsaw Pact", "Operation Desert Storm") would read as an act. NameMask
// finds such names from the original casing for [Lexicon.MatchMasked].

// NameMask marks the tokens of one sentence, in their original casing,
// that are capitalised inside a name: a capitalised word next to another
// one, or one that follows a lower-case word or a comma, where running
// text would not capitalise a verb or a common noun. The first word of
// the sentence and a word after a quotation mark, colon or bracket are
// left alone, since capitals there say nothing. buf is reused when it is
// long enough.
func NameMask(tokens []string, buf []bool) []bool {
	mask := buf[:0]
	if cap(buf) < len(tokens) {
		mask = make([]bool, 0, len(tokens))
	}
	mask = mask[:len(tokens)]
	for i, t := range tokens {
		mask[i] = false
		if !capitalised(t) {
			continue
		}
		switch {
		case i > 0 && capitalised(tokens[i-1]), i+1 < len(tokens) && capitalised(tokens[i+1]):
			mask[i] = true
		case i > 0 && (tokens[i-1] == "," || lowerWord(tokens[i-1])):
			mask[i] = true
		}
	}
	return mask
}

// capitalised reports a word with an upper-case first letter followed by
// a lower-case one ("Pact", not "UN" or "I"), so that acronyms and the
// pronoun do not join names.
func capitalised(t string) bool {
	return len(t) > 1 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'a' && t[1] <= 'z'
}

// lowerWord reports a word beginning with a lower-case letter.
func lowerWord(t string) bool { return t != "" && t[0] >= 'a' && t[0] <= 'z' }
