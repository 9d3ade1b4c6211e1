package sentence

import (
	"strings"
	"testing"
)

func TestLowerASCII(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "Q": "q", "already lower case": "already lower case",
		"ends in CAPS": "ends in caps", "Kyiv and KHARKIV": "kyiv and kharkiv",
		"ÀB’C": "Àb’c", "ÉtAT": "État", "Ça VA": "Ça va",
	} {
		if got := LowerASCII(in); got != want {
			t.Errorf("LowerASCII(%q) = %q, want %q", in, got, want)
		}
	}
	// Offsets hold: every ASCII word reads lower-cased at its own bytes.
	text := "The Ruritanian ARMY’s shelling of Zubrów drew NATO's rebuke."
	low := LowerASCII(text)
	if len(low) != len(text) {
		t.Fatalf("length changed: %d -> %d", len(text), len(low))
	}
	for _, w := range []string{"The", "Ruritanian", "ARMY", "NATO's", "rebuke."} {
		i := strings.Index(text, w)
		if got := low[i : i+len(w)]; got != strings.ToLower(w) {
			t.Errorf("word %q reads %q", w, got)
		}
	}
	// No capital, no copy.
	plain := "no capitals here"
	if got := LowerASCII(plain); got != plain {
		t.Errorf("LowerASCII(%q) = %q", plain, got)
	}
}
