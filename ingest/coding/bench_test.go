package coding

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/ingest/sentence"
)

// BenchmarkMatch measures the matcher alone on the dev corpus articles,
// already split and tokenised as the extractor hands them over; the
// reported MB/s is of article text.
func BenchmarkMatch(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		b.Skip("no dev corpus articles")
	}
	var sents [][]string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += len(data)
		text := string(data)
		for _, sp := range sentence.Split(text) {
			toks := sentence.Tokenize(sp.Text)
			words := make([]string, len(toks))
			for i, tk := range toks {
				words[i] = tk.Text
			}
			sents = append(sents, Lower(words))
		}
	}
	lx := Default()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range sents {
			lx.Match(w)
		}
	}
}

// BenchmarkLoad measures compiling the embedded lexicon, paid once per
// process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFS(dataFS, "data"); err != nil {
			b.Fatal(err)
		}
	}
}
