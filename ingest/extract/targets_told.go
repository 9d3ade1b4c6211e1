package extract

import (
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Targets named indirectly: the one answered, requested by, told,
// judged or left, found by the phrase that names them rather than by the
// slot after the verb.

// answered returns the one a threatened response answers ("the ministry
// was preparing a response", "vowed retaliation"): the other party of
// the source's latest act of force, else of its latest exchange.
func (d *doc) answered(s *sent, t coding.Trigger) []model.Actor {
	if t.Entry.Root() != "13" {
		return nil
	}
	answer := func(w string) bool {
		return strings.Contains(w, "respon") || strings.Contains(w, "retaliat") || strings.Contains(w, "reveng") ||
			strings.Contains(w, "vengeance")
	}
	found := answer(t.Entry.Pattern)
	for i := t.End; i < len(s.words) && i < t.End+4 && !found; i++ {
		// "vowed mighty vengeance": the answer named after the verb.
		found = answer(s.words[i])
	}
	if !found {
		return nil
	}
	return d.subjectsPartner(s, t, true)
}

// relativeObject returns X of "X, which Y accuses of ...", "X, whom Y
// attacked": a verb whose subject follows an object relative pronoun acts
// on the pronoun's antecedent.
func (d *doc) relativeObject(s *sent, t coding.Trigger) []model.Actor {
	w := s.words
	chain, _, _ := auxChain(w, t.Head)
	k, ok := s.actorEndingAt(chain - 1)
	if !ok || s.actors[k].te != chain {
		return nil
	}
	r := s.actors[k].ts - 1
	if r >= 0 && w[r] == "the" {
		r--
	}
	if r < 2 || w[r] != "which" && w[r] != "whom" || w[r-1] != "," {
		return nil
	}
	j, ok := s.actorEndingAt(r - 2)
	if !ok || s.actors[j].te != r-1 {
		return nil
	}
	if a, ok := d.resolve(s, j); ok && a.Country != "" {
		return []model.Actor{a}
	}
	return nil
}

// overthrown returns the government of the source's own country as the
// target of a coup with nobody named ("the army seized power in August
// 2020") where the story's context would make it a foreign party: power
// is seized from the state one serves. With no such party the coup keeps
// no target.
func (d *doc) overthrown(s *sent, t coding.Trigger) []model.Actor {
	p := t.Entry.Pattern
	if !strings.HasPrefix(t.Entry.Code, "17") || !strings.Contains(p, "power") && !strings.Contains(p, "coup") {
		return nil
	}
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if len(subj) == 0 || subj[0].Country == "" || subj[0].Country == model.CountryIGO {
		return nil
	}
	c := subj[0].Country
	if allOf(d.partner(slices.Index(d.sents, s), subj[0]), c) {
		return nil
	}
	return []model.Actor{model.NewActor(c+" government", c, model.RoleGOV)}
}

// counterpart returns the actor of "his Armenian counterpart" starting in
// [from, to): an office-holder of the country named, not one of the
// possessor's own units, though a possessive stands before it.
func (d *doc) counterpart(s *sent, from, to int) []model.Actor {
	for k, m := range s.actors {
		if m.ts < from || m.ts >= to || m.Kind != actor.KindAgent || m.Inferred || m.Actor.Country == "" {
			continue
		}
		if w := s.words[m.te-1]; w == "counterpart" || w == "counterparts" {
			if a, ok := d.resolve(s, k); ok {
				return []model.Actor{a}
			}
		}
	}
	return nil
}

// requestNouns name the asking an act of help answers: "at Turkey's
// request", "at the invitation of the government".
var requestNouns = set("request", "requests", "invitation", "behest")

// requester returns X of "at X's request" or "at the request of X" for a
// cooperative act (roots 03 to 08) that names no one it is aimed at: what
// is done at someone's request is done for them ("At Mali's request,
// France pledged aid", "the envoys met at the invitation of Kenya").
func (d *doc) requester(s *sent, t coding.Trigger) []model.Actor {
	if r := t.Entry.Root(); r < "03" || r > "08" {
		return nil
	}
	w := s.words
	for i := 0; i+2 < len(w); i++ {
		if w[i] != "at" && w[i] != "on" && w[i] != "upon" {
			continue
		}
		j := i + 1
		if w[j] == "the" && j+2 < len(w) && requestNouns.has(w[j+1]) && w[j+2] == "of" {
			return d.agents(s, j+3, min(len(w), j+9))
		}
		if w[j] == "the" {
			j++
		}
		for k, m := range s.actors {
			if m.ts != j || m.te+1 >= len(w) || w[m.te] != "'s" || !requestNouns.has(w[m.te+1]) {
				continue
			}
			if a, ok := d.resolve(s, k); ok && a.Country != "" {
				return []model.Actor{a}
			}
		}
	}
	return nil
}

// judgedPronoun returns the other party of the source's latest exchange
// when a judgement's object is "them" or "it" naming no actor: "Iran
// rejected the accusations. Its spokesman called them baseless" answers
// the accuser.
func (d *doc) judgedPronoun(s *sent, t coding.Trigger) []model.Actor {
	r := t.Entry.Root()
	if r != "11" && r != "12" || t.End >= len(s.words) {
		return nil
	}
	i := t.End
	if t.SlotStart >= 0 && t.SlotEnd > t.SlotStart {
		i = t.SlotStart
	}
	if w := s.words[i]; w != "them" && w != "it" || s.hasActorAt(i) {
		return nil
	}
	return d.subjectsPartner(s, t, false)
}

// judgedClause returns the subject of the clause a judgement takes up
// after a comma: "militants were firing on civilians, something he
// called unacceptable", "..., which he described as intolerable".
func (d *doc) judgedClause(s *sent, t coding.Trigger) []model.Actor {
	w := s.words
	r := t.Entry.Root()
	if r != "11" && r != "12" || t.Head < 3 {
		return nil
	}
	if _, ok := pronounKinds[w[t.Head-1]]; !ok || w[t.Head-3] != "," {
		return nil
	}
	switch w[t.Head-2] {
	case "which", "something", "what":
	default:
		return nil
	}
	comma := t.Head - 3
	for k := len(s.trigs) - 1; k >= 0; k-- {
		u := s.trigs[k]
		if u.Head >= comma || u.Entry.Say {
			continue
		}
		chain, _, _ := auxChain(w, u.Head)
		lo := clauseStart(w, u.Head)
		for _, h := range s.says {
			if h < u.Head && h+1 > lo {
				lo = h + 1 // the clause a reporting verb opens
			}
		}
		return d.subject(s, chain, lo)
	}
	return nil
}

// withdrawnFrom corrects the target of a reduction of relations whose
// object is the actor's own ("moved its troops out of Libya", "ended
// American support for the coalition"): what is reduced is aimed at the
// one after "from", "out of", "for" or "with", and an own object alone
// names no target.
func (d *doc) withdrawnFrom(s *sent, t coding.Trigger, hi int, acts []model.Actor) []model.Actor {
	w := s.words
	chain, _, _ := auxChain(w, t.Head)
	subj := d.subject(s, chain, clauseStart(w, t.Head))
	if len(subj) == 0 || !allOf(acts, subj[0].Country) {
		return acts
	}
	own := subj[0].Country
	for i := t.Head + 1; i+1 < hi; i++ {
		if !(w[i] == "from" || w[i] == "for" || w[i] == "with" || w[i] == "of" && w[i-1] == "out") {
			continue
		}
		j := i + 1
		if j < hi && w[j] == "the" && placeAnaphors.has(w[min(j+1, len(w)-1)]) && !s.hasActorAt(j+1) {
			if a, ok := d.placeRef(s, j+1, own); ok {
				return []model.Actor{a}
			}
			continue
		}
		if other := d.object(s, j, min(hi, j+5)); len(other) > 0 && !allOf(other, own) {
			return other
		}
	}
	return nil
}

// allOf reports that every actor of as is of country c.
func allOf(as []model.Actor, c string) bool {
	for _, a := range as {
		if a.Country != c {
			return false
		}
	}
	return true
}

// tellVerbs introduce the ones a reported clause is addressed to.
var tellVerbs = set("told", "tells", "tell", "notified", "notifies", "informed", "informs", "assured",
	"assures", "reminded", "reminds", "warned", "warns", "wrote", "cautioned")

// toldAddressees returns Y and Z of "X told/notified Y and Z that it ...
// <trigger>": the subject of the trigger is a pronoun after the
// addressees of a telling verb, so what it does is done to them.
func (d *doc) toldAddressees(s *sent, t coding.Trigger) []model.Actor {
	w := s.words
	chain, _, _ := auxChain(w, t.Head)
	p := chain - 1
	if p < 2 || w[p-1] != "that" {
		return nil
	}
	if _, ok := pronounKinds[w[p]]; !ok || w[p] == "him" || w[p] == "her" {
		return nil
	}
	k, ok := s.actorEndingAt(p - 2)
	if !ok || s.actors[k].te != p-1 {
		return nil
	}
	first := k
	for first > 0 && isConj(w[s.actors[first-1].te:s.actors[first].ts]) {
		first--
	}
	v := s.actors[first].ts - 1
	for v >= 0 && (w[v] == "the" || adverbLike(w[v])) {
		v--
	}
	if v < 0 || !tellVerbs.has(w[v]) {
		return nil
	}
	var out []model.Actor
	for j := first; j <= k; j++ {
		if a, ok := d.resolve(s, j); ok && a.Country != "" {
			out = append(out, a)
		}
	}
	return out
}

// subjectsPartner returns the other party of the latest earlier event of
// the trigger's subject (see [doc.eventPartner]), or nil when the clause
// names no subject.
func (d *doc) subjectsPartner(s *sent, t coding.Trigger, force bool) []model.Actor {
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if len(subj) == 0 {
		return nil
	}
	return d.eventPartner(slices.Index(d.sents, s), subj[0], force)
}
