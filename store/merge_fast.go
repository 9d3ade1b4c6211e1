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
	type change struct {
		e     int32
		slots []int32
	}
	var changes []change
	var gone []string
	for _, p := range placed {
		e := p.Event
		if err := w.writeEventRow(ctx, e, p.Summary.Articles(), p.Stored); err != nil {
			return false, fmt.Errorf("event %s: %w", e.ID, err)
		}
		k := c.strs.idString(e.ID)
		var slots []int32
		if _, ok := c.events[k]; ok {
			slots = append(slots, c.membersOf(k)...)
		}
		if p.Replaces != "" { // its stored reports move to the new id
			old, _ := c.strs.lookup(p.Replaces)
			for _, i := range c.membersOf(old) {
				if err := w.exec(ctx, w.move, e.ID, c.idOf(i)); err != nil {
					return false, fmt.Errorf("event %s: %w", e.ID, err)
				}
				slots = append(slots, i)
			}
			gone = append(gone, p.Replaces)
		}
		for _, r := range merge.Reports([]model.Event{e}) {
			id := merge.ReportID(r)
			f, err := w.writeReport(ctx, tx, id, nil, e.ID, r)
			if err != nil {
				return false, fmt.Errorf("mention at %d: %w", r.Mentions[0].Start, err)
			}
			slots = append(slots, c.addFresh(f))
		}
		changes = append(changes, change{k, slots})
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
		if err := w.retire(ctx, old, into); err != nil {
			return false, fmt.Errorf("event %s: %w", old, err)
		}
	}
	for _, ch := range changes {
		c.changed(ch.e, ch.slots)
	}
	for _, e := range gone {
		c.retired(e)
	}
	for i, p := range placed {
		c.clock++
		c.sums[changes[i].e] = sumEntry{p.Summary, c.sumPriority(changes[i].e), c.clock}
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
	listed := map[int32]bool{}
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
				old, _ := c.strs.lookup(p.Replaces)
				anchors = append(anchors, c.sums[old].s.Anchor())
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

// prefetchAhead is how many articles' reads SaveArticles makes at once
// (eventWriter.prefetch).
const prefetchAhead = 32

// prefetch reads, before the articles whose events are given are merged,
// what the first round of merging each reads (place): the tiles of their
// reports' buckets and days, and the reports of the events met there that
// have no summary. Merging them then reads only what their events grew
// into. Loaded, the cache keeps them as the lookups would read them
// whatever the writer writes meanwhile, so that reading early changes
// nothing; but each read waits for the writes queued before it
// (behind.go), and reading for several articles at once waits once. In
// a 52k-article load, 35,000 reads found writes queued before, 20,000
// since, for 2-3% less time: the time waited stayed about 28 of 130 s,
// as past the cache's bound the queued inserts are the critical path.
// When the cache is complete there is nothing to read.
func (w *eventWriter) prefetch(ctx context.Context, events [][]model.Event) error {
	c := w.cache
	if c.complete || c.plainMerge || c.unstable {
		return nil
	}
	var reports []model.Event
	for _, es := range events {
		for _, e := range es {
			if validateEvent(e) != nil {
				continue // the article will fail, with the error saveEvent finds
			}
			if _, _, _, err := encodeDate(e.Date); err != nil {
				continue
			}
			reports = append(reports, merge.Reports([]model.Event{e})...)
		}
	}
	met, err := c.nearEvents(ctx, w, reports)
	if err != nil {
		return err
	}
	var unknown []int32
	for _, e := range met {
		if _, ok := c.sums[e]; !ok {
			unknown = append(unknown, e)
		}
	}
	if err := c.memberSlots(ctx, w, unknown); err != nil {
		return err
	}
	var slots []int32
	for _, e := range unknown {
		slots = append(slots, c.membersOf(e)...)
	}
	return c.loadSlots(ctx, w, slots)
}

// nearEvents lists the stored events with a report that a report given
// may meet (mergeCache.eachMet): the events merge.Rule.Add needs.
func (c *mergeCache) nearEvents(ctx context.Context, w *eventWriter, reports []model.Event) ([]int32, error) {
	seen := map[int32]bool{}
	var out []int32
	known := func(e int32) bool { return seen[e] }
	note := func(i int32) {
		e := c.slots.at(i).event
		seen[e] = true
		out = append(out, e)
	}
	for i := range reports {
		if err := c.eachMet(ctx, w, &reports[i], known, note); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// summaries returns the summary of each event, making those not kept
// from all of the event's reports.
func (c *mergeCache) summaries(ctx context.Context, w *eventWriter, events []int32) ([]*merge.Summary, error) {
	out := make([]*merge.Summary, 0, len(events))
	var unknown []int32
	for _, e := range events {
		if s, ok := c.sums[e]; ok {
			c.clock++
			s.keep, s.used = c.sumPriority(e), c.clock
			c.sums[e] = s
			out = append(out, s.s)
		} else {
			unknown = append(unknown, e)
		}
	}
	if len(unknown) == 0 {
		return out, nil
	}
	if err := c.memberSlots(ctx, w, unknown); err != nil {
		return nil, err
	}
	var slots []int32
	byEvent := make(map[int32][]model.Event, len(unknown))
	for _, e := range unknown {
		m := c.membersOf(e)
		slots = append(slots, m...)
		byEvent[e] = make([]model.Event, 0, len(m))
	}
	if err := c.loadSlots(ctx, w, slots); err != nil {
		return nil, err
	}
	for _, i := range slots {
		if r := c.slots.at(i); r.loaded {
			byEvent[r.event] = append(byEvent[r.event], c.stored(i, "").e)
		}
	}
	for _, e := range unknown {
		s := merge.Default.Summarize(c.strs.get(e), byEvent[e])
		c.clock++
		c.sums[e] = sumEntry{s, c.sumPriority(e), c.clock}
		out = append(out, s)
	}
	return out, nil
}
