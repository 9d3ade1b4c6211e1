package report

import (
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/model"
)

// ErrNoPage is returned by [Site.Render] for a page name the site does not
// have, such as an actor that takes part in none of its events.
var ErrNoPage = errors.New("report: no such page")

// Site is the report of one set of events, able to render any of its
// pages. [Write] renders them all into a folder; the explorer renders one
// per request, for the events of the request's filters.
type Site struct {
	opt      Options
	events   []model.Event // sorted, dated first
	byID     map[string]int
	byPage   map[string]int // event page name -> index
	net      *graph.Network
	data     NetworkData
	actors   map[string]model.Actor // by page name
	countrys map[string][]model.Actor

	// pairs indexes events by their pair of sides (pairEvents), built on
	// first use; a cached site renders pages from several requests at once.
	pairsOnce sync.Once
	pairs     map[[2]string][]int
	head      header // the masthead, the same on every page
}

// NewSite prepares the report of events (in any order). It returns the
// errors of [graph.Build], wrapped.
func NewSite(events []model.Event, opt Options) (*Site, error) {
	opt = opt.withDefaults()
	s := &Site{opt: opt, events: sortedEvents(events), byID: map[string]int{}, byPage: map[string]int{},
		actors: map[string]model.Actor{}, countrys: map[string][]model.Actor{}}
	net, err := graph.Build(s.events)
	if err != nil {
		return nil, fmt.Errorf("report: build network: %w", err)
	}
	s.net, s.data = net, NetworkOf(net)
	s.head = makeHeader(s.events, opt)
	for i, e := range s.events {
		s.byID[e.ID] = i
		s.byPage[eventPage(e.ID)] = i
	}
	// Each country's actors, busiest first, which countryLabel relies on.
	nodes := net.Nodes()
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Events > nodes[j].Events })
	for _, n := range nodes {
		s.actors[actorPage(n.Actor.ID)] = n.Actor
		if c := n.Actor.Country; c != "" {
			s.countrys[c] = append(s.countrys[c], n.Actor)
		}
	}
	return s, nil
}

// Pages lists the names of every page of the site, sorted: index.html,
// network.html, then one page per actor, per country and per event, and
// the further pages of a long event list (events-2.html, ...).
func (s *Site) Pages() []string {
	names := []string{"index.html", "network.html"}
	for p := range s.actors {
		names = append(names, p)
	}
	for c := range s.countrys {
		names = append(names, countryPage(c))
	}
	for p := range s.byPage {
		names = append(names, p)
	}
	for n := 2; n <= s.listPages() && len(s.events) > listRows; n++ {
		names = append(names, listPage(n))
	}
	sort.Strings(names[2:])
	return names
}

// Render returns one page by name, or [ErrNoPage].
func (s *Site) Render(name string) ([]byte, error) {
	switch {
	case name == "index.html":
		return s.renderIndex()
	case name == "network.html":
		return s.renderNetwork()
	case name == "explore.html" && s.opt.Live != nil:
		return execute("explore.html", explorePage{base: s.base("explore"), Chart: networkChart()})
	case strings.HasPrefix(name, "events-"):
		if n := s.listPageNumber(name); n > 0 {
			return s.renderList(n)
		}
	case strings.HasPrefix(name, "actor-"):
		if a, ok := s.actors[name]; ok {
			return s.renderActor(a)
		}
	case strings.HasPrefix(name, "country-"):
		c := strings.TrimSuffix(strings.TrimPrefix(name, "country-"), ".html")
		if _, ok := s.countrys[c]; ok && name == countryPage(c) {
			return s.renderCountry(c)
		}
	case strings.HasPrefix(name, "event-"):
		if i, ok := s.byPage[name]; ok {
			return s.renderEvent(s.events[i])
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrNoPage, name)
}

// Network is the drawn network of the site's events.
func (s *Site) Network() NetworkData { return s.data }

// Graph is the network of the site's events.
func (s *Site) Graph() *graph.Network { return s.net }

// Events are the site's events, dated ones oldest first, then undated.
func (s *Site) Events() []model.Event { return s.events }

// safeName is what may appear in a page file name as it is; other ids
// (events read from outside JSON can carry any id) are hashed, so no id
// can name a path outside the report folder.
var safeName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func pageName(kind, id string) string {
	if !safeName.MatchString(id) {
		h := sha1.Sum([]byte(id))
		id = "h" + hex.EncodeToString(h[:8])
	}
	return kind + "-" + id + ".html"
}

func actorPage(id string) string        { return pageName("actor", id) }
func eventPage(id string) string        { return pageName("event", id) }
func countryPage(country string) string { return pageName("country", country) }

// explorePage is the data of templates/explore.html, the explorer's linked
// views; its charts are drawn by explore.js from the explorer's API.
type explorePage struct {
	base
	Chart map[string]any
}

// base is what every page template needs besides its own data.
type base struct {
	header
	Live *Live
	Tab  string // the tab shown as current: "index", "network", ""
}

func (s *Site) base(tab string) base {
	return base{header: s.head, Live: s.opt.Live, Tab: tab}
}

// href is a link to another page of the site; in the explorer it carries
// the current filters along.
func (b base) Href(page string) string {
	if b.Live != nil && b.Live.Query != "" {
		return page + "?" + b.Live.Query
	}
	return page
}
