package extract

// Frames that change what a trigger codes or who does it: commands,
// judgments, deals restated, joint drills, claims, readiness, sides.

import (
	"strings"

	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/model"
)

// orderedAct finds the act of force or coercion (roots 15-20) that a
// command at t ("ordered X to ...", "instructed X to ...") gives, and the
// ones commanded, for a source known.
func (d *doc) orderedAct(s *sent, t coding.Trigger, hi int, srcs []model.Actor) (coding.Trigger, []model.Actor, bool) {
	if len(srcs) == 0 || t.Entry.Root() != "10" || !commandVerbs.has(s.words[t.Head]) {
		return coding.Trigger{}, nil, false
	}
	for _, u := range s.trigs {
		if u.Head <= t.Head || u.Head >= hi || u.Entry.Say {
			continue
		}
		if r := u.Entry.Root(); r >= "15" && r <= "20" {
			return u, d.object(s, t.Head+1, u.Head), true
		}
		return coding.Trigger{}, nil, false
	}
	return coding.Trigger{}, nil, false
}

var commandVerbs = set("order", "orders", "ordered", "ordering", "instruct", "instructs",
	"instructed", "instructing", "command", "commands", "commanded", "commanding")

// dealRelative returns the parties of a relative clause that restates a
// deal ("the agreement Moscow and Ankara struck", "a truce that the two
// sides signed"): trigger t is a past verb of concluding whose subject
// mentions follow a deal noun. It returns nil otherwise.
func (d *doc) dealRelative(s *sent, t coding.Trigger) []model.Actor {
	w := s.words
	if !concludeVerbs.has(w[t.Head]) {
		return nil
	}
	chain, _, _ := auxChain(w, t.Head)
	i := chain - 1
	var parties []model.Actor
	for i >= 0 {
		if k, ok := s.actorEndingAt(i); ok {
			if a, ok := d.resolve(s, k); ok && a.Country != "" {
				parties = append([]model.Actor{a}, parties...)
			}
			i = s.actors[k].ts - 1
			continue
		}
		if w[i] == "and" && len(parties) > 0 {
			i--
			continue
		}
		break
	}
	if len(parties) == 0 || i < 0 {
		return nil
	}
	if (w[i] == "that" || w[i] == "which") && i > 0 {
		i--
	}
	if !dealNouns.has(w[i]) {
		return nil
	}
	return parties
}

var (
	concludeVerbs = set("struck", "reached", "signed", "sealed", "concluded",
		"negotiated", "agreed")
	dealNouns = set("agreement", "agreements", "deal", "deals", "accord", "accords", "truce",
		"ceasefire", "pact", "treaty", "memorandum", "arrangement", "understanding")
)

// judgeVerb returns the index of a verb of calling or describing in
// [lo, head) that an evaluative adjective at head completes ("called the
// move unconscionable", "described it as reckless"), or -1. Up to eight
// tokens (the object, an "as", quotation marks) may stand between.
func judgeVerb(w []string, lo, head int) int {
	for j := head - 1; j >= lo && head-j <= 8; j-- {
		if judgeVerbs.has(w[j]) {
			return j
		}
		if w[j] == "," || w[j] == "that" {
			return -1
		}
	}
	return -1
}

var judgeVerbs = set("call", "calls", "called", "calling", "describe", "describes", "described",
	"describing", "deem", "deems", "deemed", "term", "termed", "brand", "branded", "label",
	"labelled", "labeled", "consider", "considers", "considered", "find", "finds", "found")

// mentionAt returns the actor of the mention covering token start when
// the trigger's pattern opens with it ("protesters storm"), else nil.
func (d *doc) mentionAt(s *sent, start, head int) []model.Actor {
	for k, m := range s.actors {
		if m.ts <= start && start < m.te && m.te <= head+1 {
			if a, ok := d.resolve(s, k); ok && a.Country != "" {
				return []model.Actor{a}
			}
		}
	}
	return nil
}

// adjunctParticiple reports a stance verb with no subject of its own
// after a subordinator: "When asked about X, Y said ...".
func adjunctParticiple(w []string, chain, head int) bool {
	if chain == 0 || chain != head || !fronting.has(w[chain-1]) {
		return false
	}
	return strings.HasSuffix(w[head], "ed") || participles.has(w[head])
}

var fronting = set("when", "while", "if", "as", "once", "unless", "though", "although",
	"until", "whenever")

// commaAfter returns the first comma in [from, hi), or hi.
func commaAfter(w []string, from, hi int) int {
	for i := from; i < hi; i++ {
		if w[i] == "," {
			return i
		}
	}
	return hi
}

// codedRoot reports an event of root already coded for one of srcs.
func codedRoot(out []coded, srcs []model.Actor, root string) bool {
	for _, c := range out {
		if model.RootOf(c.code) == root && sameCountry([]model.Actor{c.src}, srcs) {
			return true
		}
	}
	return false
}

// jointExercise reports a show of force (15) by coordinated subjects of
// more than one country whose words name drills or exercises.
func jointExercise(s *sent, t coding.Trigger, srcs []model.Actor) bool {
	if t.Entry.Root() != "15" || len(srcs) < 2 || sameCountry(srcs[:1], srcs[1:]) {
		return false
	}
	for _, k := range t.Literal {
		if exerciseWords.has(s.words[k]) {
			return true
		}
	}
	return false
}

var exerciseWords = set("exercise", "exercises", "drill", "drills", "games", "manoeuvres",
	"maneuvers", "wargames")

// sameSide reports whether a and b share a country and stand on the
// same side of it: rebels or the opposition demanding something of their
// government make a demand, a government of its own forces does not.
func sameSide(a, b []model.Actor) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Country != "" && x.Country == y.Country && challenger(x.Role) == challenger(y.Role) {
				return true
			}
		}
	}
	return false
}

// thingRelative reports a verb group at chain that opens a relative
// clause ("which created", "that ended") on a noun that names no actor.
func thingRelative(s *sent, chain int) bool {
	w := s.words
	if chain < 2 || w[chain-1] != "which" && w[chain-1] != "that" {
		return false
	}
	a := chain - 2
	if w[a] == "," {
		a--
	}
	if a < 0 || !nounLike(w[a]) {
		return false
	}
	_, ok := s.actorEndingAt(a)
	return !ok
}

// nounLike reports a word that can end a noun phrase before "which" or
// "that": not a verb of saying or thinking ("said that", "believed that").
func nounLike(w string) bool {
	return !strings.HasSuffix(w, "ed") && !irregularPast.has(w) && !auxes.has(w) && !modals.has(w) &&
		w != "so" && w != "such" && w != "now"
}

// stateSide reports actors of a government or its forces.
func stateSide(as []model.Actor) bool {
	for _, a := range as {
		if a.Country != "" && (a.Role == model.RoleGOV || a.Role == model.RoleMIL) {
			return true
		}
	}
	return false
}

// challenger reports a role that contests the state from within.
func challenger(r model.Role) bool {
	return r == model.RoleREB || r == model.RoleOPP
}

// sameCountry reports whether a and b share a country.
func sameCountry(a, b []model.Actor) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Country != "" && x.Country == y.Country {
				return true
			}
		}
	}
	return false
}

// claimedAct finds the act of force named after a claim of responsibility
// ("claimed responsibility for the drone attack").
func claimedAct(trigs []coding.Trigger, claim coding.Trigger, hi int) (coding.Trigger, bool) {
	for _, a := range trigs {
		if a.Head >= claim.End && a.Head < hi && a.Entry.Root() >= "18" {
			return a, true
		}
	}
	return coding.Trigger{}, false
}

// readyTo reports a verb or adjective of planning or readiness before
// "to" at head: "ready to", "plans to", "intends to".
func readyTo(w []string, head int) bool {
	if head < 2 || w[head-1] != "to" {
		return false
	}
	return planVerbs.has(w[head-2])
}

// stativeSupport reports a participle of backing set off after a noun
// (", backed by Russian warplanes,"): it describes a standing relation,
// not an act (the guideline's stative clauses).
func stativeSupport(w []string, t coding.Trigger) bool {
	if t.Head == 0 || w[t.Head-1] != "," || t.End >= len(w) || w[t.End] != "by" {
		return false
	}
	return supportWords.has(w[t.Head])
}

var supportWords = set("backed", "supported", "sponsored", "funded", "armed", "aided", "assisted")
