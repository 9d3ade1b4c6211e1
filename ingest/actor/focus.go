package actor

import (
	"github.com/eventgraph/eventgraph/model"
)

// focus counts the countries an article has named so far. Generic agents
// without a modifier ("separatists", "air defences", "the junta") are, in
// conflict reporting, almost always of the country the story is about:
// armed groups take the country they operate in (see the eval
// guidelines), and an unqualified "army" or "civilians" in a story about
// Syria are Syria's. The country named most, with places counting double
// because they say where things happen, stands in for "the country the
// story is about".
type focus struct {
	countries []string
	scores    []int
}

// placeWeight is what a place ("Idlib", "in Moscow") adds to its country:
// more than a state's name, which is as often the subject of diplomacy as
// the scene of the fighting.
const placeWeight = 2

// note counts the country of match m.
func (f *focus) note(m *Match) {
	c := m.Actor.Country
	if len(c) != 3 || c == model.CountryIGO || m.Inferred || m.Kind == KindPronoun {
		return
	}
	w := 1
	if m.Kind == KindPlace {
		w = placeWeight
	}
	for i, x := range f.countries {
		if x == c {
			f.scores[i] += w
			return
		}
	}
	f.countries = append(f.countries, c)
	f.scores = append(f.scores, w)
}

// top is the country named most so far, the first named on a tie, or "".
func (f *focus) top() string {
	best, bestScore := "", 0
	for i, s := range f.scores {
		if s > bestScore {
			best, bestScore = f.countries[i], s
		}
	}
	return best
}

// localize gives an agent read without any modifier the focus country,
// when its head family says such agents belong to the story's country
// (WordSpec.Focus). Unknown perpetrators ("gunmen", "attackers") keep
// none, as the guidelines want.
func (d *Document) localize(m *Match, w word) {
	if !w.focus || m.Actor.Country != "" {
		return
	}
	c := d.scene
	if c == "" {
		c = d.focus.top()
	}
	if c != "" {
		m.Actor = d.newActor(m.Actor.Name, c, m.Actor.Role)
		m.Inferred = true
	}
}

// sceneOf is the country of a passage that opens on where it happens,
// "In Egypt, a police officer opened fire", "In northern Syria, rebels
// said": its unqualified agents are of that country, not of the story's
// (a story about Israel may turn to a shooting in Egypt). Else "".
func (d *Document) sceneOf(text string, toks []token) string {
	if len(toks) < 3 || toks[0].key != "in" {
		return ""
	}
	k := 1
	if compass(toks[k].key) {
		k++
	}
	ls, n := d.lookup(text, toks, k)
	if n == 0 || k+n >= len(toks) || toks[k+n].key != "," {
		return ""
	}
	l, ok := first(ls, lxState, lxPlace, lxMetonym)
	if !ok {
		return ""
	}
	c := d.g.idx.named[l.id].actor.Country
	if len(c) != 3 || c == model.CountryIGO {
		return ""
	}
	return c
}

// compass reports a direction word before a place: "northern", "central".
func compass(key string) bool {
	return key == "central" || len(key) > 5 && key[len(key)-3:] == "ern"
}

// eventNouns name meetings and agreements: "the Minsk agreements", "the
// Astana talks", "the 2018 Sochi deal" name an event after its venue, so
// the city is neither an actor nor, there, a place of action.
var eventNouns = map[string]bool{"agreement": true, "agreements": true, "accord": true, "accords": true,
	"deal": true, "deals": true, "talks": true, "process": true, "format": true, "protocol": true,
	"protocols": true, "summit": true, "declaration": true, "memorandum": true, "ceasefire": true,
	"cease-fire": true, "truce": true, "conference": true, "negotiations": true, "treaty": true,
	"pact": true, "framework": true, "communique": true, "understanding": true, "arrangement": true,
	"arrangements": true, "peace": true, "platform": true, "group": false}

// determiners can open a noun phrase named after a venue: "the Minsk
// agreements", "a Sochi-style deal", "last year's Astana talks".
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true,
	"these": true, "those": true, "'s": true, "its": true, "their": true, "new": true, "earlier": true,
	"previous": true, "failed": true, "landmark": true, "so-called": true}

// namedEvent reports whether the city or place at toks[i:j] names an event
// ("the Minsk agreements", "the 2018 Sochi deal", "the Minsk II accords")
// and returns the tokens to skip after i.
func namedEvent(toks []token, i, j int) (int, bool) {
	if i == 0 {
		return 0, false
	}
	prev := toks[i-1].key
	if !determiners[prev] && !isYear(prev) {
		return 0, false
	}
	k := j
	if k < len(toks) && (toks[k].key == "ii" || toks[k].key == "2" || toks[k].key == "i") {
		k++ // "Minsk II"
	}
	if k < len(toks) && eventNouns[toks[k].key] {
		return k + 1 - i, true
	}
	return 0, false
}

func isYear(s string) bool {
	return len(s) == 4 && (s[0] == '1' || s[0] == '2') && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}

// relational nouns make an apposition a description of the actor before
// it, not a second actor: "the UAE, a leading member of the Saudi-led
// coalition, welcomed it" is the UAE's act, and "Turkey, a NATO ally" is
// no act of NATO's.
var relational = map[string]bool{"member": true, "members": true, "ally": true, "allies": true,
	"partner": true, "partners": true, "part": true, "backer": true, "backers": true, "supporter": true,
	"neighbour": true, "neighbor": true, "rival": true, "foe": true, "signatory": true, "founder": true}

// describing returns the tokens of a descriptive apposition at toks[k]
// (", a key member of X,"), up to its closing comma, or 0.
func describing(toks []token, k int) int {
	if k+2 >= len(toks) || toks[k].key != "," {
		return 0
	}
	if a := toks[k+1].key; a != "a" && a != "an" && a != "one" && a != "another" {
		return 0
	}
	rel := false
	for j := k + 2; j < len(toks) && j < k+14; j++ {
		switch toks[j].key {
		case ",", ".", ";", "(", ")", "\n":
			if rel && toks[j].key == "," {
				return j - k // the closing comma stays for the grammar
			}
			return 0
		}
		if j < k+6 && relational[toks[j].key] {
			rel = true
		}
	}
	return 0
}
