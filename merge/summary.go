package merge

import (
	"sort"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Summaries of clustered events, what [Rule.Add] (add.go) reads of them.

// Summary is a clustered event as [Rule.Add] needs it: its id, one report
// of each kind, the reports that decide its coding, id and place, and its
// count of articles. Make one with [Rule.Summarize]; a Summary is never
// changed once made.
type Summary struct {
	ID        string
	bucket    string
	seed      *report   // the canonically least report: the event's coding
	kinds     []*report // the canonically least report of each kind
	anchor    *report   // the least by anchorLess: the event's id
	located   *report   // the first report with a place in mention order, if any
	articles  int
	natural   string // the anchor's own id
	contested bool   // the seed is Contestable: blame may join the event with others
	mixed     bool   // its kinds lie in more than one bucket (only a blame join's do)
	joined    bool   // contested, and more than one clustering event joined by blame
	cue       bool   // a report has a blame word (hasBlameWord)

	first, last time.Time // the days its reports span
}

// Articles is the number of distinct articles among the event's reports.
func (s *Summary) Articles() int { return s.articles }

// Anchor is the event's anchor report, whose own id is the event's.
func (s *Summary) Anchor() model.Event { return s.anchor.e }

// Summarize makes the summary of the stored event id from all of its
// reports (each an event with one mention, as [Reports] splits them).
func (r Rule) Summarize(id string, reports []model.Event) *Summary {
	reps := make([]*report, len(reports))
	articles := map[string]bool{}
	for i, e := range reports {
		reps[i] = newReport(e)
		if len(e.Mentions) > 0 {
			articles[e.Mentions[0].ArticleID] = true
		}
	}
	sort.Slice(reps, func(i, j int) bool { return canonicalLess(reps[i], reps[j]) })
	s := &Summary{ID: id, articles: len(articles)}
	for _, rep := range reps {
		s.note(rep)
	}
	s.settle()
	// Complete linkage over an event's own reports makes the clustering
	// events it was made of: each report meets the other events' groups
	// as it did among all reports, where it did not fit those.
	s.joined = s.contested && (s.mixed || len(r.link(reps)) > 1)
	return s
}

func newReport(e model.Event) *report {
	rep := &report{}
	rep.init(e)
	return rep
}

// note takes in rep, which comes after every report noted before it in
// the canonical order.
func (s *Summary) note(rep *report) {
	if s.seed == nil {
		s.seed, s.first, s.last = rep, rep.first, rep.last
	}
	if rep.first.Before(s.first) {
		s.first = rep.first
	}
	if rep.last.After(s.last) {
		s.last = rep.last
	}
	s.cue = s.cue || ContestsBlame(rep.e.Mentions[0].Sentence)
	if s.anchor == nil || anchorLess(rep, s.anchor) {
		s.anchor = rep
	}
	if rep.e.Location != "" && (s.located == nil || mentionLess(rep, s.located)) {
		s.located = rep
	}
	s.addKind(rep)
}

// addKind makes rep its kind's report when it is the first of its kind
// or comes before the one the summary has (new reports come in any
// place of the canonical order).
func (s *Summary) addKind(rep *report) {
	for i, k := range s.kinds {
		if sameKind(&k.keys, &rep.keys) {
			if canonicalLess(rep, k) {
				s.kinds[i] = rep
			}
			return
		}
	}
	s.kinds = append(s.kinds, rep)
}

// settle works out what follows from the seed and the anchor.
func (s *Summary) settle() {
	s.bucket = s.seed.bucket
	s.contested = Contestable(s.seed.e)
	s.mixed = false
	for _, k := range s.kinds {
		s.mixed = s.mixed || k.bucket != s.bucket
	}
	a := s.anchor.e
	a.SetID()
	s.natural = a.ID
}

// mentionLess is the order of [SortMentions] on two reports' mentions.
func mentionLess(a, b *report) bool {
	x, y := &a.e.Mentions[0], &b.e.Mentions[0]
	if x.Published != y.Published {
		return x.Published < y.Published
	}
	if x.ArticleID != y.ArticleID {
		return x.ArticleID < y.ArticleID
	}
	if x.Start != y.Start {
		return x.Start < y.Start
	}
	return a.e.Code < b.e.Code
}

// kept is a new report as a summary keeps it: its mention holds only
// what clustering reads (article, path, day, offset, and the sentence
// when it blames, copied), so that a summary pins no article's text,
// outlet, figures or other fields.
func kept(rep *report) *report {
	m := &rep.e.Mentions[0]
	k := *rep
	k.e.Mentions = []model.Mention{{ArticleID: m.ArticleID, Path: m.Path, Published: m.Published, Start: m.Start}}
	if ContestsBlame(m.Sentence) {
		k.e.Mentions[0].Sentence = strings.Clone(m.Sentence)
	}
	if k.e.Target != nil {
		t := *k.e.Target
		k.e.Target = &t
	}
	k.keys.ev = &k.e
	return &k
}
