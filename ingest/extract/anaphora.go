package extract

import (
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

// Anaphora: words that refer back to an actor or a place named before
// ("the coalition", "it", "they", "him", "the capital", "the city") are
// resolved against the sentence and the story so far.

// placeAimed finds "into the territory", "on the city" among the words
// [from, hi) of an act of coercion or force: a halt to supplies into the
// territory just named is aimed at it.
func (d *doc) placeAimed(s *sent, from, hi int) []model.Actor {
	w := s.words
	for i := from; i+2 < hi && i < from+14; i++ {
		switch w[i] {
		case "into", "on", "against", "to":
		default:
			continue
		}
		if w[i+1] == "the" && placeAnaphors.has(w[i+2]) && !s.hasActorAt(i+3) && !(i+3 < len(w) && w[i+3] == "of") {
			if a, ok := d.placeRef(s, i+2, ""); ok {
				return []model.Actor{a}
			}
		}
	}
	return nil
}

// sameHead returns the latest actor before token i of s, in s or in the
// sentences before, named with head word and a country.
func (d *doc) sameHead(s *sent, i int, head string) (model.Actor, bool) {
	ok := func(m actor.Match) bool {
		if m.Kind != actor.KindAgent && m.Kind != actor.KindMetonym || m.Inferred || m.Actor.Country == "" {
			return false
		}
		t := strings.ToLower(m.Text)
		return strings.HasSuffix(t, " "+head)
	}
	for k := len(s.actors) - 1; k >= 0; k-- {
		if s.actors[k].te <= i && ok(s.actors[k].Match) {
			return s.actors[k].Actor, true
		}
	}
	for k := len(d.history) - 1; k >= 0; k-- {
		if ok(d.history[k]) {
			return d.history[k].Actor, true
		}
	}
	return model.Actor{}, false
}

// ownPeople are the people of whoever a possessive before them names.
var ownPeople = set("supporters", "followers", "loyalists", "people", "citizens", "compatriots",
	"countrymen", "voters", "nationals")

// placeAnaphors name a place already named: "the capital", "the city".
var placeAnaphors = set("capital", "city", "town", "province", "region", "port", "enclave", "territory", "village",
	"country")

// latestPlace returns the country "the city" or "the capital" at token i
// of s takes up, as an actor: see placeRef.
func (d *doc) latestPlace(s *sent, i int) (model.Actor, bool) {
	return d.placeRef(s, i, "")
}

// homeAnaphors are taken up by the story's own country, not the latest
// place: "the capital" of a story about Libya is Tripoli, whoever spoke
// from Washington since.
var homeAnaphors = set("capital", "country")

// placeRef returns the country the place noun at token i of s refers to,
// passing over the places of country but ("moved its troops out of the
// country" leaves a country not its own): for "the city", "the town" the
// latest place or seat named in s or the two sentences before (a state
// only when none was), for "the capital" and "the country" the story's
// own country, the one whose places and seats it names most.
func (d *doc) placeRef(s *sent, i int, but string) (model.Actor, bool) {
	si := slices.Index(d.sents, s)
	home := i < len(s.words) && homeAnaphors.has(s.words[i])
	for pass := 0; pass < 2 && !home; pass++ {
		for j := si; j >= 0 && j >= si-2; j-- {
			x := d.sents[j]
			for k := len(x.actors) - 1; k >= 0; k-- {
				m := x.actors[k]
				if j == si && m.te > i {
					continue
				}
				if (m.Kind == actor.KindPlace || m.Kind == actor.KindMetonym || pass == 1 && m.Kind == actor.KindState) &&
					m.Actor.Country != "" && m.Actor.Country != model.CountryIGO && m.Actor.Country != but {
					return model.NewActor(m.Actor.Country, m.Actor.Country, model.RoleNone), true
				}
			}
		}
	}
	if c := d.homeCountry(si, but); c != "" {
		return model.NewActor(c, c, model.RoleNone), true
	}
	return model.Actor{}, false
}

// homeCountry returns the story's own country as of sentence si: the one
// whose places it names most (in the lead and up to si), other than but.
// Seats of power ("Ankara", "the Kremlin") count only in a story that
// names no place, as they are where the other parties speak from, and
// states only in one that names neither.
func (d *doc) homeCountry(si int, but string) string {
	for pass := 0; pass < 3; pass++ {
		count := map[string]int{}
		best, n := "", 0
		for j := 0; j < len(d.sents) && (j <= si || j < leadSents); j++ {
			for _, m := range d.sents[j].actors {
				c := m.Actor.Country
				named := m.Kind == actor.KindPlace || pass >= 1 && m.Kind == actor.KindMetonym || pass == 2 && m.Kind == actor.KindState
				if !named || c == "" || c == model.CountryIGO || c == but {
					continue
				}
				if count[c]++; count[c] > n {
					best, n = c, count[c]
				}
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// thirdParties are agents that stand between the sides of a conflict.
var thirdParties = set("mediators", "mediator", "facilitators", "observers", "monitors")

// latestIGO returns the latest international body named before token i of
// s, in s or in the sentences before.
func (d *doc) latestIGO(s *sent, i int) (model.Actor, bool) {
	for k := len(s.actors) - 1; k >= 0; k-- {
		if m := s.actors[k]; m.te <= i && m.Actor.Country == model.CountryIGO && m.Kind != actor.KindPronoun {
			return m.Actor, true
		}
	}
	for k := len(d.history) - 1; k >= 0; k-- {
		if m := d.history[k]; m.Actor.Country == model.CountryIGO {
			return m.Actor, true
		}
	}
	return model.Actor{}, false
}

// sameRole finds the latest actor of role r (any role when r is empty)
// before token i of s, in s or in the sentences before. Actors whose
// country was only guessed from the article's focus are passed over: a
// guess copied onto another mention would turn the other side's army
// into the focus country's.
func (d *doc) sameRole(s *sent, i int, r model.Role) (model.Actor, bool) {
	ok := func(m actor.Match) bool {
		return m.Kind != actor.KindPlace && m.Kind != actor.KindPronoun && !m.Inferred && m.Actor.Country != "" &&
			m.Actor.Country != model.CountryIGO && (r == "" || m.Actor.Role == r)
	}
	for k := len(s.actors) - 1; k >= 0; k-- {
		m := s.actors[k]
		if m.ts > 0 && (s.afterPreposition(m.ts) || s.words[m.ts-1] == "by" || s.words[m.ts-1] == "of") {
			// "called the blast an attack by Kyiv and said the ministry
			// was": an object or agent of a phrase is not whose organ it is.
			continue
		}
		if m.te <= i && ok(m.Match) {
			return m.Actor, true
		}
	}
	for k := len(d.history) - 1; k >= 0 && len(d.history)-k <= 15; k-- {
		if ok(d.history[k]) {
			return d.history[k].Actor, true
		}
	}
	return model.Actor{}, false
}

// antecedent finds the latest actor of one of kinds before token i of s,
// in s or in the sentences before.
func (d *doc) antecedent(s *sent, i int, kinds []actor.Kind) (model.Actor, bool) {
	return d.antecedentOf(s, i, kinds, false)
}

// singularPronouns cannot refer back to a plural noun.
var singularPronouns = set("it", "its")

// antecedentOf is antecedent passing over plural agents ("the 3.5 million
// Syrians it hosts": "it" is not the Syrians) when singular is set.
func (d *doc) antecedentOf(s *sent, i int, kinds []actor.Kind, singular bool) (model.Actor, bool) {
	ok := func(m actor.Match) bool {
		if m.Kind == actor.KindPronoun || m.Kind == actor.KindPlace || m.Actor.Country == "" {
			return false
		}
		if singular && m.Kind == actor.KindAgent && pluralNoun(m.Text) {
			return false
		}
		for _, k := range kinds {
			if m.Kind == k {
				return true
			}
		}
		return false
	}
	for k := len(s.actors) - 1; k >= 0; k-- {
		if s.actors[k].te <= i && ok(s.actors[k].Match) {
			return s.actors[k].Actor, true
		}
	}
	for k := len(d.history) - 1; k >= 0 && len(d.history)-k <= 12; k-- {
		if ok(d.history[k]) {
			return d.history[k].Actor, true
		}
	}
	return model.Actor{}, false
}

// plural returns the latest actors of two or more countries named
// together ("the Syrian regime and its backer Russia") before token i of
// s, in s or in the sentence before: what "them" refers to.
func (d *doc) plural(s *sent, i int) []model.Actor {
	si := -1
	for k, x := range d.sents {
		if x == s {
			si = k
		}
	}
	for j := si; j >= 0 && j >= si-1; j-- {
		x := d.sents[j]
		var best []model.Actor
		for k := 0; k < len(x.actors); k++ {
			if j == si && x.actors[k].te > i {
				break
			}
			a, ok := d.resolve(x, k)
			if !ok || a.Country == "" {
				continue
			}
			run := []model.Actor{a}
			for k+1 < len(x.actors) && isConj(x.words[x.actors[k].te:x.actors[k+1].ts]) {
				b, ok := d.resolve(x, k+1)
				if !ok || b.Country == "" {
					break
				}
				run = append(run, b)
				k++
			}
			if len(run) >= 2 && run[0].Country != run[1].Country {
				best = run
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// beforeAddressee returns where the antecedent of a pronoun at token i is
// looked for: in "X notified Y and Z that it objected" or "X told Y that
// he would", the pronoun of the reported clause is the one telling, so the
// addressees right before "that" are passed over.
func (s *sent) beforeAddressee(i int) int {
	if i < 2 || s.words[i-1] != "that" {
		return i
	}
	k, ok := s.actorEndingAt(i - 2)
	if !ok || s.actors[k].te != i-1 {
		return i
	}
	for k > 0 && isConj(s.words[s.actors[k-1].te:s.actors[k].ts]) {
		k--
	}
	if s.actors[k].ts == 0 {
		return i
	}
	return s.actors[k].ts
}

// pluralNoun reports a name whose last word is a regular plural: "Syrian
// refugees", "government forces".
func pluralNoun(name string) bool {
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// subjectBefore returns the subject of the sentence before s when the
// pronoun at token i is the first actor of s and stands for a plural
// ("they"): "Syrian troops, backed by Russian warplanes, began their
// push. In May they captured the towns" - they are the troops, not the
// warplanes named last.
func (d *doc) subjectBefore(s *sent, i int, kinds []actor.Kind) (model.Actor, bool) {
	if s.words[i] != "they" {
		return model.Actor{}, false
	}
	for _, m := range s.actors {
		if m.ts < i {
			return model.Actor{}, false
		}
	}
	si := slices.Index(d.sents, s)
	if si < 1 {
		return model.Actor{}, false
	}
	p := d.sents[si-1]
	for k, m := range p.actors {
		if m.ts > 0 && (p.afterPreposition(m.ts) || p.words[m.ts-1] == "of" || p.words[m.ts-1] == "by") {
			continue
		}
		if !slices.Contains(kinds, m.Kind) {
			return model.Actor{}, false
		}
		if a, ok := d.resolve(p, k); ok && a.Country != "" {
			return a, true
		}
		return model.Actor{}, false
	}
	return model.Actor{}, false
}

// otherPerson returns the latest person named before sentence s who is
// none of the people s names before token i: the one "him" refers to
// when the subject is named ("Haftar told him").
func (d *doc) otherPerson(s *sent, i int) (model.Actor, bool) {
	var here []string
	for _, m := range s.actors {
		if m.ts < i {
			here = append(here, m.Actor.ID)
		}
	}
	for k := len(d.history) - 1; k >= 0 && len(d.history)-k <= 12; k-- {
		m := d.history[k]
		if m.Kind == actor.KindPerson && m.Actor.Country != "" && !slices.Contains(here, m.Actor.ID) {
			return m.Actor, true
		}
	}
	return model.Actor{}, false
}
