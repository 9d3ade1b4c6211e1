// Command apiload measures the explorer's JSON API on a large database:
// it serves the database (opened read-only) on a loopback port inside this
// process, sends a bounded number of filtered requests with a small
// number of concurrent clients, and prints the latency percentiles per
// query and over all of them.
//
//	go run ./bench/apiload -db big.db -n 400 -c 2
//
// Requests go to 127.0.0.1 only. The run stops after -n requests or
// -timeout, whichever comes first. It is a measurement, never a test.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/eventgraph/eventgraph/explorer"
	"github.com/eventgraph/eventgraph/store"
)

// queries are the filtered views a reporter asks for: one actor, a pair,
// a period, a CAMEO root or QuadClass, an outlet, full text, minimum
// sources, and a combination of them. Each asks for its first page of
// 100 events, what a client paging through a large store would.
var queries = []string{
	"api/events?actor=RUS&limit=100",
	"api/events?actor=RUS,TUR&between=1&limit=100",
	"api/events?from=2020-03&to=2020-03&limit=100",
	"api/events?root=19&limit=100",
	"api/events?quad=1&limit=100",
	"api/events?outlet=Reuters&limit=100",
	"api/events?q=Idlib&limit=100",
	"api/events?min=2&limit=100",
	"api/events?actor=RUS,TUR&between=1&from=2018&to=2020&q=Idlib&limit=100",
	"api/events?actor=SYR&root=19&from=2021&limit=100",
}

func main() {
	dbPath := flag.String("db", "", "database to serve (read-only)")
	n := flag.Int("n", 400, "requests in all")
	c := flag.Int("c", 2, "concurrent clients")
	timeout := flag.Duration("timeout", 5*time.Minute, "stop after this long")
	warm := flag.Bool("warm", true, "send each query once before measuring (page cache, FTS)")
	only := flag.String("only", "", "send only the query whose filters are exactly this (\"root=19\"; one not in the list is sent as given)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the measured run to this file")
	page := flag.Int("page", 1, "measure this page of each query (1 is the first; a later one is reached by following Link rel=\"next\")")
	mentions := flag.String("mentions", "", "add mentions=N (mentions shown per event) to every query")
	flag.Parse()
	if *only != "" {
		var keep []string
		for _, q := range queries {
			if strings.TrimSuffix(strings.TrimPrefix(q, "api/events?"), "&limit=100") == *only {
				keep = append(keep, q)
			}
		}
		if keep == nil { // a query of one's own
			keep = []string{"api/events?" + *only + "&limit=100"}
		}
		queries = keep
	}
	if *mentions != "" {
		for i := range queries {
			queries[i] += "&mentions=" + *mentions
		}
	}
	if *dbPath == "" {
		log.Fatal("usage: apiload -db FILE [-n 400] [-c 2]")
	}
	db, err := store.OpenReadOnly(*dbPath)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	srv := explorer.NewServer(ln.Addr().String(), explorer.New(db, explorer.Options{}), nil)
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + "/"
	client := &http.Client{Timeout: 60 * time.Second}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	var nextLink string // the Link rel="next" of the last fetch, without its slash
	fetch := func(q string) (time.Duration, int, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+q, nil)
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, 0, err
		}
		nb, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return 0, 0, fmt.Errorf("%s: HTTP %d", q, resp.StatusCode)
		}
		nextLink = strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(resp.Header.Get("Link"), "<"), `>; rel="next"`), "/")
		return time.Since(start), int(nb), err
	}
	// A later page is measured at its own address, found once here: the
	// cursor of the page before it.
	names := map[string]string{} // the address measured to the query it stands for
	for i, q := range queries {
		names[q] = q
		for p := 1; p < *page; p++ {
			if _, _, err := fetch(queries[i]); err != nil {
				log.Fatal(err)
			}
			if nextLink == "" {
				log.Fatalf("%s has fewer than %d pages", q, *page)
			}
			queries[i] = nextLink
		}
		names[queries[i]] = q
	}
	bytes := map[string]int{}
	if *warm {
		for _, q := range queries {
			d, b, err := fetch(q)
			if err != nil {
				log.Printf("warm-up: %v", err)
				continue
			}
			bytes[q] = b
			fmt.Printf("warm-up %-55s %8.1f ms\n", names[q], float64(d.Microseconds())/1000)
		}
	}

	var mu sync.Mutex
	lat := map[string][]time.Duration{}
	cpu := map[string][]time.Duration{} // the process's CPU time during each request
	var all []time.Duration
	next := make(chan int)
	go func() {
		defer close(next)
		for i := 0; i < *n; i++ {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			log.Fatal(err)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	var wg sync.WaitGroup
	start := time.Now()
	for range *c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				q := queries[i%len(queries)]
				before := cpuTime()
				d, _, err := fetch(q)
				if err != nil {
					log.Printf("%v", err)
					continue
				}
				used := cpuTime() - before
				mu.Lock()
				lat[q] = append(lat[q], d)
				cpu[q] = append(cpu[q], used)
				all = append(all, d)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	a, ac, e, m, _ := db.Counts(context.Background())
	fmt.Printf("database: %d events, %d mentions, %d articles, %d actors; %d requests in %s with %d clients\n",
		e, m, a, ac, len(all), elapsed.Round(time.Millisecond), *c)
	// With one client the process's CPU time during a request is that
	// request's (server and client both): the figure to compare on a
	// loaded machine, where wall time is mostly waiting for a core.
	fmt.Printf("%-62s %6s %8s %8s %8s %9s %10s\n", "query", "n", "p50_ms", "p95_ms", "max_ms", "bytes", "cpu_p50_ms")
	for _, q := range queries {
		d := lat[q]
		cpuCol := "-"
		if *c == 1 {
			cpuCol = fmt.Sprintf("%.1f", pct(cpu[q], 50))
		}
		fmt.Printf("%-62s %6d %8.1f %8.1f %8.1f %9d %10s\n", names[q], len(d), pct(d, 50), pct(d, 95), pct(d, 100), bytes[q], cpuCol)
	}
	fmt.Printf("%-62s %6d %8.1f %8.1f %8.1f\n", "all", len(all), pct(all, 50), pct(all, 95), pct(all, 100))
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pct is the p-th percentile in milliseconds (nearest rank).
func pct(d []time.Duration, p float64) float64 {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	k := int(p/100*float64(len(s))+0.999) - 1
	k = max(0, min(k, len(s)-1))
	return float64(s[k].Microseconds()) / 1000
}
