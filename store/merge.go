package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/eventgraph/eventgraph/merge"
	"github.com/eventgraph/eventgraph/model"
)

// How SaveArticle merges (migration 0004 has the schema, package merge the
// rule). The stored events are always what merge.Cluster makes of all
// stored reports, whatever order the articles came in; SaveArticle keeps
// that true while reading only the stored reports that meet the new ones.
//
// merge.Cluster puts each report, in one canonical order, into the first
// event all of whose reports it is compatible with; it names events in
// that order, an event whose anchor's own id another took deriving its
// own; and it joins, after that, events of one act laid at different
// doors (another hand). Call two reports "met" when they are compatible,
// another hand's or of one own id: only met reports ever decide anything
// about each other. Let X be a set of stored reports, closed under "all
// reports of a stored event", such that every stored report met by any
// report of a changed event is in X, where an event of Cluster(X and the
// new reports) is changed when its reports are not exactly those of one
// stored event under its id, and a stored event is changed when its
// reports did not stay together alone. Then Cluster of all reports agrees
// with the stored events outside X and with Cluster(X and the new
// reports) inside it: by induction along the canonical order, a report
// outside X can fit no changed event (it would meet one of its reports)
// and meets the unchanged ones as before, and a report of a changed event
// has every report it meets in X, so no event outside X could take it.
//
// So mergeReports grows X from the reports the new ones meet until the
// changed events meet no unread report, and rewrites the changed events
// only. Met reports share a merge bucket (family and unordered pair of
// actor keys) and lie within DayTolerance days of each other (undated
// ones only with undated ones), or, of another hand, share the family and
// the victim's key (merge.Contestable, the victim buckets of the lookup);
// merge.Probe.MayMeet rules out most of the rest of a bucket's days by
// place and actors. The work depends on how many reports meet the new
// ones, not on the size of the database, nor on how crowded a bucket is.

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

// neighbourhood is X while it grows: the stored reports read so far, and
// the kinds of report whose met reports were looked up.
type neighbourhood struct {
	w        *eventWriter
	pool     *merge.Pool         // the new reports, then the stored ones read
	have     map[string]bool     // the mention ids of the stored reports read
	oldEvent map[string]string   // their events before this article
	events   map[string][]string // stored event -> its mention ids
	probed   map[string]bool     // probeKey of the reports looked up from
	key      []byte              // probeKey's buffer
}

// probeKey tells apart reports that meet different reports: it holds
// what the lookup (bucket, days, victim) and merge.Probe.MayMeet read,
// and the own id. An event's reports are mostly of a few kinds, so a
// crowded event's hundreds of reports cost a few lookups. It is
// appended to buf, so that a kind already probed costs no allocation.
func probeKey(buf []byte, r *model.Event) []byte {
	own := *r
	own.SetID() // source, target, code and date
	buf = append(buf, own.ID...)
	for _, s := range [...]string{r.Location, r.Source.Country, r.Source.Code, string(r.Source.Role)} {
		buf = append(append(buf, 0), s...)
	}
	if t := r.Target; t != nil {
		for _, s := range [...]string{t.Country, t.Code, string(t.Role)} {
			buf = append(append(buf, 0), s...)
		}
	}
	return buf
}

// metFinder gathers the stored events met by reports, each event once
// and none the neighbourhood has read.
type metFinder struct {
	n      *neighbourhood
	listed map[int32]bool
	events []int32
}

func (n *neighbourhood) finder() *metFinder {
	return &metFinder{n: n, listed: map[int32]bool{}}
}

// probe looks up the events r meets, unless a report of its kind was
// looked up already.
func (f *metFinder) probe(ctx context.Context, r *model.Event) error {
	n := f.n
	n.key = probeKey(n.key[:0], r)
	if n.probed[string(n.key)] {
		return nil
	}
	n.probed[string(n.key)] = true
	c := n.w.cache
	known := func(e int32) bool {
		_, read := n.events[c.strs.get(e)]
		return read || f.listed[e]
	}
	return c.eachMet(ctx, n.w, r, known, func(i int32) {
		e := c.slots.at(i).event
		f.listed[e] = true
		f.events = append(f.events, e)
	})
}

// addNear reads the stored events with a report that any of rs meets,
// every report of them, and reports whether it found any not read yet.
func (n *neighbourhood) addNear(ctx context.Context, rs []model.Event) (bool, error) {
	f := n.finder()
	for i := range rs {
		if err := f.probe(ctx, &rs[i]); err != nil {
			return false, err
		}
	}
	return n.add(ctx, f.events)
}

// addNearEvents is addNear for the reports of events, which it reads
// one at a time rather than splitting the events (merge.Reports): the
// reports of a crowded neighbourhood's events are nearly all of kinds
// already probed.
func (n *neighbourhood) addNearEvents(ctx context.Context, events []model.Event) (bool, error) {
	f := n.finder()
	for i := range events {
		e := &events[i]
		for j := range e.Mentions {
			r := merge.ReportOf(e, &e.Mentions[j])
			if err := f.probe(ctx, &r); err != nil {
				return false, err
			}
		}
	}
	return n.add(ctx, f.events)
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

// add takes in every report of the stored events listed, none of them
// read yet. Their members are looked up for all the events at once: a
// query per event was most of the cost of the lookup in a large store.
func (n *neighbourhood) add(ctx context.Context, events []int32) (bool, error) {
	if len(events) == 0 {
		return false, nil
	}
	c := n.w.cache
	if err := c.memberSlots(ctx, n.w, events); err != nil {
		return false, err
	}
	var slots []int32
	for _, e := range events {
		n.events[c.strs.get(e)] = []string{} // read, even should none of its rows load
		slots = append(slots, c.membersOf(e)...)
	}
	if err := c.loadSlots(ctx, n.w, slots); err != nil {
		return false, err
	}
	read := make([]model.Event, 0, len(slots))
	for _, i := range slots {
		if !c.slots.at(i).loaded {
			continue
		}
		id := c.idOf(i)
		if n.have[id] {
			continue
		}
		s := c.stored(i, id)
		n.have[id] = true
		read = append(read, s.e)
		n.oldEvent[id] = s.eventID
		n.events[s.eventID] = append(n.events[s.eventID], id)
	}
	n.pool.Add(read)
	return true, nil
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
	n := &neighbourhood{w: w, pool: merge.Default.NewPool(), have: map[string]bool{},
		oldEvent: map[string]string{}, events: map[string][]string{}, probed: map[string]bool{}}
	n.pool.Add(reports)
	if _, err := n.addNear(ctx, reports); err != nil {
		return fmt.Errorf("load reports to merge with: %w", err)
	}
	for {
		changed, ids := n.cluster()
		// Every report of a stored event that changed is among the
		// changed events' reports: an event of the result holding it
		// cannot be an unchanged one.
		grew, err := n.addNearEvents(ctx, changed)
		if err != nil {
			return fmt.Errorf("load reports to merge with: %w", err)
		}
		if !grew {
			reports := make([][]model.Event, len(changed)) // each changed event's, for writing
			for i, e := range changed {
				reports[i] = merge.Reports([]model.Event{e})
			}
			return w.writeChanged(ctx, tx, changed, reports, ids, n.oldEvent, n.events)
		}
	}
}

// cluster clusters the neighbourhood with the new reports and returns
// the events that changed, built and resolved, and the ids of all: every
// event but those that are a stored event as it was (the same reports
// under the same id) changed.
func (n *neighbourhood) cluster() (changed []model.Event, ids []string) {
	return n.pool.ClusterSome(func(id string, reports []string) bool {
		same := ""
		for i, r := range reports {
			old := n.oldEvent[r]
			if old == "" || (i > 0 && old != same) {
				same = ""
				break
			}
			same = old
		}
		return same != id || len(n.events[same]) != len(reports) // the unchanged are not written
	})
}
