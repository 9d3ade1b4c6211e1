package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// MustWalk collects what Walk reports.
func MustWalk(tb testing.TB, paths []string, stdin string) []File {
	tb.Helper()
	var files []File
	err := Walk(context.Background(), paths, strings.NewReader(stdin), func(f File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		tb.Fatalf("Walk: %v", err)
	}
	return files
}

func TestWalkCorpus(t *testing.T) {
	files := MustWalk(t, []string{corpusDir + "/"}, "")
	var read, gold, other []string
	for _, f := range files {
		switch {
		case f.Err != nil && (strings.HasSuffix(f.Path, ".html") || strings.HasSuffix(f.Path, ".json")):
			read = append(read, f.Path) // reader in progress
		case f.Err != nil:
			t.Errorf("%s: %v", f.Path, f.Err)
		case f.Skipped == SkipGold:
			gold = append(gold, f.Path)
		case f.Skipped != "":
			other = append(other, f.Path+": "+f.Skipped)
		default:
			read = append(read, f.Path)
			if len(f.Articles) != 1 || f.Articles[0].Path != f.Path {
				t.Errorf("%s: %d articles, path %q", f.Path, len(f.Articles), f.Articles[0].Path)
			}
		}
	}
	if len(read) != len(corpus) || len(gold) != len(corpus) {
		t.Errorf("read %d files and skipped %d gold files, want %d each", len(read), len(gold), len(corpus))
	}
	if want := []string{filepath.Join(corpusDir, "INDEX.md") + ": " + SkipExtension}; strings.Join(other, "|") != strings.Join(want, "|") {
		t.Errorf("skipped %q, want %q", other, want)
	}
	for i := 1; i < len(files); i++ {
		if files[i-1].Path >= files[i].Path {
			t.Errorf("not in order: %s before %s", files[i-1].Path, files[i].Path)
		}
	}
	if read[0] != filepath.Join(corpusDir, corpus[0].file) {
		t.Errorf("first path %q, want the given folder joined with the name", read[0])
	}
}

func TestWalkCases(t *testing.T) {
	dir := t.TempDir()
	article := "Title\n\n2020-01-02\n\nBody text.\n"
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a/one.txt", article)
	write("a/b/two.TXT", article)
	write("a/notes.md", article)
	write("a/x.gold.json", "{}")
	write("a/.hidden/three.txt", article)
	write("a/empty.txt", "  \n")
	explicit := write("named.md", article)
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "a", "loop")); err != nil {
		t.Fatal(err)
	}

	files := MustWalk(t, []string{filepath.Join(dir, "a"), explicit, filepath.Join(dir, "missing.txt"), "-"}, article)
	got := map[string]File{}
	var order []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		if f.Path == "-" {
			rel = "-"
		}
		got[rel] = f
		order = append(order, rel)
	}
	wantOrder := "a/.hidden a/b/two.TXT a/empty.txt a/loop a/notes.md a/one.txt a/x.gold.json named.md missing.txt -"
	if strings.Join(order, " ") != wantOrder {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(order, " "), wantOrder)
	}
	tests := []struct {
		path, skipped string
		err           error
		articles      int
	}{
		{"a/.hidden", SkipHidden, nil, 0},
		{"a/b/two.TXT", "", nil, 1},
		{"a/empty.txt", "", ErrEmpty, 0},
		{"a/loop", SkipDirLink, nil, 0},
		{"a/notes.md", SkipExtension, nil, 0},
		{"a/one.txt", "", nil, 1},
		{"a/x.gold.json", SkipGold, nil, 0},
		{"named.md", "", nil, 1},
		{"missing.txt", "", ErrRead, 0},
		{"-", "", nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			f := got[tc.path]
			if f.Skipped != tc.skipped || !errors.Is(f.Err, tc.err) || (tc.err == nil && f.Err != nil) || len(f.Articles) != tc.articles {
				t.Errorf("got skipped %q, err %v, %d articles; want %q, %v, %d", f.Skipped, f.Err, len(f.Articles), tc.skipped, tc.err, tc.articles)
			}
			if f.Err != nil && !strings.Contains(f.Err.Error(), f.Path) {
				t.Errorf("error %q does not name the file", f.Err)
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{corpusDir}, nil, func(File) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk = %v after %d calls, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{corpusDir}, nil, func(File) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with a cancelled context = %v", err)
	}
}
