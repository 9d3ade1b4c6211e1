package extract

import "math/bits"

// The rules ask the closed word classes of English (determiners,
// prepositions, auxiliaries, ...) about the words around each trigger,
// some thirty times per trigger. A Go map hashes the whole word for
// each question; a wordSet first tests the word's length and first byte
// against masks of its class, which turns most words away, and otherwise
// hashes the length and three bytes.

// wordSet is a class of words: open addressing in a table at most a
// quarter full, built once and only read after.
type wordSet struct {
	keys  []string // "" marks an empty slot; no word is empty
	mask  uint32
	lens  uint64   // bit n is set when a word has n bytes (63 for longer)
	first uint64   // bit b&63 is set when a word starts with byte b
	words []string // as given, for the few readers that list a class
}

func set(words ...string) wordSet {
	size := 1 << bits.Len(uint(max(2, 4*len(words))))
	s := wordSet{keys: make([]string, size), mask: uint32(size - 1), words: words}
	for _, w := range words {
		if w == "" {
			panic("extract: empty word in a word set")
		}
		s.lens |= lenBit(w)
		s.first |= firstBit(w)
		for i := hashWord(w) & s.mask; ; i = (i + 1) & s.mask {
			if s.keys[i] == "" || s.keys[i] == w {
				s.keys[i] = w
				break
			}
		}
	}
	return s
}

// hashWord mixes the length and the first, middle and last bytes of a
// non-empty word: enough to spread the words of a class, cheap to take.
func hashWord(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA6B ^ uint32(w[n>>1])*0x27D4EB2F ^ uint32(w[n-1])*0xC2B2AE35
	return h ^ h>>15
}

func lenBit(w string) uint64 { return 1 << min(len(w), 63) }

// firstBit is the bit of w's first byte in a set's first mask; the empty
// word has none.
func firstBit(w string) uint64 {
	if w == "" {
		return 0
	}
	return 1 << (w[0] & 63)
}

// has reports whether w is in the class. The masks come first: a word
// of the wrong length or first byte costs no probe of the table.
func (s *wordSet) has(w string) bool {
	return s.lens&lenBit(w) != 0 && s.first&firstBit(w) != 0 && s.slot(w) >= 0
}

// slot returns the index of w in s.keys, or -1. w is not empty.
func (s *wordSet) slot(w string) int {
	for i := hashWord(w) & s.mask; ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case w:
			return int(i)
		case "":
			return -1
		}
	}
}

// wordBits gives each word of a few classes the bits of the classes it
// is in: one question for all of them.
type wordBits struct {
	set  wordSet
	bits []uint8 // by slot of set
}

// newWordBits returns the words of each class with its bit.
func newWordBits(classes map[uint8]wordSet) *wordBits {
	var all []string
	for _, c := range classes {
		all = append(all, c.words...)
	}
	b := &wordBits{set: set(all...)}
	b.bits = make([]uint8, len(b.set.keys))
	for bit, c := range classes {
		for _, w := range c.words {
			b.bits[b.set.slot(w)] |= bit
		}
	}
	return b
}

// of returns the bits of the classes w is in.
func (b *wordBits) of(w string) uint8 {
	s := &b.set
	if s.lens&lenBit(w) == 0 || s.first&firstBit(w) == 0 {
		return 0
	}
	if i := s.slot(w); i >= 0 {
		return b.bits[i]
	}
	return 0
}
