package actor

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
	"go.yaml.in/yaml/v3"
)

// File is the shape of a YAML data file, embedded or given to
// [Gazetteer.AddFile]. Every section is optional; an entry whose key (a
// state's country code, anyone else's name) is already known replaces the
// earlier entry, so a user file can correct the embedded data.
type File struct {
	States  []StateSpec  `yaml:"states"`
	People  []PersonSpec `yaml:"people"`
	Groups  []OrgSpec    `yaml:"groups"`            // armed groups, militias, PMCs, parties
	Orgs    []OrgSpec    `yaml:"orgs"`              // IGOs, NGOs, media
	Organs  []OrgSpec    `yaml:"organs"`            // named state bodies: "State Department", "IDF"
	Places  []PlaceSpec  `yaml:"places"`            // regions that lend a country to modifiers
	Heads   []WordSpec   `yaml:"heads"`             // generic agent nouns: "forces", "civilians"
	Titles  []WordSpec   `yaml:"titles"`            // role cues for people: "foreign minister"
	Ignore  []string     `yaml:"ignore"`            // phrases that are never actors: "Turkish Airlines"
	Filler  []string     `yaml:"filler"`            // words allowed between modifier and head
	Surname []string     `yaml:"cue_only_surnames"` // surnames that need a title or first name
	Juntas  []JuntaSpec  `yaml:"juntas"`            // military governments, for "the junta"
	Held    []HeldSpec   `yaml:"held"`              // seats of power held by a rival authority
	Women   []string     `yaml:"women"`             // the people of the data who are women
}

// JuntaSpec is a military government: the country and the dates it ruled
// (to empty: still ruling).
type JuntaSpec struct {
	Country string `yaml:"country"`
	From    string `yaml:"from"`
	To      string `yaml:"to"`
}

// HeldSpec says that a metonym (a capital) stands for the group or body
// named By, not the state's government, from From to To: "Sanaa" after
// September 2014 is the Houthis'.
type HeldSpec struct {
	Name string `yaml:"name"`
	By   string `yaml:"by"`
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// StateSpec names a state. Names are what the state is called ("U.S."),
// adjectives its demonyms ("American"), metonyms the places and buildings
// that stand for its government ("Kremlin", "Moscow"), nouns the plural
// names of its people that are not an adjective plus "s" ("Turks",
// "Britons", "Bosnian Serbs").
type StateSpec struct {
	Country    string   `yaml:"country"`
	Name       string   `yaml:"name"`
	Names      []string `yaml:"names"`
	Adjectives []string `yaml:"adjectives"`
	Metonyms   []string `yaml:"metonyms"`
	Nouns      []string `yaml:"nouns"`
}

// PersonSpec is a person with the offices they held. Terms without dates
// hold always; Out is the role outside every term ("" by default: a
// former president is no longer the government, but keeps the country of
// the term nearest in time).
type PersonSpec struct {
	Name    string     `yaml:"name"`
	Aliases []string   `yaml:"aliases"`
	Out     model.Role `yaml:"out"`
	Terms   []TermSpec `yaml:"terms"`
}

// TermSpec is one office: country (or IGO), role and title, from and to
// as YYYY-MM-DD or YYYY-MM (to empty: still in office).
type TermSpec struct {
	Country string     `yaml:"country"`
	Role    model.Role `yaml:"role"`
	Title   string     `yaml:"title"`
	From    string     `yaml:"from"`
	To      string     `yaml:"to"`
}

// OrgSpec is a named body: its canonical name, other names, and the
// adjectives it lends as a modifier ("Houthi" in "Houthi rebels").
type OrgSpec struct {
	Name       string     `yaml:"name"`
	Aliases    []string   `yaml:"aliases"`
	Adjectives []string   `yaml:"adjectives"`
	Country    string     `yaml:"country"`
	Role       model.Role `yaml:"role"`
}

// PlaceSpec is a region or city that is not an actor alone ("Idlib") but
// gives its country to a modified agent ("Idlib rebels"). Armed forces
// named after a region are not the state's: their MIL becomes REB.
type PlaceSpec struct {
	Name       string   `yaml:"name"`
	Aliases    []string `yaml:"aliases"`
	Adjectives []string `yaml:"adjectives"`
	Country    string   `yaml:"country"`
}

// WordSpec is a family of head nouns or titles sharing a role. Short is
// the kind a bare "the <word>" refers back to ("the group": a group);
// NeedMod words ("people") are agents only with a modifier.
type WordSpec struct {
	Role    model.Role `yaml:"role"`
	Short   Kind       `yaml:"short"`
	NeedMod bool       `yaml:"need_mod"`
	Adj     bool       `yaml:"adj"` // also an adjective: a head only when no noun follows
	// Focus words without a modifier take the country the article is
	// about ("the junta", "separatists", "air defences").
	Focus bool `yaml:"focus"`
	// Home short forms ("the junta") name the focus country's organ
	// before any state named just before.
	Home bool `yaml:"home"`
	// Party words name one side of a conflict ("the Russian side"): a
	// region's side is its rebels' ("the Tigrayan side": ETH REB).
	Party bool     `yaml:"party"`
	Words []string `yaml:"words"`
}

// parseFile decodes one YAML file strictly: unknown fields are errors, so
// a typo in a user file is reported instead of silently ignored.
func parseFile(name string, b []byte) (*File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err.Error() != "EOF" {
		return nil, fmt.Errorf("%s: %w: %v", name, ErrBadData, err)
	}
	if err := f.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &f, nil
}

// check validates every entry, naming the entry at fault.
func (f *File) check() error {
	for i, s := range f.States {
		if !validCountry(s.Country) || s.Country == model.CountryIGO {
			return fmt.Errorf("%w: states[%d] %q: country must be an ISO 3166-1 alpha-3 code", ErrBadData, i, s.Country)
		}
	}
	for i, p := range f.People {
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("%w: people[%d]: name is empty", ErrBadData, i)
		}
		if len(p.Terms) == 0 {
			return fmt.Errorf("%w: people[%d] %q: needs at least one term", ErrBadData, i, p.Name)
		}
		if !model.ValidRole(p.Out) {
			return fmt.Errorf("%w: people[%d] %q: out role %q", ErrBadData, i, p.Name, p.Out)
		}
		for j, t := range p.Terms {
			if !validCountry(t.Country) || !model.ValidRole(t.Role) {
				return fmt.Errorf("%w: people[%d] %q term %d: country %q role %q", ErrBadData, i, p.Name, j, t.Country, t.Role)
			}
			from, err1 := parseDay(t.From, false)
			to, err2 := parseDay(t.To, true)
			if err1 != nil || err2 != nil || (!from.IsZero() && !to.IsZero() && to.Before(from)) {
				return fmt.Errorf("%w: people[%d] %q term %d: dates %q..%q (want YYYY-MM-DD or YYYY-MM, from before to)", ErrBadData, i, p.Name, j, t.From, t.To)
			}
		}
	}
	for sec, list := range map[string][]OrgSpec{"groups": f.Groups, "orgs": f.Orgs, "organs": f.Organs} {
		for i, o := range list {
			if strings.TrimSpace(o.Name) == "" || !validCountry(o.Country) || !model.ValidRole(o.Role) {
				return fmt.Errorf("%w: %s[%d] %q: needs a name, a country (ISO3, IGO or \"\") and a valid role", ErrBadData, sec, i, o.Name)
			}
		}
	}
	for i, p := range f.Places {
		if p.Name == "" || !validCountry(p.Country) {
			return fmt.Errorf("%w: places[%d] %q: needs a name and a country", ErrBadData, i, p.Name)
		}
	}
	for i, j := range f.Juntas {
		if !validCountry(j.Country) || j.Country == "" || j.Country == model.CountryIGO || !validSpan(j.From, j.To) {
			return fmt.Errorf("%w: juntas[%d] %q: needs an ISO3 country and dates from..to", ErrBadData, i, j.Country)
		}
	}
	for i, h := range f.Held {
		if h.Name == "" || h.By == "" || !validSpan(h.From, h.To) {
			return fmt.Errorf("%w: held[%d] %q: needs a name, by and dates from..to", ErrBadData, i, h.Name)
		}
	}
	for sec, list := range map[string][]WordSpec{"heads": f.Heads, "titles": f.Titles} {
		for i, w := range list {
			if !model.ValidRole(w.Role) || len(w.Words) == 0 {
				return fmt.Errorf("%w: %s[%d]: needs a valid role and words", ErrBadData, sec, i)
			}
		}
	}
	return nil
}

// validSpan is true for parseable from..to dates in order.
func validSpan(from, to string) bool {
	f, err1 := parseDay(from, false)
	t, err2 := parseDay(to, true)
	return err1 == nil && err2 == nil && (f.IsZero() || t.IsZero() || !t.Before(f))
}

func validCountry(c string) bool {
	if c == "" || c == model.CountryIGO {
		return true
	}
	if len(c) != 3 {
		return false
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// parseDay reads YYYY-MM-DD or YYYY-MM; a month-only end date means the
// end of that month.
func parseDay(s string, end bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return t, err
	}
	if end {
		t = t.AddDate(0, 1, -1)
	}
	return t, nil
}

// parseStatesTSV reads the generated states table (see gen_states.go).
func parseStatesTSV(name string, b []byte) ([]StateSpec, error) {
	var out []StateSpec
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 || !validCountry(f[0]) || f[1] == "" {
			return nil, fmt.Errorf("%s:%d: %w: want iso3, name, aliases, adjectives, capitals", name, n, ErrBadData)
		}
		out = append(out, StateSpec{Country: f[0], Name: f[1], Names: split(f[2]), Adjectives: split(f[3]), Metonyms: split(f[4])})
	}
	return out, sc.Err()
}

// parsePeopleTSV reads a people table: one term per line, as
// name, aliases (|), country, role, title, from, to and an optional out
// role; lines of one name merge into one person.
func parsePeopleTSV(name string, b []byte) ([]PersonSpec, error) {
	var out []PersonSpec
	at := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 7 || len(f) > 8 {
			return nil, fmt.Errorf("%s:%d: %w: want name, aliases, country, role, title, from, to [, out]", name, n, ErrBadData)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		i, ok := at[f[0]]
		if !ok {
			i = len(out)
			at[f[0]] = i
			out = append(out, PersonSpec{Name: f[0]})
		}
		p := &out[i]
		p.Aliases = append(p.Aliases, split(f[1])...)
		if len(f) == 8 {
			p.Out = model.Role(f[7])
		}
		p.Terms = append(p.Terms, TermSpec{Country: f[2], Role: model.Role(f[3]), Title: f[4], From: f[5], To: f[6]})
	}
	return out, sc.Err()
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}
