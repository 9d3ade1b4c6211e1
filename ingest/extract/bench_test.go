package extract

import (
	"syscall"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/sentence"
	"github.com/eventgraph/eventgraph/ingest/timex"
)

// BenchmarkStages measures each engine stage the extractor runs on the
// dev corpus, alone, in the MB/s of article text that BenchmarkExtract
// reports for the whole: where the time of an extraction goes, stage by
// stage. cpuMB/s divides by the process's CPU time rather than wall time,
// which other processes on the machine distort less.
//
//	go test ./ingest/extract -run '^$' -bench Stages -count 6
func BenchmarkStages(b *testing.B) {
	_, arts := MustArticles(b, corpus)
	n := 0
	var docs [][][]string // each article's sentences' lower-cased words
	var spans [][]sentence.Span
	for _, a := range arts {
		n += len(a.Body)
		var ss [][]string
		spans = append(spans, sentence.Split(a.Body))
		for _, sp := range spans[len(spans)-1] {
			ss = append(ss, coding.Lower(tokenTexts(sentence.Tokenize(sp.Text))))
		}
		docs = append(docs, ss)
	}
	g := actor.Default()
	lx := coding.Default()
	var trigs coding.Triggers
	stages := []struct {
		name string
		run  func()
	}{
		{"split", func() {
			for _, a := range arts {
				sentence.Split(a.Body)
			}
		}},
		// tokenize does what newDoc does: every sentence's tokens in one
		// array per article, the words cut from one lower-cased body.
		{"tokenize", func() {
			for i, a := range arts {
				toks := make([]sentence.Token, 0, len(a.Body)/5+len(spans[i]))
				words := make([]string, 0, cap(toks))
				low := sentence.LowerASCII(a.Body)
				for _, sp := range spans[i] {
					k := len(toks)
					toks = sentence.AppendTokens(toks, sp.Text)
					for _, t := range toks[k:] {
						words = append(words, coding.LowerIn(t.Text, low[sp.Start+t.Start:sp.Start+t.End]))
					}
				}
				tokenizedWords += len(words)
			}
		}},
		{"timex", func() {
			for _, a := range arts {
				timex.Tag(a.Body, a.Published)
			}
		}},
		// actors does what findActors does: each sentence's matches read
		// with its part of the article's lower-cased copy, the document
		// handed back to the pool at the end of the article.
		{"actors", func() {
			for i, a := range arts {
				d := g.NewDocument(a.Published)
				low := sentence.LowerASCII(a.Body)
				for _, sp := range spans[i] {
					d.FindSharedLow(sp.Text, low[sp.Start:sp.End])
				}
				d.Release()
			}
		}},
		// match keeps the triggers as codeSentence does, in an array
		// reused from article to article.
		{"match", func() {
			for _, ss := range docs {
				for _, s := range ss {
					lx.MatchIn(s, &trigs)
				}
				trigs.Reset()
			}
		}},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			cpu := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				st.run()
			}
			b.StopTimer()
			if d := cpuTime() - cpu; d > 0 {
				b.ReportMetric(float64(n)*float64(b.N)/1e6/d.Seconds(), "cpuMB/s")
			}
		})
	}
}

func tokenTexts(toks []sentence.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// tokenizedWords keeps the tokenize stage's words live, so that the
// compiler cannot drop the work being timed.
var tokenizedWords int
