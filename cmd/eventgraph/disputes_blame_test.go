package main

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// blameCorpus is three invented reports of one Sunday in Saraqib: a strike
// on civilians that Reuters lays at Russia's door and AFP at Syria's (with
// Moscow's denial), and two attacks on Syrian troops by different hands
// that nobody disputes.
const blameCorpus = "../../testdata/blame"

// TestBlameDispute ingests the corpus one article per command, in both
// orders of the two versions, and expects the strike as one event with
// each perpetrator and its source, and the undisputed attacks apart.
func TestBlameDispute(t *testing.T) {
	reuters := filepath.Join(blameCorpus, "saraqib-market-strike-reuters.txt")
	afp := filepath.Join(blameCorpus, "saraqib-market-strike-afp.txt")
	ap := filepath.Join(blameCorpus, "saraqib-drone-strike-ap.txt")
	for _, tt := range []struct {
		name  string
		order []string
	}{
		{"reuters first", []string{reuters, ap, afp}},
		{"afp first", []string{afp, ap, reuters}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "blame.db")
			for _, p := range tt.order {
				if _, errs, code := MustRun(t, "", "ingest", "--db", db, p); code != 0 {
					t.Fatalf("ingest %s: exit %d: %s", p, code, errs)
				}
			}
			events := MustEvents(t, db)
			strike := findBySentence(events, "Russian warplanes bombed")
			if strike == nil {
				t.Fatal("no event reports the Reuters strike")
			}
			if findBySentence([]model.Event{*strike}, "Syrian government aircraft bombed") == nil {
				t.Fatalf("the AFP version is another event; the strike's mentions: %v", sentences(*strike))
			}
			if !strike.Disputed() || strike.Sources() != 2 {
				t.Errorf("strike: disputed %v, sources %d; want true, 2", strike.Disputed(), strike.Sources())
			}
			var got map[string][]string
			for _, d := range strike.Disputes {
				if d.Kind == model.DisputeBlame {
					got = map[string][]string{}
					for _, v := range d.Versions {
						got[v.Value] = v.Sources
					}
				}
			}
			want := map[string][]string{
				"Russian warplanes (RUSMIL)":          {"Reuters"},
				"Syrian government aircraft (SYRMIL)": {"AFP"},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("blame versions %v, want %v (disputes %+v)", got, want, strike.Disputes)
			}
			// No blame word ties the two attacks on the troops: two acts.
			drones := findBySentence(events, "Turkish drones bombed")
			if drones == nil {
				t.Fatal("no event reports the drone strike")
			}
			if findBySentence([]model.Event{*drones}, "Syrian rebels attacked") != nil {
				t.Errorf("undisputed attacks by two hands merged: %v", sentences(*drones))
			}
		})
	}
}

// findBySentence returns the first event with a mention whose sentence
// starts with prefix, among those of a material conflict root.
func findBySentence(events []model.Event, prefix string) *model.Event {
	for i, e := range events {
		if e.CAMEO().Quad != 4 || e.Target == nil {
			continue
		}
		for _, m := range e.Mentions {
			if strings.HasPrefix(m.Sentence, prefix) {
				return &events[i]
			}
		}
	}
	return nil
}

func sentences(e model.Event) []string {
	var out []string
	for _, m := range e.Mentions {
		out = append(out, m.Outlet+": "+m.Sentence)
	}
	return out
}
