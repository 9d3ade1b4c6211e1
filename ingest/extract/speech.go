package extract

// Reported speech: who speaks for which trigger, which attributions only
// source the news, and when a report is the speaker's own statement.

import (
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// emptyReport gives the speaker of reporting verb t and whom the report
// is about when what follows the verb, up to the next predicate, holds no
// act (no trigger counted in it that tells of an act: see [doc.factualAct])
// and the verb has a subject: subj when the verb is coordinated with one
// before, else its own.
func (d *doc) emptyReport(s *sent, t coding.Trigger, counted map[int]bool, subj []model.Actor) ([]model.Actor, []model.Actor, bool) {
	w := s.words
	chain, modal, neg := auxChain(w, t.Head)
	if neg || modal != "" || infinitive(w, t.Head) || quoteBefore(w, t.Head) {
		return nil, nil, false
	}
	end := s.predicateEnd(t.Head, clauseEnd(w, t.End))
	if end-t.End < 3 {
		return nil, nil, false
	}
	planned := false // a counted trigger is an act only if the speaker's own plan
	for _, u := range s.trigs {
		if u.Head < t.End || u.Head >= end {
			continue
		}
		if u.Entry.Say {
			return nil, nil, false
		}
		if !counted[u.Head] {
			if u.Entry.Root() >= "18" && (u.Entry.Noun || s.nounUse(u)) && u.Start-t.End <= 3 {
				// "Residents reported heavy air strikes": violence told
				// by whoever saw it, its agent unnamed, sources the news.
				return nil, nil, false
			}
			continue
		}
		switch factualAct(w, u) {
		case actDone:
			return nil, nil, false
		case actPlanned:
			planned = true
		}
	}
	for i := t.End; i < end; i++ {
		if modalKind(w[i]) == modalOblige || w[i] == "to" && (w[i-1] == "has" || w[i-1] == "have") {
			// "X said Y must Z" is X's demand, coded as such.
			return nil, nil, false
		}
	}
	srcs := subj
	if len(srcs) == 0 {
		srcs = d.subject(s, chain, clauseStart(w, t.Head))
	}
	if len(srcs) == 0 {
		return nil, nil, false
	}
	if planned && d.ownPlan(s, t.End, end, counted, srcs) {
		return nil, nil, false
	}
	if w[t.Head] == "told" || w[t.Head] == "tell" || w[t.Head] == "tells" {
		return srcs, d.addressee(s, t), true
	}
	return srcs, d.aboutActor(s, t.End, end, srcs), true
}

// What a counted trigger inside a report tells of (see [factualAct]).
const (
	actNone    = iota // no act: a purpose, a duty, what may happen
	actDone           // an act done, or a threat on a condition
	actPlanned        // what its subject will do: an act when the speaker's own
)

// factualAct tells what a trigger u inside a report tells of: not an act
// when a purpose or a duty ("the deal commits both forces to allow ..."),
// an act named after a preposition ("would take part in monitoring") or
// what may happen ("Y could strike"); an announced plan is an act only of
// the speaker's own side ("Ankara would take part" is Baku's statement,
// not an act). A report of no act is the speaker's statement.
func factualAct(w []string, u coding.Trigger) int {
	if readyTo(w, u.Head) {
		return actDone
	}
	if _, ok := carrierVerb(w, u.Head, u.Entry.Root()); ok {
		return actDone
	}
	if infinitive(w, u.Head) || listInfinitive(w, u) || modalList(w, u) || gerundObject(w, u.Head) ||
		conditional(w, clauseStart(w, u.Head), u.Head) {
		return actNone
	}
	chain, modal, neg := auxChain(w, u.Head)
	if futureTime(w, chain) {
		return actNone
	}
	switch modalKind(modal) {
	case modalMaybe, modalFuture:
		if conditionalThreat(u.Entry.Code) != "" && !neg && conditionAfter(w, u.End) {
			// "Y will strike unless ...": a threat.
			return actDone
		}
		if modalKind(modal) == modalMaybe {
			return actNone
		}
		return actPlanned
	}
	return actDone
}

// futureTime reports a verb group at chain in a clause of time ("when
// they met", "once it was signed") after a clause of "would" or "will":
// its past tense tells of the future of the time reported ("would
// discuss it when they met"), no act done.
func futureTime(w []string, chain int) bool {
	j := -1
	for i := chain - 1; i >= 0 && chain-i <= 4; i-- {
		if timeConjunctions.has(w[i]) {
			j = i
			break
		}
		if w[i] == "," || w[i] == "that" {
			return false
		}
	}
	for i := j - 1; i >= 0 && j-i <= 12; i-- {
		switch w[i] {
		case ",", ";", ":", ".":
			return false
		case "would", "will", "'ll":
			return true
		}
	}
	return false
}

var timeConjunctions = set("when", "once", "until", "before", "after", "whenever")

// ownPlan reports a plan among the counted triggers in [from, to) whose
// subject is of the country of srcs, or has none named: "X said it would
// withdraw" announces X's own act.
func (d *doc) ownPlan(s *sent, from, to int, counted map[int]bool, srcs []model.Actor) bool {
	w := s.words
	for _, u := range s.trigs {
		if u.Head < from || u.Head >= to || !counted[u.Head] || factualAct(w, u) != actPlanned {
			continue
		}
		chain, _, _ := auxChain(w, u.Head)
		subj := d.subject(s, chain, clauseStart(w, u.Head))
		if len(subj) == 0 || sameCountry(subj, srcs) {
			return true
		}
	}
	return false
}

// aboutActor returns the first actor of another country than srcs named
// in [from, to) other than as a place or the object of a trigger: whom a
// statement is about ("said Putin still wanted ..."). A generic agent whose country
// is only the story's guess ("both forces", "civilians") names no party a
// statement is aimed at; one with its country named ("the Turkish
// troops") does.
func (d *doc) aboutActor(s *sent, from, to int, srcs []model.Actor) []model.Actor {
	for k, m := range s.actors {
		if m.ts < from || m.ts >= to || m.Kind == actor.KindPlace || m.Kind == actor.KindAgent && m.Inferred {
			continue
		}
		if m.ts > 0 && s.trigAt(m.ts-1) {
			continue
		}
		a, ok := d.resolve(s, k)
		if !ok || a.Country == "" || sameCountry([]model.Actor{a}, srcs) {
			continue
		}
		return []model.Actor{a}
	}
	return nil
}

// trigAt reports a trigger ending at token i other than a reporting
// verb: "said Sudan could attack" is about Sudan.
func (s *sent) trigAt(i int) bool {
	for _, u := range s.trigs {
		if u.End == i+1 && !u.Entry.Say {
			return true
		}
	}
	return false
}

// speakers maps the head of each trigger reported by a reporting verb to
// the actors speaking: "X said (that) ... Z" and "..., X said". The
// second map marks the triggers a closing attribution ("..., X said")
// owns: what they report is the clause's own news, whose subject acts.
//
// The maps are the doc's, cleared for each sentence: a sentence's coding
// allocates none of them.
func (d *doc) speakers(s *sent, trigs []coding.Trigger) (map[int][]model.Actor, map[int]bool) {
	if d.speech.by == nil {
		d.speech.by, d.speech.sourced = map[int][]model.Actor{}, map[int]bool{}
	}
	out, sourced := d.speech.by, d.speech.sourced
	clear(out)
	clear(sourced)
	for k, t := range trigs {
		if !t.Entry.Say {
			continue
		}
		chain, _, _ := auxChain(s.words, t.Head)
		sp := d.subject(s, chain, clauseStart(s.words, t.Head))
		// After a quotation ('"...," Peskov told reporters') the speaker
		// owns what came before.
		trailing := quoteBefore(s.words, t.Head)
		tail := closingAttribution(s.words, trigs, k, chain)
		if len(sp) == 0 {
			// "..., the Kremlin said" or "..., said Peskov".
			sp = d.agents(s, t.End, min(len(s.words), t.End+4))
			trailing = true
		}
		if len(sp) == 0 {
			continue
		}
		trailing = trailing || tail
		for j, c := range trigs {
			if j == k || c.Entry.Say {
				continue
			}
			if c.Head > t.Head {
				if c.Entry.Adj && attributive(s.words, c) && actBetween(trigs, t.Head, c.Head) {
					// "told reporters that the operation aimed to purge
					// the cities of illegitimate forces": a word of
					// judgement describing what a reported act is done
					// to is part of that act, no judgement of its own.
					delete(out, c.Head)
					continue
				}
				// The nearest reporting verb before a trigger speaks for
				// it: in "X said A, while Y said B" Y reports B.
				out[c.Head], sourced[c.Head] = sp, false
			} else if _, taken := out[c.Head]; trailing && !taken {
				out[c.Head], sourced[c.Head] = sp, tail
			}
		}
	}
	return out, sourced
}

// actBetween reports a trigger of an act (no reporting verb, no
// adjective) with its head in (from, to).
func actBetween(trigs []coding.Trigger, from, to int) bool {
	for _, u := range trigs {
		if u.Head > from && u.Head < to && !u.Entry.Say && !u.Entry.Adj {
			return true
		}
	}
	return false
}

// speech is the per-sentence state of [doc.speakers], kept on the doc so
// that its maps are made once per article.
type speech struct {
	by      map[int][]model.Actor
	sourced map[int]bool
}

// closingAttribution reports a reporting verb (trigger k, its verb group
// starting at chain) that closes the sentence after a comma and a short
// speaker phrase: "..., the Albanian embassy said on Monday". Nothing it
// governs follows it.
func closingAttribution(w []string, trigs []coding.Trigger, k, chain int) bool {
	c := -1
	for i := chain - 1; i >= 0 && chain-i <= 10; i-- {
		if w[i] == "," {
			c = i
			break
		}
	}
	if c < 0 {
		return false
	}
	for j, o := range trigs {
		if j != k && o.Head > c && !(o.Entry.Say && o.Head < chain) {
			return false
		}
	}
	for i := trigs[k].End; i < len(w); i++ {
		if w[i] == "that" || w[i] == "\"" || w[i] == "“" {
			return false
		}
	}
	return true
}

// quoteBefore reports a closing quotation mark within the four tokens
// before head.
func quoteBefore(w []string, head int) bool {
	for i := head - 1; i >= 0 && head-i <= 4; i-- {
		if w[i] == "\"" || w[i] == "”" || w[i] == "''" {
			return true
		}
	}
	return false
}

// reportedSubject finds the subject of an active verb: within the
// clause a reporting verb introduces first ("the UN says 200,000 people
// have fled" is no act of the UN), else in the whole clause ("Zakharova
// wrote that missiles had hit the port": the speaker's side fired). The
// displaced are never their own cause, so a displacement verb takes no
// speaker.
func (d *doc) reportedSubject(s *sent, t coding.Trigger, chain, lo int) []model.Actor {
	c := complementStart(s, t.Head)
	if c <= lo {
		return d.subject(s, chain, lo)
	}
	if srcs := d.subject(s, chain, c); len(srcs) > 0 || displacement(t.Entry) {
		return srcs
	}
	return d.subject(s, chain, lo)
}

// addressee returns whom "told" addresses: the actor right after the verb.
// The press ("told reporters", "told Russian news agencies") is an
// audience, not a party: the statement then has no target, and a name in
// the report after it ("told reporters that Ankara ...") is none either.
func (d *doc) addressee(s *sent, t coding.Trigger) []model.Actor {
	w := s.words
	from := t.Head + 1
	if from < len(w) && (audienceWords.has(w[from]) || from+1 < len(w) && audienceWords.has(w[from+1]) ||
		from+2 < len(w) && audienceWords.has(w[from+2])) {
		return nil
	}
	for _, m := range s.actors {
		if m.ts >= from && m.ts < from+2 && (m.Kind == actor.KindAdjective || m.Actor.Role == model.RoleMED) {
			return nil
		}
	}
	return d.object(s, from, min(len(w), from+2))
}

var audienceWords = set("reporters", "journalists", "agencies", "agency", "media", "newspaper",
	"television", "tv", "radio", "press", "broadcaster", "interviewer", "correspondents")
