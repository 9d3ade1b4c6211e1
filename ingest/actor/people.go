package actor

import (
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// addPeople indexes people by full name, aliases and surname. A surname
// stands alone ("Peskov") unless it is also a word of the language or
// another entry ("May", "Jordan"), in which case it only follows a title
// ("Prime Minister May"); people sharing a surname are told apart by date.
func (x *index) addPeople(order []string, specs map[string]PersonSpec, cueOnly []string) {
	block := map[string]bool{}
	for _, s := range cueOnly {
		block[fold(s)] = true
	}
	for _, m := range months {
		block[m] = true
	}
	surnames := map[string][]int32{}
	for _, key := range order {
		sp := specs[key]
		p := person{name: sp.Name, out: sp.Out}
		for _, t := range sp.Terms {
			from, _ := parseDay(t.From, false)
			to, _ := parseDay(t.To, true)
			p.terms = append(p.terms, term{country: t.Country, role: t.Role, title: t.Title, from: from, to: to})
		}
		p.surnames = surnameKeys(sp.Name)
		x.people = append(x.people, p)
		id := int32(len(x.people) - 1)
		for _, n := range append([]string{sp.Name}, sp.Aliases...) {
			x.add(n, lex{kind: lxPerson, id: id})
		}
		for _, s := range surnameKeys(sp.Name) {
			surnames[s] = append(surnames[s], id)
		}
	}
	for s, ids := range surnames {
		if block[s] || x.hasOther(s) {
			x.cueOnly[s] = ids
			continue
		}
		for _, id := range ids {
			x.add(capitalize(s), lex{kind: lxPerson, id: id})
		}
	}
}

// surnameKeys are the folded forms a surname-only mention takes: the last
// word, and without its Arabic article ("al-Assad", "Assad").
func surnameKeys(name string) []string {
	f := strings.Fields(fold(name))
	if len(f) < 2 {
		return nil
	}
	last := f[len(f)-1]
	if len(last) < 3 || last == "jr" || last == "jr." {
		return nil
	}
	keys := []string{last}
	for _, art := range []string{"al-", "el-", "ul-"} {
		if rest, ok := strings.CutPrefix(last, art); ok && len(rest) > 2 {
			keys = append(keys, rest)
		}
	}
	return keys
}

// hasOther reports whether the one-token phrase s already means something
// other than a person.
func (x *index) hasOther(s string) bool {
	if strings.Contains(s, " ") {
		return true
	}
	n := x.root.child(s)
	if n == nil {
		return false
	}
	for _, l := range n.lex {
		if l.kind != lxPerson {
			return true
		}
	}
	return false
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday"}

// termAt returns the term that makes the person an actor on day t, and
// whether they held it then. In office, that is the term's
// country and role (the latest-starting term if several overlap). Out of
// office, a person keeps the country of the nearest term, since the press
// still files a former president under their country, but takes the
// person's Out role, "" unless the data says otherwise: Donald Trump in
// 2022 is USA with no role, not the US government.
func (p *person) termAt(t time.Time) (*term, bool) {
	var best, near *term
	var gap time.Duration = 1<<63 - 1
	for i := range p.terms {
		tm := &p.terms[i]
		if t.IsZero() || (tm.from.IsZero() || !t.Before(tm.from)) && (tm.to.IsZero() || !t.After(tm.to)) {
			if best == nil || tm.from.After(best.from) {
				best = tm
			}
			continue
		}
		d := tm.from.Sub(t)
		if !tm.to.IsZero() && t.After(tm.to) {
			d = t.Sub(tm.to)
		}
		if d < 0 {
			d = -d
		}
		if d < gap {
			gap, near = d, tm
		}
	}
	if best != nil {
		return best, true
	}
	return near, false
}

// actorAt returns the name, country and role of the person's actor by
// term tm, held (in office) or not.
func (p *person) actorAt(tm *term, held bool) (string, string, model.Role) {
	if held {
		return p.name, tm.country, tm.role
	}
	role := p.out
	if tm.country == model.CountryIGO {
		role = model.RoleNone
	}
	return p.name, tm.country, role
}

// inOffice reports whether the person held any term on day t.
func (p *person) inOffice(t time.Time) bool {
	_, ok := p.termAt(t)
	return ok
}

// pickPerson chooses among people sharing a phrase: the only one, or the
// only one in office on day t. ok is false when the date does not decide.
func (x *index) pickPerson(ls []lex, t time.Time) (int32, bool) {
	var ids []int32
	for _, l := range ls {
		if l.kind == lxPerson {
			ids = append(ids, l.id)
		}
	}
	if len(ids) == 1 {
		return ids[0], true
	}
	found := int32(-1)
	for _, id := range ids {
		if x.people[id].inOffice(t) {
			if found >= 0 {
				return 0, false
			}
			found = id
		}
	}
	return found, found >= 0
}
