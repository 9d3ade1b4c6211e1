package actor

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/eventgraph/eventgraph/model"
)

//go:generate go run gen_states.go

// data holds the embedded gazetteer: states.tsv (generated), the people
// tables people_*.tsv (one dated term per line), then every YAML file in
// name order.
//
//go:embed data/*.tsv data/*.yaml
var data embed.FS

// ErrBadData is wrapped by the errors of [Gazetteer.AddFile] and [Load]
// when a file is malformed: a YAML error, an unknown field, or an entry
// lacking a name, a valid country code, role or date.
var ErrBadData = errors.New("bad gazetteer data")

// Gazetteer is the set of known actors and the cues for new ones. The zero
// value is empty; [Default] returns the embedded data. A Gazetteer is safe
// for concurrent Find calls but not for Find during AddFile.
type Gazetteer struct {
	files  []*File
	states map[string]*StateSpec
	idx    *index
	docs   sync.Pool // released Documents, whose buffers the next reuses
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer of the embedded data, parsed once. Callers
// that add files should use [Load] for a copy of their own.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := Load()
		if err != nil {
			panic(err) // the embedded data is tested; this is a build error
		}
		defaultG = g
	})
	return defaultG
}

// Load parses the embedded data into a new Gazetteer that the caller may
// extend with [Gazetteer.AddFile]. It returns an error wrapping
// [ErrBadData] only if the embedded data is broken.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{}
	b, err := data.ReadFile("data/states.tsv")
	if err != nil {
		return nil, err
	}
	states, err := parseStatesTSV("data/states.tsv", b)
	if err != nil {
		return nil, err
	}
	g.files = append(g.files, &File{States: states})
	tsvs, _ := fs.Glob(data, "data/people_*.tsv")
	sort.Strings(tsvs)
	for _, name := range tsvs {
		b, err := data.ReadFile(name)
		if err != nil {
			return nil, err
		}
		people, err := parsePeopleTSV(name, b)
		if err != nil {
			return nil, err
		}
		f := &File{People: people}
		if err := f.check(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		g.files = append(g.files, f)
	}
	names, _ := fs.Glob(data, "data/*.yaml")
	sort.Strings(names)
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parseFile(name, b)
		if err != nil {
			return nil, err
		}
		g.files = append(g.files, f)
	}
	g.build()
	return g, nil
}

// AddFile reads a user YAML file in the [File] format and adds its entries,
// replacing embedded ones of the same name (or country, for states). Its
// errors name the file and the entry, and wrap [ErrBadData] for malformed
// content or the os error for an unreadable file.
func (g *Gazetteer) AddFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("actor: add file: %w", err)
	}
	return g.AddYAML(path, b)
}

// AddYAML is [Gazetteer.AddFile] for data already in memory; name is used
// in error messages.
func (g *Gazetteer) AddYAML(name string, b []byte) error {
	f, err := parseFile(name, b)
	if err != nil {
		return fmt.Errorf("actor: add file: %w", err)
	}
	g.files = append(g.files, f)
	g.build()
	return nil
}

// Conflicts lists phrases that two entries claim with different meanings;
// the later entry won. Empty for the embedded data (a test checks it).
func (g *Gazetteer) Conflicts() []string { return g.idx.conflicts }

// build merges the files in order, later entries replacing earlier ones
// with the same key, and indexes the result.
func (g *Gazetteer) build() {
	type keyed[T any] struct {
		order []string
		m     map[string]T
	}
	put := func(k *keyed[OrgSpec], o OrgSpec) {
		key := fold(o.Name)
		if _, ok := k.m[key]; !ok {
			k.order = append(k.order, key)
		}
		k.m[key] = o
	}
	groups := keyed[OrgSpec]{m: map[string]OrgSpec{}}
	orgs := keyed[OrgSpec]{m: map[string]OrgSpec{}}
	organs := keyed[OrgSpec]{m: map[string]OrgSpec{}}
	var peopleOrder []string
	people := map[string]PersonSpec{}
	states := map[string]*StateSpec{}
	var stateOrder []string
	var places []PlaceSpec
	var heads, titles []WordSpec
	var ignore, filler, cueOnly []string
	var juntas []JuntaSpec
	var held []HeldSpec
	var women []string
	for _, f := range g.files {
		for _, s := range f.States {
			cur := states[s.Country]
			if cur == nil {
				cur = &StateSpec{Country: s.Country, Name: s.Name}
				states[s.Country] = cur
				stateOrder = append(stateOrder, s.Country)
			}
			if s.Name != "" {
				cur.Name = s.Name
			}
			cur.Names = append(cur.Names, s.Names...)
			cur.Adjectives = append(cur.Adjectives, s.Adjectives...)
			cur.Metonyms = append(cur.Metonyms, s.Metonyms...)
			cur.Nouns = append(cur.Nouns, s.Nouns...)
		}
		for _, p := range f.People {
			key := fold(p.Name)
			if _, ok := people[key]; !ok {
				peopleOrder = append(peopleOrder, key)
			}
			people[key] = p
		}
		for _, o := range f.Groups {
			put(&groups, o)
		}
		for _, o := range f.Orgs {
			put(&orgs, o)
		}
		for _, o := range f.Organs {
			put(&organs, o)
		}
		places = append(places, f.Places...)
		heads = append(heads, f.Heads...)
		titles = append(titles, f.Titles...)
		ignore = append(ignore, f.Ignore...)
		filler = append(filler, f.Filler...)
		cueOnly = append(cueOnly, f.Surname...)
		juntas = append(juntas, f.Juntas...)
		held = append(held, f.Held...)
		women = append(women, f.Women...)
	}
	g.states = states
	x := &index{root: &node{next: map[string]*node{}}, filler: map[string]bool{}, cueOnly: map[string][]int32{}}
	addNamed := func(a model.Actor, k Kind, place bool) int32 {
		x.named = append(x.named, named{actor: a, kind: k, place: place})
		return int32(len(x.named) - 1)
	}
	for _, c := range stateOrder {
		s := states[c]
		name := s.Name
		if name == "" && len(s.Names) > 0 {
			name = s.Names[0]
		}
		id := addNamed(model.NewActor(name, c, model.RoleGOV), KindState, false)
		x.add(name, lex{kind: lxState, id: id})
		for _, n := range s.Names {
			x.add(n, lex{kind: lxState, id: id})
		}
		for _, a := range s.Adjectives {
			x.add(a, lex{kind: lxAdj, id: id})
			if p := plural(a); p != "" {
				x.add(p, lex{kind: lxPlural, id: id})
			}
		}
		for _, p := range s.Nouns {
			x.add(p, lex{kind: lxPlural, id: id})
		}
		for _, m := range s.Metonyms {
			mid := addNamed(model.NewActor(m, c, model.RoleGOV), KindMetonym, false)
			x.add(m, lex{kind: lxMetonym, id: mid})
		}
	}
	for _, sec := range []struct {
		k    *keyed[OrgSpec]
		kind Kind
		lk   lexKind
	}{{&organs, KindMetonym, lxOrgan}, {&groups, KindGroup, lxGroup}, {&orgs, KindOrg, lxOrg}} {
		for _, key := range sec.k.order {
			o := sec.k.m[key]
			id := addNamed(model.NewActor(o.Name, o.Country, o.Role), sec.kind, false)
			for _, n := range append([]string{o.Name}, o.Aliases...) {
				x.add(n, lex{kind: sec.lk, id: id})
			}
			for _, a := range o.Adjectives {
				x.add(a, lex{kind: lxGroupAdj, id: id})
			}
		}
	}
	for _, p := range places {
		id := addNamed(model.NewActor(p.Name, p.Country, model.RoleNone), KindPlace, true)
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			x.add(n, lex{kind: lxPlace, id: id})
		}
		for _, a := range p.Adjectives {
			x.add(a, lex{kind: lxPlaceAdj, id: id})
		}
	}
	for _, w := range heads {
		x.heads = append(x.heads, word{role: w.Role, short: w.Short, needMod: w.NeedMod, adj: w.Adj, focus: w.Focus, home: w.Home, party: w.Party})
		for _, s := range w.Words {
			x.add(s, lex{kind: lxHead, id: int32(len(x.heads) - 1)})
		}
	}
	for _, w := range titles {
		x.titles = append(x.titles, word{role: w.Role, short: w.Short, needMod: w.NeedMod})
		for _, s := range w.Words {
			x.add(s, lex{kind: lxTitle, id: int32(len(x.titles) - 1)})
		}
	}
	for _, s := range []string{"he", "she"} {
		x.add(s, lex{kind: lxPronoun})
	}
	for _, s := range ignore {
		x.add(s, lex{kind: lxIgnore})
	}
	for _, s := range filler {
		x.filler[fold(s)] = true
	}
	x.addPeople(peopleOrder, people, cueOnly)
	x.addRegimes(juntas, held)
	x.noWoman = x.addWomen(women)
	for k := range x.root.next {
		x.first.add(k)
	}
	g.idx = x
}

// plural is the plural demonym naming a state's people ("Syrians"); forms
// ending in -ese, -sh, -ch or -s do not take one ("the Sudanese" is rare
// and "Britishs" wrong).
func plural(adj string) string {
	l := strings.ToLower(adj)
	if strings.Contains(l, " ") {
		return ""
	}
	for _, suf := range []string{"ese", "sh", "ch", "s", "i", "x", "z"} {
		if strings.HasSuffix(l, suf) && !(suf == "i" && len(l) > 4) {
			return ""
		}
	}
	return adj + "s"
}
