package main

import (
	"path/filepath"
	"testing"
)

// TestMoscowCeasefireMerges: the Reuters and AP reports of the March 2020
// Moscow ceasefire (INDEX.md, dedup pair A/B) give the agreement as one
// event with both sources, though AP places its sealing in Moscow and
// Reuters the deal in Idlib: every report of an agreement between the two
// that day is in it.
func TestMoscowCeasefireMerges(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	for _, p := range []string{"idlib-moscow-ceasefire-2020-03-06.txt", "idlib-moscow-ceasefire-2020-03-05.txt"} {
		if _, errs, code := MustRun(t, "", "ingest", "--db", db, filepath.Join(samples, p)); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", p, code, errs)
		}
	}
	var deals [][]string
	whole := false
	for _, e := range MustEvents(t, db, "--root", "05") {
		if e.Target == nil || e.Date.String() != "2020-03-05" {
			continue
		}
		pair := e.Source.Country + ">" + e.Target.Country
		if pair != "RUS>TUR" && pair != "TUR>RUS" {
			continue
		}
		deals = append(deals, sentences(e))
		whole = e.Sources() >= 2 && e.Articles() == 2
	}
	if len(deals) != 1 || !whole {
		t.Errorf("want one Russian-Turkish agreement of 2020-03-05 told by both sources; got %d: %q", len(deals), deals)
	}
}
