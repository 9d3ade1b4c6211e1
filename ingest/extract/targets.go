package extract

import (
	"slices"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Targets: the one acted upon is named in the pattern's slot, after the
// verb, by the agent of a judged act ("condemned the strike"), or, for
// acts that nearly always have one, by the story so far (the partner).
// targets finds the target of an active verb trigger: actors in the
// pattern's slot ("urged X to"), else the nearest actor after it, else
// the ones told ("notified X and Y that it objected": the objection is
// made to X and Y).
func (d *doc) targets(s *sent, t coding.Trigger, hi int) []model.Actor {
	acts := d.targetsIn(s, t, hi)
	if len(acts) > 0 && t.Entry.Root() == "16" {
		acts = d.withdrawnFrom(s, t, hi, acts)
	}
	if len(acts) > 0 || t.Entry.NoSub {
		return acts
	}
	for _, find := range contextTargets {
		if acts := find(d, s, t); len(acts) > 0 {
			return acts
		}
	}
	return nil
}

// contextTargets find, in this order, a target the slot and the object
// did not name: from the phrases around the act, then from the story.
var contextTargets = [...]func(*doc, *sent, coding.Trigger) []model.Actor{
	(*doc).relativeObject, (*doc).toldAddressees, (*doc).requester,
	(*doc).judgedClause, (*doc).judgedPronoun, (*doc).answered,
	(*doc).displacedTarget, (*doc).aidRecipient, (*doc).mediated,
	(*doc).overthrown, (*doc).agreementPartner,
}

// displacedTarget: "The offensive has driven a million people from their
// homes": the displaced are the target, whoever drove them.
func (d *doc) displacedTarget(s *sent, t coding.Trigger) []model.Actor {
	if !displacement(t.Entry) {
		return nil
	}
	si := slices.Index(d.sents, s)
	if _, tgts := d.displaced(s, si); len(tgts) > 0 {
		return tgts
	}
	if c := d.homeCountry(si, ""); c != "" {
		return []model.Actor{model.NewActor(c+" civilians", c, model.RoleCVL)}
	}
	return nil
}

// targetsIn reads the target where the grammar puts it: the pattern's
// slot, else the object after the verb (up to hi), before any context.
func (d *doc) targetsIn(s *sent, t coding.Trigger, hi int) []model.Actor {
	w := s.words
	if t.SlotStart >= 0 {
		if acts := d.object(s, t.SlotStart, t.SlotEnd); len(acts) > 0 {
			return acts
		}
		if acts := d.counterpart(s, t.SlotStart, t.End); len(acts) > 0 {
			return acts
		}
		if r := t.Entry.Root(); (r == "11" || r == "12") && t.SlotEnd > t.SlotStart {
			// "called the strike a spit in the face of X": the judgement
			// is of the act in the gap, aimed at its author; X is only
			// the one it wronged.
			if acts := d.actTarget(s, t, t.SlotStart, t.SlotEnd); len(acts) > 0 {
				return acts
			}
		}
		if t.SlotEnd > t.SlotStart && slotIsObject.has(w[t.SlotEnd]) {
			// "called on world leaders to": the slot is the addressee, and
			// it names no actor. A judgement may still name the author of
			// what it judges ("described the blast as an attack by X"),
			// and a warning its addressee in what it threatens.
			switch t.Entry.Root() {
			case "11", "12", "13":
				if acts := d.namedAgent(s, t.SlotStart, hi); len(acts) > 0 {
					return acts
				}
			}
			if j := ownAct(w, t.End); w[t.SlotEnd] == "that" && t.Entry.Root() == "13" && j > 0 {
				return d.object(s, j+1, hi)
			}
			return nil
		}
	}
	if t.Entry.NoSub {
		return nil
	}
	// An appeal, demand or threat "that X do Y" is addressed to X.
	from := t.End
	if w[t.End-1] == "that" || t.End < len(w) && w[t.End] == "that" {
		switch t.Entry.Root() {
		case "02", "10", "13":
			if w[from] == "that" {
				from++
			}
			acts := d.object(s, from, min(hi, from+4))
			if t.Entry.Root() == "13" && len(acts) > 0 && d.speakersOwn(s, t, acts) {
				// "warned that Ankara would hit back if Syrian troops
				// attacked": the speaker's side acting is the threat, and
				// its object the one threatened.
				if j := actorModal(s, from); j > 0 {
					return d.object(s, j+1, hi)
				}
			}
			if len(acts) > 0 || t.Entry.Root() != "13" {
				return acts
			}
			if j := ownAct(w, from); j > 0 {
				// "warned that they would hold X accountable", "vowed
				// that his forces would defend the capital": the
				// speaker's own act threatens X.
				return d.object(s, j+1, hi)
			}
		}
		return nil
	}
	start := calledPhrase(w, t.End)
	end := s.predicateEnd(t.End, hi)
	pend, venue := end, -1
	for i := start; i < end; i++ {
		if w[i] == "to" && i > t.End && (addresseeTo(s, t.End, i) || recipientTo(s, t, i)) {
			// "appealed directly to Putin", "apologised to Moscow": the
			// one addressed, not an infinitive.
			continue
		}
		if w[i] == "that" || w[i] == "to" && i > t.End || helperPhrase(w, i) || t.Entry.Root() != "15" && s.borderAt(i) {
			end = i
			break
		}
		if clauseOpeners.has(w[i]) && i > t.End {
			// "moved into the enclave after the leaders of X and Y
			// signed": a new clause, with its own actors.
			end = i
			break
		}
		if w[i] == "from" && t.Entry.Root() >= "15" {
			// "attacked from Belarus": where from, not whom.
			end = i
			break
		}
		if (w[i] == "in" || w[i] == "at") && t.Entry.Root() < "15" && s.nameAfter(i+1) && !s.yieldedIn(t, i+1) {
			// "held talks in the Kremlin", "met at the White House": a
			// venue, not the one met. Acts of force keep the place they
			// hit ("strikes in Idlib" hit Syria).
			end, venue = i, i
			break
		}
	}
	places := true
	switch t.Entry.Root() {
	case "07", "15":
		// Troops or aid sent into a province or town are shown or given
		// there, not aimed at its state, and troops sent whose country
		// is only the story's guess are the sender's own: only a named
		// actor or state is the target ("crossed into Ukraine").
		places = false
	}
	switch t.Entry.Root() {
	case "03", "05", "11", "12":
		// "condemned the killing of Palestinians by Israeli forces": a
		// judged act is aimed at its author, not at its victims.
		from := start
		if start == t.End && t.End > t.Head+1 {
			// The pattern's own last word may be the act: "welcome *
			// release" in "welcomed the release of hostages by X".
			from = t.End - 1
		}
		if acts := d.authorOfObject(s, from, pend); len(acts) > 0 {
			return acts
		}
		if victimPhrase(s, from, pend) {
			// "condemned the invasion of Ukraine" after Russia invaded:
			// the invader is judged, not the invaded. With no author
			// told, the victims stay.
			if acts := d.actTarget(s, t, from, pend); len(acts) > 0 {
				return acts
			}
		}
	}
	if acts := d.actorsAfterBy(s, start, end, places, places); len(acts) > 0 {
		return acts
	}
	if acts := d.counterpart(s, start, end); len(acts) > 0 {
		return acts
	}
	if venue >= 0 {
		// "held talks in Beijing with Wang Yi": the one met is named
		// after the venue.
		if acts := d.withAfterVenue(s, venue, hi); len(acts) > 0 {
			return acts
		}
	}
	if places && t.Entry.Root() >= "17" {
		if acts := d.placeAimed(s, start, hi); len(acts) > 0 {
			return acts
		}
	}
	switch t.Entry.Root() {
	case "03", "05", "08", "12":
		// "accepted the offer", "rejected the demands": an answer to
		// whoever made them.
		if acts := d.proposer(s, t, start); len(acts) > 0 {
			return acts
		}
	}
	switch t.Entry.Root() {
	case "03", "05", "11", "12":
		// "condemned the strike", "praised the attack": aimed at whoever
		// struck.
		if acts := d.namedAgent(s, start, hi); len(acts) > 0 {
			return acts
		}
		return d.actTarget(s, t, start, end)
	case "13":
		// "vowed to respond to any attack by X": the threat is aimed at
		// the attacker.
		return d.namedAgent(s, start, hi)
	case "16":
		// "suspended its participation in the agreement that allowed
		// Ukraine to ship grain": leaving a deal is aimed at the party
		// the deal is with or for.
		return d.agreementParty(s, start, hi)
	}
	return nil
}

// agreementParty finds an agreement noun among the few words from from and
// returns the actors named right after it ("the deal with Turkey", "the
// accord that let Ukraine export").
func (d *doc) agreementParty(s *sent, from, hi int) []model.Actor {
	for i := from; i < hi && i < from+8; i++ {
		if agreementNouns.has(s.words[i]) {
			return d.agents(s, i+1, min(hi, i+5))
		}
	}
	return nil
}

// ownAct returns the token after the future modal of a clause opening at
// i whose subject is a pronoun or the speaker's own ("they would", "his
// forces will"), or 0 when the clause is no such act.
func ownAct(w []string, i int) int {
	if i >= len(w) {
		return 0
	}
	if _, ok := pronounKinds[w[i]]; !ok && w[i] != "we" {
		return 0
	}
	n := 1
	if conjPossessive.has(w[i]) {
		n = 3 // "his forces would", "its army will"
	}
	for j := i + 1; j < len(w) && j <= i+n; j++ {
		switch w[j] {
		case "would", "will", "'d", "'ll":
			return j + 1
		}
	}
	return 0
}

// speakersOwn reports that acts are all of the country of the subject of
// t: the speaker's own side.
func (d *doc) speakersOwn(s *sent, t coding.Trigger, acts []model.Actor) bool {
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	return len(subj) > 0 && allOf(acts, subj[0].Country)
}

// actorModal returns the token after the future modal that follows the
// actor named at i (after an optional "the"): "Ankara would", "the army
// will"; 0 when there is none.
func actorModal(s *sent, i int) int {
	if i < len(s.words) && s.words[i] == "the" {
		i++
	}
	for _, m := range s.actors {
		if m.ts != i {
			continue
		}
		if m.te < len(s.words) {
			switch s.words[m.te] {
			case "would", "will", "'d", "'ll":
				return m.te + 1
			}
		}
	}
	return 0
}

// namedAgent finds an act noun followed by its agent ("a terrorist attack
// by Kyiv", "any attack by government forces") among the words [from, to)
// and returns the agent: a judgement or threat naming an act with its
// author is aimed at the author.
func (d *doc) namedAgent(s *sent, from, to int) []model.Actor {
	for i := from; i+1 < to && i < from+14; i++ {
		if _, ok := actNouns[s.words[i]]; ok && s.words[i+1] == "by" {
			return d.agents(s, i+2, min(to, i+8))
		}
	}
	return nil
}

// authorOfObject returns X of an object "the <act> of <what> by X" in
// [from, to) whose head is an act noun ("the bombing of a hospital in
// Gaza by Israel", "the detention of journalists by the authorities"):
// the act's author.
func (d *doc) authorOfObject(s *sent, from, to int) []model.Actor {
	w := s.words
	act := func(i int) bool {
		_, ok := actNouns[w[i]]
		return ok || authoredNouns.has(w[i])
	}
	i := from
	for i < to && i < from+4 && !s.hasActorAt(i) && !act(i) {
		i++
	}
	if i+1 >= to || !act(i) || w[i+1] != "of" {
		return nil
	}
	for j := i + 2; j+1 < to && j < i+12; j++ {
		switch {
		case w[j] == "by":
			return d.agents(s, j+1, min(to, j+8))
		case w[j] == "," || w[j] == "that" || w[j] == "and" || clauseOpeners.has(w[j]):
			return nil
		}
	}
	return nil
}
