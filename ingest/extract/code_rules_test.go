package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestCodeRules checks the rules that choose whether and how a trigger
// is coded, on invented sentences.
func TestCodeRules(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name string
		text string
		want []want
		not  []want
	}{
		{"a past form takes a modifier head as its object",
			"Kenyan police confiscated weapons on Monday.",
			[]want{{"KEN", "-", "17"}}, nil},
		{"a stance participle after be is no passive",
			"Kenya is opposed to Ethiopian mediation.",
			[]want{{"KEN", "ETH", "12"}}, nil},
		{"a stance participle with by is still a passive",
			"Kenya was opposed by Ethiopia.",
			nil, []want{{"KEN", "ETH", "12"}}},
		{"a phase verb carries its infinitive",
			"Norway continued to send arms to Chad.",
			[]want{{"NOR", "TCD", "07"}}, nil},
		{"a negated phase verb carries nothing",
			"Norway did not continue to send arms to Chad.",
			nil, []want{{"NOR", "TCD", "07"}}},
		{"a decision taken is the act",
			"Kenya decided to expel Ugandan diplomats.",
			[]want{{"KEN", "UGA", "16"}}, nil},
		{"an attempt at force is the act",
			"Chadian troops tried to storm Niger's border post.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"an attempt to cooperate is not done",
			"Chad tried to send aid to Niger.",
			nil, []want{{"TCD", "NER", "07"}}},
		{"a planned attack is a threat",
			"Greece plans to attack Turkey.",
			[]want{{"GRC", "TUR", "13"}}, []want{{"GRC", "TUR", "19"}}},
		{"a plan denied is none",
			"Greece does not plan to attack Turkey.",
			nil, []want{{"GRC", "TUR", "13"}, {"GRC", "TUR", "19"}}},
		{"a hope to cooperate is an intent",
			"Kenya hopes to sign a trade deal with Ethiopia.",
			[]want{{"KEN", "ETH", "03"}}, nil},
		{"a closing attribution reports the subject's plan",
			"Kenya's foreign minister will visit Uganda in June, the Ugandan embassy said.",
			[]want{{"KEN", "UGA", "03"}}, []want{{"UGA", "UGA", "03"}}},
		{"a speaker's forecast of another's act is no plan",
			"Kenya said that Uganda will visit Ethiopia in June.",
			nil, []want{{"UGA", "ETH", "03"}}},
		{"a withdrawal held out on a condition is a threat",
			"Kenya will withdraw its troops from Somalia unless Mogadishu holds elections.",
			[]want{{"KEN", "-", "13"}}, []want{{"KEN", "-", "16"}}},
		{"an attack held out on a condition is a threat",
			"Chad may attack Niger if Niamey closes the border.",
			[]want{{"TCD", "NER", "13"}}, []want{{"TCD", "NER", "19"}}},
		{"help on a condition is no threat",
			"Kenya will send aid to Uganda if Kampala asks.",
			nil, []want{{"KEN", "UGA", "13"}}},
		{"a noun announced is the announcer's act",
			"Italy announced a suspension of air links with Serbia on Wednesday.",
			[]want{{"ITA", "SRB", "16"}}, []want{{"ITA", "-", "01"}}},
		{"a noun launched is the launcher's act",
			"The Chadian army launched a fresh offensive against Niger.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"a noun not announced is no act",
			"Italy did not announce a suspension of air links with Serbia.",
			nil, []want{{"ITA", "SRB", "16"}}},
		{"fighting named as a cause is coded",
			"Russia closed its border with Georgia because of fighting between Armenia and Azerbaijan.",
			[]want{{"RUS", "GEO", "16"}, {"ARM", "AZE", "19"}}, nil},
		{"an act after a temporal preposition is the main subject's",
			"Kenya sent troops to the border after accusing Uganda of shelling its villages.",
			[]want{{"KEN", "UGA", "11"}}, []want{{"UGA", "-", "19"}}},
		{"an accusation as object of a preposition is none",
			"Kenya was criticised for accusing Uganda.",
			nil, []want{{"KEN", "UGA", "11"}}},
		{"a coordinated report is no part of the stance before it",
			"Chad's army rejected the claims and said its troops had shelled Niger's border posts.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"a judgment set off by a comma is the subject's",
			"Chad ruled out talks with the rebels, branding Niger a haven for criminals.",
			[]want{{"TCD", "NER", "11"}}, nil},
		{"a judgment restated by a participle is one event",
			"Kenya condemned Uganda's arrests, calling them a blow to democracy.",
			[]want{{"KEN", "UGA", "11"}}, []want{{"KEN", "-", "11"}}},
		{"a fronted participle governs only up to its comma",
			"When asked about the plan, Kenya's foreign minister called the Ugandan blockade unacceptable.",
			[]want{{"KEN", "UGA", "11"}}, nil},
		{"a carrier with a day between it and to",
			"The Kenyan parliament voted on Thursday to expel Ugandan diplomats.",
			[]want{{"KEN", "UGA", "16"}}, nil},
		{"a backing aside neither suppresses nor hides the subject",
			"Chadian troops, backed by French warplanes, began their push into Niger.",
			[]want{{"TCD", "NER", "19"}}, []want{{"FRA", "NER", "19"}}},
		{"a judgment frame with a new adjective",
			"Kenya's foreign minister called the Ugandan decision unconscionable.",
			[]want{{"KEN", "UGA", "11"}}, nil},
		{"an announced delegation is an intent to visit",
			"Kenya said it would send a delegation to Uganda.",
			[]want{{"KEN", "UGA", "03"}}, nil},
		{"pressure as a noun modifier is no appeal",
			"Kenya has funded pressure groups in Uganda to promote trade.",
			nil, []want{{"KEN", "UGA", "02"}}},
		{"pressuring someone to act is an appeal",
			"Kenya has been pressuring Uganda to reopen the border.",
			[]want{{"KEN", "UGA", "02"}}, nil},
		{"rebels laying a duty on their government demand",
			"Chadian rebels said the Chadian government must release all prisoners.",
			[]want{{"TCD", "TCD", "10"}}, nil},
		{"a government on its own forces lays no demand",
			"The Chadian government said its troops must leave the border area.",
			nil, []want{{"TCD", "TCD", "10"}}},
		{"steps taken carry their infinitive",
			"Kenya's president has taken several steps to expand political freedoms.",
			[]want{{"KEN", "-", "08"}}, nil},
		{"drills by two countries are military cooperation",
			"French and Egyptian warships launched war games in the Mediterranean on Monday.",
			[]want{{"FRA", "EGY", "06"}}, []want{{"FRA", "-", "15"}}},
		{"drills by one country are a show of force",
			"Chinese warships launched war games near Taiwan on Monday.",
			[]want{{"CHN", "TWN", "15"}}, []want{{"CHN", "TWN", "06"}}},
		{"in order to states a purpose, not an order",
			"Kenya sent troops to the border in order to deter Somalia.",
			nil, []want{{"KEN", "-", "10"}, {"KEN", "SOM", "10"}}},
		{"had ... during the talks is no meeting",
			"Kenya had been given harsh terms by Uganda during the talks.",
			nil, []want{{"KEN", "-", "04"}, {"KEN", "UGA", "04"}}},
		{"had talks is a meeting",
			"Kenya had direct talks with Uganda on Monday.",
			[]want{{"KEN", "UGA", "04"}}, nil},
		{"a report holding no act is a statement beside another act",
			"Kenya's president said the accord amounted to Uganda's defeat and hailed it as a victory.",
			[]want{{"KEN", "UGA", "01"}, {"KEN", "-", "05"}}, nil},
		{"a report holding an act is that act alone",
			"Kenya's president said Ugandan troops had shelled Kenyan border posts.",
			[]want{{"UGA", "KEN", "19"}}, []want{{"KEN", "UGA", "01"}, {"KEN", "-", "01"}}},
		{"insisting that something holds is a statement about whom it names",
			"Kenya insisted that trade could go on without Uganda's help.",
			[]want{{"KEN", "UGA", "01"}}, []want{{"KEN", "UGA", "10"}}},
		{"insisting that someone must act is a demand",
			"Kenya insisted that Uganda must reopen the border.",
			[]want{{"KEN", "UGA", "10"}}, nil},
		{"a plural after a preposition and an adjective is a noun",
			"Chad's army seized power on Monday in early-morning raids.",
			[]want{{"TCD", "-", "17"}}, []want{{"TCD", "-", "19"}}},
		{"a verb in -s after its subject is still a verb",
			"Chad attacks Niger's border posts.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"a means in by and -ing is the subject's act outside the stance",
			"Chad's army justified the coup by accusing Niger of arming the rebels.",
			[]want{{"TCD", "NER", "11"}}, nil},
		{"two sides announcing an agreement agree with each other",
			"Chad and Niger held talks on Monday. The two sides announced an agreement on Tuesday.",
			[]want{{"TCD", "NER", "05"}}, []want{{"TCD", "-", "05"}}},
		{"a plural right after a preposition is a noun",
			"Chad's army seized power on Monday in raids.",
			[]want{{"TCD", "-", "17"}}, []want{{"TCD", "-", "19"}}},
		{"a report inside a stance's complement is no statement of its own",
			"Kenya denied that Uganda said the border was closed.",
			[]want{{"KEN", "-", "12"}}, []want{{"UGA", "-", "01"}, {"UGA", "KEN", "01"}}},
		{"an adjective in quotes completes a verb of calling",
			"Kenya's foreign minister called the Ugandan move \"unconscionable.\"",
			[]want{{"KEN", "UGA", "11"}}, nil},
		{"weapons used against someone are force",
			"Chad said its forces were using heavy weapons against Niger's army.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"a command to one's own troops is the act commanded",
			"Chad's president ordered his troops to shell Niger's border posts.",
			[]want{{"TCD", "NER", "19"}}, []want{{"TCD", "TCD", "10"}}},
		{"a command to another side is also a demand",
			"Chad ordered Niger's soldiers to seize the rebel camps.",
			[]want{{"TCD", "NER", "10"}}, nil},
		{"a command to talk is only a demand",
			"Chad ordered Niger to hold talks with the rebels.",
			nil, []want{{"TCD", "NER", "04"}}},
		{"to before a verb in -ing after resort is a preposition",
			"Chadian troops resorted to shelling Niger's border villages.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"the European Community is an international body",
			"The European Community gave Chad five million dollars of aid on Monday.",
			[]want{{"IGO", "TCD", "07"}}, nil},
		{"a deal restated in a relative clause is between its subjects",
			"Kenya accused Uganda of violating the truce Kenya and Uganda struck in Nairobi last year.",
			[]want{{"KEN", "UGA", "05"}}, []want{{"KEN", "UGA", "19"}}},
		{"a verb of concluding with no deal before its subject is no deal",
			"Kenya and Uganda signed in Nairobi last year.",
			nil, []want{{"KEN", "UGA", "19"}}},
		{"a coordinated act goes to the party of the act before it",
			"Chad shelled Niger on Monday. Chad apologized to Niger and offered to pay compensation.",
			[]want{{"TCD", "NER", "03"}}, []want{{"TCD", "-", "03"}}},
		{"a corridor set up together, announced, is an intent to cooperate",
			"Russia and Turkey said they would set up a security corridor along the highway.",
			[]want{{"RUS", "TUR", "03"}}, nil},
		{"a coordinated report speaks for the subject before it",
			"Mali's junta accused France of breaching the accords between the two countries and said the results had not been satisfactory.",
			[]want{{"MLI", "-", "01"}}, []want{{"FRA", "-", "01"}}},
		{"coercion in the passive told by the state is the state's",
			"Niger's army said opposition leaders had been arrested.",
			[]want{{"NER", "NER", "17"}}, nil},
		{"coercion in the passive told by others has no agent",
			"The Nigerien opposition said its leaders had been arrested.",
			nil, []want{{"NER", "NER", "17"}, {"NER", "-", "17"}}},
		{"a relative clause on a thing has no actor as subject",
			"The Chadian offensive has strained the accord which created a buffer zone.",
			nil, []want{{"TCD", "-", "06"}}},
		{"a relative clause on an actor keeps its subject",
			"Chadian forces, which attacked Niger on Monday, withdrew.",
			[]want{{"TCD", "NER", "19"}}, nil},
	}
	t.Run("a pattern that names its subject", func(t *testing.T) {
		// The target is the business of the role rules; only the source
		// and the root are checked here.
		text := "Armenia signed a truce with Azerbaijan on Monday. Overnight, hundreds of protesters stormed the parliament building in Yerevan."
		evs := x.ExtractText(text, day)
		found := false
		for _, e := range evs {
			found = found || e.Source.Country == "ARM" && e.Root() == "14"
		}
		if !found {
			t.Errorf("no ARM 14 in %v", summary(evs))
		}
	})
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
