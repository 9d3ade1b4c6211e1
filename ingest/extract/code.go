package extract

import (
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// codeSentence returns the events of sentence si.
func (d *doc) codeSentence(si int) []coded {
	s := d.sents[si]
	w := s.words
	trigs := d.x.lex.MatchIn(w, &d.trigs)
	trigs = slices.DeleteFunc(trigs, func(t coding.Trigger) bool { return compoundNoun(w, t) })
	s.heads, s.says, s.trigs = s.heads[:0], s.says[:0], trigs
	s.nominal = nominalBits(w, trigs)
	if cap(s.heads)+cap(s.says) < len(trigs) {
		// Both lists are kept with the sentence: cut from the doc's
		// slab, rather than grown for each sentence.
		nsay := 0
		for _, t := range trigs {
			if t.Entry.Say {
				nsay++
			}
		}
		s.heads = carve(&d.ints, len(trigs)-nsay, 256)
		s.says = carve(&d.ints, nsay, 256)
	}
	for _, t := range trigs {
		if t.Entry.Say {
			s.says = append(s.says, t.Head)
		} else {
			s.heads = append(s.heads, t.Head)
		}
	}
	// The events go into the doc's buffer, which the caller copies out
	// of before the next sentence: no slice grown anew per sentence.
	out := d.codeBuf[:0]
	defer func() { d.codeBuf = out[:0] }()
	d.seen = d.seen[:0]
	emitCode := func(t coding.Trigger, code string, srcs, tgts []model.Actor) {
		for _, src := range srcs {
			other := false
			for i := range tgts {
				if tgts[i].ID != src.ID {
					other = true
					d.add(&out, si, t, code, src, &tgts[i])
				}
			}
			if !other {
				// No target, or only the source itself ("Guterres
				// welcomed the deal and said he ..."): the act has none.
				d.add(&out, si, t, code, src, nil)
			}
		}
	}
	emit := func(t coding.Trigger, srcs, tgts []model.Actor) { emitCode(t, t.Entry.Code, srcs, tgts) }
	speakers, sourced := d.speakers(s, trigs)
	suppress := -1                     // triggers before this token are inside a stance complement
	acts := 0                          // triggers other than reporting verbs, coded or not
	counted := map[int]bool{}          // heads of the triggers acts counts
	reported := map[int]bool{}         // heads of reporting verbs inside a stance's complement
	saySubj := map[int][]model.Actor{} // subjects of reporting verbs after "and"
	var says []coding.Trigger
	var lastSubj []model.Actor // the subject of the latest active verb
	var lastTgts []model.Actor // and the ones it acted on
	thingSubj := false         // the latest active verb's subject is a thing ("which created")
	for _, t := range trigs {
		e := t.Entry
		if s.insideName(t.Head) {
			continue
		}
		if e.Say {
			if chain, _, _ := auxChain(w, t.Head); chain > 0 && (w[chain-1] == "and" || w[chain-1] == "but") && pastForm(w[t.Head]) {
				// "X rejected the claims and said its troops had ...":
				// a new predicate, whose report is no part of the
				// stance before it, and whose subject is the one before.
				suppress = -1
				if len(lastSubj) > 0 {
					saySubj[t.Head] = lastSubj
				}
			}
			if t.Head < suppress {
				reported[t.Head] = true
			}
			says = append(says, t)
			continue
		}
		if modifierUse(w, t) || fixedPhrase(w, t) || !s.forceInPlace(t) || s.participleModifier(t) || resultParticiple(w, t, out) || endedAct(w, t) || s.reducedRelative(t) {
			continue
		}
		if parties := d.dealRelative(s, t); len(parties) > 0 {
			// "the agreement Moscow and Ankara struck in Sochi": a
			// relative clause restating the deal, between its subjects.
			emitCode(t, "057", parties[:1], parties[1:])
			continue
		}
		participle := len(lastSubj) > 0 && participlePredicate(w, t)
		if participle && codedRoot(out, lastSubj, e.Root()) {
			// "condemned the detentions, calling them a blow": one
			// judgment, already coded.
			continue
		}
		// "X justified the coup by alleging fraud": an adjunct of the
		// main verb, outside what a stance governs.
		coord := s.coordPredicate(t) || participle || len(lastSubj) > 0 && temporalGerund(w, t.Head)
		if coord {
			// A new predicate ends the complement of a stance before it.
			suppress = -1
		}
		if t.Head < suppress {
			acts++
			counted[t.Head] = true
			if (e.Noun || s.nounUse(t)) && (backgroundClause(w, t.End) || causeAdjunct(w, t.Start)) {
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
		stance := stanceRoots.has(e.Root())
		if e.Adj {
			// "strikes by militants are unacceptable, Peskov said", "he
			// said Turkey bore responsibility": the speaker judges, or
			// lays a duty on, whoever the clause is about.
			acts++
			counted[t.Head] = true
			chain, _, neg := auxChain(w, t.Head)
			if stance {
				suppress = hi
				if a := slices.Index(w[t.End:hi], "and"); a >= 0 {
					// "strikes are unacceptable and measures are being
					// taken to ...": a judgment governs no clause after
					// "and".
					suppress = t.End + a
				}
			}
			if sp, ok := speakers[t.Head]; ok && !neg {
				var judged []model.Actor
				if !attributive(w, t) {
					// "Kyiv had been given unacceptable terms" judges the
					// terms, not Kyiv; "Kyiv's terms are unacceptable"
					// judges whoever the clause is about.
					judged = d.subject(s, chain, lo)
				}
				emitCode(t, e.Code, sp, judged)
			} else if j := judgeVerb(w, lo, t.Head); j >= 0 {
				// 'Blinken called the Russian move "unconscionable"':
				// the one calling judges what lies between.
				jc, _, jneg := auxChain(w, j)
				if srcs := d.subject(s, jc, lo); len(srcs) > 0 && !jneg {
					emitCode(t, e.Code, srcs, d.object(s, j+1, t.Head))
				}
			}
			continue
		}
		// A pattern that opens with its subject ("protesters storm") is
		// a verb whatever stands before the subject.
		subjPattern := !e.Noun && t.End > t.Head+1 && len(d.mentionAt(s, t.Start, t.Head)) > 0
		if (e.Noun || s.nounUse(t)) && !subjPattern {
			// A bare nominalisation ("after the meeting") reports no act,
			// so it leaves a statement its own.
			srcs, tgts := d.nounRoles(s, t, hi)
			if len(srcs) == 0 {
				srcs, tgts = d.lightVerbRoles(s, t, hi)
			}
			if len(srcs) > 0 && len(tgts) == 0 && e.Root() >= "18" {
				tgts = d.victims(s, t.End, hi)
			}
			if len(srcs) > 0 && len(tgts) == 0 && (e.Root() == "08" || e.Root() >= "18") && !e.Sym {
				// "a humanitarian truce declared by the government", "the
				// army pressed its campaign": a concession or an act of
				// force is made on the other side of the story.
				tgts = d.partner(si, srcs[0])
			}
			if len(srcs) > 0 {
				acts++
				counted[t.Head] = true
				emit(t, srcs, tgts)
			}
			continue
		}
		acts++
		counted[t.Head] = true
		chain, modal, neg := auxChain(w, t.Head)
		carried, taken := false, false
		if k, ok := carrierVerb(w, t.Head, e.Root()); ok && !infinitive(w, k) {
			// "X continued to shell Y": the act is X's, done.
			chain, modal, neg = auxChain(w, k)
			carried, taken = true, passiveTake(w, k)
		}
		if stance && !stativeSupport(w, t) {
			// Even a negated or hypothetical appeal or denial governs its
			// complement: "did not say that X attacked". A fronted
			// participle ("When asked about X, ...") governs only up to
			// its comma.
			suppress = hi
			if adjunctParticiple(w, chain, t.Head) {
				suppress = commaAfter(w, t.End, hi)
			}
		}
		if _, _, pneg := auxChain(w, t.Head-2); readyTo(w, t.Head) && !pneg && e.Root() != "03" {
			// "X is ready to impose martial law": X's intent or threat.
			if code := intentCode(e.Code, false); code != "" {
				if srcs := d.subject(s, chain, lo); len(srcs) > 0 {
					emitCode(t, code, srcs, d.targets(s, t, hi))
				}
			}
			continue
		}
		if !carried && (infinitive(w, t.Head) || listInfinitive(w, t) || modalList(w, t)) || conditional(w, lo, t.Head) || gerundObject(w, t.Head) {
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
				// The attack's words date and name it ("claimed
				// Saturday's drone attack").
				emitCode(a, a.Entry.Code, srcs, tgts)
				continue
			}
		}
		if mk := modalKind(modal); mk != modalNone && e.Root() != "03" {
			// "X said it would Z": X announces its own act (intent or
			// threat); "X said Y must Z": X demands Z of Y.
			sp, ok := speakers[t.Head]
			subj := d.subject(s, chain, lo)
			if code := conditionalThreat(e.Code); code != "" && mk != modalOblige && !neg && conditionAfter(w, t.End) {
				// "X will withdraw its force unless Y ...": a threat.
				if len(subj) == 0 {
					subj = sp
				}
				if len(subj) > 0 {
					emitCode(t, code, subj, d.targets(s, t, hi))
				}
				continue
			}
			if !ok {
				continue
			}
			switch {
			case mk == modalFuture && sourced[t.Head] && len(subj) > 0:
				// "X will visit Y, Z said": Z reports X's announced plan.
				if code := intentCode(e.Code, neg); code != "" {
					emitCode(t, code, subj, d.targets(s, t, hi))
				}
			case mk == modalFuture && (len(subj) == 0 || sameCountry(subj, sp)):
				if code := intentCode(e.Code, neg); code != "" {
					src, tg := sp, d.targets(s, t, hi)
					if len(tg) == 0 && len(src) >= 2 && (e.Sym || jointRoots.has(e.Root())) {
						// "Russia and Turkey said they would set up a
						// corridor": a joint plan, each to the other.
						src, tg = src[:1], src[1:]
					}
					emitCode(t, code, src, tg)
				}
			case mk == modalOblige && len(subj) > 0 && !sameSide(subj, sp):
				emitCode(t, "100", sp, subj)
			}
			continue
		}
		if neg {
			continue
		}
		var srcs, tgts []model.Actor
		if stativeSupport(w, t) {
			continue
		}
		if passive(w, t.Head, t.End) {
			srcs = d.agentAfter(s, t.End, min(hi, t.End+8))
			// The one acted upon is in the reported clause, never the
			// speaker: "X said two drones were brought down by Y".
			tgts = d.subject(s, chain, max(lo, complementStart(s, t.Head)))
			acted := tgts
			if len(srcs) == 0 && !displacement(e) {
				srcs, tgts = d.contextPassive(s, si, out, t, lo, tgts)
			}
			if sp := speakers[t.Head]; len(srcs) == 0 && e.Root() == "17" && stateSide(sp) {
				// "The army said opposition leaders had been arrested": a
				// state's coercion, told by the state, is its own.
				srcs, tgts = sp, acted
			}
		} else {
			srcs = d.reportedSubject(s, t, chain, lo)
			if len(srcs) == 0 {
				srcs = d.absoluteSubject(s, t.Head)
			}
			if len(srcs) == 0 && taken {
				// '"Measures are being taken to neutralise them," Peskov
				// said': the speaker's side takes them.
				srcs = speakers[t.Head]
			}
			if thingRelative(s, chain) {
				// "that agreement which created a demilitarised zone":
				// the relative's subject is the thing named, no actor.
				srcs, thingSubj = nil, true
			} else if !coord {
				thingSubj = false
			}
			if coord && thingSubj {
				// "the agreement which created a zone and called for
				// talks": the second verb's subject is the same thing.
				continue
			}
			if (coord || temporalGerund(w, t.Head)) && len(lastSubj) > 0 {
				// "X welcomed the deal with Y and urged Z": the second
				// verb shares the first one's subject, whoever stands
				// between.
				srcs = lastSubj
			}
			if len(srcs) == 0 && subjPattern {
				// "hundreds of protesters stormed": the mention the
				// pattern opens with acts.
				srcs = d.mentionAt(s, t.Start, t.Head)
			}
			if len(srcs) == 0 && (coord || coordVerb(w, lo, chain)) {
				// "X called the strike a spit in the face, and urged Y
				// to": the first verb coded nothing.
				srcs = lastSubj
				if len(srcs) == 0 {
					srcs = d.leadSubject(s, chain)
				}
			}
			tgts = d.targets(s, t, hi)
		}
		if len(srcs) > 0 {
			if len(tgts) == 0 && coord && sameCountry(srcs, lastSubj) {
				// "Baku apologized to Moscow and offered to pay
				// compensation": the second act goes to the same party.
				tgts = lastTgts
			}
			lastSubj, lastTgts = srcs, tgts
		}
		if displacement(e) && allCivilian(srcs) {
			srcs, tgts = d.displaced(s, si)
		}
		if u, ordered, ok := d.orderedAct(s, t, hi, srcs); ok {
			// "Haftar ordered his troops to march on Tripoli": a command
			// to one's own side is the act commanded, done by the one
			// commanding; to another side it is also a demand.
			utg := d.targets(s, u, hi)
			if len(utg) == 0 {
				utg = ordered
			}
			emitCode(u, u.Entry.Code, srcs, utg)
			if len(ordered) == 0 || sameCountry(ordered, srcs) {
				continue
			}
		}
		if len(tgts) == 0 && jointExercise(s, t, srcs) {
			// "French and Egyptian warships launched war games": drills
			// held together are military cooperation.
			srcs, tgts = symmetric(d, s, t, hi, srcs, tgts)
			emitCode(t, "062", srcs, tgts)
			continue
		}
		if e.Sym || jointRoots.has(e.Root()) && len(tgts) == 0 {
			srcs, tgts = symmetric(d, s, t, hi, srcs, tgts)
		}
		if len(tgts) == 0 && len(srcs) > 0 && e.Root() >= "18" {
			tgts = d.victims(s, t.End, hi)
		}
		if len(tgts) == 0 && len(srcs) > 0 && (partnerRoots.has(e.Root()) || partnerCodes.has(e.Code)) && !e.NoSub && !strings.HasPrefix(e.Code, "172") {
			tgts = d.partner(si, srcs[0])
			if len(lastTgts) == 0 {
				// "Baku apologized, ..., and offered to pay
				// compensation": the party the first act was found to
				// address is the second's too.
				lastTgts = tgts
			}
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
			if len(sp) > 0 && len(subj) > 0 && !sameSide(sp, subj) {
				emitCode(t, "100", sp, subj)
				acts++
			}
			break
		}
	}
	for _, t := range says {
		if acts == 0 {
			break
		}
		if reported[t.Head] || figureReport(w, t) || namingFrame(w, t) {
			continue
		}
		// "Aliyev said the agreement amounted to Armenia's capitulation
		// and hailed it": a report that holds no act is the speaker's
		// statement, whatever else the sentence codes.
		if srcs, tgts, ok := d.emptyReport(s, t, counted, saySubj[t.Head]); ok {
			emit(t, srcs, tgts)
		}
	}
	if acts == 0 && len(says) > 0 {
		t := says[0]
		lo := clauseStart(s.words, t.Head)
		chain, modal, neg := auxChain(w, t.Head)
		if !neg && modal == "" && !infinitive(w, t.Head) && !figureReport(w, t) && !namingFrame(w, t) {
			srcs := d.subject(s, chain, lo)
			if len(srcs) == 0 {
				srcs = d.object(s, t.End, min(len(w), t.End+4))
			}
			var tgts []model.Actor
			if w[t.Head] == "told" || w[t.Head] == "tell" || w[t.Head] == "tells" {
				tgts = d.addressee(s, t)
			} else if chain > lo {
				// "Zelensky insisted that shipments could carry on without
				// Moscow's participation": about Moscow.
				tgts = d.aboutActor(s, t.End, clauseEnd(w, t.End), srcs)
			}
			emit(t, srcs, tgts)
		}
	}
	return dropShadowed(out)
}

// absoluteSubject returns the actor of an absolute phrase "with X
// V-ing" ("fighting has intensified, with Eritrean troops joining the
// offensive"): the gerund's own subject, which its preposition hides from
// the subject search.
func (d *doc) absoluteSubject(s *sent, head int) []model.Actor {
	w := s.words
	if head == 0 || !strings.HasSuffix(w[head], "ing") {
		return nil
	}
	k, ok := s.actorEndingAt(head - 1)
	if !ok {
		return nil
	}
	m := s.actors[k]
	if m.te != head || m.ts == 0 || w[m.ts-1] != "with" {
		return nil
	}
	a, ok := d.resolve(s, k)
	if !ok || a.Country == "" {
		return nil
	}
	return []model.Actor{a}
}

// dropShadowed removes an event of a source with no target, or aimed at
// its own country, when the same trigger gives the same source and root a
// target of another country: one act, whose target is the other country.
// A noun naming the act ("Israeli air strikes have since pounded Gaza")
// is the same act as the verb with a target. Two verbs stay apart
// ("welcomed the truce and thanked Egypt").
func dropShadowed(out []coded) []coded {
	if len(out) < 2 {
		return out
	}
	// Which events are shadowed is decided on the whole list first, as
	// the loop below overwrites it; a sentence holds few events, so a
	// scan of them is cheaper than a map of built keys.
	var buf [32]bool
	shadowed := buf[:0]
	if len(out) > len(buf) {
		shadowed = make([]bool, 0, len(out))
	}
	for _, c := range out {
		shadowed = append(shadowed, (c.tgt == nil || c.tgt.Country == c.src.Country) && aimedElsewhere(out, c))
	}
	kept := out[:0]
	for i, c := range out {
		if shadowed[i] {
			continue
		}
		if objectOfVerb(out, c) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// aimedElsewhere reports an event of c's source and root with a target of
// another country, by the same trigger, or by any trigger when c is a noun
// with no target.
func aimedElsewhere(out []coded, c coded) bool {
	root := model.RootOf(c.code)
	for _, v := range out {
		if v.tgt == nil || v.tgt.Country == v.src.Country || v.src.Country != c.src.Country || model.RootOf(v.code) != root {
			continue
		}
		if v.trigger == c.trigger || c.nominal && c.tgt == nil {
			return true
		}
	}
	return false
}

// seenKey is what makes two events of a sentence the same for add.
type seenKey struct{ src, tgt, root string }

// add appends one event unless the sentence already has one with the same
// countries and root (d.seen, reset per sentence).
func (d *doc) add(out *[]coded, si int, t coding.Trigger, code string, src model.Actor, tgt *model.Actor) {
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
	key := seenKey{src.Country, tc, root}
	if slices.Contains(d.seen, key) {
		return
	}
	d.seen = append(d.seen, key)
	s := d.sents[si]
	date, timeText := d.dateFor(si, t)
	*out = append(*out, coded{
		sent: si, src: src, tgt: tgt, code: code,
		trigger: triggerText(s, t),
		nominal: t.Entry.Noun || s.nounUse(t),
		head:    t.Head, start: t.Start, end: t.End,
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

// objectOfVerb reports a trigger that is the object of a verb of the
// same source and root: a noun just after it, or any word inside the
// verb's pattern ("Hezbollah fired rockets and artillery shells at
// Israel"). The noun names the act the verb codes, with its target.
func objectOfVerb(out []coded, c coded) bool {
	for _, v := range out {
		if v.nominal || v.head >= c.head || v.src.Country != c.src.Country || model.RootOf(v.code) != model.RootOf(c.code) {
			continue
		}
		if c.head < v.end || c.nominal && c.head-v.head <= 4 {
			return true
		}
	}
	return false
}

// reducedRelative reports a participle in -ing right after an actor that
// describes it before the reporting verb it is the subject of: "the
// coalition fighting in Yemen said on Monday ..." tells who speaks, like
// "which is fighting in Yemen", a state and no event of its own.
func (s *sent) reducedRelative(t coding.Trigger) bool {
	w := s.words
	if t.Entry.Noun || t.Head != t.Start || !strings.HasSuffix(w[t.Head], "ing") || t.End >= len(w) || !prepositions.has(w[t.End]) {
		return false
	}
	after := false
	for _, m := range s.actors {
		if m.te == t.Head && m.Kind != actor.KindPlace {
			after = true
		}
	}
	if !after {
		return false
	}
	for _, h := range s.says {
		if h > t.End && h-t.End <= 6 {
			for i := t.End; i < h; i++ {
				if w[i] == "," {
					return false
				}
			}
			return true
		}
	}
	return false
}
