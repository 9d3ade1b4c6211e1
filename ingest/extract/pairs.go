package extract

import (
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
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
// the two parties of the story, in order of first mention, and "all
// parties" as the one country all sides are of (see allSidesAt).
func (d *doc) pairAt(s *sent, i, to int) []model.Actor {
	w := s.words
	if i+1 >= to || i+1 >= len(w) {
		return nil
	}
	if w[i] == "all" {
		return d.allSidesAt(s, i, to)
	}
	if w[i] == "warring" && i > 0 && w[i-1] == "the" && warringNouns.has(w[i+1]) {
		// "the warring parties signed a truce": the story's two sides.
		return d.sides(s, i, false)
	}
	if w[i] != "two" && w[i] != "both" {
		return nil
	}
	j := i + 1
	if j+1 < to && w[j] == "warring" {
		j++
	}
	if !pairNouns.has(w[j]) {
		return nil
	}
	return d.sides(s, i, personPairNouns.has(w[j]))
}

// warringNouns are the heads of "the warring parties", "the warring
// sides".
var warringNouns = set("parties", "sides", "factions", "camps")

// mediated returns the two sides of the story as those a mediation with
// nobody named is between ("Saudi Arabia and Iran offered to mediate"),
// leaving out the mediator's own country.
func (d *doc) mediated(s *sent, t coding.Trigger) []model.Actor {
	if !strings.HasPrefix(t.Entry.Code, "039") && !strings.HasPrefix(t.Entry.Code, "045") {
		return nil
	}
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	var out []model.Actor
	for _, a := range d.sides(s, t.Head, false) {
		if !sameCountry(subj, []model.Actor{a}) {
			out = append(out, a)
		}
	}
	return out
}

// allSideNouns are the heads of "all parties", "all the warring sides".
var allSideNouns = set("parties", "sides", "factions")

// allSidesAt reads "all parties" or "all sides" at token i (before to) in
// a story of one country's strife as that country: every side of a civil
// conflict is of it ("urged all parties to resolve their differences").
// Sides of several countries are no one party (nil).
func (d *doc) allSidesAt(s *sent, i, to int) []model.Actor {
	w := s.words
	j := i + 1
	for j+1 < to && (w[j] == "the" || w[j] == "warring" || w[j] == "concerned") {
		j++
	}
	if j >= to || !allSideNouns.has(w[j]) {
		return nil
	}
	if two := d.sides(s, i, false); len(two) == 2 && two[0].Country == two[1].Country {
		return two[:1]
	}
	return nil
}

// sides returns the two parties the story has set against each other, as
// of token i: the two countries named most so far (in the sentence and
// before), in order of first mention, or the two sides of one country's
// civil war. With people set, only people count ("the two leaders").
func (d *doc) sides(s *sent, i int, people bool) []model.Actor {
	// The tally's list is the doc's, kept between calls and articles.
	byCountry := tally{ks: d.tallies[0][:0]}
	defer func() { d.tallies[0] = byCountry.ks[:0] }()
	d.eachNamedBefore(s, i, func(m actor.Match) {
		c := m.Actor.Country
		if c == "" || c == model.CountryIGO {
			// The UN brokering a deal is not one of its two sides.
			return
		}
		if people && m.Kind != actor.KindPerson {
			// "the two leaders" are the two people named, not the states.
			return
		}
		byCountry.add(c, m.Actor)
	})
	cs := byCountry.ranked()
	if len(cs) == 0 {
		return nil
	}
	if len(cs) == 1 || cs[1].count*2 < cs[0].count {
		// One country dominates, as in a civil war: the two sides are its
		// two most named actors of different roles ("the army", "the RSF").
		return d.rolePair(s, i, cs[0].key)
	}
	return firstTwo(cs)
}

// rolePair returns the two most named actors of country c with different
// roles, before token i, in order of first mention.
func (d *doc) rolePair(s *sent, i int, c string) []model.Actor {
	byRole := tally{ks: d.tallies[1][:0]}
	defer func() { d.tallies[1] = byRole.ks[:0] }()
	d.eachNamedBefore(s, i, func(m actor.Match) {
		if m.Actor.Country == c && m.Actor.Role != "" {
			byRole.add(string(m.Actor.Role), m.Actor)
		}
	})
	rs := byRole.ranked()
	if len(rs) < 2 {
		return nil
	}
	return firstTwo(rs)
}

// eachNamedBefore calls f on every actor named so far, places and
// pronouns aside: the story's earlier sentences, the sentence before
// token i, and the lead.
func (d *doc) eachNamedBefore(s *sent, i int, f func(actor.Match)) {
	note := func(m actor.Match) {
		if m.Kind != actor.KindPlace && m.Kind != actor.KindPronoun {
			f(m)
		}
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
}

// tally counts mentions by key (a country or a role), keeping each key's
// first actor, in order of first mention. A story names few countries or
// roles, so a list searched in turn costs less than maps of them.
type tally struct {
	ks []tallied
}

type tallied struct {
	key   string
	count int
	first int         // order of first mention
	actor model.Actor // the key's first actor
}

func (t *tally) add(key string, a model.Actor) {
	for i := range t.ks {
		if t.ks[i].key == key {
			t.ks[i].count++
			return
		}
	}
	t.ks = append(t.ks, tallied{key: key, count: 1, first: len(t.ks), actor: a})
}

// ranked orders the keys by count, then by first mention.
func (t *tally) ranked() []tallied {
	slices.SortStableFunc(t.ks, func(a, b tallied) int { return b.count - a.count })
	return t.ks
}

// firstTwo returns the actors of the two top keys of ranked ks in order
// of first mention.
func firstTwo(ks []tallied) []model.Actor {
	a, b := ks[0], ks[1]
	if b.first < a.first {
		a, b = b, a
	}
	return []model.Actor{a.actor, b.actor}
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
