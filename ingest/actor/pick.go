package actor

import (
	"strings"
)

// pick chooses among the people a phrase may name (ls), as
// [index.pickPerson] does by date, then by the title written before the
// name and by the article's focus: "King Abdullah" in 2010 is Jordan's
// king in a story about Jordan and Saudi Arabia's in one about the Gulf;
// "General Burhan" is the one whose office is military. cue is the folded
// title ("king", "crown prince"), or "".
func (d *Document) pick(ls []lex, cue string) (int32, bool) {
	x := d.g.idx
	// A name two people share means the one the article has named:
	// "Dagalo" after "Mohamed Hamdan Dagalo" is he, not his brother.
	if len(ls) > 1 {
		for k := len(d.met) - 1; k >= 0; k-- {
			for _, l := range ls {
				if l.kind == lxPerson && l.id == d.met[k] && (cue == "" || d.fits(l.id, cue)) {
					return l.id, true
				}
			}
		}
	}
	base, baseOK := x.pickPerson(ls, d.at)
	if baseOK && (cue == "" || d.fits(base, cue)) {
		return base, true
	}
	var cands []int32
	for _, l := range ls {
		if l.kind == lxPerson && x.people[l.id].inOffice(d.at) {
			cands = append(cands, l.id)
		}
	}
	if cue != "" {
		var fit []int32
		for _, id := range cands {
			if d.fits(id, cue) {
				fit = append(fit, id)
			}
		}
		if len(fit) > 0 {
			cands = fit
		}
	}
	if len(cands) == 1 {
		return cands[0], true
	}
	// Several in office: the one of the country the article is about.
	best, bestScore, tie := int32(-1), 0, false
	for _, id := range cands {
		tm, _ := x.people[id].termAt(d.at)
		s := d.focus.score(strings.ToUpper(tm.country)) // as model.NewActor writes it
		switch {
		case s > bestScore:
			best, bestScore, tie = id, s, false
		case s == bestScore:
			tie = true
		}
	}
	if best < 0 || tie {
		// "former President Trump": out of office, but once in this one.
		if baseOK && d.heldEver(base, cue) {
			return base, true
		}
		return 0, false
	}
	return best, true
}

// heldEver reports whether person id held the office cue names in any
// term.
func (d *Document) heldEver(id int32, cue string) bool {
	for _, tm := range d.g.idx.people[id].terms {
		if strings.Contains(foldString(tm.title), cue) || ranks[cue] && (tm.role == "MIL" || tm.role == "REB") {
			return true
		}
	}
	return !isOfficeCue(cue) && !ranks[cue]
}

// fits reports whether person id's office on the article's date agrees
// with a title cue: the term's title names it ("king" in "king"), or the
// cue is a military rank and the office is in the armed forces or a
// rebel command. Honorifics and titles the data does not use ("Sheikh",
// "Mr") fit everyone.
func (d *Document) fits(id int32, cue string) bool {
	tm, ok := d.g.idx.people[id].termAt(d.at)
	if !ok {
		// Out of office on the article's date: only an honorific fits.
		return !ranks[cue] && !isOfficeCue(cue)
	}
	title := foldString(tm.title)
	if strings.Contains(title, cue) {
		return true
	}
	if ranks[cue] {
		return tm.role == "MIL" || tm.role == "REB" || strings.Contains(title, "commander") || strings.Contains(title, "chief")
	}
	return !isOfficeCue(cue) // a named office the term does not hold
}

func isOfficeCue(cue string) bool {
	for _, t := range officeCues {
		if cue == t {
			return true
		}
	}
	return false
}

// ranks are military titles: they fit any armed office.
var ranks = map[string]bool{"general": true, "gen.": true, "gen": true, "field marshal": true, "marshal": true,
	"lieutenant general": true, "lt. gen.": true, "major general": true, "maj. gen.": true, "colonel": true,
	"col.": true, "admiral": true, "brigadier general": true, "commander": true}

// officeCues are titles precise enough to rule a person out.
var officeCues = []string{"king", "queen", "emir", "crown prince", "sultan", "president", "prime minister",
	"foreign minister", "defence minister", "defense minister", "chancellor", "general", "field marshal",
	"supreme leader", "premier"}

// score is the focus weight of country c.
func (f *focus) score(c string) int {
	for i, x := range f.countries {
		if x == c {
			return f.scores[i]
		}
	}
	return 0
}
