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
	}
	runRuleCases(t, x, tests)
}
