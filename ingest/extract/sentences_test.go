package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/ingest/actor"
)

const sentenceRecords = "/work/shared/eval/coding/cameo_manual_sentences.jsonl"

// ploverRoots are the CAMEO roots each PLOVER label accepts, as in the
// shared sentence scorer.
var ploverRoots = map[string][]string{
	"AGREE": {"03", "05", "08"}, "DEMAND": {"10", "02"}, "REJECT": {"12"}, "THREATEN": {"13"},
	"PROTEST": {"14"}, "COERCE": {"17"}, "FIGHT": {"19", "18"}, "DISAPPROVE": {"11"},
	"ASSAULT": {"18", "20", "19"}, "RETREAT": {"08"}, "SANCTION": {"16", "17"},
	"SUPPORT": {"05", "03"}, "CONCEDE": {"08"}, "CONSULT": {"04"}, "AID": {"07"},
	"INVESTIGATE": {"09"}, "MOBILIZE": {"15"}, "COOPERATE": {"06", "05"},
}

// TestSentenceCoding reports how many labelled single sentences get a
// right root among their events (the "code accuracy" of the shared
// sentence scorer). DEV_VERBOSE=1 lists the misses by label.
func TestSentenceCoding(t *testing.T) {
	f, err := os.Open(sentenceRecords)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	x := New(actor.Default())
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	n, ok := 0, 0
	byLabel := map[string][2]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct {
			ID, Text, Event string
			NoEvents        bool `json:"noevents"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil || rec.NoEvents {
			continue
		}
		want := ploverRoots[rec.Event]
		hit := false
		var got []string
		for _, e := range x.ExtractText(rec.Text, day) {
			got = append(got, e.Root())
			for _, r := range want {
				hit = hit || e.Root() == r
			}
		}
		n++
		c := byLabel[rec.Event]
		c[1]++
		if hit {
			ok++
			c[0]++
		} else if os.Getenv("DEV_VERBOSE") != "" {
			t.Logf("miss %s %v got %v | %s", rec.Event, want, got, rec.Text)
		}
		byLabel[rec.Event] = c
	}
	labels := make([]string, 0, len(byLabel))
	for l := range byLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		t.Logf("%-12s %d/%d", l, byLabel[l][0], byLabel[l][1])
	}
	t.Logf("sentence coding: %d/%d right root (%.3f)", ok, n, float64(ok)/float64(max(n, 1)))
}
