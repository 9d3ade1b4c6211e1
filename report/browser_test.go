package report

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eventgraph/eventgraph/internal/browsertest"
	"github.com/eventgraph/eventgraph/model"
)

// MustBrowser starts headless Chromium with no network at all, loopback
// included (the pages are files), and collects the problems of every
// page: anything but a file:// request is one.
func MustBrowser(t *testing.T) (context.Context, *browsertest.Problems) {
	t.Helper()
	ctx := browsertest.MustStart(t, browsertest.NoLoopback)
	return ctx, browsertest.MustListen(t, ctx, func(u string) bool { return strings.HasPrefix(u, "file://") })
}

// chartCheck is what the page reports about one chart element.
type chartCheck struct {
	ID     string `json:"id"`
	Width  int    `json:"w"`
	Height int    `json:"h"`
	Ink    int    `json:"ink"` // pixels that are neither transparent nor near-white
	URLLen int    `json:"urlLen"`
}

const chartsJS = `Array.from(document.querySelectorAll('.chart')).map(el => {
  const c = el.querySelector('canvas');
  if (!c) return {id: el.id, w: 0, h: 0, ink: 0, urlLen: 0};
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i+3] > 0 && (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235)) ink++;
  }
  return {id: el.id, w: c.width, h: c.height, ink: ink, urlLen: c.toDataURL().length};
})`

// tooltipJS opens a tooltip on the first data item of every series kind and
// returns the tooltip text, so that the escaping formatters run.
const tooltipJS = `(() => {
  const out = [];
  (window.eventgraphCharts || []).forEach(ch => {
    const el = ch.getDom();
    (ch.getOption().series || []).forEach((s, i) => {
      const n = (s.data || []).length;
      if (!n) return;
      ch.dispatchAction({type: 'showTip', seriesIndex: i, dataIndex: 0});
      if (s.type === 'graph' && (s.links || []).length) {
        ch.dispatchAction({type: 'showTip', seriesIndex: i, dataIndex: 0, dataType: 'edge'});
      }
      const tt = el.querySelector('.tt');
      out.push(tt ? tt.textContent : '');
      if (el.querySelector('img, script')) out.push('LIVE-ELEMENT-IN-TOOLTIP');
    });
  });
  return out;
})()`

func checkPage(t *testing.T, ctx context.Context, probs *browsertest.Problems, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(browsertest.FileURL(path))); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// Event pages draw no chart; every other page must draw all of its own.
	want := "> 0"
	if strings.HasPrefix(filepath.Base(path), "event-") {
		want = "=== 0"
	}
	if _, err := chromedp.Run(wait, browsertest.Retried(chromedp.Poll[bool](
		`document.readyState === 'complete' && document.querySelectorAll('.chart').length `+want+` && document.querySelectorAll('.chart:not([data-drawn])').length === 0`))); err != nil {
		t.Fatalf("%s: charts not drawn: %v (problems: %v)", filepath.Base(path), err, probs.Take())
	}
	checks, err := chromedp.Run(ctx, browsertest.Retried(chromedp.Evaluate[[]chartCheck](chartsJS)))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		if c.Width == 0 || c.Height == 0 || c.Ink < 500 || c.URLLen < 2000 {
			t.Errorf("%s: chart #%s looks blank: %+v", filepath.Base(path), c.ID, c)
		}
	}
	tips, err := chromedp.Run(ctx, browsertest.Retried(chromedp.Evaluate[[]string](tooltipJS)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tip := range tips {
		if strings.TrimSpace(tip) == "" || tip == "LIVE-ELEMENT-IN-TOOLTIP" {
			t.Errorf("%s: bad tooltip %q", filepath.Base(path), tip)
		}
	}
	if pwned, _ := chromedp.Run(ctx, browsertest.Retried(chromedp.Evaluate[bool](`!!window.__pwned`))); pwned {
		t.Errorf("%s: injected script ran (window.__pwned set)", filepath.Base(path))
	}
	for _, p := range probs.Take() {
		t.Errorf("%s: %s", filepath.Base(path), p)
	}
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, probs := MustBrowser(t)
	cases := []struct {
		name   string
		events func(testing.TB) []model.Event
	}{
		{"fixture", MustFixture},
		{"hostile", MustHostile},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := MustWrite(t, tc.events(t))
			for _, page := range MustPages(t, dir) {
				checkPage(t, ctx, probs, filepath.Join(dir, page))
			}
		})
	}
}

// Clicking an actor on the network opens its page, from file:// too.
func TestBrowserNodeClick(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx, probs := MustBrowser(t)
	dir := MustWrite(t, MustFixture(t))
	checkPage(t, ctx, probs, filepath.Join(dir, "network.html"))
	pos, err := chromedp.Run(ctx, browsertest.Retried(chromedp.Evaluate[[]float64](`(() => {
		const c = window.eventgraphCharts[0], n = c.eventgraphView.nodes[0];
		const p = c.convertToPixel({seriesIndex: 0}, [n.x, n.y]), r = c.getDom().getBoundingClientRect();
		return [p[0] + r.left, p[1] + r.top]; })()`)))
	if err != nil {
		t.Fatal(err)
	}
	name, _ := chromedp.Run(ctx, browsertest.Retried(chromedp.Evaluate[string](`window.eventgraphCharts[0].eventgraphView.nodes[0].name`)))
	wait, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(wait, chromedp.MouseClickXY(pos[0], pos[1]), chromedp.WaitVisible(".subject-name")); err != nil {
		t.Fatalf("clicking %s: %v", name, err)
	}
	title, _ := chromedp.Run(ctx, chromedp.Text(".subject-name"))
	if !strings.Contains(title, name) {
		t.Errorf("opened %q, want the page of %q", title, name)
	}
	for _, p := range probs.Take() {
		t.Error(p)
	}
}
