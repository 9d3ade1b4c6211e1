package place

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Gazetteer finds and looks up places. It is safe for concurrent use once
// built.
type Gazetteer struct {
	places []Place
	// index maps every folded key and every word prefix of one to its
	// node, so a match grows one word at a time and stops as soon as no
	// longer name begins with the words read.
	index map[string]node
	cands [][]int32 // place indexes per entry, best first
	// stop holds the one-word keys that are words before they are places.
	stop     map[string]bool
	maxWords int
	first    firstWords // the first words of the keys, to skip most lookups
}

// node is a trie node: the entry of the key (-1 when the key is only a
// prefix) and whether longer keys continue it.
type node struct {
	ent    int32
	prefix bool
	// major caches [Gazetteer.major] of ent, which the scan asks at most
	// names: set by compact, after the entries are ranked.
	major bool
}

// Load reads gazetteer files in the places.tsv format: tab-separated name,
// ascii name, ISO3 country, kind, latitude, longitude, population and
// ";"-separated alternate names; "#" starts a comment line. It returns an
// error wrapping [ErrMalformed] that names the input and line of the
// first bad row.
func Load(rs ...io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{index: map[string]node{}, stop: map[string]bool{}}
	for n, r := range rs {
		// The places' names are slices of one string of the whole input,
		// which the garbage collector marks as one object rather than one
		// per row at every cycle of a long ingest. A builder makes the
		// string without a second copy of the input.
		var sb strings.Builder
		if _, err := io.Copy(&sb, r); err != nil {
			return nil, fmt.Errorf("place: input %d: %w", n+1, err)
		}
		rest := sb.String()
		for line := 1; rest != ""; line++ {
			var t string
			t, rest, _ = strings.Cut(rest, "\n")
			t = strings.TrimSuffix(t, "\r")
			if t == "" || t[0] == '#' {
				continue
			}
			p, alt, err := parseRow(t)
			if err != nil {
				return nil, fmt.Errorf("place: input %d line %d: %w", n+1, line, err)
			}
			g.add(p, alt)
		}
	}
	g.rank()
	return g, nil
}

func parseRow(t string) (Place, []string, error) {
	f := strings.Split(t, "\t")
	if len(f) != 8 {
		return Place{}, nil, fmt.Errorf("%w: %d columns, want 8", ErrMalformed, len(f))
	}
	p := Place{Name: f[0], ASCII: f[1], Country: f[2], Kind: Kind(f[3])}
	var err1, err2, err3 error
	p.Lat, err1 = strconv.ParseFloat(f[4], 64)
	p.Lon, err2 = strconv.ParseFloat(f[5], 64)
	p.Population, err3 = strconv.ParseInt(f[6], 10, 64)
	switch {
	case strings.TrimSpace(p.Name) != p.Name || p.Name == "" || key(p.Name) == "":
		return p, nil, fmt.Errorf("%w: name %q", ErrMalformed, p.Name)
	case len(p.Country) != 3 || strings.ToUpper(p.Country) != p.Country:
		return p, nil, fmt.Errorf("%w: country %q is not ISO 3166-1 alpha-3", ErrMalformed, p.Country)
	case p.Kind != KindCountry && p.Kind != KindRegion && p.Kind != KindCapital && p.Kind != KindCity:
		return p, nil, fmt.Errorf("%w: kind %q", ErrMalformed, p.Kind)
	case err1 != nil || err2 != nil || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180:
		return p, nil, fmt.Errorf("%w: coordinates %q %q", ErrMalformed, f[4], f[5])
	case err3 != nil || p.Population < 0:
		return p, nil, fmt.Errorf("%w: population %q", ErrMalformed, f[6])
	}
	var alt []string
	if f[7] != "" {
		alt = strings.Split(f[7], ";")
	}
	return p, alt, nil
}

// add indexes p under its name, ASCII name and alternates.
func (g *Gazetteer) add(p Place, alt []string) {
	id := int32(len(g.places))
	g.places = append(g.places, p)
	g.name(id, p.Name)
	if p.ASCII != "" {
		g.name(id, p.ASCII)
	}
	for _, a := range alt {
		g.name(id, a)
	}
}

// name indexes one spelling of place id.
func (g *Gazetteer) name(id int32, s string) {
	k := key(s)
	if k == "" {
		return
	}
	n := strings.Count(k, " ") + 1
	g.maxWords = max(g.maxWords, n)
	g.first.add(k)
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			nd, ok := g.index[k[:i]]
			if !ok {
				nd.ent = -1
			}
			nd.prefix = true
			g.index[k[:i]] = nd
		}
	}
	nd, ok := g.index[k]
	if !ok || nd.ent < 0 {
		nd.ent = int32(len(g.cands))
		g.cands = append(g.cands, nil)
	}
	g.index[k] = nd
	for _, c := range g.cands[nd.ent] {
		if c == id {
			return
		}
	}
	g.cands[nd.ent] = append(g.cands[nd.ent], id)
}

// rank orders each entry's places: a country first (the name of a state
// means the state), then by population, then capitals before towns and
// towns before the region they give their name to.
func (g *Gazetteer) rank() {
	order := map[Kind]int{KindCountry: 0, KindCapital: 1, KindCity: 2, KindRegion: 3}
	for _, cs := range g.cands {
		sort.SliceStable(cs, func(i, j int) bool {
			a, b := g.places[cs[i]], g.places[cs[j]]
			if (a.Kind == KindCountry) != (b.Kind == KindCountry) {
				return a.Kind == KindCountry
			}
			if a.Population != b.Population {
				return a.Population > b.Population
			}
			return order[a.Kind] < order[b.Kind]
		})
	}
	g.compact()
}

// compact moves the entries' place lists into one array and the index's
// keys into one string, so that the garbage collector marks two objects
// instead of one per entry and one per key. Each list
// keeps its length as capacity: a name added later (an alias) copies its
// list rather than writing over the next one.
func (g *Gazetteer) compact() {
	n := 0
	for _, cs := range g.cands {
		n += len(cs)
	}
	flat := make([]int32, 0, n)
	for i, cs := range g.cands {
		start := len(flat)
		flat = append(flat, cs...)
		g.cands[i] = flat[start:len(flat):len(flat)]
	}
	// The keys, one string each as key() built them, move into one.
	keys := make([]string, 0, len(g.index))
	size := 0
	for k := range g.index {
		keys = append(keys, k)
		size += len(k)
	}
	var b strings.Builder
	b.Grow(size)
	for _, k := range keys {
		b.WriteString(k)
	}
	arena, off := b.String(), 0
	index := make(map[string]node, len(keys))
	for _, k := range keys {
		nd := g.index[k]
		nd.major = nd.ent >= 0 && g.major(nd.ent)
		index[arena[off:off+len(k)]] = nd
		off += len(k)
	}
	g.index = index
}

// addAliases reads aliases.tsv: alias, name, country of a known place.
func (g *Gazetteer) addAliases(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 3 {
			return fmt.Errorf("place: aliases line %d: %w: %d columns, want 3", line, ErrMalformed, len(f))
		}
		id := g.find(f[1], f[2])
		if id < 0 {
			return fmt.Errorf("place: aliases line %d: %w: no place %q in %s", line, ErrMalformed, f[1], f[2])
		}
		g.name(id, f[0])
	}
	g.rank()
	return sc.Err()
}

// find returns the index of the place named name in country, or -1.
func (g *Gazetteer) find(name, country string) int32 {
	n, ok := g.index[key(name)]
	if !ok || n.ent < 0 {
		return -1
	}
	for _, id := range g.cands[n.ent] {
		if g.places[id].Country == country && g.places[id].Kind != KindRegion {
			return id
		}
	}
	for _, id := range g.cands[n.ent] {
		if g.places[id].Country == country {
			return id
		}
	}
	return -1
}

// addStopwords reads the words, one a line, that are never a place alone.
func (g *Gazetteer) addStopwords(rs ...io.Reader) error {
	for _, r := range rs {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if t := strings.TrimSpace(sc.Text()); t != "" && t[0] != '#' {
				g.stop[key(t)] = true
			}
		}
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return nil
}
