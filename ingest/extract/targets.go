package extract

import (
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
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
	if acts := d.relativeObject(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.toldAddressees(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.requester(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.judgedClause(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.judgedPronoun(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.answered(s, t); len(acts) > 0 {
		return acts
	}
	if displacement(t.Entry) {
		// "The offensive has driven a million people from their
		// homes": the displaced are the target, whoever drove them.
		si := slices.Index(d.sents, s)
		if _, tgts := d.displaced(s, si); len(tgts) > 0 {
			return tgts
		}
		if c := d.homeCountry(si, ""); c != "" {
			return []model.Actor{model.NewActor(c+" civilians", c, model.RoleCVL)}
		}
	}
	if acts := d.aidRecipient(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.mediated(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.overthrown(s, t); len(acts) > 0 {
		return acts
	}
	return d.agreementPartner(s, t)
}

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
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if len(subj) == 0 {
		return nil
	}
	return d.eventPartner(slices.Index(d.sents, s), subj[0], true)
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
		if w[j] == "the" && j+2 < len(w) && requestNouns[w[j+1]] && w[j+2] == "of" {
			return d.agents(s, j+3, min(len(w), j+9))
		}
		if w[j] == "the" {
			j++
		}
		for k, m := range s.actors {
			if m.ts != j || m.te+1 >= len(w) || w[m.te] != "'s" || !requestNouns[w[m.te+1]] {
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
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if len(subj) == 0 {
		return nil
	}
	return d.eventPartner(slices.Index(d.sents, s), subj[0], false)
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
		if j < hi && w[j] == "the" && placeAnaphors[w[min(j+1, len(w)-1)]] && !s.hasActorAt(j+1) {
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
	if v < 0 || !tellVerbs[w[v]] {
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
		if t.SlotEnd > t.SlotStart && slotIsObject[w[t.SlotEnd]] {
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
		if clauseOpeners[w[i]] && i > t.End {
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
		if agreementNouns[s.words[i]] {
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
	if conjPossessive[w[i]] {
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
		return ok || authoredNouns[w[i]]
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
		case w[j] == "," || w[j] == "that" || w[j] == "and" || clauseOpeners[w[j]]:
			return nil
		}
	}
	return nil
}

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
			if j+1 < len(w) && borderHeads[w[j+1]] {
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
		if helperNouns[w[j]] {
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
		case w[i] == "," || w[i] == "that" || w[i] == "to" || clauseOpeners[w[i]]:
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
