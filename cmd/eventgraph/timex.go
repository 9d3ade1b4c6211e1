package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/ingest/timex"
)

func (a *app) timexCommand() *cobra.Command {
	var dct string
	cmd := &cobra.Command{
		Use:   "timex --dct YYYY-MM-DD [FILE|-]",
		Short: "Print the time expressions of a text with their TIMEX3 values",
		Long: `Prints a JSON array of {start, end, text, type, value}: byte offsets into the
input, TIMEX3 type (DATE, TIME, DURATION, SET) and value, resolved against the
document creation time --dct.`,
		Example: `  echo "Trump on Sunday urged Russia to stop bombing Idlib." | eventgraph timex --dct 2019-06-03`,
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dct == "" {
				return usageError("--dct is required: the document creation time, YYYY-MM-DD")
			}
			d, err := time.Parse("2006-01-02", dct)
			if err != nil {
				return usageError("--dct %q: want YYYY-MM-DD", dct)
			}
			name := "-"
			if len(args) == 1 {
				name = args[0]
			}
			data, err := a.readInput(name)
			if err != nil {
				return err
			}
			return writeJSON(a.stdout, nonNil(timex.Tag(string(data), d)))
		},
	}
	cmd.Flags().StringVar(&dct, "dct", "", "document creation time (YYYY-MM-DD)")
	return cmd
}
