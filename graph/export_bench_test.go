package graph

import (
	"fmt"
	"io"
	"testing"
)

// BenchmarkCentralities times betweenness, PageRank and communities on the
// networks of BenchmarkBuild, the cache cleared before every round.
func BenchmarkCentralities(b *testing.B) {
	for _, actors := range []int{2_000, 100} {
		b.Run(fmt.Sprintf("events=100k/actors=%d", actors), func(b *testing.B) {
			n := MustBuild(b, syntheticEvents(b, 100_000, actors))
			b.ReportAllocs()
			cpu := startCPU(b)
			defer cpu.stop()
			for b.Loop() {
				n.metrics = metricsCache{}
				n.Centralities()
			}
		})
	}
}

// BenchmarkExports times each network writer on 100k events among 100
// actors, metrics already computed.
func BenchmarkExports(b *testing.B) {
	n := MustBuild(b, syntheticEvents(b, 100_000, 100))
	n.Centralities()
	for name, write := range map[string]func(io.Writer, *Network) error{
		"graphml":   WriteGraphML,
		"gexf":      WriteGEXF,
		"cytoscape": WriteCytoscape,
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := startCPU(b)
			defer cpu.stop()
			for b.Loop() {
				if err := write(io.Discard, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildView times grouping by country and an ego network of depth
// 1 on 100k events among 2,000 actors.
func BenchmarkBuildView(b *testing.B) {
	events := syntheticEvents(b, 100_000, 2_000)
	centre := MustBuild(b, events).Nodes()[0].Actor.ID
	for name, opt := range map[string]BuildOptions{
		"country": {GroupBy: GroupCountry},
		"ego":     {Around: centre, Depth: 1},
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := startCPU(b)
			defer cpu.stop()
			for b.Loop() {
				if _, err := BuildView(events, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
