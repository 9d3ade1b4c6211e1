package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/corpus"
)

func (a *app) genCorpusCommand() *cobra.Command {
	var n int
	var out, samples, from, to string
	var seed uint64
	var recast bool
	var copies float64
	var formats []string
	cmd := &cobra.Command{
		Use:   "gen-corpus -n N -o DIR [--seed S] [--samples DIR] [--from DAY [--to DAY]]",
		Short: "Generate a synthetic corpus for benchmarks and load tests",
		Long: `Recombines the paragraphs, actors, places and dates of the sample articles
into N new articles, written in every input format (text layout, plain text,
HTML, JSON, JSON lines, RSS). The same seed and samples give the same files,
byte for byte. Each article is published within a year before and two after
the date of the sample it starts from, or, with --from (and --to), on a day
between the two: a feed's take to add to a store built from another corpus.

Each article takes the paragraphs of one sample and a few of another, and
swaps most of their states, people, groups, organisations and places for
others of the samples, so that it tells a story of its own (--recast). A
share of the articles (--copies) are another outlet's copy of a recent one,
as wire stories are. --recast=false --copies 0 writes the corpora of the
figures measured before 27 Nov 2026's seventh session: every article then
repeats one of the samples, and a large corpus is mostly near-copies.`,
		Example: `  eventgraph gen-corpus -n 10000 -o /tmp/corpus-10k
  eventgraph gen-corpus -n 500 -o /tmp/html-only --formats html --seed 2
  eventgraph gen-corpus -n 1000 -o /tmp/one-day --seed 2 --from 2021-03-01
  eventgraph gen-corpus -n 10000 -o /tmp/as-before --recast=false --copies 0`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageError("-o DIR is required")
			}
			if n <= 0 {
				return usageError("-n %d: want a positive number of articles", n)
			}
			var days [2]time.Time
			for i, v := range []string{from, to} {
				if v == "" {
					continue
				}
				d, err := time.Parse(time.DateOnly, v)
				if err != nil {
					return usageError("--%s %q: want a day as YYYY-MM-DD", [...]string{"from", "to"}[i], v)
				}
				days[i] = d
			}
			if from == "" && to != "" {
				return usageError("--to needs --from")
			}
			if to != "" && days[1].Before(days[0]) {
				return usageError("--to %s is before --from %s", to, from)
			}
			if copies < 0 || copies >= 1 {
				return usageError("--copies %g: want a share of at least 0 and less than 1", copies)
			}
			s, err := corpus.Load(samples)
			if err != nil {
				return err
			}
			files, err := s.Generate(out, corpus.Options{N: n, Seed: seed, Formats: formats, From: days[0], To: days[1],
				Recast: recast, Copies: copies})
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
	cmd.Flags().StringVar(&from, "from", "", "first day of publication, YYYY-MM-DD (default: around each sample's date)")
	cmd.Flags().StringVar(&to, "to", "", "last day of publication, YYYY-MM-DD (default: the --from day)")
	cmd.Flags().BoolVar(&recast, "recast", true, "swap each article's states, people, groups and places for others of the samples")
	cmd.Flags().Float64Var(&copies, "copies", corpus.DefaultCopies, "share of articles that are another outlet's copy of a recent one")
	cmd.Flags().StringSliceVar(&formats, "formats", nil, "formats to write, in rotation (default all: text,plain,html,json,jsonl,rss)")
	return cmd
}
