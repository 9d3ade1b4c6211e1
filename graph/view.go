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
}

// BuildView builds the network of events as opt asks: actors grouped, then
// cut down to an ego network. Event ids and evidence are kept, so every
// edge of a grouped view still leads back to its sentences.
//
// It returns the errors of [Build]; [ErrBadOption] for an unknown GroupBy
// or a negative Depth; and, for Around, the errors of [Network.Find]
// ([ErrUnknownActor], [ErrAmbiguousActor]).
func BuildView(events []model.Event, opt BuildOptions) (*Network, error) {
	if opt.Depth < 0 {
		return nil, fmt.Errorf("graph: build view: %w: Depth %d (want 0 or more)", ErrBadOption, opt.Depth)
	}
	grouped, err := Group(events, opt.GroupBy)
	if err != nil {
		return nil, err
	}
	n, err := Build(grouped)
	if err != nil || opt.Around == "" {
		return n, err
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
	dist := map[int]int{start: 0}
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if dist[v] == depth {
			continue
		}
		for _, ei := range slices.Concat(n.out[v], n.in[v]) {
			e := n.edges[ei]
			for _, id := range []string{e.Source, e.Target} {
				if u := n.nodeIdx[id]; !hasKey(dist, u) {
					dist[u] = dist[v] + 1
					queue = append(queue, u)
				}
			}
		}
	}
	in := func(a *model.Actor) bool { return a == nil || hasKey(dist, n.nodeIdx[a.ID]) }
	kept := make([]model.Event, 0, len(n.events))
	for _, e := range n.events {
		if in(&e.Source) && in(e.Target) {
			kept = append(kept, e)
		}
	}
	return build(kept, []model.Actor{n.nodes[start].Actor})
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
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
	i, ok := slices.BinarySearchFunc(n.events, id, func(e model.Event, id string) int { return cmp.Compare(e.ID, id) })
	if !ok {
		return model.Event{}, false
	}
	return n.events[i], true
}
