package graph

import (
	"errors"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

func TestGroup(t *testing.T) {
	kremlin := model.NewActor("Kremlin", "RUS", model.RoleGOV)
	putin := model.NewActor("Vladimir Putin", "RUS", model.RoleGOV)
	army := model.NewActor("Russian army", "RUS", model.RoleMIL)
	nobody := model.NewActor("gunmen", "", model.RoleNone)
	events := []model.Event{
		MustEvent(t, kremlin, ptr(ukr), "120", day(2022, 1, 1)),
		MustEvent(t, putin, ptr(ukr), "138", day(2022, 1, 2)),
		MustEvent(t, army, ptr(ukr), "190", day(2022, 2, 24)),
		MustEvent(t, nobody, ptr(ukr), "190", day(2022, 2, 25)),
	}
	tests := []struct {
		by    GroupBy
		nodes int
		edge  [2]string
		count int
	}{
		{GroupEntity, 5, [2]string{kremlin.ID, ukr.ID}, 1},
		{GroupCode, 4, [2]string{"code:RUSGOV", "code:UKRGOV"}, 2},
		{GroupCountry, 3, [2]string{"country:RUS", "country:UKR"}, 3},
	}
	for _, tt := range tests {
		t.Run(string(tt.by), func(t *testing.T) {
			n, err := BuildView(events, BuildOptions{GroupBy: tt.by})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(n.Nodes()); got != tt.nodes {
				t.Errorf("%d nodes, want %d (the actor without country or code stays alone)", got, tt.nodes)
			}
			e, err := n.Edge(tt.edge[0], tt.edge[1])
			if err != nil || e.Count != tt.count {
				t.Fatalf("edge %v = %+v, %v; want %d events", tt.edge, e, err, tt.count)
			}
			if len(e.EventIDs) != tt.count {
				t.Errorf("edge lost its evidence: %v", e.EventIDs)
			}
			for _, id := range e.EventIDs {
				if ev, ok := n.Event(id); !ok || len(ev.ID) == 0 {
					t.Errorf("event %s of the edge is not in the network", id)
				}
			}
		})
	}
	if _, err := BuildView(events, BuildOptions{GroupBy: "continent"}); !errors.Is(err, ErrBadOption) {
		t.Errorf("unknown grouping: %v, want ErrBadOption", err)
	}
}

func TestEgo(t *testing.T) {
	events := sampleEvents(t)
	tests := []struct {
		name   string
		around string
		depth  int
		nodes  []string
	}{
		{"depth 0", "Wagner \"PMC\"", 0, []string{wagner.ID}},
		{"depth 1 by name", "Wagner \"PMC\"", 1, []string{wagner.ID, rus.ID, ukr.ID, obrien.ID}},
		{"depth 1 by code", "IRLBUS", 1, []string{obrien.ID, wagner.ID}},
		{"depth 2", obrien.ID, 2, []string{obrien.ID, wagner.ID, rus.ID, ukr.ID}},
		{"depth 3", obrien.ID, 3, []string{obrien.ID, wagner.ID, rus.ID, ukr.ID, un.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := BuildView(events, BuildOptions{Around: tt.around, Depth: tt.depth})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, nd := range n.Nodes() {
				got[nd.Actor.ID] = true
			}
			if len(got) != len(tt.nodes) {
				t.Errorf("%d nodes, want %d", len(got), len(tt.nodes))
			}
			for _, id := range tt.nodes {
				if !got[id] {
					t.Errorf("%s missing from the ego network", id)
				}
			}
			for _, e := range n.Events() {
				if !got[e.Source.ID] || (e.Target != nil && !got[e.Target.ID]) {
					t.Errorf("event %s leaves the ego network", e.ID)
				}
			}
		})
	}
	// The untargeted statement of Ukraine stays with Ukraine.
	n, _ := BuildView(events, BuildOptions{Around: "Ukraine", Depth: 0})
	if nd, _ := n.Node(ukr.ID); nd.NoTarget != 1 || nd.Out != 1 {
		t.Errorf("Ukraine alone: %+v, want its self-loop and untargeted event", nd)
	}
}

func TestFindAndEgoErrors(t *testing.T) {
	events := append(sampleEvents(t), MustEvent(t, model.NewActor("Kremlin", "RUS", model.RoleGOV), ptr(ukr), "120", day(2022, 1, 1)))
	n := MustBuild(t, events)
	tests := []struct {
		name string
		opt  BuildOptions
		want error
	}{
		{"unknown actor", BuildOptions{Around: "Atlantis"}, ErrUnknownActor},
		{"ambiguous code", BuildOptions{Around: "RUSGOV"}, ErrAmbiguousActor},
		{"negative depth", BuildOptions{Around: "Russia", Depth: -1}, ErrBadOption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := BuildView(events, tt.opt); !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
	for q, want := range map[string]string{"russia": rus.ID, rus.ID: rus.ID, "IRLBUS": obrien.ID} {
		if nd, err := n.Find(q); err != nil || nd.Actor.ID != want {
			t.Errorf("Find(%q) = %s, %v; want %s", q, nd.Actor.ID, err, want)
		}
	}
	if _, err := n.Ego("a-nobody", 1); !errors.Is(err, ErrUnknownActor) {
		t.Errorf("Ego of an unknown id: %v", err)
	}
}
