package explorer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/store"
)

// MustToldOften stores one strike told by n articles of several outlets,
// and one event told once, and reopens the file read-only.
func MustToldOften(tb testing.TB, n int) *store.DB {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "told.db")
	w, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	outlets := []string{"BBC News", "SANA", "Reuters", "AFP"}
	for i := range n {
		sentence := fmt.Sprintf("Report %d: warplanes struck a Turkish convoy.", i)
		a := model.Article{Path: fmt.Sprintf("told/%02d.txt", i), Title: "Strike", Outlet: outlets[i%len(outlets)],
			Published: time.Date(2020, 2, 28, i, 0, 0, 0, time.UTC), URL: fmt.Sprintf("https://example.com/%d", i), Format: "text", Body: sentence}
		a.Seal()
		e := model.Event{Date: model.DayOf(2020, 2, 27), Source: syrArmy, Target: ptr(turkey), Code: "195", Location: "Idlib",
			Mentions: []model.Mention{{Sentence: sentence, End: len(sentence), Trigger: "struck"}}}
		e.SetID()
		events := []model.Event{e}
		if i == 0 {
			once := model.Event{Date: model.DayOf(2020, 3, 5), Source: putin, Target: ptr(erdogan), Code: "057",
				Mentions: []model.Mention{{Sentence: "Putin and Erdogan agreed.", End: 25, Trigger: "agreed"}}}
			once.SetID()
			events = append(events, once)
		}
		if _, err := w.SaveArticle(context.Background(), a, events); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	r, err := store.OpenReadOnly(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.Close() })
	return r
}

// /api/events shows each event's first mentions (10 unless mentions=N
// says), with mention_count and every other field as the whole event has
// them; mentions_next and /api/mentions give the rest, which put
// together are the event's mentions, with and without a reader that reads
// only the text it shows.
func TestAPIEventsShownMentions(t *testing.T) {
	db := MustToldOften(t, 13)
	for name, r := range map[string]model.EventReader{"pager": db, "plain": plainReader{db}} {
		t.Run(name, func(t *testing.T) {
			base := MustServe(t, r)
			whole := mustEventObjects(t, base+"/api/events?mentions=5000")
			if len(whole) != 2 {
				t.Fatalf("%d events, want 2", len(whole))
			}
			var all []model.Mention
			if err := json.Unmarshal(whole[0]["mentions"], &all); err != nil || len(all) != 13 {
				t.Fatalf("mentions=5000: %d mentions (%v), want 13", len(all), err)
			}
			for _, q := range []string{"", "mentions=0", "mentions=3", "mentions=13"} {
				shown := map[string]int{"": 10, "mentions=0": 0, "mentions=3": 3, "mentions=13": 13}[q]
				page := mustEventObjects(t, base+"/api/events?"+q)
				for i, e := range page {
					for k, v := range whole[i] {
						if k != "mentions" && string(e[k]) != string(v) {
							t.Errorf("%q event %d: %s = %s, the whole event has %s", q, i, k, e[k], v)
						}
					}
				}
				var ms []model.Mention
				if err := json.Unmarshal(page[0]["mentions"], &ms); err != nil || !reflect.DeepEqual(ms, all[:shown]) && shown > 0 {
					t.Errorf("%q: %d mentions shown, want the first %d", q, len(ms), shown)
				}
				if string(page[0]["mention_count"]) != "13" {
					t.Errorf("%q: mention_count %s, want 13", q, page[0]["mention_count"])
				}
				_, more := page[0]["mentions_next"]
				if _, once := page[1]["mentions_next"]; once != (shown < 1) || more != (shown < 13) {
					t.Errorf("%q: mentions_next on the events %v, %v", q, more, once)
				}
				if !more {
					continue
				}
				// The rest, a page of 4 at a time.
				var next string
				json.Unmarshal(page[0]["mentions_next"], &next)
				next = strings.Replace(next, "limit=100", "limit=4", 1)
				rest := ms
				for pages := 0; next != ""; pages++ {
					if pages > 5 {
						t.Fatal("mention pages never end")
					}
					code, h, b := get(t, base+next)
					var got []model.Mention
					if err := json.Unmarshal(b, &got); code != 200 || err != nil || len(got) > 4 {
						t.Fatalf("%s: %d %s", next, code, b)
					}
					rest = append(rest, got...)
					next = strings.TrimSuffix(strings.TrimPrefix(h.Get("Link"), "<"), `>; rel="next"`)
					if next != "" && h.Get("X-Next-Offset") != fmt.Sprint(len(rest)) {
						t.Errorf("X-Next-Offset %q after %d mentions", h.Get("X-Next-Offset"), len(rest))
					}
				}
				if !reflect.DeepEqual(rest, all) {
					t.Errorf("%q: the mentions shown and those of /api/mentions are not the event's %d", q, len(all))
				}
			}
			for _, bad := range []string{"/api/events?mentions=-1", "/api/events?mentions=5001", "/api/events?mentions=x",
				"/api/mentions", "/api/mentions?event=e-x&offset=-1", "/api/mentions?event=e-x&limit=0"} {
				if code, _, b := get(t, base+bad); code != 400 {
					t.Errorf("%s: %d %s, want 400", bad, code, b)
				}
			}
			if code, _, _ := get(t, base+"/api/mentions?event=e-none"); code != 404 {
				t.Errorf("mentions of no event: %d, want 404", code)
			}
		})
	}
}

// A reader that reads the text of the shown mentions only answers byte
// for byte what one that reads every mention whole does.
func TestAPIEventsShownMentions_SameBytes(t *testing.T) {
	db := MustToldOften(t, 13)
	pager, plain := MustServe(t, db), MustServe(t, plainReader{db})
	for _, q := range []string{"", "mentions=0", "mentions=1", "mentions=12", "mentions=13", "limit=1&mentions=2", "q=convoy&mentions=3",
		"q=convoy&mentions=0", "min=2&mentions=1", "outlet=sana&mentions=0"} {
		code1, _, b1 := get(t, pager+"/api/events?"+q)
		code2, _, b2 := get(t, plain+"/api/events?"+q)
		if code1 != 200 || code1 != code2 || string(b1) != string(b2) {
			t.Errorf("%q: the store's pages answer %d %.300s\nthe plain reader %d %.300s", q, code1, b1, code2, b2)
		}
	}
}

// mustEventObjects gets a page of /api/events as JSON objects.
func mustEventObjects(t *testing.T, url string) []map[string]json.RawMessage {
	t.Helper()
	code, _, b := get(t, url)
	var out []map[string]json.RawMessage
	if err := json.Unmarshal(b, &out); code != 200 || err != nil {
		t.Fatalf("%s: %d %v %s", url, code, err, b)
	}
	return out
}
