package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// MustWrite writes the report of events into a fresh folder and returns it.
func MustWrite(tb testing.TB, events []model.Event) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := Write(dir, events, Options{Title: "Idlib, 2018–2019", TopActors: 5}); err != nil {
		tb.Fatalf("Write: %v", err)
	}
	return dir
}

func TestGolden(t *testing.T) {
	dir := MustWrite(t, MustFixture(t))
	kremlinEvent := event(model.DayOf(2019, time.June, 3), kremlin, ptr(turkey), "120", "")
	for page, golden := range map[string]string{
		"index.html": "index", "network.html": "network",
		actorPage(kremlin.ID): "actor", countryPage("TUR"): "country", eventPage(kremlinEvent.ID): "event",
	} {
		t.Run(page, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(dir, page))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", golden+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; if the change is intended, run go test ./report -run TestGolden -update and review the diff", page, golden)
			}
		})
	}
}

func TestWriteDeterministic(t *testing.T) {
	events := MustFixture(t)
	a := MustWrite(t, events)
	// Reversed input must give the same pages: Write sorts.
	rev := append([]model.Event(nil), events...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	b := MustWrite(t, rev)
	for _, name := range append(MustPages(t, a), "echarts.min.js", "report.js", "report.css") {
		x, errA := os.ReadFile(filepath.Join(a, name))
		y, errB := os.ReadFile(filepath.Join(b, name))
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v %v", name, errA, errB)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between runs on the same events", name)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name string
		dir  func(t *testing.T) string
		want error
	}{
		{"empty dir", func(*testing.T) string { return "" }, ErrNoDir},
		{"dir is a file", func(t *testing.T) string {
			f := filepath.Join(t.TempDir(), "file")
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			return f
		}, os.ErrExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(tt.dir(t), MustFixture(t), Options{})
			if err == nil {
				t.Fatal("Write succeeded")
			}
			if tt.want == os.ErrExist {
				if errors.Is(err, ErrNoDir) || !strings.Contains(err.Error(), "create folder") {
					t.Errorf("err = %v, want a create-folder error", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEmptyReport(t *testing.T) {
	dir := MustWrite(t, nil)
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("No events match.")) || bytes.Contains(b, []byte(`id="timeline"`)) {
		t.Error("empty report should say so and draw no timeline")
	}
}

func TestGeneratedIsInjected(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	if err := Write(dir, MustFixture(t), Options{Generated: at}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if !bytes.Contains(b, []byte("Generated 1 Mar 2024 09:30 UTC.")) {
		t.Error("footer does not show the injected time")
	}
}

func TestSafeLink(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a?b=c", "https://example.com/a?b=c"},
		{"http://example.com", "http://example.com"},
		{"HTTPS://example.com/x", "https://example.com/x"},
		{"javascript:alert(1)", ""},
		{" JAVASCRIPT:alert(1)", ""},
		{"data:text/html,<b>", ""},
		{"ftp://example.com/x", ""},
		{"//example.com/x", ""},
		{"/etc/passwd", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := safeLink(tt.in); got != tt.want {
				t.Errorf("safeLink(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// An event whose code is not in the CAMEO table is invalid input: the
// network cannot weigh it, so Write refuses the set and says which event.
func TestUnknownCode(t *testing.T) {
	e := event(model.DayOf(2019, time.June, 3), kremlin, ptr(turkey), "999", "",
		mention("r-u", "Reuters", "https://example.com/u", "2019-06-03", "Something happened."))
	err := Write(t.TempDir(), []model.Event{e}, Options{})
	if !errors.Is(err, graph.ErrInvalidEvent) {
		t.Fatalf("err = %v, want graph.ErrInvalidEvent", err)
	}
	if !strings.Contains(err.Error(), e.ID) {
		t.Errorf("error %q does not name the event", err)
	}
}
