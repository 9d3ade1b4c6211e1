package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestHostileText renders events whose actor names, quotes, outlets and
// URLs carry script, go-echarts function markers and event handlers, then
// parses the pages as a browser would and checks that none of it became
// markup: the only scripts are ours, no element has an on* handler, no
// <img> exists, every href is http(s) or one of our pages, and the JSON in
// the data scripts parses back to the very strings we put in.
func TestHostileText(t *testing.T) {
	dir := MustWrite(t, MustHostile(t))
	for _, page := range MustPages(t, dir) {
		t.Run(page, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, page))
			if err != nil {
				t.Fatal(err)
			}
			// "javascript:" and "data:" URLs may appear, as text: the href
			// check below makes sure they never become links.
			for _, live := range []string{"<script>alert(1)", "<script>window.__pwned", "<img"} {
				if bytes.Contains(bytes.ToLower(b), []byte(strings.ToLower(live))) {
					t.Errorf("page contains %q unescaped", live)
				}
			}
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			var jsonText []string
			walk(doc, func(n *html.Node) {
				if n.Type != html.ElementNode {
					return
				}
				for _, a := range n.Attr {
					if strings.HasPrefix(strings.ToLower(a.Key), "on") {
						t.Errorf("<%s> has handler %s=%q", n.Data, a.Key, a.Val)
					}
					if a.Key == "href" && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") &&
						!ownPage.MatchString(a.Val) {
						t.Errorf("unexpected href %q", a.Val)
					}
				}
				switch n.Data {
				case "img", "iframe", "object", "embed":
					t.Errorf("page has an <%s> element", n.Data)
				case "script":
					src, typ := attr(n, "src"), attr(n, "type")
					switch {
					case typ == "application/json" && src == "":
						if n.FirstChild != nil {
							jsonText = append(jsonText, n.FirstChild.Data)
						}
					case typ == "" && (src == "echarts.min.js" || src == "report.js") && n.FirstChild == nil:
					default:
						t.Errorf("unexpected script: type=%q src=%q", typ, src)
					}
				}
			})
			if len(jsonText) == 0 {
				if strings.HasPrefix(page, "event-") {
					return // an event page draws no chart; its text was checked above
				}
				t.Fatal("no chart data found")
			}
			// The payload must survive as data: JSON.parse gives back the
			// strings, markers included, never code.
			found := map[string]bool{}
			for _, s := range jsonText {
				var v any
				if err := json.Unmarshal([]byte(s), &v); err != nil {
					t.Fatalf("chart data is not JSON: %v", err)
				}
				eachString(v, func(s string) {
					for _, p := range []string{xssScript, xssFunc, xssImg, canaryFunc} {
						if strings.Contains(s, p) {
							found[p] = true
						}
					}
				})
			}
			for _, p := range []string{xssScript, xssFunc, xssImg, canaryFunc} {
				if !found[p] {
					t.Errorf("payload %q is missing from the chart data: the test no longer exercises it", p)
				}
			}
		})
	}
}

// ownPage matches the links the report makes to its own files: pages by
// safe name, anchors within them, the stylesheet.
// The empty data: icon keeps browsers from asking for /favicon.ico.
var ownPage = regexp.MustCompile(`^(((index|network|(actor|country|event)-[A-Za-z0-9_-]+)\.html|report\.css)?(#[A-Za-z0-9_-]+)?|data:,)$`)

// MustPages lists the HTML pages in a written report.
func MustPages(tb testing.TB, dir string) []string {
	tb.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(m) < 4 {
		tb.Fatalf("pages in %s: %v %v", dir, m, err)
	}
	for i := range m {
		m[i] = filepath.Base(m[i])
	}
	return m
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func eachString(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		f(x)
	case []any:
		for _, e := range x {
			eachString(e, f)
		}
	case map[string]any:
		for k, e := range x {
			f(k)
			eachString(e, f)
		}
	}
}
