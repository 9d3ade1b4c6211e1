package report

import (
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// actorPageData is the data of templates/actor.html, which serves both an
// actor and a country (all actors of one country together).
type actorPageData struct {
	base
	Subject        string // "Kremlin (RUS GOV)" or "RUS — Russia"
	Kind           string // "actor" or "country"
	Country        string // the country page of the actor, "" if none
	CountryLabel   string
	Members        []keyActor // a country's actors
	SubjectEvents  int        // named apart from the masthead's Events
	Timeline       map[string]any
	TimelineHeight int
	Tips           []tipEvent
	Binned         string // period of the timeline's bins, "" for one dot per event
	Ego            NetworkData
	Net            netChart
	Relations      []relation
}

// relation is everything between the page's subject and one partner.
type relation struct {
	Partner  string
	Page     string // the partner's page, "" for "no target"
	Anchor   string // id of the relation's row, for links from elsewhere
	Count    int
	Out, In  int // events by the subject, events aimed at it
	Quads    []string
	First    string
	Last     string
	Differ   int // events flagged as accounts that differ
	Events   []relEvent
	Dominant int
}

// relEvent is one event of a relation, as a line of evidence.
type relEvent struct {
	eventRow
	Page    string
	Outlets string
	Differs bool
}

func (s *Site) renderActor(a model.Actor) ([]byte, error) {
	in := func(x model.Actor) bool { return x.ID == a.ID }
	p := s.subjectPage(in, func(x model.Actor) (string, string) {
		return actorOf(x).label(), actorPage(x.ID)
	})
	p.Subject, p.Kind = actorOf(a).label(), "actor"
	if a.Country != "" {
		p.Country, p.CountryLabel = countryPage(a.Country), countryLabel(a.Country, s.countrys[a.Country])
	}
	return execute("actor.html", p)
}

func (s *Site) renderCountry(c string) ([]byte, error) {
	in := func(x model.Actor) bool { return x.Country == c }
	p := s.subjectPage(in, func(x model.Actor) (string, string) {
		if x.Country == "" {
			return actorOf(x).label(), actorPage(x.ID)
		}
		if x.Country == c {
			return "Within " + c + ": " + actorOf(x).label(), actorPage(x.ID)
		}
		return countryLabel(x.Country, s.countrys[x.Country]), countryPage(x.Country)
	})
	p.Subject, p.Kind = countryLabel(c, s.countrys[c]), "country"
	for _, n := range s.data.Nodes {
		if n.Country == c {
			p.Members = append(p.Members, keyActor{Label: n.Label, Page: n.Page, Events: n.Events})
		}
	}
	sort.SliceStable(p.Members, func(i, j int) bool { return p.Members[i].Events > p.Members[j].Events })
	return execute("actor.html", p)
}

// subjectPage gathers the events of the actors for which in is true, their
// relations with the partners that partner names, their timeline and their
// ego network.
func (s *Site) subjectPage(in func(model.Actor) bool, partner func(model.Actor) (label, page string)) actorPageData {
	p := actorPageData{base: s.base("")}
	var mine []model.Event
	rels := map[string]*relation{}
	var order []string
	members := map[string]bool{}
	for _, e := range s.events {
		srcIn := in(e.Source)
		tgtIn := e.Target != nil && in(*e.Target)
		if !srcIn && !tgtIn {
			continue
		}
		mine = append(mine, e)
		key, label, page := "", "No target", ""
		switch {
		case e.Target == nil:
			key = "none"
		case srcIn && !tgtIn:
			label, page = partner(*e.Target)
		default:
			label, page = partner(e.Source)
		}
		if key == "" {
			key = page
		}
		r := rels[key]
		if r == nil {
			r = &relation{Partner: label, Page: page, Anchor: "rel-" + strings.TrimSuffix(page, ".html")}
			if page == "" {
				r.Anchor = "rel-none"
			}
			rels[key] = r
			order = append(order, key)
		}
		r.Count++
		if srcIn {
			r.Out++
			members[e.Source.ID] = true
		}
		if tgtIn {
			r.In++
			members[e.Target.ID] = true
		}
		row := makeRows([]model.Event{e})[0]
		r.Events = append(r.Events, relEvent{eventRow: row, Page: eventPage(e.ID), Outlets: strings.Join(outlets(e), ", ")})
	}
	p.SubjectEvents = len(mine)
	for _, k := range order {
		r := rels[k]
		finishRelation(r, mine)
		p.Relations = append(p.Relations, *r)
	}
	// Busiest partners first; events without a target last, as they say
	// nothing about a relation.
	sort.SliceStable(p.Relations, func(i, j int) bool {
		if (p.Relations[i].Anchor == "rel-none") != (p.Relations[j].Anchor == "rel-none") {
			return p.Relations[j].Anchor == "rel-none"
		}
		return p.Relations[i].Count > p.Relations[j].Count
	})
	if len(mine) > 0 && hasDated(mine) {
		p.Timeline, p.Tips, p.TimelineHeight, p.Binned = timelineChart(mine, s.opt.TopActors)
	}
	// The ego network: the subject's actors and everyone linked to them.
	near := map[string]bool{}
	for _, e := range s.data.Edges {
		a, b := s.data.Nodes[e.Source].ID, s.data.Nodes[e.Target].ID
		if members[a] || members[b] {
			near[a], near[b] = true, true
		}
	}
	p.Ego = s.data.Ego(func(n NetworkNode) bool { return near[n.ID] || members[n.ID] })
	p.Net = newNetChart("ego", 460, p.Ego)
	return p
}

// finishRelation computes a relation's summary and flags its accounts that
// differ (see differs).
func finishRelation(r *relation, all []model.Event) {
	quads := map[int]int{}
	for i := range r.Events {
		quads[r.Events[i].Quad]++
	}
	r.Quads, r.Dominant = quadBreakdown(quads), dominantQuad(quads)
	byID := map[string]model.Event{}
	for _, e := range all {
		byID[e.ID] = e
	}
	var dated []model.Event
	for _, re := range r.Events {
		if e := byID[re.ID]; !e.Date.IsZero() {
			dated = append(dated, e)
		}
	}
	if len(dated) > 0 {
		r.First, r.Last = dated[0].Date.Display(), dated[len(dated)-1].Date.Display()
	}
	for i := range r.Events {
		e := byID[r.Events[i].ID]
		for _, f := range dated {
			if f.ID != e.ID && differs(e, f) {
				r.Events[i].Differs = true
				r.Differ++
				break
			}
		}
	}
}

func hasDated(events []model.Event) bool {
	for _, e := range events {
		if !e.Date.IsZero() {
			return true
		}
	}
	return false
}

func eventActors(e model.Event) []model.Actor {
	if e.Target == nil {
		return []model.Actor{e.Source}
	}
	return []model.Actor{e.Source, *e.Target}
}

// countryLabel names a country by its code and its plainest actor. The
// model has no table of country names, so it picks, among government-side
// actors: first one whose name starts like the code ("Russia" for RUS
// rather than "Kremlin"), then the fewest words ("Russia" rather than
// "Russian Foreign Ministry"), then the busier (members come busiest
// first).
func countryLabel(code string, members []model.Actor) string {
	best, bestScore := "", [2]int{}
	for _, a := range members {
		if a.Role != model.RoleGOV && a.Role != model.RoleNone && a.Role != model.RoleIGO || a.Name == code {
			continue
		}
		score := [2]int{1, len(strings.Fields(a.Name))}
		if len(code) >= 2 && len(a.Name) >= 2 && strings.EqualFold(a.Name[:2], code[:2]) {
			score[0] = 0
		}
		if best == "" || score[0] < bestScore[0] || score[0] == bestScore[0] && score[1] < bestScore[1] {
			best, bestScore = a.Name, score
		}
	}
	if best == "" {
		return code
	}
	return code + " — " + best
}
