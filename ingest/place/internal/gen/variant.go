package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// variant reports whether alt is another spelling of name rather than a
// translation or an old name: the two start alike and differ in at most
// half their letters once articles, diacritics and apostrophes are gone
// ("Kiev" and "Kyiv", "Hodeida" and "Al Ḩudaydah", "Taiz" and "Ta‘izz"),
// and alt is not just one word of a longer name ("Sincé" of "San Luis de
// Sincé").
func variant(alt, name string) bool {
	a, n := bare(alt), bare(name)
	if a == "" || n == "" || a[0] != n[0] {
		return false
	}
	if len(strings.Fields(alt)) == 1 && len(strings.Fields(n)) > 1 {
		return false
	}
	return distance(a, n)*2 <= max(len(a), len(n))
}

// articles are left out when spellings are compared: "Al Hudaydah" and
// "Hodeidah" are alike.
var articles = map[string]bool{"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true,
	"at": true, "az": true, "an": true, "ed": true, "ez": true, "es": true, "er": true}

// bare folds s to lower-case letters without diacritics, apostrophes and
// a leading article; words stay separated by single spaces.
func bare(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-':
			b.WriteByte(' ')
		}
	}
	ws := strings.Fields(b.String())
	if len(ws) > 1 && articles[ws[0]] {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

// distance is the Levenshtein distance of two strings, by bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
