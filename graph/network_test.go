package graph

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

func TestBuild(t *testing.T) {
	fight := MustEvent(t, rus, ptr(ukr), "190", day(2022, 2, 24))
	air := MustEvent(t, rus, ptr(ukr), "195", day(2022, 3, 1))
	threat := MustEvent(t, rus, ptr(ukr), "13", model.Month(2022, 2))
	year := MustEvent(t, rus, ptr(ukr), "0871", model.Year(2022))
	undated := MustEvent(t, rus, ptr(ukr), "043", model.Date{})
	back := MustEvent(t, ukr, ptr(rus), "193", day(2022, 2, 25))
	alone := MustEvent(t, ukr, nil, "012", day(2022, 4, 2))
	self := MustEvent(t, ukr, ptr(ukr), "0832", day(2022, 4, 1))

	tests := []struct {
		name   string
		events []model.Event
		nodes  []Node
		edges  []Edge
	}{
		{name: "empty", events: nil, nodes: []Node{}, edges: []Edge{}},
		{
			name:   "pair merging and counts per root",
			events: []model.Event{fight, air, threat},
			nodes: []Node{
				{Actor: rus, Events: 3, Out: 3},
				{Actor: ukr, Events: 3, In: 3},
			},
			edges: []Edge{{
				Source: rus.ID, Target: ukr.ID, Count: 3,
				Roots: map[string]int{"19": 2, "13": 1}, Quads: map[int]int{4: 2, 3: 1},
				First: model.Month(2022, 2), Last: day(2022, 3, 1),
				Goldstein: (-10 - 10 - 6) / 3.0,
				EventIDs:  sortedIDs(fight, air, threat),
			}},
		},
		{
			name:   "dates of mixed precision and undated",
			events: []model.Event{year, fight, undated},
			nodes: []Node{
				{Actor: rus, Events: 3, Out: 3},
				{Actor: ukr, Events: 3, In: 3},
			},
			edges: []Edge{{
				Source: rus.ID, Target: ukr.ID, Count: 3,
				Roots: map[string]int{"08": 1, "19": 1, "04": 1}, Quads: map[int]int{2: 1, 4: 1, 1: 1},
				// The year 2022 starts before 24 Feb, so it is the first date.
				First: model.Year(2022), Last: day(2022, 2, 24), Undated: 1,
				Goldstein: (9 - 10 + 2.8) / 3,
				EventIDs:  sortedIDs(year, fight, undated),
			}},
		},
		{
			name:   "both directions are two edges",
			events: []model.Event{back, fight},
			nodes: []Node{
				{Actor: rus, Events: 2, Out: 1, In: 1},
				{Actor: ukr, Events: 2, Out: 1, In: 1},
			},
			edges: orderEdges([]Edge{
				{Source: rus.ID, Target: ukr.ID, Count: 1, Roots: map[string]int{"19": 1}, Quads: map[int]int{4: 1},
					First: day(2022, 2, 24), Last: day(2022, 2, 24), Goldstein: -10, EventIDs: []string{fight.ID}},
				{Source: ukr.ID, Target: rus.ID, Count: 1, Roots: map[string]int{"19": 1}, Quads: map[int]int{4: 1},
					First: day(2022, 2, 25), Last: day(2022, 2, 25), Goldstein: -10, EventIDs: []string{back.ID}},
			}),
		},
		{
			name:   "no target and self-loop",
			events: []model.Event{alone, self},
			nodes:  []Node{{Actor: ukr, Events: 2, Out: 1, In: 1, NoTarget: 1}},
			edges: []Edge{{
				Source: ukr.ID, Target: ukr.ID, Count: 1, Roots: map[string]int{"08": 1}, Quads: map[int]int{2: 1},
				First: day(2022, 4, 1), Last: day(2022, 4, 1), Goldstein: 5, EventIDs: []string{self.ID},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := MustBuild(t, tt.events)
			slices.SortFunc(tt.nodes, func(a, b Node) int { return strings.Compare(a.Actor.ID, b.Actor.ID) })
			if got := n.Nodes(); !reflect.DeepEqual(got, tt.nodes) {
				t.Errorf("Nodes:\n got %+v\nwant %+v", got, tt.nodes)
			}
			got := n.Edges()
			if len(got) != len(tt.edges) {
				t.Fatalf("Edges: got %d, want %d: %+v", len(got), len(tt.edges), got)
			}
			for i := range got {
				g, w := got[i], tt.edges[i]
				if diff := g.Goldstein - w.Goldstein; diff > 1e-9 || diff < -1e-9 {
					t.Errorf("edge %d Goldstein = %v, want %v", i, g.Goldstein, w.Goldstein)
				}
				g.Goldstein, w.Goldstein = 0, 0
				if !reflect.DeepEqual(g, w) {
					t.Errorf("edge %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
			if order, _ := n.Graph().Order(); order != len(tt.nodes) {
				t.Errorf("library graph has %d vertices, want %d", order, len(tt.nodes))
			}
			if size, _ := n.Graph().Size(); size != len(tt.edges) {
				t.Errorf("library graph has %d edges, want %d", size, len(tt.edges))
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	good := MustEvent(t, rus, ptr(ukr), "190", day(2022, 2, 24))
	noID := good
	noID.ID = ""
	noSource := good
	noSource.Source.ID = ""
	noTargetID := good
	noTargetID.Target = &model.Actor{Name: "Kyiv"}
	badCode := good
	badCode.Code = "99"
	tests := []struct {
		name   string
		events []model.Event
		want   error
	}{
		{"no id", []model.Event{noID}, ErrInvalidEvent},
		{"no source id", []model.Event{noSource}, ErrInvalidEvent},
		{"target without id", []model.Event{noTargetID}, ErrInvalidEvent},
		{"unknown code", []model.Event{badCode}, ErrInvalidEvent},
		{"duplicate", []model.Event{good, good}, ErrDuplicateEvent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Build(tt.events)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Build error = %v, want %v", err, tt.want)
			}
			if n != nil {
				t.Errorf("Build returned a network with an error")
			}
		})
	}
}

// TestBuildUnknownSubcode checks that a code missing from the table falls
// back to its root, as model.Event.CAMEO does.
func TestBuildUnknownSubcode(t *testing.T) {
	e := MustEvent(t, rus, ptr(ukr), "190", day(2022, 2, 24))
	e.Code = "1999"
	e.SetID()
	n := MustBuild(t, []model.Event{e})
	if got := n.Edges()[0].Roots; !reflect.DeepEqual(got, map[string]int{"19": 1}) {
		t.Errorf("Roots = %v", got)
	}
}

func TestBuildSpelling(t *testing.T) {
	lower := model.NewActor("wagner group", "RUS", model.RoleREB)
	upper := model.NewActor("Wagner Group", "RUS", model.RoleREB)
	if lower.ID != upper.ID {
		t.Fatal("spellings should share an id")
	}
	events := []model.Event{
		MustEvent(t, upper, ptr(ukr), "190", day(2022, 5, 1)),
		MustEvent(t, lower, ptr(ukr), "190", day(2022, 5, 2)),
		MustEvent(t, upper, ptr(ukr), "190", day(2022, 5, 3)),
	}
	for range 10 {
		rand.Shuffle(len(events), func(i, j int) { events[i], events[j] = events[j], events[i] })
		n := MustBuild(t, events)
		i := slices.IndexFunc(n.Nodes(), func(nd Node) bool { return nd.Actor.ID == upper.ID })
		if got := n.Nodes()[i].Actor.Name; got != "Wagner Group" {
			t.Fatalf("name = %q, want the most frequent spelling", got)
		}
	}
}

func TestBuildShuffled(t *testing.T) {
	events := sampleEvents(t)
	want := MustBuild(t, events)
	for range 20 {
		shuffled := slices.Clone(events)
		rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := MustBuild(t, shuffled)
		if !reflect.DeepEqual(got.Nodes(), want.Nodes()) || !reflect.DeepEqual(got.Edges(), want.Edges()) {
			t.Fatal("network depends on event order")
		}
	}
}

func sortedIDs(events ...model.Event) []string {
	var ids []string
	for _, e := range events {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return ids
}

func orderEdges(edges []Edge) []Edge {
	slices.SortFunc(edges, compareEdges)
	return edges
}

// TestBuildFirstError checks that the error reported is the one a pass in
// input order meets first, whether a repeated id or an invalid event.
func TestBuildFirstError(t *testing.T) {
	good := MustEvent(t, rus, ptr(ukr), "190", day(2022, 2, 24))
	other := MustEvent(t, ukr, ptr(rus), "190", day(2022, 2, 25))
	bad := other
	bad.Code = "99"
	bad.ID = "e-bad"
	if _, err := Build([]model.Event{good, bad, good}); !errors.Is(err, ErrInvalidEvent) || !strings.Contains(err.Error(), "#1") {
		t.Errorf("invalid event first: %v", err)
	}
	if _, err := Build([]model.Event{good, other, good, bad}); !errors.Is(err, ErrDuplicateEvent) || !strings.Contains(err.Error(), "#2") {
		t.Errorf("repeated id first: %v", err)
	}
}

// TestBuildEvidenceWindows checks that the edges' event ids, windows of
// one shared slice, cannot be overwritten through one another.
func TestBuildEvidenceWindows(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	edges := n.Edges()
	want := slices.Clone(edges[1].EventIDs)
	_ = append(edges[0].EventIDs, "e-intruder")
	if got := n.Edges()[1].EventIDs; !reflect.DeepEqual(got, want) {
		t.Errorf("appending to one edge's ids changed the next: %v, want %v", got, want)
	}
}
