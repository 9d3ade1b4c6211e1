package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/ingest"
	"github.com/eventgraph/eventgraph/model"
)

func (a *app) extractCommand() *cobra.Command {
	var date, format, actorsFile string
	cmd := &cobra.Command{
		Use:   "extract [--date YYYY-MM-DD] [--format json|table] [FILE|-]",
		Short: "Code the events of a text without storing them",
		Long: `Prints the events of one article or text. With --date the input is read as
plain text (sentences) published on that date; without it the input must be
an article that carries its own date (any format ingest reads).`,
		Example: `  eventgraph extract testdata/articles/idlib-kremlin-2019-06-03.txt
  echo "Russian jets struck rebel positions in Idlib on Sunday." | eventgraph extract --date 2019-06-03`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			data, err := a.readInput(name)
			if err != nil {
				return err
			}
			x, err := a.extractor(actorsFile)
			if err != nil {
				return err
			}
			var events []model.Event
			if date != "" {
				d, err := time.Parse("2006-01-02", date)
				if err != nil {
					return usageError("--date %q: want YYYY-MM-DD", date)
				}
				events = x.ExtractText(string(data), d)
			} else {
				arts, err := ingest.Parse(name, data)
				if err != nil {
					return fmt.Errorf("%w (give --date YYYY-MM-DD to code plain text)", err)
				}
				for _, art := range arts {
					events = append(events, x.Extract(art)...)
				}
			}
			if format == "table" {
				return writeEventsTable(a.stdout, events)
			}
			if format != "json" {
				return usageError("--format %q: want json or table", format)
			}
			return writeJSON(a.stdout, nonNil(events))
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "publication date of plain-text input (YYYY-MM-DD)")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or table")
	cmd.Flags().StringVar(&actorsFile, "actors", "", "YAML file of actors that adds to or overrides the built-in gazetteer")
	return cmd
}

// readInput reads a named file, or standard input for "-".
func (a *app) readInput(name string) ([]byte, error) {
	if name == "-" {
		data, err := io.ReadAll(a.stdin)
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		return data, nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}
