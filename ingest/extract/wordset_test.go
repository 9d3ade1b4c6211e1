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
		"seven77 eight888 nine99999 abcdefg abcdefgh abcdefghi " +
		"northwestern northeastern southwestern southeastern 's n't , . ; — " +
		"a-very-long-hyphenated-word-that-runs-past-sixty-three-bytes-in-all-of-its-length")
	s := set(words...)
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	probes := strings.Fields("tha thee the' in' ona ta bye fro fromm with. northwesterns southwestern " +
		"seven7 seven777 eight88 eight8888 abcdefG abcdefgH abcdefghI abcdefgi " +
		"a-very-long-hyphenated-word-that-runs-past-sixty-three-bytes-in-all-of-its-lengths " +
		"militants shelled the village ; '' é ")
	probes = append(probes, "", "the\x00", "\x00the", "abcdefg\x07")
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

// A word of two classes has both bits; a word of none has none. The
// table stays at most a quarter full.
func TestWordBits(t *testing.T) {
	b := newWordBits(map[uint8]wordSet{
		1: set("will", "would", "can"),
		2: set("not", "never", "no"),
		4: set("can", "no", "is"),
	})
	for w, want := range map[string]uint8{
		"will": 1, "would": 1, "can": 5, "not": 2, "never": 2, "no": 6, "is": 4,
		"": 0, "wil": 0, "cannot": 0, "nor": 0, "island": 0, "i": 0, "Can": 0,
	} {
		if got := b.of(w); got != want {
			t.Errorf("of(%q) = %03b, want %03b", w, got, want)
		}
	}
	n := 0
	for _, k := range b.set.keys {
		if k != "" {
			n++
		}
	}
	if n != 7 || n > len(b.set.keys)/4 {
		t.Errorf("%d words in %d slots; want 7, at most a quarter full", n, len(b.set.keys))
	}
}

// BenchmarkWordSets asks classes of several sizes about every word of
// the dev corpus, as the rules do.
//
//	go test ./ingest/extract -run '^$' -bench WordSets -count 10
func BenchmarkWordSets(b *testing.B) {
	_, arts := MustArticles(b, corpus)
	var words []string
	for _, a := range arts {
		words = append(words, strings.Fields(strings.ToLower(a.Body))...)
	}
	classes := []*wordSet{&determiners, &prepositions, &relatives, &midAdverbs, &boundaryWords, &locatives, &placeNouns}
	b.ReportAllocs()
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		for _, w := range words {
			for _, c := range classes {
				if c.has(w) {
					n++
				}
			}
		}
	}
	// CPU time per question: wall time swings with the load of the machine.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N*len(words)*len(classes)), "cpu-ns/question")
	if n == 0 {
		b.Fatal("no word of the corpus in any class")
	}
}
