package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/ingest/actor"
)

// FuzzParseExtract follows the path ingest takes with a file of any format:
// read it with ingest.Parse, then extract every article. FuzzExtract feeds
// the extractor plain text on a fixed day; this target also gives it the
// titles, paragraph breaks and publication times the readers produce, from
// HTML, JSON and feeds as well as text.
//
// Extraction must be deterministic: the crash-safety check of ingest compares
// a stored article with a fresh extraction of it.
func FuzzParseExtract(f *testing.F) {
	for _, pattern := range []string{"../../testdata/articles/*", "../testdata/parse/*/*"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if strings.HasSuffix(p, ".gold.json") || strings.HasSuffix(p, ".md") {
				continue
			}
			if b, err := os.ReadFile(p); err == nil {
				f.Add(filepath.Ext(p), b)
			}
		}
	}
	x := New(actor.Default())
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		if len(ext) > 8 || strings.ContainsAny(ext, "/\\\x00") {
			return // only the extension is meant to vary, not the path
		}
		arts, _ := ingest.Parse("fuzz"+ext, data)
		for _, a := range arts {
			evs := x.Extract(a)
			checkEvents(t, a.Body, evs)
			for _, e := range evs {
				if e.Date.IsZero() {
					t.Fatalf("event without a date: %+v", e)
				}
				if m := e.Mentions[0]; m.ArticleID != a.ID {
					t.Fatalf("mention of article %q, want %q", m.ArticleID, a.ID)
				}
			}
			if again := x.Extract(a); !reflect.DeepEqual(evs, again) {
				t.Fatalf("extraction is not deterministic:\n%+v\n%+v", evs, again)
			}
		}
	})
}

// Found by FuzzParseExtract: two actors inside one token gave mentions that
// overlapped, and the words between them were sliced backwards.
func TestActorsInOneToken(t *testing.T) {
	x := New(actor.Default())
	for _, text := range []string{"000 Sudan's'Burhan And Sudan fled", "Sudan's'Burhan and Russia's'Putin met."} {
		checkEvents(t, text, x.ExtractText(text, day))
	}
}
