package graph

import (
	"fmt"
	"io"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// syntheticEvents returns k events among actors actors, with codes drawn
// from the whole CAMEO table, dates of every precision and one event in
// twenty without a target. The same k and actors give the same events.
func syntheticEvents(tb testing.TB, k, actors int) []model.Event {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	pool := make([]model.Actor, actors)
	for i := range pool {
		pool[i] = model.NewActor(fmt.Sprintf("Actor %d", i), fmt.Sprintf("C%02d", i%40), model.Roles[i%len(model.Roles)])
	}
	codes := model.CAMEOCodes()
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	events := make([]model.Event, k)
	for i := range events {
		t := start.AddDate(0, 0, rng.IntN(1500))
		var d model.Date
		switch rng.IntN(10) {
		case 0:
			d = model.Month(t.Year(), t.Month())
		case 1:
			d = model.Year(t.Year())
		case 2:
			d = model.Range(t, t.AddDate(0, 0, 3))
		default:
			d = model.Day(t)
		}
		e := model.Event{
			ID:     fmt.Sprintf("e-%012x", i),
			Date:   d,
			Source: pool[rng.IntN(actors)],
			Code:   codes[rng.IntN(len(codes))].Code,
		}
		if rng.IntN(20) != 0 {
			e.Target = &pool[rng.IntN(actors)]
		}
		events[i] = e
	}
	return events
}

// BenchmarkBuild builds networks of 100k events: among 2,000 actors nearly
// every event is a pair of its own (about 93k edges), among 100 actors
// pairs repeat as in real coverage of one conflict (under 10k edges).
func BenchmarkBuild(b *testing.B) {
	for _, actors := range []int{2_000, 100} {
		b.Run(fmt.Sprintf("events=100k/actors=%d", actors), func(b *testing.B) {
			events := syntheticEvents(b, 100_000, actors)
			b.ReportAllocs()
			cpu := startCPU(b)
			defer cpu.stop()
			for b.Loop() {
				if _, err := Build(events); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWriteDOT(b *testing.B) {
	n := MustBuild(b, syntheticEvents(b, 100_000, 2_000))
	b.ReportAllocs()
	cpu := startCPU(b)
	defer cpu.stop()
	for b.Loop() {
		if err := WriteDOT(io.Discard, n, DOTOptions{ClusterByCountry: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShortestPath(b *testing.B) {
	n := MustBuild(b, syntheticEvents(b, 100_000, 2_000))
	nodes := n.Nodes()
	from, to := nodes[0].Actor.ID, nodes[len(nodes)-1].Actor.ID
	for b.Loop() {
		if _, err := n.ShortestPath(from, to); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTimer reports the process's CPU time per operation as "cpu-ns/op".
// Wall time is what users feel, but on a shared machine it swings with
// whatever else runs; CPU time (user and system, every thread, the garbage
// collector included) is the steadier figure to compare versions by.
type cpuTimer struct {
	b     *testing.B
	start time.Duration
}

func startCPU(b *testing.B) *cpuTimer { return &cpuTimer{b: b, start: processCPU()} }

// stop reports the CPU time since startCPU divided by b.N.
func (c *cpuTimer) stop() {
	if c.b.N > 0 {
		c.b.ReportMetric(float64(processCPU()-c.start)/float64(c.b.N), "cpu-ns/op")
	}
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
