package coding

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzParse feeds lexicon lines to the parser and the loader. Whatever
// the line, they must not panic, must report a bad line as
// [ErrMalformed], and a line they accept must compile into a lexicon
// that matches its own words without panicking. The loader also refuses
// a pattern given twice, which Parse, reading lines one by one, cannot see.
func FuzzParse(f *testing.F) {
	// Seed with real lines of every data file and the malformed shapes
	// the loader rejects.
	names, err := fs.Glob(dataFS, "data/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(dataFS, name)
		if err != nil {
			f.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if i%25 == 0 {
				f.Add(line)
			}
		}
	}
	for _, s := range []string{"attack", "attack | 999", "* attack | 190", "attack * | 190",
		"a * * b | 190", "Attack | 190", "attack | 190 | loud", "attack | 190 | alt=77",
		"attack | 190 | alt=", "| 190", "=| 190", "a | 190 | noun sym say nosub adj alt=18,19"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		entries, err := Parse("fuzz.txt", line)
		if err != nil {
			if !errors.Is(err, ErrMalformed) && !strings.Contains(err.Error(), "token too long") {
				t.Fatalf("error %v is not ErrMalformed", err)
			}
			return
		}
		fsys := fstest.MapFS{"d/x.txt": {Data: []byte(line)}}
		lx, err := LoadFS(fsys, "d")
		dup := false
		keys := map[string]bool{}
		for _, e := range entries {
			dup = dup || keys[e.key()]
			keys[e.key()] = true
		}
		if dup != errors.Is(err, ErrDuplicate) {
			t.Fatalf("patterns of %q given twice: %v, but LoadFS said %v", line, dup, err)
		}
		if dup {
			return
		}
		if err != nil {
			t.Fatalf("Parse accepted %q but LoadFS failed: %v", line, err)
		}
		for _, e := range entries {
			var words []string
			for _, w := range strings.Fields(e.Pattern) {
				words = append(words, strings.TrimPrefix(w, "="))
			}
			lx.Match(words)
		}
	})
}
