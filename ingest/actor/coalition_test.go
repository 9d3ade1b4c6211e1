package actor

import "testing"

// TestLedState checks the words ledState reads as "X-led": the quick
// test that turns most words away must keep every suffix it reads.
func TestLedState(t *testing.T) {
	d := Default().NewDocument(day("2019-06-03"))
	tests := []struct{ word, want string }{
		{"Saudi-led", "SAU"},
		{"French-headed", "FRA"},
		{"Turkey-led", "TUR"},
		{"US-backed", ""},
		{"led", ""},
		{"-led", ""},
		{"misled", ""},
		{"Atlantis-led", ""},
		{"Saudi-LED", "SAU"},
	}
	for _, tt := range tests {
		toks := tokenize(tt.word, nil)
		if len(toks) != 1 {
			t.Fatalf("%q: %d tokens, want 1", tt.word, len(toks))
		}
		if got := d.ledState(tt.word, toks[0].key); got != tt.want {
			t.Errorf("ledState(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
