package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
)

// TestPathSampleCorpus asks for the longest of the shortest chains in the
// sample corpus (found with package graph, so the test follows the
// extractor as it improves) and for the seed article's Kremlin-Trump hop,
// and checks that every hop is printed with its evidence.
func TestPathSampleCorpus(t *testing.T) {
	db := MustSampleDB(t)
	net, err := graph.Build(MustEvents(t, db))
	if err != nil {
		t.Fatal(err)
	}
	var from, to string
	longest := 0
	for _, a := range net.Nodes() {
		for _, b := range net.Nodes() {
			if hops, err := net.ShortestPath(a.Actor.ID, b.Actor.ID); err == nil && len(hops) > longest {
				from, to, longest = a.Actor.ID, b.Actor.ID, len(hops)
			}
		}
	}
	if longest < 2 {
		t.Fatalf("the sample corpus has no chain of two hops or more")
	}
	out, stderr, code := MustRun(t, "", "path", "--db", db, from, to)
	if code != 0 {
		t.Fatalf("path %s %s: exit %d\n%s", from, to, code, stderr)
	}
	hop := regexp.MustCompile(`(?m)^\d+\. .+ → .+: .+, \d+ events?`)
	quote := regexp.MustCompile(`(?m)^   .+: “.+”$`)
	source := regexp.MustCompile(`(?m)^   — .+ \(.+articles/.+\)$`)
	for name, re := range map[string]*regexp.Regexp{"hop": hop, "quote": quote, "source": source} {
		if got := len(re.FindAllString(out, -1)); got != longest {
			t.Errorf("%d %s lines, want one per hop (%d):\n%s", got, name, longest, out)
		}
	}
	if !strings.Contains(strings.SplitN(out, "\n", 2)[0], strings.Repeat("→", 1)) || !strings.Contains(out, plural(longest, "hop")) {
		t.Errorf("summary line: %s", out)
	}

	out, stderr, code = MustRun(t, "", "path", "--db", db, "Kremlin", "Donald Trump")
	if code != 0 || !strings.Contains(out, "The Kremlin rebuffed criticism") || !strings.Contains(out, "1 hop") {
		t.Errorf("path Kremlin \"Donald Trump\": exit %d\n%s%s", code, out, stderr)
	}
}

func TestPathErrors(t *testing.T) {
	db := MustSampleDB(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown from", []string{"Atlantis", "Kremlin"}, `FROM "Atlantis"`},
		{"unknown to", []string{"Kremlin", "Atlantis"}, `TO "Atlantis"`},
		{"no path", []string{"Donald Trump", "Abbas Mousavi"}, "no chain of events"},
		{"one argument", []string{"Kremlin"}, "accepts 2 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := MustRun(t, "", append([]string{"path", "--db", db}, tt.args...)...)
			if code != exitFatal || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 1 mentioning %q", code, stderr, tt.want)
			}
		})
	}
}
