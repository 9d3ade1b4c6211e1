package main

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func (a *app) actorsCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "actors [--db F] [--format table|json|csv]",
		Short:   "List stored actors with their event counts",
		Example: `  eventgraph actors --format json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := a.openReader()
			if err != nil {
				return err
			}
			defer db.Close()
			actors, err := db.Actors(cmd.Context())
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeJSON(a.stdout, nonNil(actors))
			case "csv":
				cw := csv.NewWriter(a.stdout)
				cw.Write([]string{"id", "name", "country", "role", "code", "events"})
				for _, x := range actors {
					cw.Write([]string{x.ID, x.Name, x.Country, string(x.Role), x.Code, strconv.Itoa(x.Events)})
				}
				cw.Flush()
				return cw.Error()
			case "table":
				tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "NAME\tCOUNTRY\tROLE\tCODE\tEVENTS")
				for _, x := range actors {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", x.Name, x.Country, x.Role, x.Code, x.Events)
				}
				return tw.Flush()
			}
			return usageError("--format %q: want table, json or csv", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
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
