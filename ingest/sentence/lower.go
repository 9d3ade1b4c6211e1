package sentence

import "strings"

// LowerASCII returns text with its ASCII capitals lower-cased and every
// other byte as it was, so that an ASCII word at bytes [i, j) of text
// reads lower-cased at LowerASCII(text)[i:j]. The taggers that key words
// in lower case (actors, lexicon, time expressions, figures) lower a text
// once this way instead of making a string per capitalised word; a text
// without capitals is returned as it is, with no allocation.
func LowerASCII(text string) string {
	i := 0
	for i < len(text) && !(text[i] >= 'A' && text[i] <= 'Z') {
		i++
	}
	if i == len(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	// Capitals are few: copy the runs between them whole.
	last := 0
	for ; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			b.WriteString(text[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(text[last:])
	return b.String()
}
