package explorer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/eventgraph/eventgraph/model"
)

// Each event of /api/events carries its first defaultMentions mentions
// unless the request asks for another number (mentions=N, 0 to
// maxLimit); mention_count and the other counts, the outlets, figures and
// disputes are still those of all its reports, and mentions_next is the
// address of the rest (/api/mentions). An event told by hundreds of
// articles made pages of megabytes, most of them sentences nobody reads
// in a list.
const defaultMentions = 10

// MentionPager is what a reader may offer besides [EventPager] so that a
// page reads only the mentions it shows: EventsPage is EventsAfter (with
// between, as [BetweenPager] means it) whose events hold their first
// texts mentions only (all of them when texts < 0), whole and in order,
// with the date, place and disputes resolved over all of them; totals
// has, for each event that holds fewer mentions than it has, a JSON
// object with the contract's members computed from all of them
// ("sources", "articles", "mention_count", "outlets", "figures"), and
// nil for the others. EventMentions returns the mentions of one event
// from offset on, at most limit of them, whole and in order, with how
// many it has, or an error matching [model.ErrNotFound] for no such
// event. The SQLite store has both.
type MentionPager interface {
	EventsPage(ctx context.Context, f model.EventFilter, between bool, afterID string, limit, texts int) (events []model.Event, totals []json.RawMessage, err error)
	EventMentions(ctx context.Context, id string, offset, limit int) ([]model.Mention, int, error)
}

// mentionsParam reads how many mentions per event a page shows.
func mentionsParam(q url.Values) (int, error) {
	s := q.Get("mentions")
	if s == "" {
		return defaultMentions, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxLimit {
		return 0, fmt.Errorf("%w: mentions %q: want a number from 0 to %d", errBadPage, s, maxLimit)
	}
	return n, nil
}

// mentionsURL is the address of an event's mentions from offset on.
func mentionsURL(id string, offset, limit int) string {
	return "/api/mentions?event=" + url.QueryEscape(id) + "&offset=" + strconv.Itoa(offset) + "&limit=" + strconv.Itoa(limit)
}

// fromAllMentions are the fields of the contract's event that are computed
// from its mentions; a page that shows some mentions writes them from all.
// Its keys are model.FromAllMentions, the members Event.AppendJSON takes.
func fromAllMentions(e model.Event) map[string]any {
	return map[string]any{
		"sources": e.Sources(), "articles": e.Articles(), "mention_count": len(e.Mentions),
		"outlets": e.SourceLabels(), "figures": e.Figures(),
	}
}

// encodeEvent writes e in the contract's shape, byte for byte as
// e.MarshalJSON does when it has at most shown mentions. Otherwise the
// mentions array holds the first shown, the fields computed from the
// mentions are those of all of them, and mentions_next, last, gives the
// address of the rest.
func encodeEvent(e model.Event, shown int) ([]byte, error) {
	if shown < 0 || len(e.Mentions) <= shown {
		return e.MarshalJSON()
	}
	full := map[string][]byte{}
	for k, v := range fromAllMentions(e) {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		full[k] = b
	}
	short := e
	short.Mentions = e.Mentions[:shown:shown]
	return spliceMembers(short, full, shown)
}

// encodeShown is encodeEvent for an event that holds only the mentions
// it shows, with totals, the JSON object of the members computed from
// all of them (see [MentionPager]), written as they are.
func encodeShown(e model.Event, totals json.RawMessage, shown int) ([]byte, error) {
	full := map[string][]byte{}
	if len(totals) < 2 || totals[0] != '{' {
		return nil, fmt.Errorf("event %s: totals: %w", e.ID, errNotObject)
	}
	for rest := totals[1:]; len(rest) > 1; {
		key, start, end, err := nextMember(rest)
		if err != nil {
			return nil, fmt.Errorf("event %s: totals: %w", e.ID, err)
		}
		full[key] = rest[start:end]
		rest = rest[end+1:]
	}
	return spliceMembers(e, full, shown)
}

// spliceMembers writes short, an event holding the first shown of its
// mentions, with the members in full (of model.FromAllMentions) in place
// of its own and mentions_next, last, the address of the rest.
func spliceMembers(short model.Event, full map[string][]byte, shown int) ([]byte, error) {
	out, err := short.AppendJSON(make([]byte, 0, 512+512*len(short.Mentions)), full)
	if err != nil {
		return nil, err
	}
	next, _ := json.Marshal(mentionsURL(short.ID, shown, defaultMentionPage))
	out = append(append(out[:len(out)-1], `,"mentions_next":`...), next...) // before the closing brace
	return append(out, '}'), nil
}

// errNotObject is returned by nextMember for what encoding/json never
// writes as an object's member.
var errNotObject = errors.New("not a compact JSON object")

// nextMember reads one member of a compact JSON object, as encoding/json
// writes it, from b (just after the brace or the comma before it): its
// key, unquoted (keys here are plain), and where its value starts and
// ends; the comma or closing brace after the member is at end. A decoder
// would do the same at several times the cost, a tenth of a page's.
func nextMember(b []byte) (key string, start, end int, err error) {
	if len(b) == 0 || b[0] != '"' {
		return "", 0, 0, errNotObject
	}
	q := bytes.IndexByte(b[1:], '"') + 1 // the key's closing quote
	if q < 1 || q+1 >= len(b) || b[q+1] != ':' || bytes.IndexByte(b[1:q], '\\') >= 0 {
		return "", 0, 0, errNotObject
	}
	key = string(b[1:q])
	start = q + 2
	depth, inString := 0, false
	for i := start; i < len(b); i++ {
		c := b[i]
		switch {
		case inString && c == '\\':
			i++ // the escaped byte
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth == 0 { // the object's own closing brace
				return key, start, i, nil
			}
			depth--
		case c == ',' && depth == 0:
			return key, start, i, nil
		}
	}
	return "", 0, 0, errNotObject
}

// Pages of /api/mentions: defaultMentionPage mentions unless limit says.
const defaultMentionPage = 100

// apiMentions answers the mentions of one event (event=ID) from offset
// on, at most limit of them, as a JSON array of the contract's mentions
// in the order of the event's. When more follow, the Link header names
// the next page (rel="next") and X-Next-Offset its offset.
func (x *Explorer) apiMentions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	id := q.Get("event")
	offset, limit := 0, defaultMentionPage
	var err error
	if s := q.Get("offset"); s != "" {
		if offset, err = strconv.Atoi(s); err != nil || offset < 0 {
			http.Error(w, fmt.Sprintf("offset %q: want a number from 0", s), http.StatusBadRequest)
			return
		}
	}
	if s := q.Get("limit"); s != "" {
		if limit, err = strconv.Atoi(s); err != nil || limit < 1 || limit > maxLimit {
			http.Error(w, fmt.Sprintf("limit %q: want a number from 1 to %d", s, maxLimit), http.StatusBadRequest)
			return
		}
	}
	if id == "" {
		http.Error(w, "event: want an event id", http.StatusBadRequest)
		return
	}
	ms, total, err := x.eventMentions(r.Context(), id, offset, limit)
	if errors.Is(err, model.ErrNotFound) {
		http.Error(w, "no such event", http.StatusNotFound)
		return
	}
	if err != nil {
		x.fail(w, r, err)
		return
	}
	if next := offset + len(ms); next < total {
		w.Header().Set("Link", "<"+mentionsURL(id, next, limit)+`>; rel="next"`)
		w.Header().Set("X-Next-Offset", strconv.Itoa(next))
	}
	x.writeJSON(w, r, ms)
}

// eventMentions reads a window of one event's mentions, through the
// reader's MentionPager or, without one, from all its events.
func (x *Explorer) eventMentions(ctx context.Context, id string, offset, limit int) ([]model.Mention, int, error) {
	if mp, ok := x.r.(MentionPager); ok {
		return mp.EventMentions(ctx, id, offset, limit)
	}
	all, err := x.r.Events(ctx, model.EventFilter{IncludeRejected: true})
	if err != nil {
		return nil, 0, err
	}
	for _, e := range all {
		if e.ID == id {
			lo, hi := min(offset, len(e.Mentions)), min(offset+limit, len(e.Mentions))
			return append([]model.Mention{}, e.Mentions[lo:hi]...), len(e.Mentions), nil
		}
	}
	return nil, 0, model.ErrNotFound
}
