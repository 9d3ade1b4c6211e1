package actor

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/model"
)

// lexKind says what a trie entry stands for.
type lexKind uint8

const (
	lxState    lexKind = iota // a state's name; id: named
	lxAdj                     // a state's demonym; id: named
	lxPlural                  // "Syrians": the state's people; id: named
	lxMetonym                 // "Kremlin", "Moscow"; id: named
	lxOrgan                   // "State Department", "IDF"; id: named
	lxGroup                   // id: named
	lxGroupAdj                // "Houthi", "Tigrayan"; id: named
	lxOrg                     // id: named
	lxPlace                   // "Idlib"; id: named
	lxPlaceAdj                // "Kurdish"; id: named
	lxPerson                  // a full name, alias or surname; id: people
	lxHead                    // "forces"; id: heads
	lxTitle                   // "foreign minister"; id: titles
	lxPronoun                 // "he", "she"
	lxIgnore                  // "Turkish Airlines": never an actor
)

// lex is one meaning of a phrase. exact holds the spelling an acronym
// must have in the text ("US", not "us"); upper says names need a capital.
type lex struct {
	kind  lexKind
	id    int32
	upper bool
	exact string
}

// node is a trie node over token keys: a phrase is looked up by walking
// its tokens. Most nodes have one child or two, which kids holds and a
// lookup compares in turn: that costs less than hashing the word for a
// map. A node with more than maxKids children (the root) has them in
// next instead.
type node struct {
	next map[string]*node
	kids []kid
	lex  []lex
}

// kid is a child of a node with few children.
type kid struct {
	key string
	n   *node
}

// maxKids is the most children a node keeps in its kids list. Eight
// string comparisons, most stopped at the length, cost about one hash.
const maxKids = 8

// child returns n's child under key k, or nil.
func (n *node) child(k string) *node {
	if n.next != nil {
		return n.next[k]
	}
	for i := range n.kids {
		if n.kids[i].key == k {
			return n.kids[i].n
		}
	}
	return nil
}

// named is a state, group, organisation, organ or place.
type named struct {
	actor model.Actor
	kind  Kind
	place bool // lends its country only; MIL heads become REB
}

// person is a [PersonSpec] with parsed dates.
type person struct {
	name     string
	out      model.Role
	terms    []term
	surnames []string // folded surname keys, for the document's memory
}

type term struct {
	country  string
	role     model.Role
	title    string
	from, to time.Time // zero: open
}

// word is one head noun or title family member.
type word struct {
	role    model.Role
	short   Kind
	needMod bool
	adj     bool
	focus   bool
	home    bool
	party   bool
}

// index is what [Gazetteer.Find] reads; it is rebuilt from the specs
// whenever a file is added.
type index struct {
	root      *node
	named     []named
	people    []person
	heads     []word
	titles    []word
	filler    map[string]bool
	cueOnly   map[string][]int32 // surname key -> people, usable after a title
	conflicts []string           // phrases given two meanings, for tests
	juntas    map[string][]span  // country -> periods of military rule
	held      map[int32][]heldBy // metonym -> periods held by a rival authority
	female    map[string]bool    // person's name -> a woman (false: a man)
	noWoman   []string           // gender list names unknown to the data, for tests
	// first holds the keys of root.next, so that lookup turns most words
	// away without a map probe; set once the trie is complete.
	first keyFilter
	// slab is where new trie nodes are cut from: one object for the GC
	// to mark per nodeSlab nodes instead of one per node; lexSlab holds
	// the first meaning of each node the same way.
	slab    []node
	lexSlab []lex
	kidSlab []kid
}

const nodeSlab = 512

// newNode returns a new empty node of the trie.
func (x *index) newNode() *node {
	if len(x.slab) == cap(x.slab) {
		x.slab = make([]node, 0, nodeSlab)
	}
	x.slab = x.slab[:len(x.slab)+1]
	return &x.slab[len(x.slab)-1]
}

// addChild adds c under key k to n, which has no child k yet. A node's
// first child is cut from kidSlab (most nodes have one, and most have
// none: each list or map is an object the GC marks); past maxKids the
// children move to a map.
func (x *index) addChild(n *node, k string, c *node) {
	switch {
	case n.next != nil:
		n.next[k] = c
	case len(n.kids) == maxKids:
		n.next = make(map[string]*node, maxKids+1)
		for _, o := range n.kids {
			n.next[o.key] = o.n
		}
		n.next[k] = c
		n.kids = nil
	case n.kids == nil:
		if len(x.kidSlab) == cap(x.kidSlab) {
			x.kidSlab = make([]kid, 0, nodeSlab)
		}
		x.kidSlab = append(x.kidSlab, kid{k, c})
		l := len(x.kidSlab)
		n.kids = x.kidSlab[l-1 : l : l]
	default:
		n.kids = append(n.kids, kid{k, c})
	}
}

// newLex returns a slice holding l alone, cut from lexSlab with no room
// after it: a second meaning of the node copies it out.
func (x *index) newLex(l lex) []lex {
	if len(x.lexSlab) == cap(x.lexSlab) {
		x.lexSlab = make([]lex, 0, nodeSlab)
	}
	k := len(x.lexSlab)
	x.lexSlab = append(x.lexSlab, l)
	return x.lexSlab[k : k+1 : k+1]
}

// keyFilter is a set of strings that may answer "maybe" for a string not
// in it but never "no" for one in it: one bit per class of length, first
// and last byte. A few thousand keys leave most of its 16,384 bits
// clear, so most other words are turned away by one bit test. Common
// words share a class with some key ("and" with "aid"), so a second
// table of 65,536 bits, by the second, middle and next-to-last bytes,
// turns away about two in five of the words the first lets through.
type keyFilter struct {
	class [256]uint64
	inner [1024]uint64
}

func filterBit(k string) uint {
	return uint(len(k)&15)<<10 | uint(k[0]&31)<<5 | uint(k[len(k)-1]&31)
}

func innerBit(k string) uint {
	if len(k) < 2 {
		return uint(k[0])
	}
	h := uint(len(k))*131 + uint(k[1])*31 + uint(k[len(k)-2])
	return (h*7 + uint(k[len(k)/2])) % 65536
}

func (f *keyFilter) add(k string) {
	if k != "" {
		b, c := filterBit(k), innerBit(k)
		f.class[b>>6] |= 1 << (b & 63)
		f.inner[c>>6] |= 1 << (c & 63)
	}
}

// may reports whether k may be in the set.
func (f *keyFilter) may(k string) bool {
	if k == "" {
		return true
	}
	b := filterBit(k)
	if f.class[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	c := innerBit(k)
	return f.inner[c>>6]&(1<<(c&63)) != 0
}

func (x *index) add(phrase string, l lex) {
	key := fold(phrase)
	if key == "" {
		return
	}
	n := x.root
	for _, k := range strings.Split(key, " ") {
		c := n.child(k)
		if c == nil {
			c = x.newNode()
			x.addChild(n, k, c)
		}
		n = c
	}
	r, _ := utf8.DecodeRuneInString(phrase)
	l.upper = unicode.IsUpper(r)
	if isAcronym(phrase) {
		l.exact = phrase
	}
	for i, o := range n.lex {
		if o.kind == l.kind && o.id == l.id {
			if o.exact != l.exact {
				n.lex[i].exact = "" // "US" and "us" both listed: any case
			}
			return
		}
		if x.clash(o, l) {
			x.conflicts = append(x.conflicts, fmt.Sprintf("%q: %s and %s", phrase, x.describe(o), x.describe(l)))
			n.lex[i] = l // the later file overrides
			return
		}
	}
	if n.lex == nil {
		n.lex = x.newLex(l)
		return
	}
	n.lex = append(n.lex, l)
}

// clash reports two meanings of one phrase that cannot both stand: two
// actors of different countries or roles. A state's name that is also its
// adjective ("U.S.") is fine, and so are people sharing a surname, whom
// the date tells apart.
func (x *index) clash(a, b lex) bool {
	ca, cb := class(a.kind), class(b.kind)
	if ca != cb || a.exact != b.exact && a.exact != "" && b.exact != "" {
		return false
	}
	switch ca {
	case 1:
		if a.kind == lxPerson || b.kind == lxPerson {
			return a.kind != b.kind
		}
		na, nb := x.named[a.id].actor, x.named[b.id].actor
		return na.Country != nb.Country || (na.Role != nb.Role && a.kind != lxAdj && b.kind != lxAdj && a.kind != lxPlural && b.kind != lxPlural)
	case 2:
		return a.kind == b.kind && x.word(a) != x.word(b)
	}
	return false
}

func class(k lexKind) int {
	switch k {
	case lxHead, lxTitle, lxPronoun:
		return 2
	case lxIgnore:
		return 3
	}
	return 1
}

func (x *index) word(l lex) word {
	if l.kind == lxHead {
		return x.heads[l.id]
	}
	if l.kind == lxTitle {
		return x.titles[l.id]
	}
	return word{}
}

func (x *index) describe(l lex) string {
	switch l.kind {
	case lxPerson:
		return "person " + x.people[l.id].name
	case lxHead, lxTitle, lxPronoun, lxIgnore:
		w := x.word(l)
		return fmt.Sprintf("word kind %d role %s", l.kind, w.role)
	}
	a := x.named[l.id].actor
	return a.Name + " " + a.Country + string(a.Role)
}

// lookup returns the meanings of the longest phrase starting at toks[i]
// that the text spells acceptably, and the phrase's token count.
func (x *index) lookup(text string, toks []token, i int) ([]lex, int) {
	if i < len(toks) && !x.first.may(toks[i].key) {
		return nil, 0 // no phrase starts with this word
	}
	n := x.root
	var best []lex
	bestLen := 0
	for j := i; j < len(toks); j++ {
		n = n.child(toks[j].key)
		if n == nil {
			break
		}
		if len(n.lex) > 0 {
			if ok := x.spelled(text, toks, i, j+1, n.lex); len(ok) > 0 {
				best, bestLen = ok, j+1-i
			}
		}
	}
	return best, bestLen
}

// spelled keeps the meanings whose case rules the text obeys.
func (x *index) spelled(text string, toks []token, i, j int, ls []lex) []lex {
	keep := ls
	for k, l := range ls {
		if l.exact != "" && text[toks[i].start:toks[j-1].end] != l.exact || l.upper && !toks[i].upper {
			keep = nil
			for _, l2 := range ls[k:] {
				if !(l2.exact != "" && text[toks[i].start:toks[j-1].end] != l2.exact || l2.upper && !toks[i].upper) {
					keep = append(keep, l2)
				}
			}
			return append(append([]lex(nil), ls[:k]...), keep...)
		}
	}
	return keep
}

// isAcronym is true for short all-capital names ("US", "WHO", "U.N."),
// which must keep their case to avoid "us", "who".
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == '-' || r == '&':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 6
}
