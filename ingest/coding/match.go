package coding

import (
	"slices"
	"strings"
)

// Trigger is one pattern found in a sentence. Indexes are token indexes:
// [Start, End) covers the whole match, Head is the first token, and
// [SlotStart, SlotEnd) is the first gap ("urged Russian forces to": the
// slot holds "Russian forces"), empty when the pattern has none.
type Trigger struct {
	Entry              *Entry
	Start, End, Head   int
	SlotStart, SlotEnd int
	Literal            []int // token indexes of the pattern's words

	governed bool // inside another match's object: ranked below it
	lo, hi   int  // the literal positions in the scratch, while matching
}

// gapStop reports whether a gap stops at words[j]: at the end of a
// sentence or quotation, and at a comma that opens a new clause ("the
// fighting intensified, with troops joining the offensive"). A comma in a
// list ("urged Russia, Syria and Iran to") is crossed.
func gapStop(words []string, j int) bool {
	switch words[j] {
	case ".", ";", ":", "?", "!", "\"", "“", "”", "(", ")":
		return true
	case ",":
		return j+1 < len(words) && clauseOpeners[words[j+1]]
	}
	return false
}

// clauseOpeners are the words that, after a comma, begin a new clause.
var clauseOpeners = map[string]bool{
	"and": false, // "Russia, Syria and Iran": a list, not a clause
	"but": true, "while": true, "whereas": true, "with": true, "which": true, "who": true,
	"whose": true, "where": true, "when": true, "as": true, "after": true, "before": true,
	"although": true, "though": true, "because": true, "since": true, "saying": true,
	"adding": true, "according": true, "despite": true, "amid": true, "following": true,
	"if": true, "unless": true, "until": true, "so": true, "then": true, "said": true,
}

// scratch is the per-call working memory of [Lexicon.Match], pooled so
// that a sentence costs at most two allocations: the triggers returned and
// one slice holding all their literal positions.
type scratch struct {
	// recent holds the words looked up lately by a hash of their text:
	// running text repeats its words, and this small table stays in the
	// processor's cache where the vocabulary map does not. It keeps the
	// words' bytes, not their strings, so it holds no article alive and
	// gives the collector no pointers to scan.
	recent  [recentSize]recentForm
	present []uint64  // bitset over the lemmas of the sentence's words
	found   []Trigger // candidates; Literal is unset, lo/hi index lits
	lits    []int
	taken   []bool
}

const recentSize = 2048

// recentLen is the longest word [scratch.recent] keeps; longer words,
// rare in running text, go to the vocabulary map each time.
const recentLen = 16

// recentForm is a word of [scratch.recent] with its vocabulary id (ok
// false: not a form of the lexicon); n is 0 for an empty slot.
type recentForm struct {
	b  [recentLen]byte
	n  uint8
	ok bool
	id int32
}

// form is [Lexicon.form] through the table of recent words.
func (sc *scratch) form(lx *Lexicon, w string) (int32, bool) {
	if w == "" || len(w) > recentLen {
		return lx.form(w)
	}
	r := &sc.recent[recentSlot(w)]
	if int(r.n) == len(w) && string(r.b[:r.n]) == w {
		return r.id, r.ok
	}
	id, ok := lx.form(w)
	r.n, r.ok, r.id = uint8(copy(r.b[:], w)), ok, id
	return id, ok
}

// recentSlot is a cheap hash of w: its length and its first two and last
// two bytes, which tell most words of an article apart.
func recentSlot(w string) uint {
	n := len(w)
	h := uint(n)*131 + uint(w[0])*31 + uint(w[n-1])
	if n > 1 {
		h = h*37 + uint(w[1])
		h = h*41 + uint(w[n-2])
	}
	return h % recentSize
}

// Match finds the lexicon's patterns in words, the lower-cased tokens of
// one sentence. Longer patterns win over shorter ones sharing a token; the
// result is ordered by position.
func (lx *Lexicon) Match(words []string) []Trigger { return lx.MatchMasked(words, nil) }

// MatchMasked is [Lexicon.Match] with a mask over words: a token whose
// mask is true (a name such as "Ceasefire Violations Committee" or "the
// Warsaw Pact", or an actor span found by the caller) is never a pattern
// word, though a gap of a pattern may cross it ("urged the Warsaw Pact
// to"). A nil or short mask masks nothing beyond its length.
func (lx *Lexicon) MatchMasked(words []string, mask []bool) []Trigger {
	return lx.match(words, mask, nil)
}

// Triggers holds the results of [Lexicon.MatchIn] for a caller that
// matches many sentences, such as the sentences of an article: their
// triggers and literal positions are cut from two arrays it renews in
// chunks, rather than from two new allocations per sentence. A zero
// Triggers is ready for use. Results are never written over: each stays
// valid for as long as its holder keeps it, and appending to one copies
// it out.
type Triggers struct {
	trigs []Trigger
	lits  []int
}

// Reset readies in for a new set of sentences, keeping the array it
// last cut from: the results cut before may be written over by the next
// calls, so the caller must keep none of them.
func (in *Triggers) Reset() {
	in.trigs, in.lits = in.trigs[:0], in.lits[:0]
}

// Chunks of the arrays of [Triggers]: a few sentences' triggers, and
// the literal positions of as many.
const (
	trigChunk = 64
	litChunk  = 256
)

// MatchIn is [Lexicon.Match] with the result cut from in.
func (lx *Lexicon) MatchIn(words []string, in *Triggers) []Trigger {
	return lx.match(words, nil, in)
}

// cut returns an empty slice with room for n cut from *slab, which is
// renewed, in chunks of at least chunk, when too short.
func cut[T any](slab *[]T, n, chunk int) []T {
	if cap(*slab)-len(*slab) < n {
		*slab = make([]T, 0, max(n, chunk))
	}
	l := len(*slab)
	*slab = (*slab)[:l+n]
	return (*slab)[l : l : l+n]
}

// match is MatchMasked with its result cut from in, or newly made when
// in is nil.
func (lx *Lexicon) match(words []string, mask []bool, in *Triggers) []Trigger {
	// Sentences are short: keep the per-token ids on the stack.
	var idBuf [64]int32
	var ids []int32
	if len(words) <= len(idBuf) {
		ids = idBuf[:len(words)]
	} else {
		ids = make([]int32, len(words))
	}
	sc := lx.scratch.Get().(*scratch)
	// present holds the vocabulary ids of the sentence, so that a pattern
	// whose later words are absent is ruled out without scanning its gaps.
	present := sc.present
	for i, w := range words {
		id, ok := sc.form(lx, w)
		if !ok || i < len(mask) && mask[i] {
			id = -1
		} else {
			for _, l := range lx.lemOf[id] {
				present[l>>6] |= 1 << (l & 63)
			}
		}
		ids[i] = id
	}
	found, lits := sc.found[:0], sc.lits[:0]
	for i, id := range ids {
		if id < 0 || isMonth(words[i]) && dateUse(words, i) {
			continue
		}
		for _, c := range lx.byFirst[id] {
			if !has(present, c.n0) || !has(present, c.n1) || c.more && !possible(c.e, present) {
				continue
			}
			e := c.e
			var t Trigger
			var ok bool
			if t, lits, ok = matchAt(e, words, ids, i, lits); ok {
				found = append(found, t)
			}
		}
	}
	for _, id := range ids {
		if id >= 0 {
			for _, l := range lx.lemOf[id] {
				present[l>>6] = 0
			}
		}
	}
	out := lx.choose(sc, found, lits, len(words), in)
	sc.found, sc.lits = found[:0], lits[:0]
	lx.scratch.Put(sc)
	return out
}

// choose keeps the best of the candidate matches that share no literal
// token and returns them ordered by position, in a slice cut from in
// (a new one when in is nil).
func (lx *Lexicon) choose(sc *scratch, found []Trigger, lits []int, n int, in *Triggers) []Trigger {
	if len(found) == 0 {
		return nil
	}
	if len(found) > 1 {
		markGoverned(found, lits)
		// Prefer patterns not governed by another, then more literal
		// words, then the tighter match, then the earlier.
		slices.SortStableFunc(found, func(x, y Trigger) int {
			switch {
			case x.governed != y.governed:
				if x.governed {
					return 1
				}
				return -1
			case x.Entry.words != y.Entry.words:
				return y.Entry.words - x.Entry.words
			case x.End-x.Start != y.End-y.Start:
				return (x.End - x.Start) - (y.End - y.Start)
			}
			return x.Start - y.Start
		})
	}
	taken := slices.Grow(sc.taken[:0], n)[:n]
	clear(taken)
	sc.taken = taken
	kept, nlit := 0, 0
	for _, t := range found {
		clash := false
		for _, k := range lits[t.lo:t.hi] {
			if taken[k] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for _, k := range lits[t.lo:t.hi] {
			taken[k] = true
		}
		found[kept] = t
		kept++
		nlit += t.hi - t.lo
	}
	var out []Trigger
	var all []int
	if in != nil {
		out = append(cut(&in.trigs, kept, trigChunk), found[:kept]...)
		all = cut(&in.lits, nlit, litChunk)
	} else {
		out = make([]Trigger, kept)
		copy(out, found[:kept])
		all = make([]int, 0, nlit)
	}
	slices.SortStableFunc(out, func(x, y Trigger) int { return x.Start - y.Start })
	for i := range out {
		t := &out[i]
		a := len(all)
		all = append(all, lits[t.lo:t.hi]...)
		t.Literal = all[a:len(all):len(all)]
		t.lo, t.hi = 0, 0
	}
	return out
}

// datePreps are the words before a month name that mark it as a date
// rather than an act: "in March", "since May", "early March".
var datePreps = map[string]bool{
	"in": true, "on": true, "since": true, "until": true, "till": true, "by": true,
	"of": true, "from": true, "early": true, "late": true, "mid": true, "last": true,
	"next": true, "this": true, "between": true, "before": true, "after": true,
	"during": true, "through": true,
}

// isMonth reports month names that are also pattern words.
func isMonth(w string) bool { return w == "march" || w == "may" }

// dateUse reports whether the month name at words[i] is a date: after a
// preposition of time or before a day or year number.
func dateUse(words []string, i int) bool {
	if i > 0 && datePreps[words[i-1]] {
		return true
	}
	if i+1 < len(words) {
		if n := words[i+1]; n != "" && n[0] >= '0' && n[0] <= '9' {
			return true
		}
	}
	return false
}

// markGoverned marks the matches that lie in the object of another:
// they start after it and take in its last word. The outer pattern is the
// verb that governs the inner one's noun phrase, so "accepted demands ...
// for reforms" is the acceptance (083), not a demand for reform,
// "rejected calls for talks" a rejection, and "demanded economic
// cooperation" a demand (1011) rather than the cooperation.
func markGoverned(found []Trigger, lits []int) {
	for i := range found {
		x := &found[i]
		if x.hi-x.lo < 2 {
			continue
		}
		last := lits[x.hi-1]
		for j := range found {
			y := &found[j]
			if y.Start > x.Start && y.Start <= last && y.End > y.Start+1 && contains(lits[y.lo:y.hi], last) {
				y.governed = true
			}
		}
	}
}

func contains(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

// possible reports whether every word of e after the first has one of
// its forms in the sentence.
func possible(e *Entry, present []uint64) bool {
	for _, el := range e.need {
		if present[el.lemma>>6]&(1<<(el.lemma&63)) == 0 {
			return false
		}
	}
	return true
}

// matchAt matches e with its first word at words[i]; gaps are lazy. The
// literal positions are appended to lits, which is returned truncated to
// its old length when e does not match.
func matchAt(e *Entry, words []string, ids []int32, i int, lits []int) (Trigger, []int, bool) {
	t := Trigger{Entry: e, Start: i, Head: i, SlotStart: -1, SlotEnd: -1, lo: len(lits)}
	pos := i
	for k := 0; k < len(e.elems); k++ {
		el := e.elems[k]
		if !el.gap {
			if pos >= len(ids) || (k > 0 && !el.has(ids[pos])) {
				return t, lits[:t.lo], false
			}
			lits = append(lits, pos)
			pos++
			continue
		}
		// A gap: find the nearest position where the next word matches.
		next := e.elems[k+1]
		found := -1
		for j := pos; j < len(words) && j <= pos+MaxGap; j++ {
			if ids[j] >= 0 && next.has(ids[j]) {
				found = j
				break
			}
			if gapStop(words, j) {
				break
			}
		}
		if found < 0 {
			return t, lits[:t.lo], false
		}
		if t.SlotStart < 0 {
			t.SlotStart, t.SlotEnd = pos, found
		}
		pos = found
	}
	t.End = pos
	t.hi = len(lits)
	return t, lits, true
}

// Lower returns the lower-cased forms of tokens, for [Lexicon.Match].
func Lower(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, s := range tokens {
		out[i] = lowerASCII(s)
	}
	return out
}

// LowerIn returns the form of token w that [Lower] gives, where low is
// the same bytes after [sentence.LowerASCII]: low itself when w is ASCII, which
// costs no allocation.
func LowerIn(w, low string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return lowerASCII(w)
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if upper {
		return low
	}
	return w
}

// lowerASCII avoids an allocation for words already in lower case, the
// common case in running text.
func lowerASCII(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToLower(strings.ReplaceAll(s, "’", "'"))
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if upper {
		return strings.ToLower(s) // ASCII: no "’" to replace
	}
	return s
}
