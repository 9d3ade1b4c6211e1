package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// eventPageData is the data of templates/event.html.
type eventPageData struct {
	base
	Row    eventRow
	Source string // page of the source actor
	Target string
	// EventSources and EventArticles are named apart from the masthead's
	// Events and Articles, which they would otherwise shadow.
	EventSources  int
	EventArticles int
	Plover        string
	Accounts      []relEvent // other events of the same pair around the same days
	Differ        int
	Figures       []figureView
	Disputes      []disputeView
	Status        string // the review status, "" when nobody reviewed it
	Note          string
}

// figureView is one figure with the source that gives it.
type figureView struct{ Kind, Text, Source string }

// disputeView is one point the reports disagree on, every version shown.
type disputeView struct {
	Kind, What string
	Versions   []string // "2019-06-02 (Reuters, AFP)"
}

// makeDisputeView writes each version with the sources that give it. A
// perpetrator's name carries its code in parentheses already, so blame
// versions say "according to" rather than add a second pair.
func makeDisputeView(d model.Dispute) disputeView {
	v := disputeView{Kind: string(d.Kind), What: d.What}
	if d.Kind == model.DisputeBlame && v.What == "" {
		v.What = "who did it"
	}
	for _, ver := range d.Versions {
		sources := strings.Join(ver.Sources, ", ")
		if d.Kind == model.DisputeBlame {
			v.Versions = append(v.Versions, ver.Value+", according to "+sources)
			continue
		}
		v.Versions = append(v.Versions, ver.Value+" ("+sources+")")
	}
	return v
}

func (s *Site) renderEvent(e model.Event) ([]byte, error) {
	p := eventPageData{base: s.base(""), Row: makeRows([]model.Event{e})[0],
		Source: actorPage(e.Source.ID), EventSources: e.Sources(), EventArticles: e.Articles(), Plover: e.CAMEO().PLOVER}
	if e.Target != nil {
		p.Target = actorPage(e.Target.ID)
	}
	p.Status, p.Note = string(e.Status), e.Note
	for _, f := range e.Figures() {
		text := f.Text
		if text == "" {
			text = strconv.FormatFloat(f.Value, 'f', -1, 64) + " " + f.Unit
		}
		p.Figures = append(p.Figures, figureView{Kind: string(f.Kind), Text: text, Source: f.Source})
	}
	for _, d := range e.Disputes {
		p.Disputes = append(p.Disputes, makeDisputeView(d))
	}
	for _, i := range s.pairEvents(e) {
		f := s.events[i]
		if f.ID == e.ID || !samePair(e, f) || !near(e.Date, f.Date) {
			continue
		}
		a := relEvent{eventRow: makeRows([]model.Event{f})[0], Page: eventPage(f.ID), Differs: differs(e, f)}
		for i, o := range outlets(f) {
			if i > 0 {
				a.Outlets += ", "
			}
			a.Outlets += o
		}
		if a.Differs {
			p.Differ++
		}
		p.Accounts = append(p.Accounts, a)
	}
	return execute("event.html", p)
}

// pairKey is the unordered pair of sides of an event with a target.
func pairKey(e model.Event) [2]string {
	a, b := side(e.Source), side(*e.Target)
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// pairEvents returns the indices (in s.events order) of the events between
// the same two sides as e, the only candidates for its other accounts.
// The index is built once per site: scanning every event for every event
// page made writing a report of ten thousand events quadratic.
func (s *Site) pairEvents(e model.Event) []int {
	if e.Target == nil {
		return nil
	}
	s.pairsOnce.Do(func() {
		s.pairs = map[[2]string][]int{}
		for i, f := range s.events {
			if f.Target != nil {
				k := pairKey(f)
				s.pairs[k] = append(s.pairs[k], i)
			}
		}
	})
	return s.pairs[pairKey(e)]
}

// side is what an actor counts as when comparing accounts: its country,
// so that "Moscow" and "the Kremlin" are one side; the actor itself when
// its country is unknown.
func side(a model.Actor) string {
	if a.Country != "" {
		return "c:" + a.Country
	}
	return "a:" + a.ID
}

// samePair reports whether two events are between the same two sides, in
// either direction.
func samePair(e, f model.Event) bool {
	if e.Target == nil || f.Target == nil {
		return false
	}
	a, b := side(e.Source), side(*e.Target)
	c, d := side(f.Source), side(*f.Target)
	return a == c && b == d || a == d && b == c
}

// nearDays is how far apart two dates may be and still describe the same
// moment: reports date the same act "on Thursday" and "this week".
const nearDays = 3

func near(a, b model.Date) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	slack := nearDays * 24 * time.Hour
	return !a.Last().Add(slack).Before(b.First()) && !b.Last().Add(slack).Before(a.First())
}

// differs flags two accounts that may contradict each other: the same
// sides, the same days, one coded as cooperation and the other as
// conflict, and not told by the very same outlets. It is a pointer for the
// reader, not a verdict: "agreed a ceasefire" and "threatened to respond"
// can both be true on one day, and the page shows both quotes to judge.
func differs(e, f model.Event) bool {
	if !samePair(e, f) || !near(e.Date, f.Date) {
		return false
	}
	qe, qf := e.CAMEO().Quad, f.CAMEO().Quad
	if qe == 0 || qf == 0 || (qe <= 2) == (qf <= 2) {
		return false
	}
	oe, of := outlets(e), outlets(f)
	if len(oe) != len(of) {
		return true
	}
	for i := range oe {
		if oe[i] != of[i] {
			return true
		}
	}
	return false
}
