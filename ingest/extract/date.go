package extract

import (
	"github.com/eventgraph/eventgraph/ingest/actor"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// dateFor dates trigger t of sentence si: the time expression of its own
// clause nearest to it, else the nearest one in the sentence, else the
// publication day. It returns the date and the expression's text.
func (d *doc) dateFor(si int, t coding.Trigger) (model.Date, string) {
	s := d.sents[si]
	lo, hi := clauseStart(s.words, t.Head), clauseEnd(s.words, t.End)
	best, bestDist, bestIn := -1, 1<<30, false
	for k, x := range s.times {
		if x.Date.IsZero() {
			continue
		}
		ts, _ := tokenRange(s.toks, x.Start, x.End)
		in := ts >= lo && ts < hi
		dist := ts - t.Head
		if dist < 0 {
			dist = -dist
		}
		if in && !bestIn || in == bestIn && dist < bestDist {
			best, bestDist, bestIn = k, dist, in
		}
	}
	if best >= 0 {
		return s.times[best].Date, s.times[best].Text
	}
	if d.pubZero {
		return model.Date{}, ""
	}
	return model.Day(d.dct), ""
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
