package graph

import (
	"bytes"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// MustDOT returns the DOT of the network or fails the test.
func MustDOT(tb testing.TB, n *Network, opt DOTOptions) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := WriteDOT(&b, n, opt); err != nil {
		tb.Fatalf("WriteDOT: %v", err)
	}
	return b.Bytes()
}

var dotCases = []struct {
	name   string
	events func(testing.TB) []model.Event
	opt    DOTOptions
}{
	{"empty", func(testing.TB) []model.Event { return nil }, DOTOptions{}},
	{"sample", sampleEvents, DOTOptions{}},
	{"clusters", sampleEvents, DOTOptions{Title: `Ukraine war, "phase 1" & after \ 2022`, RankDir: "TB", ClusterByCountry: true}},
}

func TestWriteDOTGolden(t *testing.T) {
	for _, tt := range dotCases {
		t.Run(tt.name, func(t *testing.T) {
			got := MustDOT(t, MustBuild(t, tt.events(t)), tt.opt)
			if err := checkDOTStrings(got); err != nil {
				t.Errorf("output is not well quoted: %v", err)
			}
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./graph -run TestWriteDOTGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("DOT differs from %s (rerun with -update if the change is intended):\n%s", path, got)
			}
		})
	}
}

// TestWriteDOTStable builds the network from shuffled events many times and
// checks that the DOT is byte-identical every time.
func TestWriteDOTStable(t *testing.T) {
	events := sampleEvents(t)
	for _, opt := range []DOTOptions{{}, {ClusterByCountry: true}} {
		want := MustDOT(t, MustBuild(t, events), opt)
		for range 50 {
			shuffled := slices.Clone(events)
			rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := MustDOT(t, MustBuild(t, shuffled), opt); !bytes.Equal(got, want) {
				t.Fatalf("DOT depends on event order:\n%s\nversus\n%s", got, want)
			}
		}
	}
}

func TestWriteDOTErrors(t *testing.T) {
	n := MustBuild(t, sampleEvents(t))
	tests := []struct {
		name string
		w    *failWriter
		opt  DOTOptions
		want error
	}{
		{"bad rankdir", &failWriter{}, DOTOptions{RankDir: "sideways"}, ErrBadOption},
		{"lower-case rankdir", &failWriter{}, DOTOptions{RankDir: "lr"}, ErrBadOption},
		{"write error", &failWriter{err: errDisk}, DOTOptions{}, errDisk},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := WriteDOT(tt.w, n, tt.opt); !errors.Is(err, tt.want) {
				t.Fatalf("WriteDOT error = %v, want %v", err, tt.want)
			}
		})
	}
}

var errDisk = errors.New("disk full")

type failWriter struct{ err error }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	return len(p), nil
}

func TestWriteDOTNil(t *testing.T) {
	got := MustDOT(t, nil, DOTOptions{})
	want := MustDOT(t, MustBuild(t, nil), DOTOptions{})
	if !bytes.Equal(got, want) {
		t.Errorf("nil network:\n%s\nwant the empty graph:\n%s", got, want)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ name, in, want, wantText string }{
		{"plain", "Russia", `"Russia"`, `"Russia"`},
		{"quotes", `Wagner "PMC"`, `"Wagner \"PMC\""`, `"Wagner \"PMC\""`},
		{"backslash", `O'Brien \ Co`, `"O'Brien \\ Co"`, `"O'Brien \\ Co"`},
		{"trailing backslash", `C:\`, `"C:\\"`, `"C:\\"`},
		{"escape sequences stay literal", `\N \G \l`, `"\\N \\G \\l"`, `"\\N \\G \\l"`},
		{"newline", "a\nb", `"a\nb"`, `"a\nb"`},
		{"controls", "a\r\tb\x00c\x7f", `"a  b c "`, `"a  b c "`},
		{"invalid utf-8", "a\xffb", "\"a\uFFFDb\"", "\"a\uFFFDb\""},
		{"entity", "AT&amp;T", `"AT&amp;T"`, `"AT&amp;amp;T"`},
		{"html-like", "<b>x</b>", `"<b>x</b>"`, `"<b>x</b>"`},
		{"comment-like", "*/ // #", `"*/ // #"`, `"*/ // #"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quote(tt.in); got != tt.want {
				t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if got := quoteText(tt.in); got != tt.wantText {
				t.Errorf("quoteText(%q) = %s, want %s", tt.in, got, tt.wantText)
			}
		})
	}
}

// TestWriteDOTGraphviz feeds the DOT to the real Graphviz. Without dot on
// PATH it skips, except in CI (CI set), which installs Graphviz.
func TestWriteDOTGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Graphviz dot is not on PATH in CI: %v", err)
		}
		t.Skip("Graphviz dot is not on PATH; install graphviz to run this test")
	}
	for _, tt := range dotCases {
		t.Run(tt.name, func(t *testing.T) {
			in := MustDOT(t, MustBuild(t, tt.events(t)), tt.opt)
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("dot -Tsvg: %v\n%s\ninput:\n%s", err, stderr.String(), in)
			}
			if stderr.Len() > 0 {
				t.Errorf("dot -Tsvg warned:\n%s", stderr.String())
			}
			if tt.name == "empty" {
				return
			}
			svg := stdout.String()
			for _, want := range [][]string{
				{`Wagner &quot;PMC&quot;`, `Wagner &#34;PMC&#34;`, `>Wagner "PMC"<`},
				{`O&#39;Brien \ Co`, `O'Brien \ Co`, `O&apos;Brien \ Co`},
			} {
				if !containsAny(svg, want) {
					t.Errorf("SVG lacks the escaped label %s:\n%s", want[0], svg)
				}
			}
			if tt.opt.Title != "" && !containsAny(svg, []string{`&quot;phase 1&quot; &amp; after \ 2022`}) {
				t.Errorf("SVG lacks the title %q:\n%s", tt.opt.Title, svg)
			}
		})
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
