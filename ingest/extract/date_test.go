package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestDateRules checks which time expression governs a trigger, on
// made-up sentences published on Monday 2019-06-03.
func TestDateRules(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name, text, root, date string
	}{
		{"a time modifying a noun dates that noun only",
			"Iran blamed Iraq for the collapse of the 2018 deal.", "11", "2019-06-03"},
		{"a possessive time dates an act of the same kind",
			"Russia said on Monday that its forces had destroyed a Ukrainian warship, in its first acknowledgement of Saturday's strike.",
			"19", "2019-06-01"},
		{"the reporting clause dates a reported act without a time of its own",
			"On Sunday, Sudan's army said it had captured the airport from the RSF.", "19", "2019-06-02"},
		{"a future time names a deadline, not the act",
			"Turkey demanded that Syria withdraw its forces by June 20.", "10", "2019-06-03"},
		{"a later verb owns the time nearer to it",
			"Putin offered his condolences to Erdogan over Turkish soldiers killed in an air strike last week.", "01", "2019-06-03"},
		{"the same kind of act shares the time",
			"Russia and Ukraine joined the initiative in separate accords with Turkey signed in July 2018.", "05", "2018-07"},
		{"a definite event noun carries the time of its event",
			"Putin and Erdogan met in Moscow on Thursday. Speaking after the talks, Putin voiced hope for peace.",
			"01", "2019-05-30"},
		{"an event noun that is only the object does not carry its time",
			"Chad attacked Kenya on Thursday. Norway condemned the attack.", "11", "2019-06-03"},
		{"a time cut out of a longer word is no time",
			"Russia has suspended its part in the year-old deal, the Kremlin said on Saturday.", "16", "2019-06-01"},
		{"a present perfect does not carry",
			"Putin and Erdogan met in Moscow on Thursday. Turkey has called for an end to the talks.", "02", "2019-06-03"},
		{"a claim is dated by the act claimed",
			"The Houthis have claimed responsibility for Saturday's drone attack on Saudi Arabia.", "19", "2019-06-01"},
		{"a time in a relative clause dates that clause",
			"Egypt condemned Israel over the civilians who died in a raid on Saturday.", "11", "2019-06-03"},
		{"a time after a second predicate dates that predicate",
			"Chad accused Niger of breaking the truce and said its mission since 2015 had failed.", "11", "2019-06-03"},
		{"two participles of one act share its time",
			"Rebels said they had found the body of a Nigerien soldier kidnapped and presumed killed two years ago.", "18", "2017"},
		{"a time in a subordinate clause with its own verb dates that clause",
			"Kenya recalled its ambassador from Somalia after gunmen ambushed a convoy on Saturday.", "16", "2019-06-03"},
		{"as well as opens no clause",
			"Chad attacked rebels as well as Sudanese militias allied to them on Saturday.", "19", "2019-06-01"},
		{"a time after an event noun and its participle dates that event",
			"Qatar said Egypt bore responsibility under an accord reached with Libya in March.", "10", "2019-06-03"},
		{"a past verb after a noun trigger owns the time nearer to it",
			"Qatar said it was Egypt's responsibility to prevent such attacks under the accord Chad and Niger struck in March.", "10", "2019-06-03"},
		{"opening an event dates an act at that event",
			"Putin and Erdogan met in Sochi on Thursday. Opening the summit, Putin praised Turkey.", "05", "2019-05-30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := x.ExtractText(tt.text, day)
			for _, e := range evs {
				if e.Root() == tt.root {
					if got := e.Date.String(); got != tt.date {
						t.Errorf("date %s, want %s", got, tt.date)
					}
					return
				}
			}
			t.Fatalf("no %s event in %v", tt.root, summary(evs))
		})
	}
}
