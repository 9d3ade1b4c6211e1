package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// snapshot is what one read of /api/events saw: per article, the sorted
// sentence spans of its mentions.
type snapshot map[string]string

func snapshotOf(events []model.Event) snapshot {
	spans := map[string][]string{}
	for _, e := range events {
		for _, m := range e.Mentions {
			spans[m.ArticleID] = append(spans[m.ArticleID], fmt.Sprintf("%d-%d", m.Start, m.End))
		}
	}
	s := snapshot{}
	for id, list := range spans {
		s[id] = spanSet(list)
	}
	return s
}

// TestServeWhileIngesting runs `eventgraph serve` and readers against it
// while `eventgraph ingest` writes to the same database: WAL lets them
// read while it writes, the busy timeout covers checkpoints. Every answer
// must be a 200 with the contract's JSON, and no read may be torn: an
// article is seen with all of its mentions or not at all, and a reader
// never sees fewer articles than it saw before.
func TestServeWhileIngesting(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the command as two processes")
	}
	bin := MustBinary(t)
	folder, total := MustCorpus(t, 8)
	db := filepath.Join(t.TempDir(), "eg.db")
	// serve opens an existing database only.
	if _, errs, code := MustRun(t, "", "ingest", "--db", db, filepath.Join(samples, "idlib-kremlin-2019-06-03.txt")); code != 0 {
		t.Fatalf("first ingest: %s", errs)
	}
	base := MustServeProcess(t, db)

	ingest := exec.Command(bin, "ingest", "--db", db, folder)
	var ingestErr strings.Builder
	ingest.Stderr = &ingestErr
	if err := ingest.Start(); err != nil {
		t.Fatal(err)
	}
	ingestDone := make(chan error, 1)
	go func() { ingestDone <- ingest.Wait() }()

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	client := &http.Client{Timeout: 60 * time.Second}
	var (
		mu        sync.Mutex
		seen      []snapshot
		problems  []string
		requests  int
		readersWG sync.WaitGroup
	)
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(problems) < 20 {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	stop := make(chan struct{})
	// Every mention of each event (a page shows 10 by default), so that a
	// snapshot holds each article whole.
	const events = "/api/events?mentions=5000"
	paths := []string{events, "/api/actors", "/", "/api/graph"}
	for r := range 4 {
		readersWG.Add(1)
		go func() {
			defer readersWG.Done()
			last := 0
			for i := r; ; i++ {
				select {
				case <-stop:
					return
				case <-ctx.Done():
					return
				default:
				}
				p := paths[i%len(paths)]
				req, _ := http.NewRequestWithContext(ctx, "GET", base+p, nil)
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						report("%s: %v", p, err)
					}
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				mu.Lock()
				requests++
				mu.Unlock()
				if err != nil || resp.StatusCode != 200 {
					report("%s: status %d, %v: %.200s", p, resp.StatusCode, err, b)
					continue
				}
				if p != events {
					if p != "/" && !json.Valid(b) {
						report("%s: invalid JSON", p)
					}
					continue
				}
				var events []model.Event
				if err := json.Unmarshal(b, &events); err != nil {
					report("%s: %v", p, err)
					continue
				}
				s := snapshotOf(events)
				if len(s) < last {
					report("a reader saw %d articles after %d", len(s), last)
				}
				last = len(s)
				mu.Lock()
				seen = append(seen, s)
				mu.Unlock()
			}
		}()
	}

	var ingestRes error
	select {
	case ingestRes = <-ingestDone:
	case <-ctx.Done():
		ingest.Process.Kill()
		t.Fatal("ingest did not finish in time")
	}
	close(stop)
	readersWG.Wait()
	if ingestRes != nil {
		t.Fatalf("ingest beside the server: %v\n%s", ingestRes, ingestErr.String())
	}
	if s := ingestErr.String(); strings.Contains(s, "locked") || strings.Contains(s, "busy") {
		t.Errorf("ingest met a lock: %s", s)
	}
	for _, p := range problems {
		t.Error(p)
	}

	// The final state, read once the writer is gone, is the reference for
	// every article a reader saw on the way.
	final := snapshotOf(MustEvents(t, db))
	if n := len(MustArticles(t, db)); n != total+1 {
		t.Errorf("%d articles stored, want %d", n, total+1)
	}
	torn := 0
	grew := map[int]bool{}
	for _, s := range seen {
		grew[len(s)] = true
		for id, spans := range s {
			if final[id] != spans {
				torn++
				if torn <= 5 {
					t.Errorf("torn read of article %s: saw %s, stored %s", id, spans, final[id])
				}
			}
		}
	}
	sizes := make([]int, 0, len(grew))
	for n := range grew {
		sizes = append(sizes, n)
	}
	sort.Ints(sizes)
	t.Logf("%d requests, %d event snapshots while ingesting %d articles; articles seen: %v", requests, len(seen), total, sizes)
	if len(grew) < 2 {
		t.Errorf("the readers never saw the database change (%v): the test did not overlap reads and writes", sizes)
	}
}
