package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"go.yaml.in/yaml/v3"

	"github.com/eventgraph/eventgraph/internal/browsertest"
	"github.com/eventgraph/eventgraph/model"
)

const xssCorpus = "../../testdata/xss"

// canaryJS runs before any script of every document and frame: a payload
// that gets to run calls __xss(N), which records N where the test reads it,
// also from inside a frame.
const canaryJS = `window.__xss = function (n) {
  var w = window;
  try { while (w.parent && w.parent !== w) { w = w.parent; } } catch (e) {}
  (w.__xssHits = w.__xssHits || []).push(String(n));
};`

// inspectJS reports, after the page has loaded, every sign of a payload
// that became markup or code rather than text: canary hits, event-handler
// attributes and scripts carrying a payload, dangerous URLs in attributes,
// links to anything but http(s) or the page's own origin, and a page that
// navigated away.
const inspectJS = `(() => {
  const out = {hits: window.__xssHits || [], live: [], links: [], location: location.href};
  const bad = /__xss|alert\(/;
  const scheme = /^\s*(javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll('*')) {
    for (const a of Array.from(el.attributes)) {
      const n = a.name.toLowerCase();
      if ((n.startsWith('on') && bad.test(a.value)) ||
          (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'style', 'content'].includes(n) &&
           bad.test(a.value) && (scheme.test(a.value) || n === 'srcdoc' || n === 'style' || n === 'content'))) {
        out.live.push(el.tagName + ' ' + a.name + '=' + a.value.slice(0, 80));
      }
    }
    if (el.tagName === 'SCRIPT' && !/json/i.test(el.type) && bad.test(el.textContent + (el.src || ''))) {
      out.live.push('SCRIPT ' + el.textContent.slice(0, 80));
    }
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const own = a.protocol === location.protocol && a.host === location.host;
    if (!own && a.protocol !== 'http:' && a.protocol !== 'https:') {
      out.links.push(a.getAttribute('href').slice(0, 120));
    }
  }
  return out;
})()`

type inspection struct {
	Hits     []string `json:"hits"`
	Live     []string `json:"live"`
	Links    []string `json:"links"`
	Location string   `json:"location"`
}

// MustPayloads reads testdata/xss/payloads.txt.
func MustPayloads(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(xssCorpus, "payloads.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "# ") {
			out = append(out, l)
		}
	}
	if len(out) < 50 {
		tb.Fatalf("%d payloads, want at least 50", len(out))
	}
	return out
}

// alias is the plain name under which payload actor i appears in text; its
// canonical name, the one every page shows, is the payload.
func alias(i int) string {
	return fmt.Sprintf("Kataib Zaq%c%c", 'a'+i/26, 'a'+i%26)
}

// MustHostileInput writes the ingest folder (the hand-made files of
// testdata/xss and a JSON lines file with every payload in every field) and
// the actors file that names actors with the payloads.
func MustHostileInput(tb testing.TB, payloads []string) (in, actors string) {
	tb.Helper()
	dir := tb.TempDir()
	in = filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, name := range []string{"page.html", "feed.rss", "story.txt"} {
		b, err := os.ReadFile(filepath.Join(xssCorpus, name))
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	type group struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
		Country string   `yaml:"country"`
		Role    string   `yaml:"role"`
	}
	var groups []group
	var lines strings.Builder
	for i, p := range payloads {
		groups = append(groups, group{Name: p, Aliases: []string{alias(i)}, Country: "SYR", Role: "REB"})
		// Source URLs: the payload itself, and javascript:, data: and an
		// http URL that tries to break out of its attribute.
		urls := []string{p, "javascript:__xss(" + fmt.Sprint(i+1) + ")",
			"data:text/html,<script>__xss(" + fmt.Sprint(i+1) + ")</script>",
			`https://example.org/a?q="><script>__xss(` + fmt.Sprint(i+1) + `)</script>`}
		body := fmt.Sprintf("%s attacked Turkish troops near Idlib, the group said, calling it \"%s\".\n\n"+
			"Turkey condemned %s for the attack, which it said was \"%s\".", alias(i), p, alias(i), p)
		obj := map[string]string{
			"title": p, "source": p, "url": urls[i%len(urls)], "content": body,
			// A day of its own per payload: the store merges reports of one
			// day's attack by SYR REB on TUR MIL into one event.
			"published_at": time.Date(2019, 6, 3+i, 10, 0, 0, 0, time.UTC).Format(time.RFC3339),
		}
		b, err := json.Marshal(obj)
		if err != nil {
			tb.Fatal(err)
		}
		lines.Write(b)
		lines.WriteByte('\n')
	}
	for _, name := range []string{"Hostilepage", "Hostilefeed", "Hostiletext"} {
		groups = append(groups, group{Name: fmt.Sprintf(`<img src=x onerror=__xss("%s")>`, name), Aliases: []string{"Kataib " + name}, Country: "SYR", Role: "REB"})
	}
	if err := os.WriteFile(filepath.Join(in, "payloads.jsonl"), []byte(lines.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	y, err := yaml.Marshal(map[string]any{"groups": groups})
	if err != nil {
		tb.Fatal(err)
	}
	actors = filepath.Join(dir, "actors.yaml")
	if err := os.WriteFile(actors, y, 0o644); err != nil {
		tb.Fatal(err)
	}
	return in, actors
}

// MustCanaryBrowser starts headless Chromium with a fresh profile and no
// network (loopback is left for the served pages), installs the canary in
// every new document, and records and dismisses every JavaScript dialog:
// the test reads the [browsertest.Dialog] problems.
func MustCanaryBrowser(tb testing.TB) (context.Context, *browsertest.Problems) {
	tb.Helper()
	ctx := browsertest.MustStart(tb)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: canaryJS})
		return err
	}))
	if err != nil {
		tb.Fatalf("install the canary: %v", err)
	}
	// Payload links may point anywhere; they are checked in the page.
	return ctx, browsertest.MustListen(tb, ctx, func(string) bool { return true })
}

// checkNoXSS loads one page and fails the test for every payload that ran
// or became live markup, and for every link to another scheme than http(s).
func checkNoXSS(t *testing.T, ctx context.Context, probs *browsertest.Problems, pageURL string) {
	t.Helper()
	wait, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(wait, chromedp.Navigate(pageURL)); err != nil {
		t.Fatalf("open %s: %v", pageURL, err)
	}
	if _, err := chromedp.Run(wait, browsertest.Retried(chromedp.Poll[bool](`document.readyState === 'complete'`))); err != nil {
		t.Fatalf("%s: not loaded: %v", pageURL, err)
	}
	// Handlers such as onerror, onload, autofocus and SVG animation fire
	// just after the load; give them the time to.
	time.Sleep(300 * time.Millisecond)
	got, err := chromedp.Run(wait, browsertest.Retried(chromedp.Evaluate[inspection](inspectJS)))
	if err != nil {
		t.Fatalf("%s: %v", pageURL, err)
	}
	name := pageURL[strings.LastIndex(pageURL, "/")+1:]
	if len(got.Hits) > 0 {
		t.Errorf("%s: payloads ran: %v", name, got.Hits)
	}
	if d := probs.Take(browsertest.Dialog); len(d) > 0 {
		t.Errorf("%s: dialogs opened: %v", name, d)
	}
	for _, l := range got.Live {
		t.Errorf("%s: payload is live markup: %s", name, l)
	}
	for _, l := range got.Links {
		t.Errorf("%s: link to a source that is not http(s): %s", name, l)
	}
	if strings.TrimSuffix(got.Location, "#") != pageURL {
		t.Errorf("%s: the page navigated to %s", name, got.Location)
	}
}

// TestXSSPayloads ingests every payload through the command, in every
// field that reaches a page, and loads the offline report and the served
// pages in Chromium: none may run.
func TestXSSPayloads(t *testing.T) {
	if testing.Short() {
		t.Skip("drives Chromium")
	}
	payloads := MustPayloads(t)
	in, actors := MustHostileInput(t, payloads)
	dir := t.TempDir()
	db, out := filepath.Join(dir, "eg.db"), filepath.Join(dir, "out")
	if _, stderr, code := MustRun(t, "", "ingest", "--db", db, "--actors", actors, in); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	// The payloads must reach the pages: as actor names, quotes, outlets.
	events := MustEvents(t, db)
	all, _ := json.Marshal(events)
	named, missing := 0, 0
	payloadActors := map[string]bool{}
	for _, e := range events {
		for _, a := range []string{e.Source.Name, targetName(e.Target)} {
			if strings.Contains(a, "__xss") || strings.Contains(a, "alert(") {
				payloadActors[a] = true
			}
		}
	}
	named = len(payloadActors)
	for _, p := range payloads {
		want, _ := json.Marshal(p)
		if !strings.Contains(string(all), strings.Trim(string(want), `"`)) {
			missing++
			t.Logf("payload not stored in any event: %s", p)
		}
	}
	if named < len(payloads)/2 || missing > 0 {
		t.Errorf("%d payload actors in events, %d payloads stored nowhere; the corpus does not reach the pages", named, missing)
	}
	if _, stderr, code := MustRun(t, "", "report", "--db", db, "-o", out); code != 0 {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}

	ctx, probs := MustCanaryBrowser(t)
	t.Run("report", func(t *testing.T) {
		pages, _ := filepath.Glob(filepath.Join(out, "*.html"))
		if len(pages) < 10 {
			t.Fatalf("report wrote %d pages", len(pages))
		}
		for _, p := range pages {
			checkNoXSS(t, ctx, probs, browsertest.FileURL(p))
		}
	})
	t.Run("serve", func(t *testing.T) {
		base := MustServeProcess(t, db)
		paths := []string{"/", "/network.html", "/explore.html", "/api/events", "/api/actors", "/?q=xss", "/?actor=SYR"}
		// The pages of a few payload actors and events, as the server
		// renders them.
		pages, _ := filepath.Glob(filepath.Join(out, "actor-*.html"))
		events, _ := filepath.Glob(filepath.Join(out, "event-*.html"))
		for i, p := range append(pages, events...) {
			if i%4 == 0 {
				paths = append(paths, "/"+filepath.Base(p))
			}
		}
		for _, p := range paths {
			checkNoXSS(t, ctx, probs, base+p)
		}
	})
}

func targetName(a *model.Actor) string {
	if a == nil {
		return ""
	}
	return a.Name
}

// MustServeProcess starts `eventgraph serve` on a free loopback port as its
// own process and returns its base URL; the process is stopped when the
// test ends.
func MustServeProcess(tb testing.TB, db string, args ...string) string {
	tb.Helper()
	cmd := exec.Command(MustBinary(tb), append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
		for sc.Scan() {
			if a := addr.FindString(sc.Text()); a != "" {
				found <- a
				break
			}
		}
		for sc.Scan() { // keep the pipe drained
		}
	}()
	select {
	case base := <-found:
		return base
	case <-time.After(30 * time.Second):
		tb.Fatalf("serve printed no address; stderr:\n%s", stderr.String())
	}
	return ""
}

// lockedBuffer collects a process's output while the test may read it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
