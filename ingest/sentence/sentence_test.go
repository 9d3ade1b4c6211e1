package sentence

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func texts(spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.Text
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Russia attacked. Ukraine replied.", []string{"Russia attacked.", "Ukraine replied."}},
		{"acronym before name", "The Kremlin rebuffed U.S. President Donald Trump. He was angry.",
			[]string{"The Kremlin rebuffed U.S. President Donald Trump.", "He was angry."}},
		{"acronym at end", "It sanctioned the U.S. The move was new.", []string{"It sanctioned the U.S.", "The move was new."}},
		{"titles", "Lt. Col. John Smith met Gen. Haftar and Dr. Who. Then he left.",
			[]string{"Lt. Col. John Smith met Gen. Haftar and Dr. Who.", "Then he left."}},
		{"initials", "George W. Bush spoke. It rained.", []string{"George W. Bush spoke.", "It rained."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"month abbreviation", "Talks began on Oct. 25 in Pretoria. They ended.", []string{"Talks began on Oct. 25 in Pretoria.", "They ended."}},
		{"quote end", `He said: "We will win." Then he left.`, []string{`He said: "We will win."`, "Then he left."}},
		{"quote question", `"Why?" he asked. Nobody knew.`, []string{`"Why?" he asked.`, "Nobody knew."}},
		{"curly quote", "“It is over.” The war ended.", []string{"“It is over.”", "The war ended."}},
		{"dateline", "MOSCOW (Reuters) - Russia said on Monday it would act. Turkey agreed.",
			[]string{"MOSCOW (Reuters) - Russia said on Monday it would act.", "Turkey agreed."}},
		{"paragraph", "Headline without stop\n\nBody starts here.", []string{"Headline without stop", "Body starts here."}},
		{"line wrap", "A sentence that\nwraps. Next.", []string{"A sentence that\nwraps.", "Next."}},
		{"lower after stop", "The talks, e.g. in Doha, failed.", []string{"The talks, e.g. in Doha, failed."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			if !reflect.DeepEqual(texts(got), tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, texts(got), tt.want)
			}
			checkSpans(t, tt.in, got)
		})
	}
}

func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
			t.Fatalf("bad span %+v (prev end %d, len %d)", s, prev, len(text))
		}
		if strings.TrimSpace(s.Text) != s.Text {
			t.Fatalf("span not trimmed: %q", s.Text)
		}
		prev = s.End
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"possessive", "Russia's army", []string{"Russia", "'s", "army"}},
		{"acronym", "U.S.-backed forces in the U.S.", []string{"U.S.", "-", "backed", "forces", "in", "the", "U.S."}},
		{"numbers", "3.5 percent of 200,000 people.", []string{"3.5", "percent", "of", "200,000", "people", "."}},
		{"punctuation", `"No," he said.`, []string{`"`, "No", ",", `"`, "he", "said", "."}},
		{"hyphen name", "al-Assad's forces", []string{"al-Assad", "'s", "forces"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in)
			var got []string
			for _, tk := range toks {
				if tt.in[tk.Start:tk.End] != tk.Text {
					t.Fatalf("offsets of %+v", tk)
				}
				got = append(got, tk.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("U.S. Gen. A. B. \"x.\" 3.5?! \n\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkSpans(t, text, Split(text))
		for _, tk := range Tokenize(text) {
			if tk.Start < 0 || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text || tk.End <= tk.Start {
				t.Fatalf("bad token %+v", tk)
			}
		}
	})
}

// TestASCIIShortcuts checks the ASCII table of isWordRune against the
// unicode package for every ASCII rune.
func TestASCIIShortcuts(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
	for _, r := range []rune{'é', 'ß', '٣', '’', '\u00a0'} {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestAppendTokens checks that tokens appended sentence after sentence to
// one array are each sentence's own tokens, and that earlier ones stay.
func TestAppendTokens(t *testing.T) {
	sents := []string{
		"The Ruritanian navy's frigates left port.",
		"“Nobody expected it,” Col. Ana Müller said on Tuesday.",
		"",
		"Talks resumed in U.S.-brokered form at 3.5 km from the border.",
	}
	toks := make([]Token, 0, 2) // small: appending must grow it
	var bounds []int
	for _, s := range sents {
		bounds = append(bounds, len(toks))
		toks = AppendTokens(toks, s)
	}
	bounds = append(bounds, len(toks))
	for i, s := range sents {
		got, want := toks[bounds[i]:bounds[i+1]], Tokenize(s)
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("sentence %d: appended %v, Tokenize %v", i, got, want)
		}
	}
}

// TestAppendSplit checks that spans appended to a used slice are those
// Split finds, after what the slice held.
func TestAppendSplit(t *testing.T) {
	a := "The envoy arrived in Geneva. Talks began at noon!\n\nA second paragraph."
	b := "Gen. Smith met U.S. officials on Monday. They agreed."
	first := AppendSplit(nil, a)
	if !slices.Equal(first, Split(a)) {
		t.Fatalf("AppendSplit(nil) = %v, want %v", first, Split(a))
	}
	got := AppendSplit(first[:1], b)
	if want := append([]Span{Split(a)[0]}, Split(b)...); !slices.Equal(got, want) {
		t.Errorf("AppendSplit after one span = %v, want %v", got, want)
	}
}
