package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestPrecisionRules checks, on made-up sentences, the rules that keep
// one act from being coded twice and words that only look like triggers
// from being coded at all.
func TestPrecisionRules(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name string
		text string
		want []want
		not  []want
	}{
		{"a noun naming the act is the act of the verb with a target",
			"Turkish air strikes pounded Armenia on Monday.",
			[]want{{"TUR", "ARM", "19"}}, []want{{"TUR", "-", "19"}}},
		{"a pledge to the other party is not also one to oneself",
			"Under a plan read out by Kenyan Foreign Minister Alfred Mutua and his Ugandan counterpart, Nairobi and Kampala pledged to build a road.",
			[]want{{"KEN", "UGA", "03"}}, []want{{"KEN", "KEN", "03"}}},
		{"in advance is a time adverb",
			"The Kremlin said Russia had announced its decision well in advance.",
			nil, []want{{"RUS", "-", "19"}}},
		{"seeking shelter is flight, not an appeal",
			"Hundreds of Syrians displaced by the bombing seek shelter at the Jordanian border.",
			nil, []want{{"SYR", "-", "02"}}},
		{"pressing a campaign appeals to nobody",
			"Witnesses reported shelling on Friday as the Ethiopian army pressed its campaign to drive rebels out of the town.",
			nil, []want{{"ETH", "-", "02"}}},
		{"housing refugees is no meeting",
			"Lebanon already hosts about 1.5 million Syrians.",
			nil, []want{{"LBN", "SYR", "04"}}},
		{"a participle after the attack tells its result",
			"A Turkish missile shot down an Armenian helicopter near Georgian territory on Monday, killing three soldiers.",
			[]want{{"TUR", "ARM", "19"}}, []want{{"ARM", "-", "19"}}},
		{"a chain of participles describes the assault",
			"Russia began an assault on Georgia on Friday, striking airports with missiles and sending ground troops across the border.",
			[]want{{"RUS", "GEO", "19"}}, []want{{"RUS", "-", "15"}, {"RUS", "RUS", "19"}}},
		{"a compound adjective after an article makes a noun",
			"Clashes between Syrian troops and rebels killed six people, according to a Britain-based monitor.",
			nil, []want{{"GBR", "-", "09"}, {"SYR", "-", "09"}}},
		{"a joint act of three parties is coded once",
			"The leaders of Kenya, Uganda and Tanzania agreed on Monday on a plan to build a railway.",
			[]want{{"KEN", "UGA", "05"}}, []want{{"KEN", "TZA", "05"}}},
		{"a verb joined to a thing's relative clause has the thing as subject",
			"The Ethiopian assault has strained the accord which created a buffer zone and called for talks.",
			nil, []want{{"ETH", "-", "02"}}},
		{"a compound noun in -s is no reporting verb",
			"Hamas gunmen broke through the fence on Sunday, attacking army posts and towns.",
			[]want{{"PSE", "-", "19"}}, []want{{"PSE", "-", "01"}}},
		{"observation posts report nothing",
			"Turkey reinforced its observation posts in Syria on Sunday.",
			nil, []want{{"TUR", "-", "01"}, {"SYR", "-", "01"}}},
		{"a verb in -s with a clause still reports",
			"The army reports that Sudanese rebels attacked Chad.",
			[]want{{"SDN", "TCD", "19"}}, nil},
		{"refugees housed before the verb are no meeting",
			"Jordan, which fears more refugees on top of the 1.3 million Syrians it already hosts, closed the border.",
			nil, []want{{"JOR", "-", "04"}, {"JOR", "SYR", "04"}}},
		{"verbs listed after an infinitive are terms, not acts",
			"Kenya said the accord commits Somali forces to allow aid deliveries, restore water supplies and withdraw from schools.",
			nil, []want{{"SOM", "-", "16"}, {"SOM", "SOM", "16"}, {"SOM", "-", "08"}, {"SOM", "SOM", "08"}}},
		{"a bare verb after and shares the modal before it",
			"Britain and its allies will close their bases in Mali and redeploy their troops to Niger.",
			nil, []want{{"GBR", "-", "15"}, {"GBR", "NER", "15"}, {"MLI", "-", "15"}}},
		{"a past verb after and is done",
			"Britain closed its bases and redeployed its troops to Niger.",
			[]want{{"GBR", "-", "15"}}, nil},
		{"a spokesman giving a toll is a source, not a statement",
			"A Nigerian army spokesman said 12 of its soldiers had died.",
			nil, []want{{"NGA", "-", "01"}}},
		{"a figure after that is still a figure",
			"The Kenyan government says that more than 3,000 people are homeless.",
			nil, []want{{"KEN", "-", "01"}}},
		{"a report without a figure stays a statement",
			"A Nigerian army spokesman said the situation was calm.",
			[]want{{"NGA", "-", "01"}}, nil},
		{"the fighting a truce ends is background",
			"A truce between Chad and Niger took hold on Friday, bringing to an end weeks of the heaviest fighting between the two sides.",
			nil, []want{{"TCD", "NER", "19"}, {"NER", "TCD", "19"}}},
		{"the weapons a verb fires are its object, not a second attack",
			"On Sunday, the Somali armed group al-Shabaab fired rockets and artillery shells at Kenyan positions near the border.",
			[]want{{"SOM", "KEN", "19"}}, []want{{"SOM", "SOM", "19"}}},
		{"a toll after an attack is its result",
			"Syrian jets fired missiles at Turkish troops, killing five.",
			[]want{{"SYR", "TUR", "19"}}, []want{{"SYR", "-", "19"}}},
		{"a participle describing the speaker is no act",
			"Kenyan troops fighting in Somalia said on Monday that the road was open.",
			nil, []want{{"KEN", "SOM", "19"}}},
		{"a participle with its own object still acts",
			"Kenyan troops attacking Somalia said on Monday that the road was open.",
			[]want{{"KEN", "SOM", "19"}}, nil},
		{"an armed group takes the country it operates in, not the story's",
			"Kenya condemned the attack. Islamist fighters advanced on Mogadishu on Monday.",
			[]want{{"SOM", "SOM", "19"}}, []want{{"KEN", "SOM", "19"}}},
		{"a venue named before the group is not where it operates",
			"Ukraine welcomed the talks. A truce was reached in Minsk by Kyiv and the rebels in September.",
			nil, []want{{"BLR", "UKR", "05"}, {"UKR", "BLR", "05"}}},
		{"an adjective before its noun judges the thing, not the clause's subject",
			"Sudan's foreign minister said Khartoum had been handed unacceptable terms.",
			[]want{{"SDN", "-", "11"}}, []want{{"SDN", "SDN", "11"}}},
		{"a predicative adjective judges the clause's subject",
			"Sudan's foreign minister said Chad's demands were unacceptable.",
			[]want{{"SDN", "TCD", "11"}}, nil},
		{"what someone described as names a thing, states nothing",
			"Markets opened on Friday, after what the Sudanese foreign ministry described as a quiet night.",
			nil, []want{{"SDN", "-", "01"}}},
		{"a description of one's own stays a statement",
			"President Omar al-Bashir's office described the deal as lasting.",
			[]want{{"SDN", "-", "01"}}, nil},
		{"a possessive in an apposition is no subject",
			"Russia, Belarus's closest ally, urged all parties to show restraint.",
			[]want{{"RUS", "-", "02"}}, []want{{"BLR", "-", "02"}}},
		{"telling the national press addresses no party",
			"Shoigu told Russian news agencies that the talks had gone well.",
			[]want{{"RUS", "-", "01"}}, []want{{"RUS", "RUS", "01"}}},
		{"a name in the report after told reporters is not the one told",
			"A senior Turkish official told reporters that Ankara would review the plan.",
			nil, []want{{"TUR", "TUR", "01"}}},
		{"a party told is still the target",
			"Kenya told Chad on Monday that the border was open.",
			[]want{{"KEN", "TCD", "01"}}, nil},
	}
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
