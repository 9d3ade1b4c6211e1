package explorer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/report"
)

// Options configure an [Explorer].
type Options struct {
	// Title heads every page; default "Event explorer".
	Title string
	// Log receives errors that the client is only told about as a 500.
	// Default: discarded.
	Log io.Writer
	// Hosts are extra Host header names to accept besides loopback ones,
	// such as the host of a non-loopback --addr.
	Hosts []string
	// CacheFor is how long the pages' data of one filter is reused: the
	// events read, the network and its layout. Default 30 s; negative
	// turns the cache off. The database may change under a running
	// server (an ingest beside it), so it is kept short.
	CacheFor time.Duration
}

// Explorer is the explorer's HTTP handler.
type Explorer struct {
	r     model.EventReader
	opt   Options
	log   *log.Logger
	sites *siteCache
}

// New returns the explorer of the events r reads.
func New(r model.EventReader, opt Options) *Explorer {
	if opt.Title == "" {
		opt.Title = "Event explorer"
	}
	w := opt.Log
	if w == nil {
		w = io.Discard
	}
	if opt.CacheFor == 0 {
		opt.CacheFor = 30 * time.Second
	}
	return &Explorer{r: r, opt: opt, log: log.New(w, "eventgraph serve: ", log.LstdFlags),
		sites: newSiteCache(opt.CacheFor, 8)}
}

// Limits of a request. The explorer answers small GET requests; anything
// larger is a mistake or an attack.
const (
	maxHeaderBytes = 16 << 10
	maxQueryBytes  = 4 << 10
	maxBodyBytes   = 1 << 10
)

// NewServer returns an http.Server for h on addr with the timeouts and
// header limit the explorer needs: slow or huge requests cannot hold
// connections open.
func NewServer(addr string, h http.Handler, errLog io.Writer) *http.Server {
	if errLog == nil {
		errLog = io.Discard
	}
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          log.New(errLog, "eventgraph serve: ", log.LstdFlags),
	}
}

// downloads are the export formats of /download/, in the order the pages
// list them: the graph formats of package graph, the event files of
// package eventfile, and the contract's JSON and a CSV of every mention.
var downloads = []string{"graph.dot", "graph.graphml", "graph.gexf", "graph.cytoscape.json",
	"timeline.json", "events.gdelt.csv", "events.acled.csv", "events.json", "events.csv"}

// csp forbids every other origin: scripts, styles, images and fetches come
// from the explorer itself. 'unsafe-inline' styles are for ECharts, which
// writes style attributes (see report's layout template).
const csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// pagePath is every page name the report can render.
var pagePath = regexp.MustCompile(`^/((index|network|explore)|(actor|country|event)-[A-Za-z0-9_-]{1,80}|events-[0-9]{1,7})\.html$`)

// ServeHTTP routes a request. See the package documentation for routes.
func (x *Explorer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			x.log.Printf("panic serving %s: %v", r.URL.Path, v)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if !x.hostAllowed(r.Host) {
		http.Error(w, "unknown host", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if len(r.URL.RawQuery) > maxQueryBytes {
		http.Error(w, "query too long", http.StatusRequestURITooLong)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)

	// The raw path is matched, not a cleaned one: "/../x", "/%2e%2e/x" or
	// "//x" name nothing here and get a 404, never a redirect.
	p := r.URL.Path
	if r.URL.RawPath != "" || strings.Contains(p, "..") {
		http.NotFound(w, r)
		return
	}
	switch {
	case p == "/":
		x.page(w, r, "index.html")
	case pagePath.MatchString(p):
		x.page(w, r, p[1:])
	case p == "/api/events":
		x.apiEvents(w, r)
	case p == "/api/mentions":
		x.apiMentions(w, r)
	case p == "/api/actors":
		x.apiActors(w, r)
	case p == "/api/graph":
		x.apiGraph(w, r)
	case strings.HasPrefix(p, "/download/"):
		x.download(w, r, strings.TrimPrefix(p, "/download/"))
	default:
		x.asset(w, r, strings.TrimPrefix(p, "/"))
	}
}

// hostAllowed accepts loopback hosts and the configured ones.
func (x *Explorer) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, h := range x.opt.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

func (x *Explorer) asset(w http.ResponseWriter, r *http.Request, name string) {
	b, ok := report.Asset(name)
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch {
	case strings.HasSuffix(name, ".js"):
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case strings.HasSuffix(name, ".css"):
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	}
	// Assets are embedded in the binary and change only with it.
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(b)
}

// events reads the events of the request's filters.
func (x *Explorer) events(ctx context.Context, f Filter) ([]model.Event, error) {
	all, err := x.r.Events(ctx, f.EventFilter)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, e := range all {
		if f.keep(e) {
			out = append(out, e)
		}
	}
	return out, nil
}

// filter parses the request's filters, answering 400 when they are bad.
func (x *Explorer) filter(w http.ResponseWriter, r *http.Request) (Filter, bool) {
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return f, false
	}
	return f, true
}

// fail logs err and answers a bare 500 (or nothing, when the client left).
func (x *Explorer) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	x.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func (x *Explorer) site(w http.ResponseWriter, r *http.Request) (*report.Site, Filter, bool) {
	f, ok := x.filter(w, r)
	if !ok {
		return nil, f, false
	}
	// The canonical query is the key: equal filters share one site. The
	// build outlives a client that leaves, since others may wait on it.
	s, err := x.sites.get(f.Query, func() (*report.Site, error) { return x.buildSite(context.WithoutCancel(r.Context()), f) })
	if err != nil {
		x.fail(w, r, err)
		return nil, f, false
	}
	return s, f, true
}

// buildSite reads the events of f and prepares their pages.
func (x *Explorer) buildSite(ctx context.Context, f Filter) (*report.Site, error) {
	events, err := x.events(ctx, f)
	if err != nil {
		return nil, err
	}
	live := &report.Live{Query: f.Query, Form: f.Form}
	for _, d := range downloads {
		href := "download/" + d
		if f.Query != "" {
			href += "?" + f.Query
		}
		live.Downloads = append(live.Downloads, report.Download{Name: d, Href: href})
	}
	s, err := report.NewSite(events, report.Options{Title: x.opt.Title, Live: live})
	if err != nil {
		return nil, fmt.Errorf("build pages: %w", err)
	}
	return s, nil
}

func (x *Explorer) page(w http.ResponseWriter, r *http.Request, name string) {
	s, _, ok := x.site(w, r)
	if !ok {
		return
	}
	b, err := s.Render(name)
	if errors.Is(err, report.ErrNoPage) {
		http.Error(w, "no such page for these filters", http.StatusNotFound)
		return
	}
	if err != nil {
		x.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}
