// Package pipeline runs ingestion end to end: it walks the inputs, extracts
// the events of each article on several cores, and hands the articles to
// one writer in input order, so that the stored result does not depend on
// how the work was scheduled.
//
// # Memory
//
// At most Window articles are in flight between the walk and the writer;
// the walk blocks when the window is full. Memory is therefore bounded by
// the window (and the writer's batch), not by the size of the corpus.
//
// # Batches
//
// A writer that also implements [BatchWriter] (store.DB does) receives
// the articles in batches of up to Config.Batch, one transaction each,
// which saves a commit per article; each article still stands alone
// (store.DB.SaveArticles says how). A batch is written as soon as the
// writer has nothing else to do, so a slow extraction never holds
// articles back, and the next batch is collected while one is written,
// so that a slow writer gets large batches.
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
	Batch     int // articles per call of a BatchWriter; 0 means DefaultBatch
	// OnFile, if set, is called from the writer goroutine once every article
	// of a file has been stored (or the file was skipped or rejected).
	OnFile func(FileResult)
}

// BatchWriter is an [model.ArticleWriter] that can store several articles
// in one call, each still all or nothing. Articles [0, len(added)) were
// handled, added[i] saying whether article i was new; when err is not nil,
// article len(added) failed, nothing of it was stored, and the rest were
// not attempted.
type BatchWriter interface {
	SaveArticles(ctx context.Context, articles []model.Article, events [][]model.Event) (added []bool, err error)
}

// DefaultBatch is the batch size when Config.Batch is 0. A commit writes
// every page the batch changed, and the articles of a batch share many
// pages (index roots and inner pages, the full-text segment, the
// actors), so larger batches write less per article. Until batches were
// collected while one is written (see write), they never grew past the
// window (16 articles on two cores), whatever this said; a 2k-article
// ingest then made 125 commits instead of 4. The price of large batches
// is that readers see new articles a batch at a time.
const DefaultBatch = 512

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

// BulkWriter is an [model.ArticleWriter] that stores a large load faster
// when told where it starts and ends (store.DB builds the indexes only
// readers use at the end when it was empty). Run calls end however the
// run ends.
type BulkWriter interface {
	BeginBulk(ctx context.Context) (end func(context.Context) error, err error)
}

// Run ingests everything under cfg.Paths. Each article is stored in its own
// transaction by cfg.Writer. A file's own problem is reported through
// OnFile and counted; the error wraps [ErrRejected] when any file was
// rejected, and is another error only when storing failed or ctx ended.
func Run(ctx context.Context, cfg Config) (Stats, error) {
	bulk, ok := cfg.Writer.(BulkWriter)
	if !ok {
		return run(ctx, cfg)
	}
	end, err := bulk.BeginBulk(ctx)
	if err != nil {
		return Stats{}, err
	}
	st, err := run(ctx, cfg)
	if eerr := end(context.WithoutCancel(ctx)); eerr != nil {
		err = errors.Join(err, eerr)
	}
	return st, err
}

func run(ctx context.Context, cfg Config) (Stats, error) {
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
// out of order, in batches when the writer takes them.
//
// Collecting and writing run apart: this goroutine puts the jobs in order
// and hands batches to a writing goroutine, and goes on collecting while
// a batch is written. A batch is handed over when it is full or, before
// that, whenever the writing goroutine is idle, so that the writer never
// waits for a batch to fill while articles are ready, and a slow
// extraction never holds articles back. When the writer is the slower
// (storing costs more than extracting), the articles extracted during one
// batch make the next: batches grow to Config.Batch by themselves, and a
// commit serves many articles. The window still bounds the articles
// between the walk and the collector; what waits for the writer is at
// most two batches.
func write(ctx context.Context, cfg Config, done <-chan job, slots <-chan struct{}) (Stats, error) {
	var st Stats
	bw, _ := cfg.Writer.(BatchWriter)
	size := cfg.Batch
	switch {
	case bw == nil:
		size = 1
	case size <= 0:
		size = DefaultBatch
	}
	batches := make(chan []job) // unbuffered: a send succeeds only when the writer is idle
	failed := make(chan struct{})
	var werr error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for b := range batches {
			if werr != nil {
				continue
			}
			if werr = flush(ctx, cfg, bw, &st, b); werr != nil {
				close(failed)
			}
		}
	}()
	stop := func() (Stats, error) {
		close(batches)
		<-finished
		return st, werr
	}

	var pending []job
	next := 0
	held := map[int]job{}
	for {
		var j job
		var ok bool
		if len(pending) > 0 {
			select {
			case batches <- pending: // the writer was idle
				pending = nil
				continue
			case j, ok = <-done:
			case <-failed:
				return stop()
			}
		} else {
			select {
			case j, ok = <-done:
			case <-failed:
				return stop()
			}
		}
		if !ok {
			break
		}
		held[j.seq] = j
		for {
			j, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			<-slots
			pending = append(pending, j)
			if len(pending) >= size {
				select {
				case batches <- pending:
					pending = nil
				case <-failed:
					return stop()
				}
			}
		}
	}
	if len(pending) > 0 {
		select {
		case batches <- pending:
		case <-failed:
		}
	}
	return stop()
}

// flush stores the articles of jobs, through the batch writer when there
// is one, and accounts for every job in order.
func flush(ctx context.Context, cfg Config, bw BatchWriter, st *Stats, jobs []job) error {
	if len(jobs) == 0 {
		return nil
	}
	var articles []model.Article
	var events [][]model.Event
	for _, j := range jobs {
		if !j.empty {
			articles = append(articles, j.article)
			events = append(events, j.events)
		}
	}
	var added []bool
	var err error
	switch {
	case len(articles) == 0:
	case bw != nil:
		added, err = bw.SaveArticles(ctx, articles, events)
	default:
		for i, a := range articles {
			var ok bool
			if ok, err = cfg.Writer.SaveArticle(ctx, a, events[i]); err != nil {
				break
			}
			added = append(added, ok)
		}
	}
	k := 0
	for _, j := range jobs {
		if !j.empty {
			if k >= len(added) {
				if err == nil {
					err = errors.New("writer returned fewer results than articles")
				}
				return fmt.Errorf("store %s: %w", j.article.Path, err)
			}
			k++
		}
		account(cfg, st, j, k > 0 && !j.empty && added[k-1])
	}
	return nil
}

// account counts one stored job and reports its file once all of the
// file's articles are stored.
func account(cfg Config, st *Stats, j job, added bool) {
	fs := j.file
	if !j.empty {
		fs.res.Bytes += len(j.article.Body)
		if added {
			fs.res.Added++
			fs.res.Events += len(j.events)
		} else {
			fs.res.Duplicates++
		}
		fs.pending--
		if fs.pending > 0 {
			return
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
}
