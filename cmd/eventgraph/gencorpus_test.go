package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestGenCorpusIngests(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus")
	stdout, stderr, code := MustRun(t, "", "gen-corpus", "-n", "45", "-o", out, "--samples", samples, "--seed", "9")
	if code != 0 || !strings.Contains(stdout, "wrote 45 articles") {
		t.Fatalf("gen-corpus: exit %d\n%s%s", code, stdout, stderr)
	}
	db := filepath.Join(dir, "eg.db")
	_, stderr, code = MustRun(t, "", "ingest", "--db", db, out)
	if code != 0 {
		t.Fatalf("ingest of the generated corpus: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "ingested 45 new articles") {
		t.Errorf("summary: %s", stderr)
	}
	if _, _, code := MustRun(t, "", "gen-corpus", "-n", "0", "-o", out); code != exitFatal {
		t.Errorf("-n 0: exit %d, want 1", code)
	}
}
