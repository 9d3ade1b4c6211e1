package actor

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/model"
)

// The shortcuts taken for speed must agree with the slow forms they
// replace; these tests compare them on invented text.

func TestIsWordASCII(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWord(r); got != want {
			t.Errorf("isWord(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestDocumentLookupRemembers(t *testing.T) {
	g := Default()
	d := g.NewDocument(day("2021-04-12"))
	text := "Brazilian Defence Minister Ana Torres met Chilean navy officers and the U.S. envoy in Santiago."
	d.Find(text) // fills d.toks and d.seen for text
	for i := range d.toks {
		wantLs, wantN := g.idx.lookup(text, d.toks, i)
		for pass := 0; pass < 2; pass++ { // the second answer comes from d.seen
			ls, n := d.lookup(text, d.toks, i)
			if n != wantN || len(ls) != len(wantLs) {
				t.Fatalf("token %d %q pass %d: got %d tokens %v, want %d %v", i, d.toks[i].key, pass, n, ls, wantN, wantLs)
			}
			for k := range ls {
				if ls[k] != wantLs[k] {
					t.Fatalf("token %d pass %d: meaning %d is %v, want %v", i, pass, k, ls[k], wantLs[k])
				}
			}
		}
	}
	// Tokens of another passage are looked up afresh, not read from d.seen.
	other := tokenize("Peruvian troops", nil)
	if _, n := d.lookup("Peruvian troops", other, 0); n != 1 {
		t.Errorf("lookup of a foreign token slice: %d tokens, want 1", n)
	}
}

func TestNewActorCached(t *testing.T) {
	d := Default().NewDocument(day("2021-04-12"))
	for _, c := range []struct {
		name, country string
		role          model.Role
	}{
		{"Chilean navy officers", "CHL", model.RoleMIL},
		{" Chilean navy officers ", "chl", model.RoleMIL},
		{"the envoy", "", model.RoleGOV},
	} {
		for pass := 0; pass < 2; pass++ {
			if got, want := d.newActor(c.name, c.country, c.role), model.NewActor(c.name, c.country, c.role); got != want {
				t.Errorf("newActor(%q, %q, %q) pass %d = %+v, want %+v", c.name, c.country, c.role, pass, got, want)
			}
		}
	}
}

func TestFindReturnsOwnSlice(t *testing.T) {
	d := Default().NewDocument(day("2021-04-12"))
	first := d.Find("Chilean troops crossed into Peru.")
	want := append([]Match(nil), first...)
	d.Find("Peruvian police arrested Bolivian smugglers near Lima.")
	if len(first) == 0 {
		t.Fatal("no match in the first sentence")
	}
	for i := range want {
		if first[i] != want[i] {
			t.Errorf("match %d changed after the next Find: %+v, was %+v", i, first[i], want[i])
		}
	}
	if got := d.Find("nothing here at all"); got != nil {
		t.Errorf("Find without matches = %v, want nil", got)
	}
}

func TestKeyFilter(t *testing.T) {
	x := Default().idx
	for k := range x.root.next {
		if !x.first.may(k) {
			t.Errorf("first word %q of a phrase is turned away", k)
		}
	}
	var f keyFilter
	f.add("kremlin")
	if !f.may("kremlin") || !f.may("") {
		t.Error("a key, or the empty word, is turned away")
	}
	if f.may("militia") || f.may("kremlins") {
		t.Error("words of another length or other first and last letters pass a one-key filter")
	}
	// Same length, first and last letters: only the inner table tells.
	if f.may("kabcdxn") {
		t.Error("a word of the key's class but other inner letters passes a one-key filter")
	}
}

// TestDocumentsConcurrent reads one text in several documents at once, as
// the ingest pipeline does: the shared actor cache must give each the
// matches a document read alone gets (go test -race checks the locking).
func TestDocumentsConcurrent(t *testing.T) {
	g := Default()
	text := "Chilean troops crossed into Peru. Peruvian police arrested Bolivian smugglers near Lima, the ministry said."
	want := g.NewDocument(day("2021-04-12")).Find(text)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 20 {
				d := g.NewDocument(day("2021-04-12"))
				if got := d.Find(text); !slices.Equal(got, want) {
					errs <- fmt.Sprintf("got %v, want %v", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestTokenKeysFolded checks the keys tokenize cuts from one lower-cased
// copy of the text against folding each word alone: capitalised and
// all-capital ASCII words, accented and curly-apostrophe words, and a
// word whose accent comes after an ASCII capital.
func TestTokenKeysFolded(t *testing.T) {
	text := "The RURITANIAN Army’s chief, Gen. Zoë Kowalczyk-Nowak, met Łukasz O’Neill and U.S. envoys in São Tomé's port."
	for _, tk := range tokenize(text, nil) {
		if tk.key == "'s" || !isWord([]rune(text[tk.start:tk.end])[0]) {
			continue
		}
		if want := foldString(text[tk.start:tk.end]); tk.key != want {
			t.Errorf("token %q: key %q, want %q", text[tk.start:tk.end], tk.key, want)
		}
	}
}

// TestLexSlab checks that meanings cut from one slab stay apart: a second
// meaning of a phrase is added to its own list, and the phrase whose
// first meaning sits next in the slab keeps it.
func TestLexSlab(t *testing.T) {
	x := &index{root: &node{next: map[string]*node{}}}
	x.add("forces", lex{kind: lxHead, id: 0})
	x.add("army", lex{kind: lxHead, id: 1})
	x.add("forces", lex{kind: lxTitle, id: 2})
	x.add("navy", lex{kind: lxHead, id: 3})
	want := map[string][]lex{
		"forces": {{kind: lxHead, id: 0}, {kind: lxTitle, id: 2}},
		"army":   {{kind: lxHead, id: 1}},
		"navy":   {{kind: lxHead, id: 3}},
	}
	for k, w := range want {
		if got := x.root.next[k].lex; !slices.Equal(got, w) {
			t.Errorf("%q: meanings %v, want %v", k, got, w)
		}
	}
}
