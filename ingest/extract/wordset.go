package extract

import "math/bits"

// The rules ask the closed word classes of English (determiners,
// prepositions, auxiliaries, ...) about the words around each trigger,
// some twenty times per token of an article. A Go map hashes the whole
// word for each question; these tables hash its length and three of its
// bytes, and most words of a sentence are in no class, so a question
// usually ends at an empty slot or a length the class does not have.

// wordTable maps words to values: open addressing in a table at most a
// quarter full, built once and only read after.
type wordTable[V any] struct {
	keys []string // "" marks an empty slot; no word is empty
	vals []V
	mask uint32
	lens uint64 // bit n is set when a word has n bytes (63 for longer)
}

// hashWord mixes the length and the first, middle and last bytes of a
// non-empty word: enough to spread the words of a class, cheap to take.
func hashWord(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA6B ^ uint32(w[n>>1])*0x27D4EB2F ^ uint32(w[n-1])*0xC2B2AE35
	return h ^ h>>15
}

func lenBit(w string) uint64 { return 1 << min(len(w), 63) }

// put sets the value of w, growing the table to keep it a quarter full.
func (t *wordTable[V]) put(w string, v V) {
	if w == "" {
		panic("extract: empty word in a word table")
	}
	if t.find(w) < 0 && (len(t.keys) == 0 || t.count()+1 > len(t.keys)/4) {
		t.grow()
	}
	t.lens |= lenBit(w)
	for i := hashWord(w) & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == "" || t.keys[i] == w {
			t.keys[i], t.vals[i] = w, v
			return
		}
	}
}

func (t *wordTable[V]) count() int {
	n := 0
	for _, k := range t.keys {
		if k != "" {
			n++
		}
	}
	return n
}

func (t *wordTable[V]) grow() {
	keys, vals := t.keys, t.vals
	size := 1 << bits.Len(uint(max(8, 8*t.count())))
	t.keys, t.vals, t.mask = make([]string, size), make([]V, size), uint32(size-1)
	for i, k := range keys {
		if k != "" {
			t.put(k, vals[i])
		}
	}
}

// find returns the slot of w, or -1.
func (t *wordTable[V]) find(w string) int {
	if t.lens&lenBit(w) == 0 { // also every empty word
		return -1
	}
	for i := hashWord(w) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case w:
			return int(i)
		case "":
			return -1
		}
	}
}

// get returns the value of w and whether w is in the table.
func (t *wordTable[V]) get(w string) (V, bool) {
	if i := t.find(w); i >= 0 {
		return t.vals[i], true
	}
	var zero V
	return zero, false
}

// at returns the value of w, the zero value when w is not in the table.
func (t *wordTable[V]) at(w string) V {
	v, _ := t.get(w)
	return v
}

// wordSet is a class of words.
type wordSet struct {
	wordTable[struct{}]
	words []string // as given, for the few readers that list a class
}

func set(words ...string) wordSet {
	s := wordSet{words: words}
	for _, w := range words {
		s.put(w, struct{}{})
	}
	return s
}

// has reports whether w is in the class.
func (s *wordSet) has(w string) bool { return s.find(w) >= 0 }
