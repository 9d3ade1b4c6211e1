// Package pipeline runs ingestion end to end: it walks the inputs, extracts
// the events of each article on several cores, and hands the articles to
// one writer in input order, so that the stored result does not depend on
// how the work was scheduled.
//
// # Memory
//
// At most Window articles are in flight between the walk and the writer;
// the walk blocks when the window is full. Memory is therefore bounded by
// the window, not by the size of the corpus.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/model"
)

// Extractor codes the events of an article; it must be safe for
// concurrent use.
type Extractor interface {
	Extract(a model.Article) []model.Event
}

// Config says what to read and where to put it.
type Config struct {
	Paths     []string
	Stdin     io.Reader
	Extractor Extractor
	Writer    model.ArticleWriter
	Workers   int // extraction goroutines; 0 means one per CPU
	Window    int // articles in flight; 0 means 8 per worker
	// OnFile, if set, is called from the writer goroutine once every article
	// of a file has been stored (or the file was skipped or rejected).
	OnFile func(FileResult)
}

// FileResult is what became of one input file.
type FileResult struct {
	ingest.File
	Added      int // articles newly stored
	Duplicates int // articles already stored
	Events     int // events extracted from the new articles
	Bytes      int // body bytes of the articles read
}

// Stats counts what a run did.
type Stats struct {
	Files, Articles, Duplicates, Events, Rejected, Skipped int
	Bytes                                                  int64
}

// ErrRejected is wrapped by Run's error when some files were rejected; the
// rest went through.
var ErrRejected = errors.New("some inputs were rejected")

// job is one article (or a file with no articles) on its way to the writer.
type job struct {
	seq     int
	file    *fileState
	article model.Article
	events  []model.Event
	empty   bool // the file has no articles: only its result is reported
}

type fileState struct {
	res     FileResult
	pending int
}

// Run ingests everything under cfg.Paths. Each article is stored in its own
// transaction by cfg.Writer. A file's own problem is reported through
// OnFile and counted; the error wraps [ErrRejected] when any file was
// rejected, and is another error only when storing failed or ctx ended.
func Run(ctx context.Context, cfg Config) (Stats, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := cfg.Window
	if window <= 0 {
		window = 8 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	todo := make(chan job)
	done := make(chan job, window)
	slots := make(chan struct{}, window) // bounds articles in flight

	var walkErr error
	go func() {
		defer close(todo)
		seq := 0
		send := func(j job) bool {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			j.seq = seq
			seq++
			select {
			case todo <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		walkErr = ingest.Walk(ctx, cfg.Paths, cfg.Stdin, func(f ingest.File) error {
			fs := &fileState{res: FileResult{File: f}, pending: len(f.Articles)}
			if len(f.Articles) == 0 {
				if !send(job{file: fs, empty: true}) {
					return ctx.Err()
				}
				return nil
			}
			for _, a := range f.Articles {
				if !send(job{file: fs, article: a}) {
					return ctx.Err()
				}
			}
			return nil
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range todo {
				if !j.empty {
					j.events = cfg.Extractor.Extract(j.article)
				}
				done <- j
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	st, err := write(ctx, cfg, done, slots)
	cancel()
	for range done { // after a failed write, let the workers drain
	}
	// done is closed only after the walk has returned, so walkErr is set.
	if err != nil {
		return st, err
	}
	if walkErr != nil {
		return st, walkErr
	}
	if st.Rejected > 0 {
		return st, fmt.Errorf("%d of %d files: %w", st.Rejected, st.Files, ErrRejected)
	}
	return st, nil
}

// write stores jobs in sequence order, reordering what the workers finish
// out of order.
func write(ctx context.Context, cfg Config, done <-chan job, slots <-chan struct{}) (Stats, error) {
	var st Stats
	next := 0
	held := map[int]job{}
	for j := range done {
		held[j.seq] = j
		for {
			j, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			<-slots
			if err := store(ctx, cfg, &st, j); err != nil {
				return st, err
			}
		}
	}
	return st, nil
}

func store(ctx context.Context, cfg Config, st *Stats, j job) error {
	fs := j.file
	if !j.empty {
		added, err := cfg.Writer.SaveArticle(ctx, j.article, j.events)
		if err != nil {
			return fmt.Errorf("store %s: %w", j.article.Path, err)
		}
		fs.res.Bytes += len(j.article.Body)
		if added {
			fs.res.Added++
			fs.res.Events += len(j.events)
		} else {
			fs.res.Duplicates++
		}
		fs.pending--
		if fs.pending > 0 {
			return nil
		}
	}
	st.Files++
	switch {
	case fs.res.Skipped != "":
		st.Skipped++
	case fs.res.Err != nil:
		st.Rejected++
	}
	st.Articles += fs.res.Added
	st.Duplicates += fs.res.Duplicates
	st.Events += fs.res.Events
	st.Bytes += int64(fs.res.Bytes)
	if cfg.OnFile != nil {
		cfg.OnFile(fs.res)
	}
	return nil
}
