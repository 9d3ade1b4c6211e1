package figures

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

// tokenize splits a sentence into the tokens Find reads: numbers ("33",
// "200,000", "$1.5"), words with inner hyphens ("thirty-three"), and the
// signs $, €, £ and %. It is a hand-written scanner for the expression
//
//	\$?[0-9][0-9,]*(?:\.[0-9]+)?|[A-Za-z]+(?:-[A-Za-z]+)*|[$€£%]
//
// (the tests hold it to that regexp), because Find runs on every
// sentence of every article and the regexp engine cost more than the rest
// of Find together.
func tokenize(s string) []token { return appendTokens(make([]token, 0, len(s)/6+1), s) }

// appendTokens appends the tokens of s to out, so that Find can reuse
// one slice across sentences.
func appendTokens(out []token, s string) []token {
	low := sentence.LowerASCII(s)
	for i := 0; i < len(s); {
		c := s[i]
		start := i
		switch {
		case isDigit(c) || c == '$' && i+1 < len(s) && isDigit(s[i+1]):
			if c == '$' {
				i++
			}
			for i < len(s) && (isDigit(s[i]) || s[i] == ',') {
				i++
			}
			if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
				i += 2
				for i < len(s) && isDigit(s[i]) {
					i++
				}
			}
		case isLetter(c):
			for {
				for i < len(s) && isLetter(s[i]) {
					i++
				}
				if i+1 < len(s) && s[i] == '-' && isLetter(s[i+1]) {
					i++
					continue
				}
				break
			}
		case c == '$' || c == '%':
			i++
		case strings.HasPrefix(s[i:], "€"):
			i += len("€")
		case strings.HasPrefix(s[i:], "£"):
			i += len("£")
		default:
			i++
			continue
		}
		t := s[start:i]
		out = append(out, token{text: t, lower: low[start:i], start: start, end: i})
	}
	return out
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// mayStartQuantity reports whether a quantity can begin at a token: a
// number, a currency sign, a number word, a vague amount, or the first
// word of a qualifier. Find skips every other token at once.
func mayStartQuantity(t string) bool {
	if t == "" {
		return false
	}
	if isDigit(t[0]) || t[0] == '$' || t == "€" || t == "£" {
		return true
	}
	if startersFilter.may(t) && starters[t] {
		return true
	}
	if a, _, ok := strings.Cut(t, "-"); ok {
		_, ok = tens[a]
		return ok
	}
	return false
}

// starters are the words a quantity may begin with.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, q := range qualifiers {
		m[q.words[0]] = true
	}
	for _, table := range []map[string]float64{ones, tens, vague} {
		for w := range table {
			m[w] = true
		}
	}
	return m
}()

var startersFilter = newWordFilter(starters)

// hasQuantity reports whether any word of s can hold a number (a digit,
// a number word, a vague amount): without one a sentence has no figures,
// and most sentences have none. It reads s without allocating.
func hasQuantity(s string) bool {
	var buf [16]byte
	for i := 0; i < len(s); {
		c := s[i]
		if isDigit(c) {
			return true
		}
		if !isLetter(c) {
			i++
			continue
		}
		// A word up to a hyphen: "thirty" of "thirty-three" is enough.
		n := 0
		for ; i < len(s) && isLetter(s[i]); i++ {
			if n < len(buf) {
				buf[n] = s[i] | 0x20 // ASCII lower case
			}
			n++
		}
		if n <= len(buf) && numberishFilter.may(string(buf[:n])) && numberish[string(buf[:n])] {
			return true
		}
	}
	return false
}

var numberishFilter = newWordFilter(numberish)

// numberish are the words that hold a number by themselves.
var numberish = func() map[string]bool {
	m := map[string]bool{}
	for _, table := range []map[string]float64{ones, tens, vague} {
		for w := range table {
			m[w] = true
		}
	}
	return m
}()
