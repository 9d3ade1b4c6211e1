package extract

import (
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Partners: the one an act is aimed at when the sentence names none is
// found in the story. An act of force or coercion takes the side the story
// has set against the source, an agreement its other party, aid the people
// of the war's country, and a judgement of an act ("condemned the
// attack") the act's author.

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
func (d *doc) actTarget(s *sent, t coding.Trigger, from, to int) []model.Actor {
	for i := from; i < to && i < from+6; i++ {
		low, ok := actNouns[s.words[i]]
		if !ok {
			continue
		}
		if i+1 < to && s.words[i+1] == "by" {
			// "the strikes by the regime and its backer Russia".
			return d.agents(s, i+2, min(to, i+8))
		}
		if a, ok := d.toldAgent(s.words[i], low); ok {
			return []model.Actor{a}
		}
		if acts := d.sameStance(s, t); len(acts) > 0 {
			return acts
		}
		if a, ok := d.mainAgent(low); ok {
			return []model.Actor{a}
		}
		return nil
	}
	return nil
}

// sameStance returns the target of the judgement the source's side made
// in the sentence before, or earlier in this one: "Iran has praised the
// attack. An adviser said Tehran supported the operation" speaks of one
// act with two words, whoever else acted since.
func (d *doc) sameStance(s *sent, t coding.Trigger) []model.Actor {
	si := slices.Index(d.sents, s)
	chain, _, _ := auxChain(s.words, t.Head)
	subj := d.subject(s, chain, clauseStart(s.words, t.Head))
	if si < 0 || len(subj) == 0 {
		return nil
	}
	for k := len(d.done) - 1; k >= 0 && d.done[k].sent >= si-1; k-- {
		e := &d.done[k]
		if e.tgt == nil || e.src.Country != subj[0].Country || e.tgt.Country == e.src.Country {
			continue
		}
		switch model.RootOf(e.code) {
		case "03", "05", "11", "12":
			return []model.Actor{*e.tgt}
		}
	}
	return nil
}

// proposalStems tie a noun naming a proposal to the words of the event
// that made it: "accepted the offer" answers whoever offered.
var proposalStems = map[string][]string{
	"offer": {"offer"}, "offers": {"offer"}, "proposal": {"propos"}, "proposals": {"propos"},
	"demand": {"demand"}, "demands": {"demand"}, "request": {"request", "ask"},
	"ultimatum": {"ultimatum"}, "invitation": {"invit"}, "appeal": {"appeal", "urg"},
	"appeals": {"appeal", "urg"}, "mediation": {"mediat"},
}

// proposer returns the one who made the offer, proposal or demand an
// answer takes up ("accepted the offer", "rejected the demands"): the
// pattern's own last word or the noun just after it at from, told by an
// earlier event of another country with the noun's word. A proposal
// whose author is named ("the offer by Kenya") is left to the object.
func (d *doc) proposer(s *sent, t coding.Trigger, from int) []model.Actor {
	w := s.words
	n := -1
	if t.End > t.Head+1 && proposalStems[w[t.End-1]] != nil {
		n = t.End - 1
	}
	for i := from; n < 0 && i < len(w) && i < from+4 && !s.hasActorAt(i); i++ {
		if proposalStems[w[i]] != nil {
			n = i
		}
	}
	if n < 0 || n+2 < len(w) && (w[n+1] == "by" || w[n+1] == "from" || w[n+1] == "of") && s.nameAfter(n+2) {
		// "the offer by Kenya": its author is named ("the offer of
		// mediation" names none).
		return nil
	}
	chain, _, _ := auxChain(w, t.Head)
	subj := d.subject(s, chain, clauseStart(w, t.Head))
	if len(subj) == 0 {
		return nil
	}
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
		if e.src.Country == subj[0].Country || e.src.Country == "" {
			continue
		}
		trig := strings.ToLower(e.trigger)
		for _, stem := range proposalStems[w[n]] {
			if strings.Contains(trig, stem) {
				return []model.Actor{e.src}
			}
		}
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

// toldAgent returns the agent of the act a judgement names with noun:
// the source of the latest earlier event told with the noun's own word.
func (d *doc) toldAgent(noun, low string) (model.Actor, bool) {
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
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
	return model.Actor{}, false
}

// mainAgent returns the side that did most of the acts of a kind (root at
// least low) so far, the latest of them on a tie. A story of one side's
// strikes mentions the other's reply; "condemned the strike" still means
// the striker's.
func (d *doc) mainAgent(low string) (model.Actor, bool) {
	count := map[string]int{}
	best, n := -1, 0
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
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
	latest := -1 // in d.done: an index, as a pointer to the loop's copy put each copy on the heap
	reb, state := false, false
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
		if e.src.Country != c || model.RootOf(e.code) < low || e.src.Role == model.RoleCVL {
			continue
		}
		if latest < 0 {
			latest = k
		}
		if e.src.Role == model.RoleREB {
			reb = true
		} else {
			state = true
		}
	}
	if latest < 0 || reb && state {
		return model.Actor{}, false
	}
	return d.done[latest].src, true
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
	brokers := d.brokers(si)
	other := func(a model.Actor) bool {
		return a.Country != "" && a.ID != src.ID && a.Country != model.CountryIGO && !brokers[a.Country] &&
			(a.Country != src.Country || a.Role != src.Role && a.Role != "" && src.Role != "")
	}
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && !force {
			continue
		}
		for k := len(d.done) - 1; k >= 0; k-- {
			e := &d.done[k]
			if pass == 1 && e.sent < si-partnerWindow {
				break
			}
			if e.tgt == nil || e.sent >= si || pass == 0 && model.RootOf(e.code) < "18" || brokerCode(e.code) ||
				brokers[e.src.Country] && strings.HasPrefix(e.code, "043") {
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

// brokerCode reports the codes of mediating (045, and offering or
// accepting mediation, 038, 039): the mediator of talks stands between
// the sides and is no side the story sets against either ("Qatar offered
// to mediate. Chad's army later shelled border posts" is no attack on
// Qatar).
func brokerCode(code string) bool {
	for _, p := range []string{"038", "039", "045"} {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// brokers returns the countries that mediated talks, or offered to, or
// hosted two others' talks ("Qatar hosted talks between Chad and Niger",
// "the army and the RSF met in Jeddah for talks hosted by Saudi Arabia"),
// before sentence si: whatever else they say or urge, they are no side of
// the story. A host of one visitor ("Putin hosted Erdogan") is a party.
func (d *doc) brokers(si int) map[string]bool {
	var out map[string]bool
	add := func(c string) {
		if out == nil {
			out = map[string]bool{}
		}
		out[c] = true
	}
	for i := range d.done {
		e := &d.done[i]
		if e.sent >= si || e.src.Country == "" {
			continue
		}
		if brokerCode(e.code) {
			add(e.src.Country)
			continue
		}
		if !strings.HasPrefix(e.code, "043") || e.tgt == nil || e.tgt.Country == e.src.Country {
			continue
		}
		for j := range d.done {
			f := &d.done[j]
			if f.sent != e.sent || f.tgt == nil || f.tgt.Country == e.src.Country {
				continue
			}
			if f.src.Country != e.src.Country || strings.HasPrefix(f.code, "043") && f.tgt.Country != e.tgt.Country {
				// Two others meet where it hosts, or it hosts two others.
				add(e.src.Country)
				break
			}
		}
	}
	return out
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
		if !partnerRoots.has(r) && !partnerCodes.has(t.Entry.Code) {
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
		if t.Entry.Say || t.Entry.Noun || t.Entry.Root() < "17" || s.nounUse(t) {
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
	brokers := d.brokers(si)
	count := map[string]int{}
	latest := map[string]model.Actor{}
	best, n, own := "", 0, 0
	var rival *model.Actor // the latest actor of src's country on the other side of a civil war
	for j := 0; j <= max(si, leadSents-1) && j < len(d.sents); j++ {
		for k, m := range d.sents[j].actors {
			c := m.Actor.Country
			if c == "" || c == model.CountryIGO || m.Kind == actor.KindPronoun || m.Inferred {
				continue
			}
			if c == src.Country {
				own++
				// The other side at home: of the other camp, or, when the
				// source's camp is unknown ("the Tigrayan side"), any
				// party of its country.
				if j <= si && m.Kind != actor.KindPlace && m.Actor.Role != "" && m.Actor.ID != src.ID &&
					(src.Role == "" || (m.Actor.Role == model.RoleREB) != (src.Role == model.RoleREB)) {
					a := m.Actor
					rival = &a
				}
				continue
			}
			if brokers[c] || d.venueAt(j, k) {
				// "signed in the South African capital Pretoria", "Qatar
				// hosted the talks": the host or mediator of talks is no
				// side of the story.
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
	if rival != nil && own > 2*n {
		// A story of one country's civil war: the other party is the
		// other side at home, not a foreign venue or mediator.
		return *rival, true
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

// venueWords stand between "in" and a named host city: "in the South
// African capital Pretoria", "in the Saudi city of Jeddah".
var venueWords = set("capital", "city")

// venueAt reports mention k of sentence j as the host of talks or a
// signing: part of "in the <adjective> capital|city [of] <name>" in a
// sentence that tells no act of force (fighting in a capital names the
// country fought over).
func (d *doc) venueAt(j, k int) bool {
	s := d.sents[j]
	w, m := s.words, s.actors[k]
	i := m.ts - 1
	if m.Kind == actor.KindAdjective {
		// "in the Turkish capital": the adjective before the noun.
		if m.te >= len(w) || !venueWords.has(w[m.te]) {
			return false
		}
	} else {
		if i >= 0 && w[i] == "of" {
			i--
		}
		if i < 0 || !venueWords.has(w[i]) {
			return false
		}
		i--
		if p, ok := s.actorEndingAt(i); ok && s.actors[p].Kind == actor.KindAdjective {
			i = s.actors[p].ts - 1
		}
	}
	if i >= 0 && w[i] == "the" {
		i--
	}
	if i < 0 || w[i] != "in" && w[i] != "at" {
		return false
	}
	return !d.tellsForce(j)
}

// tellsForce reports an act of force among the triggers of sentence j,
// matching them when the sentence is not coded yet (a lead sentence read
// ahead).
func (d *doc) tellsForce(j int) bool {
	s := d.sents[j]
	trigs := s.trigs
	if trigs == nil {
		trigs = d.x.lex.Match(s.words)
	}
	for _, t := range trigs {
		if !t.Entry.Say && t.Entry.Root() >= "18" {
			return true
		}
	}
	return false
}

// leadSents is how many opening sentences salient always reads: a reader
// knows who a story is about from its lead, before its later lines.
const leadSents = 3
