package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Acts whose agent the sentence does not name take it from the events
// just before, as a reader does: "Several ministers were also detained"
// after "the military seized power", "the deal was signed on Thursday"
// after "the two sides agreed", "the fighting has displaced a million
// people" in a story of one side's offensive. The agent must be near: an
// event of the same sentence or of the contextWindow sentences before.

// contextWindow is how many sentences back an agent is looked for.
const contextWindow = 2

// recentEvent returns the latest event among out (this sentence's so far)
// and the article's events of the sentences just before si whose root is
// at least low and at most high.
func (d *doc) recentEvent(si int, out []coded, low, high string) (coded, bool) {
	ok := func(e *coded) bool {
		r := model.RootOf(e.code)
		return r >= low && r <= high
	}
	for k := len(out) - 1; k >= 0; k-- {
		if ok(&out[k]) {
			return out[k], true
		}
	}
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
		if e.sent < si-contextWindow {
			break
		}
		if e.sent < si && ok(e) {
			return *e, true
		}
	}
	return coded{}, false
}

// agreementNouns name a signed text: "the deal was signed".
var agreementNouns = set("deal", "agreement", "accord", "accords", "declaration", "document",
	"memorandum", "protocol", "treaty", "truce", "ceasefire", "pact", "deals", "agreements")

// contextPassive gives the parties of an agentless passive at t from the
// events around it: acts of force and coercion take the latest such act's
// source, and a signed agreement the parties of the latest agreement.
// subj holds the passive's subject actors (the ones acted upon).
func (d *doc) contextPassive(s *sent, si int, out []coded, t coding.Trigger, lo int, subj []model.Actor) ([]model.Actor, []model.Actor) {
	w := s.words
	if t.End < len(w) && w[t.End] == "by" || countedVictims(w, lo, t) {
		// "hit by two drones" names an agent we cannot place; "313
		// people were killed" is a toll, which is sourcing (R3).
		return nil, nil
	}
	switch r := t.Entry.Root(); {
	case r >= "17":
		e, ok := d.recentEvent(si, out, "17", "20")
		if !ok {
			return nil, nil
		}
		if len(subj) == 0 {
			switch {
			case e.tgt != nil:
				subj = []model.Actor{*e.tgt}
			case r == "17":
				// "ministers were detained" after a coup: people of the
				// country the coercing side rules.
				subj = []model.Actor{model.NewActor(e.src.Country, e.src.Country, model.RoleNone)}
			default:
				return nil, nil
			}
		}
		return []model.Actor{e.src}, subj
	case r == "05":
		if !subjectNoun(s.words, lo, t.Head, &agreementNouns) {
			return nil, nil
		}
		e, ok := d.recentEvent(si, out, "05", "05")
		if !ok || e.tgt == nil {
			return nil, nil
		}
		return []model.Actor{e.src}, []model.Actor{*e.tgt}
	}
	return nil, nil
}

// subjectNoun reports one of nouns among the few words before head in its
// clause: "The deal was signed".
func subjectNoun(w []string, lo, head int, nouns *wordSet) bool {
	for i := head - 1; i >= lo && head-i <= 6; i-- {
		if nouns.has(w[i]) {
			return true
		}
	}
	return false
}

// displacementLemmas open the patterns of forced displacement.
var displacementLemmas = set("flee", "displace", "=displaced", "=fled", "force", "drive", "uproot")

// displacement reports a trigger of forced displacement.
func displacement(e *coding.Entry) bool {
	if e.Root() != "17" {
		return false
	}
	first, _, _ := strings.Cut(e.Pattern, " ")
	return displacementLemmas.has(first)
}

// displaced gives the parties of a displacement whose cause is no actor
// ("the fighting has displaced a million Syrians", "people have fled"):
// following PLOVER, the source is the side waging the war, the target the
// displaced civilians. Their country comes from the sentence (a demonym,
// a place), else from the latest act of force; the side is the one of
// the recent acts of force from that country (a government's offensive
// at home), else the latest one's source.
func (d *doc) displaced(s *sent, si int) ([]model.Actor, []model.Actor) {
	country := ""
	for _, m := range s.actors {
		if m.Actor.Country == "" || m.Actor.Country == model.CountryIGO {
			continue
		}
		if m.Actor.Role == model.RoleCVL || m.Kind == actor.KindPlace || m.Kind == actor.KindState && m.ts > 0 && notSubjectBefore.has(s.words[m.ts-1]) {
			country = m.Actor.Country
			break
		}
	}
	if country == "" {
		// "More than 200,000 people have fled" right after "Syrians
		// displaced by the fighting": the same flight from the same war.
		for k := len(d.done) - 1; k >= 0; k-- {
			e := &d.done[k]
			if e.sent < si-contextWindow {
				break
			}
			if e.sent < si && e.tgt != nil && e.tgt.Role == model.RoleCVL && model.RootOf(e.code) == "17" {
				return []model.Actor{e.src}, []model.Actor{*e.tgt}
			}
		}
	}
	if country == "" {
		// The displaced are people of the country the war is in.
		country = d.homeCountry(si, "")
	}
	var last *coded
	var home *coded
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
		if r := model.RootOf(e.code); r < "18" || e.sent >= si {
			continue
		}
		if last == nil {
			last = &d.done[k]
			if country == "" && e.tgt != nil {
				country = e.tgt.Country
			}
		}
		if country != "" && e.src.Country == country {
			home = &d.done[k]
			break
		}
	}
	if last == nil || country == "" {
		return nil, nil
	}
	src := last.src
	switch {
	case home != nil:
		src = home.src
	case last.src.Country != country:
		// No act of force of the displaced people's own state was told,
		// yet it is their state's war more often than a foreign one's:
		// "the fighting has displaced a million Syrians" after Turkish
		// strikes on Syrian forces.
		if a, ok := d.stateActor(country); ok {
			src = a
		}
	}
	return []model.Actor{src}, []model.Actor{model.NewActor(country+" civilians", country, model.RoleCVL)}
}

// allCivilian reports that no actor of as is more than a civilian: the
// displaced themselves ("Syrians fled") are not the cause.
func allCivilian(as []model.Actor) bool {
	for _, a := range as {
		if a.Role != model.RoleCVL {
			return false
		}
	}
	return true
}

// casualtyLemmas are the verbs of a death or injury toll.
var casualtyLemmas = set("kill", "wound", "injure", "die", "hit", "hurt")

// countedVictims reports a casualty verb whose subject is counted ("more
// than 600 people have been killed").
func countedVictims(w []string, lo int, t coding.Trigger) bool {
	first, _, _ := strings.Cut(t.Entry.Pattern, " ")
	if !casualtyLemmas.has(strings.TrimPrefix(first, "=")) {
		return false
	}
	for i := lo; i < t.Head; i++ {
		if isNumber(w[i]) || w[i] == "no" || w[i] == "dozens" || w[i] == "hundreds" || w[i] == "thousands" || w[i] == "scores" {
			return true
		}
	}
	return false
}

// casualtyWords introduce the victims of an attack after it: "a strike
// that killed 33 Turkish soldiers", "shelling Kharkiv, killing two
// Ukrainian civilians".
var casualtyWords = set("killed", "killing", "wounded", "wounding", "injured", "injuring")

// victims finds the actors hurt by an act of force, named after a
// casualty word in [from, hi): the side they belong to is the target.
func (d *doc) victims(s *sent, from, hi int) []model.Actor {
	for i := from; i < hi && i < from+12; i++ {
		if casualtyWords.has(s.words[i]) {
			return d.agents(s, i+1, min(hi, i+7))
		}
	}
	return nil
}

// stateActor returns the latest government or military actor of country
// c named in the article so far.
func (d *doc) stateActor(c string) (model.Actor, bool) {
	for k := len(d.history) - 1; k >= 0; k-- {
		a := d.history[k].Actor
		if a.Country == c && (a.Role == model.RoleGOV || a.Role == model.RoleMIL) {
			return a, true
		}
	}
	return model.Actor{}, false
}
