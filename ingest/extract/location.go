package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/place"
)

// Locations come from the place gazetteer ([place.Gazetteer]) rather than
// from any capitalised word after "in": a place named in the event's
// sentence is its location, the one after a locative preposition nearest
// the trigger first ("shelled villages near Idlib"). A state is a
// location only after such a preposition ("fighting in Sudan"), since
// states are mostly the actors of a sentence, and so is a capital the
// actor gazetteer reads as a metonym ("Moscow said").

// eventLocation names the place of trigger t of sentence si, or "".
func (d *doc) eventLocation(si int, t coding.Trigger) string {
	s := d.sents[si]
	best, bestRank, bestDist := "", 0, 1<<30
	for _, c := range d.placesIn(s) {
		loc := locativeBefore(s, c.ts)
		if c.Kind == place.KindCountry && loc && !strongLocative(s, c.ts) {
			continue // "sanctions on Myanmar", "came from Yemen": a target, an origin
		}
		if !loc && (c.Kind == place.KindCountry || c.actor || !bareFallback) {
			continue
		}
		// A place after a preposition beats one without; a town or a
		// region beats the state it lies in ("in Egypt, ... in the city
		// of Alexandria").
		rank := 1
		if loc {
			rank = 2
			if c.Kind != place.KindCountry {
				rank = 3
			}
		}
		dist := abs(c.ts - t.Head)
		if rank > bestRank || rank == bestRank && dist < bestDist {
			best, bestRank, bestDist = c.Text, rank, dist
		}
	}
	if best == "" && carryPlace && si > 0 && samePara(d, si) {
		return d.eventLocationCarried(si - 1)
	}
	return best
}

// Switches measured on the dev corpus (location accuracy over matched
// events): a town named without a preposition counts (0.684 with, 0.601
// without), and a sentence with no place takes the one after a
// preposition in the sentence before, in the same paragraph (0.690, from
// 0.684). Taking the latest place for "the province", "the capital" and
// "there" was tried and lost (0.658).
var (
	bareFallback = true
	carryPlace   = true
)

func (d *doc) eventLocationCarried(si int) string {
	s := d.sents[si]
	for _, c := range d.placesIn(s) {
		if locativeBefore(s, c.ts) && c.Kind != place.KindCountry {
			return c.Text
		}
	}
	return ""
}

// placeMention is a place of a sentence with its first token; actor is set
// when the actor gazetteer reads the same words as an actor.
type placeMention struct {
	place.Match
	ts    int
	actor bool
}

// placesIn finds the places of s. The countries of the actors met so far
// and of the sentence's own settle shared names and admit small towns.
// The scan is the costliest step of locating an event, and every event of
// a sentence (and the sentence after, carrying its place) asks for the
// same places, so it runs once per sentence.
func (d *doc) placesIn(s *sent) []placeMention {
	if !s.placesOK {
		s.places, s.placesOK = d.findPlaces(s), true
	}
	return s.places
}

func (d *doc) findPlaces(s *sent) []placeMention {
	// The context is built in a buffer kept on the doc: FindWith does not
	// keep it, and most sentences have events to place.
	ctx := append(d.placeCtx[:0], d.countries...)
	for i := range s.actors {
		if c := s.actors[i].Actor.Country; c != "" {
			ctx = append(ctx, c)
		}
	}
	d.placeCtx = ctx
	ms := place.Default().AppendFindWith(d.bufs.found[:0], s.span.Text, ctx)
	d.bufs.found = ms // copied out below: the next sentence reuses it
	if len(ms) == 0 {
		return nil
	}
	// As the actors (findActors): a capped part of the article's array.
	all := d.bufs.places
	first := len(all)
	for _, m := range ms {
		ts, te := tokenRange(s.toks, m.Start, m.End)
		if ts >= te {
			continue
		}
		pm := placeMention{Match: m, ts: ts}
		for i := range s.actors {
			if a := &s.actors[i]; a.ts < te && ts < a.te && a.Kind != actor.KindPlace {
				pm.actor = true
			}
		}
		all = append(all, pm)
	}
	d.bufs.places = all
	return all[first:len(all):len(all)]
}

// locatives are the prepositions that put an event at a place.
var locatives = set("in", "at", "near", "on", "from", "across", "outside", "around", "inside", "into",
	"over", "off", "towards", "toward", "throughout", "within")

// locativeBefore reports whether token i follows a locative preposition,
// allowing an article and a direction between: "in the northern Idlib".
func locativeBefore(s *sent, i int) bool {
	for j, skipped := i-1, 0; j >= 0 && skipped <= 4; j-- {
		w := s.words[j]
		if locatives.has(w) {
			return true
		}
		if w == "'s" && j > 0 {
			j-- // "in Syria's Idlib"
		} else if w != "the" && w != "of" && !directions.has(w) && !placeNouns.has(w) && !capitalised(s.toks[j].Text) {
			return false
		}
		skipped++
	}
	return false
}

// strongLocative reports whether token i follows "in" or the like, which
// put a whole state as the scene: "fighting in Sudan".
func strongLocative(s *sent, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch s.words[j] {
		case "in", "across", "throughout", "inside", "within":
			return true
		case "the", "northern", "southern", "eastern", "western", "central":
			continue
		}
		return false
	}
	return false
}

// placeNouns may stand between a preposition and a name: "in the city
// of Alexandria", "on the capital Bamako".
var placeNouns = set("province", "capital", "city", "territory", "enclave", "strip", "port", "region", "town",
	"village", "area", "peninsula")

var directions = set("northern", "southern", "eastern", "western", "central", "northwestern", "northeastern",
	"southwestern", "southeastern", "north", "south", "east", "west", "northwest", "northeast", "southwest",
	"southeast", "rebel-held", "besieged", "occupied")

// samePara reports whether sentence si continues the paragraph of si-1.
func samePara(d *doc, si int) bool {
	return !strings.Contains(d.text[d.sents[si-1].span.End:d.sents[si].span.Start], "\n")
}
