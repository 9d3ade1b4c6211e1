package coding

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

func TestDefaultLexicon(t *testing.T) {
	lx, err := LoadFS(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	// The issue asks for at least 1,500 patterns; every root needs enough
	// to cover its sub-codes, not a token entry.
	if len(lx.Entries) < 1500 {
		t.Errorf("only %d patterns", len(lx.Entries))
	}
	roots := map[string]int{}
	for _, e := range lx.Entries {
		roots[e.Root()]++
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if roots[root] < 40 {
			t.Errorf("root %s has %d patterns, want at least 40", root, roots[root])
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
	}{
		{"no code", "attack\n", ErrMalformed},
		{"bad code", "attack | 999\n", ErrMalformed},
		{"bad flag", "attack | 190 | loud\n", ErrMalformed},
		{"bad alt", "attack | 190 | alt=77\n", ErrMalformed},
		{"leading gap", "* attack | 190\n", ErrMalformed},
		{"upper case", "Attack | 190\n", ErrMalformed},
		{"duplicate", "attack | 190\nattack | 190\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"d/x.txt": {Data: []byte(tt.data)}}
			_, err := LoadFS(fsys, "d")
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	lx := Default()
	tests := []struct {
		name, sentence, code, trigger string
	}{
		{"urge slot", "Trump urged Russian and Syrian forces to stop bombing Idlib.", "0256", "urged"},
		{"rebuff", "The Kremlin rebuffed criticism from Trump.", "120", "rebuffed"},
		{"irregular", "Turkish jets shot down two Syrian warplanes.", "190", "shot"},
		{"noun", "an air strike by Syrian forces", "195", "air"},
		{"accuse", "Mali accused France of breaching agreements.", "112", "accused"},
		{"sign", "They signed an agreement.", "057", "signed"},
		{"british", "Macron criticised the junta.", "111", "criticised"},
		{"doubling", "The army banned the party.", "1722", "banned"},
		{"martial law", "Zelensky declared martial law nationwide.", "1724", "declared"},
		{"talks", "Putin and Erdogan held more than six hours of talks.", "040", "held"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := sentence.Tokenize(tt.sentence)
			words := make([]string, len(toks))
			for i, tk := range toks {
				words[i] = tk.Text
			}
			for _, tr := range lx.Match(Lower(words)) {
				if tr.Entry.Code == tt.code && strings.EqualFold(words[tr.Head], tt.trigger) {
					return
				}
			}
			var got []string
			for _, tr := range lx.Match(Lower(words)) {
				got = append(got, words[tr.Head]+"="+tr.Entry.Code+"("+tr.Entry.Pattern+")")
			}
			t.Errorf("want %s at %q; got %v", tt.code, tt.trigger, got)
		})
	}
}
