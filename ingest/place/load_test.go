package place

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	g := Default()
	if n := g.Len(); n < 2000 {
		t.Fatalf("Default has %d places, want at least 2000", n)
	}
	kinds := map[Kind]int{}
	for _, p := range g.Places() {
		kinds[p.Kind]++
	}
	for _, k := range []Kind{KindCountry, KindRegion, KindCapital, KindCity} {
		if kinds[k] == 0 {
			t.Errorf("no place of kind %s", k)
		}
	}
	t.Logf("%d places: %v", g.Len(), kinds)
}

// TestDataRows checks every row of the embedded files: they parse, and no
// place is listed twice under one name, country and kind.
func TestDataRows(t *testing.T) {
	for name, data := range map[string][]byte{"places.tsv": placesTSV, "extra.tsv": extraTSV} {
		seen := map[string]int{}
		for i, line := range strings.Split(string(data), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			p, alt, err := parseRow(line)
			if err != nil {
				t.Errorf("%s line %d: %v", name, i+1, err)
				continue
			}
			k := p.Name + "|" + p.Country + "|" + string(p.Kind)
			if j, ok := seen[k]; ok {
				t.Errorf("%s line %d: %s repeats line %d", name, i+1, k, j)
			}
			seen[k] = i + 1
			for _, a := range alt {
				if a == "" || strings.TrimSpace(a) != a {
					t.Errorf("%s line %d: blank or padded alternate %q", name, i+1, a)
				}
			}
		}
	}
}

func TestAliasesResolve(t *testing.T) {
	g, err := Load(bytes.NewReader(placesTSV), bytes.NewReader(extraTSV))
	if err != nil {
		t.Fatal(err)
	}
	if err := g.addAliases(bytes.NewReader(aliasesTSV)); err != nil {
		t.Fatal(err)
	}
}

func TestLoadErrors(t *testing.T) {
	good := "Idlib\t\tSYR\tcity\t35.93\t36.63\t128840\tIdleb\n"
	for _, tc := range []struct{ name, row string }{
		{"columns", "Idlib\tSYR\tcity\n"},
		{"country", "Idlib\t\tSY\tcity\t35.93\t36.63\t0\t\n"},
		{"kind", "Idlib\t\tSYR\ttown\t35.93\t36.63\t0\t\n"},
		{"latitude", "Idlib\t\tSYR\tcity\t95\t36.63\t0\t\n"},
		{"population", "Idlib\t\tSYR\tcity\t35.93\t36.63\tmany\t\n"},
		{"name", " Idlib\t\tSYR\tcity\t35.93\t36.63\t0\t\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(good + tc.row))
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("Load = %v, want ErrMalformed", err)
			}
			if !strings.Contains(err.Error(), "line 2") {
				t.Errorf("error %q does not name line 2", err)
			}
		})
	}
	if _, err := Load(strings.NewReader(good)); err != nil {
		t.Errorf("good row: %v", err)
	}
	err := (&Gazetteer{index: map[string]node{}}).addAliases(strings.NewReader("Foo\tNowhere\tSYR\n"))
	if !errors.Is(err, ErrMalformed) {
		t.Errorf("alias to a missing place: %v, want ErrMalformed", err)
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	for _, tc := range []struct{ name, country string }{
		{"Idlib", "SYR"}, {"Aleppo", "SYR"}, {"Hodeidah", "YEM"}, {"Khartoum", "SDN"},
		{"Odesa", "UKR"}, {"Odessa", "UKR"}, {"Kyiv", "UKR"}, {"Kiev", "UKR"}, {"Mekelle", "ETH"},
		{"Tripoli", "LBY"}, {"Gaza", "PSE"}, {"Tigray", "ETH"}, {"Taiz", "YEM"}, {"Ta'izz", "YEM"},
		{"MOSUL", "IRQ"}, {"Deir ez-Zor", "SYR"}, {"Crimea", "UKR"}, {"Syria", "SYR"},
	} {
		p, ok := g.Lookup(tc.name)
		if !ok || p.Country != tc.country {
			t.Errorf("Lookup(%q) = %+v, %v; want a place in %s", tc.name, p, ok, tc.country)
		}
	}
	if p, ok := g.Lookup("Atlantis"); ok {
		t.Errorf("Lookup(Atlantis) = %+v", p)
	}
}
