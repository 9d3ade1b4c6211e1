package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/gold"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/store"
)

func (a *app) evalCommand() *cobra.Command {
	var asJSON, quiet bool
	var actorsFile string
	cmd := &cobra.Command{
		Use:   "eval [--json] DIR",
		Short: "Score extraction against the gold files in DIR",
		Long: `Ingests every article that has a NAME.gold.json beside it into a fresh
temporary database, exactly as 'eventgraph ingest' would, and scores the
stored events against the gold at three levels (the shared annotation
guidelines): actors (quote + source + target countries), actors+code (CAMEO
root or an accepted alternative) and actors+code+date (date equal at the
gold precision). Prints precision, recall and F1 per level and per CAMEO
root, role and location accuracy, then every gold event missed and every
extraction that matched nothing.`,
		Example: `  eventgraph eval testdata/articles
  eventgraph eval --json testdata/articles | jq .levels`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := gold.Load(args[0])
			if err != nil {
				return err
			}
			tmp, err := os.MkdirTemp("", "eventgraph-eval-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			db, err := store.Open(filepath.Join(tmp, "eval.db"))
			if err != nil {
				return err
			}
			defer db.Close()
			x, err := a.extractor(actorsFile)
			if err != nil {
				return err
			}
			var paths []string
			for _, f := range files {
				paths = append(paths, f.ArticlePath())
			}
			if _, err := ingestPaths(cmd.Context(), db, x, paths, a.stdin, io.Discard); err != nil && !errors.Is(err, errRejected) {
				return err
			}
			events, err := db.Events(cmd.Context(), model.EventFilter{})
			if err != nil {
				return err
			}
			res := gold.Score(files, events)
			if asJSON {
				return writeJSON(a.stdout, res)
			}
			printScore(a.stdout, res, !quiet)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the whole result as JSON")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print the scores only, not the misses")
	cmd.Flags().StringVar(&actorsFile, "actors", "", "YAML file of actors that adds to or overrides the built-in gazetteer")
	return cmd
}

func printScore(w io.Writer, res gold.Result, details bool) {
	labels := map[string]string{"actors": "actors", "code": "actors+code", "date": "actors+code+date"}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LEVEL\tP\tR\tF1\tTP")
	for _, lvl := range gold.Levels {
		p := res.Levels[lvl]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\n", labels[lvl], p.Precision, p.Recall, p.F1, p.TP)
	}
	tw.Flush()
	fmt.Fprintf(w, "gold events %d, extracted %d; role accuracy %.3f, location accuracy %.3f (over matched events)\n\n",
		res.GoldCount, res.SysCount, res.Role, res.Location)

	roots := make([]string, 0, len(res.ByRoot))
	for r := range res.ByRoot {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ROOT\tNAME\tGOLD\tSYSTEM\tTP\tP\tR\tF1")
	for _, r := range roots {
		p := res.ByRoot[r]
		c, _ := model.LookupCAMEO(r)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\n", r, c.Name, p.Gold, p.System, p.TP, p.Precision, p.Recall, p.F1)
	}
	tw.Flush()
	if !details {
		return
	}
	fmt.Fprintf(w, "\nmissed (%d): first failing level | article | quote | wanted | extracted from that sentence\n", len(res.Misses))
	for _, m := range res.Misses {
		fmt.Fprintf(w, "  %-6s %s | %s | want %s | got %s\n", m.Level, m.Article, m.Quote, m.Want, orDash(m.Got))
	}
	fmt.Fprintf(w, "\nspurious (%d): extractions matching no gold event at actors+code\n", len(res.Spurious))
	for _, m := range res.Spurious {
		fmt.Fprintf(w, "  %s | %s | %s\n", m.Article, m.Got, clip(m.Quote, 100))
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
