package explorer_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/explorer"
	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/report"
)

func get(t *testing.T, url string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

func TestAPIEventsFilters(t *testing.T) {
	db, _ := MustDB(t)
	base := MustServe(t, db)
	tests := []struct {
		query string
		want  int
	}{
		{"", 7}, // the two reports of the Sochi deal are one event
		{"actor=RUS", 5},
		{"actor=RUS,TUR", 6},
		{"actor=RUS&actor=TUR&between=1", 4},
		{"actor=RUS,TUR&between=1&from=2018&to=2020&q=Idlib", 3},
		{"from=2020&to=2020", 3},
		{"from=2019-06&to=2019-06", 1},
		{"quad=1", 2},
		{"quad=3", 4},
		{"root=05&root=19", 3},
		{"outlet=reuters", 4},
		{"outlet=Reuters,AP&actor=USA", 1},
		{"q=ceasefire", 1},
		{"q=IDLI", 5},
		{"q=missiles+trump", 1},
		{"min=2", 1},
		{"actor=Atlantis", 0},
		{"unknown=1", 7},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			code, h, b := get(t, base+"/api/events?"+tt.query)
			if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
				t.Fatalf("status %d, type %q: %s", code, h.Get("Content-Type"), b)
			}
			var events []model.Event
			if err := json.Unmarshal(b, &events); err != nil {
				t.Fatal(err)
			}
			if len(events) != tt.want {
				t.Errorf("%d events, want %d", len(events), tt.want)
			}
		})
	}
}

// The graph and actors APIs take the same filters as the events API.
func TestAPIGraphAndActors(t *testing.T) {
	db, _ := MustDB(t)
	base := MustServe(t, db)
	var all, y2020 report.NetworkData
	for q, v := range map[string]*report.NetworkData{"": &all, "from=2020&to=2020": &y2020} {
		_, _, b := get(t, base+"/api/graph?"+q)
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("graph %q: %v: %s", q, err, b)
		}
	}
	if len(all.Nodes) != 7 || len(y2020.Nodes) != 4 || len(y2020.Edges) >= len(all.Edges) {
		t.Errorf("graph: %d nodes/%d edges, in 2020 %d/%d", len(all.Nodes), len(all.Edges), len(y2020.Nodes), len(y2020.Edges))
	}
	var actors []model.ActorSummary
	_, _, b := get(t, base+"/api/actors?actor=TUR&between=1")
	if err := json.Unmarshal(b, &actors); err != nil {
		t.Fatal(err)
	}
	if len(actors) != 0 {
		t.Errorf("actors of TUR-TUR events: %v, want none", actors)
	}
	_, _, b = get(t, base+"/api/actors?q=ceasefire")
	json.Unmarshal(b, &actors)
	if len(actors) != 2 || actors[0].Events != 1 {
		t.Errorf("actors of the ceasefire: %+v", actors)
	}
}

func TestRefusals(t *testing.T) {
	db, _ := MustDB(t)
	base := MustServe(t, db)
	for _, tt := range []struct {
		name, method, path, host string
		want                     int
	}{
		{"traversal", "GET", "/../../etc/passwd", "", 404},
		{"encoded traversal", "GET", "/%2e%2e/%2e%2e/etc/passwd", "", 404},
		{"encoded slash", "GET", "/..%2f..%2fetc%2fpasswd", "", 404},
		{"double slash", "GET", "//etc/passwd", "", 404},
		{"backslash", "GET", "/..\\..\\go.mod", "", 404},
		{"asset path traversal", "GET", "/report.js/../../go.mod", "", 404},
		{"page outside the report", "GET", "/actor-../../x.html", "", 404},
		{"unknown actor", "GET", "/actor-a-000000000000.html", "", 404},
		{"template", "GET", "/templates/layout.html", "", 404},
		{"post", "POST", "/", "", 405},
		{"delete", "DELETE", "/api/events", "", 405},
		{"rebinding host", "GET", "/", "evil.example", 421},
		{"bad date", "GET", "/api/events?from=yesterday", "", 400},
		{"bad quad", "GET", "/?quad=9", "", 400},
		{"long query", "GET", "/api/events?q=" + strings.Repeat("a", 5000), "", 414},
		{"unknown download", "GET", "/download/../../go.mod", "", 404},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, base+tt.path, strings.NewReader(strings.Repeat("x", 4096)))
			if err != nil {
				t.Fatal(err)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.want, b)
			}
			if bytes.Contains(b, []byte("goroutine")) || bytes.Contains(b, []byte(".go:")) {
				t.Errorf("response leaks internals: %s", b)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("CSP %q", csp)
			}
		})
	}
}

// Serving never writes: the database file is byte-identical after every
// route has been read, and the reader refuses writes.
func TestReadOnly(t *testing.T) {
	db, path := MustDB(t)
	sum := func() [32]byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	before := sum()
	base := MustServe(t, db)
	for _, p := range []string{"/", "/network.html", "/explore.html", "/api/events", "/api/actors", "/api/graph",
		"/download/graph.dot", "/download/graph.graphml", "/download/graph.gexf", "/download/graph.cytoscape.json",
		"/download/timeline.json", "/download/events.gdelt.csv", "/download/events.acled.csv",
		"/download/events.json", "/download/events.csv", "/country-RUS.html?q=idlib", "/report.css", "/explore.js"} {
		if code, _, b := get(t, base+p); code != 200 || len(b) == 0 {
			t.Errorf("%s: status %d, %d bytes", p, code, len(b))
		}
	}
	if _, err := db.SaveArticle(t.Context(), model.Article{Title: "x", Body: "y"}, nil); err == nil {
		t.Error("the explorer's database accepted a write")
	}
	if sum() != before {
		t.Error("serving changed the database file")
	}
}

// Links between live pages keep the filters; CSV cells cannot be formulas.
func TestPagesAndDownloads(t *testing.T) {
	db, _ := MustDB(t)
	base := MustServe(t, db)
	_, _, b := get(t, base+"/?actor=RUS,TUR&between=1&q=Idlib")
	for _, want := range []string{`data-query="actor=RUS&amp;actor=TUR&amp;between=1&amp;q=Idlib"`, `value="RUS, TUR"`,
		`href="download/graph.dot?actor=RUS&amp;actor=TUR&amp;between=1&amp;q=Idlib"`, `<dd id="event-count">3</dd>`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("index lacks %s", want)
		}
	}
	_, h, b := get(t, base+"/download/events.csv?q=missiles")
	if !strings.Contains(h.Get("Content-Disposition"), "events.csv") || bytes.Count(b, []byte("\n")) != 2 {
		t.Errorf("csv: %q %s", h.Get("Content-Disposition"), b)
	}
}

// /api/events answers pages: limit caps the page, Link and X-Next-After
// lead to the next one, and the pages put together are the whole answer,
// with and without a reader that pages itself.
func TestAPIEventsPages(t *testing.T) {
	db, _ := MustDB(t)
	answers := map[string][]string{} // per query, the ids of the plain reader's one answer
	for _, name := range []string{"plain", "pager", "pager without between"} {
		r := map[string]model.EventReader{"pager": db, "plain": plainReader{db}, "pager without between": afterOnly{db}}[name]
		t.Run(name, func(t *testing.T) {
			base := MustServe(t, r)
			for _, q := range []string{"", "actor=RUS&actor=TUR&between=1", "actor=Putin&between=1", "actor=TUR&outlet=AFP&q=turkey"} {
				_, _, b := get(t, base+"/api/events?"+q)
				var all []model.Event
				if err := json.Unmarshal(b, &all); err != nil {
					t.Fatal(err)
				}
				var ids []string
				for _, e := range all {
					ids = append(ids, e.ID)
				}
				if want, ok := answers[q]; !ok {
					answers[q] = ids
				} else if strings.Join(ids, " ") != strings.Join(want, " ") {
					t.Fatalf("%q: %v, the plain reader gives %v", q, ids, want)
				}
				var got []model.Event
				next := "/api/events?" + q + "&limit=2"
				for pages := 0; next != ""; pages++ {
					if pages > 10 {
						t.Fatal("pages never end")
					}
					code, h, b := get(t, base+next)
					if code != 200 {
						t.Fatalf("%s: %d %s", next, code, b)
					}
					var page []model.Event
					if err := json.Unmarshal(b, &page); err != nil {
						t.Fatal(err)
					}
					if len(page) > 2 {
						t.Fatalf("%s: %d events for limit=2", next, len(page))
					}
					got = append(got, page...)
					next = ""
					if link := h.Get("Link"); link != "" {
						next = strings.TrimSuffix(strings.TrimPrefix(link, "<"), `>; rel="next"`)
						if h.Get("X-Next-After") != page[len(page)-1].ID {
							t.Errorf("X-Next-After %q, last event %q", h.Get("X-Next-After"), page[len(page)-1].ID)
						}
					}
				}
				if len(got) != len(all) {
					t.Fatalf("%q: %d events in pages, %d in one answer", q, len(got), len(all))
				}
				for i := range got {
					if got[i].ID != all[i].ID {
						t.Fatalf("%q: event %d is %s in pages, %s in one answer", q, i, got[i].ID, all[i].ID)
					}
				}
			}
			for _, bad := range []string{"limit=0", "limit=5001", "limit=x", "after=no-such-event"} {
				if code, _, b := get(t, base+"/api/events?"+bad); code != 400 {
					t.Errorf("%s: %d %s, want 400", bad, code, b)
				}
			}
		})
	}
}

// plainReader hides the store's EventsAfter, so the explorer slices.
type plainReader struct{ model.EventReader }

// afterOnly offers EventsAfter but not EventsBetweenAfter, so the explorer
// applies between=1 itself.
type afterOnly struct{ model.EventReader }

func (a afterOnly) EventsAfter(ctx context.Context, f model.EventFilter, afterID string, limit int) ([]model.Event, error) {
	return a.EventReader.(explorer.EventPager).EventsAfter(ctx, f, afterID, limit)
}
