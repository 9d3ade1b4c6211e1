package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/report"
)

func (a *app) buildCommand() *cobra.Command {
	var outDir, actorsFile string
	cmd := &cobra.Command{
		Use:   "build [--db F] [-o DIR] PATH...",
		Short: "Ingest articles, then write the report and the DOT graph",
		Long: `The one command a new user runs: ingests the inputs into the database, then
writes DIR/index.html (timeline and event list), DIR/network.html (actor
network) and DIR/graph.dot (for Graphviz). Open DIR/index.html in a browser;
it works offline.`,
		Example: `  eventgraph build testdata/articles
  eventgraph build --db idlib.db -o idlib-report articles/idlib/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			defer a.ingestGC()()
			x, err := a.extractor(actorsFile)
			if err != nil {
				return err
			}
			db, err := a.openStore()
			if err != nil {
				return err
			}
			defer db.Close()
			st, ingestErr := ingestPaths(ctx, db, x, args, a.stdin, a.stderr)
			fmt.Fprintln(a.stderr, st.summary())
			if ingestErr != nil && !errors.Is(ingestErr, errRejected) {
				return ingestErr
			}
			events, err := db.Events(ctx, model.EventFilter{})
			if err != nil {
				return err
			}
			if err := writeOutputs(outDir, events); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s, %s and %s (%d events)\n",
				filepath.Join(outDir, "index.html"), filepath.Join(outDir, "network.html"), filepath.Join(outDir, "graph.dot"), len(events))
			return ingestErr
		},
	}
	cmd.Flags().StringVarP(&outDir, "out", "o", "out", "folder for the report and graph.dot")
	cmd.Flags().StringVar(&actorsFile, "actors", "", "YAML file of actors that adds to or overrides the built-in gazetteer")
	return cmd
}

// writeOutputs writes the report pages and graph.dot into dir.
func writeOutputs(dir string, events []model.Event) error {
	if err := report.Write(dir, events, report.Options{}); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	net, err := graph.Build(events)
	if err != nil {
		return fmt.Errorf("build network: %w", err)
	}
	return writeFileAtomic(filepath.Join(dir, "graph.dot"), func(f *os.File) error {
		return graph.WriteDOT(f, net, graph.DOTOptions{})
	})
}

// writeFileAtomic writes through a temporary file renamed into place, so a
// failed run never leaves a half-written output behind.
func writeFileAtomic(path string, write func(*os.File) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
