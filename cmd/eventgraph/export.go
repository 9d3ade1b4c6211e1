package main

import (
	"fmt"

	"os"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
)

func (a *app) exportCommand() *cobra.Command {
	var ff filterFlags
	var format, out string
	var clusters bool
	cmd := &cobra.Command{
		Use:   "export [--db F] --format dot [-o FILE] [filters]",
		Short: "Write the actor network or the events for other tools",
		Long: `Writes the actor network of the filtered events. Formats: dot (Graphviz).
The contract also names graphml, gexf, cytoscape, timelinejs and csv; they
are not built yet and are refused with exit status 1.`,
		Example: `  eventgraph export --format dot -o idlib.dot --actor Russia --actor Turkey
  eventgraph export --format dot | dot -Tsvg > network.svg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "dot" {
				return usageError("--format %q: this version writes dot only (graphml, gexf, cytoscape, timelinejs and csv are planned)", format)
			}
			f, err := ff.filter()
			if err != nil {
				return err
			}
			db, err := a.openReader()
			if err != nil {
				return err
			}
			defer db.Close()
			events, err := db.Events(cmd.Context(), f)
			if err != nil {
				return err
			}
			net, err := graph.Build(events)
			if err != nil {
				return err
			}
			opt := graph.DOTOptions{ClusterByCountry: clusters}
			if out == "" || out == "-" {
				return graph.WriteDOT(a.stdout, net, opt)
			}
			if err := writeFileAtomic(out, func(f *os.File) error { return graph.WriteDOT(f, net, opt) }); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "wrote %s: %d actors, %d relations\n", out, len(net.Nodes()), len(net.Edges()))
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&format, "format", "dot", "output format: dot")
	cmd.Flags().StringVarP(&out, "out", "o", "", "output file (default standard output)")
	cmd.Flags().BoolVar(&clusters, "clusters", false, "dot: group actors in clusters by country")
	return cmd
}
