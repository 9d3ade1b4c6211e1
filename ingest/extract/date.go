package extract

import (
	"github.com/eventgraph/eventgraph/ingest/actor"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/timex"
	"github.com/eventgraph/eventgraph/model"
)

// dateFor dates trigger t of sentence si. A time expression belongs to
// the trigger nearest to it, so that in "offered condolences over soldiers
// killed last week" the week dates the killing, not the condolences. The
// trigger takes its own expression nearest to it (one in its clause
// first); a sentence with no time expression at all takes the reference
// time of the sentence before; otherwise the publication day.
func (d *doc) dateFor(si int, t coding.Trigger) (model.Date, string) {
	s := d.sents[si]
	lo, hi := clauseStart(s.words, t.Head), clauseEnd(s.words, t.End)
	best, bestDist, bestIn := -1, 1<<30, false
	for k, x := range s.times {
		if x.Date.IsZero() {
			continue
		}
		ts, _ := tokenRange(s.toks, x.Start, x.End)
		dist := abs(ts - t.Head)
		if ownTimes && headBetween(s.heads, t.Head, ts) {
			// "blamed Damascus for the collapse of the 2018 deal": the
			// year dates the deal, which stands between.
			continue
		}
		in := ts >= lo && ts < hi
		if in && !bestIn || in == bestIn && dist < bestDist {
			best, bestDist, bestIn = k, dist, in
		}
	}
	if best >= 0 {
		return s.times[best].Date, s.times[best].Text
	}
	if len(s.times) == 0 && si > 0 && pastPerfect(s.words, t.Head) {
		// "Russia said its missiles had destroyed a warship" after a
		// sentence dating the strike: the act came before the report, at
		// the time just stated.
		if r := d.sents[si-1].ref; r != nil && r.Date.Start.Before(model.Day(d.dct).Start) {
			return r.Date, r.Text
		}
	}
	if d.pubZero {
		return model.Date{}, ""
	}
	return model.Day(d.dct), ""
}

// reference returns the first dated time expression of s, which a
// following sentence without one of its own may inherit.
func reference(s *sent) *timex.Expr {
	for i := range s.times {
		if !s.times[i].Date.IsZero() {
			return &s.times[i]
		}
	}
	return nil
}

// headBetween reports another trigger head strictly between the trigger
// head h and token i.
func headBetween(heads []int, h, i int) bool {
	lo, hi := min(h, i), max(h, i)
	for _, k := range heads {
		if k > lo && k < hi {
			return true
		}
	}
	return false
}

// ownTimes lets a trigger between another trigger and a time expression
// take it; off, as it cost more dates than it won on the dev corpus.
var ownTimes = false

// pastPerfect reports "had" in the verb group before head.
func pastPerfect(w []string, head int) bool {
	start, _, _ := auxChain(w, head)
	for i := start; i < head; i++ {
		if w[i] == "had" || w[i] == "'d" {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// location names the place of the sentence's events: the first proper
// name after "in", "near", "outside" or "at" that is not a date word.
func (d *doc) location(s *sent) string {
	for _, m := range s.actors {
		if m.Kind == actor.KindPlace {
			return m.Text
		}
	}
	w := s.words
	for i := 0; i+1 < len(w); i++ {
		switch w[i] {
		case "in", "near", "outside", "at":
		default:
			continue
		}
		j := i + 1
		if w[j] == "the" {
			j++
		}
		start := j
		for j < len(w) && capitalised(s.toks[j].Text) && !dateWords[w[j]] {
			j++
		}
		if j > start {
			return s.span.Text[s.toks[start].Start:s.toks[j-1].End]
		}
	}
	return ""
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

var dateWords = set("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec")
