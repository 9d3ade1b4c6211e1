package pipeline_test

// Benchmarks of each ingest stage on one generated corpus, so that a
// change to one stage shows in its own line. Compare two runs with
// benchstat:
//
//	go test ./pipeline/ -run '^$' -bench . -count 6 >old.txt
//	(change something)
//	go test ./pipeline/ -run '^$' -bench . -count 6 >new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest old.txt new.txt
//
// The corpus size is -corpus (default 300 articles); the save benchmarks
// store the whole corpus once per iteration into a fresh database, so
// that a cost that grows with the database shows as a falling
// articles/s when -corpus grows.

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/corpus"
	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/extract"
	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/pipeline"
	"github.com/eventgraph/eventgraph/store"
)

var corpusSize = flag.Int("corpus", 300, "articles in the benchmark corpus")

// benchDir holds the benchmark corpus for the whole run.
var benchDir string

func TestMain(m *testing.M) {
	flag.Parse()
	var err error
	if benchDir, err = os.MkdirTemp("", "pipeline-bench"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(benchDir)
	os.Exit(code)
}

// benchCorpus is the generated corpus, read and extracted once per run.
var benchCorpus struct {
	once     sync.Once
	dir      string
	bytes    int64
	articles []model.Article
	events   [][]model.Event
	x        *extract.Extractor
	err      error
}

func mustBenchCorpus(b *testing.B) {
	b.Helper()
	c := &benchCorpus
	c.once.Do(func() {
		s, err := corpus.Load(filepath.Join("..", "testdata", "articles"))
		if err != nil {
			c.err = err
			return
		}
		// Not b.TempDir: the corpus outlives the benchmark that made it
		// (TestMain removes it).
		c.dir = filepath.Join(benchDir, "corpus")
		// As gen-corpus writes it by default, many stories and a share of copies.
		opt := corpus.Options{N: *corpusSize, Seed: 1, Recast: true, Copies: corpus.DefaultCopies}
		if _, c.err = s.Generate(c.dir, opt); c.err != nil {
			return
		}
		c.x = extract.New(actor.Default())
		c.err = ingest.Walk(context.Background(), []string{c.dir}, nil, func(f ingest.File) error {
			for _, a := range f.Articles {
				c.articles = append(c.articles, a)
				c.events = append(c.events, c.x.Extract(a))
				c.bytes += int64(len(a.Body))
			}
			return nil
		})
	})
	if c.err != nil {
		b.Fatal(c.err)
	}
}

// perArticle reports articles/s and MB/s of body text for n articles per
// iteration.
func perArticle(b *testing.B, n int) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.SetBytes(benchCorpus.bytes * int64(n) / int64(len(benchCorpus.articles)))
}

// BenchmarkRead walks and parses every file of the corpus.
func BenchmarkRead(b *testing.B) {
	mustBenchCorpus(b)
	for b.Loop() {
		err := ingest.Walk(context.Background(), []string{benchCorpus.dir}, nil, func(ingest.File) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
	perArticle(b, len(benchCorpus.articles))
}

// BenchmarkExtract codes every article on one goroutine.
func BenchmarkExtract(b *testing.B) {
	mustBenchCorpus(b)
	for b.Loop() {
		for _, a := range benchCorpus.articles {
			benchCorpus.x.Extract(a)
		}
	}
	perArticle(b, len(benchCorpus.articles))
}

// BenchmarkCluster merges the reports of the whole corpus at once, as
// the store would after the last article.
func BenchmarkCluster(b *testing.B) {
	mustBenchCorpus(b)
	var all []model.Event
	for i, es := range benchCorpus.events {
		a := benchCorpus.articles[i]
		for _, r := range merge.Reports(es) {
			m := &r.Mentions[0]
			m.ArticleID, m.Path, m.Published = a.Path, a.Path, a.Published.Format("2006-01-02")
			all = append(all, r)
		}
	}
	for b.Loop() {
		merge.Cluster(all)
	}
	perArticle(b, len(benchCorpus.articles))
}

// BenchmarkSave stores the extracted corpus article by article into a
// fresh database.
func BenchmarkSave(b *testing.B) {
	mustBenchCorpus(b)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db := mustOpen(b)
		b.StartTimer()
		for i, a := range benchCorpus.articles {
			if _, err := db.SaveArticle(ctx, a, benchCorpus.events[i]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	perArticle(b, len(benchCorpus.articles))
}

// BenchmarkSaveBatch stores the extracted corpus through the batch
// writer the pipeline uses, in batches of 64 and of 512 (the most the
// pipeline writes at once). cpu-s/op is the CPU time of the whole
// process, which is the writer's alone here: on a shared machine it
// varies less than the wall time.
func BenchmarkSaveBatch(b *testing.B) {
	for _, batch := range []int{64, 512} {
		b.Run(fmt.Sprint(batch), func(b *testing.B) { benchSaveBatch(b, batch) })
	}
}

func benchSaveBatch(b *testing.B, batch int) {
	mustBenchCorpus(b)
	ctx := context.Background()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		db := mustOpen(b)
		b.StartTimer()
		start := processCPU(b)
		for i := 0; i < len(benchCorpus.articles); i += batch {
			j := min(i+batch, len(benchCorpus.articles))
			if _, err := db.SaveArticles(ctx, benchCorpus.articles[i:j], benchCorpus.events[i:j]); err != nil {
				b.Fatal(err)
			}
		}
		cpu += processCPU(b) - start
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	perArticle(b, len(benchCorpus.articles))
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// processCPU is the user and system CPU time the process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPipeline runs the whole ingest (read, extract on every core,
// store) into a fresh database.
func BenchmarkPipeline(b *testing.B) {
	mustBenchCorpus(b)
	for b.Loop() {
		b.StopTimer()
		db := mustOpen(b)
		b.StartTimer()
		_, err := pipeline.Run(context.Background(), pipeline.Config{
			Paths: []string{benchCorpus.dir}, Extractor: benchCorpus.x, Writer: db,
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	perArticle(b, len(benchCorpus.articles))
}

func mustOpen(b *testing.B) *store.DB {
	b.Helper()
	db, err := store.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	return db
}
