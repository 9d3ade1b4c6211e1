package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func sampleEvent() Event {
	trump := NewActor("Donald Trump", "USA", RoleGOV)
	e := Event{
		Date:   DayOf(2019, 6, 3),
		Source: NewActor("Kremlin", "RUS", RoleGOV),
		Target: &trump,
		Code:   "120",
		Mentions: []Mention{
			{ArticleID: "r-1", Outlet: "Reuters", Sentence: "The Kremlin rebuffed criticism."},
			{ArticleID: "r-2", Outlet: "Reuters", Sentence: "The Kremlin rebuffed criticism."},
			{ArticleID: "r-3", Outlet: "Al Jazeera", Sentence: "The Kremlin rejected it."},
		},
	}
	e.SetID()
	return e
}

func TestEventJSONContract(t *testing.T) {
	e := sampleEvent()
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	want := map[string]any{"date": "2019-06-03", "precision": "day", "end": nil, "cameo": "120", "root": "12", "quad": 3.0, "goldstein": -4.0, "plover": "REJECT", "sources": 2.0, "articles": 3.0, "location": nil}
	for k, v := range want {
		if !reflect.DeepEqual(m[k], v) {
			t.Errorf("%s = %#v, want %#v", k, m[k], v)
		}
	}
	src := m["source"].(map[string]any)
	if src["code"] != "RUSGOV" || src["country"] != "RUS" || !strings.HasPrefix(src["id"].(string), "a-") {
		t.Errorf("source = %v", src)
	}
	if !strings.HasPrefix(m["id"].(string), "e-") {
		t.Errorf("id = %v", m["id"])
	}
	var back Event
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Key() != e.Key() || back.ID != e.ID || len(back.Mentions) != 3 {
		t.Errorf("round trip lost data: %+v", back)
	}

	r := Event{Source: e.Source, Code: "19", Date: Range(DayOf(2020, 2, 24).Start, DayOf(2020, 3, 1).Start)}
	b, _ = json.Marshal(r)
	if !strings.Contains(string(b), `"end":"2020-03-01"`) || !strings.Contains(string(b), `"target":null`) || !strings.Contains(string(b), `"mentions":[]`) {
		t.Errorf("range event JSON = %s", b)
	}
}

func TestEventIDStable(t *testing.T) {
	a, b := sampleEvent(), sampleEvent()
	b.Mentions = nil
	if a.ID != b.ID {
		t.Error("the id depends on the mentions")
	}
	b.Date = DayOf(2019, 6, 2)
	b.SetID()
	if a.ID == b.ID {
		t.Error("different dates gave one id")
	}
}

func TestFilterMatch(t *testing.T) {
	e := sampleEvent()
	tests := []struct {
		name string
		f    EventFilter
		want bool
	}{
		{"empty", EventFilter{}, true},
		{"from same day", EventFilter{From: DayOf(2019, 6, 3)}, true},
		{"from later", EventFilter{From: DayOf(2019, 6, 4)}, false},
		{"to month", EventFilter{To: Month(2019, 6)}, true},
		{"to earlier year", EventFilter{To: Year(2018)}, false},
		{"root", EventFilter{Roots: []string{"12"}}, true},
		{"other root", EventFilter{Roots: []string{"19"}}, false},
		{"quad", EventFilter{Quads: []int{3}}, true},
		{"other quad", EventFilter{Quads: []int{1, 4}}, false},
		{"actor by name", EventFilter{Actors: []string{"donald trump"}}, true},
		{"actor by code", EventFilter{Actors: []string{"RUSGOV"}}, true},
		{"actor by country", EventFilter{Actors: []string{"usa"}}, true},
		{"other actor", EventFilter{Actors: []string{"TUR"}}, false},
		{"min sources", EventFilter{MinSources: 2}, true},
		{"too few sources", EventFilter{MinSources: 3}, false},
		{"outlet", EventFilter{Outlets: []string{"al jazeera"}}, true},
		{"other outlet", EventFilter{Outlets: []string{"BBC News"}}, false},
		{"text in sentence and actor", EventFilter{Text: "REBUFFED trump"}, true},
		{"text absent", EventFilter{Text: "rebuffed idlib"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Match(e); got != tt.want {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCAMEOTable(t *testing.T) {
	codes := CAMEOCodes()
	if len(codes) < 280 {
		t.Fatalf("%d CAMEO codes, want about 300", len(codes))
	}
	roots := map[string]bool{}
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c.Code] {
			t.Errorf("duplicate code %s", c.Code)
		}
		seen[c.Code] = true
		if c.Root != RootOf(c.Code) || c.Name == "" || c.Quad < 1 || c.Quad > 4 || c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("malformed entry %+v", c)
		}
		roots[c.Root] = true
	}
	if len(roots) != 20 {
		t.Errorf("%d roots, want 20", len(roots))
	}
	if c, _ := LookupCAMEO("195"); c.Quad != 4 || c.PLOVER != "ASSAULT" {
		t.Errorf("195 = %+v", c)
	}
}
