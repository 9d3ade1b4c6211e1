package place

import (
	"slices"
	"strings"
	"testing"
)

// TestAliasAfterCompact adds a spelling to a place after the lists were
// packed into one array: the entry's list grows and the next entry's
// list, which follows it in the array, stays as it was.
func TestAliasAfterCompact(t *testing.T) {
	rows := "Varnia\tVarnia\tVAR\tcountry\t10\t20\t5000000\t\n" +
		"Port Hollow\tPort Hollow\tVAR\tcity\t10.5\t20.5\t200000\t\n" +
		"Port Hollow\tPort Hollow\tQAR\tcity\t11\t21\t150000\t\n" +
		"Dunmoor\tDunmoor\tQAR\tcapital\t12\t22\t900000\t\n"
	g, err := Load(strings.NewReader(rows))
	if err != nil {
		t.Fatal(err)
	}
	before := map[string][]int32{}
	for _, k := range []string{"port hollow", "dunmoor"} {
		before[k] = slices.Clone(g.cands[g.index[k].ent])
	}
	if err := g.addAliases(strings.NewReader("Port Hollow\tDunmoor\tQAR\n")); err != nil {
		t.Fatal(err)
	}
	if got := g.cands[g.index["dunmoor"].ent]; !slices.Equal(got, before["dunmoor"]) {
		t.Errorf("dunmoor's places changed to %v, want %v", got, before["dunmoor"])
	}
	got := g.cands[g.index["port hollow"].ent]
	if len(got) != 3 || !slices.Equal(got[:2], before["port hollow"]) && !slices.Equal(got[1:], before["port hollow"]) {
		t.Errorf("port hollow's places = %v, want the two towns and Dunmoor", got)
	}
	for _, id := range got {
		if g.places[id].Name != "Port Hollow" && g.places[id].Name != "Dunmoor" {
			t.Errorf("port hollow lists %q", g.places[id].Name)
		}
	}
}

// TestLoadLineEnds reads rows ending in CRLF and a last row without a
// line end, as a line scanner does.
func TestLoadLineEnds(t *testing.T) {
	rows := "# comment\r\nVarnia\tVarnia\tVAR\tcountry\t10\t20\t5000000\t\r\n\r\n" +
		"Dunmoor\tDunmoor\tQAR\tcapital\t12\t22\t900000\tDun Moor"
	g, err := Load(strings.NewReader(rows))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 2 || g.places[0].Population != 5000000 || g.places[1].Name != "Dunmoor" {
		t.Fatalf("Load read %+v", g.places)
	}
	if _, ok := g.index["dun moor"]; !ok {
		t.Error("the alternate name of the last row, which has no line end, is missing")
	}
}

// TestMajorCached checks the major flag each index node caches against
// the ranked entry it names, after the aliases have been added and the
// entries ranked again.
func TestMajorCached(t *testing.T) {
	g := Default()
	n := 0
	for k, nd := range g.index {
		if nd.ent < 0 {
			if nd.major {
				t.Errorf("%q: a prefix marked major", k)
			}
			continue
		}
		if want := g.major(nd.ent); nd.major != want {
			t.Errorf("%q: major %v, entry says %v", k, nd.major, want)
		}
		if nd.major {
			n++
		}
	}
	if n == 0 {
		t.Error("no key is a state or a capital")
	}
}
