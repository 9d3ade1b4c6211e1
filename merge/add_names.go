package merge

// Which id [Rule.Add] gives an event it changes or starts. Cluster names
// events in the order they were started, which is the canonical order of
// their first reports (joinBlame keeps that order): each takes its
// anchor's own id, unless an event before it took that id already; then
// it takes [EventID] of its anchor. So of the events whose anchors share
// one own id X (one key: source, target, code and date, in one bucket and
// on one day), the first holds X and the others derive theirs.
//
// An event Add changes or starts is named as Cluster would name it when
// one of these holds:
//   - it holds its anchor's own id and keeps that anchor's own id: its
//     first report only moves earlier, so it stays first of those with X;
//   - its id is derived, it keeps its anchor (EventID reads the anchor's
//     report), and the stored event holding X is near, keeps X (gains no
//     report, or keeps its anchor's own id X as in the first case) and
//     starts before it (its first report after, which only moves
//     earlier, before this event's first report after);
//   - it needs an id (it is new, its anchor's own id changed, or its id
//     is derived and its anchor changed): X when no event near has X as
//     its id or its anchor's own and no event Add placed took it; else
//     EventID of its anchor when the stored event holding X is near,
//     keeps X and starts before it. Events whose anchors have X have a
//     report of the new anchor's own id, so they meet it and are near.
//
// An event that leaves its id to take another retires it (Replaces), but
// not when another event's anchor has that id as its own: that one would
// take it.

// names is what Add knows of the ids of the events near and of those it
// placed.
type names struct {
	ids     map[string]bool       // the ids and the anchors' own ids of the events near
	claims  map[string]int        // how many events near have each id as their anchor's own
	holder  map[string]*Summary   // the event near stored under each id
	taken   map[string]bool       // the ids given to events placed so far
	changed map[*Summary]*Summary // the events near that gain reports, and their summaries after
}

func newNames() *names {
	return &names{ids: map[string]bool{}, claims: map[string]int{}, holder: map[string]*Summary{},
		taken: map[string]bool{}, changed: map[*Summary]*Summary{}}
}

// note takes in a stored event near the new reports.
func (nm *names) note(s *Summary) {
	nm.ids[s.ID], nm.ids[s.natural] = true, true
	nm.claims[s.natural]++
	nm.holder[s.ID] = s
}

// name sets the id of s, which old (nil for a new event) became, and
// returns the id it replaces; ok is false when Add cannot tell it.
func (nm *names) name(old, s *Summary) (replaces string, ok bool) {
	if old != nil && s.natural == old.natural {
		if old.ID == old.natural {
			return "", true
		}
		if s.anchor == old.anchor {
			return "", nm.heldBefore(s)
		}
		// A new anchor of one key: a new derived id, as below.
	}
	id := s.natural
	switch {
	case nm.taken[id]:
		return "", false
	case nm.ids[id]:
		if !nm.heldBefore(s) {
			return "", false
		}
		id = EventID(s.anchor.e)
		if nm.ids[id] || nm.taken[id] {
			return "", false
		}
	}
	if old != nil {
		if nm.claims[old.ID] > 1 {
			return "", false // another event near would take the id it leaves
		}
		replaces = old.ID
	}
	nm.taken[s.natural], nm.taken[id] = true, true
	s.ID = id
	return replaces, true
}

// heldBefore reports whether the stored event holding s's anchor's own
// id is near, keeps it and starts before s. One that gains reports keeps
// it while its anchor's own id stays (the first case of name); its first
// report, then, is its first report after.
func (nm *names) heldBefore(s *Summary) bool {
	h := nm.holder[s.natural]
	if h == nil || h.natural != s.natural {
		return false
	}
	if after, ok := nm.changed[h]; ok {
		if after.natural != h.natural {
			return false // it leaves the id
		}
		h = after
	}
	return canonicalLess(h.seed, s.seed)
}
