package extract

import (
	"os"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

func TestDbgText(t *testing.T) {
	txt := os.Getenv("DBG_TEXT")
	if txt == "" {
		t.Skip()
	}
	x := New(actor.Default())
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	d := x.newDoc(txt, day)
	for i, s := range d.sents {
		d.findActors(s)
		for _, m := range s.actors {
			t.Logf("  actor %q kind=%s %s/%s", m.Text, m.Kind, m.Actor.Country, m.Actor.Role)
		}
		for _, tr := range x.lex.Match(s.words) {
			t.Logf("  trigger %q %s (%s)", s.toks[tr.Head].Text, tr.Entry.Code, tr.Entry.Pattern)
		}
		for _, e := range d.codeSentence(i) {
			t.Logf("  EVENT %s -> %v %s", e.src.Country, e.tgt, e.code)
		}
	}
}
