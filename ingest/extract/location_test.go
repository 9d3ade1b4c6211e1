package extract

import (
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

func TestEventLocation(t *testing.T) {
	x := New(actor.Default())
	pub := time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ name, text, want string }{
		{"after in", "Russian warplanes bombed a market in Idlib on Monday.", "Idlib"},
		{"town over state", "In Egypt, Egyptian troops attacked militants in the city of Alexandria on Sunday.", "Alexandria"},
		{"state after in", "Sudanese army forces fought rebels in Sudan on Monday.", "Sudan"},
		{"state as target", "The United States imposed sanctions on Myanmar on Monday.", ""},
		{"possessive", "Russia and Turkey agreed to halt fighting in Syria's Idlib region.", "Idlib"},
		{"metonym is no place", "Moscow accused Kyiv of shelling civilians.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := x.ExtractText(tc.text, pub)
			if len(evs) == 0 {
				t.Skipf("no event coded in %q", tc.text)
			}
			if got := evs[0].Location; got != tc.want {
				t.Errorf("location of %q = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestEventLocationCarried(t *testing.T) {
	x := New(actor.Default())
	pub := time.Date(2019, 4, 7, 0, 0, 0, 0, time.UTC)
	text := "Haftar's forces advanced on Tripoli on Saturday. The UN mission condemned the offensive on Sunday."
	evs := x.ExtractText(text, pub)
	for _, e := range evs {
		if e.Mentions[0].Sentence != "The UN mission condemned the offensive on Sunday." {
			continue
		}
		if e.Location != "Tripoli" && carryPlace {
			t.Errorf("carried location = %q, want Tripoli", e.Location)
		}
	}
}
