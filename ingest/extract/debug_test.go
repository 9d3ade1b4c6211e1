package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestDebugSentence prints the actors, triggers and events of the corpus
// sentences containing $DEV_SENT, for working on the rules.
func TestDebugSentence(t *testing.T) {
	q := os.Getenv("DEV_SENT")
	if q == "" {
		t.Skip("set DEV_SENT to a phrase of the corpus")
	}
	_, arts := MustArticles(t, corpus)
	x := New(actor.Default())
	for _, a := range arts {
		if !strings.Contains(a.Body, q) {
			continue
		}
		d := x.newDoc(a.Body, a.Published)
		for i, s := range d.sents {
			d.findActors(s)
			evs := d.codeSentence(i)
			d.done = append(d.done, evs...)
			d.remember(s)
			if !strings.Contains(s.span.Text, q) {
				continue
			}
			t.Logf("sentence: %s", s.span.Text)
			for _, m := range s.actors {
				t.Logf("  actor %q kind=%s %s/%s resolved=%v", m.Text, m.Kind, m.Actor.Country, m.Actor.Role, m.Resolved)
			}
			for _, tr := range x.lex.Match(s.words) {
				t.Logf("  trigger %q %s (%s)", s.toks[tr.Head].Text, tr.Entry.Code, tr.Entry.Pattern)
			}
			for _, tx := range s.times {
				t.Logf("  time %q %s", tx.Text, tx.Date)
			}
			for _, e := range evs {
				tg := "null"
				if e.tgt != nil {
					tg = e.tgt.Country + "/" + e.tgt.Name
				}
				t.Logf("  EVENT %s/%s -> %s %s %s %q", e.src.Country, e.src.Name, tg, e.code, e.date, e.trigger)
			}
		}
	}
}

// TestDebugText prints the analysis of the text in $DEV_TEXT.
func TestDebugText(t *testing.T) {
	txt := os.Getenv("DEV_TEXT")
	if txt == "" {
		t.Skip("set DEV_TEXT to a text")
	}
	x := New(actor.Default())
	d := x.newDoc(txt, time.Date(2019, 6, 3, 0, 0, 0, 0, time.UTC))
	for i, s := range d.sents {
		d.findActors(s)
		for _, m := range s.actors {
			t.Logf("  actor %q kind=%s %s/%s", m.Text, m.Kind, m.Actor.Country, m.Actor.Role)
		}
		for _, tr := range x.lex.Match(s.words) {
			t.Logf("  trigger %q %s (%s)", s.toks[tr.Head].Text, tr.Entry.Code, tr.Entry.Pattern)
		}
		for _, e := range d.codeSentence(i) {
			tgt := "null"
			if e.tgt != nil {
				tgt = e.tgt.Country
			}
			t.Logf("  EVENT %s -> %s %s %s", e.src.Country, tgt, e.code, e.date)
		}
	}
}
