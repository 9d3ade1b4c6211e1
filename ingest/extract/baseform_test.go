package extract

import (
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/ingest/coding"
)

// baseForm reads only a pattern's first field; it must read it as
// strings.Fields does, whatever the spacing of the data file.
func TestBaseFormReadsTheFirstField(t *testing.T) {
	tests := []struct {
		pattern, word string
		want          bool
	}{
		{"blockade * port", "blockade", true},
		{"  =shell\ttowns", "shell", true},
		{"\tsanction", "sanction", true},
		{"sanction", "sanctioned", false}, // a past form is no bare verb
		{"besieged *", "besieged", false},
		{"encircle", "encircled", false},
		{"", "", false},
		{"   ", "", false},
		{"pound positions", "positions", false},
	}
	for _, tt := range tests {
		e := &coding.Entry{Pattern: tt.pattern}
		if got := baseForm(tt.word, e); got != tt.want {
			t.Errorf("baseForm(%q, %q) = %v, want %v", tt.word, tt.pattern, got, tt.want)
		}
		// The rule as first written, with the list of all fields.
		f := strings.Fields(tt.pattern)
		old := len(f) > 0 && strings.TrimPrefix(f[0], "=") == tt.word && !strings.HasSuffix(tt.word, "ed")
		if got := baseForm(tt.word, e); got != old {
			t.Errorf("baseForm(%q, %q) = %v, strings.Fields reads %v", tt.word, tt.pattern, got, old)
		}
	}
}

// chainWords must hold every word of the five sets auxChain asked
// before, with the bit of each set it is in, and no other word.
func TestChainWordsMatchTheSets(t *testing.T) {
	sets := map[uint8]wordSet{
		chainModal: modals, chainNeg: negators, chainAux: auxes, chainMid: midAdverbs, chainStay: stayVerbs,
	}
	for _, w := range chainWords.set.keys {
		if w == "" {
			continue
		}
		c := chainWords.of(w)
		for bit, set := range sets {
			if (c&bit != 0) != set.has(w) {
				t.Errorf("chainWords[%q] = %05b, bit %05b, in set %v", w, c, bit, set.has(w))
			}
		}
	}
	for _, set := range sets {
		for _, w := range set.words {
			if chainWords.of(w) == 0 {
				t.Errorf("%q is missing from chainWords", w)
			}
		}
	}
	start, modal, neg := auxChain(strings.Fields("the rebels would not have reportedly attacked"), 6)
	if start != 2 || modal != "would" || !neg {
		t.Errorf("auxChain = %d, %q, %v; want 2, \"would\", true", start, modal, neg)
	}
}
