package actor

import (
	"github.com/eventgraph/eventgraph/model"
)

// mod is a modifier before a head noun: a demonym, a state, a group, an
// organisation or a place, with a possessive "'s" if written.
type mod struct {
	i, j int // token span
	ls   []lex
	poss bool
}

// modifierKinds can stand before a head noun and lend it a country.
func modLex(ls []lex) bool {
	for _, l := range ls {
		switch l.kind {
		case lxState, lxAdj, lxMetonym, lxOrgan, lxGroup, lxGroupAdj, lxOrg, lxPlace, lxPlaceAdj, lxPlural:
			return true
		}
	}
	return false
}

// adjLike is true for modifiers that distribute over "and": demonyms and
// possessives ("Russian and Syrian forces", "Russia's and Iran's").
func (m mod) adjLike() bool {
	if m.poss {
		return true
	}
	for _, l := range m.ls {
		if l.kind == lxAdj || l.kind == lxGroupAdj || l.kind == lxPlaceAdj {
			return true
		}
	}
	return false
}

func first(ls []lex, kinds ...lexKind) (lex, bool) {
	for _, k := range kinds {
		for _, l := range ls {
			if l.kind == k {
				return l, true
			}
		}
	}
	return lex{}, false
}

// phrase reads the mention starting at toks[i], if any, and returns its
// matches and the number of tokens consumed (0: nothing starts here).
func (d *Document) phrase(text string, toks []token, i int) ([]Match, int) {
	x := d.g.idx
	if toks[i].key == "the" && i+1 < len(toks) {
		if m, n := d.shortForm(text, toks, i); n > 0 {
			return d.single(m), n
		}
		return nil, 1
	}
	ls, n := d.lookup(text, toks, i)
	if n == 0 {
		if toks[i].upper {
			return d.unknownName(text, toks, i)
		}
		return nil, 0
	}
	if _, ok := first(ls, lxIgnore); ok {
		return nil, n
	}
	if _, ok := first(ls, lxPronoun); ok {
		return d.single(Match{Start: toks[i].start, End: toks[i+n-1].end, Text: text[toks[i].start:toks[i+n-1].end],
			Kind: KindPronoun, Hint: KindPerson, Actor: model.Actor{Role: model.RoleNone}}), n
	}
	if id, ok := d.pick(ls, ""); ok {
		return d.personMatch(text, toks, i, i+n, id)
	}
	if modLex(ls) {
		return d.modified(text, toks, i, ls, n)
	}
	if l, ok := first(ls, lxTitle, lxHead); ok && x.headOK(toks, i+n, l) {
		return d.headed(text, toks, nil, i, l, n)
	}
	return nil, n
}

// modified reads modifiers, then a head noun or title if one follows.
func (d *Document) modified(text string, toks []token, i int, ls []lex, n int) ([]Match, int) {
	if _, ok := first(ls, lxState, lxGroup, lxOrg, lxOrgan, lxAdj); !ok {
		if skip, ok := namedEvent(toks, i, i+n); ok {
			return nil, skip // "the Minsk agreements": a venue, not an actor
		}
	}
	mods := []mod{{i: i, j: i + n, ls: ls}}
	k := i + n
	if k < len(toks) && toks[k].key == "'s" {
		mods[0].poss, mods[0].j = true, k+1
		k++
	}
	// Conjoined modifiers: "Russian and Syrian", "Russian, Iranian and Syrian".
	for mods[0].adjLike() && k+1 < len(toks) && (toks[k].key == "and" || toks[k].key == "," || toks[k].key == "or") {
		s := k + 1
		if toks[k].key == "," && s+1 < len(toks) && toks[s].key == "and" {
			s++
		}
		ls2, n2 := d.lookup(text, toks, s)
		if n2 == 0 || !modLex(ls2) {
			break
		}
		m := mod{i: s, j: s + n2, ls: ls2}
		if m.j < len(toks) && toks[m.j].key == "'s" {
			m.poss, m.j = true, m.j+1
		}
		if !m.adjLike() {
			break
		}
		mods = append(mods, m)
		k = m.j
	}
	h, hn, ok := d.headAt(text, toks, k)
	if !ok {
		// No head: each modifier stands alone. Only the first is returned
		// here; the rest are read again by the main loop.
		return d.single(d.alone(text, toks, mods[0])), mods[0].j - i
	}
	return d.headed(text, toks, mods, h, d.headLex(text, toks, h), hn)
}

// headAt finds a head noun or title at toks[k], allowing one filler word
// before it ("Russian ground forces", "Iranian-backed militias").
func (d *Document) headAt(text string, toks []token, k int) (int, int, bool) {
	x := d.g.idx
	for skip := 0; skip < 2 && k < len(toks); skip++ {
		ls, n := d.lookup(text, toks, k)
		if l, ok := first(ls, lxTitle, lxHead); ok && n > 0 && x.headOK(toks, k+n, l) {
			if n == 1 && d.filler(toks[k]) && k+1 < len(toks) {
				// "Syrian government military": the last noun is the head.
				if ls2, n2 := d.lookup(text, toks, k+1); n2 > 0 {
					// An adjective-like head counts here: "government military action".
					if _, ok := first(ls2, lxTitle, lxHead); ok {
						return k + 1, n2, true
					}
				}
			}
			return k, n, true
		}
		if skip == 1 || !d.filler(toks[k]) {
			break
		}
		k++
	}
	return 0, 0, false
}

// headOK rejects a head that is also an adjective when a noun follows
// it: "rebel attacks", "civilian deaths".
func (x *index) headOK(toks []token, next int, l lex) bool {
	if l.kind != lxHead || !x.heads[l.id].adj || next >= len(toks) {
		return true
	}
	k := toks[next].key
	return k == "" || !(k[0] >= 'a' && k[0] <= 'z' || k[0] >= 0x80) || stopName[k] || verbish[k] ||
		len(k) > 4 && k[len(k)-2:] == "ed" // a past tense: "the army seized power"
}

// verbish are words that follow a noun, not a noun modified by it.
var verbish = map[string]bool{"were": true, "are": true, "be": true, "been": true, "have": true,
	"did": true, "could": true, "should": true, "may": true, "might": true, "must": true, "killed": true,
	"attacked": true, "fired": true, "died": true, "wounded": true, "injured": true, "claimed": true,
	"or": true, "group": false}

func (d *Document) headLex(text string, toks []token, k int) lex {
	ls, _ := d.lookup(text, toks, k)
	l, _ := first(ls, lxTitle, lxHead)
	return l
}

// filler words may sit between a modifier and its head: listed adjectives
// and hyphenated "-backed"/"-allied" compounds, which add no country.
func (d *Document) filler(t token) bool {
	if d.g.idx.filler[t.key] {
		return true
	}
	for _, suf := range []string{"-backed", "-allied", "-aligned", "-supported", "-trained", "-affiliated"} {
		if len(t.key) > len(suf) && t.key[len(t.key)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// alone is a modifier without a head: a state, group or body acting by
// itself, a place, or an adjective before some other noun.
func (d *Document) alone(text string, toks []token, m mod) Match {
	x := d.g.idx
	end := m.j
	if m.poss {
		end--
	}
	mt := Match{Start: toks[m.i].start, End: toks[end-1].end}
	mt.Text = text[mt.Start:mt.End]
	l, _ := first(m.ls, lxGroup, lxOrg, lxOrgan, lxState, lxMetonym, lxPlural, lxAdj, lxGroupAdj, lxPlaceAdj, lxPlace)
	nm := x.named[l.id]
	mt.Actor, mt.Kind = nm.actor, nm.kind
	switch l.kind {
	case lxMetonym:
		if m.i > 0 && locative[toks[m.i-1].key] {
			mt.Kind = KindPlace
			mt.Actor = d.newActor(mt.Text, nm.actor.Country, model.RoleNone)
		} else {
			mt.Actor = x.holder(l.id, d.at)
		}
	case lxPlural:
		mt.Kind, mt.Actor = KindAgent, d.newActor(mt.Text, nm.actor.Country, model.RoleCVL)
	case lxAdj, lxPlaceAdj:
		mt.Kind, mt.Actor = KindAdjective, d.newActor(mt.Text, nm.actor.Country, model.RoleNone)
	case lxPlace:
		mt.Kind = KindPlace
	}
	return mt
}

// locative prepositions make a capital a place: "talks in Moscow".
var locative = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "around": true, "across": true, "into": true, "inside": true, "towards": true, "toward": true}

// modActor is the actor a modifier makes of a head with role r: a group or
// body keeps its own country and role ("Hamas gunmen", "UN peacekeepers");
// a region's armed men are not its state's ("Tigrayan forces": REB).
func (d *Document) modActor(m mod, name string, r model.Role) model.Actor {
	x := d.g.idx
	l, _ := first(m.ls, lxGroup, lxGroupAdj, lxOrg, lxOrgan, lxState, lxAdj, lxMetonym, lxPlaceAdj, lxPlace, lxPlural)
	nm := x.named[l.id]
	switch l.kind {
	case lxGroup, lxGroupAdj, lxOrg:
		return d.newActor(name, nm.actor.Country, nm.actor.Role)
	case lxPlace, lxPlaceAdj:
		if r == model.RoleMIL {
			r = model.RoleREB
		}
	}
	return d.newActor(name, nm.actor.Country, r)
}
