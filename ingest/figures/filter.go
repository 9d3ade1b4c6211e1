package figures

// wordFilter answers quickly, for most words, that a word is not a key of
// a small set: it holds a bit per first two letters and word length, so
// that only a word sharing both with a key costs a map lookup. Find runs
// it on every word of every sentence, and most are no number.
type wordFilter struct {
	bits [26 * 26]uint32
	all  bool // a key the bits cannot hold: every word may be one
}

func newWordFilter(sets ...map[string]bool) *wordFilter {
	f := &wordFilter{}
	for _, set := range sets {
		for w := range set {
			if len(w) < 2 || len(w) > 31 || !isLower(w[0]) || !isLower(w[1]) {
				f.all = true
				continue
			}
			f.bits[pair(w[0], w[1])] |= 1 << len(w)
		}
	}
	return f
}

// may reports whether w, lower-case, can be a key; false is sure.
func (f *wordFilter) may(w string) bool {
	if f.all {
		return true
	}
	if len(w) < 2 || len(w) > 31 || !isLower(w[0]) || !isLower(w[1]) {
		return false
	}
	return f.bits[pair(w[0], w[1])]&(1<<len(w)) != 0
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

func pair(a, b byte) int { return int(a-'a')*26 + int(b-'a') }
