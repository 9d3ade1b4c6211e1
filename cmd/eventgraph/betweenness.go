package main

import (
	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

// betweennessFlag is --betweenness-sources, shared by the commands that
// compute actor metrics. Exact betweenness costs sources × (actors +
// relations); on a network of a year of coverage the automatic setting
// samples, and an analyst who needs exact figures, or a cheaper estimate,
// says so here.
type betweennessFlag struct{ sources int }

func (b *betweennessFlag) register(cmd *cobra.Command) {
	cmd.Flags().IntVar(&b.sources, "betweenness-sources", graph.BetweennessAuto,
		"betweenness from how many source actors: 0 exact unless the network is too large, then a seeded sample; -1 always exact; N an estimate from N sampled actors")
}

func (b *betweennessFlag) check() error {
	if b.sources < graph.BetweennessExact {
		return usageError("--betweenness-sources %d: want -1 (exact), 0 (automatic) or a number of actors", b.sources)
	}
	return nil
}
