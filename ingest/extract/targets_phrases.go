package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Phrases around a target slot that say whether a name there is the one
// acted upon, a helper, a venue or a border.

// borderAt reports "near the Afghan border", "along the Syrian
// frontier" at i: where an act took place, by a border named by its
// country's adjective, not that country acted upon ("killed six
// militants near the Afghan border", "held exercises near the Ethiopian
// border"). Forces massed at a border (root 15) stay aimed across it.
func (s *sent) borderAt(i int) bool {
	w := s.words
	switch w[i] {
	case "near", "along", "on", "at", "close":
	default:
		return false
	}
	for j := i + 1; j < len(w) && j <= i+4; j++ {
		switch w[j] {
		case "border", "frontier", "borders", "frontiers":
			if j+1 < len(w) && borderHeads.has(w[j+1]) {
				// "fired at Israeli border posts": the posts are hit.
				return false
			}
			k, ok := s.actorEndingAt(j - 1)
			return ok && s.actors[k].Kind == actor.KindAdjective
		case ",", "and":
			return false
		}
	}
	return false
}

// borderHeads follow "border" in a compound naming what is there ("border
// posts", "border towns"), which an act can hit.
var borderHeads = set("post", "posts", "outpost", "outposts", "town", "towns", "village", "villages",
	"crossing", "crossings", "guard", "guards", "police", "position", "positions", "area", "areas",
	"region", "regions", "city", "cities", "troops", "forces", "units", "checkpoint", "checkpoints",
	"patrol", "patrols", "base", "bases", "district", "districts", "province", "provinces")

// helperNouns name the part of a helper in "with Russian mediation",
// "under the auspices of the AU", "with US support".
var helperNouns = set("mediation", "auspices", "mediators", "facilitation", "brokering", "help",
	"support", "backing", "assistance")

// helperPhrase reports "with", "under" or "through" at i opening a phrase
// that names who helped ("signed a deal with Russian mediation"): the
// helper is no party acted upon.
func helperPhrase(w []string, i int) bool {
	if w[i] != "with" && w[i] != "under" && w[i] != "through" {
		return false
	}
	for j := i + 1; j < len(w) && j <= i+5; j++ {
		if helperNouns.has(w[j]) {
			return true
		}
		switch w[j] {
		case ",", "and", "with", "under", "through", "in", "at", "on", "by", "to", "for":
			// "with Somalia under the auspices of": the helper phrase
			// is the next one.
			return false
		}
	}
	return false
}

// victimPhrase reports an object in [from, to) whose head is a noun of
// force or coercion followed by the ones it struck: "the invasion of
// Ukraine", "the attacks on civilians", "the crackdown against
// protesters".
func victimPhrase(s *sent, from, to int) bool {
	w := s.words
	for i := from; i+1 < to && i < from+4 && !s.hasActorAt(i); i++ {
		if low, ok := actNouns[w[i]]; ok {
			return low >= "15" && (w[i+1] == "of" || w[i+1] == "on" || w[i+1] == "against")
		}
	}
	return false
}

// authoredNouns name acts other than force that are done by someone to
// what follows "of": "welcomed the release of prisoners by Ethiopia".
var authoredNouns = set("release", "handover", "expulsion", "deportation", "seizure", "capture",
	"deployment", "exchange")

// addresseeTo reports "to" at i right after the trigger ending at end
// (an adverb may stand between) and followed by an actor: a prepositional
// object rather than an infinitive.
func addresseeTo(s *sent, end, i int) bool {
	if i > end+1 || i == end+1 && !strings.HasSuffix(s.words[end], "ly") {
		return false
	}
	j := i + 1
	if j < len(s.words) && s.words[j] == "the" {
		j++
	}
	return s.hasActorAt(j)
}

// recipientTo reports "to" at i before a named actor (after an optional
// "the") in an act of giving or cooperating: "pledged 500 million euros
// in aid to Ukraine", "handed the prisoners over to Russia". An
// infinitive takes a verb, not a name; acts of force keep "to" as where
// ("sent troops to the border"), and a pronoun after it is no recipient.
func recipientTo(s *sent, t coding.Trigger, i int) bool {
	switch t.Entry.Root() {
	case "01", "03", "05", "06", "07", "08":
	default:
		return false
	}
	j := i + 1
	if j < len(s.words) && s.words[j] == "the" {
		j++
	}
	for _, m := range s.actors {
		if m.ts == j {
			return m.Kind != actor.KindPronoun
		}
	}
	return false
}

// calledPhrase skips "what he called" or "what it described as" after a
// verb at from: the speaker's words name the object, not the speaker.
func calledPhrase(w []string, from int) int {
	if from+2 >= len(w) || w[from] != "what" {
		return from
	}
	if _, ok := pronounKinds[w[from+1]]; !ok {
		return from
	}
	switch w[from+2] {
	case "called", "calls", "termed", "dubbed":
		return from + 3
	case "described", "describes", "saw", "sees":
		if from+3 < len(w) && w[from+3] == "as" {
			return from + 4
		}
	}
	return from
}

// clauseOpeners start a clause of their own inside a sentence.
var clauseOpeners = set("after", "before", "since", "when", "while", "because", "until", "whereas")

// slotIsObject are the words after a pattern's gap that make the gap the
// verb's object: "urge * to", "accuse * of".
var slotIsObject = set("to", "of", "for", "from", "with", "as", "that", "against", "into")

// yieldedIn reports a place (no seat of power) named at i after "in"
// for aid or a concession (roots 07, 08): "declared a ceasefire in
// Tigray", "delivered aid in Gaza" name where the act is for, not where
// talks were held.
func (s *sent) yieldedIn(t coding.Trigger, i int) bool {
	if r := t.Entry.Root(); r != "07" && r != "08" {
		return false
	}
	if i < len(s.words) && s.words[i] == "the" {
		i++
	}
	for _, m := range s.actors {
		if m.ts == i {
			return m.Kind == actor.KindPlace
		}
	}
	return false
}

// withAfterVenue returns the actors after the "with" that follows the
// venue phrase opening at token venue ("in Beijing with Wang Yi", "at the
// White House with the Kenyan president"), before hi and before a new
// clause.
func (d *doc) withAfterVenue(s *sent, venue, hi int) []model.Actor {
	w := s.words
	for i := venue + 1; i < hi && i < venue+8; i++ {
		switch {
		case w[i] == "with":
			return d.object(s, i+1, min(hi, i+8))
		case w[i] == "," || w[i] == "that" || w[i] == "to" || clauseOpeners.has(w[i]):
			return nil
		}
	}
	return nil
}

// nameAfter reports an actor or place named at token i, after an
// optional "the": "in the Kremlin", "in Brussels".
func (s *sent) nameAfter(i int) bool {
	if i < len(s.words) && s.words[i] == "the" {
		i++
	}
	return s.hasActorAt(i)
}
