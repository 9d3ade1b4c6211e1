package extract

import (
	"strings"
	"testing"
)

// A word table answers as a Go map of the same words would, for the
// words put in it, for their near misses (same length, same first, middle
// or last byte, a prefix, a longer word) and for words of no class.
func TestWordSetAnswersAsAMap(t *testing.T) {
	words := strings.Fields("the a an of in on at by to for from with into onto over under " +
		"northwestern northeastern southwestern southeastern 's n't , . ; — " +
		"a-very-long-hyphenated-word-that-runs-past-sixty-three-bytes-in-all-of-its-length")
	s := set(words...)
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	probes := strings.Fields("tha thee the' in' ona ta bye fro fromm with. northwesterns southwestern " +
		"a-very-long-hyphenated-word-that-runs-past-sixty-three-bytes-in-all-of-its-lengths " +
		"militants shelled the village ; '' é ")
	probes = append(probes, "")
	for _, w := range words {
		probes = append(probes, w, w+"s", w[:len(w)-1], strings.ToUpper(w))
	}
	for _, w := range probes {
		if got := s.has(w); got != want[w] {
			t.Errorf("has(%q) = %v, want %v", w, got, want[w])
		}
	}
	var empty wordSet
	if empty.has("the") || empty.has("") {
		t.Error("an empty set has a word")
	}
}

// Values put twice keep the last; a table grows past its quarter and
// keeps every word.
func TestWordTableGrows(t *testing.T) {
	var m wordTable[int]
	words := strings.Fields("one two three four five six seven eight nine ten eleven twelve " +
		"thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty")
	for i, w := range words {
		m.put(w, i)
	}
	m.put("three", 100)
	for i, w := range words {
		want := i
		if w == "three" {
			want = 100
		}
		if got, ok := m.get(w); !ok || got != want {
			t.Errorf("get(%q) = %d, %v; want %d, true", w, got, ok, want)
		}
	}
	if v, ok := m.get("zero"); ok || v != 0 {
		t.Errorf("get(zero) = %d, %v; want 0, false", v, ok)
	}
	if n := m.count(); n != len(words) || n > len(m.keys)/4 {
		t.Errorf("%d words in %d slots; want %d, at most a quarter full", n, len(m.keys), len(words))
	}
}
