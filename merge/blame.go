package merge

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/eventgraph/eventgraph/model"
)

// blameFamilies are the acts with a perpetrator and a victim: coercion,
// assaults, fighting and mass violence, which the parties and the outlets
// lay at different doors ("Russian warplanes" in one report, "Syrian
// government aircraft" in another).
var blameFamilies = map[string]bool{"17": true, "18/19": true, "20": true}

// BlameFamily reports whether reports of merge family f (see [Family])
// may be joined by blame: only their sentences' blame words count.
func BlameFamily(f string) bool { return blameFamilies[f] }

// blameWords are the words with which a sentence attributes or contests
// responsibility for an act: "denied carrying out", "blamed", "accused",
// "was responsible", "claimed responsibility", "attributed".
var blameWords = map[string]bool{
	"blame": true, "blamed": true, "blames": true, "blaming": true,
	"accuse": true, "accused": true, "accuses": true, "accusing": true, "accusation": true, "accusations": true,
	"deny": true, "denied": true, "denies": true, "denying": true, "denial": true,
	"responsible": true, "responsibility": true,
	"attribute": true, "attributed": true, "attributes": true, "attributing": true,
}

// ContestsBlame reports whether a sentence attributes or contests
// responsibility (see blameWords). Only the sentence that reports the act
// counts: that is what the mention keeps.
func ContestsBlame(sentence string) bool {
	for w := range strings.FieldsFuncSeq(sentence, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 4 && blameWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// otherHand reports whether reports a and b may be one act whoever did
// it: everything [Rule.Compatible] asks but the source, and more, since
// nothing but a blame word ties them. Both name one victim, both are dated
// to the day and both name one place: a vague report, or one without a
// place, could be any of a day's strikes.
func (r Rule) otherHand(a, b *keys) bool {
	x, y := a.ev, b.ev
	return a.blame && a.family == b.family &&
		x.Target != nil && y.Target != nil && actorsMatch(x.Target, y.Target) &&
		x.Location != "" && strings.EqualFold(x.Location, y.Location) &&
		a.day && b.day && !a.zero && !b.zero &&
		r.datesMatch(a, b, tolerant(a, b))
}

// Contestable reports whether report r is an act that may be laid at
// another door (see [Rule.otherHand]): one of the blame families, with a
// victim, a place and a day. Reports it may be joined with by another hand
// share its family and its victim's [Country] key.
func Contestable(r model.Event) bool {
	return r.Target != nil && r.Location != "" && r.Date.Precision == model.PrecisionDay && !r.Date.IsZero() &&
		blameFamilies[Family(r.Code)] // the map lookups last: most reports fail before them
}

// blameKey is where [Rule.joinBlame] looks for a group's partners: its
// family and its victim's key. ok is false for groups that cannot be in a
// blame dispute.
func blameKey(g *group) (key string, ok bool) {
	e := &g.members[0].e
	if !Contestable(*e) {
		return "", false
	}
	return Family(e.Code) + "|" + country(e.Target), true
}

// joinBlame joins events (groups) that report one act laid at different
// doors: every pair of their reports is [Rule.Compatible] or differs only
// in who did it ([Rule.otherHand]), and a report of one of them
// attributes or contests the blame ([ContestsBlame]). Without such a word
// two perpetrators are two acts: strict, so that a day's unrelated strikes
// on one town stay apart. Groups come in the canonical order of their
// first report and are joined first-fit in that order, so the result
// depends only on the set of reports. [Resolve] then lists each version of
// the perpetrator with its sources.
func (r Rule) joinBlame(groups []*group) []*group {
	type hub struct {
		g   *group
		cue bool
	}
	slack := time.Duration(r.DayTolerance) * 24 * time.Hour
	all := map[string][]*hub{}  // every hub of a key
	cued := map[string][]*hub{} // the hubs with a blame word
	out := groups[:0]           // filtered in place: a group is written at or before where it was read
	for _, g := range groups {
		k, ok := blameKey(g)
		if !ok {
			out = append(out, g)
			continue
		}
		cue := hasBlameWord(g)
		cands := cued[k] // a join needs a blame word on one side
		if cue {
			cands = all[k]
		}
		var into *hub
		for _, h := range cands {
			if g.first.After(h.g.last.Add(slack)) || h.g.first.After(g.last.Add(slack)) {
				continue
			}
			if r.sameAct(h.g, g) {
				into = h
				break
			}
		}
		if into == nil {
			h := &hub{g: g, cue: cue}
			all[k] = append(all[k], h)
			if cue {
				cued[k] = append(cued[k], h)
			}
			out = append(out, g)
			continue
		}
		into.g.members = append(into.g.members, g.members...)
		for _, k := range g.kinds {
			into.g.addKind(k)
		}
		sort.SliceStable(into.g.members, func(i, j int) bool { return canonicalLess(into.g.members[i], into.g.members[j]) })
		if g.first.Before(into.g.first) {
			into.g.first = g.first
		}
		if g.last.After(into.g.last) {
			into.g.last = g.last
		}
		if cue && !into.cue {
			into.cue = true
			cued[k] = append(cued[k], into)
		}
	}
	return out
}

// sameAct reports whether every report of a may be the act of every
// report of b, by the same or by another hand.
func (r Rule) sameAct(a, b *group) bool { return r.sameActKinds(a.kinds, b.kinds) }

func hasBlameWord(g *group) bool {
	for _, m := range g.members {
		if ContestsBlame(m.e.Mentions[0].Sentence) {
			return true
		}
	}
	return false
}

// blameDispute lists who did it, when mentions lay one act (the same
// victim) at doors that are not the same actor at the code level; a
// symmetric act told from both sides is no dispute. Each version is the
// first name given for that actor, with its code, and every source that
// names it.
func blameDispute(e *model.Event) (model.Dispute, bool) {
	if !handsDiffer(e.Mentions) {
		return model.Dispute{}, false
	}
	var hands []*model.Actor
	label := func(m model.Mention) string {
		if m.Source == nil {
			return ""
		}
		var h *model.Actor
		for _, x := range hands {
			if actorsMatch(x, m.Source) {
				h = x
				break
			}
		}
		if h == nil {
			h = m.Source
			hands = append(hands, h)
		}
		if h.Code == "" {
			return h.Name
		}
		return h.Name + " (" + h.Code + ")"
	}
	return versions(e, model.DisputeBlame, "", label), true
}

// hand is what handsDiffer reads of a mention: what actorsMatch reads of
// its actors, and whether its act has no direction.
type hand struct {
	source, target model.Actor
	symmetric      bool
}

// handsDiffer reports whether two mentions lay one act on one victim at
// doors that are not one actor at the code level, other than a symmetric
// act told from both sides. It compares the distinct hands only: an event
// retold in thousands of articles has a few of them, and comparing every
// pair of its mentions took seconds.
func handsDiffer(ms []model.Mention) bool {
	var hands []hand
	seen := map[hand]bool{}
	for _, m := range ms {
		if m.Source == nil || m.Target == nil {
			continue
		}
		h := hand{source: actorKey(m.Source), target: actorKey(m.Target), symmetric: Symmetric(m.Code)}
		if !seen[h] {
			seen[h] = true
			hands = append(hands, h)
		}
	}
	for i := range hands {
		a := &hands[i]
		for j := i + 1; j < len(hands); j++ {
			b := &hands[j]
			if actorsMatch(&a.source, &b.source) || !actorsMatch(&a.target, &b.target) {
				continue
			}
			if a.symmetric && b.symmetric && actorsMatch(&a.source, &b.target) && actorsMatch(&a.target, &b.source) {
				continue
			}
			return true
		}
	}
	return false
}

// actorKey is what actorsMatch reads of an actor.
func actorKey(a *model.Actor) model.Actor {
	return model.Actor{ID: a.ID, Country: a.Country, Code: a.Code, Role: a.Role}
}
