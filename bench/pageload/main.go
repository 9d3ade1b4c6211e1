// Command pageload measures how long report pages take to open in
// headless Chromium: from the start of navigation until the load event
// has fired and every chart on the page has drawn (report.js marks each
// chart element data-drawn="true" when ECharts finishes). It prints, per
// page, the bytes of the HTML, the median and worst of -runs loads, each
// in a fresh tab of one browser with a fresh profile and the network cut
// off (a dead proxy; file:// and loopback only).
//
//	go run ./bench/pageload -runs 5 out/index.html out/network.html
//	go run ./bench/pageload 'http://127.0.0.1:8080/?from=2020'
//
// It is a measurement, not a test: it never fails on a slow figure.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eventgraph/eventgraph/internal/browsertest"
)

func main() {
	runs := flag.Int("runs", 5, "loads per page")
	timeout := flag.Duration("timeout", 60*time.Second, "give up on one load after this long")
	flag.Parse()
	if flag.NArg() == 0 {
		log.Fatal("usage: pageload [-runs N] FILE.html|URL...")
	}
	browser, err := browsertest.Find()
	if err != nil {
		log.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "pageload-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(profile)
	opts := append(browsertest.Options(browser, profile), browsertest.NoLoopback)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil { // start the browser once
		log.Fatalf("start chromium: %v", err)
	}
	fmt.Printf("%-40s %12s %10s %10s\n", "page", "html_bytes", "median_ms", "max_ms")
	for _, arg := range flag.Args() {
		u, size, err := target(arg)
		if err != nil {
			log.Fatal(err)
		}
		var times []time.Duration
		for range *runs {
			d, err := load(bctx, u, *timeout)
			if err != nil {
				log.Fatalf("%s: %v", arg, err)
			}
			times = append(times, d)
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		fmt.Printf("%-40s %12d %10d %10d\n", short(arg), size, times[len(times)/2].Milliseconds(), times[len(times)-1].Milliseconds())
	}
}

// drawn is true once the page has loaded and every chart has drawn.
const drawn = `document.readyState === 'complete' &&
	Array.from(document.querySelectorAll('.chart[data-option]')).every(function (c) { return c.getAttribute('data-drawn') === 'true'; })`

// load opens u in a new tab and returns the time until drawn holds.
func load(bctx context.Context, u string, timeout time.Duration) (time.Duration, error) {
	tctx, cancel := chromedp.NewContext(bctx)
	defer cancel()
	tctx, cancelT := context.WithTimeout(tctx, timeout)
	defer cancelT()
	if err := chromedp.Do(tctx, chromedp.Navigate("about:blank")); err != nil {
		return 0, err
	}
	start := time.Now()
	if err := chromedp.Do(tctx, chromedp.Navigate(u)); err != nil {
		return 0, err
	}
	_, err := chromedp.Run(tctx, chromedp.Poll[bool](drawn, chromedp.WithPollingInterval(10*time.Millisecond)))
	return time.Since(start), err
}

// target turns a file name into a file:// URL and gives the page's size.
func target(arg string) (string, int64, error) {
	if strings.HasPrefix(arg, "http://") {
		resp, err := http.Get(arg)
		if err != nil {
			return "", 0, err
		}
		defer resp.Body.Close()
		n, err := io.Copy(io.Discard, resp.Body)
		return arg, n, err
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		return "", 0, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", 0, err
	}
	return "file://" + abs, st.Size(), nil
}

func short(s string) string {
	if len(s) > 40 {
		return "…" + s[len(s)-39:]
	}
	return s
}
