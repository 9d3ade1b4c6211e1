package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// How SaveArticle merges (migration 0004 has the schema, package merge the
// rule). The stored events are always what merge.Cluster makes of all
// stored reports, whatever order the articles came in; SaveArticle keeps
// that true while reading only the stored reports near the new ones.
//
// merge.Cluster puts each report, in one canonical order, into the first
// event all of whose reports it is compatible with. Compatible reports
// share a merge bucket (family and unordered pair of actor keys) and lie
// within DayTolerance days of each other (undated ones only with undated
// ones); reports of one act laid at different doors, which merge.Cluster
// joins after that, share the family and the victim's key instead
// (merge.Contestable, the victim buckets of addNear): call both "near". Let X be a set of stored reports, closed under
// "all reports of a stored event", such that every stored report near any
// report of a changed event is in X, where an event of Cluster(X and the
// new reports) is changed when its reports are not exactly those of one
// stored event, and a stored event is changed when its reports did not
// stay together alone. Then Cluster of all reports agrees with the stored
// events outside X and with Cluster(X and the new reports) inside it: by
// induction along the canonical order, a report outside X can fit no
// changed event (it would be near one of its reports) and meets the
// unchanged ones as before, and a report of a changed event has every
// report near it in X, so no event outside X could take it.
//
// So mergeReports grows X from the new reports' neighbours until the
// changed events add no unread neighbours, and rewrites the changed
// events only. The work depends on how many reports lie near the new ones,
// not on the size of the database.

// storedReport is a report read back with the event it belongs to now.
type storedReport struct {
	id      string // the mention row's id, merge.ReportID of e
	e       model.Event
	eventID string
}

// bucketKey is a merge bucket, dated and undated reports apart, or (victim
// set) the day reports of one family on one victim, pair then being the
// victim's key: an act laid at another door shares no pair with its
// other versions (merge.Contestable).
type bucketKey struct {
	family, pair    string
	undated, victim bool
}

// days is a closed span of days, counted from the Unix epoch.
type days struct{ lo, hi int }

// nearSpan is the bucket of a report and the days of the reports near it.
func nearSpan(r model.Event) (bucketKey, days) {
	b := bucketKey{family: merge.Family(r.Code), pair: pairOf(r), undated: r.Date.IsZero()}
	if b.undated {
		return b, days{}
	}
	slack := merge.Default.DayTolerance
	return b, days{dayNumber(r.Date.First()) - slack, dayNumber(r.Date.Last()) + slack}
}

func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayString(n int) string {
	return time.Unix(int64(n)*86400, 0).UTC().Format(dayLayout)
}

// neighbourhood is X while it grows: the stored reports read so far and
// the spans of each bucket already searched.
type neighbourhood struct {
	w        *eventWriter
	reports  []storedReport
	have     map[string]bool     // mention ids in reports
	events   map[string][]string // stored event -> its mention ids
	searched map[bucketKey][]days
}

// addNear reads the stored reports near any of rs not read yet, with
// every report of their events, and reports whether it found any. The
// spans of one bucket are joined first, so that reports of one day cost
// one query.
func (n *neighbourhood) addNear(ctx context.Context, rs []model.Event) (bool, error) {
	wants := map[bucketKey][]days{}
	var order []bucketKey
	for _, r := range rs {
		b, want := nearSpan(r)
		if _, ok := wants[b]; !ok {
			order = append(order, b)
		}
		wants[b] = append(wants[b], want)
		if merge.Contestable(r) {
			v := bucketKey{family: b.family, pair: merge.Country(r.Target), victim: true}
			if _, ok := wants[v]; !ok {
				order = append(order, v)
			}
			wants[v] = append(wants[v], want)
		}
	}
	grew := false
	for _, b := range order {
		var todo []days
		if b.undated {
			if len(n.searched[b]) == 0 {
				todo = []days{{}}
			}
		} else {
			for _, want := range join(wants[b]) {
				todo = append(todo, subtract(want, n.searched[b])...)
			}
		}
		n.searched[b] = append(n.searched[b], todo...)
		for _, d := range todo {
			found, err := n.w.cache.near(ctx, n.w, b, d.lo, d.hi, n.have)
			if err != nil {
				return false, err
			}
			added, err := n.add(ctx, found)
			if err != nil {
				return false, err
			}
			grew = grew || added
		}
	}
	return grew, nil
}

// join merges overlapping or touching spans.
func join(ds []days) []days {
	sort.Slice(ds, func(i, j int) bool { return ds[i].lo < ds[j].lo })
	out := ds[:0:0]
	for _, d := range ds {
		if k := len(out) - 1; k >= 0 && d.lo <= out[k].hi+1 {
			out[k].hi = max(out[k].hi, d.hi)
			continue
		}
		out = append(out, d)
	}
	return out
}

// eventsReportIDsSQL lists the ids of every report of the stored events
// listed (a JSON array of ids), and reportsByIDSQL reads the reports
// listed. The reports of an event found near a new report were mostly
// found by the same lookup: reading only their ids first spares reading
// and decoding those rows twice.
const (
	eventsReportIDsSQL = `SELECT id, event_id FROM mentions WHERE event_id IN (SELECT value FROM json_each(?))`
	reportsByIDSQL     = reportSelect + `
WHERE m.id IN (SELECT value FROM json_each(?))`
)

// add takes in stored reports and the rest of their events. The rest is
// looked up for all the events at once: the reports of a crowded bucket
// belong to many events, and a query per event was most of the cost of
// the lookup in a large store.
func (n *neighbourhood) add(ctx context.Context, found []storedReport) (bool, error) {
	var events []string
	listed := map[string]bool{}
	for _, s := range found {
		if n.have[s.id] {
			continue
		}
		n.have[s.id] = true
		n.reports = append(n.reports, s)
		n.events[s.eventID] = append(n.events[s.eventID], s.id)
		if !listed[s.eventID] {
			listed[s.eventID] = true
			events = append(events, s.eventID)
		}
	}
	if len(events) == 0 {
		return false, nil
	}
	members, err := n.w.cache.members(ctx, n.w, events)
	if err != nil {
		return false, err
	}
	var unread []string
	for _, e := range events {
		for _, id := range members[e] {
			if !n.have[id] {
				unread = append(unread, id)
			}
		}
	}
	if len(unread) == 0 {
		return true, nil
	}
	mates, err := n.w.cache.load(ctx, n.w, unread)
	if err != nil {
		return false, err
	}
	for _, r := range mates {
		m := r.stored()
		n.have[m.id] = true
		n.reports = append(n.reports, m)
		n.events[m.eventID] = append(n.events[m.eventID], m.id)
	}
	return true, nil
}

// subtract returns the parts of want that no span in done covers.
func subtract(want days, done []days) []days {
	out := []days{want}
	for _, d := range done {
		var next []days
		for _, o := range out {
			if d.hi < o.lo || d.lo > o.hi {
				next = append(next, o)
				continue
			}
			if o.lo < d.lo {
				next = append(next, days{o.lo, d.lo - 1})
			}
			if o.hi > d.hi {
				next = append(next, days{d.hi + 1, o.hi})
			}
		}
		out = next
	}
	return out
}

// mergeReports stores the reports of one article: it clusters them with
// the stored reports near them, grows that neighbourhood until the changed
// events have no unread neighbours (see above), and writes the changed
// events back, moving mentions, reviews and aliases of events that merged.
// First it tries the fast path (merge_fast.go), which places them by the
// nearby events' summaries and declines where it cannot be sure.
func (w *eventWriter) mergeReports(ctx context.Context, tx *sql.Tx, reports []model.Event) error {
	w.cache.bound()
	if done, err := w.mergeFast(ctx, tx, reports); err != nil || done {
		return err
	}
	w.cache.full++
	n := &neighbourhood{w: w, have: map[string]bool{}, events: map[string][]string{}, searched: map[bucketKey][]days{}}
	if _, err := n.addNear(ctx, reports); err != nil {
		return fmt.Errorf("load reports to merge with: %w", err)
	}
	for {
		events, changed, oldEvent := n.cluster(reports)
		// The reports of changed events, new and stored. Every report of
		// a stored event that changed is among them: an event of the
		// result holding it cannot be an unchanged one.
		var near []model.Event
		for _, e := range events {
			if changed[e.ID] {
				near = append(near, merge.Reports([]model.Event{e})...)
			}
		}
		grew, err := n.addNear(ctx, near)
		if err != nil {
			return fmt.Errorf("load reports to merge with: %w", err)
		}
		if !grew {
			return w.writeChanged(ctx, tx, events, changed, oldEvent, n.events)
		}
	}
}

// cluster clusters the neighbourhood with the new reports and tells which
// events changed: all but those that are a stored event as it was (the
// same reports under the same id).
func (n *neighbourhood) cluster(reports []model.Event) (events []model.Event, changed map[string]bool, oldEvent map[string]string) {
	all := append([]model.Event(nil), reports...)
	oldEvent = make(map[string]string, len(n.reports)) // report id -> event id before this article
	for _, s := range n.reports {
		oldEvent[s.id] = s.eventID
		all = append(all, s.e)
	}
	changed = map[string]bool{}
	events = merge.Default.ClusterResolving(all, func(e *model.Event) bool {
		same := ""
		for i := range e.Mentions {
			old := oldEvent[reportID(e, &e.Mentions[i])]
			if old == "" || (i > 0 && old != same) {
				same = ""
				break
			}
			same = old
		}
		if same != e.ID || len(n.events[same]) != len(e.Mentions) {
			changed[e.ID] = true
		}
		return changed[e.ID] // the unchanged are not written
	})
	return events, changed, oldEvent
}

// reportID is the id of the report a mention of a clustered event is.
func reportID(e *model.Event, m *model.Mention) string { return merge.MentionReportID(e, m) }
