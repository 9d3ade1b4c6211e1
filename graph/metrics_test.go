package graph

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

func TestDegree(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	tests := []struct {
		name string
		id   string
		want Degree
	}{
		// Russia: out to Ukraine (3) and Wagner (1); in from Ukraine (1) and the UN (1).
		{"source and target", rus.ID, Degree{ActorID: rus.ID, In: 2, Out: 2, WeightedIn: 2, WeightedOut: 4}},
		// Ukraine: the self-loop counts once in each direction.
		{"self-loop", ukr.ID, Degree{ActorID: ukr.ID, In: 4, Out: 2, WeightedIn: 6, WeightedOut: 2}},
		{"source only", un.ID, Degree{ActorID: un.ID, Out: 2, WeightedOut: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := n.Degree(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Degree = %+v, want %+v", got, tt.want)
			}
		})
	}
	all := n.Degrees()
	if len(all) != len(n.Nodes()) || !slices.IsSortedFunc(all, func(a, b Degree) int { return cmpString(a.ActorID, b.ActorID) }) {
		t.Errorf("Degrees not one per node in id order: %+v", all)
	}
	in, out := 0, 0
	for _, d := range all {
		in, out = in+d.WeightedIn, out+d.WeightedOut
	}
	if in != out || in != 10 {
		t.Errorf("weighted in %d, out %d, want 10 targeted events each", in, out)
	}
}

func TestNeighbours(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	tests := []struct {
		name string
		id   string
		want []string
	}{
		{"both directions, self excluded", ukr.ID, sortStrings(rus.ID, un.ID, wagner.ID)},
		{"out only", obrien.ID, []string{wagner.ID}},
		{"in and out", wagner.ID, sortStrings(rus.ID, ukr.ID, obrien.ID)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := n.Neighbours(tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Neighbours = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestLookupErrors(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"Node", func() error { _, err := n.Node("a-nobody"); return err }, ErrUnknownActor},
		{"Degree", func() error { _, err := n.Degree("a-nobody"); return err }, ErrUnknownActor},
		{"Neighbours", func() error { _, err := n.Neighbours("a-nobody"); return err }, ErrUnknownActor},
		{"Edge unknown", func() error { _, err := n.Edge(rus.ID, "a-nobody"); return err }, ErrUnknownActor},
		{"Edge missing", func() error { _, err := n.Edge(obrien.ID, un.ID); return err }, ErrNoEdge},
		{"Edge reversed", func() error { _, err := n.Edge(ukr.ID, un.ID); return err }, ErrNoEdge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDominant(t *testing.T) {
	tests := []struct {
		name     string
		roots    map[string]int
		quads    map[int]int
		wantRoot string
		wantQuad int
		wantName string
	}{
		{"majority", map[string]int{"19": 2, "04": 1}, map[int]int{4: 2, 1: 1}, "19", 4, "FIGHT"},
		{"tie goes to conflict", map[string]int{"04": 1, "19": 1}, map[int]int{1: 1, 4: 1}, "19", 4, "FIGHT"},
		{"empty", nil, nil, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Edge{Roots: tt.roots, Quads: tt.quads}
			if got := e.DominantRoot(); got != tt.wantRoot {
				t.Errorf("DominantRoot = %q, want %q", got, tt.wantRoot)
			}
			if got := e.DominantQuad(); got != tt.wantQuad {
				t.Errorf("DominantQuad = %d, want %d", got, tt.wantQuad)
			}
			if got := e.DominantName(); got != tt.wantName {
				t.Errorf("DominantName = %q, want %q", got, tt.wantName)
			}
		})
	}
}

func sortStrings(s ...string) []string {
	slices.Sort(s)
	return s
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
