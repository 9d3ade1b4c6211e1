package actor

import (
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// headed builds the matches of a head noun or title at toks[h:h+hn] with
// its modifiers (none, one, or several joined by "and").
func (d *Document) headed(text string, toks []token, mods []mod, h int, l lex, hn int) ([]Match, int) {
	x := d.g.idx
	end := h + hn
	w := x.word(l)
	start := h
	if len(mods) > 0 {
		start = mods[len(mods)-1].i
	}
	if l.kind == lxTitle {
		// "U.S. President Donald Trump", "spokesman John Smith": one person,
		// after any further titles ("military spokesman Colonel X").
		for end < len(toks) {
			ls2, n2 := d.lookup(text, toks, end)
			if _, ok := first(ls2, lxTitle); !ok || n2 == 0 {
				break
			}
			if _, ok := first(ls2, lxPerson); ok {
				break
			}
			end += n2
		}
		if ms, n := d.titledName(text, toks, mods, start, end, w, cueKey(toks, h, end)); n > 0 {
			if len(mods) > 1 {
				ms = append(d.distribute(text, toks, mods[:len(mods)-1], h, end, w.role), ms...)
			}
			return ms, n - mods0(mods, start)
		}
	}
	if len(mods) == 0 {
		// "leader of Russia", "government in Damascus", "rebels in Syria".
		if end+1 < len(toks) && (toks[end].key == "of" || toks[end].key == "in" || toks[end].key == "from") {
			s := end + 1
			if toks[s].key == "the" && s+1 < len(toks) {
				s++
			}
			if ls, n := d.lookup(text, toks, s); n > 0 {
				if _, ok := first(ls, lxState, lxMetonym, lxPlace); ok {
					m := mod{i: s, j: s + n, ls: ls}
					mt := d.span(text, toks, h, s+n)
					mt.Kind, mt.Actor = KindAgent, d.modActor(m, mt.Text, w.role)
					return d.single(mt), s + n - h
				}
			}
		}
		if c := d.ledBy(toks, h, end); c != "" && l.kind == lxHead {
			mt := d.span(text, toks, h, end)
			// "the coalition" after "the Saudi-led coalition"; the
			// mention spans its leader when written ("US-led coalition").
			if h > 0 && d.ledState(text[toks[h-1].start:toks[h-1].end], toks[h-1].key) == c {
				mt = d.span(text, toks, h-1, end)
			}
			mt.Kind, mt.Actor = KindAgent, d.newActor(mt.Text, c, model.RoleMIL)
			return d.single(mt), hn
		}
		if c := d.ledBefore(text, toks, h); c != "" && l.kind == lxHead {
			// "Vietnamese-led forces": the leader's.
			mt := d.span(text, toks, h-1, end)
			mt.Kind, mt.Actor = KindAgent, d.newActor(mt.Text, c, w.role)
			return d.single(mt), hn
		}
		if w.needMod || l.kind == lxTitle {
			return nil, hn
		}
		if end < len(toks) && toks[end].upper {
			// "the militant group Hamas", "the rebel group M23": the name
			// that follows says who; the noun alone would be a guess.
			if ls, n := d.lookup(text, toks, end); n > 0 {
				if _, ok := first(ls, lxGroup, lxOrg); ok {
					return nil, hn
				}
			}
		}
		mt := d.span(text, toks, h, end)
		mt.Kind, mt.Actor = KindAgent, d.newActor(mt.Text, "", w.role)
		d.localize(&mt, w)
		return d.single(mt), hn
	}
	if w.party && end < len(toks) && toks[end].key == "of" {
		// "on the Syrian side of the border": a place, no party.
		return nil, end - mods[0].i
	}
	if w.short == KindOrg && len(mods) == 1 && !mods[0].poss {
		// "the Nato alliance", "the HTS alliance": the body itself, under
		// its own name, not a second actor named after it.
		if l, ok := first(mods[0].ls, lxGroup, lxOrg); ok {
			nm := x.named[l.id]
			mt := d.span(text, toks, mods[0].i, end)
			mt.Kind, mt.Actor = nm.kind, nm.actor
			return d.single(mt), end - mods[0].i
		}
	}
	// One modifier, the common case, makes one match or two: they go in
	// d.two, valid as d.single's is, rather than in a new slice.
	ms := d.two[:0]
	if len(mods) > 1 {
		ms = d.distribute(text, toks, mods[:len(mods)-1], h, end, w.role)
	}
	last := mods[len(mods)-1]
	mt := d.span(text, toks, last.i, end)
	mt.Kind, mt.Actor = KindAgent, d.modActor(last, mt.Text, w.role)
	if w.party && placeMod(last) {
		mt.Actor = d.newActor(mt.Text, mt.Actor.Country, model.RoleREB)
	}
	ms = append(ms, mt)
	// "Israeli civilians and soldiers": the modifier carries over.
	if end+1 < len(toks) && toks[end].key == "and" && len(mods) == 1 {
		if ls, n := d.lookup(text, toks, end+1); n > 0 {
			if l2, ok := first(ls, lxHead); ok && !x.heads[l2.id].needMod {
				mt2 := d.span(text, toks, end+1, end+1+n)
				name := strings.TrimSuffix(toks2text(text, toks, last), "'s") + " " + mt2.Text
				mt2.Kind, mt2.Actor = KindAgent, d.modActor(last, name, x.heads[l2.id].role)
				ms = append(ms, mt2)
				end += 1 + n
			}
		}
	}
	return ms, end - mods[0].i
}

// placeMod reports a modifier that names a region, not a state or body.
func placeMod(m mod) bool {
	l, ok := first(m.ls, lxGroup, lxGroupAdj, lxOrg, lxOrgan, lxState, lxAdj, lxMetonym, lxPlaceAdj, lxPlace)
	return ok && (l.kind == lxPlace || l.kind == lxPlaceAdj)
}

func mods0(mods []mod, start int) int {
	if len(mods) == 0 {
		return start
	}
	return mods[0].i
}

func toks2text(text string, toks []token, m mod) string {
	return text[toks[m.i].start:toks[m.j-1].end]
}

// distribute gives each of the leading conjoined modifiers its own match,
// spanning only the modifier but named with the shared head: "Russian"
// in "Russian and Syrian government forces" is "Russian government forces".
func (d *Document) distribute(text string, toks []token, mods []mod, h, end int, r model.Role) []Match {
	var ms []Match
	head := text[toks[h].start:toks[end-1].end]
	for _, m := range mods {
		j := m.j
		if m.poss {
			j--
		}
		mt := d.span(text, toks, m.i, j)
		mt.Kind, mt.Actor = KindAgent, d.modActor(m, mt.Text+" "+head, r)
		ms = append(ms, mt)
	}
	return ms
}

func (d *Document) span(text string, toks []token, i, j int) Match {
	m := Match{Start: toks[i].start, End: toks[j-1].end}
	m.Text = text[m.Start:m.End]
	return m
}

// titledName reads the name after a title: a known person, one met
// earlier in the document, or a new one in capitalised words, who then
// takes the title's role and the modifier's country. It returns the
// absolute token index after the name, or 0.
func (d *Document) titledName(text string, toks []token, mods []mod, start, end int, w word, cue string) ([]Match, int) {
	x := d.g.idx
	if end+1 < len(toks) && toks[end].key == "," && toks[end+1].upper {
		// "Ukraine's foreign ministry spokesman, Oleg Nikolenko": a known
		// name may follow the title after a comma.
		if ls, n := d.lookup(text, toks, end+1); n > 0 {
			if id, ok := d.pick(ls, cue); ok {
				ms, n2 := d.personMatch(text, toks, end+1, end+1+n, id)
				ms[0].Start = toks[start].start
				ms[0].Text = text[ms[0].Start:ms[0].End]
				return ms, end + 1 + n2
			}
		}
		if a, n := d.knownName(toks, end+1); n > 0 {
			mt := d.span(text, toks, start, end+1+n)
			mt.Kind, mt.Actor = KindPerson, a
			return d.single(mt), end + 1 + n
		}
	}
	if end >= len(toks) || !toks[end].upper {
		return nil, 0
	}
	ls, n := d.lookup(text, toks, end)
	if n > 0 {
		if id, ok := d.pick(ls, cue); ok {
			ms, n2 := d.personMatch(text, toks, end, end+n, id)
			ms[0].Start = toks[start].start
			ms[0].Text = text[ms[0].Start:ms[0].End]
			return ms, end + n2
		}
		return nil, 0
	}
	// A common surname names its person after a title ("Prime Minister
	// May") unless more of a name follows: "President Omar Hassan" is no
	// Mullah Omar.
	if ids, ok := x.cueOnly[toks[end].key]; ok && !(end+1 < len(toks) && toks[end+1].upper && isNameToken(toks[end+1].key)) {
		if id, ok := d.pick(personLexes(ids), cue); ok {
			ms, n2 := d.personMatch(text, toks, end, end+1, id)
			ms[0].Start = toks[start].start
			ms[0].Text = text[ms[0].Start:ms[0].End]
			return ms, end + n2
		}
	}
	if a, n := d.knownName(toks, end); n > 0 {
		mt := d.span(text, toks, start, end+n)
		mt.Kind, mt.Actor = KindPerson, a
		return d.single(mt), end + n
	}
	nn := d.nameRun(text, toks, end)
	if nn == 0 || w.role == model.RoleNone {
		return nil, 0
	}
	name := text[toks[end].start:toks[end+nn-1].end]
	var a model.Actor
	if len(mods) > 0 {
		a = d.modActor(mods[len(mods)-1], name, w.role)
	} else {
		a = d.newActor(name, "", w.role)
	}
	d.introduce(toks, end, nn, a)
	if g := cueGender(cue); g != 0 {
		d.genders[a.Name] = g
	}
	mt := d.span(text, toks, start, end+nn)
	mt.Kind, mt.Actor = KindPerson, a
	return d.single(mt), end + nn
}

// cueKey is the folded title at toks[h:end] with no honorific words
// before it: "King", "Crown Prince", "Field Marshal".
func cueKey(toks []token, h, end int) string {
	keys := make([]string, 0, end-h)
	for _, t := range toks[h:end] {
		keys = append(keys, t.key)
	}
	return strings.Join(keys, " ")
}

func personLexes(ids []int32) []lex {
	ls := make([]lex, len(ids))
	for i, id := range ids {
		ls[i] = lex{kind: lxPerson, id: id}
	}
	return ls
}

// nameRun counts the capitalised unknown words at toks[k] that can be a
// person's name (1 to 4, "bin" and "al" allowed inside), or 0.
func (d *Document) nameRun(text string, toks []token, k int) int {
	n := 0
	for k+n < len(toks) && n < 4 {
		t := toks[k+n]
		if n > 0 && articled(text, t) {
			n++ // "Khaled al-Fulani"
			continue
		}
		if !t.upper || !isNameToken(t.key) {
			if n > 0 && (t.key == "bin" || t.key == "al" || t.key == "ibn" || t.key == "de" || t.key == "van") {
				n++
				continue
			}
			break
		}
		if ls, m := d.lookup(text, toks, k+n); m > 0 {
			if _, ok := first(ls, lxPerson); !ok {
				break
			}
		}
		n++
	}
	for n > 0 && !toks[k+n-1].upper && !articled(text, toks[k+n-1]) {
		n--
	}
	return n
}

// articled reports a surname written with the Arabic article in lower
// case, "al-Fulani", "el-Sisi", "ad-Din": a name word though it does
// not start with a capital.
func articled(text string, t token) bool {
	w := text[t.start:t.end]
	for _, art := range []string{"al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "an-", "ar-", "ul-"} {
		if len(w) > len(art) && w[:len(art)] == art {
			c := w[len(art)]
			return c >= 'A' && c <= 'Z'
		}
	}
	return false
}

func isNameToken(key string) bool {
	if key == "" || stopName[key] {
		return false
	}
	for _, m := range months {
		if key == m {
			return false
		}
	}
	c := key[0]
	return c >= 'a' && c <= 'z' || c >= 0x80
}

// stopName are capitalised words that start sentences, not names.
var stopName = map[string]bool{"the": true, "a": true, "an": true, "on": true, "in": true, "said": true,
	"says": true, "told": true, "and": true, "but": true, "it": true, "this": true, "that": true,
	"his": true, "her": true, "their": true, "its": true, "for": true, "of": true, "to": true, "at": true,
	"who": true, "which": true, "after": true, "before": true, "when": true, "while": true, "was": true,
	"is": true, "has": true, "had": true, "will": true, "would": true, "also": true, "as": true, "by": true,
	"with": true, "from": true, "last": true, "next": true, "earlier": true, "later": true}
