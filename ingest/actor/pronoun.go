package actor

import (
	"github.com/eventgraph/eventgraph/model"
)

// shortForm reads "the <word>" at toks[i] where the word is a head or title
// with a short-form kind ("the ministry", "the group", "the president") and
// nothing after it names who is meant ("the army chief Birhanu Jula", "the
// government of Sudan" are read by the grammar instead).
func (d *Document) shortForm(text string, toks []token, i int) (Match, int) {
	x := d.g.idx
	ls, n := x.lookup(text, toks, i+1)
	l, ok := first(ls, lxHead, lxTitle)
	if !ok || len(ls) > 1 {
		return Match{}, 0
	}
	w := x.word(l)
	if w.short == "" {
		return Match{}, 0
	}
	k := i + 1 + n
	if k < len(toks) && (toks[k].upper && toks[k].key != "," || toks[k].key == "of" || toks[k].key == "in") {
		return Match{}, 0
	}
	m := d.span(text, toks, i, k)
	m.Kind, m.Hint = KindPronoun, w.short
	m.Actor = model.Actor{Role: w.role}
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
	for k := len(d.history) - 1; k >= 0 && k >= len(d.history)-resolveDepth; k-- {
		h := d.history[k]
		if h.Kind == KindPronoun && !h.Resolved {
			continue
		}
		a := h.Actor
		switch m.Hint {
		case KindPerson:
			if h.Kind != KindPerson || (m.Actor.Role != model.RoleNone && a.Role != m.Actor.Role) {
				continue
			}
			m.Actor = a
		case KindGroup, KindOrg:
			if h.Kind != m.Hint {
				continue
			}
			m.Actor = a
		default:
			r := m.Actor.Role
			if a.Country == "" || a.Country == model.CountryIGO {
				continue
			}
			if r == model.RoleREB && a.Role != model.RoleREB {
				continue
			}
			if r != model.RoleREB && a.Role == model.RoleREB || a.Role == model.RoleCVL {
				continue
			}
			m.Actor = model.NewActor(m.Text, a.Country, r)
		}
		m.Resolved = true
		return
	}
}
