package coding

import (
	"testing"
	"testing/fstest"
)

// TestCandidateNeeds checks the candidate pre-test: the first two needed
// words are read from the index, any further ones from the entry, and
// neither may rule out a pattern the sentence holds.
func TestCandidateNeeds(t *testing.T) {
	data := "zorp blick | 010\nzorp blick quux fent | 020\nzorp * to | 030\n"
	lx, err := LoadFS(fstest.MapFS{"d/x.txt": {Data: []byte(data)}}, "d")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		want  string // pattern of the only match, "" for none
	}{
		{[]string{"zorp", "blick", "quux", "fent"}, "zorp blick quux fent"},
		{[]string{"zorp", "blick", "quux"}, "zorp blick"}, // the third needed word is missing
		{[]string{"zorp", "blick", "fent", "quux"}, "zorp blick"},
		{[]string{"zorp", "quux", "fent"}, ""},
		{[]string{"zorp", "the", "envoy", "to"}, "zorp * to"},
		{[]string{"blick", "zorp"}, ""},
	}
	for _, tt := range tests {
		got := lx.Match(tt.words)
		switch {
		case tt.want == "" && len(got) != 0:
			t.Errorf("%q: matched %q, want nothing", tt.words, got[0].Entry.Pattern)
		case tt.want != "" && (len(got) != 1 || got[0].Entry.Pattern != tt.want):
			t.Errorf("%q: got %d matches %v, want %q", tt.words, len(got), got, tt.want)
		}
	}
}

// TestFormFilter checks that the filter in front of the vocabulary never
// turns a form of the lexicon away.
func TestFormFilter(t *testing.T) {
	lx := Default()
	for w, want := range lx.vocab {
		if id, ok := lx.form(w); !ok || id != want {
			t.Errorf("form(%q) = %d %v, want %d", w, id, ok, want)
		}
	}
	if _, ok := lx.form("qqqqqqqqqqqqx"); ok {
		t.Error("a word no pattern holds is a form")
	}
}

func TestLower(t *testing.T) {
	in := []string{"Russia", "already", "Kyiv’s", "ÉTAT", "don’t", "U.S.", "", "42"}
	want := []string{"russia", "already", "kyiv's", "état", "don't", "u.s.", "", "42"}
	got := Lower(in)
	for i := range in {
		if got[i] != want[i] {
			t.Errorf("Lower(%q) = %q, want %q", in[i], got[i], want[i])
		}
	}
}
