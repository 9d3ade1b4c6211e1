package merge

import (
	"reflect"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// mustAddAsCluster adds the reports news (of one article) to the events
// Cluster makes of stored, and fails unless Add declines or places them
// exactly as clustering all reports again does: the same events changed,
// coded, counted, named and ordered, with the same summaries.
func mustAddAsCluster(tb testing.TB, name string, stored, news []model.Event) ([]Placed, bool) {
	return mustAddAsClusterGiven(tb, name, stored, news, false)
}

// mustAddAsClusterGiven is mustAddAsCluster; with onlyMet set, Add is
// given only the stored events that have a report that meets a new
// report, or an old anchor of an event Add gave a new id, as a store
// that filters its lookups by [Probe.MayMeet] and own ids gives them.
func mustAddAsClusterGiven(tb testing.TB, name string, stored, news []model.Event, onlyMet bool) ([]Placed, bool) {
	tb.Helper()
	var all []*Summary
	before := map[string][]string{}
	reps := map[*Summary][]model.Event{}
	for _, e := range Cluster(stored) {
		s := Default.Summarize(e.ID, Reports([]model.Event{e}))
		all = append(all, s)
		reps[s] = Reports([]model.Event{e})
		before[e.ID] = reportSet(e)
	}
	sums := all
	if onlyMet {
		sums = nil
		given := map[*Summary]bool{}
		give := func(probes []model.Event) {
			for _, s := range all {
				if !given[s] && anyMeets(probes, reps[s]) {
					given[s] = true
					sums = append(sums, s)
				}
			}
		}
		give(Reports(news))
		for {
			out, ok := Default.Add(sums, news)
			if !ok {
				return nil, false
			}
			var anchors []model.Event
			for _, p := range out {
				for _, s := range all {
					if p.Replaces != "" && s.ID == p.Replaces {
						anchors = append(anchors, s.Anchor())
					}
				}
			}
			n := len(sums)
			give(anchors)
			if len(sums) == n {
				break
			}
		}
	}
	out, ok := Default.Add(sums, news)
	if !ok {
		return nil, false
	}
	want := Cluster(append(append([]model.Event(nil), stored...), news...))
	got := map[string]Placed{}
	for _, p := range out {
		got[p.Event.ID] = p
	}
	var order []string
	for _, w := range want {
		p, changed := got[w.ID]
		if !changed {
			if !reflect.DeepEqual(reportSet(w), before[w.ID]) {
				tb.Fatalf("%s: event %s changed but Add did not say so", name, w.ID)
			}
			continue
		}
		order = append(order, w.ID)
		was := before[w.ID]
		if p.Replaces != "" {
			was = before[p.Replaces]
			if was == nil || before[w.ID] != nil {
				tb.Fatalf("%s: event %s replaces %s, which was not stored, or was stored itself", name, w.ID, p.Replaces)
			}
		}
		e := p.Event
		if e.Source.ID != w.Source.ID || !reflect.DeepEqual(e.Target, w.Target) || e.Code != w.Code ||
			e.Date.Encode() != w.Date.Encode() || e.Location != w.Location {
			tb.Fatalf("%s: event %s coded\n%+v\nwant\n%+v", name, w.ID, e, w)
		}
		if p.Summary.Articles() != w.Articles() || p.Stored != (before[w.ID] != nil) {
			tb.Fatalf("%s: event %s: articles %d stored %v, want %d %v", name, w.ID,
				p.Summary.Articles(), p.Stored, w.Articles(), before[w.ID] != nil)
		}
		wantNew := []string{}
		for _, id := range reportSet(w) {
			if !contains(was, id) {
				wantNew = append(wantNew, id)
			}
		}
		if gotNew := reportSet(e); !reflect.DeepEqual(gotNew, wantNew) {
			tb.Fatalf("%s: event %s gained %v, want %v", name, w.ID, gotNew, wantNew)
		}
		// The summary after is the summary of the event as Cluster made it.
		if again := Default.Summarize(w.ID, Reports([]model.Event{w})); !sameSummary(again, p.Summary) {
			tb.Fatalf("%s: event %s: summary after differs from the event's own", name, w.ID)
		}
	}
	for _, p := range out { // a replaced id is gone
		for _, w := range want {
			if p.Replaces != "" && w.ID == p.Replaces {
				tb.Fatalf("%s: event %s replaced, yet Cluster keeps it", name, w.ID)
			}
		}
	}
	if len(order) != len(out) {
		tb.Fatalf("%s: Add placed %d events, Cluster changed %d", name, len(out), len(order))
	}
	for i, p := range out {
		if p.Event.ID != order[i] {
			tb.Fatalf("%s: placed events out of order: %s at %d, want %s", name, p.Event.ID, i, order[i])
		}
	}
	return out, true
}

// Events whose anchors share one key (they differ in place): Add names
// them as Cluster does, or declines.
func TestAdd_SharedKeys(t *testing.T) {
	at := func(e model.Event, place, path string) model.Event {
		e.Location = place
		e.Mentions[0].Path = path
		return e
	}
	strike := func(code, art, pub string, start int) model.Event {
		return MustReport(t, russia, &turkey, code, day(3), art, "X", pub, start)
	}
	holder := at(strike("190", "a1", "2019-06-04", 0), "Idlib", "p/1")
	derived := at(strike("190", "a2", "2019-06-04", 0), "Aleppo", "p/2")
	tests := []struct {
		name         string
		stored, news []model.Event
		placed       bool // Add must place them
		derived      int  // of the events placed, those under a derived id
	}{
		{"a later event of the key derives its id",
			[]model.Event{holder}, []model.Event{at(strike("190", "n1", "2019-06-05", 0), "Aleppo", "p/3")}, true, 1},
		{"an earlier event of the key would take the id: declined",
			[]model.Event{holder}, []model.Event{at(strike("190", "n1", "2019-06-03", 0), "Aleppo", "p/0")}, false, 0},
		{"a derived event keeps its id",
			[]model.Event{holder, derived}, []model.Event{at(strike("195", "n1", "2019-06-05", 0), "Aleppo", "p/3")}, true, 1},
		// Published with the holder's first report but read from a later
		// path: the derived event's anchor (by id), not its first report.
		{"a derived event with a new anchor of the key",
			[]model.Event{holder, derived}, []model.Event{at(strike("190", "a0", "2019-06-04", 0), "Aleppo", "p/5")}, true, 1},
		// The holder takes a new anchor of another key and leaves its id
		// to the new event of the old key, which Add must not derive. Nor
		// does it give the event that id: the store retires it with the
		// holder's old row.
		{"the holder leaves the id",
			[]model.Event{holder}, []model.Event{at(strike("195", "n1", "2019-06-03", 0), "Idlib", "p/0"),
				at(strike("190", "n1", "2019-06-03", 40), "Aleppo", "p/9")}, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ok := mustAddAsCluster(t, tt.name, tt.stored, tt.news)
			if ok != tt.placed {
				t.Fatalf("placed %v, want %v", ok, tt.placed)
			}
			derived := 0
			for _, p := range out {
				if p.Event.ID == EventID(p.Summary.Anchor()) {
					derived++
				}
			}
			if derived != tt.derived {
				t.Errorf("%d events placed under a derived id, want %d", derived, tt.derived)
			}
		})
	}
}

// anyMeets reports whether a report of probes meets a report of stored as
// clustering and naming let them: compatible, another hand's, or of one
// own id.
func anyMeets(probes, stored []model.Event) bool {
	for _, p := range probes {
		for _, r := range stored {
			if refCompatible(Default, p, r) || refOtherHand(Default, p, r) || refOtherHand(Default, r, p) || ownID(p) == ownID(r) {
				return true
			}
		}
	}
	return false
}

func ownID(r model.Event) string {
	r.SetID()
	return r.ID
}
