package extract

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// The arrays of one article's doc are reused by the next article: the
// events of an article must not change when others are read after it, and
// an article must code the same after a longer one as on its own.
func TestReusedBuffersKeepEachArticleApart(t *testing.T) {
	x := New(actor.Default())
	day := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	short := "Russian forces shelled Kharkiv on Monday, Ukraine's military said. " +
		"Turkey urged Moscow and Kyiv to return to talks. " +
		"The two sides agreed on Tuesday to exchange prisoners." // the tallies of sides
	long := strings.Repeat("Israeli jets struck Hezbollah positions in southern Lebanon on Sunday, the army said. "+
		"Egypt and Qatar called on Israel and Hamas to agree a ceasefire in Gaza. "+
		"The Sudanese army accused the Rapid Support Forces of attacking civilians in Khartoum. ", 8)

	dump := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := x.ExtractText(short, day)
	if len(first) == 0 {
		t.Fatal("no events in the short article; the test would compare nothing")
	}
	want := dump(first)
	if len(x.ExtractText(long, day)) == 0 {
		t.Fatal("no events in the long article")
	}
	if got := dump(first); got != want {
		t.Errorf("events of an article changed when the next was read:\n%s\nwant\n%s", got, want)
	}
	if got := dump(x.ExtractText(short, day)); got != want {
		t.Errorf("article coded after a longer one:\n%s\nwant, as on its own,\n%s", got, want)
	}
}

// Each sentence's actors are its own part of the article's array of
// mentions: a sentence read when the array grows keeps the same actors as
// when the array has room from the start, and no part runs into the next.
func TestSentenceActorsStayApartAsTheArrayGrows(t *testing.T) {
	x := New(actor.Default())
	day := time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
	text := strings.Repeat("Russian forces shelled Kharkiv and Odesa on Monday, Ukraine's military said. "+
		"Turkey and Qatar urged Moscow and Kyiv to return to talks in Istanbul. ", 12)
	run := func(room int) [][]mention {
		d := x.newDoc(text, day)
		d.bufs.mentions, d.bufs.places = make([]mention, 0, room), make([]placeMention, 0, room)
		d.run()
		var out [][]mention
		for _, s := range d.sents {
			if cap(s.actors) != len(s.actors) {
				t.Errorf("sentence %q: actors have room past their end (%d of %d)", s.span.Text, len(s.actors), cap(s.actors))
			}
			out = append(out, slices.Clone(s.actors))
		}
		if d.ad != nil {
			d.ad.Release()
			d.ad = nil
		}
		d.release()
		return out
	}
	grown, roomy := run(0), run(4096)
	n := 0
	for i := range grown {
		n += len(grown[i])
		if !reflect.DeepEqual(grown[i], roomy[i]) {
			t.Errorf("sentence %d: actors %v when the array grew, %v with room", i, grown[i], roomy[i])
		}
	}
	if n < 24 {
		t.Fatalf("%d actors in the article; the array should have grown several times", n)
	}
}
