package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"
)

func (a *app) reportCommand() *cobra.Command {
	var ff filterFlags
	var outDir string
	cmd := &cobra.Command{
		Use:   "report [--db F] -o DIR [filters]",
		Short: "Write the offline HTML report of the stored events",
		Long: `Writes DIR/index.html (timeline and event list), DIR/network.html (actor
network), DIR/graph.dot and the ECharts script beside them. The folder works
from file:// with no network and can be zipped and sent.`,
		Example: `  eventgraph report -o idlib-2019 --actor Russia --from 2019-05 --to 2019-06`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if outDir == "" {
				return usageError("-o DIR is required: the folder to write the report into")
			}
			events, err := a.filteredEvents(cmd.Context(), &ff)
			if err != nil {
				return err
			}
			if err := writeOutputs(outDir, events); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s (%d events)\n", filepath.Join(outDir, "index.html"), len(events))
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVarP(&outDir, "out", "o", "", "folder to write the report into")
	return cmd
}
