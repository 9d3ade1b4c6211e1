package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

func TestReviewCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	if _, errs, code := MustRun(t, "", "ingest", "--db", db, samples); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	all := MustEvents(t, db)
	id := all[0].ID
	out, errs, code := MustRun(t, "", "review", "--db", db, id, "--status", "rejected", "--note", "a forecast")
	if code != 0 || !strings.Contains(out, id+" rejected") {
		t.Fatalf("review: exit %d: %s%s", code, out, errs)
	}
	if got := MustEvents(t, db); len(got) != len(all)-1 {
		t.Errorf("after rejecting one of %d events, events lists %d", len(all), len(got))
	}
	// Re-ingesting keeps the decision.
	MustRun(t, "", "ingest", "--db", db, samples)
	var found *model.Event
	for _, e := range MustEvents(t, db, "--include-rejected") {
		if e.ID == id {
			found = &e
		}
	}
	if found == nil || found.Status != model.StatusRejected || found.Note != "a forecast" {
		t.Fatalf("--include-rejected: event %s = %+v", id, found)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"bad status", []string{"review", "--db", db, id, "--status", "maybe"}, "want reviewed, disputed or rejected"},
		{"no status", []string{"review", "--db", db, id}, "status"},
		{"unknown event", []string{"review", "--db", db, "e-000000000000", "--status", "reviewed"}, "no event e-000000000000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := MustRun(t, "", tt.args...)
			if code != exitFatal || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, tt.want)
			}
		})
	}
}

// TestSharedStoriesMerge checks the stories of INDEX.md that several
// sample articles report. It depends on the extractor coding both reports
// alike; pairs it does not find yet are logged, not failed.
func TestSharedStoriesMerge(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errs, code := MustRun(t, "", "ingest", "--db", db, samples); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	events := MustEvents(t, db, "--min-sources", "2")
	find := func(src, tgt, root, date string, articles ...string) *model.Event {
		for i, e := range events {
			if e.Target == nil || e.Date.String() != date || e.Root() != root {
				continue
			}
			pair := e.Source.Code + ">" + e.Target.Code
			if pair != src+">"+tgt && pair != tgt+">"+src {
				continue
			}
			paths := ""
			for _, m := range e.Mentions {
				paths += m.Path + " "
			}
			ok := true
			for _, a := range articles {
				ok = ok && strings.Contains(paths, a)
			}
			if ok {
				return &events[i]
			}
		}
		return nil
	}
	required := []struct {
		name                 string
		src, tgt, root, date string
		articles             []string
	}{
		{"seed and its Al Jazeera retelling: the Kremlin rebuffs Trump", "RUSGOV", "USAGOV", "12", "2019-06-03",
			[]string{"idlib-kremlin-2019-06-03", "idlib-peskov-trump-2019-06-03"}},
		{"the 2018 Sochi deal in AFP and a later Reuters article", "RUSGOV", "TURGOV", "05", "2018-09-17",
			[]string{"idlib-sochi-deal-2018-09-17"}},
	}
	for _, tt := range required {
		t.Run(tt.name, func(t *testing.T) {
			e := find(tt.src, tt.tgt, tt.root, tt.date, tt.articles...)
			if e == nil {
				t.Fatalf("no event %s-%s root %s on %s with sources >= 2 in %v\n%s", tt.src, tt.tgt, tt.root, tt.date, tt.articles, describeEvents(events))
			}
			if e.Sources() < 2 || e.Articles() < 2 {
				t.Errorf("sources %d, articles %d", e.Sources(), e.Articles())
			}
		})
	}
	// Not found by the extractor today: the Reuters and AP reports of the
	// Moscow ceasefire talks are given different places and partners.
	if e := find("RUSGOV", "TURGOV", "04", "2020-03-05", "idlib-moscow-ceasefire-2020-03-05", "idlib-moscow-ceasefire-2020-03-06"); e == nil {
		t.Log("Moscow ceasefire talks (Reuters 03-05, AP 03-06) not merged yet: the extractor codes them differently")
	}
}
