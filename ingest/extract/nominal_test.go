package extract

import (
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/ingest/coding"
)

// The bits found once for a sentence's triggers answer as nounUse does,
// for the triggers and for a trigger made apart from them.
func TestNominalBitsAnswerAsNounUse(t *testing.T) {
	words := strings.Fields("the attack on the village came a day after rebels attacked the town and the army promised new strikes")
	s := &sent{words: words, trigs: coding.Default().Match(words)}
	s.nominal = nominalBits(words, s.trigs)
	nouns, verbs := 0, 0
	for _, tr := range s.trigs {
		want := nounUse(words, tr)
		if got := s.nounUse(tr); got != want {
			t.Errorf("nounUse of %q at %d = %v, want %v", words[tr.Head], tr.Head, got, want)
		}
		if want {
			nouns++
		} else {
			verbs++
		}
	}
	if nouns == 0 || verbs == 0 {
		t.Fatalf("%d noun uses and %d verbs among %d triggers; the sentence should hold both", nouns, verbs, len(s.trigs))
	}
	// "village" after "the" as a trigger, which no pattern matched.
	apart := coding.Trigger{Entry: s.trigs[0].Entry, Start: 4, End: 5, Head: 4}
	for _, tr := range s.trigs {
		if tr.Head == apart.Head {
			t.Fatalf("%q is a trigger of the sentence", words[apart.Head])
		}
	}
	if !s.nounUse(apart) || s.nounUse(apart) != nounUse(words, apart) {
		t.Errorf("nounUse of a trigger apart from the sentence's = %v, want true", s.nounUse(apart))
	}
}
