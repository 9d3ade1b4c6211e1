package sentence

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark: Text is exactly text[Start:End].
type Token struct {
	Start, End int
	Text       string
}

// IsWord reports whether the token starts with a letter or a digit.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Tokenize cuts text into words and punctuation marks. A word keeps inner
// hyphens, dots and apostrophes ("U.S.-backed", "3.5", "al-Assad",
// "don't"), except that a possessive "'s" or "’s" is a token of its own,
// so that "Russia's" yields "Russia" and "'s". Offsets are byte offsets.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/5), text)
}

// AppendTokens appends the tokens of text, as [Tokenize] cuts them, to
// toks: a caller tokenizing many sentences can keep them in one array.
func AppendTokens(toks []Token, text string) []Token {
	for i := 0; i < len(text); {
		// Nearly every byte of English news text is an ASCII rune.
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == ' ' || unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := wordEnd(text, i)
			// Split a possessive ending off the word.
			if k := possessive(text, i, j); k > i {
				toks = append(toks, Token{i, k, text[i:k]}, Token{k, j, text[k:j]})
			} else {
				toks = append(toks, Token{i, j, text[i:j]})
			}
			i = j
		default:
			toks = append(toks, Token{i, i + n, text[i : i+n]})
			i += n
		}
	}
	return toks
}

// isWordRune is small enough to be inlined, with the ASCII case, nearly
// every rune of English news text, read from a table.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRuneSlow(rune(r))
	}
	return t
}()

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by single inner marks followed by another letter or digit. A dot
// after a single letter is kept ("U.S.").
func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[j:])
		}
		if isWordRune(r) {
			j += n
			continue
		}
		if r == '-' || r == '.' || r == '\'' || r == '’' || r == ',' && isDigitAt(text, j-1) {
			r2, _ := utf8.DecodeRuneInString(text[j+n:])
			if j+n < len(text) && isWordRune(r2) && (r != ',' || unicode.IsDigit(r2)) {
				j += n
				continue
			}
			// Acronym dots: "U.S." keeps its final dot.
			if r == '.' && j-i >= 1 && isAcronym(text[i:j]) {
				j += n
			}
		}
		break
	}
	return j
}

func isDigitAt(text string, i int) bool {
	return i >= 0 && i < len(text) && text[i] >= '0' && text[i] <= '9'
}

// isAcronym reports "U.S", "U.N": single letters separated by dots.
func isAcronym(w string) bool {
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if k%2 == 1 && w[k] != '.' || k%2 == 0 && !(w[k] >= 'A' && w[k] <= 'Z' || w[k] >= 'a' && w[k] <= 'z') {
			return false
		}
	}
	return true
}

// possessive returns where a trailing "'s"/"’s" of text[i:j] starts, or i.
func possessive(text string, i, j int) int {
	if c := text[j-1]; c != 's' && c != 'S' {
		return i // every ending below ends in s: most words stop here
	}
	for _, suf := range []string{"'s", "’s", "'S"} {
		if j-i > len(suf) && text[j-len(suf):j] == suf {
			return j - len(suf)
		}
	}
	return i
}
