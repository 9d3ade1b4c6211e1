package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/model"
)

func (a *app) actorsCommand() *cobra.Command {
	var format string
	var between betweennessFlag
	cmd := &cobra.Command{
		Use:     "actors [--db F] [--format table|json|csv] [--betweenness-sources N]",
		Short:   "List stored actors with their event counts and network metrics",
		Example: `  eventgraph actors --format json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := between.check(); err != nil {
				return err
			}
			db, err := a.openReader()
			if err != nil {
				return err
			}
			defer db.Close()
			actors, err := db.Actors(cmd.Context())
			if err != nil {
				return err
			}
			rows, err := actorMetrics(cmd.Context(), db, actors, between.sources)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(a.stdout, rows)
			case "csv":
				cw := csv.NewWriter(a.stdout)
				cw.Write([]string{"id", "name", "country", "role", "code", "events", "in_degree", "out_degree", "weighted_in", "weighted_out", "betweenness", "pagerank", "community"})
				for _, x := range rows {
					cw.Write([]string{x.ID, x.Name, x.Country, string(x.Role), x.Code, strconv.Itoa(x.Events),
						strconv.Itoa(x.InDegree), strconv.Itoa(x.OutDegree), strconv.Itoa(x.WeightedIn), strconv.Itoa(x.WeightedOut),
						strconv.FormatFloat(x.Betweenness, 'f', 6, 64), strconv.FormatFloat(x.PageRank, 'f', 6, 64), strconv.Itoa(x.Community)})
				}
				cw.Flush()
				return cw.Error()
			case "table":
				tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "NAME\tCOUNTRY\tROLE\tCODE\tEVENTS\tDEGREE\tWEIGHTED\tBETWEENNESS\tPAGERANK\tCOMMUNITY")
				for _, x := range rows {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%.1f\t%.4f\t%d\n", x.Name, x.Country, x.Role, x.Code, x.Events,
						x.InDegree+x.OutDegree, x.WeightedIn+x.WeightedOut, x.Betweenness, x.PageRank, x.Community)
				}
				return tw.Flush()
			}
			return usageError("--format %q: want table, json or csv", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	between.register(cmd)
	return cmd
}

// articleJSON is an article of `articles --format json`.
type articleJSON struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Format    string `json:"format"`
	Events    int    `json:"events"`
}

func (a *app) articlesCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "articles [--db F] [--format table|json|csv]",
		Short:   "List stored articles: path, title, outlet, published, url, event count",
		Example: `  eventgraph articles --format csv > articles.csv`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openReader()
			if err != nil {
				return err
			}
			defer db.Close()
			list, err := db.Articles(cmd.Context())
			if err != nil {
				return err
			}
			rows := make([]articleJSON, 0, len(list))
			for _, x := range list {
				pub := ""
				if !x.Published.IsZero() {
					pub = x.Published.Format("2006-01-02")
				}
				rows = append(rows, articleJSON{ID: x.ID, Path: x.Path, Title: x.Title, Outlet: x.Outlet, Published: pub, URL: x.URL, Format: x.Format, Events: x.Events})
			}
			switch format {
			case "json":
				return writeJSON(a.stdout, rows)
			case "csv":
				cw := csv.NewWriter(a.stdout)
				cw.Write([]string{"id", "path", "title", "outlet", "published", "url", "format", "events"})
				for _, r := range rows {
					cw.Write([]string{r.ID, r.Path, r.Title, r.Outlet, r.Published, r.URL, r.Format, strconv.Itoa(r.Events)})
				}
				cw.Flush()
				return cw.Error()
			case "table":
				tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "PUBLISHED\tOUTLET\tEVENTS\tTITLE\tPATH")
				for _, r := range rows {
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", r.Published, r.Outlet, r.Events, clip(r.Title, 60), r.Path)
				}
				return tw.Flush()
			}
			return usageError("--format %q: want table, json or csv", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	return cmd
}

// actorRow is an actor of `actors` with its place in the network of all
// stored events: degrees (in and out, as distinct partners and as events),
// betweenness, PageRank and community, as package graph computes them.
// Actors in no event have zeros and community 0.
type actorRow struct {
	model.ActorSummary
	InDegree    int     `json:"in_degree"`
	OutDegree   int     `json:"out_degree"`
	WeightedIn  int     `json:"weighted_in"`
	WeightedOut int     `json:"weighted_out"`
	Betweenness float64 `json:"betweenness"`
	PageRank    float64 `json:"pagerank"`
	Community   int     `json:"community"`
}

func actorMetrics(ctx context.Context, db model.EventReader, actors []model.ActorSummary, betweennessSources int) ([]actorRow, error) {
	events, err := db.Events(ctx, model.EventFilter{})
	if err != nil {
		return nil, err
	}
	net, err := graph.BuildView(events, graph.BuildOptions{BetweennessSources: betweennessSources})
	if err != nil {
		return nil, err
	}
	rows := make([]actorRow, 0, len(actors))
	for _, x := range actors {
		r := actorRow{ActorSummary: x}
		if c, err := net.Centrality(x.ID); err == nil {
			r.InDegree, r.OutDegree, r.WeightedIn, r.WeightedOut = c.Degree.In, c.Degree.Out, c.Degree.WeightedIn, c.Degree.WeightedOut
			r.Betweenness, r.PageRank, r.Community = c.Betweenness, c.PageRank, c.Community
		}
		rows = append(rows, r)
	}
	return rows, nil
}
