// Package figures finds the numbers a sentence attaches to an event: the
// killed, injured, displaced, arrested, and aid given, each with its unit
// and how exact the source says it is ("at least 33", "more than
// 200,000", "dozens").
//
// It reads one sentence at a time and looks for a quantity ("33", "3.5
// million", "thirty-three", "dozens", "$1.5 billion") followed within a
// few words by a counted noun ("people", "soldiers", "civilians") and a
// word that says what happened to them ("killed", "wounded", "fled"), or
// preceded by such a word ("killing 12", "displacing thousands"). Money
// and tonnes count as aid.
package figures

import (
	"sync"

	"github.com/eventgraph/eventgraph/model"
)

// Find returns the figures of one sentence, in order of appearance.
func Find(sentence string) []model.Figure {
	if !hasQuantity(sentence) {
		return nil
	}
	// The tokens live only during the call; a pooled slice spares an
	// allocation per sentence that has a number.
	tp := tokenPool.Get().(*[]token)
	toks := appendTokens((*tp)[:0], sentence)
	defer func() {
		clear(toks) // drop the strings, so the pool keeps no sentence alive
		*tp = toks[:0]
		tokenPool.Put(tp)
	}()
	var out []model.Figure
	for i := 0; i < len(toks); i++ {
		if !mayStartQuantity(toks[i].lower) {
			continue
		}
		q, n := quantity(toks, i)
		if n == 0 {
			continue
		}
		end := i + n
		if f, ok := money(toks, i, end, q); ok {
			out = append(out, f)
			i = end - 1
			continue
		}
		unit, kind, ok := counted(toks, i, end)
		if !ok {
			continue
		}
		f := model.Figure{Kind: kind, Value: q.value, Min: q.min, Max: q.max, Approx: q.approx, Unit: unit,
			Text: span(sentence, toks, q.from, end)}
		f.Low, f.High = bounds(q)
		out = append(out, f)
		i = end - 1
	}
	return out
}

var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// bounds turns a quantity and its qualifiers into the interval of numbers
// it allows: "at least 33" is [33, ∞), "about 200" [180, 220], "dozens"
// [24, 100).
func bounds(q qty) (lo, hi float64) {
	switch {
	case q.vague:
		return q.value, q.upper
	case q.min:
		return q.value, 0
	case q.max:
		return 0, q.value
	case q.approx:
		return q.value * 0.9, q.value * 1.1
	}
	return q.value, q.value
}

// token is a word with its byte offsets in the sentence.
type token struct {
	text, lower string
	start, end  int
}

func span(s string, toks []token, from, to int) string {
	return s[toks[from].start:toks[to-1].end]
}

// counted looks after the quantity for the counted noun and the outcome,
// or before it for an outcome verb ("killing 12 people").
func counted(toks []token, from, end int) (unit string, kind model.FigureKind, ok bool) {
	unit = "people"
	j := end
	// Up to three modifiers before the noun: "33 Turkish soldiers",
	// "200,000 people", "12 other civilians".
	for k := end; k < len(toks) && k < end+4; k++ {
		if u, isUnit := units[toks[k].lower]; isUnit {
			unit, j = u, k+1
			break
		}
	}
	// "killed 12 people", "arrested 150 protesters": the verb comes first.
	if from > 0 {
		if kd, hit := outcomes[toks[from-1].lower]; hit {
			return unit, kd, true
		}
	}
	for k := j; k < len(toks) && k < j+5; k++ {
		if kd, hit := outcomes[toks[k].lower]; hit {
			return unit, kd, true
		}
		if stops[toks[k].lower] {
			break
		}
	}
	return "", "", false
}

// money reads "$1.5 billion", "1.5 billion dollars", "500 million euros"
// and "50,000 tonnes of" as aid figures.
func money(toks []token, from, end int, q qty) (model.Figure, bool) {
	unit := ""
	if q.currency != "" {
		unit = q.currency
	} else if end < len(toks) {
		unit = currencies[toks[end].lower]
	}
	if unit == "" {
		return model.Figure{}, false
	}
	f := model.Figure{Kind: model.FigureAid, Value: q.value, Min: q.min, Max: q.max, Approx: q.approx, Unit: unit}
	f.Low, f.High = bounds(q)
	return f, true
}

// units maps counted nouns to the unit a figure is given in.
var units = map[string]string{
	"people": "people", "persons": "people", "person": "people", "civilians": "civilians", "civilian": "civilians",
	"soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers", "servicemen": "soldiers", "fighters": "fighters",
	"militants": "fighters", "rebels": "fighters", "children": "children", "women": "women", "protesters": "protesters",
	"demonstrators": "protesters", "refugees": "people", "residents": "people", "palestinians": "people",
	"israelis": "people", "syrians": "people", "ukrainians": "people", "sudanese": "people", "others": "people",
	"police": "police", "policemen": "police", "officers": "police", "workers": "people", "journalists": "journalists",
	"migrants": "people", "hostages": "people", "families": "families", "households": "families",
}

// outcomes maps the words that say what befell the counted to the kind of
// figure.
var outcomes = map[string]model.FigureKind{
	"killed": model.FigureKilled, "dead": model.FigureKilled, "died": model.FigureKilled, "deaths": model.FigureKilled,
	"killing": model.FigureKilled, "slain": model.FigureKilled, "lost": model.FigureKilled, "perished": model.FigureKilled,
	"wounded": model.FigureInjured, "injured": model.FigureInjured, "hurt": model.FigureInjured,
	"injuring": model.FigureInjured, "wounding": model.FigureInjured,
	"displaced": model.FigureDisplaced, "fled": model.FigureDisplaced, "displacing": model.FigureDisplaced,
	"uprooted": model.FigureDisplaced, "evacuated": model.FigureDisplaced, "flee": model.FigureDisplaced,
	"arrested": model.FigureArrested, "detained": model.FigureArrested, "abducted": model.FigureArrested,
	"captured": model.FigureArrested, "kidnapped": model.FigureArrested, "taken": model.FigureArrested,
	"arresting": model.FigureArrested, "detaining": model.FigureArrested,
}

// stops end the search for an outcome: a new clause has begun.
var stops = map[string]bool{"but": true, "while": true, "which": true, "after": true, "before": true}

var currencies = map[string]string{
	"dollars": "USD", "usd": "USD", "$": "USD", "euros": "EUR", "eur": "EUR", "€": "EUR",
	"pounds": "GBP", "£": "GBP", "tonnes": "tonnes", "tons": "tonnes",
}
