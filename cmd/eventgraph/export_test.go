package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// MustSampleDB ingests the sample corpus into a fresh database file.
func MustSampleDB(tb testing.TB) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "eg.db")
	if _, stderr, code := MustRun(tb, "", "ingest", "--db", db, samples); code != 0 {
		tb.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	return db
}

// TestExportEveryFormat exports the sample corpus in every format and
// view, twice, and hands each file to the tool that reads it.
func TestExportEveryFormat(t *testing.T) {
	db := MustSampleDB(t)
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, out []byte)
	}{
		{"dot", []string{"--format", "dot", "--clusters"}, checkGraphviz},
		{"graphml", []string{"--format", "graphml"}, checkXML},
		{"gexf", []string{"--format", "gexf"}, checkXML},
		{"gexf by country", []string{"--format", "gexf", "--group-by", "country"}, checkXML},
		{"graphml around Kremlin", []string{"--format", "graphml", "--around", "Kremlin", "--depth", "2"}, checkXML},
		{"cytoscape by code", []string{"--format", "cytoscape", "--group-by", "code"}, func(t *testing.T, out []byte) {
			var doc struct {
				Elements struct {
					Nodes, Edges []struct{ Data map[string]any }
				}
			}
			if err := json.Unmarshal(out, &doc); err != nil || len(doc.Elements.Nodes) == 0 {
				t.Fatalf("not Cytoscape.js JSON with nodes: %v", err)
			}
			if id, _ := doc.Elements.Nodes[0].Data["id"].(string); !strings.HasPrefix(id, "code:") && !strings.HasPrefix(id, "a-") {
				t.Errorf("first node id %q", id)
			}
		}},
		{"timelinejs", []string{"--format", "timelinejs"}, func(t *testing.T, out []byte) {
			var doc struct{ Events []map[string]any }
			if err := json.Unmarshal(out, &doc); err != nil || len(doc.Events) == 0 {
				t.Fatalf("not a TimelineJS timeline with events: %v", err)
			}
		}},
		{"csv gdelt", []string{"--format", "csv"}, func(t *testing.T, out []byte) {
			if !bytes.HasPrefix(out, []byte("GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,")) {
				t.Errorf("GDELT header: %.100s", out)
			}
		}},
		{"csv acled", []string{"--format", "csv", "--csv-style", "acled", "--root", "19"}, func(t *testing.T, out []byte) {
			if !bytes.HasPrefix(out, []byte("event_id_cnty,event_date,year,time_precision,")) || !bytes.Contains(out, []byte("Political violence")) {
				t.Errorf("ACLED output: %.300s", out)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", "--db", db}, tt.args...)
			first, stderr, code := MustRun(t, "", args...)
			if code != 0 || first == "" {
				t.Fatalf("exit %d, %d bytes\n%s", code, len(first), stderr)
			}
			if again, _, _ := MustRun(t, "", args...); again != first {
				t.Fatal("two runs gave different output")
			}
			file := filepath.Join(t.TempDir(), "out")
			_, stderr, code = MustRun(t, "", append(args, "-o", file)...)
			written, err := os.ReadFile(file)
			if code != 0 || err != nil || string(written) != first || !strings.Contains(stderr, "wrote "+file) {
				t.Fatalf("-o: exit %d, %v, same bytes %v, stderr %q", code, err, string(written) == first, stderr)
			}
			tt.check(t, written)
		})
	}
}

func checkGraphviz(t *testing.T, out []byte) {
	t.Helper()
	cmd := exec.Command(requireTool(t, "dot"), "-Tsvg", "-o", os.DevNull)
	cmd.Stdin = bytes.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Fatalf("dot -Tsvg: %v\n%.2000s", err, msg)
	}
}

func checkXML(t *testing.T, out []byte) {
	t.Helper()
	cmd := exec.Command(requireTool(t, "xmllint"), "--noout", "-")
	cmd.Stdin = bytes.NewReader(out)
	if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
		t.Fatalf("xmllint --noout: %v\n%.2000s", err, msg)
	}
}

func TestExportUsageErrors(t *testing.T) {
	db := MustSampleDB(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"--format", "xlsx"}, "--format"},
		{"unknown grouping", []string{"--group-by", "continent"}, "--group-by"},
		{"csv style without csv", []string{"--format", "dot", "--csv-style", "acled"}, "--csv-style"},
		{"unknown csv style", []string{"--format", "csv", "--csv-style", "icews"}, "--csv-style"},
		{"clusters without dot", []string{"--format", "gexf", "--clusters"}, "--clusters"},
		{"depth without around", []string{"--depth", "2"}, "--around"},
		{"negative depth", []string{"--around", "Kremlin", "--depth", "-1"}, "--depth"},
		{"unknown actor", []string{"--around", "Atlantis"}, "unknown actor"},
		{"betweenness sources below -1", []string{"--betweenness-sources", "-2"}, "--betweenness-sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := MustRun(t, "", append([]string{"export", "--db", db}, tt.args...)...)
			if code != exitFatal || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 1 mentioning %q", code, stderr, tt.want)
			}
		})
	}
}

// TestExportBetweennessSources checks that a sampled betweenness is said to
// be an estimate in the export, and that the default on a small network is
// exact and says nothing.
func TestExportBetweennessSources(t *testing.T) {
	db := MustSampleDB(t)
	sampled, _, code := MustRun(t, "", "export", "--db", db, "--format", "graphml", "--betweenness-sources", "2")
	if code != 0 || !strings.Contains(sampled, "approximate: estimated from the shortest paths out of a seeded random sample of 2 of the") {
		t.Errorf("--betweenness-sources 2: exit %d, graphml does not say the betweenness is a sample of 2 actors", code)
	}
	exact, _, code := MustRun(t, "", "export", "--db", db, "--format", "graphml")
	if code != 0 || strings.Contains(exact, "approximate") {
		t.Errorf("default: exit %d, graphml calls an exact betweenness approximate", code)
	}
	actors, stderr, code := MustRun(t, "", "actors", "--db", db, "--betweenness-sources", "-7")
	if code != exitFatal || !strings.Contains(stderr, "--betweenness-sources") || actors != "" {
		t.Errorf("actors --betweenness-sources -7: exit %d, stderr %q; want a usage error", code, stderr)
	}
}
