package ingest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// seed adds the files matching the patterns to the fuzz corpus.
func seed(f *testing.F, patterns ...string) {
	f.Helper()
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if !strings.HasSuffix(file, ".gold.json") {
				f.Add(MustRead(f, file))
			}
		}
	}
}

// checkParse holds every reader to its promises: no panic, every error an
// *Error naming the file, every article sealed, dated and with a folded,
// valid UTF-8 body.
func checkParse(t *testing.T, name string, data []byte) {
	arts, err := Parse(name, data)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), name) {
			t.Fatalf("error is not an *Error naming %s: %v", name, err)
		}
		if !wrapsSentinel(err) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
	}
	for _, a := range arts {
		switch {
		case a.ID == "" || a.Path != name:
			t.Fatalf("article not sealed or without path: %+v", a)
		case a.Published.IsZero():
			t.Fatalf("article without a date: %+v", a)
		case !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title):
			t.Fatalf("invalid UTF-8: %q", a.Body)
		case a.Body == "":
			t.Fatalf("empty body: %+v", a)
		}
		for _, p := range strings.Split(a.Body, "\n\n") {
			if p == "" || p != foldSpace(p) {
				t.Fatalf("paragraph not folded: %q in %q", p, a.Body)
			}
		}
	}
}

func wrapsSentinel(err error) bool {
	for _, s := range []error{ErrEmpty, ErrBinary, ErrEncoding, ErrTooLarge, ErrNoDate, ErrNoText, ErrFormat} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func FuzzParseText(f *testing.F) {
	seed(f, "../testdata/articles/*.txt", "testdata/parse/text-*/*")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.txt", data) })
}

func FuzzParsePlain(f *testing.F) {
	seed(f, "../testdata/articles/myanmar-*.txt", "testdata/parse/text-latin1/*", "testdata/parse/text-nodate/*")
	f.Add([]byte("Title\n\nFeb. 3, 2020\n\nBody one.\n\nBody two.\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.text", data) })
}

func FuzzParseHTML(f *testing.F) {
	seed(f, "../testdata/articles/*.html", "testdata/parse/html-*/*")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.html", data) })
}

func FuzzParseJSON(f *testing.F) {
	seed(f, "../testdata/articles/*.json", "testdata/parse/json-*/*")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.json", data) })
}

func FuzzParseFeed(f *testing.F) {
	seed(f, "testdata/parse/feed-*/*")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.rss", data) })
}

// FuzzParseSniff reads any content as standard input.
func FuzzParseSniff(f *testing.F) {
	seed(f, "../testdata/articles/*", "testdata/parse/*/*")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "-", data) })
}

func FuzzParseDateLine(f *testing.F) {
	for _, s := range []string{"June 03, 2019", "2019-06-03", "17 September 2018", "Fri 28 Feb 2020 13:20 GMT",
		"Sun 24 Jul 2022 11:05 BST", "18/02/2022 - 15:32", "2023-05-12T15:20:00+03:00", "Feb. 3, 2020",
		"Mon, 02 Jan 2006 15:04:05 -0700", "Published: Feb. 3, 2020 at 9:15 a.m. EST", "12:00 UTC+3 12 June 2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDateLine(s)
		if !ok {
			return
		}
		if got.Year() < 1800 || got.Year() > 2200 {
			t.Fatalf("%q: year %d", s, got.Year())
		}
		// A date line reads the same with other spacing.
		again, ok2 := ParseDateLine("  " + s + " ")
		if !ok2 || !again.Equal(got) {
			t.Fatalf("%q: %v, padded %v %v", s, got, again, ok2)
		}
	})
}
