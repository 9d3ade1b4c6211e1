package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestGrammarRules checks the rules for subjects, objects and background
// clauses on made-up sentences.
func TestGrammarRules(t *testing.T) {
	x := New(actor.Default())
	tests := []ruleCase{
		{"background participle inside a complement",
			"Iran said Iraq must respect a truce brokered by Qatar and Oman in March.",
			[]want{{"QAT", "OMN", "05"}}, nil},
		{"possessive partner coordinated",
			"Russian Foreign Minister Sergei Lavrov and his Chinese counterpart Wang Yi agreed on Monday to open a corridor.",
			[]want{{"RUS", "CHN", "05"}}, []want{{"CHN", "-", "05"}}},
		{"joint subjects pledge to each other",
			"Kenya and Ethiopia pledged to build a railway.",
			[]want{{"KEN", "ETH", "03"}}, []want{{"KEN", "-", "03"}}},
		{"joint signers with a third party",
			"Envoys of Sudan and Chad signed the accord together with Qatar.",
			[]want{{"SDN", "TCD", "05"}}, nil},
		{"duty laid by the speaker",
			"The Kremlin said Georgia bore responsibility for the incident.",
			[]want{{"RUS", "GEO", "10"}}, []want{{"GEO", "-", "10"}}},
		{"what he called",
			"Armenia attacked Azerbaijan on Sunday. The French president condemned what he called an unprovoked attack.",
			[]want{{"FRA", "ARM", "11"}}, nil},
		{"agent of a condemned act",
			"Germany condemned the strikes by Syria and Russia.",
			[]want{{"DEU", "SYR", "11"}, {"DEU", "RUS", "11"}}, nil},
		{"praise aimed at the attacker",
			"Hezbollah fighters attacked Israel on Saturday. Iran praised the attack.",
			[]want{{"IRN", "LBN", "05"}}, nil},
		{"separate accords with a third party",
			"Kenya and Uganda signed separate accords with Ethiopia on Friday.",
			[]want{{"KEN", "ETH", "05"}, {"UGA", "ETH", "05"}}, []want{{"KEN", "UGA", "05"}}},
		{"mediation between the two sides",
			"Azerbaijan attacked Armenia on Sunday. Georgia offered to mediate between the two sides.",
			[]want{{"GEO", "AZE", "03"}}, nil},
		{"second verb shares the subject",
			"Poland condemned the vote, and urged Hungary to reconsider.",
			[]want{{"POL", "HUN", "02"}}, nil},
		{"agentless passive takes the agent just named",
			"Niger's army seized power on Monday. Several ministers were detained.",
			[]want{{"NER", "NER", "17"}}, nil},
		{"casualty toll is no act",
			"Israel attacked Gaza on Monday. More than 40 people were killed.",
			nil, []want{{"ISR", "PSE", "18"}, {"ISR", "-", "19"}}},
		{"displacement caused by the war",
			"Ethiopian troops attacked Tigray on Monday. The fighting has displaced thousands of Ethiopians.",
			[]want{{"ETH", "ETH", "17"}}, nil},
		{"a target that is the source itself is none",
			"Kenya welcomed the deal and said it hoped for calm.",
			[]want{{"KEN", "-", "05"}}, nil},
		{"a trigger word inside a name is no act",
			"UN Secretary-General Ban Ki-moon welcomed the agreement.",
			nil, []want{{"IGO", "-", "17"}}},
		{"addressee after to",
			"Germany appealed directly to Putin to pull his troops back.",
			[]want{{"DEU", "RUS", "02"}}, []want{{"DEU", "-", "02"}}},
		{"a warning with no addressee takes no partner",
			"Russia attacked Ukraine on Monday. Putin warned that the reality on the ground would decide.",
			nil, []want{{"RUS", "UKR", "13"}}},
		{"forces of a named actor",
			"Ankara blamed the forces of President Bashar al-Assad.",
			[]want{{"TUR", "SYR", "11"}}, []want{{"TUR", "TUR", "11"}}},
		{"ally before a name",
			"The US state department said it stood by its Nato ally Turkey.",
			[]want{{"USA", "TUR", "05"}}, []want{{"USA", "IGO", "05"}}},
		{"victims after a casualty word",
			"The talks followed an air strike by Syrian government forces that killed 33 Turkish soldiers.",
			[]want{{"SYR", "TUR", "19"}}, []want{{"SYR", "-", "19"}}},
		{"places count for the partner country",
			"Explosions were heard in Kyiv, Kharkiv and Odesa. Russian forces seized the airport.",
			[]want{{"RUS", "UKR", "19"}}, nil},
		{"the speaker is not the subject of a reported displacement",
			"Syrian forces attacked Idlib on Monday. The United Nations says 200,000 Syrians have fled.",
			[]want{{"SYR", "SYR", "17"}}, []want{{"IGO", "SYR", "17"}}},
		{"the displaced people's own state wages the war",
			"Turkish jets bombed Syrian forces on Monday. The fighting has displaced a million Syrians.",
			[]want{{"SYR", "SYR", "17"}}, []want{{"TUR", "SYR", "17"}}},
		{"them is the group just named together",
			"Germany condemned the air strikes by the Syrian regime and its backer Russia. Germany also urged them to halt.",
			[]want{{"DEU", "SYR", "02"}, {"DEU", "RUS", "02"}}, []want{{"DEU", "-", "02"}}},
		{"a stretch of fighting is no act",
			"The truce ended 11 days of fighting between Israel and Hamas.",
			nil, []want{{"ISR", "PSE", "19"}, {"PSE", "ISR", "19"}}},
		{"backing set off by commas is stative",
			"Syrian troops, backed by Russian warplanes, advanced on Idlib.",
			nil, []want{{"RUS", "SYR", "03"}}},
		{"the two leaders are the two people named",
			"Syria and Syria's army were the talk of the summit about Syria. Iraqi President Barham Salih met Turkish President Recep Tayyip Erdogan on Monday. The two leaders signed a deal.",
			[]want{{"IRQ", "TUR", "05"}}, []want{{"SYR", "IRQ", "05"}, {"SYR", "TUR", "05"}}},
		{"a second finite verb is no part of a stance's complement",
			"Norway condemned the killings and urged Chad to stop the fighting.",
			[]want{{"NOR", "TCD", "02"}}, nil},
		{"a second predicate closes the first verb's object",
			"Norway welcomed the truce and called on Chad and Niger to begin talks.",
			[]want{{"NOR", "-", "05"}, {"NOR", "TCD", "02"}, {"NOR", "NER", "02"}}, []want{{"NOR", "TCD", "05"}}},
		{"a predicate after a comma shares the subject",
			"On Friday, Kenyan President William Ruto welcomed the accord, thanked Qatar for its help and pledged aid.",
			[]want{{"KEN", "QAT", "05"}}, nil},
		{"a venue is not the one met",
			"Kenya and Ethiopia held talks in the Kremlin on Monday.",
			[]want{{"KEN", "ETH", "04"}}, []want{{"KEN", "RUS", "04"}, {"ETH", "RUS", "04"}}},
		{"a place after in is still hit by force",
			"Russia launched air strikes in Idlib.",
			[]want{{"RUS", "SYR", "19"}}, nil},
		{"an apology is made to the side wronged",
			"Chad shelled Niger on Monday. Chad apologized.",
			[]want{{"TCD", "NER", "05"}}, []want{{"TCD", "-", "05"}}},
		{"the pronoun after the addressees is the one telling",
			"Kenya told Chad and Niger that it rejected the plan.",
			[]want{{"KEN", "TCD", "12"}, {"KEN", "NER", "12"}}, []want{{"NER", "-", "12"}, {"KEN", "-", "12"}}},
		{"the speaker is not the one acted upon in a reported passive",
			"Chad's army said two drones were shot down by Niger.",
			[]want{{"NER", "-", "19"}}, []want{{"NER", "TCD", "19"}}},
		{"modifier noun is no act",
			"Britain sent a carrier strike group to Cyprus.",
			nil, []want{{"GBR", "CYP", "19"}}},
	}
	runRuleCases(t, x, tests)
}

// ruleCase is a made-up text with the events a rule must produce (want)
// and must not produce (not), extracted as of [day].
type ruleCase struct {
	name string
	text string
	want []want
	not  []want
}

func runRuleCases(t *testing.T, x *Extractor, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := x.ExtractText(tt.text, day)
			for _, w := range tt.want {
				if !has(evs, w) {
					t.Errorf("missing %v in %v", w, summary(evs))
				}
			}
			for _, w := range tt.not {
				if has(evs, w) {
					t.Errorf("unwanted %v in %v", w, summary(evs))
				}
			}
			checkEvents(t, tt.text, evs)
		})
	}
}
