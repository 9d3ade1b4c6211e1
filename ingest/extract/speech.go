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
// act (no trigger counted in it) and the verb has a subject: subj when
// the verb is coordinated with one before, else its own.
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
	for _, u := range s.trigs {
		if u.Head >= t.End && u.Head < end && (counted[u.Head] || u.Entry.Say) {
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
	if w[t.Head] == "told" || w[t.Head] == "tell" || w[t.Head] == "tells" {
		return srcs, d.addressee(s, t), true
	}
	return srcs, d.aboutActor(s, t.End, end, srcs), true
}

// aboutActor returns the first actor of another country than srcs named
// in [from, to) other than as a place or the object of a trigger: whom a
// statement is about ("said Putin still wanted ...").
func (d *doc) aboutActor(s *sent, from, to int, srcs []model.Actor) []model.Actor {
	for k, m := range s.actors {
		if m.ts < from || m.ts >= to || m.Kind == actor.KindPlace {
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

// trigAt reports a trigger ending at token i.
func (s *sent) trigAt(i int) bool {
	for _, u := range s.trigs {
		if u.End == i+1 {
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
			if c.Head > t.Head || trailing && c.Head < t.Head {
				if _, taken := out[c.Head]; !taken {
					out[c.Head] = sp
					sourced[c.Head] = tail && c.Head < t.Head
				}
			}
		}
	}
	return out, sourced
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
	if from < len(w) && (audienceWords[w[from]] || from+1 < len(w) && audienceWords[w[from+1]] ||
		from+2 < len(w) && audienceWords[w[from+2]]) {
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
