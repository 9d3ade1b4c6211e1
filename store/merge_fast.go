package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// The fast path: the stored events near the new reports, each told by its
// summary (merge.Summary, kept in the cache), take the new reports as
// merge.Rule.Add places them, and only the events that gained reports or
// started are written. Add compares a new report with each nearby event's
// kinds rather than with each of its reports, and the summaries are kept
// from article to article, so the work no longer grows with the reports
// an event has. Add declines where it cannot be sure that clustering all
// reports again would decide as it does (blame, ids), and mergeReports
// then does that. It relies on the stored events being what clustering
// their reports makes, which holds unless an actor's row changed since
// they were merged: the cache stops taking the fast path when it sees a
// row change or another connection write (mergeCache.unstable). A row
// changed before this process opened the store (another gazetteer) it
// cannot see; the full path, too, then re-merges only the events near
// new reports.

// mergeFast merges reports by merge.Rule.Add; done is false when it
// declined, having written nothing.
func (w *eventWriter) mergeFast(ctx context.Context, tx *sql.Tx, reports []model.Event) (done bool, err error) {
	c := w.cache
	if c.plainMerge || c.unstable {
		return false, nil
	}
	placed, ok, err := c.place(ctx, w, reports)
	if err != nil || !ok {
		return false, err
	}
	members := make(map[string][]string, len(placed))
	var fresh []freshReport
	var gone []string
	for _, p := range placed {
		e := p.Event
		if err := w.writeEventRow(ctx, e, p.Summary.Articles(), p.Stored); err != nil {
			return false, fmt.Errorf("event %s: %w", e.ID, err)
		}
		ids := append([]string(nil), c.events[e.ID]...)
		if p.Replaces != "" { // its stored reports move to the new id
			ids = append(ids, c.events[p.Replaces]...)
			for _, id := range c.events[p.Replaces] {
				if _, err := w.move.ExecContext(ctx, e.ID, id); err != nil {
					return false, fmt.Errorf("event %s: %w", e.ID, err)
				}
			}
			gone = append(gone, p.Replaces)
		}
		for _, r := range merge.Reports([]model.Event{e}) {
			id := merge.ReportID(r)
			f, err := w.writeReport(ctx, tx, id, nil, e.ID, r)
			if err != nil {
				return false, fmt.Errorf("mention at %d: %w", r.Mentions[0].Start, err)
			}
			fresh = append(fresh, f)
			ids = append(ids, id)
		}
		members[e.ID] = ids
	}
	// As writeChanged retires the events that merged into others.
	sort.Strings(gone)
	for _, old := range gone {
		into := ""
		for _, p := range placed {
			if p.Replaces == old {
				into = p.Event.ID
			}
		}
		if err := retire(ctx, tx, old, into); err != nil {
			return false, fmt.Errorf("event %s: %w", old, err)
		}
	}
	c.written(members, fresh, gone)
	for _, p := range placed {
		c.sums[p.Event.ID] = p.Summary
	}
	c.fast++
	return true, nil
}

// place asks merge.Rule.Add where reports go, with the summaries of the
// events near them, and of the events near the old anchor of any event
// that gets a new id (merge.Rule.Add says why).
func (c *mergeCache) place(ctx context.Context, w *eventWriter, reports []model.Event) ([]merge.Placed, bool, error) {
	events, err := c.nearEvents(ctx, w, reports)
	if err != nil {
		return nil, false, fmt.Errorf("load events to merge with: %w", err)
	}
	listed := map[string]bool{}
	for _, e := range events {
		listed[e] = true
	}
	for {
		sums, err := c.summaries(ctx, w, events)
		if err != nil {
			return nil, false, fmt.Errorf("load events to merge with: %w", err)
		}
		placed, ok := merge.Default.Add(sums, reports)
		if !ok {
			return nil, false, nil
		}
		var anchors []model.Event
		for _, p := range placed {
			if p.Replaces != "" {
				anchors = append(anchors, c.sums[p.Replaces].Anchor())
			}
		}
		more, err := c.nearEvents(ctx, w, anchors)
		if err != nil {
			return nil, false, fmt.Errorf("load events to merge with: %w", err)
		}
		grew := false
		for _, e := range more {
			if !listed[e] {
				listed[e], grew = true, true
				events = append(events, e)
			}
		}
		if !grew {
			return placed, true, nil
		}
	}
}

// nearEvents lists the stored events with a report in a new report's
// bucket whose days meet the new report's widened by the day tolerance,
// and for a Contestable one those with a day report in its victim bucket
// within those days: the events merge.Rule.Add needs.
func (c *mergeCache) nearEvents(ctx context.Context, w *eventWriter, reports []model.Event) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	note := func(r *cachedReport) {
		if !seen[r.eventID] {
			seen[r.eventID] = true
			out = append(out, r.eventID)
		}
	}
	for _, r := range reports {
		b, d := nearSpan(r)
		if merge.Contestable(r) { // the events blame may join with it (merge.Rule.Add)
			v := bucketKey{family: b.family, pair: merge.Country(r.Target), victim: true}
			for blk := blockOf(d.lo); blk <= blockOf(d.hi); blk++ {
				t, err := c.tile(ctx, w, tileKey{b: v, block: blk})
				if err != nil {
					return nil, err
				}
				for _, x := range t {
					if x.first >= d.lo && x.first <= d.hi {
						note(x)
					}
				}
			}
		}
		if b.undated {
			t, err := c.tile(ctx, w, tileKey{b: b})
			if err != nil {
				return nil, err
			}
			for _, x := range t {
				note(x)
			}
			continue
		}
		for blk := blockOf(d.lo); blk <= blockOf(d.hi); blk++ {
			t, err := c.tile(ctx, w, tileKey{b: b, block: blk})
			if err != nil {
				return nil, err
			}
			for _, x := range t {
				if blockOf(max(d.lo, x.first)) == blk && nearMatch(x, d.lo, d.hi) {
					note(x)
				}
			}
		}
	}
	return out, nil
}

// summaries returns the summary of each event, making those not kept
// from all of the event's reports.
func (c *mergeCache) summaries(ctx context.Context, w *eventWriter, events []string) ([]*merge.Summary, error) {
	out := make([]*merge.Summary, 0, len(events))
	var unknown []string
	for _, e := range events {
		if s, ok := c.sums[e]; ok {
			out = append(out, s)
		} else {
			unknown = append(unknown, e)
		}
	}
	if len(unknown) == 0 {
		return out, nil
	}
	members, err := c.members(ctx, w, unknown)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range unknown {
		ids = append(ids, members[e]...)
	}
	reps, err := c.load(ctx, w, ids)
	if err != nil {
		return nil, err
	}
	byEvent := make(map[string][]model.Event, len(unknown))
	for _, r := range reps {
		byEvent[r.eventID] = append(byEvent[r.eventID], r.stored().e)
	}
	for _, e := range unknown {
		s := merge.Default.Summarize(e, byEvent[e])
		c.sums[e] = s
		out = append(out, s)
	}
	return out, nil
}
