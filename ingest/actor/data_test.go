package actor

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// MustLoad returns a fresh gazetteer of the embedded data.
func MustLoad(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return g
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEmbeddedDataLoadsWithoutConflicts(t *testing.T) {
	g := MustLoad(t)
	for _, c := range g.Conflicts() {
		t.Errorf("phrase with two meanings: %s", c)
	}
	x := g.idx
	counts := map[Kind]int{}
	for _, n := range x.named {
		counts[n.kind]++
	}
	t.Logf("states %d, metonyms+organs %d, groups %d, orgs %d, places %d, people %d",
		len(g.states), counts[KindMetonym], counts[KindGroup], counts[KindOrg], counts[KindPlace], len(x.people))
	if len(g.states) < 197 {
		t.Errorf("states = %d, want every UN member and observer", len(g.states))
	}
	if counts[KindGroup] < 150 {
		t.Errorf("groups = %d, want at least 150", counts[KindGroup])
	}
	for _, n := range x.named {
		if n.actor.Country != "" && n.actor.Country != model.CountryIGO && g.states[n.actor.Country] == nil {
			t.Errorf("%s: country %q is not a known state", n.actor.Name, n.actor.Country)
		}
	}
	for _, p := range x.people {
		for _, tm := range p.terms {
			if tm.country != "" && tm.country != model.CountryIGO && g.states[tm.country] == nil {
				t.Errorf("%s: country %q is not a known state", p.name, tm.country)
			}
		}
	}
}

// TestPeopleNamesUnique guards against one person entered twice under
// spellings that fold alike, which would silently merge their terms.
func TestDataFilesHaveNoDuplicateEntries(t *testing.T) {
	files, _ := filepath.Glob("data/people_*.tsv")
	seen := map[string]string{}
	// Every spelling (name or alias) by owner: one person entered in two
	// files under two spellings, each listing the other as an alias, makes
	// every spelling ambiguous and finds no one. Aliases may be shared
	// (two King Abdullahs, Hafez and Bashar al-Assad); a person's own name
	// may not be another person's spelling.
	spellings := map[string][]string{}
	var names []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		people, err := parsePeopleTSV(f, b)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			if prev, ok := seen[fold(p.Name)]; ok {
				t.Errorf("%s: %q already in %s", f, p.Name, prev)
			}
			seen[fold(p.Name)] = f
			names = append(names, p.Name)
			for _, n := range append([]string{p.Name}, p.Aliases...) {
				spellings[fold(n)] = append(spellings[fold(n)], p.Name)
			}
		}
	}
	for _, name := range names {
		for _, owner := range spellings[fold(name)] {
			if fold(owner) != fold(name) {
				t.Errorf("%q is also a spelling of %q: one person entered twice?", name, owner)
			}
		}
	}
	for _, name := range []string{"data/groups.yaml", "data/orgs.yaml", "data/states.yaml", "data/places.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parseFile(name, b)
		if err != nil {
			t.Fatal(err)
		}
		keys := map[string]bool{}
		for _, list := range [][]OrgSpec{f.Groups, f.Orgs, f.Organs} {
			for _, o := range list {
				if keys[fold(o.Name)] {
					t.Errorf("%s: %q twice", name, o.Name)
				}
				keys[fold(o.Name)] = true
			}
		}
	}
}

func TestAddFile(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		wantErr error
		errText string // the entry the error must name
		text    string
		want    string // "Text COUNTRY ROLE" of the first match
	}{
		{name: "new person", yaml: "people:\n  - {name: John Quarrington, terms: [{country: GBR, role: GOV, from: 2020-01-01}]}\n",
			text: "Quarrington said so.", want: "Quarrington GBR GOV"},
		{name: "override group", yaml: "groups:\n  - {name: Hamas, country: PSE, role: GOV}\n",
			text: "Hamas said so.", want: "Hamas PSE GOV"},
		{name: "new state alias", yaml: "states:\n  - {country: RUS, metonyms: [Old Square]}\n",
			text: "Old Square said so.", want: "Old Square RUS GOV"},
		{name: "unknown field", yaml: "groups:\n  - {name: X, contry: SYR}\n", wantErr: ErrBadData, errText: "contry"},
		{name: "bad country", yaml: "groups:\n  - {name: Foo Front, country: Syria, role: REB}\n", wantErr: ErrBadData, errText: "Foo Front"},
		{name: "bad role", yaml: "orgs:\n  - {name: Foo Org, country: IGO, role: XYZ}\n", wantErr: ErrBadData, errText: "Foo Org"},
		{name: "bad date", yaml: "people:\n  - {name: Jane Roe, terms: [{country: USA, role: GOV, from: 2020-13-01}]}\n", wantErr: ErrBadData, errText: "Jane Roe"},
		{name: "no terms", yaml: "people:\n  - {name: Jane Roe}\n", wantErr: ErrBadData, errText: "Jane Roe"},
		{name: "not yaml", yaml: "groups: [", wantErr: ErrBadData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := MustLoad(t)
			path := filepath.Join(t.TempDir(), "user.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			err := g.AddFile(path)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("AddFile error = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("error %q should name the file and %q", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("AddFile: %v", err)
			}
			ms := g.Find(tt.text, day("2021-01-01"))
			if len(ms) == 0 {
				t.Fatalf("no match in %q", tt.text)
			}
			if got := describe(ms[0]); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		err := MustLoad(t).AddFile(filepath.Join(t.TempDir(), "none.yaml"))
		if !errors.Is(err, os.ErrNotExist) {
			t.Errorf("error = %v, want os.ErrNotExist", err)
		}
	})
	t.Run("default untouched", func(t *testing.T) {
		if ms := Default().Find("Old Square said so.", day("2021-01-01")); len(ms) != 0 {
			t.Errorf("Default() changed by another gazetteer's AddFile: %v", ms)
		}
	})
}

func describe(m Match) string {
	return strings.TrimSpace(m.Text + " " + m.Actor.Country + " " + string(m.Actor.Role))
}

// TestDatedTermsOfEarlierDecades checks, with invented sentences, that the
// tables reach back to the 1990s: a surname shared across decades goes to
// whoever held office on the article's date, a leader out of office keeps
// only the country, and the armed groups and bodies of those wars resolve.
func TestDatedTermsOfEarlierDecades(t *testing.T) {
	g := MustLoad(t)
	tests := []struct {
		name, date, text string
		want             string // "Text COUNTRY ROLE" of the first match
	}{
		{"father before 2000", "1995-06-01", "Assad received the envoy.", "Assad SYR GOV"},
		{"son after 2000", "2005-06-01", "Assad received the envoy.", "Assad SYR GOV"},
		{"acting president on new year 2000", "2000-01-01", "Putin flew to Grozny.", "Putin RUS GOV"},
		{"president out of office", "2001-06-01", "Yeltsin gave an interview.", "Yeltsin RUS "},
		{"foreign minister in office", "1997-03-10", "Primakov met his counterpart.", "Primakov RUS GOV"},
		{"rebel leader", "1996-05-01", "Savimbi rejected the offer.", "Savimbi AGO REB"},
		{"UN chief of the 1990s", "1994-05-01", "Boutros-Ghali appealed for calm.", "Boutros-Ghali IGO IGO"},
		{"1990s armed group", "1999-01-06", "RUF fighters entered the capital.", "RUF fighters SLE REB"},
		{"group by alias", "2006-08-01", "The Tamil Tigers shelled the port.", "Tamil Tigers LKA REB"},
		{"regional force", "1998-02-01", "ECOMOG troops retook the city.", "ECOMOG troops IGO IGO"},
		{"tribunal", "1999-05-27", "The ICTY indicted five men.", "ICTY IGO IGO"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Find(tt.text, day(tt.date))
			if len(ms) == 0 {
				t.Fatalf("no match in %q", tt.text)
			}
			m := ms[0]
			if got := m.Text + " " + m.Actor.Country + " " + string(m.Actor.Role); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// Which Assad is meant is the point of the first two cases.
	for _, c := range []struct{ date, name string }{{"1995-06-01", "Hafez al-Assad"}, {"2005-06-01", "Bashar al-Assad"}} {
		if ms := g.Find("Assad spoke.", day(c.date)); len(ms) == 0 || ms[0].Actor.Name != c.name {
			t.Errorf("%s: Assad = %+v, want %s", c.date, ms, c.name)
		}
	}
}
