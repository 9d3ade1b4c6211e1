package main

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/extract"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// MustBinary builds the eventgraph command once per test run, for tests
// that must run it as its own process (to kill it, or to serve from it).
func MustBinary(tb testing.TB) string {
	tb.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "eventgraph-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "eventgraph")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		tb.Fatal(binErr)
	}
	return binPath
}

// MustCorpus writes copies of the sample articles into a new folder, each
// with its own title so that every copy is a distinct article, and returns
// the folder and the number of articles.
func MustCorpus(tb testing.TB, copies int) (string, int) {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(samples, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sample articles: %v", err)
	}
	dir := filepath.Join(tb.TempDir(), "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text := strings.TrimLeft(string(b), "\n")
		title, rest, _ := strings.Cut(text, "\n")
		for i := range copies {
			name := fmt.Sprintf("%s-%03d.txt", strings.TrimSuffix(filepath.Base(f), ".txt"), i)
			text := fmt.Sprintf("%s (copy %d)\n%s", title, i, rest)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				tb.Fatal(err)
			}
			n++
		}
	}
	return dir, n
}

// storedArticles counts the articles in the database, reading it the way
// another process would while ingest writes; -1 when it cannot be read yet.
func storedArticles(db string) int {
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro&_busy_timeout=1000")
	if err != nil {
		return -1
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return -1
	}
	return n
}

// MustIngestUnderway starts the built command ingesting a folder of
// total articles into a new database, and returns once some articles are
// in, which is while the writer is busy storing the next ones.
func MustIngestUnderway(tb testing.TB) (cmd *exec.Cmd, stderr *strings.Builder, db, folder string, total int) {
	tb.Helper()
	bin := MustBinary(tb)
	folder, total = MustCorpus(tb, 16)
	db = filepath.Join(tb.TempDir(), "eg.db")
	cmd = exec.Command(bin, "ingest", "--db", db, folder)
	stderr = &strings.Builder{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for storedArticles(db) < 20 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	return cmd, stderr, db, folder, total
}

// TestIngestKilledMidway kills ingest with SIGKILL while it stores a large
// folder, then checks that the database is sound, that every stored
// article is whole (one transaction per article), and that a second run
// stores exactly the articles the first did not reach.
func TestIngestKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and ingests a large folder")
	}
	cmd, stderr, db, folder, total := MustIngestUnderway(t)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("ingest was not killed midway (%v); stderr:\n%s", err, stderr.String())
	}

	MustSoundDB(t, db)
	before := MustArticles(t, db)
	if len(before) == 0 || len(before) >= total {
		t.Fatalf("%d of %d articles stored before the kill; want some but not all", len(before), total)
	}
	t.Logf("killed after %d of %d articles", len(before), total)
	MustWholeArticles(t, db, before)

	_, errs, code := MustRun(t, "", "ingest", "--db", db, folder)
	if code != 0 {
		t.Fatalf("re-run: exit %d\n%s", code, errs)
	}
	want := fmt.Sprintf("ingested %d new articles", total-len(before))
	if !strings.Contains(errs, want) || !strings.Contains(errs, fmt.Sprintf("(%d already stored", len(before))) {
		t.Errorf("re-run summary %q, want %q and %d already stored", strings.TrimSpace(errs), want, len(before))
	}
	after := MustArticles(t, db)
	if len(after) != total {
		t.Errorf("%d articles after the re-run, want %d", len(after), total)
	}
	MustSoundDB(t, db)
}

// TestIngestInterrupted stops ingest with SIGINT (Ctrl-C) while it stores
// a large folder: it must say it was interrupted and how many articles
// it kept, keep exactly those, whole, and leave the rest to a re-run.
func TestIngestInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and ingests a large folder")
	}
	cmd, stderr, db, folder, total := MustIngestUnderway(t)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("interrupted ingest: %v, want exit status 1; stderr:\n%s", err, stderr.String())
	}
	before := MustArticles(t, db)
	if len(before) == 0 || len(before) >= total {
		t.Fatalf("%d of %d articles stored before the interruption; want some but not all", len(before), total)
	}
	errs := stderr.String()
	if want := fmt.Sprintf("interrupted: the %d articles counted are stored", len(before)); !strings.Contains(errs, want) {
		t.Errorf("stderr does not say %q:\n%s", want, errs)
	}
	if strings.Contains(errs, "statement is closed") {
		t.Errorf("stderr names a closed statement instead of the interruption:\n%s", errs)
	}
	MustSoundDB(t, db)
	MustWholeArticles(t, db, before)

	_, errs, code := MustRun(t, "", "ingest", "--db", db, folder)
	if code != 0 {
		t.Fatalf("re-run: exit %d\n%s", code, errs)
	}
	if after := MustArticles(t, db); len(after) != total {
		t.Errorf("%d articles after the re-run, want %d", len(after), total)
	}
}

// MustSoundDB checks SQLite's own view of the file: the integrity check
// and the foreign keys (no mention of a missing event or article).
func MustSoundDB(tb testing.TB, db string) {
	tb.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=5000")
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		tb.Fatalf("integrity_check = %q, %v", ok, err)
	}
	rows, err := conn.Query("PRAGMA foreign_key_check")
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		tb.Fatal("foreign_key_check found rows pointing nowhere")
	}
}

// MustArticles lists the stored articles through the articles command.
func MustArticles(tb testing.TB, db string) []articleJSON {
	tb.Helper()
	out, errs, code := MustRun(tb, "", "articles", "--db", db, "--format", "json")
	if code != 0 {
		tb.Fatalf("articles: exit %d: %s", code, errs)
	}
	var arts []articleJSON
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		tb.Fatalf("articles: %v", err)
	}
	return arts
}

// MustWholeArticles extracts each stored article again from its file and
// checks that every sentence that yields an event is stored as a mention of
// that article, and no other: an article is never stored in part.
func MustWholeArticles(tb testing.TB, db string, arts []articleJSON) {
	tb.Helper()
	stored := map[string][]string{} // article id -> sorted mention spans
	for _, e := range MustEvents(tb, db) {
		for _, m := range e.Mentions {
			stored[m.ArticleID] = append(stored[m.ArticleID], fmt.Sprintf("%d-%d", m.Start, m.End))
		}
	}
	x := extract.New(actor.Default())
	for _, a := range arts {
		b, err := os.ReadFile(a.Path)
		if err != nil {
			tb.Fatal(err)
		}
		parsed, err := ingest.Parse(a.Path, b)
		if err != nil || len(parsed) != 1 || parsed[0].ID != a.ID {
			tb.Fatalf("%s: parsed again as %d articles (%v), want %s", a.Path, len(parsed), err, a.ID)
		}
		var want []string
		for _, e := range x.Extract(parsed[0]) {
			m := e.Mentions[0]
			want = append(want, fmt.Sprintf("%d-%d", m.Start, m.End))
		}
		if got, want := spanSet(stored[a.ID]), spanSet(want); got != want {
			tb.Errorf("%s: stored mentions %s, extraction gives %s", a.Path, got, want)
		}
	}
}

func spanSet(spans []string) string {
	seen := map[string]bool{}
	var out []string
	for _, s := range spans {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
