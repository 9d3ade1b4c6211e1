package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// codeSentence returns the events of sentence si.
func (d *doc) codeSentence(si int) []coded {
	s := d.sents[si]
	w := s.words
	trigs := d.x.lex.Match(w)
	s.heads = s.heads[:0]
	for _, t := range trigs {
		if !t.Entry.Say {
			s.heads = append(s.heads, t.Head)
		}
	}
	var out []coded
	seen := map[string]bool{}
	emitCode := func(t coding.Trigger, code string, srcs, tgts []model.Actor) {
		for _, src := range srcs {
			other := false
			for i := range tgts {
				if tgts[i].ID != src.ID {
					other = true
					d.add(&out, seen, si, t, code, src, &tgts[i])
				}
			}
			if !other {
				// No target, or only the source itself ("Guterres
				// welcomed the deal and said he ..."): the act has none.
				d.add(&out, seen, si, t, code, src, nil)
			}
		}
	}
	emit := func(t coding.Trigger, srcs, tgts []model.Actor) { emitCode(t, t.Entry.Code, srcs, tgts) }
	speakers := d.speakers(s, trigs)
	suppress := -1 // triggers before this token are inside a stance complement
	acts := 0      // triggers other than reporting verbs, coded or not
	var says []coding.Trigger
	var lastSubj []model.Actor // the subject of the latest active verb
	for _, t := range trigs {
		e := t.Entry
		if s.insideName(t.Head) {
			continue
		}
		if e.Say {
			says = append(says, t)
			continue
		}
		if modifierUse(w, t) {
			continue
		}
		if t.Head < suppress {
			acts++
			if (e.Noun || nounUse(w, t)) && backgroundClause(w, t.End) {
				// "under a deal reached between Russia and Turkey in
				// September": a participle with its own agent restates an
				// earlier event, whatever governs the noun.
				if srcs, tgts := d.nounRoles(s, t, clauseEnd(w, t.End)); len(srcs) > 0 {
					emit(t, srcs, tgts)
				}
			}
			continue
		}
		lo := clauseStart(w, t.Head)
		hi := clauseEnd(w, t.End)
		stance := stanceRoots[e.Root()]
		if e.Adj {
			// "strikes by militants are unacceptable, Peskov said", "he
			// said Turkey bore responsibility": the speaker judges, or
			// lays a duty on, whoever the clause is about.
			acts++
			chain, _, neg := auxChain(w, t.Head)
			if stance {
				suppress = hi
			}
			if sp, ok := speakers[t.Head]; ok && !neg {
				emitCode(t, e.Code, sp, d.subject(s, chain, lo))
			}
			continue
		}
		if e.Noun || nounUse(w, t) {
			// A bare nominalisation ("after the meeting") reports no act,
			// so it leaves a statement its own.
			srcs, tgts := d.nounRoles(s, t, hi)
			if len(srcs) > 0 && len(tgts) == 0 && e.Root() >= "18" {
				tgts = d.victims(s, t.End, hi)
			}
			if len(srcs) > 0 {
				acts++
				emit(t, srcs, tgts)
			}
			continue
		}
		acts++
		chain, modal, neg := auxChain(w, t.Head)
		if stance {
			// Even a negated or hypothetical appeal or denial governs its
			// complement: "did not say that X attacked".
			suppress = hi
		}
		if readyTo(w, t.Head) && !neg && e.Root() != "03" {
			// "X is ready to impose martial law": X's intent or threat.
			if code := intentCode(e.Code, false); code != "" {
				if srcs := d.subject(s, chain, lo); len(srcs) > 0 {
					emitCode(t, code, srcs, d.targets(s, t, hi))
				}
			}
			continue
		}
		if infinitive(w, t.Head) || conditional(w, lo, t.Head) || gerundObject(w, t.Head) {
			continue
		}
		if e.Code == "015" {
			// A claim of responsibility for an attack is coded as the
			// attack.
			if a, ok := claimedAct(trigs, t, hi); ok {
				srcs := d.subject(s, chain, lo)
				var tgts []model.Actor
				if len(srcs) > 0 {
					tgts = d.partner(si, srcs[0])
				}
				emitCode(t, a.Entry.Code, srcs, tgts)
				continue
			}
		}
		if mk := modalKind(modal); mk != modalNone && e.Root() != "03" {
			// "X said it would Z": X announces its own act (intent or
			// threat); "X said Y must Z": X demands Z of Y.
			sp, ok := speakers[t.Head]
			if !ok {
				continue
			}
			subj := d.subject(s, chain, lo)
			switch {
			case mk == modalFuture && (len(subj) == 0 || sameCountry(subj, sp)):
				if code := intentCode(e.Code, neg); code != "" {
					emitCode(t, code, sp, d.targets(s, t, hi))
				}
			case mk == modalOblige && len(subj) > 0 && !sameCountry(subj, sp):
				emitCode(t, "100", sp, subj)
			}
			continue
		}
		if neg {
			continue
		}
		var srcs, tgts []model.Actor
		if passive(w, t.Head, t.End) {
			srcs = d.agentAfter(s, t.End, min(hi, t.End+8))
			tgts = d.subject(s, chain, lo)
			if len(srcs) == 0 && !displacement(e) {
				srcs, tgts = d.contextPassive(s, si, out, t, lo, tgts)
			}
		} else {
			srcs = d.subject(s, chain, lo)
			if len(srcs) == 0 && coordVerb(w, lo, chain) {
				// "X called the strike a spit in the face, and urged Y
				// to": the second verb shares the first one's subject.
				srcs = lastSubj
			}
			tgts = d.targets(s, t, hi)
		}
		if len(srcs) > 0 {
			lastSubj = srcs
		}
		if displacement(e) && allCivilian(srcs) {
			srcs, tgts = d.displaced(s, si)
		}
		if e.Sym || jointRoots[e.Root()] && len(tgts) == 0 {
			srcs, tgts = symmetric(d, s, t, hi, srcs, tgts)
		}
		if len(tgts) == 0 && len(srcs) > 0 && e.Root() >= "18" {
			tgts = d.victims(s, t.End, hi)
		}
		if len(tgts) == 0 && len(srcs) > 0 && partnerRoots[e.Root()] && !e.NoSub && !strings.HasPrefix(e.Code, "172") {
			tgts = d.partner(si, srcs[0])
		}
		if len(srcs) > 0 {
			emit(t, srcs, tgts)
		}
	}
	for _, t := range says {
		// "X said Y must Z" is X's demand on Y, whatever Z is.
		if t.Head < suppress {
			continue
		}
		hi := clauseEnd(w, t.End)
		for i := t.End; i < hi; i++ {
			if modalKind(w[i]) != modalOblige && !(w[i] == "to" && i > 0 && (w[i-1] == "has" || w[i-1] == "have")) {
				continue
			}
			chain, _, _ := auxChain(w, t.Head)
			sp := d.subject(s, chain, clauseStart(w, t.Head))
			subj := d.subject(s, i, t.End)
			if len(sp) > 0 && len(subj) > 0 && !sameCountry(sp, subj) {
				emitCode(t, "100", sp, subj)
				acts++
			}
			break
		}
	}
	if acts == 0 && len(says) > 0 {
		t := says[0]
		lo := clauseStart(s.words, t.Head)
		chain, modal, neg := auxChain(w, t.Head)
		if !neg && modal == "" && !infinitive(w, t.Head) {
			srcs := d.subject(s, chain, lo)
			if len(srcs) == 0 {
				srcs = d.object(s, t.End, min(len(w), t.End+4))
			}
			var tgts []model.Actor
			if w[t.Head] == "told" || w[t.Head] == "tell" || w[t.Head] == "tells" {
				tgts = d.object(s, t.End, min(len(w), t.End+2))
			}
			emit(t, srcs, tgts)
		}
	}
	return out
}

// targets finds the target of an active verb trigger: actors in the
// pattern's slot ("urged X to"), else the nearest actor after it.
func (d *doc) targets(s *sent, t coding.Trigger, hi int) []model.Actor {
	w := s.words
	if t.SlotStart >= 0 {
		if acts := d.object(s, t.SlotStart, t.SlotEnd); len(acts) > 0 {
			return acts
		}
		if t.SlotEnd > t.SlotStart && slotIsObject[w[t.SlotEnd]] {
			// "called on world leaders to": the slot is the addressee, and
			// it names no actor.
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
			return d.object(s, from, min(hi, from+4))
		}
		return nil
	}
	start := calledPhrase(w, t.End)
	end := hi
	for i := start; i < hi; i++ {
		if w[i] == "to" && i > t.End && addresseeTo(s, t.End, i) {
			// "appealed directly to Putin", "apologised to Moscow": the
			// one addressed, not an infinitive.
			continue
		}
		if w[i] == "that" || w[i] == "to" && i > t.End {
			end = i
			break
		}
		if w[i] == "from" && t.Entry.Root() >= "15" {
			// "attacked from Belarus": where from, not whom.
			end = i
			break
		}
	}
	if acts := d.object(s, start, end); len(acts) > 0 {
		return acts
	}
	switch t.Entry.Root() {
	case "03", "05", "11", "12":
		// "condemned the strike", "praised the attack": aimed at whoever
		// struck.
		return d.actTarget(s, start, end)
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
		for k := len(d.done) - 1; k >= 0; k-- {
			if e := d.done[k]; model.RootOf(e.code) >= low {
				return []model.Actor{e.src}
			}
		}
		return nil
	}
	return nil
}

// symmetric orders the parties of a joint act: "X and Y agreed" and "a
// deal between X and Y" give X -> Y, "X met with Y" gives X -> Y.
func symmetric(d *doc, s *sent, t coding.Trigger, hi int, srcs, tgts []model.Actor) ([]model.Actor, []model.Actor) {
	if len(srcs) >= 2 {
		if len(tgts) > 0 && !togetherWith(s.words, t.End, hi) {
			// "X and Y signed separate accords with Z": each with Z.
			return srcs, tgts
		}
		// "X and Y agreed", "X and Y signed the deal together with Z":
		// the joint subjects are the parties, a third one joins them.
		return srcs[:1], append(srcs[1:len(srcs):len(srcs)], tgts...)
	}
	if len(srcs) == 0 {
		if pair := d.between(s, t.End, hi); len(pair) >= 2 {
			return pair[:1], pair[1:]
		}
	}
	return srcs, tgts
}

// coordVerb reports a verb group at chain opening a clause that starts
// at lo with "and" or "but": a second predicate of the same subject.
func coordVerb(w []string, lo, chain int) bool {
	if lo >= len(w) || w[lo] != "and" && w[lo] != "but" {
		return false
	}
	return chain == lo+1 || chain == lo+2 && (w[lo+1] == "then" || w[lo+1] == "also")
}

// togetherWith reports "together with" in [from, hi).
func togetherWith(w []string, from, hi int) bool {
	for i := from; i+1 < hi; i++ {
		if w[i] == "together" && w[i+1] == "with" {
			return true
		}
	}
	return false
}

// jointRoots are the cooperative roots whose coordinated subjects act
// together on each other when no one else is named: "Moscow and Ankara
// pledged to create a corridor" is Russia's pledge to Turkey.
var jointRoots = set("03", "04", "05", "06")

// between finds "between X and Y" (or "by X and Y") after token from.
func (d *doc) between(s *sent, from, hi int) []model.Actor {
	for i := from; i < hi && i < from+6; i++ {
		if s.words[i] == "between" || s.words[i] == "by" {
			return d.object(s, i+1, min(hi, i+12))
		}
	}
	return nil
}

// nounRoles gives the parties of a nominal trigger. A bare nominalisation
// ("the offensive") has none; an agent is needed: "an air strike by X",
// "clashes between X and Y", or a possessive or adjective actor right
// before a noun that is itself the subject of a verb ("Israeli air
// strikes killed...", "Russian peacekeepers began...").
func (d *doc) nounRoles(s *sent, t coding.Trigger, hi int) ([]model.Actor, []model.Actor) {
	w := s.words
	end := t.End
	if backgroundClause(w, end) {
		// "a deal reached between X and Y", "a truce brokered by X": the
		// participle names the event, its phrase the parties.
		end = participleEnd(w, end)
	}
	if t.Entry.Sym {
		if pair := d.between(s, end, hi); len(pair) >= 2 {
			return pair[:1], pair[1:]
		}
	}
	if end < len(w) && w[end] == "by" {
		if srcs := d.object(s, end+1, min(hi, end+6)); len(srcs) > 0 {
			return srcs, d.nounTarget(s, end+1, hi)
		}
	}
	if end < len(w) && (w[end] == "from") && t.Entry.Root() == "11" {
		return d.object(s, end+1, min(hi, end+6)), nil
	}
	// Adjective or possessive agent of a noun that heads a clause.
	if end < len(w) && verbLike(w[end]) {
		i := t.Start - 1
		if i >= 0 && w[i] == "'s" {
			i--
		}
		if i >= 0 {
			if k, ok := s.actorEndingAt(i); ok {
				if a, ok := d.resolve(s, k); ok {
					return []model.Actor{a}, d.nounTarget(s, end, hi)
				}
			}
		}
	}
	return nil, nil
}

// backgroundClause reports a past participle right after a noun trigger
// that is followed by its agent: "reached between", "signed by",
// "carried out by".
func backgroundClause(w []string, end int) bool {
	p := participleEnd(w, end)
	return p > end && p < len(w) && (w[p] == "by" || w[p] == "between")
}

// participleEnd returns the token after a past participle at i (with an
// adverb before it or a particle after it: "jointly signed", "carried
// out"), or i when there is none.
func participleEnd(w []string, i int) int {
	if i < len(w) && strings.HasSuffix(w[i], "ly") {
		i++
	}
	if i >= len(w) || !(strings.HasSuffix(w[i], "ed") || participles[w[i]] || strings.HasSuffix(w[i], "en")) {
		return i
	}
	i++
	if i < len(w) && (w[i] == "out" || w[i] == "up" || w[i] == "off") {
		i++
	}
	return i
}

// nounTarget finds "on X", "against X" or "of X" after a nominal trigger.
func (d *doc) nounTarget(s *sent, from, hi int) []model.Actor {
	for i := from; i < hi && i < from+8; i++ {
		switch s.words[i] {
		case "on", "against", "at", "of", "targeting":
			return d.object(s, i+1, min(hi, i+5))
		}
	}
	return nil
}

// verbLike reports a word that can start a predicate after a subject noun.
func verbLike(w string) bool {
	if participles[w] || auxes[w] || modals[w] {
		return true
	}
	switch w {
	case "began", "begin", "begins", "continued", "continue", "killed", "hit", "struck":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// add appends one event unless the sentence already has one with the same
// countries and root.
func (d *doc) add(out *[]coded, seen map[string]bool, si int, t coding.Trigger, code string, src model.Actor, tgt *model.Actor) {
	if src.Country == "" {
		// An actor of unknown country is as good as none: the gold codes
		// unknown perpetrators with a null country, but a mention we cannot
		// place is far more often a miss of the gazetteer.
		return
	}
	tc := "-"
	if tgt != nil {
		tc = tgt.Country
	}
	root := model.RootOf(code)
	key := src.Country + "|" + tc + "|" + root
	if seen[key] {
		return
	}
	seen[key] = true
	s := d.sents[si]
	date, timeText := d.dateFor(si, t)
	*out = append(*out, coded{
		sent: si, src: src, tgt: tgt, code: code,
		trigger:  triggerText(s, t),
		date:     date,
		timeText: timeText,
		location: d.eventLocation(si, t),
	})
}

// triggerText is the trigger as written: the pattern's first run of
// adjacent words ("shot down", "air strike", "urged").
func triggerText(s *sent, t coding.Trigger) string {
	first, last := t.Literal[0], t.Literal[0]
	for _, k := range t.Literal[1:] {
		if k != last+1 {
			break
		}
		last = k
	}
	return s.span.Text[s.toks[first].Start:s.toks[last].End]
}

// speakers maps the head of each trigger reported by a reporting verb to
// the actors speaking: "X said (that) ... Z" and "..., X said".
func (d *doc) speakers(s *sent, trigs []coding.Trigger) map[int][]model.Actor {
	out := map[int][]model.Actor{}
	for k, t := range trigs {
		if !t.Entry.Say {
			continue
		}
		chain, _, _ := auxChain(s.words, t.Head)
		sp := d.subject(s, chain, clauseStart(s.words, t.Head))
		// After a quotation ('"...," Peskov told reporters') the speaker
		// owns what came before.
		trailing := quoteBefore(s.words, t.Head)
		if len(sp) == 0 {
			// "..., the Kremlin said" or "..., said Peskov".
			sp = d.agents(s, t.End, min(len(s.words), t.End+4))
			trailing = true
		}
		if len(sp) == 0 {
			continue
		}
		for j, c := range trigs {
			if j == k || c.Entry.Say {
				continue
			}
			if c.Head > t.Head || trailing && c.Head < t.Head {
				if _, taken := out[c.Head]; !taken {
					out[c.Head] = sp
				}
			}
		}
	}
	return out
}

// sameCountry reports whether a and b share a country.
func sameCountry(a, b []model.Actor) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Country != "" && x.Country == y.Country {
				return true
			}
		}
	}
	return false
}

// partnerRoots are the roots whose acts nearly always have a target; when
// the sentence names none ("Iran rejected the accusations", "Baku
// apologised"), it is the other party of the latest event involving the
// source. Threats are left out: a warning with no addressee is mostly
// general ("warned that any country that interferes ...").
var partnerRoots = set("08", "12", "16", "17", "18", "19")

// partner returns the other party of the latest earlier event of src's
// country in the article: acts of force, coercion and rejection are
// nearly always aimed at the side the story has set against the source.
// A party of the same country counts when its role differs (the army and
// a paramilitary force of a civil war). With no such event, it is the
// country named most often so far other than the source's.
func (d *doc) partner(si int, src model.Actor) []model.Actor {
	other := func(a model.Actor) bool {
		return a.Country != "" && a.ID != src.ID && a.Country != model.CountryIGO &&
			(a.Country != src.Country || a.Role != src.Role && a.Role != "" && src.Role != "")
	}
	for k := len(d.done) - 1; k >= 0; k-- {
		e := d.done[k]
		if e.sent < si-partnerWindow {
			break
		}
		if e.tgt == nil || e.sent >= si {
			continue
		}
		switch {
		case e.src.Country == src.Country && other(*e.tgt):
			return []model.Actor{*e.tgt}
		case e.tgt.Country == src.Country && other(e.src):
			return []model.Actor{e.src}
		}
	}
	if a, ok := d.salient(si, src); ok {
		return []model.Actor{a}
	}
	return nil
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
	for j := 0; j <= si && j < len(d.sents); j++ {
		for _, m := range d.sents[j].actors {
			c := m.Actor.Country
			if c == "" || c == src.Country || c == model.CountryIGO || m.Kind == actor.KindPronoun {
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

// claimedAct finds the act of force named after a claim of responsibility
// ("claimed responsibility for the drone attack").
func claimedAct(trigs []coding.Trigger, claim coding.Trigger, hi int) (coding.Trigger, bool) {
	for _, a := range trigs {
		if a.Head >= claim.End && a.Head < hi && a.Entry.Root() >= "18" {
			return a, true
		}
	}
	return coding.Trigger{}, false
}

// readyTo reports "ready to", "prepared to" or "willing to" before head.
func readyTo(w []string, head int) bool {
	if head < 2 || w[head-1] != "to" {
		return false
	}
	switch w[head-2] {
	case "ready", "prepared", "willing":
		return true
	}
	return false
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
