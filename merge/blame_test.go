package merge

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

var (
	rusJets   = model.NewActor("Russian jets", "RUS", model.RoleMIL)
	rusPlanes = model.NewActor("Russian planes", "RUS", model.RoleMIL)
	syrPilots = model.NewActor("Syrian air force", "SYR", model.RoleMIL)
	turDrones = model.NewActor("Turkish drones", "TUR", model.RoleMIL)
	villagers = model.NewActor("villagers", "SYR", model.RoleCVL)
	syrTroops = model.NewActor("Syrian troops", "SYR", model.RoleMIL)
)

// MustStrike builds a report of an act on victim in place, told by one
// sentence of article art.
func MustStrike(tb testing.TB, src model.Actor, victim *model.Actor, code string, d model.Date, place, sentence, art, outlet, pub string) model.Event {
	tb.Helper()
	r := MustReport(tb, src, victim, code, d, art, outlet, pub, 0)
	r.Location = place
	r.Mentions[0].Sentence = sentence
	return r
}

func TestContestsBlame(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     bool
	}{
		{"The army denied shelling the bakery.", true},
		{"Villagers blamed government helicopters for the barrel bombs.", true},
		{"The ministry accused rebels of firing the rockets.", true},
		{"A militia claimed responsibility for the ambush.", true},
		{"Officials said the air force was responsible.", true},
		{"The blast was attributed to a car bomb.", true},
		{"Jets struck a depot near the river on Monday.", false},
		{"The convoy reached the town after a long delay.", false},
		{"Deny.", true}, // case folded
		{"", false},
	} {
		if got := ContestsBlame(tt.sentence); got != tt.want {
			t.Errorf("ContestsBlame(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

func TestClusterBlame(t *testing.T) {
	d := day(9)
	plain := MustStrike(t, rusJets, &villagers, "195", d, "Kafr Nabl", "Russian jets bombed villagers in Kafr Nabl.", "r-a", "Reuters", "2019-06-09")
	denied := MustStrike(t, syrPilots, &villagers, "183", d, "Kafr Nabl", "The Syrian air force bombed the village, though Moscow denied any part in it.", "r-b", "AFP", "2019-06-10")
	same := MustStrike(t, rusPlanes, &villagers, "195", d, "Kafr Nabl", "Russian planes hit the village again.", "r-c", "BBC News", "2019-06-10")
	tests := []struct {
		name     string
		in       []model.Event
		events   int
		versions int // of the blame dispute of the largest event, 0 for none
	}{
		{"denial joins the other hand", []model.Event{plain, denied}, 1, 2},
		{"both hands with their sources", []model.Event{plain, denied, same}, 1, 2},
		{"no blame word: two acts", []model.Event{plain, with(denied, func(e *model.Event) {
			e.Mentions[0].Sentence = "The Syrian air force bombed the village."
		})}, 2, 0},
		{"another place", []model.Event{plain, with(denied, func(e *model.Event) { e.Location = "Saraqib" })}, 2, 0},
		{"no place", []model.Event{with(plain, func(e *model.Event) { e.Location = "" }), with(denied, func(e *model.Event) { e.Location = "" })}, 2, 0},
		{"a month, not a day", []model.Event{plain, with(denied, func(e *model.Event) { e.Date = model.Month(2019, 6) })}, 2, 0},
		{"two days apart", []model.Event{plain, with(denied, func(e *model.Event) { e.Date = day(11) })}, 2, 0},
		{"another victim", []model.Event{plain, with(denied, func(e *model.Event) { e.Target = &syrTroops })}, 2, 0},
		{"no victim", []model.Event{with(plain, func(e *model.Event) { e.Target = nil }), with(denied, func(e *model.Event) { e.Target = nil })}, 2, 0},
		{"a statement, not an act", []model.Event{
			MustStrike(t, rusJets, &villagers, "112", d, "Kafr Nabl", "Moscow accused the villagers.", "r-a", "Reuters", "2019-06-09"),
			MustStrike(t, syrPilots, &villagers, "112", d, "Kafr Nabl", "Damascus blamed the villagers.", "r-b", "AFP", "2019-06-10"),
		}, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Cluster(tt.in)
			if len(got) != tt.events {
				t.Fatalf("got %d events, want %d: %v", len(got), tt.events, ids(got))
			}
			big := got[0]
			for _, e := range got {
				if len(e.Mentions) > len(big.Mentions) {
					big = e
				}
			}
			var blame *model.Dispute
			for i := range big.Disputes {
				if big.Disputes[i].Kind == model.DisputeBlame {
					blame = &big.Disputes[i]
				}
			}
			switch {
			case tt.versions == 0 && blame != nil:
				t.Fatalf("unexpected blame dispute %+v", *blame)
			case tt.versions == 0:
				return
			case blame == nil || len(blame.Versions) != tt.versions:
				t.Fatalf("disputes = %+v, want a blame dispute of %d versions", big.Disputes, tt.versions)
			}
			if !big.Disputed() {
				t.Error("event with a blame dispute is not disputed")
			}
			want := map[string][]string{"Russian jets (RUSMIL)": {"Reuters"}, "Syrian air force (SYRMIL)": {"AFP"}}
			if len(tt.in) == 3 {
				want["Russian jets (RUSMIL)"] = []string{"Reuters", "BBC News"}
			}
			for _, v := range blame.Versions {
				if !reflect.DeepEqual(v.Sources, want[v.Value]) {
					t.Errorf("version %q from %v, want %v", v.Value, v.Sources, want[v.Value])
				}
			}
		})
	}
}

// TestClusterBlameOrderIndependent: the join is first-fit in canonical
// order, so shuffling the reports changes nothing.
func TestClusterBlameOrderIndependent(t *testing.T) {
	d := day(9)
	in := []model.Event{
		MustStrike(t, rusJets, &villagers, "195", d, "Kafr Nabl", "Russian jets bombed villagers.", "r-a", "Reuters", "2019-06-09"),
		MustStrike(t, syrPilots, &villagers, "183", d, "Kafr Nabl", "Damascus denied bombing them.", "r-b", "AFP", "2019-06-10"),
		MustStrike(t, turDrones, &villagers, "195", d, "Kafr Nabl", "Ankara was blamed for a drone strike.", "r-c", "AP", "2019-06-10"),
		MustStrike(t, turDrones, &syrTroops, "195", d, "Kafr Nabl", "Drones hit a checkpoint.", "r-d", "AP", "2019-06-10"),
		MustStrike(t, rusJets, &syrTroops, "195", day(10), "Kafr Nabl", "The jets were blamed.", "r-e", "AP", "2019-06-10"),
	}
	want := ids(Cluster(in))
	rng := rand.New(rand.NewSource(7))
	for range 20 {
		rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		if got := ids(Cluster(in)); !reflect.DeepEqual(got, want) {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// TestResolveClashFromBothSides: a symmetric act told from either side is
// one act, not a dispute over who did it, even when one side is a country
// without a role, which matches both of the other's actors.
func TestResolveClashFromBothSides(t *testing.T) {
	rebels := model.NewActor("rebels", "SYR", model.RoleREB)
	syria := model.NewActor("Syria", "SYR", "")
	a := MustStrike(t, syrTroops, &rebels, "190", day(9), "Idlib", "Troops fought rebels; each side blamed the other.", "r-a", "Reuters", "2019-06-09")
	b := MustStrike(t, rebels, &syria, "190", day(9), "Idlib", "Rebels fought Syria.", "r-b", "AFP", "2019-06-09")
	got := Cluster([]model.Event{a, b})
	if len(got) != 1 || len(got[0].Disputes) != 0 {
		t.Fatalf("got %v with disputes %+v, want one undisputed event", ids(got), got[0].Disputes)
	}
}

func with(e model.Event, f func(*model.Event)) model.Event {
	e.Mentions = append([]model.Mention(nil), e.Mentions...)
	f(&e)
	return e
}

// BenchmarkCluster100kBlame is BenchmarkCluster100k with places and a
// blame word in one report in twenty, so that the join of acts laid at
// different doors has candidates to compare.
func BenchmarkCluster100kBlame(b *testing.B) {
	reps := syntheticReports(100_000, 42)
	places := []string{"Idlib", "Saraqib", "Aleppo", "Kherson", "Gaza"}
	for i := range reps {
		reps[i].Location = places[i%len(places)]
		if i%20 == 0 {
			reps[i].Mentions[0].Sentence = "The army denied it."
		}
	}
	benchCluster(b, reps)
}

// TestHandsDifferAsEveryPair: comparing the distinct hands decides as
// comparing every pair of mentions did.
func TestHandsDifferAsEveryPair(t *testing.T) {
	everyPair := func(ms []model.Mention) bool {
		for i, a := range ms {
			if a.Source == nil || a.Target == nil {
				continue
			}
			for _, b := range ms[i+1:] {
				if b.Source == nil || b.Target == nil || actorsMatch(a.Source, b.Source) || !actorsMatch(a.Target, b.Target) {
					continue
				}
				if Symmetric(a.Code) && Symmetric(b.Code) && actorsMatch(a.Source, b.Target) && actorsMatch(a.Target, b.Source) {
					continue
				}
				return true
			}
		}
		return false
	}
	rng := rand.New(rand.NewSource(29))
	draw := func() []model.Mention {
		var ms []model.Mention
		for range 1 + rng.Intn(6) {
			r := randomReport(rng)
			m := model.Mention{Code: r.Code}
			if rng.Intn(8) > 0 {
				src := r.Source
				src.Name = fmt.Sprint("name ", rng.Intn(3)) // names are not compared
				m.Source, m.Target = &src, r.Target
			}
			ms = append(ms, m)
		}
		return ms
	}
	mustDecideAsEveryPair(t, "handsDiffer", draw, handsDiffer, everyPair)
}

// mustDecideAsEveryPair checks a check over distinct values, got, against
// the reference that compares every pair, want, on 20,000 draws; both
// answers must come up.
func mustDecideAsEveryPair[T any](t *testing.T, name string, draw func() T, got, want func(T) bool) {
	t.Helper()
	const draws = 20_000
	held := 0
	for range draws {
		x := draw()
		w := want(x)
		if g := got(x); g != w {
			t.Fatalf("%s = %v, every pair says %v, for %+v", name, g, w, x)
		}
		if w {
			held++
		}
	}
	if held == 0 || held == draws {
		t.Fatalf("%s held in %d of %d draws: the test compares too little", name, held, draws)
	}
}
