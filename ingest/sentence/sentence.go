// Package sentence splits English news text into sentences and words while
// keeping byte offsets into the original text, so that evidence quoted from
// an article can always be located again.
//
// # Sentences
//
// [Split] ends a sentence at ".", "!" or "?" (with any closing quotes or
// brackets after it) when the next word starts like a sentence, and always
// at a blank line. It does not break after abbreviations of titles and
// ranks ("Gen.", "Lt. Col.", "Dr."), initials ("J. Smith"), dotted
// acronyms ("U.S.") before a lower-case or proper-noun continuation,
// month abbreviations before a day number ("Oct. 25") or inside numbers
// ("3.5").
//
// # Words
//
// [Tokenize] cuts a sentence into words and punctuation marks with offsets.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence: Text is exactly text[Start:End], trimmed of
// surrounding white space.
type Span struct {
	Start, End int
	Text       string
}

// Split returns the sentences of text in order. Offsets are byte offsets
// into text; spans never overlap and never hold only white space.
func Split(text string) []Span { return AppendSplit(nil, text) }

// AppendSplit appends the sentences of text, as [Split] finds them, to
// out: a caller that reads the spans and drops them reuses one array
// from text to text.
func AppendSplit(out []Span, text string) []Span {
	start := 0
	emit := func(end int) {
		s, e := trim(text, start, end)
		if s < e {
			out = append(out, Span{Start: s, End: e, Text: text[s:e]})
		}
		start = end
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			// A blank line (only spaces between two newlines) ends a paragraph.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
				i = j + 1
				continue
			}
		case c == '.' || c == '!' || c == '?':
			if end, ok := boundary(text, start, i); ok {
				emit(end)
				i = end
				continue
			}
		}
		i++
	}
	emit(len(text))
	return out
}

// trim narrows [s,e) to exclude white space at both ends.
func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// closers may follow a sentence's final mark and still belong to it.
const closers = "\"')]’”»"

// boundary decides whether the mark at text[i] ends a sentence and, if so,
// where the sentence ends (after any closing quotes).
func boundary(text string, start, i int) (int, bool) {
	end := i + 1
	// Runs of marks ("?!", "...") end together.
	for end < len(text) && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
		end++
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune(closers, r) {
			break
		}
		end += n
	}
	if end >= len(text) {
		return end, true
	}
	// A boundary needs white space after it: "3.5", "U.S.-led", "e.g.," stay.
	r, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(r) {
		return 0, false
	}
	next, nextWord := nextToken(text, end)
	if next == 0 {
		return end, true
	}
	if text[i] != '.' || end > i+1 && text[end-1] != '.' {
		// "?" and "!" (or a quote closed after "."): break unless the next
		// word is lower case, as in '"Why?" he asked.'
		return end, !unicode.IsLower(next)
	}
	if !startsSentence(next) {
		return 0, false
	}
	word := wordBefore(text, start, i)
	if word == "" {
		return end, true
	}
	lw := strings.ToLower(word)
	switch {
	case titles[lw]:
		// "Gen. Haftar", "Lt. Col. Smith": a title never ends a sentence
		// before a capitalised word.
		return 0, false
	case months[lw]:
		// "Oct. 25" continues; "in Oct. The" ends.
		return end, !unicode.IsDigit(next)
	case isInitial(word):
		return 0, false
	case isDotted(word):
		// "U.S. President" continues; "the U.S. The" ends.
		return end, starters[strings.ToLower(nextWord)]
	}
	return end, true
}

// startsSentence reports whether a sentence can begin with rune r.
func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘([", r)
}

// nextToken returns the first non-space rune after end and the word that
// begins there (without opening quotes).
func nextToken(text string, end int) (rune, string) {
	j := end
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	if j >= len(text) {
		return 0, ""
	}
	first, _ := utf8.DecodeRuneInString(text[j:])
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLetter(r) && !(k == j && strings.ContainsRune("\"'“‘", r)) {
			if k > j {
				break
			}
		}
		k += n
	}
	return first, strings.TrimLeft(text[j:k], "\"'“‘")
}

// wordBefore returns the word (letters and inner dots) that ends at the
// mark at text[i], not reaching before start.
func wordBefore(text string, start, i int) string {
	j := i
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	return strings.TrimLeft(text[j:i], ".")
}

// isInitial reports a single capital letter, as in "George W. Bush".
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// isDotted reports acronyms written with dots: "U.S", "U.N", "e.g".
func isDotted(w string) bool {
	return strings.Contains(w, ".")
}
