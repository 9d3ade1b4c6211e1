package graph

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

func TestShortestPath(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	tests := []struct {
		name     string
		from, to string
		want     []string // actor ids along the path, from included
	}{
		{"one hop", rus.ID, ukr.ID, []string{rus.ID, ukr.ID}},
		{"two hops", obrien.ID, ukr.ID, []string{obrien.ID, wagner.ID, ukr.ID}},
		{"through the hub", un.ID, wagner.ID, []string{un.ID, rus.ID, wagner.ID}},
		{"to itself", ukr.ID, ukr.ID, []string{ukr.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hops, err := n.ShortestPath(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{tt.from}
			for i, h := range hops {
				if h.From.ID != got[len(got)-1] || h.Edge.Source != h.From.ID || h.Edge.Target != h.To.ID {
					t.Fatalf("hop %d does not chain: %+v", i, h)
				}
				if h.Edge.Count == 0 || len(h.Edge.EventIDs) == 0 {
					t.Errorf("hop %d carries no evidence: %+v", i, h.Edge)
				}
				got = append(got, h.To.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("path = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestShortestPathTies checks that of several equally short paths the
// same one comes back every time: the one through the smaller actor id.
func TestShortestPathTies(t *testing.T) {
	a := model.NewActor("A", "AAA", model.RoleGOV)
	z := model.NewActor("Z", "ZZZ", model.RoleGOV)
	var mids []model.Actor
	var events []model.Event
	for _, name := range []string{"M1", "M2", "M3", "M4", "M5", "M6"} {
		m := model.NewActor(name, "MMM", model.RoleGOV)
		mids = append(mids, m)
		events = append(events, MustEvent(t, a, ptr(m), "042", day(2023, 1, 1)), MustEvent(t, m, ptr(z), "042", day(2023, 1, 2)))
	}
	slices.SortFunc(mids, func(x, y model.Actor) int { return cmpString(x.ID, y.ID) })
	for range 30 {
		rand.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
		hops, err := MustBuild(t, events).ShortestPath(a.ID, z.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(hops) != 2 || hops[0].To.ID != mids[0].ID {
			t.Fatalf("path goes through %s, want the smallest id %s", hops[0].To.ID, mids[0].ID)
		}
	}
}

func TestShortestPathErrors(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	tests := []struct {
		name     string
		from, to string
		want     error
	}{
		{"unknown source", "a-nobody", ukr.ID, ErrUnknownActor},
		{"unknown target", ukr.ID, "a-nobody", ErrUnknownActor},
		{"against the edges", ukr.ID, un.ID, ErrNoPath},
		{"nothing leads to a pure source", rus.ID, obrien.ID, ErrNoPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := n.ShortestPath(tt.from, tt.to); !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
		})
	}
}
