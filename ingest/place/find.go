package place

// Find returns the places named in text, in order, without overlaps. A
// name shared by places of several countries resolves to the one in a
// country the text itself names (as a state or by its capital), else to
// the most populous; see [Gazetteer.FindWith] to pass countries known
// from elsewhere, such as the rest of an article.
func (g *Gazetteer) Find(text string) []Match { return g.FindWith(text, nil) }

// FindWith is [Gazetteer.Find] with the ISO3 codes of countries the
// document is about, which settle shared names: "Tripoli" is Lebanon's
// in a text about Lebanon.
func (g *Gazetteer) FindWith(text string, countries []string) []Match {
	ws := words(text, make([]word, 0, len(text)/6+4))
	raws := g.scan(ws)
	if len(raws) == 0 {
		return nil
	}
	ctx := map[string]bool{}
	for _, c := range countries {
		ctx[c] = true
	}
	for _, r := range raws {
		// The text is about the states it names, by name or capital, and
		// about those of the places no other country shares a name with
		// ("West Bank", "Tel Aviv").
		cs := g.cands[r.ent]
		if p := g.places[cs[0]]; p.Kind == KindCountry || p.Kind == KindCapital ||
			len(cs) == 1 && (p.Kind == KindRegion || p.Population >= minAlone) {
			ctx[p.Country] = true
		}
	}
	out := make([]Match, 0, len(raws))
	for _, r := range raws {
		p := g.places[g.choose(r, ctx)]
		if p.Kind == KindCity && p.Population < minAlone && !ctx[p.Country] {
			continue
		}
		start, end := ws[r.s].start, ws[r.e].end
		out = append(out, Match{Start: start, End: end, Text: text[start:end], Place: p})
	}
	return out
}

// minAlone is the population a town needs to be found in a text that
// does not name its country: the thousands of small towns share their
// names with people and things the world over ("Solana", "Gore"), and
// the news names the country of a village it reports from.
const minAlone = 100000

// raw is a name found at words [s, e], before it is resolved: ent is its
// index entry, and region is set when a word such as "province" follows.
type raw struct {
	s, e   int
	ent    int32
	region bool
}

// scan finds the longest name at each capitalised word. A name starts
// and ends with a capitalised word (inner particles may be lower case:
// "Deir ez-Zor") and does not run across punctuation.
func (g *Gazetteer) scan(ws []word) []raw {
	var out []raw
	var buf [128]byte
	for i := 0; i < len(ws); i++ {
		if !ws[i].upper {
			continue
		}
		b := append(buf[:0], ws[i].key...)
		best, ent := -1, int32(-1)
		for j := i; ; {
			nd, ok := g.index[string(b)]
			if !ok {
				break
			}
			if nd.ent >= 0 && ws[j].upper {
				best, ent = j, nd.ent
			}
			if !nd.prefix || j+1 >= len(ws) || !ws[j+1].joined || j+1-i >= g.maxWords {
				break
			}
			j++
			b = append(append(b, ' '), ws[j].key...)
		}
		if best < 0 {
			continue
		}
		region := best+1 < len(ws) && ws[best+1].joined && regionWords[ws[best+1].key]
		if best == i && !region && !g.alone(ws[i]) {
			continue
		}
		r := raw{s: i, e: best, ent: ent}
		if n := best + 1; region {
			r.region = true
		} else if best == i && !g.major(ent) && (n < len(ws) && ws[n].joined && ws[n].upper || named(ws, i)) {
			// A town's name beside another name is a person's or a
			// thing's: "Vladimir Putin", "Al Gore", "Javier Solana".
			continue
		}
		out = append(out, r)
		i = best
	}
	return out
}

// alone reports whether a one-word name may stand as a place: not a stop
// word ("Of", "Police"), not one or two letters, and not an acronym of
// three capitals ("UN", "ICC"), which are far more often bodies.
func (g *Gazetteer) alone(w word) bool {
	return len(w.key) > 2 && !g.stop[w.key] && !(w.caps && len(w.key) <= 3)
}

// named reports whether word i follows a capitalised word of the same
// name: one inside a sentence, or an opening one that is not a
// preposition or other function word ("In Idlib").
func named(ws []word, i int) bool {
	if i == 0 || !ws[i].joined || !ws[i-1].upper {
		return false
	}
	return !ws[i-1].first || !function[ws[i-1].key]
}

// function words open sentences before a place: "In Idlib, ...".
var function = map[string]bool{"in": true, "at": true, "near": true, "from": true, "on": true, "outside": true,
	"across": true, "around": true, "inside": true, "into": true, "to": true, "the": true, "and": true, "but": true,
	"after": true, "before": true, "while": true, "since": true, "as": true, "for": true, "with": true, "by": true,
	"of": true, "over": true, "under": true, "when": true, "if": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "north": true, "south": true,
	"east": true, "west": true, "between": true, "throughout": true, "within": true, "toward": true, "towards": true}

// major reports whether an entry's first place is a state or a capital,
// whose names stand before other names as themselves ("Moscow Times").
func (g *Gazetteer) major(ent int32) bool {
	k := g.places[g.cands[ent][0]].Kind
	return k == KindCountry || k == KindCapital
}

// regionWords after a name make it the region: "Idlib province".
var regionWords = map[string]bool{"province": true, "governorate": true, "region": true, "oblast": true,
	"state": true, "district": true, "prefecture": true, "provinces": true, "regions": true}

// choose picks the place a name means. A place in a country of ctx wins
// over a more populous one elsewhere unless it is a hundred times
// smaller, so that a hamlet does not take the name of a capital; "X
// province" takes the region of that name when there is one.
func (g *Gazetteer) choose(r raw, ctx map[string]bool) int32 {
	cs := g.cands[r.ent]
	if r.region {
		for _, c := range cs {
			if g.places[c].Kind == KindRegion && (ctx[g.places[c].Country] || len(ctx) == 0) {
				return c
			}
		}
		for _, c := range cs {
			if g.places[c].Kind == KindRegion {
				return c
			}
		}
	}
	top := g.places[cs[0]]
	if len(cs) == 1 || top.Kind == KindCountry || ctx[top.Country] {
		return cs[0]
	}
	for _, c := range cs[1:] {
		p := g.places[c]
		if ctx[p.Country] && (p.Population*100 >= top.Population || p.Kind == KindRegion && top.Kind != KindCapital) {
			return c
		}
	}
	return cs[0]
}
