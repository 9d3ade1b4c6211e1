// Package report writes eventgraph's offline HTML report: a folder that a
// reporter can open from disk, copy or mail, with no network access needed.
//
// # Files
//
// [Write] puts these files into one folder:
//
//   - index.html: header with counts and date span, the key actors and
//     countries, a timeline of events (one lane per leading actor), event
//     volume by QuadClass over time, and the chronological event list with
//     a search box, every quote, outlet and source link;
//   - network.html: the actor network of [graph.Build], laid out by a
//     deterministic force layout (layout.go) that ECharts scales to fit,
//     grouped by country or community, sized by a chosen metric, edges
//     coloured by tone, the most central actors first;
//   - actor-ID.html and country-CODE.html: one actor, or all actors of one
//     country, with its timeline, ego network and relations, each with its
//     events and evidence, and the accounts that differ flagged;
//   - event-ID.html: one event with every report of it and the other
//     accounts of the same two sides around the same days;
//   - events-N.html: the further pages of the event list when it has more
//     than 200 events (list.go); the timeline then bins its dots
//     (timebins.go), so that a report of ten thousand events stays light;
//   - echarts.min.js, report.js, report.css: the chart library (embedded,
//     see assets/fetch-echarts.sh) and the report's own static script and
//     style. Pages reference them relatively and load nothing else.
//
// [Site] renders the same pages one at a time; the explorer (package
// explorer) serves them live with [Options.Live] set.
//
// # Safety
//
// Everything shown comes from news articles, so all of it is untrusted.
// Chart options are built with go-echarts types but never rendered with
// go-echarts' page renderer, which writes options into a script unescaped and
// turns "__f__" strings into live functions. Instead the option JSON goes
// into a <script type="application/json"> element through html/template,
// and the static report.js reads it with JSON.parse: strings stay strings.
// Tooltips use formatters written in report.js that escape every field.
// Links are made only for http and https URLs. A Content-Security-Policy
// allows scripts from the report's own files only.
//
// # Determinism
//
// Output depends only on the events and [Options]: data is sorted and no
// clock is read, so the pages can be compared with golden files.
//
// # Tests
//
// Golden pages (index, network, one actor, one country, one event) live in
// testdata/*.golden; refresh them after an intended change with
// `go test ./report -run TestGolden -update`. TestBrowser opens
// every page in headless Chromium with the network cut off; it skips when
// Chromium is missing unless CI is set. The README screenshots come from
// the sample corpus: docs/screenshots/make.sh.
package report

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

//go:generate sh assets/fetch-echarts.sh 5.6.0

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/echarts.min.js assets/report.js assets/report.css assets/explore.js
var assetFS embed.FS

// assets are copied next to the pages under these names; liveAssets are
// served by the explorer only.
var (
	assets     = []string{"echarts.min.js", "report.js", "report.css"}
	liveAssets = []string{"explore.js"}
)

// ErrNoDir is returned by [Write] when dir is empty.
var ErrNoDir = errors.New("report: no output folder given")

// Options shape the report. The zero value is usable.
type Options struct {
	// Title heads every page; default "Event report".
	Title string
	// TopActors is the number of actor lanes on the timeline; events of the
	// other actors share one "Other actors" lane. Default 12.
	TopActors int
	// Generated, when set, is printed in the footer. It is a field rather
	// than a clock read so that output stays reproducible.
	Generated time.Time
	// Live, when set, renders the pages for the explorer (eventgraph serve)
	// rather than for a folder: with the filter form, the explore page,
	// downloads, and links that keep the current filters.
	Live *Live
}

// Live is what the explorer adds to a page.
type Live struct {
	// Query is the current filters as a URL query ("from=2018&actor=RUS"),
	// already in canonical form; links between pages carry it.
	Query string
	// Form holds the filter values to show in the form.
	Form FilterForm
	// Downloads are links to the current view in each export format.
	Downloads []Download
}

// FilterForm is the filter form's content, as the user typed it.
type FilterForm struct {
	From, To, Actors, Outlets, Text, MinSources string
	Roots, Quads                                []string
	Between                                     bool // both sides must be among Actors
}

// Download is one export of the current view.
type Download struct{ Name, Href string }

func (o Options) withDefaults() Options {
	if o.Title == "" {
		o.Title = "Event report"
	}
	if o.TopActors <= 0 {
		o.TopActors = 12
	}
	return o
}

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"quadName":    func(q int) string { return model.QuadNames[q] },
	"quadOptions": func() []int { return []int{1, 2, 3, 4} },
	"nearDays":    func() int { return nearDays },
	"list1":       func(m mentionView) []mentionView { return []mentionView{m} },
	"rootOptions": rootOptions,
	"has": func(list []string, s string) bool {
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	},
}).ParseFS(templateFS, "templates/*.html"))

// Write writes the report for events into dir, creating dir if needed and
// overwriting the report's files: index.html, network.html, a page per
// actor, per country and per event, and the static assets. Events need not
// be sorted. It returns [ErrNoDir] for an empty dir; the errors of
// [graph.Build] wrapped, such as [graph.ErrInvalidEvent] for an event whose
// CAMEO code is not in the table and [graph.ErrDuplicateEvent]; and wrapped
// I/O errors. Nothing is written unless every page renders.
func Write(dir string, events []model.Event, opt Options) error {
	if dir == "" {
		return ErrNoDir
	}
	site, err := NewSite(events, opt)
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	for _, name := range site.Pages() {
		if files[name], err = site.Render(name); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("report: create folder: %w", err)
	}
	for _, name := range assets {
		b, err := assetFS.ReadFile("assets/" + name)
		if err != nil {
			return fmt.Errorf("report: embedded asset %s: %w", name, err)
		}
		files[name] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return fmt.Errorf("report: write %s: %w", name, err)
		}
	}
	return nil
}

// Asset returns one of the static files the pages load (echarts.min.js,
// report.js, report.css, explore.js), for the explorer to serve.
func Asset(name string) ([]byte, bool) {
	for _, a := range append(assets, liveAssets...) {
		if a == name {
			b, err := assetFS.ReadFile("assets/" + name)
			return b, err == nil
		}
	}
	return nil, false
}

// header is what both pages show above their charts.
type header struct {
	Title     string
	Events    int
	Undated   int
	Actors    int
	Articles  int
	Outlets   int
	Span      string // "3 Jun 2019 – 12 Aug 2019", "" when nothing is dated
	Generated string
}

func makeHeader(events []model.Event, opt Options) header {
	h := header{Title: opt.Title, Events: len(events)}
	actors, articles, outlets := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var first, last model.Date
	for _, e := range events {
		actors[e.Source.ID] = true
		if e.Target != nil {
			actors[e.Target.ID] = true
		}
		for _, m := range e.Mentions {
			articles[m.ArticleID] = true
			if m.Outlet != "" {
				outlets[m.Outlet] = true
			}
		}
		if e.Date.IsZero() {
			h.Undated++
			continue
		}
		if first.IsZero() || e.Date.First().Before(first.First()) {
			first = e.Date
		}
		if last.IsZero() || e.Date.Last().After(last.Last()) {
			last = e.Date
		}
	}
	h.Actors, h.Articles, h.Outlets = len(actors), len(articles), len(outlets)
	if !first.IsZero() {
		h.Span = first.Display()
		if l := last.Display(); l != h.Span {
			h.Span += " – " + l
		}
	}
	if !opt.Generated.IsZero() {
		h.Generated = opt.Generated.UTC().Format("2 Jan 2006 15:04 MST")
	}
	return h
}

// sortedEvents returns a sorted copy: dated events oldest first, then the
// undated ones, which model.SortEvents would otherwise put first.
func sortedEvents(events []model.Event) []model.Event {
	out := make([]model.Event, 0, len(events))
	var undated []model.Event
	for _, e := range events {
		if e.Date.IsZero() {
			undated = append(undated, e)
		} else {
			out = append(out, e)
		}
	}
	model.SortEvents(out)
	model.SortEvents(undated)
	return append(out, undated...)
}

func execute(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("report: render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
