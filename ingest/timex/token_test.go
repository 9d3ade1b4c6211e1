package timex

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

// TestTokenStartFlag checks that the start flag tokenize sets is the
// starters lookup best used to make.
func TestTokenStartFlag(t *testing.T) {
	text := "The TALKS resumed Last Tuesday, three weeks after the ' 98 accord; every May it rains."
	for _, tk := range tokenize(text, nil) {
		if tk.kind == tkNum {
			continue
		}
		if tk.w != strings.ToLower(text[tk.s:tk.e]) {
			t.Errorf("token %q: w = %q, want its lower case", text[tk.s:tk.e], tk.w)
		}
		if want := starters[tk.w]; tk.start != want {
			t.Errorf("token %q: start = %v, want %v", tk.w, tk.start, want)
		}
	}
}

// TestTokenizeReusesBuffer checks that tokens read into a used slice are
// those of a fresh one, and that Tag gives the same answer twice, as it
// must with its tokens pooled.
func TestTokenizeReusesBuffer(t *testing.T) {
	a := "On 3 March 2021 the envoy arrived, two days before the vote."
	b := "Talks will resume next week."
	buf := tokenize(a, nil)
	if got, want := tokenize(b, buf), tokenize(b, nil); !slices.Equal(got, want) {
		t.Errorf("tokens in a reused slice differ:\n%v\n%v", got, want)
	}
	dct := time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)
	first := Tag(a, dct)
	Tag(b, dct)
	if again := Tag(a, dct); !slices.Equal(first, again) {
		t.Errorf("Tag changed between calls:\n%v\n%v", first, again)
	}
}

func TestWordTableFilter(t *testing.T) {
	tb := wordTable()
	for w, want := range tb.m {
		if got, ok := tb.lookup(w); !ok || got != want {
			t.Errorf("lookup(%q) = %v %v, want %v", w, got, ok, want)
		}
	}
	for _, w := range []string{"ceasefire", "zq", "brigades"} {
		if _, ok := tb.lookup(w); ok {
			t.Errorf("lookup(%q) found a word not in the lexicons", w)
		}
	}
}

// TestYearsQuarterWords covers each word yearsQuarter reads a year by.
func TestYearsQuarterWords(t *testing.T) {
	dct := time.Date(2020, 5, 10, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"profits fell in last year's third quarter":        "2019-Q3",
		"sales rose in this year's first quarter":          "2020-Q1",
		"output may recover in next year's second quarter": "2021-Q2",
	} {
		var got []string
		for _, e := range Tag(text, dct) {
			got = append(got, e.Value)
		}
		if !slices.Contains(got, want) {
			t.Errorf("%q: values %v, want one %s", text, got, want)
		}
	}
}

// TestTagConcurrent tags texts from several goroutines at once, as the
// pipeline does: the pooled token slices must not be shared (go test
// -race checks it).
func TestTagConcurrent(t *testing.T) {
	dct := time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"On 3 March 2021 the envoy arrived, two days before the vote.",
		"Talks will resume next week, the ministry said on Tuesday.",
	}
	var want [][]Expr
	for _, s := range texts {
		want = append(want, Tag(s, dct))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(texts)
				if got := Tag(texts[i], dct); !slices.Equal(got, want[i]) {
					errs <- texts[i]
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: tagged differently under concurrency", s)
	}
}

// TestTokenLowerCase checks the lower-case form of capitalised words
// outside the lexicons, which share one lower-cased copy of the text,
// also after non-ASCII runes have shifted nothing, and of suffixes.
func TestTokenLowerCase(t *testing.T) {
	text := "Zubrów’s MINISTERS met Ruritanian envoys in the 1990S; the 3RD round is Near."
	for _, tk := range tokenize(text, nil) {
		if tk.kind == tkPunct {
			continue
		}
		if want := strings.ToLower(text[tk.s:tk.e]); tk.w != want && tk.kind == tkWord {
			t.Errorf("token %q: w = %q, want %q", text[tk.s:tk.e], tk.w, want)
		}
	}
}

// TestLexiconBits checks that every word of the lexicons that carry a bit
// is read with that bit, capitalised or not, so that a rule skipping the
// map for a token without the bit misses no word. A key no token can
// spell (holding a character that ends a word) needs no bit.
func TestLexiconBits(t *testing.T) {
	for bit, ws := range lexicons() {
		for _, w := range ws {
			if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || w == "" {
				t.Errorf("lexicon %b: %q is not a plain lower-case word; a token's bit may not stand for it", bit, w)
				continue
			}
			for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:]} {
				toks := tokenize(form, nil)
				if len(toks) != 1 || toks[0].w != w || toks[0].lex&bit == 0 {
					t.Errorf("lexicon %b: %q reads as %+v", bit, form, toks)
				}
			}
		}
	}
	if toks := tokenize("Bolivia", nil); toks[0].lex != 0 {
		t.Errorf("a word in no lexicon has bits %b", toks[0].lex)
	}
}

// TestPunctTable checks that every ASCII punctuation mark gets, read by
// index, the entry the word table's map holds for it (or none).
func TestPunctTable(t *testing.T) {
	table := wordTable()
	for c := byte(1); c < 0x80; c++ {
		if isLetter(c) || isDigit(c) || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			continue
		}
		toks := tokenize("x "+string(c)+" y", nil)
		if len(toks) != 3 || toks[1].kind != tkPunct {
			t.Fatalf("%q: tokens %v, want a mark between two words", c, toks)
		}
		want := table.m[string(c)]
		if toks[1].start != want.start || toks[1].lex != want.lex {
			t.Errorf("%q: start %v lex %b, map says %v %b", c, toks[1].start, toks[1].lex, want.start, want.lex)
		}
	}
	if !table.punct['\''].start {
		t.Errorf("the apostrophe opens expressions ('98) but its entry says not")
	}
}

// TestTagLow checks that the lower-cased text a caller passes gives the
// tokens and expressions Tag finds making its own, and that a text of
// another length is ignored rather than read.
func TestTagLow(t *testing.T) {
	text := "The Envoy ARRIVED on Monday, two days before the Vote in March; ÉLYSÉE officials met Last Week."
	low := sentence.LowerASCII(text)
	if got, want := tokenizeLow(text, low, nil), tokenize(text, nil); !slices.Equal(got, want) {
		t.Errorf("tokens with the caller's lower case differ:\n%v\n%v", got, want)
	}
	dct := time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)
	want := Tag(text, dct)
	if len(want) == 0 {
		t.Fatal("no expression found: the test text needs some")
	}
	for _, l := range []string{low, low[:10]} {
		if got := TagLow(text, l, dct); !slices.Equal(got, want) {
			t.Errorf("TagLow with %d bytes of lower case = %v, want %v", len(l), got, want)
		}
	}
}

// TestTagLowIn checks that expressions written into a used array are
// those Tag finds, whatever the array held before.
func TestTagLowIn(t *testing.T) {
	a := "On 3 March 2021 the envoy arrived, two days before the vote in April."
	b := "Talks will resume next week, the ministry said on Friday."
	dct := time.Date(2021, 3, 10, 0, 0, 0, 0, time.UTC)
	buf := TagLowIn(nil, a, sentence.LowerASCII(a), dct)
	if want := Tag(a, dct); len(want) < 2 || !slices.Equal(buf, want) {
		t.Fatalf("TagLowIn(nil) = %v, want %v (at least two)", buf, want)
	}
	if got, want := TagLowIn(buf, b, "", dct), Tag(b, dct); !slices.Equal(got, want) {
		t.Errorf("TagLowIn in a used array = %v, want %v", got, want)
	}
}
