package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/sentence"
	"golang.org/x/text/unicode/norm"
)

// token is one word or punctuation mark of a text. Matching works on the
// folded keys (lower case, no diacritics, one apostrophe) so that "Erdoğan",
// "ERDOGAN" and "Erdogan" meet in the same trie node, while Start and End
// keep the bytes of the original text for the [Match] offsets.
type token struct {
	start, end int
	key        string
	upper      bool // first letter is upper case: names need it
}

// tokenize splits text into words and the punctuation the grammar uses.
// Words keep internal hyphens, dots and apostrophes ("al-Sham", "U.S.",
// "Ki-moon"); a possessive "'s" becomes a token of its own so that
// "Russia's" reads as the state plus a possessive marker.
func tokenize(text string, toks []token) []token { return tokenizeLow(text, "", toks) }

// tokenizeLow is [tokenize] given low, text after [sentence.LowerASCII]
// or "" to have it made at the first capitalised word: a caller that
// lowered a whole article spares each sentence the copy.
func tokenizeLow(text, low string, toks []token) []token {
	toks = toks[:0]
	if want := len(text)/5 + 8; cap(toks) < want {
		toks = make([]token, 0, want) // about one token per five bytes of news text
	}
	// low is text with its ASCII capitals lower-cased, made at the first
	// capitalised word unless given: the keys of ASCII words are cut from
	// it, one string for the text rather than one per word.
	i := 0
	for i < len(text) {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if !isWord(r) {
			if r == '\n' || r == ',' || r == '.' || r == ';' || r == ':' || r == '(' || r == ')' || r == '!' || r == '?' || r == '"' || r == '“' || r == '”' {
				key := text[i : i+w] // the mark itself: no new string
				if r == '“' || r == '”' {
					key = "\""
				}
				toks = append(toks, token{start: i, end: i + w, key: key})
			}
			i += w
			continue
		}
		start := i
		upper := 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
		// Most words are plain lower-case ASCII: their key is the text
		// itself and costs no allocation.
		plain, ascii := true, r < utf8.RuneSelf
		for i < len(text) {
			r, w = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(text[i:])
			}
			if isWord(r) {
				if r >= utf8.RuneSelf || 'A' <= r && r <= 'Z' {
					plain = false
					ascii = ascii && r < utf8.RuneSelf
				}
				i += w
				continue
			}
			if r == '.' || r == '-' || r == '\'' || r == '’' || r == '&' {
				nr, nw := utf8.DecodeRuneInString(text[i+w:])
				if i+w < len(text) && isWord(nr) {
					// A possessive ending stays a token of its own.
					if (r == '\'' || r == '’') && (nr == 's' || nr == 'S') && !wordAt(text, i+w+nw) {
						break
					}
					if r == '’' {
						plain, ascii = false, false
					}
					i += w
					continue
				}
				// "U.S." keeps its last dot: single letters joined by dots.
				if r == '.' && isInitials(text[start:i]) {
					i += w
				}
			}
			break
		}
		key := text[start:i]
		switch {
		case plain:
		case ascii:
			// Folding an ASCII word only lower-cases it.
			if low == "" {
				low = sentence.LowerASCII(text)
			}
			key = low[start:i]
		default:
			key = foldString(key)
		}
		toks = append(toks, token{start: start, end: i, key: key, upper: upper})
		if i < len(text) && (text[i] == '\'' || strings.HasPrefix(text[i:], "’")) {
			w := 1
			if text[i] != '\'' {
				w = len("’")
			}
			if j := i + w; j < len(text) && (text[j] == 's' || text[j] == 'S') && !wordAt(text, j+1) {
				toks = append(toks, token{start: i, end: j + 1, key: "'s"})
				i = j + 1
			}
		}
	}
	return toks
}

// foldString lower-cases s and strips its diacritics (see foldRune).
func foldString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		foldRune(&b, r)
	}
	return b.String()
}

func wordAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWord(r)
}

// isWord is small enough to be inlined: the ASCII case, nearly every
// rune of news text, is read from a table.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordSlow(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordSlow(rune(r))
	}
	return t
}()

func isWordSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isInitials reports whether s is "U.S" or "u.n" style: single letters
// separated by dots.
func isInitials(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%2 == 1 && s[i] != '.' || i%2 == 0 && s[i] == '.' {
			return false
		}
	}
	return len(s)%2 == 1
}

// fold is the key of a data phrase: its tokens' keys joined by spaces.
func fold(s string) string {
	toks := tokenize(s, nil)
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = t.key
	}
	return strings.Join(keys, " ")
}

// foldRune writes r lower-cased and without diacritics. The table covers
// the Latin letters of names in the conflict press (Turkish, Slavic,
// French, Vietnamese basics); others pass through lower-cased.
func foldRune(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	if unicode.Is(unicode.Mn, r) {
		return // combining accents of decomposed text
	}
	r = unicode.ToLower(r)
	if f, ok := foldTable[r]; ok {
		b.WriteString(f)
		return
	}
	b.WriteRune(r)
}

// foldTable maps the precomposed Latin letters (Latin-1 to Latin Extended
// Additional: Turkish, Slavic, French, Vietnamese, and the dotted letters
// of Arabic transliteration such as "Ḥaftar") to their base letters, by
// Unicode decomposition, plus the letters that do not decompose.
var foldTable = func() map[rune]string {
	m := map[rune]string{'’': "'", '‘': "'", 'ʼ': "'", '‐': "-", '‑': "-", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ø': "o", 'ħ': "h", 'ŧ': "t", 'ŀ': "l"}
	for _, rg := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if _, ok := m[r]; ok || !unicode.IsLetter(r) {
				continue
			}
			var base []rune
			for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
				if !unicode.Is(unicode.Mn, d) {
					base = append(base, d)
				}
			}
			if len(base) == 1 && base[0] < utf8.RuneSelf {
				m[unicode.ToLower(r)] = string(base)
			}
		}
	}
	return m
}()
