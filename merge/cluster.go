package merge

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Reports splits events into reports, one per mention, each coded as its
// mention says (the mention's own Source, Code, Date, Location when set)
// or else as its event. Events read back from a store come apart into the
// reports they were merged from.
func Reports(events []model.Event) []model.Event {
	n := 0
	for _, e := range events {
		n += len(e.Mentions)
	}
	out := make([]model.Event, 0, n)
	for _, e := range events {
		for i := range e.Mentions {
			r := reportOf(&e, &e.Mentions[i])
			r.Mentions = []model.Mention{e.Mentions[i]}
			out = append(out, r)
		}
	}
	return out
}

// ReportOf is the report mention m of e is, without its mention: what
// [Reports] makes of m, for a caller that reads a report's coding and
// has no use for its Mentions.
func ReportOf(e *model.Event, m *model.Mention) model.Event { return reportOf(e, m) }

// reportOf is the report mention m of e is, without its mention.
func reportOf(e *model.Event, m *model.Mention) model.Event {
	r := model.Event{Source: e.Source, Target: e.Target, Code: e.Code, Date: e.Date, Location: e.Location}
	if m.Code != "" {
		r.Code, r.Date, r.Location = m.Code, m.Date, m.Location
		if m.Source != nil {
			r.Source, r.Target = *m.Source, m.Target
		}
	}
	return r
}

// MentionReportID is the ReportID of the report that mention m of e is
// (see Reports), worked out without making the report.
func MentionReportID(e *model.Event, m *model.Mention) string {
	r := reportOf(e, m)
	r.SetID()
	return r.ID + "/" + m.ArticleID + "/" + strconv.Itoa(m.Start)
}

// ReportID identifies a report across runs: its own coding key and the
// sentence it comes from (article and offset).
func ReportID(r model.Event) string {
	r.SetID() // the id a report had when events merged only on equal keys
	key := r.ID
	if len(r.Mentions) == 0 {
		return key
	}
	m := r.Mentions[0]
	return key + "/" + m.ArticleID + "/" + strconv.Itoa(m.Start)
}

// EventID is the id of an event whose anchor report's own id (its
// [model.Event.SetID]) is taken already by another event: one derived from
// the anchor's sentence as well.
func EventID(anchor model.Event) string { return "e-" + hash(ReportID(anchor)) }

func hash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])[:12]
}

// report is a report with what clustering needs precomputed: the keys
// [Rule.Compatible] and [Rule.otherHand] compare, worked out once per
// report rather than once per pair.
type report struct {
	e      model.Event
	id     string
	bucket string
	rank   int
	pub    string
	keys   // with first and last, the days the report spans
}

// init sets r to report e. It works in place, since the keys point at
// r.e.
func (r *report) init(e model.Event) {
	*r = report{e: e, id: ReportID(e), rank: rank(e.Date.Precision, e.Date.IsZero())}
	r.keys = keysOf(&r.e)
	r.bucket = r.family + "|" + bucketPair(&r.e)
	r.pub = "~" // unknown publication sorts last
	if r.mentioned && r.published != "" {
		r.pub = r.published
	}
}

func rank(p model.Precision, zero bool) int {
	switch {
	case zero:
		return 4
	case p == model.PrecisionDay:
		return 0
	case p == model.PrecisionRange:
		return 1
	case p == model.PrecisionMonth:
		return 2
	}
	return 3
}

// canonicalLess is the order reports are clustered in: finest date first,
// so that vague reports join a precise event rather than seed their own.
func canonicalLess(a, b *report) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	if !a.first.Equal(b.first) {
		return a.first.Before(b.first)
	}
	if !a.last.Equal(b.last) {
		return a.last.Before(b.last)
	}
	if a.pub != b.pub {
		return a.pub < b.pub
	}
	// The event is coded as its first report, so between reports of one
	// day the one read from the first path names the actors: the seed
	// article before its retellings, in a folder named by date and topic.
	if pa, pb := a.e.Mentions[0].Path, b.e.Mentions[0].Path; pa != pb {
		return pa < pb
	}
	return a.id < b.id
}

// anchorLess orders reports by publication, then by where they stand:
// the least is an event's anchor.
func anchorLess(a, b *report) bool {
	if a.pub != b.pub {
		return a.pub < b.pub
	}
	return a.id < b.id // the id ends in article and offset
}

// group is an event being built: its reports, the days they span, and
// one report of each kind among them (see [sameKind]): complete linkage
// need only compare a new report with each kind, since reports of one
// kind are compatible with the same reports. Retellings of one event are
// mostly of a few kinds (one per outlet's publication day and coding).
type group struct {
	members     []*report
	kinds       []*report
	kind0       [1]*report // kinds' first backing: most events have one kind
	first, last time.Time
}

// addKind makes rep one of g's kinds unless one of them is rep's.
func (g *group) addKind(rep *report) {
	for _, k := range g.kinds {
		if sameKind(&k.keys, &rep.keys) {
			return
		}
	}
	g.kinds = append(g.kinds, rep)
}

// Cluster groups reports into events under rule r (see the package doc).
// Each input may be a report or an event with several mentions; events
// are split with [Reports] first. The result is sorted as
// [model.SortEvents] sorts, each event resolved with [Resolve].
func (r Rule) Cluster(in []model.Event) []model.Event {
	out, _ := r.ClusterSome(in, nil)
	return out
}

// ClusterSome is [Rule.Cluster] for a caller that keeps some of the
// events only. keep (nil keeps all) is asked of each event before it is
// built, given its id and the ids ([ReportID]) of its reports in a slice
// it must not hold on to; only the events it keeps are built, resolved
// and returned, sorted as Cluster sorts them. ids is the id of every event
// made, kept or not. Building and resolving an event costs as much as its
// reports, clustering them hardly more than its kinds: a store that
// clusters again a neighbourhood holding an event of thousands of reports
// writes back the few events that changed.
func (r Rule) ClusterSome(in []model.Event, keep func(id string, reports []string) bool) (kept []model.Event, ids []string) {
	p := r.NewPool()
	p.Add(in)
	return p.ClusterSome(keep)
}

// Pool is reports to cluster that a caller adds to between clusterings:
// each is split, keyed and put in order once, however many times the
// pool is clustered. A store growing the neighbourhood of a new article
// until it is closed clusters it again at every step.
type Pool struct {
	rule  Rule
	order []*report // in canonical order
	seen  map[string]bool
}

// NewPool returns an empty pool clustered under rule r.
func (r Rule) NewPool() *Pool { return &Pool{rule: r, seen: map[string]bool{}} }

// Len is the number of reports in the pool.
func (p *Pool) Len() int { return len(p.order) }

// Add adds the reports of in (each a report, or an event split as
// [Reports] splits it). A report whose id ([ReportID]) the pool holds is
// left out: the same report stored and extracted again is one report.
// The pool shares in's mentions and targets: they must not change.
func (p *Pool) Add(in []model.Event) {
	n := 0
	for i := range in {
		n += len(in[i].Mentions)
	}
	reps := make([]report, 0, n) // never grown: keys point into it
	for i := range in {
		e := &in[i]
		for j := range e.Mentions {
			// Read only: build gives events mentions of their own.
			rp := reportOf(e, &e.Mentions[j])
			rp.Mentions = e.Mentions[j : j+1 : j+1]
			reps = append(reps, report{})
			rep := &reps[len(reps)-1]
			rep.init(rp)
			if p.seen[rep.id] {
				reps = reps[:len(reps)-1]
				continue // the same report stored and extracted again
			}
			p.seen[rep.id] = true
		}
	}
	added := make([]*report, len(reps))
	for i := range reps {
		added[i] = &reps[i]
	}
	sort.Slice(added, func(i, j int) bool { return canonicalLess(added[i], added[j]) })
	// canonicalLess is a total order on reports of distinct ids, so
	// merging the sorted runs is sorting all of them.
	order := make([]*report, 0, len(p.order)+len(added))
	i, j := 0, 0
	for i < len(p.order) && j < len(added) {
		if canonicalLess(added[j], p.order[i]) {
			order = append(order, added[j])
			j++
		} else {
			order = append(order, p.order[i])
			i++
		}
	}
	p.order = append(append(order, p.order[i:]...), added[j:]...)
}

// ClusterSome is [Rule.ClusterSome] of the pool's reports.
func (p *Pool) ClusterSome(keep func(id string, reports []string) bool) (kept []model.Event, ids []string) {
	r := p.rule
	order := p.order
	groups := r.joinBlame(r.link(order))
	used := make(map[string]bool, len(groups))
	ids = make([]string, 0, len(groups))
	var members []string
	for _, g := range groups {
		anchor := anchorOf(g)
		a := anchor.e
		a.SetID()
		id := a.ID
		if used[id] {
			id = EventID(anchor.e)
		}
		used[id] = true
		ids = append(ids, id)
		if keep != nil {
			members = members[:0]
			for _, m := range g.members {
				members = append(members, m.id)
			}
			if !keep(id, members) {
				continue
			}
		}
		e := build(g, id)
		Resolve(&e)
		kept = append(kept, e)
	}
	model.SortEvents(kept)
	return kept, ids
}

// link is complete linkage over reports in canonical order: the events
// before blame joins them, in the order they were started.
func (r Rule) link(order []*report) []*group {
	slack := time.Duration(r.DayTolerance) * 24 * time.Hour
	buckets := map[string][]*group{}
	told := map[sentence][]*group{} // the groups holding a report of each sentence
	var groups []*group
	for _, rep := range order {
		var into *group
		known := false
		key, mentioned := sentenceOf(rep)
		var others []*group // the groups rep may not join
		if mentioned {
			others = told[key]
		}
		for _, g := range buckets[rep.bucket] {
			if rep.first.After(g.last.Add(slack)) || g.first.After(rep.last.Add(slack)) {
				continue // no report of g can share a day with rep
			}
			if fits, k := r.fitsAll(rep, g); fits && !slices.Contains(others, g) {
				into, known = g, k
				break
			}
		}
		if into == nil {
			into = &group{first: rep.first, last: rep.last}
			into.kinds = into.kind0[:0]
			buckets[rep.bucket] = append(buckets[rep.bucket], into)
			groups = append(groups, into)
		}
		into.members = append(into.members, rep)
		if mentioned {
			told[key] = append(others, into)
		}
		if !known {
			into.kinds = append(into.kinds, rep)
		}
		if rep.first.Before(into.first) {
			into.first = rep.first
		}
		if rep.last.After(into.last) {
			into.last = rep.last
		}
	}
	return groups
}

// Cluster is [Rule.Cluster] under the [Default] rule.
func Cluster(in []model.Event) []model.Event { return Default.Cluster(in) }

// fitsAll reports whether rep is compatible with each of g's kinds; the
// caller checks that g holds no report of rep's sentence (see sentence).
// known says that rep is of one of g's kinds, which settles
// compatibility: g's kinds are pairwise compatible (each fitted those
// before it; compatible is symmetric), and so is every report of one of
// them (sameKind).
func (r Rule) fitsAll(rep *report, g *group) (fits, known bool) {
	for _, k := range g.kinds {
		if sameKind(&k.keys, &rep.keys) {
			return true, true
		}
	}
	for _, k := range g.kinds {
		if !r.compatible(&rep.keys, &k.keys) {
			return false, false
		}
	}
	return true, false
}

// sentence is where a report comes from. The extractor makes two events
// of one sentence only for two acts ("apologised and offered to pay
// compensation", "demanded that X withdraw and urged Y to"), so two
// reports of one sentence are never one event, however alike their
// codes: merging them would keep one act and lose the other. Kinds cannot
// answer this (reports of one kind come from many sentences), so link
// keeps the groups holding each sentence's reports.
type sentence struct {
	article string
	start   int
}

// sentenceOf is rep's sentence, as sameSentence compares them; ok is false
// for a report without a mention, which shares no sentence.
func sentenceOf(rep *report) (s sentence, ok bool) {
	if !rep.mentioned {
		return sentence{}, false
	}
	m := &rep.e.Mentions[0]
	return sentence{m.ArticleID, m.Start}, true
}

func anchorOf(g *group) *report {
	anchor := g.members[0]
	for _, m := range g.members[1:] {
		if anchorLess(m, anchor) {
			anchor = m
		}
	}
	return anchor
}

// build makes the event of a group, whose id is its anchor's own id (so
// that an event reported once keeps the id it had before merging) or one
// derived from it: coded as its first report in the canonical order (the
// most precise), with every report's mention carrying that report's own
// coding; not yet resolved.
func build(g *group, id string) model.Event {
	seed := g.members[0].e
	e := model.Event{ID: id, Source: seed.Source, Target: seed.Target, Code: seed.Code,
		Date: seed.Date, Location: seed.Location}
	e.Mentions = make([]model.Mention, 0, len(g.members))
	for _, rep := range g.members {
		e.Mentions = append(e.Mentions, ownMention(rep))
	}
	SortMentions(e.Mentions)
	return e
}

// mentionBefore is the order of SortMentions.
func mentionBefore(a, b *model.Mention) bool {
	if a.Published != b.Published {
		return a.Published < b.Published
	}
	if a.ArticleID != b.ArticleID {
		return a.ArticleID < b.ArticleID
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.Code < b.Code
}

// SortMentions orders mentions by publication, article and position.
func SortMentions(ms []model.Mention) {
	sort.SliceStable(ms, func(i, j int) bool { return mentionBefore(&ms[i], &ms[j]) })
}
