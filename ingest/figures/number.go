package figures

import (
	"strconv"
	"strings"
)

// qty is a quantity as written: its value, its qualifiers, and the tokens
// [from, to) it spans (qualifiers included).
type qty struct {
	value, upper            float64
	min, max, approx, vague bool
	currency                string
	from                    int
}

// quantity reads a quantity starting at token i: an optional qualifier
// ("at least", "more than", "about", "up to"), then digits or number
// words with an optional scale ("3.5 million", "thirty-three"), or a vague
// amount ("dozens", "hundreds", "thousands of"). n is the number of tokens
// read from i, 0 when there is none.
func quantity(toks []token, i int) (q qty, n int) {
	q.from = i
	j := i
	for _, ql := range qualifiers {
		if matchWords(toks, j, ql.words) {
			j += len(ql.words)
			q.min, q.max, q.approx = ql.min, ql.max, ql.approx
			break
		}
	}
	if j < len(toks) && (toks[j].lower == "$" || toks[j].lower == "€" || toks[j].lower == "£") {
		q.currency = currencies[toks[j].lower]
		j++
	}
	if j >= len(toks) {
		return q, 0
	}
	t := toks[j].lower
	if strings.HasPrefix(t, "$") {
		q.currency, t = "USD", t[1:]
	}
	switch {
	case t != "" && t[0] >= '0' && t[0] <= '9':
		v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
		if err != nil {
			return q, 0
		}
		if j+1 < len(toks) && isYear(t) && !scaled(toks, j+1) {
			return q, 0 // "in 2019 ..." is a date
		}
		q.value = v
		j++
	case vague[t] > 0:
		q.value, q.upper, q.vague, q.min = vague[t], vague[t]*10, true, true
		j++
		if j < len(toks) && toks[j].lower == "of" {
			j++
		}
		return q, j - i
	default:
		v, ok := numberWord(t)
		if !ok {
			return q, 0
		}
		q.value = v
		j++
	}
	if j < len(toks) {
		if s, ok := scales[toks[j].lower]; ok {
			q.value *= s
			j++
		}
	}
	return q, j - i
}

func isYear(t string) bool {
	v, err := strconv.Atoi(t)
	return err == nil && len(t) == 4 && v >= 1900 && v <= 2100
}

func scaled(toks []token, j int) bool { _, ok := scales[toks[j].lower]; return ok }

func matchWords(toks []token, j int, words []string) bool {
	if j+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[j+k].lower != w {
			return false
		}
	}
	return true
}

var qualifiers = []struct {
	words            []string
	min, max, approx bool
}{
	{words: []string{"at", "least"}, min: true},
	{words: []string{"more", "than"}, min: true},
	{words: []string{"over"}, min: true},
	{words: []string{"upwards", "of"}, min: true},
	{words: []string{"up", "to"}, max: true},
	{words: []string{"as", "many", "as"}, max: true},
	{words: []string{"fewer", "than"}, max: true},
	{words: []string{"less", "than"}, max: true},
	{words: []string{"nearly"}, approx: true},
	{words: []string{"almost"}, approx: true},
	{words: []string{"about"}, approx: true},
	{words: []string{"around"}, approx: true},
	{words: []string{"some"}, approx: true},
	{words: []string{"roughly"}, approx: true},
	{words: []string{"approximately"}, approx: true},
	{words: []string{"an", "estimated"}, approx: true},
}

var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9}

// vague amounts are lower bounds: "dozens" is at least 24.
var vague = map[string]float64{"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20000, "millions": 2e6}

var ones = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "dozen": 12,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// numberWord reads "seven", "thirty", "thirty-three".
func numberWord(t string) (float64, bool) {
	if v, ok := ones[t]; ok {
		return v, true
	}
	if v, ok := tens[t]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(t, "-"); ok {
		if x, ok1 := tens[a]; ok1 {
			if y, ok2 := ones[b]; ok2 && y < 10 {
				return x + y, true
			}
		}
	}
	return 0, false
}
