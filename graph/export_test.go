package graph

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

// networkFormats are the network writers by file extension: GraphML and
// GEXF first (the XML ones), DOT last (with its own Graphviz test).
var networkFormats = []struct {
	ext   string
	write func(w *bytes.Buffer, n *Network) error
}{
	{"graphml", func(w *bytes.Buffer, n *Network) error { return WriteGraphML(w, n) }},
	{"gexf", func(w *bytes.Buffer, n *Network) error { return WriteGEXF(w, n) }},
	{"cytoscape.json", func(w *bytes.Buffer, n *Network) error { return WriteCytoscape(w, n) }},
	{"dot", func(w *bytes.Buffer, n *Network) error { return WriteDOT(w, n, DOTOptions{ClusterByCountry: true}) }},
}

// exportCases are the networks every format is pinned on: the small
// fixture with hostile names, and the sample corpus, whole and grouped.
var exportCases = []struct {
	name   string
	events func(testing.TB) []model.Event
	opt    BuildOptions
}{
	{"empty", func(testing.TB) []model.Event { return nil }, BuildOptions{}},
	{"fixture", sampleEvents, BuildOptions{}},
	{"sample", MustSampleEvents, BuildOptions{}},
	{"sample-countries", MustSampleEvents, BuildOptions{GroupBy: GroupCountry}},
	{"sample-kremlin", MustSampleEvents, BuildOptions{Around: "Kremlin", Depth: 2}},
}

func mustView(tb testing.TB, events []model.Event, opt BuildOptions) *Network {
	tb.Helper()
	n, err := BuildView(events, opt)
	if err != nil {
		tb.Fatalf("BuildView: %v", err)
	}
	return n
}

// MustGolden compares got with testdata/export/name, rewriting it with
// -update.
func MustGolden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", "export", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./graph -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("output differs from %s (rerun with -update if the change is intended)", path)
	}
}

func TestNetworkExportsGolden(t *testing.T) {
	for _, tc := range exportCases {
		events := tc.events(t)
		for _, f := range networkFormats {
			t.Run(tc.name+"."+f.ext, func(t *testing.T) {
				var first bytes.Buffer
				if err := f.write(&first, mustView(t, events, tc.opt)); err != nil {
					t.Fatal(err)
				}
				MustGolden(t, tc.name+"."+f.ext+".golden", first.Bytes())
				// Byte-identical from run to run, whatever the event order.
				for range 3 {
					var again bytes.Buffer
					f.write(&again, mustView(t, shuffled(events), tc.opt))
					if !bytes.Equal(again.Bytes(), first.Bytes()) {
						t.Fatal("output depends on event order or on the run")
					}
				}
			})
		}
	}
}

func TestNetworkExportsWriteErrors(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	for name, write := range map[string]func() error{
		"graphml":   func() error { return WriteGraphML(&failWriter{err: errDisk}, n) },
		"gexf":      func() error { return WriteGEXF(&failWriter{err: errDisk}, n) },
		"cytoscape": func() error { return WriteCytoscape(&failWriter{err: errDisk}, n) },
	} {
		if err := write(); err == nil || !strings.Contains(err.Error(), errDisk.Error()) {
			t.Errorf("%s: error %v, want the write error", name, err)
		}
	}
}

// TestGEXFSpells checks the dynamic part on the fixture: a month-precision
// event spans its month, touching days merge, undated events add nothing.
func TestGEXFSpells(t *testing.T) {
	var b bytes.Buffer
	WriteGEXF(&b, MustBuild(t, sampleEvents(t)))
	out := b.String()
	for _, want := range []string{
		`mode="dynamic"`, `timeformat="date"`,
		// Russia -> Ukraine: Feb 2022 (month), 24 Feb and 1 Mar merge into one spell.
		`<spell start="2022-02-01" end="2022-03-01"/>`,
		// UN -> Ukraine: the range 5-9 March.
		`<spell start="2022-03-05" end="2022-03-09"/>`,
		// Wagner -> Ukraine: the year 2022.
		`<spell start="2022-01-01" end="2022-12-31"/>`,
		`<viz:color r="215" g="25" b="28"/>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("GEXF lacks %s", want)
		}
	}
}

// requireTool returns the path of an external program; without it the
// test is skipped locally but fails in CI, which installs it.
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

// TestXMLExportsXmllint feeds GraphML and GEXF to libxml2's xmllint. The
// GraphML and GEXF 1.3 schemas are not shipped by any package this
// project can install, so the check is well-formedness, not validity.
func TestXMLExportsXmllint(t *testing.T) {
	xmllint := requireTool(t, "xmllint")
	for _, tc := range exportCases {
		n := mustView(t, tc.events(t), tc.opt)
		for _, f := range networkFormats[:2] {
			t.Run(tc.name+"."+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				f.write(&b, n)
				cmd := exec.Command(xmllint, "--noout", "-")
				cmd.Stdin = &b
				if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
					t.Fatalf("xmllint --noout: %v\n%s", err, out)
				}
			})
		}
	}
}

// jsDir holds the npm packages the consumer tests load (package.json and
// package-lock.json committed; `npm ci --prefix graph/testdata/js`).
var jsDir, _ = filepath.Abs(filepath.Join("testdata", "js"))

// requireNodeModule skips (fails in CI) when the npm package is missing.
func requireNodeModule(tb testing.TB, name string) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(jsDir, "node_modules", name, "package.json")); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("npm package %s is not installed; .ci/run runs npm ci --prefix graph/testdata/js", name)
		}
		tb.Skipf("npm package %s is not installed (npm ci --prefix graph/testdata/js)", name)
	}
}

// cytoscapeCount loads Cytoscape.js JSON from stdin into a headless
// Cytoscape.js instance and prints what Cytoscape.js made of it.
const cytoscapeCount = `
const cytoscape = require('cytoscape');
let input = '';
process.stdin.on('data', d => input += d);
process.stdin.on('end', () => {
  const doc = JSON.parse(input);
  const cy = cytoscape({ headless: true, elements: doc.elements });
  const bad = cy.edges().filter(e => e.source().empty() || e.target().empty()).length;
  const wagner = cy.nodes().filter(n => n.data('label') === 'Wagner "PMC"');
  console.log(JSON.stringify({
    nodes: cy.nodes().length, edges: cy.edges().length, dangling: bad,
    weight: cy.edges().reduce((s, e) => s + e.data('weight'), 0),
    wagnerIn: wagner.length ? wagner.indegree(false) : -1,
  }));
});
`

// TestCytoscapeJS loads the Cytoscape JSON into Cytoscape.js in Node and
// checks it counts the same nodes, edges and events as the network.
func TestCytoscapeJS(t *testing.T) {
	node := requireTool(t, "node")
	requireNodeModule(t, "cytoscape")
	for _, tc := range exportCases {
		t.Run(tc.name, func(t *testing.T) {
			n := mustView(t, tc.events(t), tc.opt)
			var b bytes.Buffer
			if err := WriteCytoscape(&b, n); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(node, "-e", cytoscapeCount)
			cmd.Dir, cmd.Stdin = jsDir, &b
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("node: %v\n%s", err, out)
			}
			var got struct{ Nodes, Edges, Dangling, Weight, WagnerIn int }
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			weight := 0
			for _, e := range n.Edges() {
				weight += e.Count
			}
			if got.Nodes != len(n.Nodes()) || got.Edges != len(n.Edges()) || got.Dangling != 0 || got.Weight != weight {
				t.Errorf("Cytoscape.js saw %+v; the network has %d nodes, %d edges, %d targeted events", got, len(n.Nodes()), len(n.Edges()), weight)
			}
			if tc.name == "fixture" && got.WagnerIn != 2 {
				t.Errorf("Wagner \"PMC\" has in-degree %d in Cytoscape.js, want 2", got.WagnerIn)
			}
		})
	}
}

// TestDOTGraphvizSample feeds the clustered DOT of the sample corpus views
// to Graphviz: clusters on a real network once made dot fail to rank.
func TestDOTGraphvizSample(t *testing.T) {
	dot := requireTool(t, "dot")
	for _, tc := range exportCases[2:] {
		t.Run(tc.name, func(t *testing.T) {
			var in bytes.Buffer
			WriteDOT(&in, mustView(t, tc.events(t), tc.opt), DOTOptions{ClusterByCountry: true})
			cmd := exec.Command(dot, "-Tsvg", "-o", os.DevNull)
			cmd.Stdin = &in
			if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
				t.Fatalf("dot -Tsvg: %v\n%.2000s", err, out)
			}
		})
	}
}
