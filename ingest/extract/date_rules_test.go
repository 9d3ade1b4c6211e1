package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestDateCarry checks how a sentence without a time of its own takes one
// from the sentences around it, on made-up texts published on Monday
// 2019-06-03.
func TestDateCarry(t *testing.T) {
	x := New(actor.Default())
	tests := []dateCase{
		{"the same actor goes on at the time just told",
			"Chadian troops struck a convoy in Niger on Saturday. Chad apologized to Niger.", "apologized", "05", "2019-06-01"},
		{"a new actor's act is of the day of writing",
			"Chad attacked Niger on Saturday. Kenya condemned the violence.", "Kenya", "11", "2019-06-03"},
		{"an act carried by another sentence does not carry on",
			"Chad attacked Niger on Saturday. Chad apologized to Niger. Chad praised Niger.", "praised", "05", "2019-06-03"},
		{"a present perfect is dated by the next sentence telling the same act",
			"Sudan and Chad have signed a border accord. The accord was signed late on Saturday in Cairo.", "have signed", "05", "2019-06-01"},
		{"a present perfect is dated by the next sentence's actor of the same country",
			"Iraq has rejected the charges. Iraqi Foreign Minister Fuad Hussein called them baseless on Sunday.", "has rejected", "12", "2019-06-02"},
		{"a present perfect beside another act of its kind is not dated by that act",
			"Turkey has shelled Syrian army positions in response to a rocket attack by Syrian forces. The attack on Saturday killed two soldiers.",
			"has shelled", "19", "2019-06-03"},
		{"since then dates from the time just told",
			"Fighting broke out in Darfur on April 15. Sudanese rebels have since seized three towns.", "have since", "19", "2019-04-15"},
		{"a past perfect takes the last past time of the story",
			"Putin and Erdogan agreed on a truce late on Saturday. Joint patrols will start on June 10. Erdogan said he had signed the truce.",
			"had signed", "05", "2019-06-01"},
		{"a second predicate goes on with the sentence's subject",
			"Chadian troops shelled a Nigerien border post on Saturday. Chad apologized, saying the post had been hit by mistake, and offered to pay compensation.",
			"offered", "03", "2019-06-01"},
		{"one standing beside the last speaker speaks on the same occasion",
			"Sisi met Abiy in Cairo on Thursday. Speaking after the talks, Sisi praised the Ethiopian leader. Abiy, standing beside him, accused Sudan of arming rebels.",
			"accused", "11", "2019-05-30"},
		{"beside a place is no occasion",
			"Sisi met Abiy in Cairo on Thursday. Kenyan troops beside the border accused Somalia of arming rebels.",
			"accused", "11", "2019-06-03"},
		{"after a sentence that coded nothing the subject goes on at its day",
			"At a summit in Cairo on Thursday, Sisi said Egypt could not stay militarily engaged there. He rejected the Ethiopian proposal.",
			"rejected", "12", "2019-05-30"},
		{"the same occasion dates an act at it",
			"At a summit in Cairo on Thursday, Sisi said Egypt backed the truce. Egypt will host talks with Sudan next month. During the same summit, Sisi criticised Ethiopia.",
			"criticised", "11", "2019-05-30"},
		{"an act named again with its time is dated by it",
			"Chad has closed its border with Sudan in response to a raid by Sudanese militias. The raid late on Friday killed ten villagers.",
			"in response", "19", "2019-05-31"},
		{"only a day of the news goes on, not a year of background",
			"Chad invaded Niger in 2015. Chad apologized to Niger.", "apologized", "05", "2019-06-03"},
		{"a present tense stays at the day of writing",
			"Chad attacked Niger on Saturday. Chad accuses Niger of harbouring rebels.", "accuses", "11", "2019-06-03"},
	}
	runDateCases(t, x, tests)
}

// TestDateSubordinate checks the dating of acts in a clause opened by
// "after" or "before", on made-up texts published on Monday 2019-06-03.
func TestDateSubordinate(t *testing.T) {
	x := New(actor.Default())
	runDateCases(t, x, []dateCase{
		{"a day after puts the clause a day before the main act",
			"A truce took effect in Darfur, a day after Chad and Niger signed an accord in Paris.", "signed", "05", "2019-06-02"},
		{"the distance is no time of the main act",
			"Egypt recalled its envoy from Israel, a day after Israeli troops raided a camp in Gaza.", "recalled", "16", "2019-06-03"},
		{"hours after midnight is the evening before",
			"A truce took effect at midnight on Saturday, hours after Chad and Niger signed an accord in Paris.", "signed", "05", "2019-05-31"},
		{"the distance counts from the event the subject names",
			"Chad and Niger signed an accord on Thursday. Rebels attacked Abeche on Saturday. The accord came a day after Chad said it had captured Faya from rebels.",
			"captured", "19", "2019-05-29"},
		{"a bare after takes the time the next sentence gives the same act",
			"Peacekeepers entered Darfur on Monday after Chad and Niger signed an accord. The Chadian president said late on Sunday that the two sides had agreed to a truce.",
			"signed", "05", "2019-06-02"},
		{"a clause with a time of its own keeps it",
			"The strike came hours after Chad and Niger signed an accord in Paris on Friday.", "signed", "05", "2019-05-31"},
	})
}

// dateCase is an event of root in the sentence holding quote, and its
// date.
type dateCase struct {
	name, text, quote, root, date string
}

func runDateCases(t *testing.T, x *Extractor, tests []dateCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := x.ExtractText(tt.text, day)
			for _, e := range evs {
				if e.Root() == tt.root && strings.Contains(e.Mentions[0].Sentence, tt.quote) {
					if got := e.Date.String(); got != tt.date {
						t.Errorf("date %s, want %s", got, tt.date)
					}
					return
				}
			}
			t.Fatalf("no %s event in the sentence with %q: %v", tt.root, tt.quote, summary(evs))
		})
	}
}

// TestDateUndated checks that an article without a date gets no date
// counted from the day it is read.
func TestDateUndated(t *testing.T) {
	x := New(actor.Default())
	evs := x.ExtractText("A truce took effect in Darfur, a day after Chad and Niger signed an accord in Paris.", time.Time{})
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	for _, e := range evs {
		if !e.Date.IsZero() {
			t.Errorf("%s dated %s, want no date", e.Root(), e.Date)
		}
	}
}
