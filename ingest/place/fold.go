package place

import (
	"unicode"
	"unicode/utf8"
)

// word is one token of a text: bytes [start, end) of the text, whether
// it begins with a capital, whether it is all capitals, whether only
// spaces and hyphens separate it from the word before (a name never runs
// across a comma or a full stop), and whether it opens a sentence (where
// every word is capitalised). plain is set when the bytes are lower-case
// ASCII letters, which are their own key.
type word struct {
	start, end int
	upper      bool
	caps       bool
	joined     bool
	first      bool
	plain      bool
}

// next returns the first word at or after byte i of text, or ok false.
// Letters and digits make words; apostrophes and GeoNames' 'ayn marks
// inside a word vanish from its key ("Ta'izz", "Ta‘izz" and "Taizz" are
// one); a hyphen separates words like a space ("Deir ez-Zor" is "deir ez
// zor"); a possessive "'s" is left out ("Idlib's" is "idlib"). Words are
// read one at a time, so that only the capitalised ones cost more than a
// pass over their bytes.
func next(text string, i int) (w word, ok bool) {
	gap, first := true, i == 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				break
			}
			switch c {
			case ' ', '-', '\t', '\'', '`':
			case '.', '!', '?', '\n', '"', ':':
				gap, first = false, true
			default:
				gap = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isLetter(r) {
			break
		}
		if r == '“' {
			first = true
		}
		if r != '\u00a0' && !isMark(r) {
			gap = false
		}
		i += n
	}
	if i >= len(text) {
		return word{}, false
	}
	w = word{start: i, joined: gap, first: first, plain: true, caps: true}
	r := rune(text[i])
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeRuneInString(text[i:])
	}
	w.upper = unicode.IsUpper(r)
	for i < len(text) {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z':
			w.caps = false
			i++
			continue
		case 'A' <= c && c <= 'Z':
			w.plain = false
			i++
			continue
		case '0' <= c && c <= '9':
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if isLetter(r) {
			w.plain = false
			if unicode.IsLower(r) {
				w.caps = false
			}
			i += n
			continue
		}
		if isMark(r) && i+n < len(text) && isLetterAt(text, i+n) && !possessive(text, i+n) {
			w.plain = false
			i += n
			continue
		}
		break
	}
	w.end = i
	w.caps = w.caps && w.end-w.start > 1
	return w, true
}

// appendKey appends the folded key of word w of text to b.
func appendKey(b []byte, text string, w word) []byte {
	if w.plain {
		return append(b, text[w.start:w.end]...)
	}
	return appendFold(b, text[w.start:w.end])
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

// appendFold appends s lower-cased, without diacritics and apostrophes.
func appendFold(b []byte, s string) []byte {
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
	return b
}

// key folds a whole name into the space-separated key the index uses.
func key(name string) string {
	var b []byte
	for w, ok := next(name, 0); ok; w, ok = next(name, w.end) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = appendKey(b, name, w)
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
