package eventfile

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eventgraph/eventgraph/internal/browsertest"
)

// timelineDist is the TimelineJS build from npm, installed by
// `npm ci --prefix graph/testdata/js`.
var timelineDist, _ = filepath.Abs(filepath.Join("..", "testdata", "js", "node_modules", "@knight-lab", "timelinejs", "dist"))

// timelinePage loads TimelineJS from the npm package and hands it the
// JSON. encoding/json escapes <, > and & in strings, so the JSON cannot
// close the script element it sits in.
const timelinePage = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="%s">
<script src="%s"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
window.tlErrors = [];
const data = %s;
// font: null, since TimelineJS otherwise fetches its font sheet from its CDN.
const tl = new TL.Timeline('timeline', data, {hash_bookmark: false, font: null});
tl.on('loaded', () => { window.tlLoaded = true; });
tl.on('dataloaderror', e => window.tlErrors.push(String(e.message || e)));
</script></body></html>`

// TestTimelineJSInChromium loads the TimelineJS JSON of the fixture and of
// the sample corpus into the real TimelineJS in headless Chromium (network
// off, fresh profile) and checks that it builds one slide per dated event
// plus the title, shows the escaped quotes, and runs no injected script.
func TestTimelineJSInChromium(t *testing.T) {
	if _, err := os.Stat(filepath.Join(timelineDist, "js", "timeline.js")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("TimelineJS is not installed; .ci/run runs npm ci --prefix graph/testdata/js: %v", err)
		}
		t.Skip("TimelineJS is not installed (npm ci --prefix graph/testdata/js)")
	}
	ctx, probs := mustBrowser(t)
	for _, name := range []string{"fixture", "sample"} {
		t.Run(name, func(t *testing.T) {
			events := MustFixture(t)
			if name == "sample" {
				events = MustSample(t)
			}
			var js bytes.Buffer
			if err := WriteTimelineJS(&js, events, "Test timeline"); err != nil {
				t.Fatal(err)
			}
			dated := 0
			for _, e := range events {
				if !e.Date.IsZero() {
					dated++
				}
			}
			page := filepath.Join(t.TempDir(), "timeline.html")
			html := fmt.Sprintf(timelinePage, browsertest.FileURL(filepath.Join(timelineDist, "css", "timeline.css")), browsertest.FileURL(filepath.Join(timelineDist, "js", "timeline.js")), js.String())
			if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.FileURL(page))); err != nil {
				t.Fatal(err)
			}
			wait, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			if _, err := chromedp.Run(wait, browsertest.Retried(chromedp.Poll[bool](`window.tlLoaded === true`))); err != nil {
				t.Fatalf("TimelineJS did not load the timeline: %v (problems: %v)", err, probs.Take())
			}
			type pageState struct {
				Slides, Markers int
				Text            string
				Errors          []string
				Pwned           bool
			}
			st, err := chromedp.Run(ctx, browsertest.Retried(chromedp.Evaluate[pageState](`({
				Slides: document.querySelectorAll('.tl-slide').length,
				Markers: document.querySelectorAll('.tl-timemarker').length,
				Text: Array.from(document.querySelectorAll('.tl-slide .tl-text')).map(e => e.textContent).join('\n'),
				Errors: window.tlErrors,
				Pwned: !!window.__pwned,
			})`)))
			if err != nil {
				t.Fatal(err)
			}
			if st.Slides != dated+1 || st.Markers != dated {
				t.Errorf("TimelineJS shows %d slides and %d markers, want %d slides (title and %d events) and %d markers", st.Slides, st.Markers, dated+1, dated, dated)
			}
			if len(st.Errors) > 0 || st.Pwned {
				t.Errorf("TimelineJS errors %v, injected script ran: %v", st.Errors, st.Pwned)
			}
			if name == "fixture" {
				for _, want := range []string{"The Kremlin rebuffed criticism", `"<script>window.__pwned=1</script>"`, "Kremlin → Donald Trump"} {
					if !strings.Contains(st.Text, want) {
						t.Errorf("slides do not show %q", want)
					}
				}
			}
			for _, p := range probs.Take() {
				t.Errorf("page problem: %s", p)
			}
		})
	}
}

// mustBrowser starts headless Chromium with no network at all, loopback
// included, and collects script errors and requests for anything but the
// page's own files and data: URLs.
func mustBrowser(t *testing.T) (context.Context, *browsertest.Problems) {
	t.Helper()
	ctx := browsertest.MustStart(t, browsertest.NoLoopback)
	return ctx, browsertest.MustListen(t, ctx, func(u string) bool {
		return strings.HasPrefix(u, "file://") || strings.HasPrefix(u, "data:")
	})
}
