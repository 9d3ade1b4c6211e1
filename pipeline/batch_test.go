package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// batchWriter is a recordingWriter that also takes batches, and counts
// them.
type batchWriter struct {
	recordingWriter
	batches, largest int
}

func (w *batchWriter) SaveArticles(ctx context.Context, as []model.Article, es [][]model.Event) ([]bool, error) {
	w.batches++
	w.largest = max(w.largest, len(as))
	var added []bool
	for i, a := range as {
		ok, err := w.SaveArticle(ctx, a, es[i])
		if err != nil {
			return added, err
		}
		added = append(added, ok)
	}
	return added, nil
}

func TestRunBatches(t *testing.T) {
	dir := MustCorpus(t, 60)
	os.WriteFile(filepath.Join(dir, "z-copy.txt"), mustRead(t, filepath.Join(dir, "a030.txt")), 0o644)
	w := &batchWriter{recordingWriter: recordingWriter{seen: map[string]bool{}}}
	var files []FileResult
	st, err := Run(context.Background(), Config{Paths: []string{dir}, Extractor: slowExtractor{}, Writer: w,
		Workers: 4, Window: 5, Batch: 7, OnFile: func(r FileResult) { files = append(files, r) }})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 60 || st.Duplicates != 1 || st.Files != 61 || len(files) != 61 {
		t.Errorf("stats = %+v, %d files reported", st, len(files))
	}
	if w.batches == 0 || w.largest > 7 {
		t.Errorf("%d batches, largest %d: want batches of at most 7", w.batches, w.largest)
	}
	for i, p := range w.paths {
		if want := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)); p != want {
			t.Fatalf("article %d stored as %s, want %s", i, p, want)
		}
	}
}

func TestRunBatchError(t *testing.T) {
	dir := MustCorpus(t, 40)
	w := &batchWriter{recordingWriter: recordingWriter{seen: map[string]bool{}, fail: filepath.Join(dir, "a010.txt")}}
	st, err := Run(context.Background(), Config{Paths: []string{dir}, Extractor: slowExtractor{}, Writer: w, Workers: 3, Window: 4, Batch: 6})
	if err == nil || errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v, want the write error", err)
	}
	if st.Articles != 10 || len(w.paths) != 10 {
		t.Errorf("stored %d (stats %d) before the failure, want the 10 before it", len(w.paths), st.Articles)
	}
}

// countingExtractor closes all once it has extracted n articles.
type countingExtractor struct {
	mu  sync.Mutex
	n   int
	all chan struct{}
}

func (x *countingExtractor) Extract(a model.Article) []model.Event {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.n--; x.n == 0 {
		close(x.all)
	}
	return slowExtractor{}.Extract(a)
}

// stallingWriter's first batch waits until every article is extracted:
// a writer slower than extraction.
type stallingWriter struct {
	batchWriter
	until <-chan struct{}
	sizes []int
}

func (w *stallingWriter) SaveArticles(ctx context.Context, as []model.Article, es [][]model.Event) ([]bool, error) {
	if len(w.sizes) == 0 {
		<-w.until
	}
	w.sizes = append(w.sizes, len(as))
	return w.batchWriter.SaveArticles(ctx, as, es)
}

// While a batch is written the next one is collected, beyond the window:
// a slow writer gets large batches. When the first batch returns, every
// article is extracted, so all but the window's are collected (their
// slots freed), and the next batch takes them all.
func TestRunBatchesGrowWhileWriting(t *testing.T) {
	const n, window = 60, 5
	dir := MustCorpus(t, n)
	x := &countingExtractor{n: n, all: make(chan struct{})}
	w := &stallingWriter{batchWriter: batchWriter{recordingWriter: recordingWriter{seen: map[string]bool{}}}, until: x.all}
	st, err := Run(context.Background(), Config{Paths: []string{dir}, Extractor: x, Writer: w, Workers: 2, Window: window, Batch: 100})
	if err != nil || st.Articles != n {
		t.Fatalf("stored %d articles, err %v", st.Articles, err)
	}
	if len(w.sizes) < 2 || w.sizes[1] < n-window-w.sizes[0] {
		t.Errorf("batch sizes %v: want the second to hold at least %d-%d-first", w.sizes, n, window)
	}
	for i, p := range w.paths {
		if want := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)); p != want {
			t.Fatalf("article %d stored as %s, want %s", i, p, want)
		}
	}
}
