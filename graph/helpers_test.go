package graph

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Actors of the test networks, with names that stress escaping.
var (
	rus    = model.NewActor("Russia", "RUS", model.RoleGOV)
	ukr    = model.NewActor("Ukraine", "UKR", model.RoleGOV)
	wagner = model.NewActor(`Wagner "PMC"`, "RUS", model.RoleREB)
	obrien = model.NewActor(`O'Brien \ Co`, "IRL", model.RoleBUS)
	un     = model.NewActor("United Nations", "IGO", model.RoleIGO)
)

// MustEvent returns an event from source to target (nil for none) with
// code and date, its id derived as the model does.
func MustEvent(tb testing.TB, source model.Actor, target *model.Actor, code string, d model.Date) model.Event {
	tb.Helper()
	if _, ok := model.LookupCAMEO(code); !ok {
		tb.Fatalf("MustEvent: unknown CAMEO code %q", code)
	}
	e := model.Event{Source: source, Target: target, Code: code, Date: d}
	e.SetID()
	return e
}

// MustBuild builds the network of events or fails the test.
func MustBuild(tb testing.TB, events []model.Event) *Network {
	tb.Helper()
	n, err := Build(events)
	if err != nil {
		tb.Fatalf("Build: %v", err)
	}
	return n
}

func ptr(a model.Actor) *model.Actor { return &a }

func day(y int, m time.Month, d int) model.Date { return model.DayOf(y, m, d) }

// sampleEvents is a small network used by the DOT and metric tests: a
// conflict pair, a mediator, a self-loop, an untargeted statement, and
// names that need escaping.
func sampleEvents(tb testing.TB) []model.Event {
	tb.Helper()
	return []model.Event{
		MustEvent(tb, rus, ptr(ukr), "190", day(2022, 2, 24)),
		MustEvent(tb, rus, ptr(ukr), "195", day(2022, 3, 1)),
		MustEvent(tb, rus, ptr(ukr), "112", model.Month(2022, 2)),
		MustEvent(tb, ukr, ptr(rus), "193", day(2022, 2, 25)),
		MustEvent(tb, un, ptr(rus), "10", day(2022, 3, 2)),
		MustEvent(tb, un, ptr(ukr), "073", model.Range(time.Date(2022, 3, 5, 0, 0, 0, 0, time.UTC), time.Date(2022, 3, 9, 0, 0, 0, 0, time.UTC))),
		MustEvent(tb, wagner, ptr(ukr), "193", model.Year(2022)),
		MustEvent(tb, rus, ptr(wagner), "072", model.Date{}),
		MustEvent(tb, obrien, ptr(wagner), "061", model.Month(2021, 11)),
		MustEvent(tb, ukr, ptr(ukr), "0832", day(2022, 4, 1)),
		MustEvent(tb, ukr, nil, "012", day(2022, 4, 2)),
	}
}

// MustSampleEvents reads the events of the sample corpus as frozen in
// testdata/sample-events.json (the output of `eventgraph events --format
// json` on testdata/articles), so that export goldens pin the real corpus
// without changing whenever the extractor improves. Refresh it with
// `eventgraph ingest --db /tmp/s.db testdata/articles && eventgraph
// events --db /tmp/s.db --format json > graph/testdata/sample-events.json`.
func MustSampleEvents(tb testing.TB) []model.Event {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sample-events.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var events []model.Event
	if err := json.Unmarshal(b, &events); err != nil {
		tb.Fatalf("testdata/sample-events.json: %v", err)
	}
	return events
}

// shuffled returns the events in a random order.
func shuffled(events []model.Event) []model.Event {
	out := slices.Clone(events)
	rand.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
