package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n") {
			if p != "" {
				f.Add(p)
			}
		}
	}
	f.Add("Russian and Syrian government forces, the U.S. and U.N. 's")
	f.Add("Erdoğan’s ‘army’ — the ministry, Mr May, spokesman A B C D E, the")
	f.Add("\xff\xfe U.S.")
	g := Default()
	f.Fuzz(func(t *testing.T, text string) {
		d := g.NewDocument(day("2020-03-05"))
		last := 0
		for _, m := range d.Find(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad offsets %d..%d (prev end %d) in %q", m.Start, m.End, last, text)
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("Text %q != text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("match splits a rune: %q", m.Text)
			}
			last = m.End
		}
	})
}

func FuzzAddYAML(f *testing.F) {
	for _, name := range []string{"data/groups.yaml", "data/agents.yaml", "data/states.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b[:min(len(b), 2000)]))
	}
	f.Add("people:\n  - {name: A B, terms: [{country: USA, role: GOV, from: 2020-01, to: 2019-01}]}\n")
	f.Add("heads:\n  - {role: MIL, words: ['']}\n")
	f.Fuzz(func(t *testing.T, src string) {
		g := &Gazetteer{}
		if err := g.AddYAML("fuzz.yaml", []byte(src)); err != nil {
			return
		}
		for _, m := range g.Find("Russia's army chief John Smith, the UN and Hamas said.", day("2020-01-01")) {
			if m.Text == "" {
				t.Fatalf("empty match %+v", m)
			}
		}
	})
}
