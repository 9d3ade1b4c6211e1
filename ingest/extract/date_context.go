package extract

import (
	"slices"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/timex"
	"github.com/eventgraph/eventgraph/model"
)

// The dating rules that look past the trigger's own sentence: the events
// and times told before it (a referring event noun, a past perfect,
// "since then", the same actor going on) and the sentence after it (a
// present perfect the next sentence dates, an act named again with its
// time).

// datedBefore returns the latest event of the n sentences before si that
// a time expression dated before day pub, of the family of root (any
// when root is "").
func (d *doc) datedBefore(si, n int, root string, pub model.Date) (coded, bool) {
	for k := len(d.done) - 1; k >= 0; k-- {
		e := &d.done[k]
		if e.sent >= si {
			continue
		}
		if e.sent < si-n {
			break
		}
		if e.timeText == "" || !e.date.Start.Before(pub.Start) {
			continue
		}
		if root == "" || family(model.RootOf(e.code)) == family(root) {
			return *e, true
		}
	}
	return coded{}, false
}

// referent finds a definite event noun of s that dates trigger t and
// returns the earlier dated event it names: the latest one of its family
// within referWindow sentences. The noun dates t when it is t ("the
// attack came ...") or when a temporal preposition puts t at its time
// ("speaking after the talks"); a noun that is only the object of t
// ("welcomed the truce") names an earlier event, not the time of a new
// one.
func (d *doc) referent(s *sent, si int, t coding.Trigger, pub model.Date) (coded, bool) {
	first := len(s.words)
	if len(s.says) > 0 {
		first = s.says[0]
	}
	for _, u := range s.trigs {
		if u.Head > first {
			// "said the agreement amounted to ...": the speaker's words
			// name the deal, the saying is of today.
			break
		}
		if u.Entry.Say || !(u.Entry.Noun || s.nounUse(u)) || u.Head == 0 || !referring.has(s.words[u.Start-1]) {
			continue
		}
		if u.Head != t.Head && (u.Start < 2 || !temporalPreps.has(s.words[u.Start-2])) {
			continue
		}
		if e, ok := d.datedBefore(si, referWindow, u.Entry.Root(), pub); ok {
			return e, true
		}
	}
	return coded{}, false
}

// referring are the determiners of a noun that names an event already
// told: "the talks", "that meeting".
var referring = set("the", "this", "that", "these", "those")

// temporalPreps put an act at the time of the event noun they govern,
// as do participles of taking part in it ("opening the summit, X said").
var temporalPreps = set("after", "following", "during", "before", "since", "at", "amid", "until",
	"opening", "closing", "addressing", "attending", "concluding", "ending")

// referWindow is how many sentences back a definite event noun looks.
const referWindow = 6

// family groups roots whose events an event noun can name: talk and
// agreement (03-08), words (01, 02, 09-14), force and coercion (15-20).
func family(root string) int {
	switch {
	case root >= "03" && root <= "08":
		return 1
	case root >= "15":
		return 2
	}
	return 0
}

// referenceTime returns the time last told in the n sentences before si
// that lies before day pub and modifies no noun: the reference time a
// narrative carries on from.
func (d *doc) referenceTime(si, n int, pub model.Date) (timex.Expr, bool) {
	for k := si - 1; k >= 0 && k >= si-n; k-- {
		p := d.sents[k]
		for j := len(p.times) - 1; j >= 0; j-- {
			x := p.times[j]
			if x.Date.IsZero() || !x.Date.Start.Before(pub.Start) {
				continue
			}
			ts, te := tokenRange(p.toks, x.Start, x.End)
			if _, _, ok := nounTime(p.words, ts, te); ok || ts > 0 && p.words[ts-1] == "since" {
				// "the 2018 deal" is no time of the story; "advancing
				// since Thursday" tells a span, not the moment told.
				continue
			}
			return x, true
		}
	}
	return timex.Expr{}, false
}

// sinceThen reports an anaphoric "since" in [lo, hi): "since then",
// "ever since", or "since" as an adverb in the verb group ("have since
// intensified").
func sinceThen(w []string, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if w[k] != "since" {
			continue
		}
		if k+1 < len(w) && (w[k+1] == "then" || w[k+1] == "." || w[k+1] == ",") ||
			k > 0 && (auxes.has(w[k-1]) || w[k-1] == "ever") {
			return true
		}
	}
	return false
}

// subjectCountries appends to cs the countries of the actors in [lo,
// head), pronouns resolved. Callers pass a buffer of their own: the list
// is read and dropped.
func (d *doc) subjectCountries(cs []string, s *sent, lo, head int) []string {
	for k, m := range s.actors {
		if m.ts < lo || m.te > head {
			continue
		}
		if a, ok := d.resolve(s, k); ok && a.Country != "" && !slices.Contains(cs, a.Country) {
			cs = append(cs, a.Country)
		}
	}
	return cs
}

// continued dates a past act with no time of its own by the sentence
// before when its subject was an actor there: the story goes on at the
// same time ("X told the summit on Wednesday that ... . He said ...";
// "An Azerbaijani missile shot down a helicopter on Monday. Baku
// apologized"). A new actor starts a new event, of the day of writing
// unless the text says otherwise.
func (d *doc) continued(si, lo int, t coding.Trigger, pub model.Date) (model.Date, string, bool) {
	if si == 0 {
		return model.Date{}, "", false
	}
	s := d.sents[si]
	if !s.toldInPast(t) || passive(s.words, t.Head, t.End) {
		// The present is of the day of writing; the subject of a
		// passive is the one acted upon, no actor going on.
		return model.Date{}, "", false
	}
	var buf [4]string
	subj := d.subjectCountries(buf[:0], s, lo, t.Head)
	if len(subj) == 0 && lo > 1 && s.coordPredicate(t) {
		// "Baku apologized, saying ..., and offered compensation": the
		// sentence's subject.
		if len(s.actors) > 0 && s.actors[0].te <= lo {
			subj = d.subjectCountries(buf[:0], s, s.actors[0].ts, s.actors[0].te)
		}
	}
	if len(subj) == 0 {
		return model.Date{}, "", false
	}
	p := d.sents[si-1]
	shared := false
	for k := range p.actors {
		if a, ok := d.resolve(p, k); ok && slices.Contains(subj, a.Country) {
			shared = true
			break
		}
	}
	if !shared {
		return model.Date{}, "", false
	}
	// The subject's own act before dates it when a time of that sentence
	// did; one of the day of writing, or dated only by carrying, keeps
	// the new act at the day of writing.
	for i := range d.done {
		e := &d.done[i]
		if e.sent == si-1 && slices.Contains(subj, e.src.Country) {
			if e.timeText == "" || !e.date.Start.Before(pub.Start) || !p.hasTime(e.timeText) ||
				e.date.Precision != model.PrecisionDay && e.date.Precision != model.PrecisionRange {
				// A month or a year told before is the story's
				// background; only the days of the news go on.
				return model.Date{}, "", false
			}
			return e.date, e.timeText, true
		}
	}
	if x, ok := d.sameKindTime(p, nil, []coding.Trigger{t}, pub); ok {
		return x.Date, x.Text, true
	}
	for i := range d.done {
		e := &d.done[i]
		if e.sent == si-1 {
			return model.Date{}, "", false
		}
	}
	// The sentence before coded nothing ("the French president said on
	// Thursday that France could not stay engaged. He denied ..."): the
	// subject goes on at the day it told.
	if x, ok := d.referenceTime(si, 1, pub); ok && x.Date.Precision == model.PrecisionDay {
		return x.Date, x.Text, true
	}
	return model.Date{}, "", false
}

// toldInPast reports a verbal trigger in the simple past, or an act
// reported by a reporting verb in the past ("He said the panel would
// supervise ...").
func (s *sent) toldInPast(t coding.Trigger) bool {
	if t.Entry.Noun || s.nounUse(t) {
		return false
	}
	if start, modal, _ := auxChain(s.words, t.Head); modal == "" && pastForm(s.words[t.Head]) {
		simple := true // no auxiliary: "reportedly told", not "has told"
		for i := start; i < t.Head; i++ {
			simple = simple && !auxes.has(s.words[i])
		}
		if simple {
			return true
		}
	}
	for _, h := range s.says {
		if h < t.Head && pastForm(s.words[h]) {
			return true
		}
	}
	return false
}

// hasTime reports a time expression of s with the given text.
func (s *sent) hasTime(text string) bool {
	for _, x := range s.times {
		if x.Text == text {
			return true
		}
	}
	return false
}

// sameKindTime returns a time of sentence n before day pub that stands in
// the clause of one of n's triggers (trigs, or matched when nil) of the
// same kind as one of acts: "The deal was signed late on Wednesday" dates
// a signing told in the sentence next to it. The trigger must be a verb
// in the past: an event noun or a wish ("urged X to stop bombing") tells
// no act done at that time.
func (d *doc) sameKindTime(n *sent, trigs, acts []coding.Trigger, pub model.Date) (timex.Expr, bool) {
	for _, x := range n.times {
		if x.Date.IsZero() || !x.Date.Start.Before(pub.Start) {
			continue
		}
		ts, te := tokenRange(n.toks, x.Start, x.End)
		if _, _, ok := nounTime(n.words, ts, te); ok {
			continue
		}
		if trigs == nil {
			trigs = d.x.lex.Match(n.words)
		}
		for _, u := range trigs {
			if u.Entry.Say || !pastForm(n.words[u.Head]) || infinitive(n.words, u.Head) ||
				ts < clauseStart(n.words, u.Head) || ts >= clauseEnd(n.words, u.End) {
				continue
			}
			for _, a := range acts {
				if !a.Entry.Say && family(a.Entry.Root()) == family(u.Entry.Root()) {
					return x, true
				}
			}
		}
	}
	return timex.Expr{}, false
}

// elaborated dates a present perfect with no time of its own ("Iran has
// rejected the accusations.") by the sentence after it when that one
// tells the same act with its time: a trigger of the same kind in the
// time's clause ("The deal was signed late on Wednesday"), or an actor of
// the subject's country before the time ("Its foreign minister called
// them baseless on Sunday"). When t's sentence tells another act of the
// same kind further on ("has hit targets in retaliation for an air
// strike"), the next sentence's act may be that one, and only the actor
// tells.
func (d *doc) elaborated(si, lo int, t coding.Trigger, pub model.Date) (timex.Expr, bool) {
	if si+1 >= len(d.sents) {
		return timex.Expr{}, false
	}
	n := d.sents[si+1]
	if !d.sents[si].otherOfKind(t) {
		if x, ok := d.sameKindTime(n, nil, []coding.Trigger{t}, pub); ok {
			return x, true
		}
	}
	if d.x.g == nil {
		return timex.Expr{}, false
	}
	var buf [4]string
	subj := d.subjectCountries(buf[:0], d.sents[si], lo, t.Head)
	if len(subj) == 0 {
		return timex.Expr{}, false
	}
	found := d.x.g.Find(n.span.Text, d.dct)
	for _, x := range n.times {
		if x.Date.IsZero() || !x.Date.Start.Before(pub.Start) {
			continue
		}
		for _, m := range found {
			if m.End <= x.Start && m.Kind != actor.KindPlace && m.Kind != actor.KindPronoun &&
				slices.Contains(subj, m.Actor.Country) {
				return x, true
			}
		}
	}
	return timex.Expr{}, false
}

// otherOfKind reports a trigger of s of t's kind that is not t's own
// object: before t, or more than a few words after it.
func (s *sent) otherOfKind(t coding.Trigger) bool {
	for _, u := range s.trigs {
		if u.Head != t.Head && !u.Entry.Say && family(u.Entry.Root()) == family(t.Entry.Root()) &&
			(u.Head < t.Head || u.Head > t.End+3) {
			return true
		}
	}
	return false
}

// sameOccasion dates an act "during the same news conference" or "at the
// same meeting" by the time of the sentence, within four before, that
// named that occasion.
func (d *doc) sameOccasion(si, head int, pub model.Date) (timex.Expr, bool) {
	w := d.sents[si].words
	noun := ""
	for k := 1; k+1 < head; k++ {
		if w[k-1] == "the" && w[k] == "same" {
			for j := k + 1; j < head && j <= k+3 && w[j] != ","; j++ {
				noun = w[j]
			}
			break
		}
	}
	if noun == "" {
		return timex.Expr{}, false
	}
	for k := si - 1; k >= 0 && k >= si-4; k-- {
		if slices.Contains(d.sents[k].words, noun) {
			return d.referenceTime(k+1, 1, pub)
		}
	}
	return timex.Expr{}, false
}

// besideSpeaker dates the act of one who stood "beside him" ("Erdogan,
// standing beside him, warned ...") by the dated act of the sentence
// before: the two spoke on the same occasion.
func (d *doc) besideSpeaker(si, head int, pub model.Date) (coded, bool) {
	w := d.sents[si].words
	near := false
	for k := 0; k+1 < head && !near; k++ {
		switch w[k] {
		case "beside", "alongside":
			near = objectPronouns.has(w[k+1])
		case "next":
			near = k+2 < head && w[k+1] == "to" && objectPronouns.has(w[k+2])
		}
	}
	if !near {
		return coded{}, false
	}
	return d.datedBefore(si, 1, "", pub)
}

var objectPronouns = set("him", "her", "them")

// namedAgain dates an act introduced with an indefinite noun ("in
// retaliation for an air strike by ...") by the next sentence when that
// one names it again with the definite article and a time ("The attack
// late on Thursday was ...").
func (d *doc) namedAgain(si int, t coding.Trigger, pub model.Date) (timex.Expr, bool) {
	s := d.sents[si]
	if !(t.Entry.Noun || s.nounUse(t)) || t.Start == 0 || s.words[t.Start-1] != "a" && s.words[t.Start-1] != "an" ||
		si+1 >= len(d.sents) {
		return timex.Expr{}, false
	}
	n := d.sents[si+1]
	if len(n.words) < 2 || n.words[0] != "the" {
		return timex.Expr{}, false
	}
	for _, u := range d.x.lex.Match(n.words) {
		if u.Start != 1 || u.Entry.Say || family(u.Entry.Root()) != family(t.Entry.Root()) {
			continue
		}
		for _, x := range n.times {
			ts, _ := tokenRange(n.toks, x.Start, x.End)
			if ts >= u.End && ts <= u.End+2 && !x.Date.IsZero() && x.Date.Start.Before(pub.Start) {
				return x, true
			}
		}
	}
	return timex.Expr{}, false
}
