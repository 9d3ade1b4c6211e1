package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/model"
)

func (a *app) pathCommand() *cobra.Command {
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "path [--db F] [filters] FROM TO",
		Short: "Show the shortest chain of relations between two actors, with evidence per hop",
		Long: `Finds the fewest hops from FROM to TO along the direction of events (FROM
acted on X, X acted on TO) and prints each hop with the sentence, outlet and
date of its best-sourced event. FROM and TO are actor names, codes (RUSGOV)
or ids, as listed by 'eventgraph actors'. Exit status 1 when an actor is
unknown or ambiguous, or when no chain leads from FROM to TO.`,
		Example: `  eventgraph path Kremlin "Donald Trump"
  eventgraph path --from 2019 RUSGOV TUR`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			events, err := a.filteredEvents(cmd.Context(), &ff)
			if err != nil {
				return err
			}
			net, err := graph.Build(events)
			if err != nil {
				return err
			}
			var ends [2]graph.Node
			for i, q := range args {
				if ends[i], err = net.Find(q); err != nil {
					return fmt.Errorf("path: %s %q: %w (list actors with: eventgraph actors)", []string{"FROM", "TO"}[i], q, err)
				}
			}
			hops, err := net.ShortestPath(ends[0].Actor.ID, ends[1].Actor.ID)
			if errors.Is(err, graph.ErrNoPath) {
				return fmt.Errorf("path: no chain of events leads from %s to %s (try the other direction: eventgraph path %q %q)",
					actorLabel(&ends[0].Actor), actorLabel(&ends[1].Actor), args[1], args[0])
			}
			if err != nil {
				return fmt.Errorf("path: %w", err)
			}
			return writePath(a.stdout, net, ends[0].Actor, ends[1].Actor, hops)
		},
	}
	ff.register(cmd)
	return cmd
}

// writePath prints the chain: a summary line, then per hop the relation
// and the evidence of its best-sourced event.
func writePath(w io.Writer, net *graph.Network, from, to model.Actor, hops []graph.Hop) error {
	names := []string{actorLabel(&from)}
	for _, h := range hops {
		names = append(names, actorLabel(&h.To))
	}
	fmt.Fprintf(w, "%s: %s\n", strings.Join(names, " → "), plural(len(hops), "hop"))
	for i, h := range hops {
		e := h.Edge
		fmt.Fprintf(w, "\n%d. %s → %s: %s, %s", i+1, actorLabel(&h.From), actorLabel(&h.To), e.DominantName(), plural(e.Count, "event"))
		if !e.First.IsZero() {
			span := e.First.Display()
			if e.Last != e.First {
				span += " to " + e.Last.Display()
			}
			fmt.Fprintf(w, ", %s", span)
		}
		fmt.Fprintln(w)
		ev, ok := bestEvidence(net, e)
		if !ok {
			continue
		}
		m := ev.Mentions[0]
		fmt.Fprintf(w, "   %s %s %s: “%s”\n", ev.Date.Display(), ev.Code, ev.CAMEO().Name, clip(m.Sentence, 300))
		src := cmp.Or(m.Outlet, "unknown outlet")
		if m.Published != "" {
			src += ", published " + m.Published
		}
		if m.URL != "" {
			src += ", " + m.URL
		}
		fmt.Fprintf(w, "   — %s (%s)\n", src, m.Path)
	}
	return nil
}

// bestEvidence picks the event of the edge to quote: the one reported by
// the most outlets, then the latest, then the smallest id, so that the
// choice is stable.
func bestEvidence(net *graph.Network, e graph.Edge) (model.Event, bool) {
	var best model.Event
	found := false
	for _, id := range e.EventIDs {
		ev, ok := net.Event(id)
		if !ok || len(ev.Mentions) == 0 {
			continue
		}
		if !found || ev.Sources() > best.Sources() || (ev.Sources() == best.Sources() && ev.Date.Compare(best.Date) > 0) {
			best, found = ev, true
		}
	}
	return best, found
}

func plural(k int, noun string) string {
	if k == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", k, noun)
}
