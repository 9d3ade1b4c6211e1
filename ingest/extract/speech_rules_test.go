package extract

import (
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestSpeechRules checks who speaks for a report, whose act a reported
// clause is, and when a report is the speaker's own statement (01), on
// made-up sentences.
func TestSpeechRules(t *testing.T) {
	x := New(actor.Default())
	tests := []ruleCase{
		{"the nearest reporting verb speaks for what follows it",
			"Qatar said the talks had been useful, while Egypt said it would send aid to Gaza.",
			[]want{{"EGY", "PSE", "03"}}, []want{{"QAT", "PSE", "03"}}},
		{"coordinated speakers of a report that lays only a duty each make a statement",
			"Kenya and Uganda said the accord commits both armies to allow the delivery of food.",
			[]want{{"KEN", "-", "01"}, {"UGA", "-", "01"}}, nil},
		{"what another party would do is the speaker's statement about it",
			"Armenia suggested that Moscow would take part in monitoring the border.",
			[]want{{"ARM", "RUS", "01"}}, []want{{"RUS", "-", "03"}}},
		{"what another party could do is the speaker's statement about it",
			"Chad said Sudan could attack the border towns.",
			[]want{{"TCD", "SDN", "01"}}, []want{{"SDN", "-", "19"}}},
		{"civilians, their country only guessed, are no party a statement is about",
			"Sudan attacked Chad on Monday. Kenya said civilians could return to the border towns to rebuild their homes.",
			[]want{{"KEN", "-", "01"}}, []want{{"KEN", "SDN", "01"}}},
		{"forces, their country only guessed, are no party a statement is about",
			"Fighting in Somalia continued on Monday. Kenya and Uganda said the accord commits both forces to allow the delivery of food.",
			[]want{{"KEN", "-", "01"}, {"UGA", "-", "01"}}, []want{{"KEN", "SOM", "01"}}},
		{"a party named right after the reporting verb is whom the statement is about",
			"Russia said Turkish troops had been operating alongside militants and denied that its jets had bombed the town.",
			[]want{{"RUS", "TUR", "01"}}, nil},
		{"violence reported by whoever saw it sources the news",
			"Sudanese residents reported air strikes and artillery fire in Omdurman on Friday as the army pressed its campaign to drive the rebels out.",
			nil, []want{{"SDN", "-", "01"}}},
		{"a duty laid on another party is a demand, not also a statement",
			"The ICRC said Kenyan forces must ensure security to allow aid deliveries.",
			[]want{{"IGO", "KEN", "10"}}, []want{{"IGO", "KEN", "01"}}},
		{"they after the reporting verb are the parties speaking",
			"Sudan and Chad said they would set up a joint security corridor.",
			[]want{{"SDN", "TCD", "03"}}, nil},
		{"he after the reporting verb is the person speaking",
			"Putin, who met Erdogan on Monday, said he would visit Damascus.",
			[]want{{"RUS", "SYR", "03"}}, []want{{"TUR", "SYR", "03"}}},
		{"a name after a preposition is no conjunct of the speaker",
			"Drones struck oil fields in Iraq, Turkey's defence ministry said.",
			[]want{{"TUR", "-", "01"}}, []want{{"IRQ", "-", "01"}}},
		{"a state's own plan, announced, is no statement about another party",
			"Kenya said it would send troops to Somalia next month.",
			[]want{{"KEN", "SOM", "13"}}, []want{{"KEN", "SOM", "01"}}},
		{"an act reported after the reporting verb is the act, not a statement",
			"Egypt said Israeli jets had bombed a camp in Rafah.",
			[]want{{"ISR", "PSE", "19"}}, []want{{"EGY", "ISR", "01"}}},
		{"a word of judgement describing the object of a reported act is part of that act",
			"Kenyan army spokesman Paul Njuguna told reporters that the operation aimed to purge the border towns of illegitimate gangs.",
			[]want{{"KEN", "-", "19"}}, []want{{"KEN", "-", "11"}}},
		{"a judgement the speaker states of a reported act is the speaker's",
			"Kenya said the attack by al-Shabaab was illegitimate.",
			[]want{{"KEN", "SOM", "11"}}, nil},
		{"a past verb in a clause of time after would tells of the future, no act",
			"Kenya said it believed Uganda still wanted the pipeline and that the two presidents would discuss it when they met.",
			[]want{{"KEN", "UGA", "01"}}, nil},
		{"a clause of time after a reported act leaves the act reported",
			"Kenya said Ugandan troops attacked the border post when it was unguarded.",
			[]want{{"UGA", "-", "19"}}, []want{{"KEN", "UGA", "01"}}},
	}
	runRuleCases(t, x, tests)
}

// TestSpeakerPronoun checks that a pronoun opening the clause of a
// reporting verb stands for the speakers: "they" for the parties named
// together, "he" for the person, whoever else the story named last.
func TestSpeakerPronoun(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name, text, pronoun string
		want                []string // countries of the subject found at the pronoun's verb
	}{
		{"they are the parties speaking", "Syrian troops shelled a town on Sunday. Kenya and Uganda said they would open a corridor.", "they", []string{"KEN", "UGA"}},
		{"he is the person speaking", "Putin, who met Erdogan on Monday, said he would visit Damascus.", "he", []string{"RUS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := x.newDoc(tt.text, day)
			for _, s := range d.sents {
				d.findActors(s)
			}
			for i, s := range d.sents[:len(d.sents)-1] {
				d.codeSentence(i)
				d.remember(s)
			}
			s := d.sents[len(d.sents)-1]
			d.codeSentence(len(d.sents) - 1)
			i := slices.Index(s.words, tt.pronoun)
			if i < 0 {
				t.Fatalf("no %q in %q", tt.pronoun, s.span.Text)
			}
			var got []string
			for _, a := range d.subject(s, i+1, 0) {
				got = append(got, a.Country)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("speakers of %q = %v, want %v", tt.pronoun, got, tt.want)
			}
		})
	}
}
