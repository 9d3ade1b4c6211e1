package actor

import (
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// span is a dated period; zero ends are open.
type span struct{ from, to time.Time }

func (s span) holds(t time.Time) bool {
	return t.IsZero() || (s.from.IsZero() || !t.Before(s.from)) && (s.to.IsZero() || !t.After(s.to))
}

func newSpan(from, to string) span {
	f, _ := parseDay(from, false)
	t, _ := parseDay(to, true)
	return span{f, t}
}

// heldBy is a seat of power held by a rival authority for a time.
type heldBy struct {
	span
	actor model.Actor
}

// addRegimes indexes the juntas and the seats held by rival authorities;
// a held entry whose name or holder is unknown is ignored, since a user
// file may override either.
func (x *index) addRegimes(juntas []JuntaSpec, held []HeldSpec) {
	x.juntas = map[string][]span{}
	for _, j := range juntas {
		x.juntas[j.Country] = append(x.juntas[j.Country], newSpan(j.From, j.To))
	}
	x.held = map[int32][]heldBy{}
	for _, h := range held {
		var seat, by int32 = -1, -1
		if n := x.node(h.Name); n != nil {
			for _, l := range n.lex {
				if l.kind == lxMetonym {
					seat = l.id
				}
			}
		}
		if n := x.node(h.By); n != nil {
			for _, l := range n.lex {
				if l.kind == lxGroup || l.kind == lxOrg || l.kind == lxOrgan {
					by = l.id
				}
			}
		}
		if seat < 0 || by < 0 {
			continue
		}
		x.held[seat] = append(x.held[seat], heldBy{span: newSpan(h.From, h.To), actor: x.named[by].actor})
	}
}

// node is the trie node of a data phrase, or nil.
func (x *index) node(phrase string) *node {
	n := x.root
	for _, k := range strings.Split(fold(phrase), " ") {
		if n = n.child(k); n == nil {
			return nil
		}
	}
	return n
}

// holder is who a seat of power (named id) stands for on day t: its
// state's government unless a rival authority held it then.
func (x *index) holder(id int32, t time.Time) model.Actor {
	for _, h := range x.held[id] {
		if h.holds(t) {
			return model.NewActor(x.named[id].actor.Name, h.actor.Country, h.actor.Role)
		}
	}
	return x.named[id].actor // shared: an actor's ID costs a hash to make
}

// junta is the country among the focus countries, most named first,
// that a military government ruled on day t.
func (d *Document) junta() (string, bool) {
	best, bestScore := "", 0
	for i, c := range d.focus.countries {
		for _, s := range d.g.idx.juntas[c] {
			if s.holds(d.at) && d.focus.scores[i] > bestScore {
				best, bestScore = c, d.focus.scores[i]
			}
		}
	}
	return best, best != ""
}
