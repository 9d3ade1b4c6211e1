package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// shortForm reads "the <word>" at toks[i] where the word is a head or title
// with a short-form kind ("the ministry", "the group", "the president") and
// nothing after it names who is meant ("the army chief Birhanu Jula", "the
// government of Sudan" are read by the grammar instead).
func (d *Document) shortForm(text string, toks []token, i int) (Match, int) {
	x := d.g.idx
	if m, n := d.theNation(text, toks, i); n > 0 {
		return m, n
	}
	// "the Islamist group", "the Iran-backed movement": words that add
	// no country may stand between.
	j := i + 1
	if _, n := d.lookup(text, toks, j); n == 0 {
		for j < len(toks) && j < i+3 && d.filler(toks[j]) {
			j++
		}
	}
	if j > i+1 {
		if ls, n := d.lookup(text, toks, j); n == 0 || len(ls) != 1 || ls[0].kind != lxHead || x.word(ls[0]).short == "" {
			j = i + 1 // the filler is the head itself ("the military")
		}
	}
	ls, n := d.lookup(text, toks, j)
	l, ok := first(ls, lxHead, lxTitle)
	if !ok || len(ls) > 1 {
		return Match{}, 0
	}
	w := x.word(l)
	if w.short == "" {
		return Match{}, 0
	}
	k := j + n
	if k < len(toks) && (toks[k].upper && toks[k].key != "," || toks[k].key == "of" || toks[k].key == "in") {
		return Match{}, 0
	}
	m := d.span(text, toks, i, k)
	if c := d.ledBy(toks, j, k); c != "" {
		// "the alliance" after "a US-led alliance": the leader's.
		m.Kind, m.Actor = KindAgent, d.newActor(m.Text, c, model.RoleMIL)
		return m, k - i
	}
	m.Kind, m.Hint = KindPronoun, w.short
	m.Actor = model.Actor{Role: w.role}
	m.home, m.focus = w.home, w.focus
	return m, k - i
}

// resolveDepth bounds how far back a pronoun looks, in mentions.
const resolveDepth = 12

// resolve sets m.Actor to the latest compatible mention of the document:
//
//   - KindPerson ("he", "the president"): the latest person;
//   - KindGroup ("the group", "the movement"): the latest group;
//   - KindOrg ("the organisation", "the agency"): the latest body;
//   - KindAgent ("the army", "the ministry", "the militants"): the latest
//     actor of a state (or, for REB, of an armed group), giving its
//     country to a new actor of the short form's own role.
//
// Unresolved, m.Actor keeps only the role wanted.
func (d *Document) resolve(m *Match) {
	// Agents look first for a mention in the same role ("the army" after
	// "Sudan's army"), then for any actor of a state.
	if m.home {
		// "the junta": a military government among the countries named,
		// else the story's country.
		if c, ok := d.junta(); ok {
			m.Actor = d.newActor(m.Text, c, m.Actor.Role)
			m.Resolved, m.Inferred = true, true
			return
		}
		if d.toFocus(m) {
			return
		}
	}
	if m.focus && m.Hint == KindAgent && m.Actor.Role == model.RoleMIL {
		// "the army", "the military" where the army rules one of the
		// countries named: the ruling army, whoever's troops were named
		// last ("French forces would leave ... since the army seized
		// power" in a story about Mali).
		// Only a country the story is about: a junta named in passing
		// ("arms sold to Myanmar's junta") does not make every army its
		// army; one named half as often as the most named country does.
		if c, ok := d.junta(); ok && 2*d.focus.score(c) >= d.focus.score(d.focus.top()) {
			m.Actor = d.newActor(m.Text, c, m.Actor.Role)
			m.Resolved, m.Inferred = true, true
			return
		}
	}
	passes := 1
	if m.Hint == KindAgent {
		passes = 2
	}
	for pass := 0; pass < passes; pass++ {
		if pass == 1 && m.focus && d.toFocus(m) {
			// "the army" with no army before: the story's country's, not
			// that of whichever state was named last.
			return
		}
		for k := len(d.history) - 1; k >= 0 && k >= len(d.history)-resolveDepth; k-- {
			h := d.history[k]
			if h.Kind == KindPronoun && !h.Resolved || h.Inferred {
				continue // a guess is no antecedent: the focus is asked directly
			}
			if m.Hint == KindPerson && !d.agrees(m, &h) {
				continue
			}
			if a, ok := compatible(m, h, pass == 0 && passes == 2); ok {
				m.Actor, m.Resolved = a, true
				return
			}
		}
	}
	if m.Hint == KindPerson && leaderTitle(m.Text) {
		// "the president" with no one named before: the head of the
		// country the story is about ("unless the president agrees to
		// step down" in a story about Algeria).
		d.toFocus(m)
	}
}

// leaderTitles are the offices of which a country has one, so that "the
// president" needs no name to be known.
var leaderTitles = []string{"president", "prime minister", "premier", "king", "emir", "sultan", "crown prince",
	"supreme leader", "chancellor"}

// leaderTitle reports a short form "the <leader title>".
func leaderTitle(text string) bool {
	t := strings.ToLower(text)
	for _, l := range leaderTitles {
		if t == "the "+l {
			return true
		}
	}
	return false
}

// toFocus resolves a short form to the focus country in its own role.
func (d *Document) toFocus(m *Match) bool {
	c := d.focus.top()
	if c == "" {
		return false
	}
	m.Actor = d.newActor(m.Text, c, m.Actor.Role)
	m.Resolved, m.Inferred = true, true
	return true
}

// compatible returns the actor m refers to if h can be its antecedent.
func compatible(m *Match, h Match, sameRole bool) (model.Actor, bool) {
	a := h.Actor
	switch m.Hint {
	case KindPerson:
		if h.Kind != KindPerson || (m.Actor.Role != model.RoleNone && a.Role != m.Actor.Role) {
			return a, false
		}
		return a, true
	case KindGroup, KindOrg:
		return a, h.Kind == m.Hint
	}
	r := m.Actor.Role
	if a.Country == "" || a.Country == model.CountryIGO || a.Role == model.RoleCVL {
		return a, false
	}
	if sameRole && a.Role != r {
		return a, false
	}
	if (r == model.RoleREB) != (a.Role == model.RoleREB) {
		return a, false
	}
	return model.NewActor(m.Text, a.Country, r), true
}

// theNation reads "the French", "the Chinese", "the British" at toks[i]:
// a demonym with no plural of its own ("Frenchs"), standing for the
// nation and, in news of states, its government ("the Chinese have
// rejected the plan"). A noun after it makes it an adjective again ("the
// French army", "the Chinese Foreign Ministry").
func (d *Document) theNation(text string, toks []token, i int) (Match, int) {
	if i+2 >= len(toks) || !toks[i+1].upper {
		return Match{}, 0
	}
	ls, n := d.lookup(text, toks, i+1)
	if n != 1 || len(ls) != 1 || ls[0].kind != lxAdj {
		return Match{}, 0
	}
	w := text[toks[i+1].start:toks[i+1].end]
	if plural(w) != "" || strings.HasSuffix(w, "i") {
		return Match{}, 0 // "the Syrian" needs a noun: its people are "Syrians"
	}
	if k := toks[i+2].key; !(nationEnd[k] || stopName[k] && k != "the" && k != "of" || verbish[k] ||
		len(k) > 4 && k[len(k)-2:] == "ed" && !toks[i+2].upper) {
		return Match{}, 0
	}
	c := d.g.idx.named[ls[0].id].actor.Country
	m := d.span(text, toks, i, i+2)
	m.Kind, m.Actor = KindAgent, d.newActor(m.Text, c, model.RoleGOV)
	return m, 2
}

// nationEnd are the marks and words that may end "the French" as a noun.
var nationEnd = map[string]bool{",": true, ".": true, ";": true, ")": true, "\"": true, "say": true,
	"insist": true, "want": true, "will": true, "has": true, "had": true, "were": true, "are": true,
	"have": true, "would": true, "refuse": true, "agree": true}
