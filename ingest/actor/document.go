package actor

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Document finds actors in the sentences of one article, in order. Unlike
// a single [Gazetteer.Find], it remembers what came before:
//
//   - people introduced with a role cue ("spokesman John Smith", "John
//     Smith, the foreign minister") are known by full name and surname in
//     later sentences;
//   - pronouns and short forms ("he", "the ministry", "the group", "the
//     army") are resolved to the latest compatible actor. The match keeps
//     [KindPronoun] and sets Resolved, so the coder can tell a resolved
//     antecedent from a name in the text, and can ignore the guess.
//
// Resolution is done here rather than left to the coder because the
// document already holds the history it needs; a coder wanting its own
// rule reads Hint and the unresolved role in Actor.Role.
type Document struct {
	g       *Gazetteer
	at      time.Time
	people  map[string]model.Actor // folded full name or surname
	history []Match
	toks    []token
	// seen holds the lookup of each token of the current passage: the
	// grammar asks for the same position several times (as a phrase, a
	// head, a modifier, a name).
	seen    []seenLookup
	focus   focus
	genders map[string]byte   // people met in the article with a gendered cue
	led     map[string]string // "coalition" -> the state an "X-led coalition" named
	met     []int32           // the people of the data named so far, latest last
	scene   string            // the country of the passage's fronted "In Egypt,", or ""
	out     []Match           // the matches of the passage being read
	one     [1]Match          // backs d.single
	two     [2]Match          // backs headed's matches of one modifier
}

// actorCache holds actors already made: articles name the same ones again
// and again, and an actor's ID costs a hash to make. It is emptied when
// full, so a long-running ingest does not grow it without bound.
var actorCache struct {
	sync.Mutex
	m map[actorKey]model.Actor
}

// actorCacheSize bounds actorCache; the names of a few thousand articles
// fit.
const actorCacheSize = 1 << 14

type actorKey struct {
	name, country string
	role          model.Role
}

// newActor is [model.NewActor], remembered in actorCache.
func (d *Document) newActor(name, country string, role model.Role) model.Actor {
	k := actorKey{name, country, role}
	actorCache.Lock()
	a, ok := actorCache.m[k]
	actorCache.Unlock()
	if ok {
		return a
	}
	a = model.NewActor(name, country, role)
	actorCache.Lock()
	if len(actorCache.m) >= actorCacheSize || actorCache.m == nil {
		actorCache.m = make(map[actorKey]model.Actor, 256)
	}
	actorCache.m[k] = a
	actorCache.Unlock()
	return a
}

// NewDocument starts a document of an article dated at.
func (g *Gazetteer) NewDocument(at time.Time) *Document {
	if d, ok := g.docs.Get().(*Document); ok {
		d.reset(at)
		return d
	}
	return &Document{g: g, at: at, people: map[string]model.Actor{}, genders: map[string]byte{}}
}

// Release hands d back for [Gazetteer.NewDocument] to reuse its buffers
// and maps, which are most of what reading an article allocates. Neither
// d nor a slice from [Document.FindShared] may be used after it; matches
// are values and stay valid.
func (d *Document) Release() {
	if d.g != nil {
		d.g.docs.Put(d)
	}
}

// reset makes d a new document of the day at, as NewDocument makes one,
// keeping its buffers and maps emptied. Every field not named is zeroed.
func (d *Document) reset(at time.Time) {
	clear(d.people)
	clear(d.genders)
	clear(d.led)
	*d = Document{
		g: d.g, at: at, people: d.people, genders: d.genders, led: d.led,
		history: d.history[:0], toks: d.toks[:0], seen: d.seen[:0], met: d.met[:0], out: d.out[:0],
		focus: focus{countries: d.focus.countries[:0], scores: d.focus.scores[:0]},
	}
}

// Find returns the actor mentions of text in order of position, not
// overlapping, longest match first. at is the article's date: a person's
// role and country are the ones they held that day. text may be a sentence
// or a whole article; pronouns are resolved within it (see [Document]).
func (g *Gazetteer) Find(text string, at time.Time) []Match {
	if g == nil || g.idx == nil {
		return nil
	}
	// The document goes back to the pool: its buffers and maps serve the
	// next caller, and the matches are copies that outlive it.
	d := g.NewDocument(at)
	ms := d.Find(text)
	d.Release()
	return ms
}

// Find returns the mentions of the next sentence (or passage) of the
// document, with offsets into text.
func (d *Document) Find(text string) []Match {
	ms := d.FindShared(text)
	if len(ms) == 0 {
		return nil
	}
	return slices.Clone(ms)
}

// FindShared is [Document.Find] without the copy: the slice is the
// document's own buffer, valid until the next call, for a caller that
// copies what it keeps anyway.
func (d *Document) FindShared(text string) []Match { return d.FindSharedLow(text, "") }

// FindSharedLow is [Document.FindShared] given low, text after
// [sentence.LowerASCII] (or "" to have it made when needed): a caller
// that lowered the whole article passes the sentence's part of it and
// spares the copy.
func (d *Document) FindSharedLow(text, low string) []Match {
	if d.g == nil || d.g.idx == nil {
		return nil
	}
	if low != "" && len(low) != len(text) {
		low = "" // not text's lower-cased form: make it here
	}
	d.toks = tokenizeLow(text, low, d.toks)
	toks := d.toks
	d.noteLed(text, toks)
	d.scene = d.sceneOf(text, toks)
	d.out = d.out[:0]
	if cap(d.seen) < len(toks) {
		d.seen = make([]seenLookup, len(toks), cap(toks))
	}
	d.seen = d.seen[:len(toks)]
	clear(d.seen)
	for i := 0; i < len(toks); {
		ms, n := d.phrase(text, toks, i)
		if n <= 0 {
			i++
			continue
		}
		if len(ms) > 0 && ms[len(ms)-1].Kind != KindAdjective && ms[len(ms)-1].Kind != KindPlace {
			n += describing(toks, i+n)
		}
		for _, m := range ms {
			if m.Kind == KindPronoun {
				d.resolve(&m)
			}
			d.focus.note(&m)
			if m.Kind != KindAdjective && m.Kind != KindPlace {
				switch {
				case len(d.history) >= 4*resolveDepth:
					// Only the last resolveDepth mentions are ever read.
					d.history = append(d.history[:0], d.history[len(d.history)-resolveDepth:]...)
				case d.history == nil:
					// Room for all it will ever hold, rather than growing
					// a slice of large values step by step.
					d.history = make([]Match, 0, 4*resolveDepth)
				}
				d.history = append(d.history, m)
			}
			d.out = append(d.out, m)
		}
		i += n
	}
	if len(d.out) == 0 {
		return nil
	}
	return d.out
}

// single returns m as the one match of a phrase. The slice is d.one,
// valid until the next call: Find copies the matches of each phrase out
// before reading the next, so a phrase costs no allocation.
func (d *Document) single(m Match) []Match {
	d.one[0] = m
	return d.one[:1:1]
}

// seenLookup is one remembered [index.lookup]; done tells a stored miss
// from an unasked position.
type seenLookup struct {
	ls   []lex
	n    int
	done bool
}

// lookup is [index.lookup] on the tokens of the current passage, each
// position looked up once.
func (d *Document) lookup(text string, toks []token, i int) ([]lex, int) {
	if i < len(d.seen) && len(toks) == len(d.seen) && &toks[0] == &d.toks[0] {
		s := &d.seen[i]
		if !s.done {
			s.ls, s.n = d.g.idx.lookup(text, toks, i)
			s.done = true
		}
		return s.ls, s.n
	}
	return d.g.idx.lookup(text, toks, i)
}

// personMatch is a known person at toks[i:j], with an appositive title
// after it consumed so that it does not read as a second actor.
func (d *Document) personMatch(text string, toks []token, i, j int, id int32) ([]Match, int) {
	p := &d.g.idx.people[id]
	tm, ok := p.termAt(d.at)
	a := d.newActor(p.actorAt(tm, ok))
	// Known later by surname even when the surname alone is too common
	// to look up ("Maïga" after "Colonel Abdoulaye Maïga").
	for _, s := range p.surnames {
		d.people[s] = a
	}
	if len(d.met) == 0 || d.met[len(d.met)-1] != id {
		d.met = append(d.met, id)
	}
	return d.personAt(text, toks, i, j, a)
}

// personAt is the person a named at toks[i:j]. "Netanyahu's office" and
// "the Assad regime" are the person's organs, agents of their country in
// the head noun's role; an appositive title after the name is consumed so
// that it does not read as a second actor.
func (d *Document) personAt(text string, toks []token, i, j int, a model.Actor) ([]Match, int) {
	mt := d.span(text, toks, i, j)
	mt.Kind, mt.Actor = KindPerson, a
	// "Netanyahu's office", "the Assad regime", "Trump administration".
	if k := j + boolInt(j < len(toks) && toks[j].key == "'s"); k < len(toks) {
		if h, hn, ok := d.headAt(text, toks, k); ok && h == k {
			l := d.headLex(text, toks, h)
			if l.kind == lxHead {
				mt2 := d.span(text, toks, i, h+hn)
				mt2.Kind, mt2.Actor = KindAgent, d.newActor(mt2.Text, a.Country, d.g.idx.word(l).role)
				return d.single(mt2), h + hn - i
			}
		}
	}
	if _, n := d.appositive(text, toks, j); n > 0 {
		return d.single(mt), j + n - i
	}
	return d.single(mt), j - i
}

// appositive reads ", the foreign minister" or ", Ethiopia's army chief"
// at toks[k]: it returns the role cue's actor template (country from the
// modifier, role from the title) and the tokens it spans.
func (d *Document) appositive(text string, toks []token, k int) (model.Actor, int) {
	x := d.g.idx
	if k+1 >= len(toks) || toks[k].key != "," {
		return model.Actor{}, 0
	}
	s := k + 1
	if t := toks[s].key; t == "the" || t == "a" || t == "an" {
		s++
	}
	var mods []mod
	if ls, n := d.lookup(text, toks, s); n > 0 && modLex(ls) {
		m := mod{i: s, j: s + n, ls: ls}
		if m.j < len(toks) && toks[m.j].key == "'s" {
			m.poss, m.j = true, m.j+1
		}
		mods = append(mods, m)
		s = m.j
	}
	h, hn, ok := d.headAt(text, toks, s)
	if !ok {
		return model.Actor{}, 0
	}
	l := d.headLex(text, toks, h)
	if l.kind != lxTitle {
		return model.Actor{}, 0
	}
	w := x.word(l)
	a := model.Actor{Role: w.role}
	if len(mods) > 0 {
		a = d.modActor(mods[0], "", w.role)
	} else if b, n := d.titleOf(text, toks, h+hn, w.role); n > 0 {
		// ", a spokesman for the Sudanese army,": whose title it is.
		return b, h + hn + n - k
	}
	return a, h + hn - k
}

// titleOf reads "for the Sudanese army", "of Hamas", "at the UN" after a
// title at toks[k]: the body the title belongs to gives the person its
// country, and its role when it is an armed force or a group ("a
// spokesman for Hamas" is REB). It returns the tokens it spans, or 0.
func (d *Document) titleOf(text string, toks []token, k int, r model.Role) (model.Actor, int) {
	if k+1 >= len(toks) || toks[k].key != "for" && toks[k].key != "of" && toks[k].key != "at" {
		return model.Actor{}, 0
	}
	s := k + 1
	if toks[s].key == "the" && s+1 < len(toks) {
		s++
	}
	ls, n := d.lookup(text, toks, s)
	if n == 0 || !modLex(ls) {
		return model.Actor{}, 0
	}
	if _, ok := first(ls, lxPlace, lxPlaceAdj); ok {
		if _, ok := first(ls, lxState, lxGroup, lxOrg, lxOrgan, lxMetonym); !ok {
			return model.Actor{}, 0 // "governor of Idlib": a region's office is no state's
		}
	}
	m := mod{i: s, j: s + n, ls: ls}
	if h, hn, ok := d.headAt(text, toks, m.j); ok {
		if l := d.headLex(text, toks, h); l.kind == lxHead {
			return d.modActor(m, "", d.g.idx.word(l).role), h + hn - k
		}
	}
	if _, ok := first(ls, lxAdj, lxPlaceAdj, lxGroupAdj); ok {
		return model.Actor{}, 0 // a bare adjective: "spokesman for Sudanese affairs"
	}
	return d.modActor(m, "", r), m.j - k
}

// unknownName handles a capitalised word the gazetteer lacks: a person met
// earlier in the document, or a new one followed by an appositive title
// ("John Smith, the foreign minister").
func (d *Document) unknownName(text string, toks []token, i int) ([]Match, int) {
	if a, n := d.knownName(toks, i); n > 0 && !(n == 1 && dateWord(toks, i)) {
		return d.personAt(text, toks, i, i+n, a)
	}
	if ms, n := d.cueOnlyOrgan(text, toks, i); n > 0 {
		return ms, n
	}
	nn := d.nameRun(text, toks, i)
	if nn < 2 {
		return nil, 0
	}
	tmpl, m := d.appositive(text, toks, i+nn)
	if m == 0 {
		return nil, nn
	}
	mt := d.span(text, toks, i, i+nn)
	mt.Kind, mt.Actor = KindPerson, d.newActor(mt.Text, tmpl.Country, tmpl.Role)
	d.introduce(toks, i, nn, mt.Actor)
	return d.single(mt), nn + m
}

// cueOnlyOrgan reads a surname that is also a common word followed by a
// government noun: "the Bush administration", "the May government" name
// the person in office that day as surely as a title would ("Bush" alone
// may be a shrub). The person's organ is an agent of their country.
func (d *Document) cueOnlyOrgan(text string, toks []token, i int) ([]Match, int) {
	x := d.g.idx
	ids, ok := x.cueOnly[toks[i].key]
	if !ok || i+1 >= len(toks) {
		return nil, 0
	}
	ls, n := d.lookup(text, toks, i+1)
	l, ok := first(ls, lxHead)
	if !ok || n == 0 || !organNouns[toks[i+n].key] {
		return nil, 0
	}
	// Out of office, the country of the nearest term: "the Bush
	// administration" in a later story is still the US government of
	// then, whichever Bush. Without "the" the person must be in office:
	// "in May government spending rose" names a month.
	c := ""
	the := i > 0 && toks[i-1].key == "the"
	if id, ok := d.pick(personLexes(ids), ""); ok && x.people[id].inOffice(d.at) && (the || !isMonth(toks[i].key)) {
		tm, _ := x.people[id].termAt(d.at)
		c = tm.country
	} else if the {
		for _, id := range ids {
			tm, _ := x.people[id].termAt(d.at)
			if tm == nil || c != "" && tm.country != c {
				return nil, 0 // people of two countries share the name
			}
			c = tm.country
		}
	}
	if c == "" || c == model.CountryIGO {
		return nil, 0
	}
	mt := d.span(text, toks, i, i+1+n)
	mt.Kind, mt.Actor = KindAgent, d.newActor(mt.Text, c, x.word(l).role)
	return d.single(mt), 1 + n
}

func isMonth(key string) bool {
	for _, m := range months {
		if key == m {
			return true
		}
	}
	return false
}

// dateWord reports a month or weekday at toks[i] that reads as a date,
// not as the surname of someone named before: "in May", "on May 5",
// "last May" in a story about Theresa May.
func dateWord(toks []token, i int) bool {
	if !isMonth(toks[i].key) {
		return false
	}
	if i > 0 && datePreps[toks[i-1].key] {
		return true
	}
	return i+1 < len(toks) && toks[i+1].key != "" && toks[i+1].key[0] >= '0' && toks[i+1].key[0] <= '9'
}

// datePreps come before a month named as a time.
var datePreps = map[string]bool{"in": true, "on": true, "since": true, "until": true, "till": true, "by": true,
	"from": true, "of": true, "last": true, "next": true, "early": true, "late": true, "mid": true, "this": true,
	"before": true, "after": true, "during": true, "through": true, "to": true, "between": true, "and": true}

// organNouns are the heads that make a leader's surname their government.
var organNouns = map[string]bool{"administration": true, "government": true, "regime": true, "cabinet": true,
	"presidency": true}

// knownName looks up people introduced earlier: full name first, then
// surname alone.
func (d *Document) knownName(toks []token, i int) (model.Actor, int) {
	if len(d.people) == 0 {
		return model.Actor{}, 0
	}
	var b strings.Builder
	best, bestN := model.Actor{}, 0
	for n := 0; n < 4 && i+n < len(toks) && toks[i+n].upper; n++ {
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i+n].key)
		if a, ok := d.people[b.String()]; ok {
			best, bestN = a, n+1
		}
	}
	return best, bestN
}

// introduce remembers a new person by full name and surname.
func (d *Document) introduce(toks []token, i, n int, a model.Actor) {
	keys := make([]string, n)
	for k := range keys {
		keys[k] = toks[i+k].key
	}
	d.people[strings.Join(keys, " ")] = a
	if n > 1 {
		// The surname with and without its article: "Fulani" and
		// "al-Fulani" after "Khaled al-Fulani".
		for _, k := range surnameKeys(strings.Join(keys, " ")) {
			d.people[k] = a
		}
		d.people[keys[n-1]] = a
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
