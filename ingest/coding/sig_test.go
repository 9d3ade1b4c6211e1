package coding

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSignatureCollision checks that the 64-bit signature only rules
// entries out: two lemmas sharing a signature bit must still be told
// apart by the exact test behind it.
func TestSignatureCollision(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&b, "zorp%d blick%d | 010\n", i, i)
	}
	lx, err := LoadFS(fstest.MapFS{"d/x.txt": {Data: []byte(b.String())}}, "d")
	if err != nil {
		t.Fatal(err)
	}
	// Find another second word whose lemma shares blick5's signature bit.
	want := lemmaBit(lx.lemmas["blick5"])
	other := ""
	for i := range 100 {
		if w := fmt.Sprintf("blick%d", i); i != 5 && lemmaBit(lx.lemmas[w]) == want {
			other = w
			break
		}
	}
	if other == "" {
		t.Fatal("no two lemmas share a signature bit; the test needs more patterns")
	}
	if got := lx.Match([]string{"zorp5", other}); len(got) != 0 {
		t.Errorf("zorp5 %s: matched %q, want nothing", other, got[0].Entry.Pattern)
	}
	if got := lx.Match([]string{"zorp5", "blick5"}); len(got) != 1 || got[0].Entry.Pattern != "zorp5 blick5" {
		t.Errorf("zorp5 blick5: got %v, want the pattern zorp5 blick5", got)
	}
}
