package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/graph/eventfile"
	"github.com/eventgraph/eventgraph/model"
)

// exportFormats are the formats of `export --format`, in the contract's
// order.
var exportFormats = []string{"dot", "graphml", "gexf", "cytoscape", "timelinejs", "csv"}

// exportOptions are the flags of the export command.
type exportOptions struct {
	filters  filterFlags
	format   string
	out      string
	groupBy  string
	around   string
	depth    int
	clusters bool
	csvStyle string
	between  betweennessFlag
}

func (a *app) exportCommand() *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export [--db F] --format dot|graphml|gexf|cytoscape|timelinejs|csv [-o FILE] [filters]",
		Short: "Write the actor network or the events for other tools",
		Long: `Writes the filtered events for other tools. Network formats, one node per
actor (or per code or country with --group-by) with degree, betweenness,
PageRank and community, one edge per ordered pair with counts per CAMEO root
and QuadClass, first and last date, mean Goldstein score and event ids:
  dot        Graphviz (--clusters boxes actors by country)
  graphml    GraphML, for yEd, Gephi, Cytoscape desktop, NetworkX, igraph
  gexf       GEXF 1.3, dynamic: Gephi's timeline plays the network over time
  cytoscape  Cytoscape.js JSON ({"elements":{"nodes":[...],"edges":[...]}})
Event formats, one entry per event with its evidence:
  timelinejs TimelineJS 3 JSON, one slide per dated event, a row per actor
  csv        GDELT 2.0 columns (--csv-style gdelt, the default) or ACLED's
             (--csv-style acled)
--around ACTOR --depth N keeps the actors within N hops of ACTOR (name, code
or id) and the events among them, for every format.`,
		Example: `  eventgraph export --format gexf -o network.gexf
  eventgraph export --format dot --clusters --actor SYR | dot -Tsvg > syria.svg
  eventgraph export --format graphml --group-by country -o countries.graphml
  eventgraph export --format cytoscape --around Kremlin --depth 2
  eventgraph export --format timelinejs --from 2019 -o timeline.json
  eventgraph export --format csv --csv-style acled -o events.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.check(cmd); err != nil {
				return err
			}
			f, err := o.filters.filter()
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
			net, err := graph.BuildView(events, graph.BuildOptions{GroupBy: graph.GroupBy(o.groupBy), Around: o.around, Depth: o.depth, BetweennessSources: o.between.sources})
			if err != nil && o.around != "" {
				return fmt.Errorf("--around %q: %w (list actors with: eventgraph actors)", o.around, err)
			}
			if err != nil {
				return err
			}
			write := func(w io.Writer) error { return o.write(w, net, events) }
			if o.out == "" || o.out == "-" {
				return write(a.stdout)
			}
			if err := writeFileAtomic(o.out, func(f *os.File) error { return write(f) }); err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "wrote %s: %d actors, %d relations, %d events\n", o.out, len(net.Nodes()), len(net.Edges()), len(net.Events()))
			return nil
		},
	}
	o.filters.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&o.format, "format", "dot", "output format: "+strings.Join(exportFormats, ", "))
	fl.StringVarP(&o.out, "out", "o", "", "output file (default standard output)")
	fl.StringVar(&o.groupBy, "group-by", "entity", "one node per actor (entity), per actor code such as RUSGOV (code) or per country (country)")
	fl.StringVar(&o.around, "around", "", "keep only the actors within --depth hops of this actor (name, code or id)")
	fl.IntVar(&o.depth, "depth", 1, "with --around: how many hops out to go")
	fl.BoolVar(&o.clusters, "clusters", false, "dot: group actors in clusters by country")
	fl.StringVar(&o.csvStyle, "csv-style", "gdelt", "csv: columns of GDELT 2.0 (gdelt) or of ACLED (acled)")
	o.between.register(cmd)
	return cmd
}

// check refuses flag combinations that would silently do nothing.
func (o *exportOptions) check(cmd *cobra.Command) error {
	if !slices.Contains(exportFormats, o.format) {
		return usageError("--format %q: want one of %s", o.format, strings.Join(exportFormats, ", "))
	}
	if !slices.Contains([]string{"entity", "code", "country"}, o.groupBy) {
		return usageError("--group-by %q: want entity, code or country", o.groupBy)
	}
	if o.csvStyle != "gdelt" && o.csvStyle != "acled" {
		return usageError("--csv-style %q: want gdelt or acled", o.csvStyle)
	}
	if cmd.Flags().Changed("csv-style") && o.format != "csv" {
		return usageError("--csv-style applies to --format csv only")
	}
	if o.clusters && o.format != "dot" {
		return usageError("--clusters applies to --format dot only")
	}
	if cmd.Flags().Changed("depth") && o.around == "" {
		return usageError("--depth needs --around ACTOR")
	}
	if o.depth < 0 {
		return usageError("--depth %d: want 0 or more", o.depth)
	}
	return o.between.check()
}

// write writes net (or, for event formats, those of events that made it
// into net, with their original actors even when grouped) in o.format.
func (o *exportOptions) write(w io.Writer, net *graph.Network, events []model.Event) error {
	switch o.format {
	case "dot":
		return graph.WriteDOT(w, net, graph.DOTOptions{ClusterByCountry: o.clusters})
	case "graphml":
		return graph.WriteGraphML(w, net)
	case "gexf":
		return graph.WriteGEXF(w, net)
	case "cytoscape":
		return graph.WriteCytoscape(w, net)
	}
	kept := slices.DeleteFunc(slices.Clone(events), func(e model.Event) bool {
		_, ok := net.Event(e.ID)
		return !ok
	})
	switch {
	case o.format == "timelinejs":
		return eventfile.WriteTimelineJS(w, kept, "")
	case o.csvStyle == "acled":
		return eventfile.WriteACLED(w, kept)
	default:
		return eventfile.WriteGDELT(w, kept)
	}
}
