package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badInputs is the folder of hostile and broken files, with the good ones
// beside them.
const badInputs = "../../testdata/bad"

// MustCopyDir copies the regular files of src into a new folder dst.
func MustCopyDir(tb testing.TB, src, dst string) {
	tb.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// writeGenerated adds the inputs too large to commit: a 50 MB article, a
// feed of 10,000 good items, and JSON and HTML nested 100,000 deep.
func writeGenerated(tb testing.TB, dir string, feedItems int) {
	tb.Helper()
	write := func(name string, parts ...string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range parts {
			if _, err := f.WriteString(p); err != nil {
				tb.Fatal(err)
			}
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	para := "Russian jets struck rebel positions in Idlib on Sunday, the monitor said, as Turkey urged Moscow to halt the offensive.\n\n"
	write("huge-article.txt", "A very long story\n\nBy [Reuters](#)\n\nJune 03, 2019\n\n", strings.Repeat(para, 50<<20/len(para)))

	var feed strings.Builder
	feed.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Notes</title>`)
	for i := range feedItems {
		fmt.Fprintf(&feed, "<item><title>Market note %d</title><link>https://example.org/n/%d</link>"+
			"<pubDate>Mon, 03 Jun 2019 10:00:00 GMT</pubDate><description>Shares of company number %d closed higher on Monday.</description></item>\n", i, i, i)
	}
	feed.WriteString("</channel></rss>\n")
	write("good-feed-10k.rss", feed.String())

	write("deep.json", strings.Repeat("[", 100000), strings.Repeat("]", 100000))
	write("deep.html", "<html><body><article><p>", strings.Repeat("<b>", 100000), "Russia struck Idlib on Monday.", strings.Repeat("</b>", 100000), "</p></article></body></html>")
}

func TestBadInputFolder(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad")
	MustCopyDir(t, badInputs, in)
	// Good articles beside the bad ones, taken from the sample corpus rather
	// than kept as second copies.
	for name, sample := range map[string]string{
		"good-idlib-kremlin.txt": "idlib-kremlin-2019-06-03.txt",
		"good-gaza.html":         "gaza-ceasefire-2021-05-21.html",
	} {
		b, err := os.ReadFile(filepath.Join(samples, sample))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items := 10000
	if testing.Short() {
		items = 100 // storing 10,000 articles takes half a minute on a busy machine
	}
	writeGenerated(t, in, items)
	db := filepath.Join(dir, "eg.db")
	_, stderr, code := MustRun(t, "", "ingest", "--db", db, in)
	if code != exitRejected {
		t.Errorf("exit %d, want %d (some inputs rejected)\n%s", code, exitRejected, stderr)
	}

	// Each bad file: exactly one line, naming the file, saying what is wrong.
	bad := map[string]string{
		"empty.txt":            "empty file",
		"blank.html":           "empty file",
		"binary.txt":           "binary content",
		"invalid-utf8.txt":     "invalid UTF-8",
		"no-article.html":      "no article text",
		"wrong-types.json":     `field "title" must be a string`,
		"mixed-types.json":     `entry 2: malformed input (field "title" must be a string`,
		"unparseable-date.txt": "no publication date",
		"future-date.txt":      "2099-06-03 is in the future",
		"no-sentences.txt":     "the body has no words",
		"deeply-nested.html":   "open stack of elements exceeds 512",
		"huge-article.txt":     "the limit is 1024 KiB per article",
		"deep.json":            "exceeded max depth",
		"deep.html":            "open stack of elements exceeds 512",
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for name, want := range bad {
		var hits []string
		for _, l := range lines {
			if strings.Contains(l, filepath.Join(in, name)+":") {
				hits = append(hits, l)
			}
		}
		if len(hits) != 1 || !strings.HasPrefix(hits[0], "error: ") || !strings.Contains(hits[0], want) {
			t.Errorf("%s: want one error line saying %q, got %q", name, want, hits)
		}
	}
	for _, l := range lines {
		if len(l) > 400 {
			t.Errorf("stderr line of %d bytes; a message must stay readable: %.200s…", len(l), l)
		}
		if strings.HasPrefix(l, "error: ") && strings.Contains(l, "good-") {
			t.Errorf("a good file was reported: %s", l)
		}
	}

	// The good files beside them are stored, whole.
	out, errs, code := MustRun(t, "", "articles", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("articles: exit %d: %s", code, errs)
	}
	var arts []articleJSON
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatal(err)
	}
	perFile := map[string]int{}
	for _, a := range arts {
		perFile[filepath.Base(a.Path)]++
	}
	want := map[string]int{
		"good-idlib-kremlin.txt": 1, "good-gaza.html": 1, "good-stray-byte.txt": 1,
		"good-feed-10k.rss": items, "mixed-types.json": 1,
	}
	for name, n := range want {
		if perFile[name] != n {
			t.Errorf("%s: %d articles stored, want %d", name, perFile[name], n)
		}
	}
	if len(perFile) != len(want) {
		t.Errorf("articles stored from %v, want only %v", perFile, want)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d files rejected", len(bad))) {
		t.Errorf("summary does not count %d rejected files:\n%s", len(bad), lines[len(lines)-2:])
	}
}
