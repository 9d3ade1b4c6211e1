package eventfile

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

var (
	kremlin = model.NewActor("Kremlin", "RUS", model.RoleGOV)
	trump   = model.NewActor("Donald Trump", "USA", model.RoleGOV)
	wagner  = model.NewActor(`Wagner "PMC" </script>`, "RUS", model.RoleREB)
	un      = model.NewActor("United Nations", "IGO", model.RoleIGO)
)

func event(d model.Date, src model.Actor, tgt *model.Actor, code, place string, ms ...model.Mention) model.Event {
	e := model.Event{Date: d, Source: src, Target: tgt, Code: code, Location: place, Mentions: ms}
	e.SetID()
	return e
}

func mention(outlet, url, sentence string) model.Mention {
	return model.Mention{ArticleID: "r-" + outlet, Path: "articles/" + outlet + ".txt", URL: url, Outlet: outlet, Published: "2019-06-03", Sentence: sentence}
}

func ptr(a model.Actor) *model.Actor { return &a }

// MustFixture is a small set of events covering every precision, an
// untargeted and an undated event, several mentions, and hostile text.
func MustFixture(tb testing.TB) []model.Event {
	tb.Helper()
	return []model.Event{
		event(model.DayOf(2019, 6, 3), kremlin, ptr(trump), "120", "Idlib",
			mention("Reuters", "https://www.reuters.com/a", "The Kremlin rebuffed criticism from U.S. President Donald Trump."),
			mention("Al Jazeera", "http://aljazeera.com/b", "The Kremlin rejected Trump's call, saying \"it is needed\".")),
		event(model.Month(2018, 9), kremlin, ptr(un), "057", "",
			mention("TASS", "", "Russia and Turkey reached a deal in September.")),
		event(model.Year(2022), wagner, nil, "190", "Bakhmut",
			mention("Evil <img src=x onerror=alert(1)>", "javascript:alert(1)", `Fighters said "<script>window.__pwned=1</script>" & left.`)),
		event(model.Range(time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 3, 5, 0, 0, 0, 0, time.UTC)), trump, ptr(kremlin), "195", "",
			mention("BBC", "https://bbc.co.uk/c", "Strikes continued from 1 to 5 March."),
			mention("BBC", "https://bbc.co.uk/d", "Second report."), mention("CNN", "https://cnn.com/e", "Third report."),
			mention("AFP", "https://afp.com/f", "Fourth report.")),
		event(model.Date{}, un, ptr(wagner), "014", "", mention("UN News", "https://news.un.org/g", "The UN considered its options.")),
	}
}

// MustSample reads the sample corpus events frozen for the graph tests.
func MustSample(tb testing.TB) []model.Event {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "sample-events.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var events []model.Event
	if err := json.Unmarshal(b, &events); err != nil {
		tb.Fatal(err)
	}
	return events
}

var writers = []struct {
	ext   string
	write func(*bytes.Buffer, []model.Event) error
}{
	{"timeline.json", func(b *bytes.Buffer, e []model.Event) error { return WriteTimelineJS(b, e, "") }},
	{"gdelt.csv", func(b *bytes.Buffer, e []model.Event) error { return WriteGDELT(b, e) }},
	{"acled.csv", func(b *bytes.Buffer, e []model.Event) error { return WriteACLED(b, e) }},
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events func(testing.TB) []model.Event
	}{{"empty", func(testing.TB) []model.Event { return nil }}, {"fixture", MustFixture}, {"sample", MustSample}} {
		events := tc.events(t)
		for _, w := range writers {
			t.Run(tc.name+"."+w.ext, func(t *testing.T) {
				var got bytes.Buffer
				if err := w.write(&got, events); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", tc.name+"."+w.ext+".golden")
				if *update {
					os.MkdirAll("testdata", 0o755)
					os.WriteFile(path, got.Bytes(), 0o644)
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test ./graph/eventfile -update)", err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("output differs from %s (rerun with -update if intended)", path)
				}
				for range 3 {
					shuffled := slices.Clone(events)
					rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
					var again bytes.Buffer
					w.write(&again, shuffled)
					if !bytes.Equal(again.Bytes(), got.Bytes()) {
						t.Fatal("output depends on event order")
					}
				}
			})
		}
	}
}

func TestTimelineJSShape(t *testing.T) {
	var b bytes.Buffer
	WriteTimelineJS(&b, MustFixture(t), "")
	var doc tlDocument
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 4 || !strings.Contains(doc.Title.Text.Text, "1 undated") {
		t.Fatalf("%d slides (want 4, the undated one left out), title %q", len(doc.Events), doc.Title.Text.Text)
	}
	byID := map[string]tlSlide{}
	for _, s := range doc.Events {
		byID[s.Group+"|"+s.DisplayDate] = s
	}
	tests := []struct {
		key        string
		start, end *tlDate
	}{
		{"Kremlin|3 Jun 2019", &tlDate{2019, 6, 3}, nil},
		{"Kremlin|Sep 2018", &tlDate{2018, 9, 0}, nil},
		{`Wagner "PMC" </script>|2022`, &tlDate{2022, 0, 0}, nil},
		{"Donald Trump|1–5 Mar 2020", &tlDate{2020, 3, 1}, &tlDate{2020, 3, 5}},
	}
	for _, tt := range tests {
		s, ok := byID[tt.key]
		if !ok {
			t.Errorf("no slide %s", tt.key)
			continue
		}
		if *s.StartDate != *tt.start || (tt.end == nil) != (s.EndDate == nil) || (tt.end != nil && *s.EndDate != *tt.end) {
			t.Errorf("%s: start %+v end %+v, want %+v %+v", tt.key, s.StartDate, s.EndDate, tt.start, tt.end)
		}
	}
	hostile := byID[`Wagner "PMC" </script>|2022`].Text
	for _, bad := range []string{"<script", "<img", "javascript:", "href"} {
		if strings.Contains(hostile.Text+hostile.Headline, bad) {
			t.Errorf("hostile text not neutralised (%s): %+v", bad, hostile)
		}
	}
	if !strings.Contains(hostile.Text, "&lt;script&gt;") {
		t.Errorf("hostile quote missing or unescaped: %s", hostile.Text)
	}
	if tx := byID["Kremlin|3 Jun 2019"].Text.Text; !strings.Contains(tx, `<a href="https://www.reuters.com/a"`) || !strings.Contains(tx, "rebuffed criticism") {
		t.Errorf("quote or link missing: %s", tx)
	}
	if tx := byID["Donald Trump|1–5 Mar 2020"].Text.Text; !strings.Contains(tx, "and 1 more reports") {
		t.Errorf("fourth report not counted: %s", tx)
	}
}

func TestCSVColumns(t *testing.T) {
	read := func(write func(*bytes.Buffer, []model.Event) error) []map[string]string {
		var b bytes.Buffer
		if err := write(&b, MustFixture(t)); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, r := range rows[1:] {
			m := map[string]string{}
			for i, c := range rows[0] {
				m[c] = r[i]
			}
			out = append(out, m)
		}
		return out
	}
	gdelt := read(writers[1].write)
	// Undated first (as model.SortEvents orders them), then oldest first:
	// Sep 2018, 3 Jun 2019, the range of Mar 2020, 2022.
	want := []map[string]string{
		{"Year": "", "EventCode": "014"},
		{"SQLDATE": "", "MonthYear": "201809", "Year": "2018", "Actor1Code": "RUSGOV", "Actor2Code": "IGO", "Actor2CountryCode": "", "Actor2Type1Code": "IGO", "EventCode": "057", "EventRootCode": "05", "QuadClass": "1", "SOURCEURL": ""},
		{"SQLDATE": "20190603", "FractionDate": "2019.5014", "Actor1Name": "Kremlin", "Actor2CountryCode": "USA", "EventBaseCode": "120", "QuadClass": "3", "GoldsteinScale": "-4.0", "NumMentions": "2", "NumSources": "2", "ActionGeo_FullName": "Idlib", "SOURCEURL": "https://www.reuters.com/a"},
		{"SQLDATE": "20200301", "EventCode": "195", "NumMentions": "4", "NumSources": "3", "NumArticles": "3"},
		{"SQLDATE": "", "MonthYear": "", "Year": "2022", "Actor2Code": "", "SOURCEURL": ""},
	}
	for i, w := range want {
		for k, v := range w {
			if gdelt[i][k] != v {
				t.Errorf("GDELT row %d %s = %q, want %q", i, k, gdelt[i][k], v)
			}
		}
	}
	if id := gdelt[0]["GLOBALEVENTID"]; id == "" || strings.Trim(id, "0123456789") != "" {
		t.Errorf("GLOBALEVENTID %q is not an integer", id)
	}

	acled := read(writers[2].write)
	wantACLED := []map[string]string{
		{"event_date": "", "time_precision": "", "fatalities": ""},
		{"event_date": "2018-09-01", "time_precision": "3", "event_type": "Strategic developments", "inter1": "1", "inter2": "8", "interaction": "18", "source": "TASS"},
		{"event_date": "2019-06-03", "time_precision": "1", "actor1": "Kremlin", "actor2": "Donald Trump", "interaction": "11", "location": "Idlib", "source": "Reuters; Al Jazeera"},
		{"event_date": "2020-03-01", "time_precision": "2", "event_type": "Explosions/Remote violence", "disorder_type": "Political violence", "source": "BBC; CNN; AFP"},
		{"year": "2022", "time_precision": "3", "event_type": "Battles", "inter1": "2", "actor2": "", "interaction": "20"},
	}
	for i, w := range wantACLED {
		for k, v := range w {
			if acled[i][k] != v {
				t.Errorf("ACLED row %d %s = %q, want %q", i, k, acled[i][k], v)
			}
		}
	}
	if !strings.HasPrefix(acled[2]["notes"], "3 Jun 2019: The Kremlin rebuffed") {
		t.Errorf("notes = %q", acled[2]["notes"])
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://www.reuters.com/x": true, "http://a.b/c?d=e": true, " https://x.org ": true,
		"javascript:alert(1)": false, "JAVASCRIPT:alert(1)": false, "data:text/html,x": false,
		"//evil.com/x": false, "/relative": false, "": false, "https://": false, "ftp://x.org/f": false,
	} {
		if got := safeURL(u); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrors(t *testing.T) {
	events := MustFixture(t)
	for name, err := range map[string]error{
		"timelinejs": WriteTimelineJS(failWriter{}, events, ""),
		"gdelt":      WriteGDELT(failWriter{}, events),
		"acled":      WriteACLED(failWriter{}, events),
	} {
		if err == nil {
			t.Errorf("%s: no error from a failing writer", name)
		}
	}
}
