package figures

import "testing"

func TestWordFilterKeepsEveryKey(t *testing.T) {
	for name, set := range map[string]map[string]bool{"starters": starters, "numberish": numberish} {
		f := newWordFilter(set)
		for w := range set {
			if !f.may(w) {
				t.Errorf("%s filter turns away its key %q", name, w)
			}
		}
	}
}

func TestWordFilter(t *testing.T) {
	f := newWordFilter(map[string]bool{"dozens": true, "ten": true})
	for w, want := range map[string]bool{
		"dozens": true, "ten": true,
		"dozen": false, "tent": false, "the": false, "t": false, "": false,
		"Ten": false, "d-zens": false,
		"dozers": true, // sharing the first letters and the length, it may pass "x" + string(make([]byte, 40)): false,
	} {
		if got := f.may(w); got != want {
			t.Errorf("may(%q) = %v, want %v", w, got, want)
		}
	}
	// A key the bits cannot hold lets every word through.
	odd := newWordFilter(map[string]bool{"x": true})
	if !odd.may("anything") || !odd.may("x") {
		t.Error("a filter with a one-letter key must let every word through")
	}
}
