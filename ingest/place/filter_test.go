package place

import (
	"strings"
	"testing"
)

func TestFirstWordsKeepsEveryFirstWord(t *testing.T) {
	g := Default()
	for k := range g.index {
		first, _, _ := strings.Cut(k, " ")
		if !g.first.may([]byte(first)) {
			t.Fatalf("the filter turns away %q, the first word of %q", first, k)
		}
	}
}

func TestFirstWords(t *testing.T) {
	var f firstWords
	if f.may([]byte("varnia")) {
		t.Error("an empty filter lets a word through")
	}
	f.add("port varnia")
	if !f.may([]byte("port")) {
		t.Error("the filter turns away the first word it was given")
	}
	if f.may([]byte("port varnia")) && f.may([]byte("varnia")) && f.may([]byte("harbour")) {
		t.Error("the filter lets every word through")
	}
}
