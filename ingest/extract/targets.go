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
	if acts := d.toldAddressees(s, t); len(acts) > 0 {
		return acts
	}
	if acts := d.judgedClause(s, t); len(acts) > 0 {
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
	return d.agreementPartner(s, t)
}

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
		if w[i+1] == "the" && placeAnaphors[w[i+2]] && !s.hasActorAt(i+3) && !(i+3 < len(w) && w[i+3] == "of") {
			if a, ok := d.placeRef(s, i+2, ""); ok {
				return []model.Actor{a}
			}
		}
	}
	return nil
}

// aidRecipient returns the people of the country a story's war is in as
// the target of humanitarian aid sent with no recipient named ("Jordan
// sent a field hospital through the crossing"), unless they are the
// sender's own.
func (d *doc) aidRecipient(s *sent, t coding.Trigger) []model.Actor {
	if !strings.HasPrefix(t.Entry.Code, "073") {
		return nil
	}
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if len(subj) == 0 {
		return nil
	}
	c := d.homeCountry(slices.Index(d.sents, s), "")
	if c == "" || c == subj[0].Country {
		return nil
	}
	return []model.Actor{model.NewActor(c+" civilians", c, model.RoleCVL)}
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
	for i := start; i < end; i++ {
		if w[i] == "to" && i > t.End && addresseeTo(s, t.End, i) {
			// "appealed directly to Putin", "apologised to Moscow": the
			// one addressed, not an infinitive.
			continue
		}
		if w[i] == "that" || w[i] == "to" && i > t.End {
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
		if (w[i] == "in" || w[i] == "at") && t.Entry.Root() < "15" && s.nameAfter(i+1) {
			// "held talks in the Kremlin", "met at the White House": a
			// venue, not the one met. Acts of force keep the place they
			// hit ("strikes in Idlib" hit Syria).
			end = i
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
	if acts := d.actorsAfterBy(s, start, end, places, places); len(acts) > 0 {
		return acts
	}
	if places && t.Entry.Root() >= "17" {
		if acts := d.placeAimed(s, start, hi); len(acts) > 0 {
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
		return d.actTarget(s, start, end)
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

// actNouns name an act whose agent a judgement of it targets: "condemned
// the strike" is aimed at whoever struck. The value is the lowest root
// of the events the noun can refer back to: force (18), coercion (15) or
// any act ("the move", "the decision").
var actNouns = map[string]string{
	"strike": "18", "strikes": "18", "attack": "18", "attacks": "18", "invasion": "18",
	"offensive": "18", "assault": "18", "killings": "18", "killing": "18", "bombing": "18",
	"bombings": "18", "shelling": "18", "blast": "18", "raid": "18", "raids": "18",
	"incursion": "18", "violence": "18", "aggression": "18", "operation": "18",
	"detentions": "15", "detention": "15", "arrests": "15", "arrest": "15", "coup": "15",
	"takeover": "15", "annexation": "15", "crackdown": "15", "executions": "15",
	"sanctions": "15", "blockade": "15", "occupation": "15",
	"move": "01", "decision": "01", "withdrawal": "01", "suspension": "01",
}

// actTarget finds "the strike" (an act noun) in [from, to) and returns
// its agent: "by X" after it, else the source of the latest earlier event
// of the noun's kind.
func (d *doc) actTarget(s *sent, from, to int) []model.Actor {
	for i := from; i < to && i < from+6; i++ {
		low, ok := actNouns[s.words[i]]
		if !ok {
			continue
		}
		if i+1 < to && s.words[i+1] == "by" {
			// "the strikes by the regime and its backer Russia".
			return d.agents(s, i+2, min(to, i+8))
		}
		if a, ok := d.judgedAgent(s.words[i], low); ok {
			return []model.Actor{a}
		}
		return nil
	}
	return nil
}

// actStems tie an act noun to the words of the events it can name back:
// "the attack" is the one reported as "attacked" or "an attack", not the
// strikes told since.
var actStems = map[string][]string{
	"attack": {"attack"}, "attacks": {"attack"}, "strike": {"strike", "struck"},
	"strikes": {"strike", "struck"}, "invasion": {"invad", "invasion"},
	"offensive": {"offensive"}, "assault": {"assault"}, "killings": {"kill"},
	"killing": {"kill"}, "bombing": {"bomb"}, "bombings": {"bomb"}, "shelling": {"shell"},
	"raid": {"raid"}, "raids": {"raid"}, "incursion": {"incursion"},
	"detentions": {"detain", "detention"}, "detention": {"detain", "detention"},
	"arrests": {"arrest"}, "arrest": {"arrest"}, "coup": {"coup", "seiz", "took power"},
	"takeover": {"seiz", "took", "takeover"}, "annexation": {"annex"},
	"blockade": {"blockade"}, "sanctions": {"sanction"},
}

// judgedAgent returns the agent of the act a judgement names with noun:
// the source of the latest earlier event told with the noun's own word,
// else the side that did most of the acts of the noun's kind (root at
// least low) so far, the latest of them on a tie. A story of one side's
// strikes mentions the other's reply; "condemned the strike" still means
// the striker's.
func (d *doc) judgedAgent(noun, low string) (model.Actor, bool) {
	for k := len(d.done) - 1; k >= 0; k-- {
		e := d.done[k]
		if model.RootOf(e.code) < low || e.src.Role == model.RoleCVL {
			// Victims counted ("56 civilians were killed") did not act.
			continue
		}
		trig := strings.ToLower(e.trigger)
		for _, stem := range actStems[noun] {
			if strings.Contains(trig, stem) {
				return e.src, true
			}
		}
	}
	count := map[string]int{}
	best, n := -1, 0
	for k := len(d.done) - 1; k >= 0; k-- {
		e := d.done[k]
		if model.RootOf(e.code) < low || e.src.Role == model.RoleCVL {
			continue
		}
		count[e.src.Country]++
		if c := count[e.src.Country]; c > n {
			best, n = k, c
		}
	}
	if best < 0 {
		return model.Actor{}, false
	}
	// The latest event of the country found most often, unless both an
	// armed group and the state of that country acted: in a civil war
	// "the killings" are no one side's.
	c := d.done[best].src.Country
	var latest *model.Actor
	reb, state := false, false
	for k := len(d.done) - 1; k >= 0; k-- {
		e := d.done[k]
		if e.src.Country != c || model.RootOf(e.code) < low || e.src.Role == model.RoleCVL {
			continue
		}
		if latest == nil {
			latest = &e.src
		}
		if e.src.Role == model.RoleREB {
			reb = true
		} else {
			state = true
		}
	}
	if latest == nil || reb && state {
		return model.Actor{}, false
	}
	return *latest, true
}

// partnerRoots are the roots whose acts nearly always have a target; when
// the sentence names none ("Iran rejected the accusations", "Baku
// apologised"), it is the other party of the latest event involving the
// source. Threats are left out: a warning with no addressee is mostly
// general ("warned that any country that interferes ...").
var partnerRoots = set("08", "12", "16", "17", "18", "19")

// partnerCodes are the acts of other roots that are always made to
// someone: an apology ("Baku apologised") is made to the side wronged.
var partnerCodes = set("055")

// partner returns the other party of the latest earlier event of src's
// country in the article: acts of force, coercion and rejection are
// nearly always aimed at the side the story has set against the source.
// A party of the same country counts when its role differs (the army and
// a paramilitary force of a civil war). With no such event, it is the
// country named most often so far other than the source's.
func (d *doc) partner(si int, src model.Actor) []model.Actor {
	if denialOnly(d.sents[si]) {
		// "X denied that its jets struck": a denial answers a claim
		// and is addressed to nobody.
		return nil
	}
	force := d.forceSentence(d.sents[si]) || d.forceVerbOf(d.sents[si], src)
	if acts := d.eventPartner(si, src, force); len(acts) > 0 {
		return acts
	}
	if a, ok := d.salient(si, src); ok {
		return []model.Actor{a}
	}
	return nil
}

// eventPartner returns the other party of the latest earlier event of
// src's country within partnerWindow sentences, looking first at acts of
// force over the whole article when force is set.
func (d *doc) eventPartner(si int, src model.Actor, force bool) []model.Actor {
	other := func(a model.Actor) bool {
		return a.Country != "" && a.ID != src.ID && a.Country != model.CountryIGO &&
			(a.Country != src.Country || a.Role != src.Role && a.Role != "" && src.Role != "")
	}
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && !force {
			continue
		}
		for k := len(d.done) - 1; k >= 0; k-- {
			e := d.done[k]
			if pass == 1 && e.sent < si-partnerWindow {
				break
			}
			if e.tgt == nil || e.sent >= si || pass == 0 && model.RootOf(e.code) < "18" {
				continue
			}
			switch {
			case e.src.Country == src.Country && other(*e.tgt):
				return []model.Actor{*e.tgt}
			case e.tgt.Country == src.Country && other(e.src):
				return []model.Actor{e.src}
			}
		}
	}
	return nil
}

// agreementPartner returns the other party of an agreement one party
// enters with nobody named ("Hamas confirmed it would abide by the
// truce", "Israel accepted the ceasefire"): the side the story has set
// against it. Bodies outside the conflict that welcome or sign for it,
// and joint subjects, get none here.
func (d *doc) agreementPartner(s *sent, t coding.Trigger) []model.Actor {
	if !strings.HasPrefix(t.Entry.Code, "057") {
		return nil
	}
	si := slices.Index(d.sents, s)
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if si < 0 || len(subj) == 0 || subj[0].Country == model.CountryIGO || !allOf(subj, subj[0].Country) {
		return nil
	}
	return d.eventPartner(si, subj[0], false)
}

// denialOnly reports a sentence whose only act that takes a partner is a
// denial of a claim ("denied that ...").
func denialOnly(s *sent) bool {
	denial := false
	for _, t := range s.trigs {
		if t.Entry.Say || t.Head < 0 {
			continue
		}
		r := t.Entry.Root()
		if !partnerRoots[r] && !partnerCodes[t.Entry.Code] {
			continue
		}
		w := s.words
		if r == "12" && strings.HasPrefix(w[t.Head], "den") && (t.End < len(w) && w[t.End] == "that" || w[t.End-1] == "that") {
			denial = true
			continue
		}
		if r != "18" && r != "19" {
			return false
		}
	}
	return denial
}

// forceVerbOf reports a verb of force in s whose subject is of src's
// country: "a crisis caused by the blockade since Russia invaded" is
// Russia's act of force whatever else the sentence tells.
func (d *doc) forceVerbOf(s *sent, src model.Actor) bool {
	for _, t := range s.trigs {
		if t.Entry.Say || t.Entry.Noun || t.Entry.Root() < "17" || nounUse(s.words, t) {
			continue
		}
		chain, _, _ := auxChain(s.words, t.Head)
		if subj := d.subject(s, chain, clauseStart(s.words, t.Head)); len(subj) > 0 && subj[0].Country == src.Country {
			return true
		}
	}
	return false
}

// forceSentence reports a sentence whose every act is one of force or
// coercion ("seized the airport after fierce fighting"): its acts are aimed at the
// enemy of the story's fighting, however many talks or sanctions with
// others were told since.
func (d *doc) forceSentence(s *sent) bool {
	n := 0
	for _, t := range s.trigs {
		if t.Entry.Say {
			continue
		}
		if t.Entry.Root() < "17" {
			return false
		}
		n++
	}
	return n > 0
}

// partnerWindow is how many sentences back partner looks for an event.
var partnerWindow = 5

// salient returns the actor of the country named most often in the
// article up to sentence si, other than src's country and international
// bodies. Places count for their country ("shelling in Kharkiv, Kyiv and
// Odesa" names Ukraine three times), and the actor returned is the
// latest one of that country, or the country itself when only its places
// were named.
func (d *doc) salient(si int, src model.Actor) (model.Actor, bool) {
	if !useSalient {
		return model.Actor{}, false
	}
	count := map[string]int{}
	latest := map[string]model.Actor{}
	best, n := "", 0
	for j := 0; j <= max(si, leadSents-1) && j < len(d.sents); j++ {
		for _, m := range d.sents[j].actors {
			c := m.Actor.Country
			if c == "" || c == src.Country || c == model.CountryIGO || m.Kind == actor.KindPronoun || m.Inferred {
				continue
			}
			count[c]++
			if m.Kind != actor.KindPlace {
				latest[c] = m.Actor
			}
			if count[c] > n {
				n, best = count[c], c
			}
		}
	}
	if n < 2 {
		return model.Actor{}, false
	}
	if a, ok := latest[best]; ok {
		return a, true
	}
	return model.NewActor(best, best, model.RoleNone), true
}

var useSalient = true

// leadSents is how many opening sentences salient always reads: a reader
// knows who a story is about from its lead, before its later lines.
const leadSents = 3

// nameAfter reports an actor or place named at token i, after an
// optional "the": "in the Kremlin", "in Brussels".
func (s *sent) nameAfter(i int) bool {
	if i < len(s.words) && s.words[i] == "the" {
		i++
	}
	return s.hasActorAt(i)
}
