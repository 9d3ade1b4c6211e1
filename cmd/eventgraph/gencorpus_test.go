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
	// A take published over three days, added to the store.
	take := filepath.Join(dir, "take")
	stdout, stderr, code = MustRun(t, "", "gen-corpus", "-n", "12", "-o", take, "--samples", samples, "--seed", "4", "--from", "2021-03-01", "--to", "2021-03-03")
	if code != 0 || !strings.Contains(stdout, "wrote 12 articles") {
		t.Fatalf("gen-corpus --from --to: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, stderr, code = MustRun(t, "", "ingest", "--db", db, take); code != 0 || !strings.Contains(stderr, "ingested 12 new articles") {
		t.Errorf("ingest of the take: exit %d\n%s", code, stderr)
	}
	for _, bad := range [][]string{
		{"--from", "2021-03-05", "--to", "2021-03-01"},
		{"--to", "2021-03-01"},
		{"--from", "March 2021"},
		{"--copies", "1"},
		{"--copies", "-0.1"},
	} {
		args := append([]string{"gen-corpus", "-n", "3", "-o", filepath.Join(dir, "bad"), "--samples", samples}, bad...)
		if _, stderr, code := MustRun(t, "", args...); code != exitFatal || !strings.Contains(stderr, "--") {
			t.Errorf("%v: exit %d, %q; want 1 naming the flag", bad, code, stderr)
		}
	}
}
