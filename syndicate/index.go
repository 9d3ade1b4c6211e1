package syndicate

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"slices"
)

// Index holds signatures by LSH band, each with the copy group of its
// text, so that the near-identical copies of a text are found in memory
// ([Index.Joined]) rather than by reading every text sharing a band: a
// widely carried story shares its bands with hundreds of copies, nearly
// all of one group.
//
// An index knows some bands in full: those given to [Index.Fill], with
// the texts added to them since ([Index.Add]). It answers for a
// signature only when it knows all its bands ([Index.Unknown] lists the
// others), and then exactly as comparing the signature with every text
// sharing a band would. Its user keeps it true of the texts it mirrors:
// every text with a band it knows is in it, with its group, and every
// change of group goes through [Index.Move].
//
// Memory is a few hundred bytes a text: [Index.Members] says how much
// it holds, [Index.Shrink] forgets the bands least recently used, and
// [Index.Reset] empties it.
type Index struct {
	bands   map[bandKey]bandEntry
	parts   []part // each band's texts by copy group, as linked lists
	members []member
	texts   []text
	cells   []cell           // copy groups, merged as union-find
	groups  map[string]int32 // group id → its root cell
	// bySig finds a signature's text, so that a text is held once however
	// many of its bands are learnt, in however many calls, and exact
	// copies share one: a member names only the text, and its group is
	// the part's.
	bySig map[uint64]int32
	clock uint32 // counts the calls that use bands, for Shrink
}

// bandEntry is a known band: its first part, or -1 when no text has it,
// and when it was last used.
type bandEntry struct {
	head int32
	used uint32
}

// bandKey is a band as [Bands] writes it, not hex-encoded.
type bandKey [1 + 4*bandRows]byte

// part is the texts of one copy group in a band, so that Joined skips a
// group it has joined in one step, whatever its number of copies. Two
// parts of a band hold one group after the groups merged.
type part struct{ group, first, next int32 }

type member struct{ text, next int32 }

type text struct {
	sig [numHashes]uint32
	ok  bool // sig has numHashes values: a text with another length is never similar
}

// cell is a copy group: its id, or the cell it was merged into.
type cell struct {
	id     string
	parent int32 // -1 at a root
}

// Mate is a text sharing a band with another, as the user's store holds
// it: the band, the text's signature and its copy group.
type Mate struct {
	Band  string // as [Bands] writes it
	ID    string // the text's own id, so that a text sharing several bands is held once
	Sig   []uint32
	Group string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{bands: map[bandKey]bandEntry{}, groups: map[string]int32{}, bySig: map[uint64]int32{}}
}

// Members returns how many band memberships the index holds (up to
// eight a text), for bounding its memory: it holds at most one text a
// membership.
func (x *Index) Members() int { return len(x.members) }

// Texts returns how many signatures the index holds.
func (x *Index) Texts() int { return len(x.texts) }

// Reset empties the index.
func (x *Index) Reset() {
	clear(x.bands)
	clear(x.groups)
	clear(x.bySig)
	x.parts, x.members, x.texts, x.cells = x.parts[:0], x.members[:0], x.texts[:0], x.cells[:0]
}

// Shrink forgets the bands least recently used (by Fill, Add and
// Joined) until the index holds at most max memberships; a band kept
// keeps all its texts, so the index stays true of the texts it mirrors.
// Learning a band again means reading every text that has it, and the
// bands of recent texts are the ones new copies share: emptying the
// index instead made a large store read its widely carried stories'
// copies all over again.
func (x *Index) Shrink(max int) {
	if len(x.members) <= max {
		return
	}
	type entry struct {
		k bandKey
		bandEntry
		n int
	}
	order := make([]entry, 0, len(x.bands))
	for k, e := range x.bands {
		n := 0
		for p := e.head; p >= 0; p = x.parts[p].next {
			for m := x.parts[p].first; m >= 0; m = x.members[m].next {
				n++
			}
		}
		order = append(order, entry{k, e, n})
	}
	slices.SortFunc(order, func(a, b entry) int { return cmp.Compare(b.used, a.used) })
	y := NewIndex()
	y.clock = x.clock
	for _, e := range order {
		if len(y.members)+e.n > max {
			break
		}
		y.bands[e.k] = bandEntry{head: -1, used: e.used}
		for p := e.head; p >= 0; p = x.parts[p].next {
			g := y.cell(x.cells[x.root(x.parts[p].group)].id)
			for m := x.parts[p].first; m >= 0; m = x.members[m].next {
				y.link(e.k, y.add(x.texts[x.members[m].text]), g)
			}
		}
		b := y.bands[e.k]
		b.used = e.used // link stamps it with the clock
		y.bands[e.k] = b
	}
	*x = *y
}

// Unknown returns the bands of sig (as [Bands] writes them) that the
// index does not know.
func (x *Index) Unknown(sig []uint32) []string {
	var out []string
	for b := 0; b+bandRows <= len(sig); b += bandRows {
		if _, ok := x.bands[keyOf(sig, b)]; !ok {
			out = append(out, hex.EncodeToString(x.keyBytes(sig, b)))
		}
	}
	return out
}

// Fill makes the bands known, with their texts: mates holds every text
// having one of the bands, and no other text has them. A band known
// already, or not well formed, is left as it is.
func (x *Index) Fill(bands []string, mates []Mate) {
	fresh := map[bandKey]bool{}
	x.clock++
	for _, band := range bands {
		if k, ok := parseKey(band); ok {
			if _, known := x.bands[k]; !known {
				x.bands[k] = bandEntry{head: -1, used: x.clock}
				fresh[k] = true
			}
		}
	}
	for _, m := range mates {
		k, ok := parseKey(m.Band)
		if !ok || !fresh[k] {
			continue
		}
		x.link(k, x.addText(m.Sig), x.cell(m.Group))
	}
}

// Add adds a text with its copy group to the bands of sig the index
// knows. A band it does not know stays unknown: the index cannot tell
// which other texts have it. Nor does it keep a band the text is the
// only one to have: most bands are a single text's, and a text's new
// bands are learnt from the store in one query with its others.
func (x *Index) Add(sig []uint32, group string) {
	t, g := int32(-1), int32(-1)
	x.clock++
	for b := 0; b+bandRows <= len(sig); b += bandRows {
		k := keyOf(sig, b)
		switch e, ok := x.bands[k]; {
		case !ok:
		case e.head < 0:
			delete(x.bands, k)
		default:
			if t < 0 {
				t, g = x.addText(sig), x.cell(group)
			}
			x.link(k, t, g)
		}
	}
}

// AddAll adds a text with its copy group to every band of sig, making
// the bands it does not know known with the text alone, and keeps the
// bands only the text has: for a user whose index holds every text of
// its store (begun on an empty store, never shrunk), to whom a band it
// does not know is a band no text has.
func (x *Index) AddAll(sig []uint32, group string) {
	t, g := int32(-1), int32(-1)
	x.clock++
	for b := 0; b+bandRows <= len(sig); b += bandRows {
		k := keyOf(sig, b)
		if _, ok := x.bands[k]; !ok {
			x.bands[k] = bandEntry{head: -1, used: x.clock}
		}
		if t < 0 {
			t, g = x.addText(sig), x.cell(group)
		}
		x.link(k, t, g)
	}
}

// Move records that every text of the group from is now in the group
// to, which may hold texts already: the groups merge.
func (x *Index) Move(from, to string) {
	f, ok := x.groups[from]
	if !ok || from == to {
		return
	}
	delete(x.groups, from)
	if t, ok := x.groups[to]; ok {
		x.cells[f].parent = t
		return
	}
	x.cells[f].id = to
	x.groups[to] = f
}

// Joined returns the copy groups of the texts sharing a band with sig
// whose [Similarity] to sig reaches [Threshold], each once, and false
// when the index does not know every band of sig. A group is compared
// only until one of its texts matches.
func (x *Index) Joined(sig []uint32) (groups []string, ok bool) {
	var joined []int32
	x.clock++
	for b := 0; b+bandRows <= len(sig); b += bandRows {
		k := keyOf(sig, b)
		e, known := x.bands[k]
		if !known {
			return nil, false
		}
		e.used = x.clock
		x.bands[k] = e
		for p := e.head; p >= 0; p = x.parts[p].next {
			g := x.root(x.parts[p].group)
			if slices.Contains(joined, g) {
				continue
			}
			for m := x.parts[p].first; m >= 0; m = x.members[m].next {
				if t := &x.texts[x.members[m].text]; t.ok && Similarity(sig, t.sig[:]) >= Threshold {
					joined = append(joined, g)
					break
				}
			}
		}
	}
	for _, g := range joined {
		groups = append(groups, x.cells[g].id)
	}
	return groups, true
}

// addText returns the text of sig, adding it unless the index holds it.
func (x *Index) addText(sig []uint32) int32 {
	t := text{ok: len(sig) == numHashes}
	copy(t.sig[:], sig)
	return x.add(t)
}

func (x *Index) add(t text) int32 {
	h := t.hash()
	if i, ok := x.bySig[h]; ok && x.texts[i] == t {
		return i
	}
	x.texts = append(x.texts, t)
	i := int32(len(x.texts) - 1)
	if _, taken := x.bySig[h]; !taken { // another signature with this hash keeps the entry
		x.bySig[h] = i
	}
	return i
}

// hash mixes a text's signature (FNV-1a over its values).
func (t *text) hash() uint64 {
	h := uint64(14695981039346656037)
	if !t.ok {
		h ^= 1
	}
	for _, v := range t.sig {
		h = (h ^ uint64(v)) * 1099511628211
	}
	return h
}

// cell returns the root cell of a group, new if the index has none.
func (x *Index) cell(group string) int32 {
	g, ok := x.groups[group]
	if !ok {
		g = int32(len(x.cells))
		x.cells = append(x.cells, cell{id: group, parent: -1})
		x.groups[group] = g
	}
	return g
}

// link makes text t, of the group whose root cell is g, a member of
// band k, in the band's part of the group.
func (x *Index) link(k bandKey, t, g int32) {
	e := x.bands[k]
	e.used = x.clock
	p := e.head
	for p >= 0 && x.root(x.parts[p].group) != g {
		p = x.parts[p].next
	}
	if p < 0 {
		x.parts = append(x.parts, part{group: g, first: -1, next: e.head})
		p = int32(len(x.parts) - 1)
		e.head = p
	}
	x.bands[k] = e
	x.members = append(x.members, member{text: t, next: x.parts[p].first})
	x.parts[p].first = int32(len(x.members) - 1)
}

// root returns the cell a group cell was merged into, shortening the
// path for next time.
func (x *Index) root(g int32) int32 {
	r := g
	for x.cells[r].parent >= 0 {
		r = x.cells[r].parent
	}
	for g != r {
		g, x.cells[g].parent = x.cells[g].parent, r
	}
	return r
}

// keyOf is the key of the band of sig starting at row b, as [Bands]
// writes it.
func keyOf(sig []uint32, b int) bandKey {
	var k bandKey
	k[0] = byte(b / bandRows)
	for r := 0; r < bandRows; r++ {
		binary.BigEndian.PutUint32(k[1+4*r:], sig[b+r])
	}
	return k
}

func (x *Index) keyBytes(sig []uint32, b int) []byte {
	k := keyOf(sig, b)
	return k[:]
}

func parseKey(band string) (bandKey, bool) {
	var k bandKey
	if hex.DecodedLen(len(band)) != len(k) {
		return k, false
	}
	_, err := hex.Decode(k[:], []byte(band))
	return k, err == nil
}
