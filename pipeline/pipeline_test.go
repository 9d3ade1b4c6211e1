package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// slowExtractor takes a random short time per article so that workers
// finish out of order.
type slowExtractor struct{}

func (slowExtractor) Extract(a model.Article) []model.Event {
	time.Sleep(time.Duration(rand.IntN(2000)) * time.Microsecond)
	src := model.NewActor("Russia", "RUS", model.RoleGOV)
	e := model.Event{Source: src, Code: "010", Date: a.PublishedDay(), Mentions: []model.Mention{{Sentence: a.Title}}}
	e.SetID()
	return []model.Event{e}
}

type recordingWriter struct {
	mu    sync.Mutex
	paths []string
	seen  map[string]bool
	fail  string // path whose save fails
}

func (w *recordingWriter) SaveArticle(_ context.Context, a model.Article, _ []model.Event) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if a.Path == w.fail {
		return false, errors.New("disk full")
	}
	if w.seen[a.Hash] {
		return false, nil
	}
	w.seen[a.Hash] = true
	w.paths = append(w.paths, a.Path)
	return true, nil
}

// MustCorpus writes n small articles in the text layout and returns the folder.
func MustCorpus(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	for i := range n {
		body := fmt.Sprintf("Article %d\n\nBy [Wire](#)\n\nJune 03, 2019\n\nRussia said on Monday that talks number %d would go ahead.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestRunKeepsInputOrder(t *testing.T) {
	dir := MustCorpus(t, 60)
	os.WriteFile(filepath.Join(dir, "z-copy.txt"), mustRead(t, filepath.Join(dir, "a030.txt")), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 3}, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not an article"), 0o644)
	w := &recordingWriter{seen: map[string]bool{}}
	var files []FileResult
	st, err := Run(context.Background(), Config{Paths: []string{dir}, Extractor: slowExtractor{}, Writer: w, Workers: 4, Window: 5,
		OnFile: func(r FileResult) { files = append(files, r) }})
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v, want ErrRejected", err)
	}
	if st.Articles != 60 || st.Duplicates != 1 || st.Rejected != 1 || st.Skipped != 1 || st.Events != 60 || st.Files != 63 {
		t.Errorf("stats = %+v", st)
	}
	for i, p := range w.paths {
		if want := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)); p != want {
			t.Fatalf("article %d stored as %s, want %s: order depends on scheduling", i, p, want)
		}
	}
	for i := 1; i < len(files); i++ {
		if files[i-1].Path >= files[i].Path {
			t.Errorf("files reported out of order: %s before %s", files[i-1].Path, files[i].Path)
		}
	}
}

func TestRunStopsOnWriteError(t *testing.T) {
	dir := MustCorpus(t, 40)
	w := &recordingWriter{seen: map[string]bool{}, fail: filepath.Join(dir, "a010.txt")}
	st, err := Run(context.Background(), Config{Paths: []string{dir}, Extractor: slowExtractor{}, Writer: w, Workers: 3, Window: 4})
	if err == nil || errors.Is(err, ErrRejected) {
		t.Fatalf("err = %v, want the write error", err)
	}
	if st.Articles != 10 || len(w.paths) != 10 {
		t.Errorf("stored %d (stats %d) before the failure, want the 10 before it", len(w.paths), st.Articles)
	}
}

func TestRunCancelled(t *testing.T) {
	dir := MustCorpus(t, 40)
	ctx, cancel := context.WithCancel(context.Background())
	w := &recordingWriter{seen: map[string]bool{}}
	n := 0
	_, err := Run(ctx, Config{Paths: []string{dir}, Extractor: slowExtractor{}, Writer: w, Workers: 2, Window: 2,
		OnFile: func(FileResult) {
			if n++; n == 5 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(w.paths) >= 40 {
		t.Error("cancel did not stop the run")
	}
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
