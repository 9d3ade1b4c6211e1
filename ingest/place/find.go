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
	return g.AppendFindWith(nil, text, countries)
}

// AppendFindWith appends the matches [Gazetteer.FindWith] returns to
// dst, for a caller that reads the places of many sentences into one
// array it keeps; dst is returned unchanged when there are none.
func (g *Gazetteer) AppendFindWith(dst []Match, text string, countries []string) []Match {
	var rawBuf [16]raw
	raws := g.scan(text, rawBuf[:0])
	if len(raws) == 0 {
		return dst
	}
	// The countries are a handful: a set on the stack beats a map made
	// for every sentence.
	var arr [32]string
	ctx := countrySet(arr[:0])
	for _, c := range countries {
		ctx = ctx.add(c)
	}
	for _, r := range raws {
		// The text is about the states it names, by name or capital, and
		// about those of the places no other country shares a name with
		// ("West Bank", "Tel Aviv"). A name that other countries' places
		// share ("Tripoli") settles nothing.
		cs := g.cands[r.ent]
		if p := g.places[cs[0]]; p.Kind == KindCountry ||
			g.oneCountry(cs) && (p.Kind == KindCapital || p.Kind == KindRegion || p.Population >= minAlone) {
			ctx = ctx.add(p.Country)
		}
	}
	out := dst
	if dst == nil {
		out = make([]Match, 0, len(raws))
	}
	for _, r := range raws {
		p := g.places[g.choose(r, ctx)]
		if p.Kind == KindCity && p.Population < minAlone && !ctx.has(p.Country) {
			continue
		}
		out = append(out, Match{Start: r.start, End: r.end, Text: text[r.start:r.end], Place: p})
	}
	return out
}

// countrySet is a set of ISO3 codes, each held once.
type countrySet []string

func (s countrySet) has(c string) bool {
	for _, x := range s {
		if x == c {
			return true
		}
	}
	return false
}

func (s countrySet) add(c string) countrySet {
	if s.has(c) {
		return s
	}
	return append(s, c)
}

// minAlone is the population a town needs to be found in a text that
// does not name its country: the thousands of small towns share their
// names with people and things the world over ("Solana", "Gore"), and
// the news names the country of a village it reports from.
const minAlone = 100000

// oneCountry reports whether the places cs all lie in one country.
func (g *Gazetteer) oneCountry(cs []int32) bool {
	for _, c := range cs[1:] {
		if g.places[c].Country != g.places[cs[0]].Country {
			return false
		}
	}
	return true
}

// raw is a name found at bytes [start, end), before it is resolved: ent
// is its index entry, and region is set when a word such as "province"
// follows.
type raw struct {
	start, end int
	ent        int32
	region     bool
}

// scan finds the longest name at each capitalised word. A name starts
// and ends with a capitalised word (inner particles may be lower case:
// "Deir ez-Zor") and does not run across punctuation.
// The names are appended to out, which the caller may keep on its stack.
func (g *Gazetteer) scan(text string, out []raw) []raw {
	var buf [128]byte
	var prev word
	hasPrev := false
	for w, ok := next(text, 0); ok; w, ok = next(text, w.end) {
		if !w.upper {
			prev, hasPrev = w, true
			continue
		}
		b := appendKey(buf[:0], text, w)
		if !g.first.may(b) {
			prev, hasPrev = w, true
			continue
		}
		best, ent, n, major := word{}, int32(-1), 1, false
		for cur, count := w, 1; ; count++ {
			nd, ok := g.index[string(b)]
			if !ok {
				break
			}
			if nd.ent >= 0 && cur.upper {
				best, ent, n, major = cur, nd.ent, count, nd.major
			}
			if !nd.prefix || count >= g.maxWords {
				break
			}
			nx, ok := next(text, cur.end)
			if !ok || !nx.joined {
				break
			}
			cur = nx
			b = appendKey(append(b, ' '), text, cur)
		}
		if ent < 0 {
			prev, hasPrev = w, true
			continue
		}
		after, ok := next(text, best.end)
		region := ok && after.joined && g.regionWord(text, after)
		single := n == 1
		if single && !region && !g.alone(text, w) {
			prev, hasPrev = w, true
			continue
		}
		if single && !region && !major &&
			(ok && after.joined && after.upper || hasPrev && named(text, prev, w)) {
			// A town's name beside another name is a person's or a
			// thing's: "Vladimir Putin", "Al Gore", "Javier Solana".
			prev, hasPrev = w, true
			continue
		}
		out = append(out, raw{start: w.start, end: best.end, ent: ent, region: region})
		prev, hasPrev, w = best, true, best
	}
	return out
}

// alone reports whether a one-word name may stand as a place: not a stop
// word ("Of", "Police"), not one or two letters, and not an acronym of
// three capitals ("UN", "ICC"), which are far more often bodies.
func (g *Gazetteer) alone(text string, w word) bool {
	var buf [64]byte
	k := appendKey(buf[:0], text, w)
	return len(k) > 2 && !g.stop[string(k)] && !(w.caps && len(k) <= 3)
}

// regionWord reports whether w is a word such as "province" that makes
// the name before it a region: "Idlib province".
func (g *Gazetteer) regionWord(text string, w word) bool {
	if w.end-w.start > 12 {
		return false
	}
	var buf [16]byte
	return regionWords[string(appendKey(buf[:0], text, w))]
}

// named reports whether w follows prev, a capitalised word of the same
// name: one inside a sentence, or an opening one that is not a
// preposition or other function word ("In Idlib").
func named(text string, prev, w word) bool {
	if !w.joined || !prev.upper {
		return false
	}
	if !prev.first {
		return true
	}
	var buf [16]byte
	return prev.end-prev.start > 10 || !function[string(appendKey(buf[:0], text, prev))]
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
func (g *Gazetteer) choose(r raw, ctx countrySet) int32 {
	cs := g.cands[r.ent]
	if r.region {
		for _, c := range cs {
			if g.places[c].Kind == KindRegion && (ctx.has(g.places[c].Country) || len(ctx) == 0) {
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
	if len(cs) == 1 || top.Kind == KindCountry || ctx.has(top.Country) {
		return cs[0]
	}
	for _, c := range cs[1:] {
		p := g.places[c]
		if ctx.has(p.Country) && (p.Population*100 >= top.Population || p.Kind == KindRegion && top.Kind != KindCapital) {
			return c
		}
	}
	return cs[0]
}
