package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/eventgraph/eventgraph/model"
)

// filterFlags are the event filters of the contract, shared by every
// command that reads events.
type filterFlags struct {
	from, to   string
	actors     []string
	roots      []string
	quads      []int
	minSources int
	rejected   bool
}

func (f *filterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.from, "from", "", "only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringVar(&f.to, "to", "", "only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fl.StringArrayVar(&f.actors, "actor", nil, "only events with this actor as source or target: name, code (RUSGOV) or country (RUS); repeatable")
	fl.StringArrayVar(&f.roots, "root", nil, "only events with this CAMEO root code (01-20); repeatable")
	fl.IntSliceVar(&f.quads, "quad", nil, "only events of this QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict); repeatable")
	fl.IntVar(&f.minSources, "min-sources", 0, "only events reported by at least N outlets")
	fl.BoolVar(&f.rejected, "include-rejected", false, "keep events a reviewer rejected")
}

// filter checks the flags and returns the model filter.
func (f *filterFlags) filter() (model.EventFilter, error) {
	var out model.EventFilter
	var err error
	if f.from != "" {
		if out.From, err = model.ParseDate(f.from); err != nil {
			return out, usageError("--from: %v", err)
		}
	}
	if f.to != "" {
		if out.To, err = model.ParseDate(f.to); err != nil {
			return out, usageError("--to: %v", err)
		}
	}
	for _, r := range f.roots {
		n, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil || n < 1 || n > 20 {
			return out, usageError("--root %q: want a CAMEO root code from 01 to 20", r)
		}
		out.Roots = append(out.Roots, fmt.Sprintf("%02d", n))
	}
	for _, q := range f.quads {
		if q < 1 || q > 4 {
			return out, usageError("--quad %d: want a QuadClass from 1 to 4", q)
		}
	}
	out.Quads = f.quads
	out.Actors = f.actors
	if f.minSources < 0 {
		return out, usageError("--min-sources %d: want 0 or more", f.minSources)
	}
	out.MinSources = f.minSources
	out.IncludeRejected = f.rejected
	return out, nil
}

// filteredEvents checks the filter flags, opens the database read-only and
// returns the events they select: the first steps of every command that
// reads events.
func (a *app) filteredEvents(ctx context.Context, ff *filterFlags) ([]model.Event, error) {
	f, err := ff.filter()
	if err != nil {
		return nil, err
	}
	db, err := a.openReader()
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return db.Events(ctx, f)
}
