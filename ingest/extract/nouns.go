package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// Joint acts ("X and Y agreed", "a deal between X and Y") and nominal
// triggers ("an air strike by X", "Israeli air strikes killed ...").

// symmetric orders the parties of a joint act: "X and Y agreed" and "a
// deal between X and Y" give X -> Y, "X met with Y" gives X -> Y.
func symmetric(d *doc, s *sent, t coding.Trigger, hi int, srcs, tgts []model.Actor) ([]model.Actor, []model.Actor) {
	if len(srcs) >= 2 {
		if len(tgts) > 0 && !togetherWith(s.words, t.End, hi) {
			// "X and Y signed separate accords with Z": each with Z.
			return srcs, tgts
		}
		if len(srcs) >= 3 && len(tgts) == 0 {
			// "the leaders of X, Y and Z agreed": one joint act, coded
			// once like any symmetric one, from the first named to the
			// second, not once per pair.
			return srcs[:1], srcs[1:2]
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
	if spanOf(w, t.Start) {
		return nil, nil
	}
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
	if i < len(w) && adverbLike(w[i]) {
		i++
	}
	if i >= len(w) || !(strings.HasSuffix(w[i], "ed") || participles.has(w[i]) || strings.HasSuffix(w[i], "en")) {
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
	if participles.has(w) || auxes.has(w) || modals.has(w) {
		return true
	}
	switch w {
	case "began", "begin", "begins", "continued", "continue", "killed", "hit", "struck":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// spanOf reports a noun trigger at start measured as a stretch of time:
// "11 days of fighting", "years of war" name how long, not an act.
func spanOf(w []string, start int) bool {
	for i := start - 1; i >= 1 && start-i <= 3; i-- {
		if w[i] == "of" {
			return durationNouns.has(w[i-1])
		}
	}
	return false
}

var durationNouns = set("hours", "days", "weeks", "months", "years", "decades", "nights")

// lightVerbRoles gives the parties of a nominal trigger that is the
// object of a verb which only announces or performs it: "Italy announced
// a suspension of air links with Serbia", "the army launched a fresh
// offensive against X". The verb's subject acts; a negated, modal or
// infinitive verb performs nothing.
func (d *doc) lightVerbRoles(s *sent, t coding.Trigger, hi int) ([]model.Actor, []model.Actor) {
	w := s.words
	k := t.Start - 1
	for k >= 0 && t.Start-k <= 4 && (determiners.has(w[k]) && w[k] != "of" || nounAdjectives.has(w[k]) || isNumber(w[k]) ||
		quoteMarks.has(w[k]) || adjectiveLike(w[k])) {
		k--
	}
	if k >= 3 && w[k] == "called" && w[k-2] == "what" {
		// 'announced what he called a "special military operation"':
		// the naming stands between the verb and its object.
		k -= 3
	}
	if k < 0 || k == t.Start-1 && !lightVerbs.has(w[k]) {
		return nil, nil
	}
	if !lightVerbs.has(w[k]) {
		return nil, nil
	}
	if w[k] == "out" {
		if k == 0 || !carryForms.has(w[k-1]) {
			return nil, nil
		}
		k--
	}
	chain, modal, neg := auxChain(w, k)
	if neg || modal != "" || infinitive(w, k) || gerundObject(w, k) || passive(w, k, k+1) {
		return nil, nil
	}
	if c := asideStart(w, chain); c >= 0 {
		// "Syrian troops, backed by Russian warplanes, began their
		// push": the subject stands before the aside.
		chain = c
	}
	srcs := d.subject(s, chain, clauseStart(w, k))
	if len(srcs) == 0 {
		return nil, nil
	}
	tgts := d.nounTarget(s, t.End, hi)
	if len(tgts) == 0 && (prepositions.has(w[t.End-1]) || w[t.End-1] == "into") {
		// A pattern ending in its preposition ("push into"): the
		// object follows.
		tgts = d.object(s, t.End, min(hi, t.End+4))
	}
	if len(tgts) == 0 && !t.Entry.Sym {
		for i := t.End; i < hi && i < t.End+6; i++ {
			if w[i] == "with" {
				tgts = d.object(s, i+1, min(hi, i+5))
				break
			}
		}
	}
	if t.Entry.Sym && len(tgts) == 0 && len(srcs) >= 2 {
		// "the two sides announced an agreement": between themselves.
		return srcs[:1], srcs[1:]
	}
	return srcs, tgts
}

var (
	lightVerbs = set("announce", "announces", "announced", "declare", "declares", "declared",
		"order", "orders", "ordered", "launch", "launches", "launched", "begin", "begins", "began",
		"start", "starts", "started", "stage", "stages", "staged", "conduct", "conducts",
		"conducted", "unveil", "unveils", "unveiled", "proclaim", "proclaims", "proclaimed",
		"mount", "mounts", "mounted", "initiate", "initiates", "initiated", "out",
		// going on with it: "pressed its campaign", "resumed its strikes"
		"press", "presses", "pressed", "continue", "continues", "continued", "resume", "resumes",
		"resumed", "intensify", "intensifies", "intensified", "wage", "wages", "waged")
	carryForms     = set("carry", "carries", "carried", "carrying")
	quoteMarks     = set("\"", "“", "”", "``", "''", "'")
	nounAdjectives = set("full", "partial", "temporary", "immediate", "total", "complete",
		"unilateral", "indefinite", "general", "major", "large-scale", "full-scale", "massive",
		"limited", "military", "ground", "air", "naval", "joint", "humanitarian")
)

// causeAdjunct reports a nominal trigger at start introduced as a cause
// or setting ("because of fighting between X and Y", "amid clashes
// between"): an event of its own, not part of a stance's complement.
func causeAdjunct(w []string, start int) bool {
	for i := start - 1; i >= 0 && start-i <= 3; i-- {
		switch w[i] {
		case "amid", "after", "following", "during":
			return true
		case "of":
			return i > 0 && w[i-1] == "because"
		case "to":
			return i > 0 && (w[i-1] == "due" || w[i-1] == "response")
		}
		if !determiners.has(w[i]) && !nounAdjectives.has(w[i]) {
			return false
		}
	}
	return false
}

// asideStart returns the opening comma of a participle aside that ends
// right before a verb group at chain (", backed by X,"), or -1.
func asideStart(w []string, chain int) int {
	if chain < 3 || w[chain-1] != "," {
		return -1
	}
	for i := chain - 2; i > 0 && chain-i <= 10; i-- {
		if w[i] == "," {
			if strings.HasSuffix(w[i+1], "ed") || participles.has(w[i+1]) {
				return i
			}
			return -1
		}
	}
	return -1
}
