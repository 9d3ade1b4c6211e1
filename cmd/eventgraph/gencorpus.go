package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/corpus"
)

func (a *app) genCorpusCommand() *cobra.Command {
	var n int
	var out, samples string
	var seed uint64
	var formats []string
	cmd := &cobra.Command{
		Use:   "gen-corpus -n N -o DIR [--seed S] [--samples DIR]",
		Short: "Generate a synthetic corpus for benchmarks and load tests",
		Long: `Recombines the paragraphs, actors, places and dates of the sample articles
into N new articles, written in every input format (text layout, plain text,
HTML, JSON, JSON lines, RSS). The same seed and samples give the same files,
byte for byte.`,
		Example: `  eventgraph gen-corpus -n 10000 -o /tmp/corpus-10k
  eventgraph gen-corpus -n 500 -o /tmp/html-only --formats html --seed 2`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError("-o DIR is required")
			}
			if n <= 0 {
				return usageError("-n %d: want a positive number of articles", n)
			}
			s, err := corpus.Load(samples)
			if err != nil {
				return err
			}
			files, err := s.Generate(out, corpus.Options{N: n, Seed: seed, Formats: formats})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %d articles in %d files to %s\n", n, files, out)
			return nil
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 1000, "number of articles")
	cmd.Flags().StringVarP(&out, "out", "o", "", "folder to write into")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "random seed")
	cmd.Flags().StringVar(&samples, "samples", "testdata/articles", "folder of sample articles to recombine")
	cmd.Flags().StringSliceVar(&formats, "formats", nil, "formats to write, in rotation (default all: text,plain,html,json,jsonl,rss)")
	return cmd
}
