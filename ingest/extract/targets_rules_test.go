package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestTargetRules checks how targets are resolved from context, on
// made-up stories.
func TestTargetRules(t *testing.T) {
	x := New(actor.Default())
	tests := []struct {
		name string
		text string
		want []want
		not  []want
	}{
		{"a judged act named by its own word",
			"Chad attacked Niger on Monday. Niger's army shelled Chadian border posts on Tuesday. Sweden condemned the attack.",
			[]want{{"SWE", "TCD", "11"}}, []want{{"SWE", "NER", "11"}}},
		{"a judged strike is the main striker's",
			"Chad's army shelled Niger on Monday. Chad bombed Niger's border posts on Tuesday. Niger's troops shot down a Chadian drone. Sweden condemned the strike.",
			[]want{{"SWE", "TCD", "11"}}, []want{{"SWE", "NER", "11"}}},
		{"the lead names the partner of an opening act",
			"Chad suspended its participation in the oil accord on Monday. Niger said the accord was still in force. Niger's president called for calm.",
			[]want{{"TCD", "NER", "16"}}, []want{{"TCD", "-", "16"}}},
		{"a threat to answer an attack is aimed at its author",
			"Chad said it reserved the right to respond to any attack by Niger's army.",
			[]want{{"TCD", "NER", "13"}}, []want{{"TCD", "-", "13"}}},
		{"a warning of the speaker's own act",
			"Kenya warned in a statement that it would hold any Somali faction accountable.",
			[]want{{"KEN", "SOM", "13"}}, []want{{"KEN", "-", "13"}}},
		{"a judgement naming the act's author",
			"The Chadian president described the blast as a terrorist attack by Niger.",
			[]want{{"TCD", "NER", "11"}}, []want{{"TCD", "-", "11"}}},
		{"what the teller does is done to the ones told",
			"Chad formally informed Niger and the African Union that it rejected the border plan.",
			[]want{{"TCD", "NER", "12"}, {"TCD", "IGO", "12"}}, []want{{"TCD", "-", "12"}}},
		{"a pronoun after a plain that-clause takes no addressee",
			"Chad said that it rejected the border plan.",
			[]want{{"TCD", "-", "12"}}, nil},
		{"the two sides of a story's first line are named by its lead",
			"A truce came into force on Friday after the presidents of the two countries sealed the deal. Kenyan President William Ruto said the accord would hold. Ugandan President Yoweri Museveni thanked the mediators.",
			[]want{{"KEN", "UGA", "05"}}, nil},
		{"the mediators are the body that brokered",
			"The African Union hosted talks between Kenya and Uganda on Monday. Kenyan President William Ruto thanked the mediators.",
			[]want{{"KEN", "IGO", "05"}}, []want{{"KEN", "KEN", "05"}, {"KEN", "UGA", "05"}}},
		{"the capital is the place just named",
			"Sudanese troops crossed into Chad on Monday. Chadian rebels were advancing on the capital on Tuesday.",
			[]want{{"TCD", "TCD", "19"}}, []want{{"TCD", "SDN", "19"}}},
		{"the city named after a metonym",
			"Kenyan troops reached Mogadishu on Thursday. The Qatari emir visited the city on Friday.",
			[]want{{"QAT", "SOM", "04"}}, []want{{"QAT", "-", "04"}}},
		{"the capital of a named state is left to the name",
			"Chadian rebels advanced on the capital of Niger.",
			[]want{{"TCD", "NER", "19"}}, nil},
		{"a leader's own supporters",
			"Kenyan opposition leader Raila Odinga urged his supporters to stay calm.",
			[]want{{"KEN", "KEN", "02"}}, []want{{"KEN", "-", "02"}}},
		{"an act of force is aimed at the enemy of the fighting",
			"Chad's army shelled Niger on Monday. France imposed sanctions on Chad on Tuesday. Chadian troops seized a border post after heavy fighting.",
			[]want{{"TCD", "NER", "19"}}, []want{{"TCD", "FRA", "19"}, {"TCD", "FRA", "17"}}},
		{"own troops withdrawn are not the target",
			"Kenya said it had moved a contingent of Kenyan troops out of Somalia.",
			[]want{{"KEN", "SOM", "16"}}, []want{{"KEN", "KEN", "16"}}},
		{"withdrawn from the country just named",
			"Clashes spread across Somalia on Sunday. Kenya said it had moved a contingent of Kenyan troops out of the country.",
			[]want{{"KEN", "SOM", "16"}}, []want{{"KEN", "KEN", "16"}}},
		{"a flight told again is the same displacement",
			"Chad's army attacked rebels near Abeche on Monday. The fighting has displaced thousands of Chadians. Chadian rebels shelled Sudanese border posts. More than 20,000 people have fled since the fighting began.",
			[]want{{"TCD", "TCD", "17"}}, []want{{"TCD", "SDN", "17"}}},
		{"the main verb after a relative clause keeps the sentence's subject",
			"Kenya, which hosts 500,000 Somali refugees, sent troops to the border with Ethiopia.",
			[]want{{"KEN", "ETH", "15"}}, []want{{"SOM", "ETH", "15"}}},
		{"it is not a plural agent",
			"Kenya said the 500,000 Somali refugees it hosts would be sent home.",
			nil, []want{{"SOM", "-", "04"}, {"SOM", "-", "01"}}},
		{"the actor's own units are no target",
			"Chad sent reinforcements to its observation posts in Darfur.",
			[]want{{"TCD", "-", "15"}}, []want{{"TCD", "SDN", "15"}}},
		{"a vow of one's forces' act threatens its object",
			"Chad's army attacked Niger's border posts on Monday. Niger's president vowed that his forces would retake the capital.",
			[]want{{"NER", "NER", "13"}}, []want{{"NER", "TCD", "13"}}},
		{"troops sent into a town are shown there, not aimed at its state",
			"Kenya sent thousands of troops into Mogadishu.",
			[]want{{"KEN", "-", "15"}}, []want{{"KEN", "SOM", "15"}}},
		{"forces of no named country are the ones of the country they came from",
			"Kenyan officials said 30 armoured vehicles had crossed into Somalia from Ethiopia overnight.",
			[]want{{"ETH", "SOM", "15"}}, []want{{"KEN", "SOM", "15"}}},
		{"the object ends where a new clause opens",
			"Kenya deployed troops on Tuesday after the presidents of Somalia and Ethiopia met.",
			nil, []want{{"KEN", "SOM", "15"}, {"KEN", "ETH", "15"}}},
		{"a denial is addressed to nobody",
			"Chad's army shelled Niger on Monday. Chad denied that its jets had struck civilians.",
			[]want{{"TCD", "-", "12"}}, []want{{"TCD", "NER", "12"}}},
		{"a rejection still answers the other side",
			"Chad's army shelled Niger on Monday. Niger accused Chad of aggression. Chad rejected the accusations.",
			[]want{{"TCD", "NER", "12"}}, []want{{"TCD", "-", "12"}}},
		{"the body brokering is not one of the two sides",
			"The United Nations hosted talks between Chad's government and the rebels of the FACT. The UN envoy said on Monday the two sides had agreed to a truce.",
			nil, []want{{"TCD", "IGO", "05"}, {"IGO", "TCD", "05"}}},
		{"the speaker's side acting is the threat, aimed at its object",
			"Chad's president warned that N'Djamena would strike back with full force if Sudanese troops crossed the border.",
			[]want{{"TCD", "SDN", "13"}}, []want{{"TCD", "TCD", "13"}}},
		{"a speaker after a comma is not coordinated with the object",
			"Kenyan jets bombed Mogadishu, Ethiopian officials said on Monday.",
			[]want{{"KEN", "SOM", "19"}}, []want{{"KEN", "ETH", "19"}}},
		{"one party entering an agreement enters it with the other",
			"Chad's army shelled Niger on Monday. On Tuesday Chad said it would abide by the truce.",
			[]want{{"TCD", "NER", "03"}}, []want{{"TCD", "-", "03"}}},
		{"a body outside the conflict welcomes an agreement with nobody",
			"Chad's army shelled Niger on Monday. Kenya welcomed the truce.",
			[]want{{"KEN", "-", "05"}}, []want{{"KEN", "TCD", "05"}, {"KEN", "NER", "05"}}},
		{"a seat named after a preposition and an article is no subject",
			"Kenyan President William Ruto and Ugandan President Yoweri Museveni met in the Kremlin on Thursday before agreeing to a truce.",
			[]want{{"KEN", "UGA", "05"}}, []want{{"RUS", "UGA", "05"}, {"RUS", "KEN", "05"}}},
		{"leaving a deal is aimed at the party it is with",
			"Sudan suspended its participation in the oil accord that let Chad export crude.",
			[]want{{"SDN", "TCD", "16"}}, []want{{"SDN", "-", "16"}}},
		{"a judgement taking up the clause before it",
			"Kenyan President William Ruto said Somali militants were shelling border villages, which he described as intolerable.",
			[]want{{"KEN", "SOM", "11"}}, []want{{"KEN", "-", "11"}}},
		{"killings in a civil war are no one side's",
			"Chad's army shelled rebel positions near the capital on Monday. The rebels of the FACT attacked army posts on Tuesday. Kenya condemned the violence.",
			[]want{{"KEN", "-", "11"}}, []want{{"KEN", "TCD", "11"}}},
		{"an invasion told beside a deal is aimed at the enemy of the fighting",
			"Chad's army shelled Niger on Monday. Chad signed an accord with France on Tuesday. The accord aims to ease the food crisis caused since Chad invaded in March.",
			[]want{{"TCD", "NER", "19"}}, []want{{"TCD", "FRA", "19"}}},
		{"they at the head of a sentence is the subject before, not the backer named last",
			"Chadian troops, backed by French jets, began their push on Monday. On Tuesday they captured Niamey.",
			[]want{{"TCD", "NER", "19"}}, []want{{"FRA", "NER", "19"}}},
		{"a government offensive names no government acting",
			"Niger's president met Chadian envoys on Sunday. Chad's army attacked rebels in the north on Monday. Niger's president welcomed the talks. A government offensive has forced thousands of Chadians to flee.",
			[]want{{"TCD", "TCD", "17"}}, []want{{"NER", "TCD", "17"}}},
		{"an offensive backed by others drives out the people of the country at war",
			"Kenyan President William Ruto met Ethiopian envoys on Monday to discuss Mogadishu. The Somali offensive, backed by Ethiopian drones, has driven thousands of people from their homes.",
			[]want{{"SOM", "SOM", "17"}}, []want{{"ETH", "SOM", "17"}, {"SOM", "KEN", "17"}, {"SOM", "ETH", "17"}}},
		{"its forces are the forces of the one its refers to",
			"Heavy fighting spread across Somalia on Sunday. Kenya's defence ministry said its forces had shelled Somali rebel positions.",
			[]want{{"KEN", "SOM", "19"}}, []want{{"SOM", "SOM", "19"}}},
		{"the coalition is the coalition named before",
			"The Saudi-led coalition bombed Sanaa on Monday. Yemeni troops shelled the port of Aden. On Tuesday the US Senate voted to end American military support for the coalition.",
			[]want{{"USA", "SAU", "16"}}, []want{{"USA", "YEM", "16"}, {"USA", "USA", "16"}}},
		{"a clock time named after a capital is no actor",
			"Ethiopian President Sahle-Work Zewde said that he and Somali President Hassan Sheikh Mohamud had agreed to a truce from midnight Nairobi time.",
			nil, []want{{"ETH", "KEN", "05"}, {"SOM", "KEN", "05"}}},
		{"aid sent with no recipient named goes to the people of the war's country",
			"Fighting raged in Mogadishu and Kismayo on Monday. Qatar sent a field hospital on Tuesday.",
			[]want{{"QAT", "SOM", "07"}}, []want{{"QAT", "-", "07"}}},
		{"aid from the war's own country names no recipient",
			"Fighting raged in Mogadishu on Monday. Somalia sent a field hospital on Tuesday.",
			nil, []want{{"SOM", "SOM", "07"}}},
		{"a halt to supplies into the territory just named",
			"Kenyan jets bombed Mogadishu on Monday. Kenya also ordered a halt to supplies of fuel and food into the territory.",
			[]want{{"KEN", "SOM", "17"}}, []want{{"KEN", "-", "17"}}},
		{"him after a telling verb is the person named before, not the teller",
			"Kenyan President William Ruto flew to Mogadishu on Friday to meet Somali President Hassan Sheikh Mohamud. Mohamud told him that the talks would go on.",
			[]want{{"SOM", "KEN", "01"}}, []want{{"SOM", "-", "01"}}},
		{"the other party of a civil war is the other side at home",
			"Sudan has been torn by war between the army and the Rapid Support Forces in Khartoum, Omdurman and Darfur. Talks in Jeddah, hosted by Saudi Arabia, resumed on Monday. The Rapid Support Forces rejected the proposal.",
			[]want{{"SDN", "SDN", "12"}}, []want{{"SDN", "SAU", "12"}}},
		{"calling them baseless answers the accuser",
			"Niger accused Chad of shelling its border posts. Chad's foreign minister called them baseless and unacceptable on Sunday.",
			[]want{{"TCD", "NER", "11"}}, []want{{"TCD", "-", "11"}}},
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
