package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/model"
)

// reviewCommand records a person's decision on one event. The decision is
// kept in the database apart from what extraction writes, so re-ingesting
// keeps it, and it follows the event when later articles merge it with
// another (an old id still works as an alias).
func (a *app) reviewCommand() *cobra.Command {
	var status, note string
	cmd := &cobra.Command{
		Use:   "review [--db F] EVENT --status reviewed|disputed|rejected [--note TEXT]",
		Short: "Record a person's decision on an event",
		Long: `Marks a stored event as reviewed (checked and kept), disputed (the sources
disagree) or rejected (not an event). Rejected events leave events, report
and export unless --include-rejected is given. Reviewing an event again
replaces the decision.`,
		Example: `  eventgraph review e-3f9a01c2b7d4 --status reviewed
  eventgraph review e-3f9a01c2b7d4 --status rejected --note "the quote is a forecast, not an act"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := model.ParseStatus(status)
			if err != nil {
				return usageError("--status: %v", err)
			}
			db, err := a.openStore()
			if err != nil {
				return err
			}
			defer db.Close()
			r, err := db.SetReview(cmd.Context(), model.Review{EventID: args[0], Status: st, Note: note})
			if errors.Is(err, model.ErrNotFound) {
				return fmt.Errorf("no event %s in %s (list ids with: eventgraph events --format json)", args[0], a.dbPath())
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "%s %s\n", r.EventID, r.Status)
			return nil
		},
	}
	cmd.Flags().StringVar(&status, "status", "", "reviewed, disputed or rejected (required)")
	cmd.Flags().StringVar(&note, "note", "", "why, for the next reader")
	cmd.MarkFlagRequired("status")
	return cmd
}
