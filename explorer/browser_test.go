package explorer_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eventgraph/eventgraph/internal/browsertest"
)

// MustBrowser starts headless Chromium with the network cut off except
// for loopback, where the explorer under test listens, and collects the
// problems of its pages: a request to anything but the explorer is one.
func MustBrowser(t *testing.T, base string) (context.Context, *browsertest.Problems) {
	t.Helper()
	ctx := browsertest.MustStart(t)
	return ctx, browsertest.MustListen(t, ctx, func(u string) bool { return strings.HasPrefix(u, base+"/") })
}

// mustDo runs steps with a timeout, failing the test on error.
func mustDo(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(wait, steps...); err != nil {
		t.Fatal(err)
	}
}

// mustEval evaluates js and returns its value.
func mustEval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// poll waits for js to be true.
func poll(js string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](js)(ctx, tg)
		return chromedp.Void{}, err
	}
}

// drawn waits until every chart on the page has drawn.
const drawn = `document.querySelectorAll('.chart:not([data-drawn])').length === 0`

func evalInt(t *testing.T, ctx context.Context, js string) int {
	t.Helper()
	return mustEval[int](t, ctx, js)
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	db, _ := MustDB(t)
	base := MustServe(t, db)
	ctx, probs := MustBrowser(t, base)

	t.Run("every page loads clean", func(t *testing.T) {
		for _, page := range []string{"/", "/network.html", "/explore.html", "/country-RUS.html",
			"/actor-" + putin.ID + ".html", "/?actor=RUS,TUR&between=1&from=2018&to=2020&q=Idlib"} {
			// A page's scripts may create their charts after the body is
			// ready (explore.html does, once its data has come): wait for
			// a canvas as well as for every chart to have drawn.
			ready := drawn
			if page != "/" {
				ready = `document.querySelectorAll('.chart canvas').length > 0 && ` + drawn
			}
			wait, cancel := context.WithTimeout(ctx, 30*time.Second)
			err := chromedp.Do(wait, chromedp.Navigate(base+page), chromedp.WaitReady("body"), poll(ready))
			cancel()
			if err != nil {
				t.Errorf("%s: charts not drawn: %v", page, err)
			}
			if n := evalInt(t, ctx, `document.querySelectorAll('.chart canvas').length`); n == 0 && page != "/" {
				t.Errorf("%s: no chart drawn", page)
			}
			for _, p := range probs.Take() {
				t.Errorf("%s: %s", page, p)
			}
		}
		ev := mustEval[string](t, ctx, `document.querySelector('a.more').getAttribute('href')`)
		mustDo(t, ctx, chromedp.Navigate(base+"/"+ev), chromedp.WaitVisible(".subject-name"))
		for _, p := range probs.Take() {
			t.Errorf("event page: %s", p)
		}
	})

	t.Run("changing a filter changes the event count", func(t *testing.T) {
		mustDo(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible("#filters"))
		all := evalInt(t, ctx, `+document.getElementById('event-count').textContent`)
		mustDo(t, ctx, chromedp.SetValue(`#filters input[name=actor]`, "USA"),
			chromedp.Submit(`#filters input[name=actor]`), chromedp.Sleep(time.Second), chromedp.WaitReady("#event-count"),
			poll(`location.search.indexOf('actor=USA') >= 0 && !!document.getElementById('event-count')`))
		if got := evalInt(t, ctx, `+document.getElementById('event-count').textContent`); got >= all || got == 0 {
			t.Errorf("event count %d after filtering, %d before", got, all)
		}
	})

	t.Run("clicking a node opens that actor", func(t *testing.T) {
		mustDo(t, ctx, chromedp.Navigate(base+"/network.html?from=2020&to=2020"), poll(drawn))
		pos := mustEval[[]float64](t, ctx, `(() => { const c = window.eventgraphCharts[0], n = c.eventgraphView.nodes[0];
			const p = c.convertToPixel({seriesIndex: 0}, [n.x, n.y]), r = c.getDom().getBoundingClientRect();
			window.scrollTo(0, 0); return [p[0] + r.left, p[1] + r.top]; })()`)
		name := mustEval[string](t, ctx, `window.eventgraphCharts[0].eventgraphView.nodes[0].name`)
		mustDo(t, ctx, chromedp.MouseClickXY(pos[0], pos[1]), chromedp.WaitVisible(".subject-name"))
		title, err := chromedp.Run(ctx, chromedp.Text(".subject-name"))
		if err != nil {
			t.Fatal(err)
		}
		search := mustEval[string](t, ctx, `location.search`)
		if !strings.Contains(title, name) || !strings.Contains(search, "from=2020") {
			t.Errorf("opened %q (%s), want the page of %q with the filters kept", title, search, name)
		}
	})

	t.Run("brushing the timeline changes the network", func(t *testing.T) {
		mustDo(t, ctx, chromedp.Navigate(base+"/explore.html"), poll(`!!document.querySelector('#x-network[data-nodes]') && !!document.querySelector('#x-timeline[data-events]')`))
		before := evalInt(t, ctx, `+document.getElementById('x-network').getAttribute('data-nodes')`)
		// A real drag across the first months of 2020 on the timeline.
		xs := mustEval[[]float64](t, ctx, `(() => { const c = window.eventgraphCharts[0], r = c.getDom().getBoundingClientRect();
			window.scrollTo(0, 0);
			const a = c.convertToPixel({xAxisIndex: 0}, Date.UTC(2020, 0, 1)), b = c.convertToPixel({xAxisIndex: 0}, Date.UTC(2020, 11, 31));
			return [a + r.left, b + r.left, r.top + r.height / 2]; })()`)
		mustDo(t, ctx, chromedp.MouseEvent(chromedp.MousePressed, xs[0], xs[2], chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseMoved, (xs[0]+xs[1])/2, xs[2], chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseMoved, xs[1], xs[2], chromedp.ButtonLeft),
			chromedp.MouseEvent(chromedp.MouseReleased, xs[1], xs[2], chromedp.ButtonLeft),
			poll(`document.getElementById('x-range').textContent.indexOf('2020') >= 0 && !!document.querySelector('#x-network[data-nodes]')`))
		after := evalInt(t, ctx, `+document.getElementById('x-network').getAttribute('data-nodes')`)
		if after == 0 || after >= before {
			t.Errorf("network has %d nodes after brushing 2020, %d before", after, before)
		}
		// And the other way: a node click narrows the timeline.
		all := evalInt(t, ctx, `+document.getElementById('x-timeline').getAttribute('data-events')`)
		mustEval[bool](t, ctx, `(() => { window.eventgraphCharts[1].trigger('click', {dataType: 'node', dataIndex: 0}); return true; })()`)
		mustDo(t, ctx, poll(`document.getElementById('x-actor-status').textContent !== '' && !!document.querySelector('#x-timeline[data-events]')`))
		if n := evalInt(t, ctx, `+document.getElementById('x-timeline').getAttribute('data-events')`); n == 0 || n >= all {
			t.Errorf("timeline has %d events after clicking an actor, %d before", n, all)
		}
		for _, p := range probs.Take() {
			t.Errorf("explore: %s", p)
		}
	})
}
