package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestDebugSentenceMisses prints the actors and triggers of each labelled
// sentence whose root is missed, for sorting the misses into kinds
// (lexicon gap, actor gap, filter). Set DEV_MISSES=1.
func TestDebugSentenceMisses(t *testing.T) {
	if os.Getenv("DEV_MISSES") == "" {
		t.Skip("set DEV_MISSES=1")
	}
	f, err := os.Open(sentenceRecords)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	x := New(actor.Default())
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct {
			Text, Event string
			NoEvents    bool `json:"noevents"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.NoEvents {
			continue
		}
		want := ploverRoots[rec.Event]
		hit := false
		for _, e := range x.ExtractText(rec.Text, day) {
			hit = hit || slices.Contains(want, e.Root())
		}
		if hit {
			continue
		}
		t.Logf("MISS %s %v | %s", rec.Event, want, rec.Text)
		d := x.newDoc(rec.Text, day)
		for i, s := range d.sents {
			d.findActors(s)
			for _, m := range s.actors {
				t.Logf("  actor %q %s/%s", m.Text, m.Actor.Country, m.Actor.Role)
			}
			for _, tr := range x.lex.Match(s.words) {
				t.Logf("  trigger %q %s (%s)", s.toks[tr.Head].Text, tr.Entry.Code, tr.Entry.Pattern)
			}
			for _, e := range d.codeSentence(i) {
				tg := "null"
				if e.tgt != nil {
					tg = e.tgt.Country
				}
				t.Logf("  EVENT %s -> %s %s %q", e.src.Country, tg, e.code, e.trigger)
			}
			d.done = append(d.done, d.codeSentence(i)...)
			d.remember(s)
		}
	}
}
