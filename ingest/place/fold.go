package place

import (
	"unicode"
	"unicode/utf8"
)

// word is one token of a text: bytes [start, end) of the text, its folded
// key, whether it begins with a capital, whether it is all capitals, and
// whether only spaces and hyphens separate it from the word before (a
// name never runs across a comma or a full stop), and whether it opens a
// sentence (where every word is capitalised).
type word struct {
	start, end int
	key        string
	upper      bool
	caps       bool
	joined     bool
	first      bool
}

// words splits text into words for matching. Letters and digits make
// words; apostrophes and GeoNames' 'ayn marks inside a word vanish
// ("Ta'izz", "Ta‘izz" and "Taizz" are one key); a hyphen separates words
// like a space ("Deir ez-Zor" is "deir ez zor"); a possessive "'s" is
// left out ("Idlib's" is "idlib"). Keys are lower case without diacritics;
// a word already so is its own key, with no allocation.
func words(text string, out []word) []word {
	out = out[:0]
	gap := true // true while only spaces or hyphens were seen since the last word
	first := true
	i := 0
	for i < len(text) {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if !isLetter(r) {
			if r != ' ' && r != '-' && r != '\u00a0' && r != '\t' && !isMark(r) {
				gap = false
			}
			first = first || r == '.' || r == '!' || r == '?' || r == '\n' || r == '"' || r == '“' || r == ':'

			i += w
			continue
		}
		start, plain, lowerOnly := i, true, true
		upper := unicode.IsUpper(r)
		caps := true
		for i < len(text) {
			r, w = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(text[i:])
			}
			if isLetter(r) {
				if r >= utf8.RuneSelf {
					plain = false
				} else if 'A' <= r && r <= 'Z' {
					lowerOnly = false
				} else if 'a' <= r && r <= 'z' {
					caps = false
				}
				i += w
				continue
			}
			if isMark(r) && i+w < len(text) && isLetterAt(text, i+w) && !possessive(text, i+w) {
				plain = false
				i += w
				continue
			}
			break
		}
		k := text[start:i]
		if !plain || !lowerOnly {
			k = fold(k)
		}
		out = append(out, word{start: start, end: i, key: k, upper: upper, caps: caps && len(k) > 1, joined: gap && len(out) > 0, first: first})
		gap, first = true, false
	}
	return out
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isMark reports the apostrophe-like marks that vanish inside a word.
func isMark(r rune) bool {
	switch r {
	case '\'', '`', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ':
		return true
	}
	return false
}

// possessive reports whether text[i:] is the s of a possessive "'s".
func possessive(text string, i int) bool {
	return text[i] == 's' && (i+1 == len(text) || !isLetterAt(text, i+1))
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r)
}

// fold lower-cases s and strips diacritics and apostrophes.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if isMark(r) {
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		if a, ok := latin[r]; ok {
			b = append(b, a...)
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// key folds a whole name into the space-separated key the index uses.
func key(name string) string {
	ws := words(name, nil)
	n := 0
	for _, w := range ws {
		n += len(w.key) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w.key...)
	}
	return string(b)
}

// latin maps the accented Latin letters of GeoNames' transliterations to
// plain ones. The go.mod has no x/text, and this table is all the
// names need.
var latin = func() map[rune]string {
	m := map[rune]string{}
	for _, g := range []struct{ from, to string }{
		{"ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎȦȧẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ", "a"},
		{"ÇçĆćĈĉĊċČč", "c"}, {"ĎďĐđḌḍḎḏ", "d"},
		{"ÈÉÊËèéêëĒēĔĕĖėĘęĚěẸẹẺẻẼẽẾếỀềỂểỄễỆệƏə", "e"},
		{"ĜĝĞğĠġĢģǦǧ", "g"}, {"ĤĥĦħḤḥḨḩḪḫẖ", "h"},
		{"ÌÍÎÏìíîïĨĩĪīĬĭĮįİıỊịỈỉ", "i"}, {"Ĵĵ", "j"}, {"ĶķḲḳ", "k"},
		{"ĹĺĻļĽľĿŀŁł", "l"}, {"ÑñŃńŅņŇňṆṇ", "n"},
		{"ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ", "o"},
		{"ŔŕŖŗŘřṚṛ", "r"}, {"ŚśŜŝŞşŠšȘșṢṣ", "s"}, {"ŢţŤťŦŧȚțṬṭ", "t"},
		{"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưỤụỦủỨứỪừỬửỮữỰự", "u"}, {"Ŵŵ", "w"},
		{"ÝýÿŶŷŸỲỳỴỵỶỷỸỹ", "y"}, {"ŹźŻżŽžẒẓẔẕ", "z"},
		{"Ææ", "ae"}, {"Œœ", "oe"}, {"ß", "ss"}, {"Þþ", "th"}, {"Ðð", "d"},
	} {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()
