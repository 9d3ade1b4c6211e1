package extract

import (
	"slices"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/model"
)

// Source and target assignment works on token positions: the source is
// the nearest actor before the trigger in its clause (skipping relative
// clauses such as ", which backs Hamas,"), the target the nearest actor
// after it, and coordinated actors ("Russia and Turkey") are expanded so
// that each yields its own event.
// pronounKinds says which actor kinds each pronoun can stand for.
var pronounKinds = map[string][]actor.Kind{
	"he": {actor.KindPerson}, "she": {actor.KindPerson}, "his": {actor.KindPerson},
	"her": {actor.KindPerson}, "him": {actor.KindPerson},
	"it":    {actor.KindState, actor.KindMetonym, actor.KindOrg, actor.KindGroup, actor.KindAgent},
	"its":   {actor.KindState, actor.KindMetonym, actor.KindOrg, actor.KindGroup, actor.KindAgent},
	"they":  {actor.KindGroup, actor.KindAgent, actor.KindState, actor.KindOrg},
	"their": {actor.KindGroup, actor.KindAgent, actor.KindState, actor.KindOrg},
}

// notSubjectBefore are words after which an actor is a place or an object,
// not the one acting: "in Idlib", "against Russia".
var notSubjectBefore = set("in", "into", "at", "near", "against", "on", "to", "toward", "towards",
	"across", "inside", "outside", "around", "over", "with", "through", "for")

// afterPreposition reports a preposition of notSubjectBefore before token
// i, past an article or a direction ("in the Kremlin", "in northwestern
// Syria"): the name there is a place or an object, not the one acting.
func (s *sent) afterPreposition(i int) bool {
	j := i - 1
	for j >= 0 && j >= i-2 && (s.words[j] == "the" || compassWords.has(s.words[j])) {
		j--
	}
	return j >= 0 && notSubjectBefore.has(s.words[j])
}

// compassWords may stand between a preposition and a place.
var compassWords = set("north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"northwestern", "northeastern", "southwestern", "southeastern", "north-western", "north-eastern",
	"south-western", "south-eastern", "central")

// actorAt returns the mention ending at token i (inclusive), if any.
func (s *sent) actorEndingAt(i int) (int, bool) {
	for k, m := range s.actors {
		if m.ts <= i && i < m.te {
			return k, true
		}
	}
	return 0, false
}

// insideName reports token i inside the name of an actor: "Ban" in "Ban
// Ki-moon" or "Support" in "Rapid Support Forces" is no trigger. Generic
// agents ("peacekeeping forces") are left out, as their words may be acts.
func (s *sent) insideName(i int) bool {
	for _, m := range s.actors {
		if m.ts <= i && i < m.te {
			switch m.Kind {
			case actor.KindPerson, actor.KindOrg, actor.KindGroup, actor.KindState, actor.KindMetonym:
				return true
			}
		}
	}
	return false
}

// hasActorAt reports a mention starting at token i.
func (s *sent) hasActorAt(i int) bool {
	for _, m := range s.actors {
		if m.ts == i {
			return true
		}
	}
	return false
}

// subject finds the actors acting at head, scanning left no further than
// lo. It returns nil when there is none.
func (d *doc) subject(s *sent, head, lo int) []model.Actor {
	w := s.words
	for i := head - 1; i >= lo; i-- {
		if w[i] == "," {
			// Skip a relative clause (", which backs Hamas,") or a
			// participle (", backed by Russian air power,") before the
			// verb.
			for q := i - 1; q >= lo; q-- {
				if w[q] == "," {
					if relatives.has(w[q+1]) || q+2 < i && pastForm(w[q+1]) && w[q+2] == "by" || s.possessiveAppositive(q, i) {
						i = q
					}
					break
				}
			}
			continue
		}
		if k, ok := s.actorEndingAt(i); ok {
			m := s.actors[k]
			if m.Kind == actor.KindPronoun {
				if sp := d.speakerPronoun(s, m.ts); len(sp) > 0 {
					return sp
				}
			}
			if s.afterPreposition(m.ts) {
				i = m.ts
				continue
			}
			a, ok := d.resolve(s, k)
			if ok && (a.Country == "" || m.Inferred) && m.Kind == actor.KindAgent {
				// "40 armoured vehicles had crossed into Ukraine from
				// Russia": where forces of no named country came from
				// is whose they are.
				if from, ok := d.cameFrom(s, head); ok {
					return []model.Actor{from}
				}
			}
			if !ok || a.Country == "" {
				// A place, or an actor we cannot place ("gunships"): the
				// one acting may stand further left.
				i = m.ts
				continue
			}
			return append(d.coordLeft(s, k, lo), a)
		}
		if pair := d.pairAt(s, i, head); pair != nil {
			return pair
		}
		if kinds, ok := pronounKinds[w[i]]; ok && w[i] != "him" {
			if sp := d.speakerPronoun(s, i); len(sp) > 0 {
				return sp
			}
			if a, ok := d.subjectBefore(s, i, kinds); ok {
				return []model.Actor{a}
			}
			if a, ok := d.antecedentOf(s, s.beforeAddressee(i), kinds, singularPronouns.has(w[i])); ok {
				return []model.Actor{a}
			}
		}
	}
	return nil
}

// speakerPronoun returns the speakers a pronoun at token i stands for
// when it opens the clause a reporting verb introduces: in "Kenya and
// Uganda said on Friday that they ..." "they" are the two parties
// speaking, and in "X said (afterwards) that he ..." "he" is the person
// X. It returns nil for any other pronoun or place.
func (d *doc) speakerPronoun(s *sent, i int) []model.Actor {
	w := s.words
	p := w[i]
	if p != "they" && p != "he" && p != "she" {
		return nil
	}
	sp := d.reportingParties(s, i)
	switch {
	case p == "they" && len(sp) >= 2:
		return sp
	case p != "they" && len(sp) == 1 && s.namesPerson(sp[0]):
		return sp
	}
	return nil
}

// reportingParties returns the subject of a reporting verb that the
// clause at token i opens right after it or its "that" (with no actor,
// comma or trigger between), or nil. A reporting verb coordinated after
// another predicate ("X flew to Y to meet Z, and said that ...") has its
// subject far back, past other names: nil then too.
func (d *doc) reportingParties(s *sent, i int) []model.Actor {
	w := s.words
	for _, h := range s.says {
		if h >= i || i-h > 6 || i-h > 1 && w[i-1] != "that" {
			continue
		}
		for j := h + 1; j < i; j++ {
			if w[j] == "," || s.hasActorAt(j) || slices.Contains(s.heads, j) {
				return nil
			}
		}
		chain, _, _ := auxChain(w, h)
		if chain > 0 && (w[chain-1] == "and" || w[chain-1] == "but") {
			return nil
		}
		return d.subject(s, chain, clauseStart(w, h))
	}
	return nil
}

// namesPerson reports a person named in s who is actor a.
func (s *sent) namesPerson(a model.Actor) bool {
	for _, m := range s.actors {
		if m.Kind == actor.KindPerson && m.Actor.ID == a.ID {
			return true
		}
	}
	return false
}

// coordLeft returns the actors coordinated before mention k ("Russia and"
// in "Russia and Turkey"), in text order.
func (d *doc) coordLeft(s *sent, k, lo int) []model.Actor {
	// The conjuncts are met right to left; the result is cut from the
	// doc's slab with room for the one actor callers append, so that a
	// subject costs no allocation of its own.
	var buf [4]model.Actor
	rev := buf[:0]
	for k > 0 {
		m, p := s.actors[k], s.actors[k-1]
		gap := s.words[p.te:m.ts]
		if p.ts < lo || !isConj(gap) || s.afterPreposition(p.ts) {
			// "Saudi Arabia's ambassador to Yemen, Mohammed Al-Jaber,
			// said": a name after a preposition is no conjunct.
			break
		}
		a, ok := d.resolve(s, k-1)
		if !ok {
			break
		}
		rev = append(rev, a)
		k--
	}
	out := carve(&d.actorSlab, len(rev)+1, 16)
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return out
}

// object finds the actors acted upon after token from, before to. Places
// count ("bombed Idlib" hits Syria), as the target of an act is often
// named by where it lands.
func (d *doc) object(s *sent, from, to int) []model.Actor {
	return d.actorsAfter(s, from, to, true)
}

// agents finds the actors after token from, before to, places excluded.
func (d *doc) agents(s *sent, from, to int) []model.Actor {
	return d.actorsAfter(s, from, to, false)
}

func (d *doc) actorsAfter(s *sent, from, to int, places bool) []model.Actor {
	return d.actorsAfterBy(s, from, to, places, true)
}

// actorsAfterBy is actorsAfter passing over agents whose country is only
// the story's guess ("sent thousands of troops") unless guessed is set.
func (d *doc) actorsAfterBy(s *sent, from, to int, places, guessed bool) []model.Actor {
	p := from
	if p < to && s.words[p] == "the" {
		p++
	}
	// "mediate between the two sides": a pair named before any actor.
	for i := p; i < to && i < p+8; i++ {
		if s.words[i] == "," || s.hasActorAt(i) {
			break
		}
		if pair := d.pairAt(s, i, to); pair != nil {
			return pair
		}
	}
	if places && p < to && placeAnaphors.has(s.words[p]) && p > from && s.words[p-1] == "the" && !s.hasActorAt(p+1) &&
		!(p+1 < len(s.words) && s.words[p+1] == "of") {
		// "advanced on the capital", "visited the city": the place the
		// story has just named.
		if a, ok := d.latestPlace(s, p); ok {
			return []model.Actor{a}
		}
		return nil
	}
	if p+1 < to && ownPeople.has(s.words[p+1]) && !s.hasActorAt(p) && !s.hasActorAt(p+1) {
		// "urged her supporters", "told his compatriots": the people of
		// the one the possessive refers to.
		if kinds, ok := pronounKinds[s.words[p]]; ok && conjPossessive.has(s.words[p]) {
			if a, ok := d.antecedent(s, p, kinds); ok && a.Country != model.CountryIGO {
				return []model.Actor{model.NewActor(a.Country+" "+s.words[p+1], a.Country, model.RoleCVL)}
			}
		}
	}
	if p < to && p > 0 && tellVerbs.has(s.words[p-1]) && (s.words[p] == "him" || s.words[p] == "her") && !s.hasActorAt(p) {
		// "Haftar told him that": the person named before, other than
		// the one in this sentence doing the telling.
		if a, ok := d.otherPerson(s, p); ok {
			return []model.Actor{a}
		}
		return nil
	}
	if p < to && s.words[p] == "them" && !s.hasActorAt(p) {
		// "He urged them to halt": the group just named together.
		return d.plural(s, p)
	}
	agent := false
	for k, m := range s.actors {
		if m.ts < from || m.ts >= to {
			continue
		}
		if m.ts-from > 9 || hasComma(s.words[from:m.ts]) && !(agent && isConj(s.words[s.actors[k-1].te:m.ts])) {
			// The object of a verb comes before any comma: "welcomed the
			// truce, and thanked Egypt" does not welcome Egypt.
			return nil
		}
		if m.ts > from && s.words[m.ts-1] == "by" || agent && isConj(s.words[s.actors[k-1].te:m.ts]) {
			// An agent inside the object's span: "strikes by X and Y"
			// names who struck, not whom.
			agent = true
			continue
		}
		agent = false
		if m.Kind == actor.KindAgent && m.Inferred && !guessed {
			continue
		}
		if m.Kind == actor.KindAgent && m.ts > 0 && conjPossessive.has(s.words[m.ts-1]) && !s.hasActorAt(m.te) {
			// "sent reinforcements to its observation posts": the
			// actor's own units are not the one acted upon.
			continue
		}
		k = s.phraseHead(k)
		a, ok := d.resolveAs(s, k, places)
		if !ok || a.Country == "" {
			continue
		}
		out := []model.Actor{a}
		for j := k + 1; j < len(s.actors) && s.actors[j].ts < to; j++ {
			if !isConj(s.words[s.actors[j-1].te:s.actors[j].ts]) || s.speaksAt(s.actors[j].te) {
				// "agreed to a truce in Hodeidah, Guterres announced":
				// the one speaking after a comma is no object.
				break
			}
			if b, ok := d.resolveAs(s, j, places); ok && b.Country != "" {
				out = append(out, b)
			}
		}
		return out
	}
	return nil
}

// phraseHead returns the mention naming the actor of the noun phrase that
// mention k opens: "the forces of President Assad" is Assad's side, "its
// Nato ally Turkey" is Turkey. A generic agent before "of" takes the
// actor after it; an actor before a partner noun ("ally", "partner")
// only modifies the name that follows.
func (s *sent) phraseHead(k int) int {
	if k+1 >= len(s.actors) {
		return k
	}
	m, n := s.actors[k], s.actors[k+1]
	gap := s.words[m.te:n.ts]
	switch {
	case m.Kind == actor.KindAgent && len(gap) >= 1 && len(gap) <= 2 && gap[0] == "of" &&
		(len(gap) == 1 || gap[1] == "the") && n.Kind != actor.KindPlace:
		return k + 1
	case len(gap) == 1 && partnerNouns.has(gap[0]):
		return k + 1
	}
	return k
}

func hasComma(words []string) bool {
	for _, w := range words {
		if w == "," {
			return true
		}
	}
	return false
}

// agentAfter finds "by Y" among the tokens [from, to).
func (d *doc) agentAfter(s *sent, from, to int) []model.Actor {
	for i := from; i < to && i < len(s.words); i++ {
		if s.words[i] != "by" {
			continue
		}
		if acts := d.agents(s, i+1, min(to, i+6)); len(acts) > 0 {
			return acts
		}
		return nil
	}
	return nil
}

// isConj reports whether the words between two actors join them: "and",
// ",", "or", "as well as", with an optional article.
func isConj(gap []string) bool {
	if len(gap) == 0 || len(gap) > 4 {
		return false
	}
	joined := false
	for _, w := range gap {
		switch {
		case w == "and" || w == "," || w == "or" || w == "&":
			joined = true
		case w == "the" || w == "both" || conjPossessive.has(w) || partnerNouns.has(w):
		default:
			return false
		}
	}
	return joined
}

// conjPossessive and partnerNouns may stand between two coordinated
// actors: "Putin and his Turkish counterpart Erdogan", "Hamas and its
// ally Islamic Jihad".
var (
	conjPossessive = set("his", "her", "its", "their")
	partnerNouns   = set("ally", "allies", "counterpart", "counterparts", "backer", "backers",
		"partner", "partners", "patron", "proxy", "proxies")
)

// resolve returns the actor of mention k: places are not actors, and
// pronouns and short forms ("he", "the ministry") count only when the
// actor package resolved them.
func (d *doc) resolve(s *sent, k int) (model.Actor, bool) {
	return d.resolveAs(s, k, false)
}

// resolveAs is resolve, taking places as actors of their country when
// places is set.
func (d *doc) resolveAs(s *sent, k int, places bool) (model.Actor, bool) {
	m := s.actors[k]
	switch m.Kind {
	case actor.KindPlace:
		if places && m.Actor.Country != "" {
			return model.NewActor(m.Actor.Country, m.Actor.Country, model.RoleNone), true
		}
		return model.Actor{}, false
	case actor.KindPronoun:
		return m.Actor, m.Resolved
	case actor.KindAgent:
		if (m.Actor.Country == "" || m.Inferred) && m.ts > 0 && conjPossessive.has(s.words[m.ts-1]) {
			// "Russia's defence ministry said its forces were": the
			// forces of the one "its" refers to, not the story's guess.
			p := s.words[m.ts-1]
			if a, ok := d.antecedentOf(s, m.ts-1, pronounKinds[p], singularPronouns.has(p)); ok && a.Country != model.CountryIGO {
				return model.NewActor(m.Text, a.Country, m.Actor.Role), true
			}
		}
		if m.Actor.Country == "" && m.ts > 0 && definite.has(s.words[m.ts-1]) && thirdParties.has(s.words[m.te-1]) {
			// "the mediators" stand between the sides: the body that
			// brokered, not the latest government named.
			if a, ok := d.latestIGO(s, m.ts); ok {
				return a, true
			}
			return m.Actor, true
		}
		if m.Actor.Country == "" && m.ts > 0 && definite.has(s.words[m.ts-1]) {
			// "the coalition" after "the Saudi-led coalition": the latest
			// mention with the same head and a country.
			if a, ok := d.sameHead(s, m.ts, s.words[m.te-1]); ok {
				return model.NewActor(m.Text, a.Country, m.Actor.Role), true
			}
		}
		if m.Actor.Country == "" && m.ts > 0 && definite.has(s.words[m.ts-1]) {
			// "the junta", "its army": the latest actor of the same role.
			if a, ok := d.sameRole(s, m.ts, m.Actor.Role); ok {
				return model.NewActor(m.Text, a.Country, m.Actor.Role), true
			}
		}
	}
	return m.Actor, true
}

// definite are the words that make a bare agent refer back: "the army".
var definite = set("the", "its", "their", "his", "her")

// cameFrom returns the state named after "from" within the few words
// after the verb at head: "crossed into Ukraine from Russia".
func (d *doc) cameFrom(s *sent, head int) (model.Actor, bool) {
	for i := head + 1; i+1 < len(s.words) && i <= head+8; i++ {
		if s.words[i] == "," || s.words[i] == "that" {
			break
		}
		if s.words[i] != "from" {
			continue
		}
		for k, m := range s.actors {
			if m.ts == i+1 && m.Kind == actor.KindState {
				if a, ok := d.resolve(s, k); ok {
					return a, true
				}
			}
		}
	}
	return model.Actor{}, false
}

// speaksAt reports a reporting verb at token i, after an optional adverb:
// the mention before it is a speaker ("..., the UN said").
func (s *sent) speaksAt(i int) bool {
	if i < len(s.words) && adverbLike(s.words[i]) {
		i++
	}
	return slices.Contains(s.says, i)
}

// possessiveAppositive reports that the words between the commas at q and
// i describe the actor before q by its tie to another one: "China,
// Myanmar's most important neighbour, urged": Myanmar is no subject.
func (s *sent) possessiveAppositive(q, i int) bool {
	if q == 0 {
		return false
	}
	if _, ok := s.actorEndingAt(q - 1); !ok {
		return false
	}
	for _, m := range s.actors {
		if m.ts == q+1 {
			return m.te+1 < i && s.words[m.te] == "'s"
		}
	}
	return false
}
