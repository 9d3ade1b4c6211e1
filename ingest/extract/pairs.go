package extract

import (
	"slices"
	"sort"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

// Pairs: "the two sides", "both parties" name the two parties the story
// has set against each other.

// pairNouns are the plural heads of "the two sides", "both parties".
var pairNouns = set("sides", "parties", "leaders", "countries", "delegations", "presidents",
	"governments", "men", "camps", "nations", "armies", "forces", "neighbours", "neighbors",
	"rivals", "foes", "states", "generals", "factions", "ministers", "commanders", "groups")

// personPairNouns name two people: "the two leaders", "both presidents".
var personPairNouns = set("leaders", "presidents", "men", "ministers", "generals", "commanders")

// pairAt reads "the two sides" or "both parties" at token i (before to) as
// the two latest actors of different countries, in order of appearance.
func (d *doc) pairAt(s *sent, i, to int) []model.Actor {
	w := s.words
	if i+1 >= to || i+1 >= len(w) || w[i] != "two" && w[i] != "both" {
		return nil
	}
	j := i + 1
	if j+1 < to && w[j] == "warring" {
		j++
	}
	if !pairNouns[w[j]] {
		return nil
	}
	// The two parties are the two countries named most so far (in the
	// sentence and before), in order of first mention.
	count := map[string]int{}
	first := map[string]int{}
	actorOf := map[string]model.Actor{}
	n := 0
	people := personPairNouns[w[j]]
	note := func(m actor.Match) {
		c := m.Actor.Country
		if c == "" || c == model.CountryIGO || m.Kind == actor.KindPlace || m.Kind == actor.KindPronoun {
			// The UN brokering a deal is not one of its two sides.
			return
		}
		if people && m.Kind != actor.KindPerson {
			// "the two leaders" are the two people named, not the states.
			return
		}
		if _, ok := first[c]; !ok {
			first[c], actorOf[c] = n, m.Actor
		}
		count[c]++
		n++
	}
	for _, m := range d.history {
		note(m)
	}
	for _, m := range s.actors {
		if m.te <= i {
			note(m.Match)
		}
	}
	d.noteLead(s, note)
	cs := ranked(count, first)
	if len(cs) == 0 {
		return nil
	}
	if len(cs) == 1 || count[cs[1]]*2 < count[cs[0]] {
		// One country dominates, as in a civil war: the two sides are its
		// two most named actors of different roles ("the army", "the RSF").
		return d.rolePair(s, i, cs[0])
	}
	a, b := cs[0], cs[1]
	if first[b] < first[a] {
		a, b = b, a
	}
	out := []model.Actor{actorOf[a], actorOf[b]}
	return out
}

// ranked orders keys by count, then by first appearance.
func ranked(count, first map[string]int) []string {
	var cs []string
	for c := range count {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(a, b int) bool {
		if count[cs[a]] != count[cs[b]] {
			return count[cs[a]] > count[cs[b]]
		}
		return first[cs[a]] < first[cs[b]]
	})
	return cs
}

// rolePair returns the two most named actors of country c with different
// roles, before token i, in order of first mention.
func (d *doc) rolePair(s *sent, i int, c string) []model.Actor {
	count := map[string]int{}
	first := map[string]int{}
	actorOf := map[string]model.Actor{}
	n := 0
	note := func(m actor.Match) {
		if m.Actor.Country != c || m.Actor.Role == "" || m.Kind == actor.KindPlace || m.Kind == actor.KindPronoun {
			return
		}
		r := string(m.Actor.Role)
		if _, ok := first[r]; !ok {
			first[r], actorOf[r] = n, m.Actor
		}
		count[r]++
		n++
	}
	for _, m := range d.history {
		note(m)
	}
	for _, m := range s.actors {
		if m.te <= i {
			note(m.Match)
		}
	}
	d.noteLead(s, note)
	rs := ranked(count, first)
	if len(rs) < 2 {
		return nil
	}
	a, b := rs[0], rs[1]
	if first[b] < first[a] {
		a, b = b, a
	}
	return []model.Actor{actorOf[a], actorOf[b]}
}

// noteLead passes the actors of the lead sentences after s to note when s
// is itself in the lead: "the two sides" in a story's first line means
// the parties its next lines name, as a reader takes it.
func (d *doc) noteLead(s *sent, note func(actor.Match)) {
	si := slices.Index(d.sents, s)
	if si < 0 || si >= leadSents {
		return
	}
	for j := si + 1; j < leadSents && j < len(d.sents); j++ {
		for _, m := range d.sents[j].actors {
			note(m.Match)
		}
	}
}
