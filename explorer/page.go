package explorer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/eventgraph/eventgraph/model"
)

// EventPager is what a reader may offer besides [model.EventReader] to
// answer /api/events a page at a time: at most limit events passing f, in
// the order of Events, after the event with id afterID ("" for the
// first page), and an error matching [model.ErrNotFound] when afterID names
// no stored event. The SQLite store has it (store.DB.EventsAfter); without
// it the explorer reads every filtered event and slices, which is fine
// for small stores and the fixtures of tests.
type EventPager interface {
	EventsAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error)
}

// BetweenPager is what a reader may offer besides [EventPager] to answer
// between=1 a page at a time with the pair condition in its own query:
// as EventsAfter, for the events whose source answers to one of f.Actors
// and target to another (to that one when there is one), the meaning of
// [Filter] Between. The SQLite store has it (store.DB.EventsBetweenAfter);
// without it the explorer reads the events of either side and keeps the
// pairs, which on a large store reads many events for few.
type BetweenPager interface {
	EventsBetweenAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error)
}

// Page sizes of /api/events. Without a limit a request gets up to
// defaultLimit events: a small store answers whole, as before pages
// existed, and no request on a large store reads it whole.
const (
	defaultLimit = 5000
	maxLimit     = 5000
)

// errBadPage is answered 400: a malformed limit or a stale cursor.
var errBadPage = errors.New("bad page")

// pageParams reads limit and after from the query.
func pageParams(q url.Values) (limit int, after string, err error) {
	limit = defaultLimit
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return 0, "", fmt.Errorf("%w: limit %q: want a number from 1 to %d", errBadPage, s, maxLimit)
		}
		limit = n
	}
	return limit, q.Get("after"), nil
}

// eventPage returns up to limit events of f after the event afterID, and
// whether more follow. Between, which the reader cannot apply, is applied
// here, reading on until the page is full. A [MentionPager] reads each
// event's first texts mentions only (all when texts < 0), with totals
// (same index, nil for an event that holds all its mentions) as
// EventsPage gives them; other readers give no totals.
func (x *Explorer) eventPage(ctx context.Context, f Filter, afterID string, limit, texts int) ([]model.Event, []json.RawMessage, bool, error) {
	pager, ok := x.r.(EventPager)
	if !ok {
		all, err := x.events(ctx, f)
		if err != nil {
			return nil, nil, false, err
		}
		start := 0
		if afterID != "" {
			start = -1
			for i, e := range all {
				if e.ID == afterID {
					start = i + 1
					break
				}
			}
			if start < 0 {
				return nil, nil, false, fmt.Errorf("%w: after %q: %w", errBadPage, afterID, model.ErrNotFound)
			}
		}
		all = all[start:]
		if len(all) > limit {
			return all[:limit], nil, true, nil
		}
		return all, nil, false, nil
	}
	read := func(ctx context.Context, f model.EventFilter, after string, limit int) ([]model.Event, []json.RawMessage, error) {
		events, err := pager.EventsAfter(ctx, f, after, limit)
		return events, nil, err
	}
	pairs, ok := x.r.(BetweenPager)
	if ok && f.Between && len(f.Actors) > 0 {
		read = func(ctx context.Context, f model.EventFilter, after string, limit int) ([]model.Event, []json.RawMessage, error) {
			events, err := pairs.EventsBetweenAfter(ctx, f, after, limit)
			return events, nil, err
		}
	}
	if mp, mok := x.r.(MentionPager); mok {
		between := f.Between && len(f.Actors) > 0
		read = func(ctx context.Context, f model.EventFilter, after string, limit int) ([]model.Event, []json.RawMessage, error) {
			return mp.EventsPage(ctx, f, between, after, limit, texts)
		}
		ok = true // it applies between itself, as a BetweenPager does
	}
	out := []model.Event{}
	var totals []json.RawMessage
	for {
		// One more than needed tells whether another page follows. With
		// Between left to keep, most events read are dropped here, so
		// read in larger rounds.
		want := limit + 1 - len(out)
		if f.Between && len(f.Actors) > 0 && !ok {
			want = max(want, 4*(limit+1))
		}
		page, pageTotals, err := read(ctx, f.EventFilter, afterID, want)
		if errors.Is(err, model.ErrNotFound) {
			return nil, nil, false, fmt.Errorf("%w: after %q: %w", errBadPage, afterID, err)
		}
		if err != nil {
			return nil, nil, false, err
		}
		for i, e := range page {
			if f.keep(e) {
				out = append(out, e)
				var t json.RawMessage
				if pageTotals != nil {
					t = pageTotals[i]
				}
				totals = append(totals, t)
			}
		}
		if len(out) > limit {
			return out[:limit], totals[:limit], true, nil
		}
		if len(page) < want {
			return out, totals, false, nil
		}
		afterID = page[len(page)-1].ID
	}
}

// apiEvents answers one page of the filtered events in the contract's JSON
// shape (an array). When more follow, the Link header names the next page
// (rel="next") and X-Next-After the cursor to pass as after=.
func (x *Explorer) apiEvents(w http.ResponseWriter, r *http.Request) {
	f, ok := x.filter(w, r)
	if !ok {
		return
	}
	limit, after, err := pageParams(r.URL.Query())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	shown, err := mentionsParam(r.URL.Query())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	events, totals, more, err := x.eventPage(r.Context(), f, after, limit, shown)
	if errors.Is(err, errBadPage) {
		http.Error(w, err.Error()+" (start again without after=)", http.StatusBadRequest)
		return
	}
	if err != nil {
		x.fail(w, r, err)
		return
	}
	if more {
		last := events[len(events)-1].ID
		next := "api/events?"
		if f.Query != "" {
			next += f.Query + "&"
		}
		next += "limit=" + strconv.Itoa(limit)
		if r.URL.Query().Get("mentions") != "" {
			next += "&mentions=" + strconv.Itoa(shown)
		}
		next += "&after=" + url.QueryEscape(last)
		w.Header().Set("Link", "</"+next+`>; rel="next"`)
		w.Header().Set("X-Next-After", last)
	}
	b, err := encodeEvents(events, totals, shown)
	if err != nil {
		x.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

// encodeEvents writes events as writeJSON does, byte for byte, but joins
// each event's own JSON directly: the encoder would check and copy every
// event's output again, a third of a large page's time. Each event shows
// at most shown mentions (all when shown < 0; see encodeEvent); an event
// with totals (totals[i], when totals is not nil) holds only the
// mentions it shows, and totals gives the rest (see encodeShown).
func encodeEvents(events []model.Event, totals []json.RawMessage, shown int) ([]byte, error) {
	// Each event's JSON first, then one buffer of the page's size: grown
	// append by append, a page of 600 KB was copied several times over, a
	// tenth of its CPU.
	encoded := make([][]byte, len(events))
	size := len("[]\n") + len(events)
	for i, e := range events {
		var err error
		if totals != nil && totals[i] != nil {
			encoded[i], err = encodeShown(e, totals[i], len(e.Mentions))
		} else {
			encoded[i], err = encodeEvent(e, shown)
		}
		if err != nil {
			return nil, err
		}
		size += len(encoded[i])
	}
	buf := make([]byte, 0, size)
	buf = append(buf, '[')
	for i, b := range encoded {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, b...)
	}
	return append(buf, "]\n"...), nil
}
