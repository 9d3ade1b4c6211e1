package merge

import (
	"sort"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Adding one article's reports to clustered events without clustering
// again: [Rule.Add] places the new reports among the stored events near
// them, each told by its [Summary], and reports whether that is exactly
// what [Rule.Cluster] would make of all the reports. A store that keeps
// the events Cluster made of its reports then compares a new report with
// each nearby event's kinds, not with each of its reports.
//
// Why the summaries suffice. Cluster takes the reports in canonical order
// and puts each into the first event (in the order events were started)
// all of whose reports so far it is compatible with. Reports of one kind
// (sameKind) are compatible with the same reports, so "all reports so
// far" is "every kind with a member earlier in the order", and a kind
// needs only its canonically least member. Take the new reports in
// canonical order; for each new report n, with the events as they stand:
//   - n goes where Cluster would put it: into the first event started
//     before n that n fits, or it starts an event;
//   - the stored reports after n still go where they went if (a) n is
//     compatible with every kind of the event it joined (the reports after
//     n in that event must accept it), and (b) when n starts an event, n
//     is compatible with no kind of a stored event started after n (whose
//     reports could otherwise join n's event first). An event started
//     before n that a later report did not fit it still does not fit with
//     n in it, and one it fitted comes before n's new event.
//
// One case of (b) is simple: when n starts an event and n is compatible
// with all kinds of the first stored event started after n that has a
// kind compatible with n, that event's reports all join n's event in turn
// (each fits n and the event's reports before it, and meets no event it
// did not meet before: those started between n and the event have no
// kind compatible with n); the event stays one, with n as its first
// report. The reports of the stored events started after it still go
// where they went, whether or not they have a kind compatible with n:
// each did not fit that event as it stood when the report came, and n's
// event then holds the same reports and n. When (a) or (b) fails
// otherwise, Add declines and the caller clusters in full.
// It declines too where the summaries do not tell enough:
//   - blame: events of one act laid at different doors are joined after
//     clustering (joinBlame), so a stored event whose first report is
//     [Contestable] may be two clustering events in one; Add declines when
//     such an event (joined) is near a new report of its bucket, or may
//     meet an event it changes or starts in joinBlame (see blame below);
//   - identity: when it cannot tell which of the events whose anchors
//     share one own id holds it (see names);
//   - when the new reports come from more than one article, or repeat
//     one report.
//
// The stored reports must be what Cluster made of them (the store keeps
// that so while actors' rows stay as they were), and none of them may
// come from the new reports' article.

// Placed is an event that [Rule.Add] changed or started.
type Placed struct {
	// Event is the event's coding, date and place after the new reports
	// joined, with the mentions of the new reports only (each with its
	// report's own coding, in [SortMentions] order).
	Event model.Event
	// Stored says that the event was stored (one of the summaries given)
	// under the same id.
	Stored bool
	// Replaces is the id the event was stored under when a new report
	// became its anchor and gave it a new id; its stored reports move to
	// the new id and the old one is retired.
	Replaces string
	// Summary is the event's summary after.
	Summary *Summary
}

// place is an event while Add works: a stored one or one started by a new
// report.
type place struct {
	s     *Summary // nil for a new event
	seed  *report  // the stored seed, or the first new report
	news  []*report
	kinds []*report // the new reports' kinds not among the stored ones
}

// Add places the reports of one new article (each an event with one
// mention) among the stored events near them: every stored event with a
// report that a new report meets, being compatible with it, another
// hand's, or of its own id (near.go says how a store finds them); more
// may be given. Events that meet no new report cannot change where one
// goes: a new report fits, starts before or takes from only events it
// is compatible with, joins by blame only events whose every report it
// is compatible with or another hand's, and shares an id only with
// events whose anchor has its own id. When an event gets a new id
// (Placed.Replaces), the events that its old anchor meets must be among
// them too (another event may claim the id it leaves): a caller that did
// not give them calls again with them. ok is false when the result may
// differ from what [Rule.Cluster] makes of all the reports (see above);
// otherwise out lists the events that changed or started, sorted as
// [model.SortEvents] sorts them.
func (r Rule) Add(near []*Summary, reports []model.Event) (out []Placed, ok bool) {
	news := make([]*report, 0, len(reports))
	seen := map[string]bool{}
	for _, e := range Reports(reports) {
		rep := newReport(e)
		if !rep.mentioned || seen[rep.id] || rep.e.Mentions[0].ArticleID != news0Article(news, rep) {
			return nil, false
		}
		seen[rep.id] = true
		news = append(news, rep)
	}
	sort.Slice(news, func(i, j int) bool { return canonicalLess(news[i], news[j]) })

	// The stored events by bucket, in the order Cluster started them, and
	// the buckets with a report of an event that may be a blame join.
	byBucket := map[string][]*place{}
	unsure := map[string]bool{}
	nm := newNames()
	listed := map[*Summary]bool{}
	for _, s := range near {
		if listed[s] {
			continue
		}
		listed[s] = true
		nm.note(s)
		byBucket[s.bucket] = append(byBucket[s.bucket], &place{s: s, seed: s.seed})
		if s.joined || s.mixed {
			for _, k := range s.kinds {
				unsure[k.bucket] = true
			}
		}
	}
	for _, ps := range byBucket {
		sort.Slice(ps, func(i, j int) bool { return canonicalLess(ps[i].seed, ps[j].seed) })
	}
	var changed []*place
	for _, n := range news {
		if unsure[n.bucket] {
			return nil, false // the event may be two clustering events joined
		}
		p, ok := r.placeOne(byBucket, n)
		if !ok {
			return nil, false
		}
		if len(p.news) == 0 {
			changed = append(changed, p)
		}
		p.news = append(p.news, n)
		if !hasKind(p, n) {
			p.kinds = append(p.kinds, n)
		}
	}
	out = make([]Placed, 0, len(changed))
	var check []int // the events of out that joinBlame may meet with others
	after := make([]*Summary, len(changed))
	for i, p := range changed {
		after[i] = p.summary()
		if p.s != nil {
			nm.changed[p.s] = after[i]
		}
	}
	for i, p := range changed {
		pl, meets, ok := p.placed(after[i], nm)
		if !ok {
			return nil, false
		}
		if meets {
			check = append(check, len(out))
		}
		out = append(out, pl)
	}
	// Such an event must meet none of the stored events near it, nor the
	// other events placed, in joinBlame (mayJoin). Its own summary before
	// is not another event.
	for _, i := range check {
		s := out[i].Summary
		for _, o := range near {
			if o != changed[i].s && r.mayJoin(s, o) {
				return nil, false
			}
		}
		for j, o := range out {
			if i != j && r.mayJoin(s, o.Summary) {
				return nil, false
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Event.Date.Compare(out[j].Event.Date); c != 0 {
			return c < 0
		}
		return out[i].Event.ID < out[j].Event.ID
	})
	return out, true
}

// news0Article is the article of the first new report, or rep's own.
func news0Article(news []*report, rep *report) string {
	if len(news) == 0 {
		return rep.e.Mentions[0].ArticleID
	}
	return news[0].e.Mentions[0].ArticleID
}

// placeOne finds the event new report n goes into, starting one at the
// end of its bucket when none fits, and checks that the stored reports
// after n stay where they are.
func (r Rule) placeOne(byBucket map[string][]*place, n *report) (*place, bool) {
	ps := byBucket[n.bucket]
	for _, p := range ps {
		if !canonicalLess(p.seed, n) {
			continue // started after n
		}
		if !r.fits(p, n, true) {
			continue
		}
		if p.s != nil && !r.fits(p, n, false) {
			return nil, false // (a): a stored report after n would leave
		}
		return p, true
	}
	// n starts an event; the first stored event started after n whose
	// reports might join it instead (b) is taken in whole when n fits all
	// of its reports: n becomes its first report (see absorbs).
	var absorbs *place
	for _, p := range ps {
		if p.s == nil || canonicalLess(p.seed, n) || !r.meets(p.s, n) {
			continue
		}
		if len(p.news) > 0 || !r.fits(p, n, false) {
			return nil, false
		}
		absorbs = p
		break
	}
	if absorbs != nil {
		absorbs.seed = n
		sort.SliceStable(ps, func(i, j int) bool { return canonicalLess(ps[i].seed, ps[j].seed) })
		return absorbs, true
	}
	p := &place{seed: n}
	// Events started by new reports come after every stored event started
	// before them; placeOne skips those started after n.
	byBucket[n.bucket] = append(ps, p)
	sort.SliceStable(byBucket[n.bucket], func(i, j int) bool {
		return canonicalLess(byBucket[n.bucket][i].seed, byBucket[n.bucket][j].seed)
	})
	return p, true
}

// fits reports whether n is compatible with every kind of p with a report
// before n (before set) or after n (before unset; the new reports of p
// are all before n), and, before n, comes from no sentence p has.
func (r Rule) fits(p *place, n *report, before bool) bool {
	if p.s != nil {
		for _, k := range p.s.kinds {
			if canonicalLess(k, n) == before && !r.compatible(&n.keys, &k.keys) {
				return false
			}
		}
	}
	if !before {
		return true
	}
	for _, k := range p.kinds {
		if !r.compatible(&n.keys, &k.keys) {
			return false
		}
	}
	for _, o := range p.news {
		if sameSentence(&n.keys, &o.keys) {
			return false
		}
	}
	return true
}

// meets reports whether n is compatible with a kind of s.
func (r Rule) meets(s *Summary, n *report) bool {
	for _, k := range s.kinds {
		if r.compatible(&n.keys, &k.keys) {
			return true
		}
	}
	return false
}

func hasKind(p *place, n *report) bool {
	for _, k := range p.kinds {
		if sameKind(&k.keys, &n.keys) {
			return true
		}
	}
	if p.s != nil {
		for _, k := range p.s.kinds {
			if sameKind(&k.keys, &n.keys) {
				return true
			}
		}
	}
	return false
}

// summary is the summary of the event p becomes.
func (p *place) summary() *Summary {
	s := &Summary{}
	if p.s != nil {
		*s = *p.s
		s.kinds = append([]*report(nil), p.s.kinds...)
		s.articles++ // the new reports come from one new article
	} else {
		s.articles = 1
	}
	for _, n := range p.news {
		n := kept(n)
		if s.seed != nil && canonicalLess(n, s.seed) {
			s.seed = n
		}
		s.note(n)
	}
	s.settle()
	return s
}

// placed is the event p became, with its summary s; ok is false when its
// id is not what Cluster would give it (see above) or Add cannot tell how
// joining blame treats it, and meets is set when Add must check that
// joinBlame leaves it alone (see blame).
func (p *place) placed(s *Summary, nm *names) (pl Placed, meets, ok bool) {
	meets, ok = p.blame(s)
	if !ok {
		return Placed{}, false, false
	}
	replaces, ok := nm.name(p.s, s)
	if !ok {
		return Placed{}, false, false
	}
	seed := s.seed.e
	e := model.Event{ID: s.ID, Source: seed.Source, Target: seed.Target, Code: seed.Code, Date: seed.Date, Location: seed.Location}
	var dates []model.Date
	for _, k := range s.kinds {
		if !k.e.Date.IsZero() {
			dates = append(dates, k.e.Date)
		}
	}
	if len(dates) > 0 {
		e.Date, _ = eventDate(dates)
	}
	if e.Location == "" && s.located != nil {
		e.Location = s.located.e.Location
	}
	e.Mentions = make([]model.Mention, 0, len(p.news))
	for _, n := range p.news {
		e.Mentions = append(e.Mentions, ownMention(n))
	}
	SortMentions(e.Mentions)
	return Placed{Event: e, Stored: p.s != nil && replaces == "", Replaces: replaces, Summary: s}, meets, true
}

// blame says how joining blame treats the event s (p after its new
// reports). joinBlame reads of an event that is one clustering event
// (not joined) its first report (its blame key and place in the order),
// whether a report blames (cue), and its kinds; the days it spans only
// skip pairs that sameAct would refuse anyway, since sameAct needs the
// two first reports' days to meet within the day tolerance. So:
//   - an event that does not start with a Contestable report is ignored
//     by joinBlame, now as before (a stored one was alone, or ignored);
//   - a stored event that was a blame join (joined) or mixes buckets may
//     be several clustering events: ok is false;
//   - a stored one that joined none and that none joined, whose first
//     report and cue stay, still joins none and none joins it: its kinds
//     only grew, which makes sameAct fail more;
//   - otherwise (a new event, a new first report, or a new cue) it is
//     left alone exactly when it meets none of the events that could
//     join it (meets: Add checks with mayJoin). Those have its blame key
//     and reach its first report's days widened by the tolerance; to
//     join it they would have to meet each of its reports, the new ones
//     among them (sameAct), so Add's caller gives them all. When the
//     first report is a stored one, a new report of the event with its
//     blame key and day must stand for it too, or ok is false.
//
// An event left alone neither joins a group before it nor takes one after
// it, so every other group meets the same groups as before.
func (p *place) blame(s *Summary) (meets, ok bool) {
	old := p.s
	switch {
	case s.mixed || old != nil && (old.joined || old.mixed):
		return false, false
	case !s.contested:
		return false, true
	case old != nil && s.seed == old.seed && s.cue == old.cue:
		return false, true // old is contested, as its first report is s's
	case old == nil || s.seed != old.seed:
		return true, true // its first report is new: near covers it
	}
	key, _ := blameKeyOf(s.seed)
	for _, n := range p.news {
		if k, ok := blameKeyOf(n); ok && k == key && n.first.Equal(s.seed.first) {
			return true, true
		}
	}
	return false, false
}

// mayJoin reports whether joinBlame might join the event s with the
// event o (either way), or let o take what s would. sameAct asks of two
// events that their first reports be compatible or another hand, both of
// which need their days to meet: so o must have s's blame key and reach
// s's first report's days, widened by the day tolerance. joinBlame then
// joins two clustering events only when one has a blame word and sameAct
// holds of their kinds, every pair of them; a joined or mixed o is
// several clustering events, which its summary does not tell apart. A
// stored event that might join s so meets each new report of s, and Add's
// caller gives those in near; one that meets none, joined or not, has no
// clustering event that could join s's.
func (r Rule) mayJoin(s, o *Summary) bool {
	slack := time.Duration(r.DayTolerance) * 24 * time.Hour
	k, ok := blameKeyOf(o.seed)
	key, _ := blameKeyOf(s.seed)
	if !ok || k != key || o.first.After(s.seed.last.Add(slack)) || s.seed.first.After(o.last.Add(slack)) {
		return false
	}
	if o.joined || o.mixed {
		return true
	}
	return (s.cue || o.cue) && r.sameActKinds(s.kinds, o.kinds)
}

// sameActKinds is [Rule.sameAct] on two events' kinds: reports of one
// kind are compatible, or another hand, with the same reports.
func (r Rule) sameActKinds(a, b []*report) bool {
	for _, x := range a {
		for _, y := range b {
			if !r.compatible(&x.keys, &y.keys) && !r.otherHand(&x.keys, &y.keys) {
				return false
			}
		}
	}
	return true
}

// blameKeyOf is blameKey of an event whose first report is seed.
func blameKeyOf(seed *report) (string, bool) {
	if !Contestable(seed.e) {
		return "", false
	}
	return seed.family + "|" + country(seed.e.Target), true
}

// ownMention is rep's mention carrying rep's own coding: how build and
// Add make an event's mentions.
func ownMention(rep *report) model.Mention {
	m := rep.e.Mentions[0]
	src := rep.e.Source
	m.Source, m.Target = &src, rep.e.Target
	m.SourceCode, m.TargetCode = src.Code, ""
	if rep.e.Target != nil {
		m.TargetCode = rep.e.Target.Code
	}
	m.Code, m.Date, m.Location = rep.e.Code, rep.e.Date, rep.e.Location
	return m
}
