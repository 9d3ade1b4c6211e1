package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/model"
)

func (a *app) eventsCommand() *cobra.Command {
	var ff filterFlags
	var format string
	cmd := &cobra.Command{
		Use:   "events [--db F] [filters] [--format table|json|csv]",
		Short: "List stored events, oldest first",
		Example: `  eventgraph events --actor Russia --actor Turkey --from 2018 --to 2020
  eventgraph events --root 19 --format json
  eventgraph events --min-sources 2 --format csv > corroborated.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			events, err := a.filteredEvents(cmd.Context(), &ff)
			if err != nil {
				return err
			}
			return writeEvents(a.stdout, format, events)
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json or csv")
	return cmd
}

func writeEvents(w io.Writer, format string, events []model.Event) error {
	switch format {
	case "json":
		return writeJSON(w, nonNil(events))
	case "csv":
		return writeEventsCSV(w, events)
	case "table":
		return writeEventsTable(w, events)
	}
	return usageError("--format %q: want table, json or csv", format)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writeEventsTable(w io.Writer, events []model.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tSOURCE\tCAMEO\tTARGET\tSOURCES\tEVIDENCE")
	for _, e := range events {
		quote := ""
		if len(e.Mentions) > 0 {
			quote = clip(e.Mentions[0].Sentence, 80)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s %s\t%s\t%d\t%s\n", e.Date.Display(), actorLabel(&e.Source), e.Code, e.CAMEO().Name, actorLabel(e.Target), e.Sources(), quote)
	}
	return tw.Flush()
}

func actorLabel(a *model.Actor) string {
	if a == nil {
		return "-"
	}
	if a.Code == "" {
		return a.Name
	}
	return a.Name + " (" + a.Code + ")"
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// eventCSVHeader is the column order of `events --format csv`: one row per
// mention, so every row carries its evidence.
var eventCSVHeader = []string{"event_id", "date", "precision", "end", "source", "source_country", "source_role", "target", "target_country", "target_role", "cameo", "root", "cameo_name", "quad", "goldstein", "location", "sources", "articles", "outlet", "published", "url", "path", "trigger", "time_text", "sentence"}

func writeEventsCSV(w io.Writer, events []model.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(eventCSVHeader); err != nil {
		return err
	}
	for _, e := range events {
		c := e.CAMEO()
		var tName, tCountry, tRole string
		if e.Target != nil {
			tName, tCountry, tRole = e.Target.Name, e.Target.Country, string(e.Target.Role)
		}
		base := []string{e.ID, e.Date.String(), string(e.Date.Precision), e.Date.EndString(),
			e.Source.Name, e.Source.Country, string(e.Source.Role), tName, tCountry, tRole,
			e.Code, e.Root(), c.Name, strconv.Itoa(c.Quad), strconv.FormatFloat(c.Goldstein, 'f', -1, 64), e.Location,
			strconv.Itoa(e.Sources()), strconv.Itoa(e.Articles())}
		for _, m := range e.Mentions {
			row := append(append([]string(nil), base...), m.Outlet, m.Published, m.URL, m.Path, m.Trigger, m.TimeText, m.Sentence)
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
