package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

// TestActorRules checks who is who across a story: short forms, leaders
// of coalitions, plural demonyms and officials' titles, on made-up
// stories.
func TestActorRules(t *testing.T) {
	x := New(actor.Default())
	tests := []ruleCase{
		{"the coalition is its leader's",
			"The Egyptian-led coalition shelled Libya on Monday. Later the coalition bombed Sudan.",
			[]want{{"EGY", "SDN", "19"}}, []want{{"-", "SDN", "19"}}},
		{"coalition forces after a US-led coalition",
			"The US-led coalition said on Monday it would stay. Coalition warplanes bombed Syria on Tuesday.",
			[]want{{"USA", "SYR", "19"}}, nil},
		{"a leader named inside an apposition",
			"Jordan, a member of the Kenyan-led military coalition, spoke. The coalition attacked Uganda.",
			[]want{{"KEN", "UGA", "19"}}, nil},
		{"a region's side is its rebels, of the region's state",
			"The Tigrayan side accused Eritrea of shelling Adigrat.",
			[]want{{"ETH", "ERI", "11"}}, nil},
		{"a state's side",
			"The Ukrainian side rejected the proposal of Belarus.",
			[]want{{"UKR", "BLR", "12"}}, nil},
		{"the side of a border is a place",
			"Chad shelled villages on the Sudanese side of the border.",
			nil, []want{{"SDN", "-", "19"}}},
		{"a leader's administration named by a surname that is a word",
			"The Bush administration accused Iran of sponsoring terrorism.",
			[]want{{"USA", "IRN", "11"}}, nil},
		{"a month is no leader",
			"In May government troops attacked Chad.",
			nil, []want{{"GBR", "TCD", "19"}}},
		{"a people of a region of one state",
			"Bosnian Serbs attacked Croatia on Monday.",
			[]want{{"BIH", "HRV", "19"}}, []want{{"SRB", "HRV", "19"}}},
		{"a people's plural that is no adjective plus s",
			"Britons criticised France on Monday.",
			[]want{{"GBR", "FRA", "11"}}, nil},
		{"a people without a state, modified",
			"Iraqi Kurds criticised Iran on Monday.",
			[]want{{"IRQ", "IRN", "11"}}, nil},
		{"a minister of state",
			"Minister of State for Foreign Affairs Anwar Gargash criticised Qatar.",
			[]want{{"ARE", "QAT", "11"}}, nil},
		{"the army that rules",
			"Thailand's junta expelled the French envoy on Monday. French troops left. The army arrested the prime minister of Thailand.",
			[]want{{"THA", "THA", "17"}}, []want{{"FRA", "THA", "17"}}},
		{"a fronted country sets the scene of its agents",
			"Israel struck Gaza on Monday. In Jordan, police arrested Israeli tourists on Tuesday.",
			[]want{{"JOR", "ISR", "17"}}, []want{{"ISR", "ISR", "17"}}},
		{"the bloc after a body by name",
			"The European Union met on Monday. The bloc accused Belarus of smuggling migrants.",
			[]want{{"IGO", "BLR", "11"}}, nil},
		{"a group's short form with a filler",
			"Hamas fired rockets on Monday. The Islamist group accused Egypt of closing the border.",
			[]want{{"PSE", "EGY", "11"}}, nil},
		{"a nation by its demonym",
			"The Chinese accused Japan of provocation on Monday.",
			[]want{{"CHN", "JPN", "11"}}, nil},
		{"forces led by a state",
			"Ethiopian-led forces attacked Somalia on Monday.",
			[]want{{"ETH", "SOM", "19"}}, nil},
		{"a kind of group before its name",
			"Jordan accused the militant group Hamas of smuggling weapons.",
			[]want{{"JOR", "PSE", "11"}}, []want{{"JOR", "JOR", "11"}}},
	}
	runRuleCases(t, x, tests)
}
