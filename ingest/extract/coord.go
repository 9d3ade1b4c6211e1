package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Coordinated predicates: in "X welcomed the truce and called on Y to
// talk" or "X condemned the killings, thanked Z and urged Y to stop", each
// finite verb after "and", "but" or a comma is a new act of the same
// subject. Such a verb closes the object of the verb before it (the truce
// is welcomed, not Y) and the complement of a stance verb before it (the
// call is no part of what was welcomed), since a complement ("urged Y to
// stop and withdraw") goes on with a bare verb, not a finite one.

// coordPredicate reports a verbal trigger t whose verb group follows
// "and", "but" or a comma and whose verb is in the past tense.
func (s *sent) coordPredicate(t coding.Trigger) bool {
	w := s.words
	e := t.Entry
	if e.Noun || e.Say || e.Adj || s.nounUse(t) {
		return false
	}
	chain, _, _ := auxChain(w, t.Head)
	if chain == 0 {
		return false
	}
	switch w[chain-1] {
	case "and", "but":
	case ",":
		// ", killed in the strike," may be a participle of the noun
		// before; ", and" is handled above, so only a verb with its own
		// object after the comma counts.
		if t.End < len(w) && (w[t.End] == "by" || w[t.End] == "in" || w[t.End] == ",") {
			return false
		}
		if closesRelative(w, chain-1) {
			// "Ankara, which hosts 3.5 million Syrians, sent troops": the
			// main verb after a relative clause, not a second predicate.
			return false
		}
	default:
		return false
	}
	return pastForm(w[t.Head])
}

// pastForm reports a verb form of the simple past: regular "-ed" or one of
// the irregular pasts news reports use for acts.
func pastForm(v string) bool {
	return strings.HasSuffix(v, "ed") && len(v) > 4 || irregularPast.has(v)
}

var irregularPast = set("said", "told", "met", "sent", "struck", "held", "began", "took", "gave",
	"made", "won", "fought", "drew", "left", "went", "came", "broke", "spoke", "shot", "hit",
	"led", "put", "set", "cut", "threw", "brought", "sought", "withdrew", "swore", "vowed",
	"flew", "fled", "overran", "seized", "rode", "bought", "kept", "stood")

// predicateEnd returns the start of the verb group of the first
// coordinated predicate among the triggers with heads in (from, hi), or
// hi: where the object or the complement of the verb before it ends.
func (s *sent) predicateEnd(from, hi int) int {
	for _, u := range s.trigs {
		if u.Head > from && u.Head < hi && s.coordPredicate(u) {
			chain, _, _ := auxChain(s.words, u.Head)
			return max(from, chain-1)
		}
	}
	return hi
}

// leadSubject returns the actors of the first mention of s that stands
// before token end and after no preposition: the subject of a sentence
// whose first verb codes nothing ("spokesman X called the strike a spit
// in the face, and urged Y to ...").
func (d *doc) leadSubject(s *sent, end int) []model.Actor {
	for k, m := range s.actors {
		if m.te > end {
			break
		}
		if m.ts > 0 && (s.afterPreposition(m.ts) || s.words[m.ts-1] == "of") {
			continue
		}
		if a, ok := d.resolve(s, k); ok && a.Country != "" {
			return append(d.coordLeft(s, k, 0), a)
		}
	}
	return nil
}

// closesRelative reports the comma at i closing a relative clause opened
// by ", which" or ", who" earlier in the sentence.
func closesRelative(w []string, i int) bool {
	for q := i - 1; q >= 0; q-- {
		if w[q] == "," {
			return q+1 < len(w) && relatives.has(w[q+1])
		}
	}
	return false
}
