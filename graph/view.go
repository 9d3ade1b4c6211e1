package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// GroupBy is the level at which [BuildView] merges actors into nodes.
type GroupBy string

// The grouping levels. An actor that lacks the field it would be grouped
// by (no code, no country) stays a node of its own rather than being
// lumped together with every other unknown.
const (
	GroupEntity  GroupBy = "entity"  // one node per actor id (the default)
	GroupCode    GroupBy = "code"    // one node per actor code, such as RUSGOV
	GroupCountry GroupBy = "country" // one node per ISO 3166-1 alpha-3 country (or IGO)
)

// BuildOptions selects the view [BuildView] makes of a set of events.
type BuildOptions struct {
	// GroupBy merges actors: "" or [GroupEntity], [GroupCode] or
	// [GroupCountry].
	GroupBy GroupBy
	// Around, when set, keeps only the ego network of this actor: the
	// actors at most Depth hops from it, in either direction, and the
	// events among them. It is looked up with [Network.Find] after
	// grouping, so it can be an id, a name or a code.
	Around string
	// Depth is the radius of the ego network; 0 keeps the actor alone
	// (with its self-loops and untargeted events).
	Depth int
	// BetweennessSources says from how many source actors betweenness is
	// computed: [BetweennessAuto] (the zero value) for every actor unless
	// that would take more than a few seconds, then a sample as large as
	// fits; [BetweennessExact] for every actor whatever it costs; k > 0
	// for a seeded random sample of k actors (every actor when k is at
	// least their number). Sampled scores are scaled up to estimate the
	// exact ones; [Network.BetweennessSample] tells which it is, and the
	// exports say so in the file.
	BetweennessSources int
}

// BuildView builds the network of events as opt asks: actors grouped, then
// cut down to an ego network. Event ids and evidence are kept, so every
// edge of a grouped view still leads back to its sentences.
//
// It returns the errors of [Build]; [ErrBadOption] for an unknown GroupBy,
// a negative Depth or a BetweennessSources below -1; and, for Around, the errors of [Network.Find]
// ([ErrUnknownActor], [ErrAmbiguousActor]).
func BuildView(events []model.Event, opt BuildOptions) (*Network, error) {
	if opt.Depth < 0 {
		return nil, fmt.Errorf("graph: build view: %w: Depth %d (want 0 or more)", ErrBadOption, opt.Depth)
	}
	if opt.BetweennessSources < BetweennessExact {
		return nil, fmt.Errorf("graph: build view: %w: BetweennessSources %d (want -1, 0 or a number of actors)", ErrBadOption, opt.BetweennessSources)
	}
	grouped, err := Group(events, opt.GroupBy)
	if err != nil {
		return nil, err
	}
	n, err := Build(grouped)
	if err != nil {
		return nil, err
	}
	n.opts.BetweennessSources = opt.BetweennessSources // before any metric is computed: n is not shared yet
	if opt.Around == "" {
		return n, nil
	}
	centre, err := n.Find(opt.Around)
	if err != nil {
		return nil, err
	}
	return n.Ego(centre.Actor.ID, opt.Depth)
}

// Group returns copies of events whose actors are replaced by the group
// they belong to at level by: for [GroupCode] an actor named after its
// code with id "code:RUSGOV", for [GroupCountry] one named after its
// country with id "country:RUS". The actors' other fields keep what the
// group shares (country, and role for codes). Events keep their ids and
// mentions. It returns [ErrBadOption] for an unknown level.
func Group(events []model.Event, by GroupBy) ([]model.Event, error) {
	var key func(model.Actor) model.Actor
	switch by {
	case "", GroupEntity:
		return events, nil
	case GroupCode:
		key = func(a model.Actor) model.Actor {
			if a.Code == "" {
				return a
			}
			return model.Actor{ID: "code:" + a.Code, Name: a.Code, Country: a.Country, Role: a.Role, Code: a.Code}
		}
	case GroupCountry:
		key = func(a model.Actor) model.Actor {
			if a.Country == "" {
				return a
			}
			return model.Actor{ID: "country:" + a.Country, Name: a.Country, Country: a.Country, Code: a.Country}
		}
	default:
		return nil, fmt.Errorf("graph: group: %w: GroupBy %q (want entity, code or country)", ErrBadOption, by)
	}
	out := make([]model.Event, len(events))
	for i, e := range events {
		e.Source = key(e.Source)
		if e.Target != nil {
			t := key(*e.Target)
			e.Target = &t
		}
		out[i] = e
	}
	return out, nil
}

// Ego returns the network of the actors at most depth hops from actorID,
// following edges in either direction, with the events among them and the
// untargeted events of each. The actor is a node even when no event is
// left (depth 0 without self-loops). Counts, degrees and metrics are those
// of the smaller network. It returns [ErrUnknownActor] for an id that is not a
// node and [ErrBadOption] for a negative depth.
func (n *Network) Ego(actorID string, depth int) (*Network, error) {
	start, ok := n.nodeIdx[actorID]
	if !ok {
		return nil, unknownActor(actorID)
	}
	if depth < 0 {
		return nil, fmt.Errorf("graph: ego: %w: depth %d (want 0 or more)", ErrBadOption, depth)
	}
	dist := make([]int, len(n.nodes))
	for i := range dist {
		dist[i] = -1
	}
	dist[start] = 0
	queue := []int{start}
	reach := func(u, d int) {
		if dist[u] < 0 {
			dist[u] = d
			queue = append(queue, u)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if dist[v] == depth {
			continue
		}
		lo, hi := n.adj.outRange(v)
		for _, u := range n.adj.tgt[lo:hi] {
			reach(int(u), dist[v]+1)
		}
		for _, ei := range n.adj.inOf(v) {
			reach(int(n.adj.src[ei]), dist[v]+1)
		}
	}
	inside := func(i int) bool {
		if ei := n.evEdge[i]; ei >= 0 {
			return dist[n.adj.src[ei]] >= 0 && dist[n.adj.tgt[ei]] >= 0
		}
		return dist[n.nodeIdx[n.events[i].Source.ID]] >= 0
	}
	k := 0
	for i := range n.events {
		if inside(i) {
			k++
		}
	}
	kept := make([]model.Event, 0, k) // sized exactly: an ego network is often a small part of the whole
	for i, e := range n.events {
		if inside(i) {
			kept = append(kept, e)
		}
	}
	ego, err := build(kept, []model.Actor{n.nodes[start].Actor})
	if err != nil {
		return nil, err
	}
	ego.opts = n.opts
	return ego, nil
}

// Find returns the node that answers to query: its actor id, else its
// name (ignoring case), else its actor code (ignoring case). A name or
// code shared by several actors is ambiguous. It returns
// [ErrUnknownActor] when nothing answers and [ErrAmbiguousActor], naming
// the candidates, when several do.
func (n *Network) Find(query string) (Node, error) {
	q := strings.TrimSpace(query)
	if i, ok := n.nodeIdx[q]; ok {
		return n.nodes[i], nil
	}
	for _, match := range []func(model.Actor) bool{
		func(a model.Actor) bool { return strings.EqualFold(a.Name, q) },
		func(a model.Actor) bool { return a.Code != "" && strings.EqualFold(a.Code, q) },
	} {
		var found []Node
		for _, nd := range n.nodes {
			if match(nd.Actor) {
				found = append(found, nd)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			var names []string
			for _, nd := range found {
				names = append(names, fmt.Sprintf("%s (%s, %s)", nd.Actor.Name, cmp.Or(nd.Actor.Code, "no code"), nd.Actor.ID))
			}
			return Node{}, fmt.Errorf("graph: %w %q: it could be %s; give the id", ErrAmbiguousActor, q, strings.Join(names, ", "))
		}
	}
	return Node{}, fmt.Errorf("graph: %w %q: no actor of the network has this id, name or code", ErrUnknownActor, q)
}

// Events returns the events the network was built from, oldest first (by
// [model.SortEvents]). The slice is a copy; the events share their
// mentions with the network.
func (n *Network) Events() []model.Event {
	out := slices.Clone(n.events)
	model.SortEvents(out)
	return out
}

// Event returns the event with this id and whether the network holds it.
func (n *Network) Event(id string) (model.Event, bool) {
	k, ok := slices.BinarySearchFunc(n.byID, id, func(i int32, id string) int { return cmp.Compare(n.events[i].ID, id) })
	if !ok {
		return model.Event{}, false
	}
	return n.events[n.byID[k]], true
}
