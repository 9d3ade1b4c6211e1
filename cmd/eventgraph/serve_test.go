package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// syncBuffer lets the test read what the serving goroutine writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// serve runs on the sample corpus database, read-only, answers the API
// with the contract's event JSON, and stops cleanly when its context ends.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "eg.db")
	if _, stderr, code := MustRun(t, "", "ingest", "--db", db, "../../testdata/articles"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	var stdout, stderr syncBuffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, now: time.Now, getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- a.run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}) }()

	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		base = addr.FindString(stdout.String())
	}
	if base == "" {
		cancel()
		t.Fatalf("serve printed no address: %q %q", stdout.String(), stderr.String())
	}
	resp, err := http.Get(base + "api/events?actor=RUS,TUR&between=1&from=2018&to=2020&q=Idlib")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var events []model.Event
	if err := json.Unmarshal(b, &events); err != nil || resp.StatusCode != 200 {
		t.Fatalf("api/events: %d %v: %.200s", resp.StatusCode, err, b)
	}
	if len(events) == 0 {
		t.Error("no Russia–Turkey events in Idlib 2018-2020 in the sample corpus")
	}
	for _, e := range events {
		if e.Target == nil || len(e.Mentions) == 0 {
			t.Errorf("event %s lacks a target or evidence", e.ID)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after shutdown: %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"missing database", []string{"serve", "--db", filepath.Join(dir, "none.db")}, "create it with"},
		{"bad address", []string{"serve", "--db", filepath.Join(dir, "none.db"), "--addr", "8080"}, "--addr"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := MustRun(t, "", tt.args...)
			if code != exitFatal || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, stderr, exitFatal, tt.want)
			}
		})
	}
}
