package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

const samples = "../../testdata/articles"

// MustRun runs the command line in-process and returns its output and exit
// status. The clock is fixed so outputs do not depend on when tests run.
func MustRun(tb testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	tb.Helper()
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		now:    func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) },
		getenv: func(string) string { return "" }}
	code = a.run(context.Background(), args)
	return out.String(), errb.String(), code
}

// MustEvents reads the stored events through `events --format json`.
func MustEvents(tb testing.TB, db string, filters ...string) []model.Event {
	tb.Helper()
	out, errs, code := MustRun(tb, "", append([]string{"events", "--db", db, "--format", "json"}, filters...)...)
	if code != 0 {
		tb.Fatalf("events: exit %d: %s", code, errs)
	}
	var events []model.Event
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		tb.Fatalf("events output is not the contract's JSON: %v\n%s", err, out)
	}
	return events
}

// requireTool returns the path of an external program; without it the test
// is skipped locally but fails in CI, which installs it.
func requireTool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%s is not installed; .ci/run installs it", name)
		}
		tb.Skipf("%s is not installed", name)
	}
	return p
}

func TestBuildSampleCorpus(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "eg.db"), filepath.Join(dir, "out")
	stdout, stderr, code := MustRun(t, "", "build", "--db", db, "-o", out, samples)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"index.html", "network.html", "graph.dot", "echarts.min.js"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if !strings.Contains(stdout, "index.html") {
		t.Errorf("build did not say what it wrote: %q", stdout)
	}
	if !strings.Contains(stderr, "skip") || !strings.Contains(stderr, "gold.json") {
		t.Errorf("gold files were not noted as skipped:\n%s", stderr)
	}
	dot := requireTool(t, "dot")
	cmd := exec.Command(dot, "-Tsvg", filepath.Join(out, "graph.dot"))
	svg, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tsvg rejected graph.dot: %v", err)
	}
	if !bytes.Contains(svg, []byte("Kremlin")) {
		t.Error("the SVG has no Kremlin node")
	}
}

func TestSeedArticleEvents(t *testing.T) {
	db := filepath.Join(t.TempDir(), "eg.db")
	if _, stderr, code := MustRun(t, "", "ingest", "--db", db, filepath.Join(samples, "idlib-kremlin-2019-06-03.txt")); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	events := MustEvents(t, db)
	type want struct {
		name              string
		src, tgt          string // actor codes
		root, date, quote string
		precision         model.Precision
	}
	wants := []want{
		{"Kremlin rebuffs Trump", "RUSGOV", "USAGOV", "12", "2019-06-03", "The Kremlin rebuffed criticism", model.PrecisionDay},
		{"Trump urges Russia", "USAGOV", "RUS", "02", "2019-06-02", "Trump on Sunday urged", model.PrecisionDay},
		{"Russia-Turkey deal", "RUS", "TUR", "05", "2018-09", "a deal reached between Russia and Turkey", model.PrecisionMonth},
	}
	for _, w := range wants {
		t.Run(w.name, func(t *testing.T) {
			for _, e := range events {
				if e.Root() != w.root || !strings.HasPrefix(e.Source.Code, w.src) || e.Target == nil || !strings.HasPrefix(e.Target.Code, w.tgt) {
					continue
				}
				if e.Date.String() != w.date || e.Date.Precision != w.precision {
					continue
				}
				for _, m := range e.Mentions {
					if strings.Contains(m.Sentence, w.quote) && m.Start < m.End && m.Path != "" {
						return
					}
				}
			}
			t.Errorf("no %s → %s event with root %s on %s (%s) from the sentence %q; got:\n%s", w.src, w.tgt, w.root, w.date, w.precision, w.quote, describeEvents(events))
		})
	}
}

func describeEvents(events []model.Event) string {
	var b strings.Builder
	for _, e := range events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		q := ""
		if len(e.Mentions) > 0 {
			q = clip(e.Mentions[0].Sentence, 70)
		}
		b.WriteString("  " + e.Date.Encode() + " " + e.Source.Code + " " + e.Code + " " + tgt + " | " + q + "\n")
	}
	return b.String()
}

func TestReingestChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "eg.db")
	counts := func() (n [3]int) {
		for i, what := range []string{"events", "actors", "articles"} {
			out, stderr, code := MustRun(t, "", what, "--db", db, "--format", "json")
			if code != 0 {
				t.Fatalf("%s: exit %d: %s", what, code, stderr)
			}
			var list []json.RawMessage
			if err := json.Unmarshal([]byte(out), &list); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			n[i] = len(list)
		}
		return n
	}
	if _, stderr, code := MustRun(t, "", "ingest", "--db", db, samples); code != 0 {
		t.Fatalf("first ingest: exit %d\n%s", code, stderr)
	}
	first := counts()
	if first[0] == 0 || first[2] != 21 {
		t.Fatalf("first ingest stored %v (events, actors, articles), want events and 21 articles", first)
	}
	_, stderr, code := MustRun(t, "", "ingest", "--db", db, samples)
	if code != 0 {
		t.Fatalf("second ingest: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "ingested 0 new articles") {
		t.Errorf("second ingest summary: %s", stderr)
	}
	if second := counts(); second != first {
		t.Errorf("re-ingest changed counts from %v to %v", first, second)
	}
}

func TestBrokenFileAmongGoodOnes(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	good, err := os.ReadFile(filepath.Join(samples, "idlib-kremlin-2019-06-03.txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "good.txt"), good, 0o644)
	os.WriteFile(filepath.Join(in, "broken.txt"), []byte("\x00\x01\x02 binary \xff\xfe"), 0o644)
	os.WriteFile(filepath.Join(in, "empty.json"), nil, 0o644)
	db := filepath.Join(dir, "eg.db")
	_, stderr, code := MustRun(t, "", "ingest", "--db", db, in)
	if code != exitRejected {
		t.Errorf("exit %d, want %d\n%s", code, exitRejected, stderr)
	}
	for _, name := range []string{"broken.txt", "empty.json"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	if strings.Contains(stderr, "good.txt") && strings.Contains(stderr, "error: "+filepath.Join(in, "good.txt")) {
		t.Errorf("the good file was reported as an error:\n%s", stderr)
	}
	out, _, _ := MustRun(t, "", "articles", "--db", db, "--format", "json")
	var arts []articleJSON
	json.Unmarshal([]byte(out), &arts)
	if len(arts) != 1 || !strings.HasSuffix(arts[0].Path, "good.txt") || arts[0].Events == 0 {
		t.Errorf("stored articles = %+v, want good.txt with its events", arts)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "eg.db")
	MustRun(t, "", "ingest", "--db", db, filepath.Join(samples, "idlib-kremlin-2019-06-03.txt"))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, "unknown command"},
		{"bad from", []string{"events", "--db", db, "--from", "June"}, "--from"},
		{"bad root", []string{"events", "--db", db, "--root", "42"}, "--root"},
		{"bad format", []string{"events", "--db", db, "--format", "xml"}, "--format"},
		{"missing database", []string{"events", "--db", filepath.Join(t.TempDir(), "none.db")}, "eventgraph ingest"},
		{"timex needs dct", []string{"timex"}, "--dct"},
		{"export unknown format", []string{"export", "--db", db, "--format", "xml"}, "--format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := MustRun(t, "", tt.args...)
			if code != exitFatal || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 1 mentioning %q", code, stderr, tt.want)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "eg.db")
	MustRun(t, "", "ingest", "--db", db, samples)
	all := MustEvents(t, db)
	for _, tt := range []struct {
		name  string
		args  []string
		match func(model.Event) bool
	}{
		{"root 19", []string{"--root", "19"}, func(e model.Event) bool { return e.Root() == "19" }},
		{"2020 only", []string{"--from", "2020", "--to", "2020"}, func(e model.Event) bool { return e.Date.Overlaps(model.Year(2020)) }},
		{"Turkey", []string{"--actor", "TUR"}, func(e model.Event) bool {
			return e.Source.Country == "TUR" || (e.Target != nil && e.Target.Country == "TUR")
		}},
		{"material conflict", []string{"--quad", "4"}, func(e model.Event) bool { return e.CAMEO().Quad == 4 }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := 0
			for _, e := range all {
				if tt.match(e) {
					want++
				}
			}
			got := MustEvents(t, db, tt.args...)
			if len(got) != want || want == 0 {
				t.Errorf("%d events, want %d (of %d)", len(got), want, len(all))
			}
		})
	}
}

func TestTimexCommand(t *testing.T) {
	text := "Trump on Sunday urged Russia to stop bombing Idlib."
	out, stderr, code := MustRun(t, text, "timex", "--dct", "2019-06-03")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got []struct {
		Start, End int
		Text, Type string
		Value      string
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got) != 1 || got[0].Value != "2019-06-02" || text[got[0].Start:got[0].End] != got[0].Text || got[0].Type != "DATE" {
		t.Errorf("timex = %+v", got)
	}
}

func TestExtractPlainText(t *testing.T) {
	out, stderr, code := MustRun(t, "The Kremlin rebuffed criticism from U.S. President Donald Trump on Monday.", "extract", "--date", "2019-06-03")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var events []model.Event
	if err := json.Unmarshal([]byte(out), &events); err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 || events[0].Source.Country != "RUS" || events[0].Root() != "12" {
		t.Errorf("extract = %s", out)
	}
}
