package explorer

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// encodeEvents must give exactly what writeJSON gives for a page, markup
// escaped and line separators included.
func TestEncodeEvents(t *testing.T) {
	src := model.NewActor("Al <b>Shabaab</b> & co", "SOM", model.RoleREB)
	tgt := model.NewActor("Ministry\u2028of Defence", "KEN", model.RoleGOV)
	e := model.Event{Code: "190", Date: model.DayOf(2021, 3, 4), Source: src, Target: &tgt, Location: "Lamu",
		Mentions: []model.Mention{{ArticleID: "a-1", Outlet: "Nation", Sentence: `Gunmen </script><script>alert("x")</script> attacked.`,
			Published: "2021-03-05", Start: 3, End: 40}}}
	e.SetID()
	month := model.Event{Code: "036", Date: model.Month(2020, time.May), Source: tgt}
	month.SetID()
	for name, events := range map[string][]model.Event{"none": {}, "one": {e}, "two": {e, month}} {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(events); err != nil {
			t.Fatal(err)
		}
		got, err := encodeEvents(events, nil, -1)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want.Bytes())
		}
	}
}

// An event with more mentions than a page shows keeps every other field
// as the whole event has it (counts, outlets, figures from all mentions),
// in the same order, with mentions_next added last; one with no more
// mentions than shown is written exactly as MarshalJSON writes it.
func TestEncodeEvent_ShownMentions(t *testing.T) {
	src := model.NewActor("Syrian warplanes", "SYR", model.RoleMIL)
	tgt := model.NewActor("Turkish troops", "TUR", model.RoleMIL)
	killed := func(n float64) []model.Figure {
		return []model.Figure{{Kind: model.FigureKilled, Value: n, Low: n, High: n, Unit: "soldiers", Text: "a toll"}}
	}
	// Quotes, brackets, commas and backslashes inside strings, which the
	// members' split must step over.
	e := model.Event{Code: "195", Date: model.DayOf(2020, 2, 27), Source: src, Target: &tgt, Location: `Idlib, "the pocket"}],`,
		Mentions: []model.Mention{
			{ArticleID: "r-1", Outlet: "BBC News", Sentence: `Warplanes struck a "convoy", {they} said [\\"].`, Figures: killed(33)},
			{ArticleID: "r-2", Outlet: "The Moscow Times", Origin: "Reuters", Sentence: "Jets hit <soldiers>."},
			{ArticleID: "r-3", Outlet: "SANA", Sentence: "An attack left 22 dead.", Figures: killed(22)},
			{ArticleID: "r-3", Outlet: "SANA", Sentence: "The toll was given by the ministry."},
		}}
	e.SetID()
	whole, err := e.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, shown := range []int{-1, 4, 9} {
		if b, err := encodeEvent(e, shown); err != nil || !bytes.Equal(b, whole) {
			t.Errorf("shown %d: %s (%v), want MarshalJSON's %s", shown, b, err, whole)
		}
	}
	wantKeys := append(mustKeys(t, whole), "mentions_next")
	var all map[string]json.RawMessage
	if err := json.Unmarshal(whole, &all); err != nil {
		t.Fatal(err)
	}
	for _, shown := range []int{0, 1, 3} {
		b, err := encodeEvent(e, shown)
		if err != nil {
			t.Fatal(err)
		}
		if got := mustKeys(t, b); !reflect.DeepEqual(got, wantKeys) {
			t.Errorf("shown %d: members %v, want %v", shown, got, wantKeys)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		for k, v := range all {
			if k != "mentions" && !bytes.Equal(got[k], v) {
				t.Errorf("shown %d: %s = %s, the whole event has %s", shown, k, got[k], v)
			}
		}
		var ms []model.Mention
		if err := json.Unmarshal(got["mentions"], &ms); err != nil || len(ms) != shown || (shown > 0 && ms[0].Sentence != e.Mentions[0].Sentence) {
			t.Errorf("shown %d: mentions %s", shown, got["mentions"])
		}
		var next string
		if err := json.Unmarshal(got["mentions_next"], &next); err != nil || !strings.HasPrefix(next, "/api/mentions?event="+e.ID+"&offset=") {
			t.Errorf("shown %d: mentions_next %s", shown, got["mentions_next"])
		}
		if bytes.Contains(b, []byte("<")) {
			t.Errorf("shown %d: markup not escaped: %s", shown, b)
		}
	}
}

// mustKeys lists the members of a JSON object in their order.
func mustKeys(tb testing.TB, b []byte) []string {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		tb.Fatal(err)
	}
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			tb.Fatal(err)
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			tb.Fatal(err)
		}
	}
	return keys
}
