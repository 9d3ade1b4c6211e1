package explorer

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/model"
	"github.com/eventgraph/eventgraph/report"
)

// ErrBadFilter is returned by [ParseFilter] for a query parameter that is
// not a valid filter value; the message names the parameter.
var ErrBadFilter = errors.New("bad filter")

// Filter is one request's selection: the model filter plus what the
// explorer adds on top of it.
type Filter struct {
	model.EventFilter
	// Between keeps only events whose source and target both answer to
	// the actors, to different ones when several are given: "between
	// Russia and Turkey" rather than "involving either".
	Between bool
	// Form is the filter as typed, for the form; Query its canonical URL
	// form, for links.
	Form  report.FilterForm
	Query string
}

// ParseFilter reads the filter parameters of q. Unknown parameters are
// ignored. It returns [ErrBadFilter] for a malformed value.
func ParseFilter(q url.Values) (Filter, error) {
	var f Filter
	var err error
	get := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	if s := get("from"); s != "" {
		if f.From, err = model.ParseDate(s); err != nil {
			return f, fmt.Errorf("%w: from: %v", ErrBadFilter, err)
		}
	}
	if s := get("to"); s != "" {
		if f.To, err = model.ParseDate(s); err != nil {
			return f, fmt.Errorf("%w: to: %v", ErrBadFilter, err)
		}
	}
	f.Actors = list(q["actor"])
	f.Between = get("between") == "1" || get("between") == "on"
	for _, r := range list(q["root"]) {
		n, err := strconv.Atoi(r)
		if err != nil || n < 1 || n > 20 {
			return f, fmt.Errorf("%w: root %q: want a CAMEO root from 01 to 20", ErrBadFilter, r)
		}
		f.Roots = append(f.Roots, fmt.Sprintf("%02d", n))
	}
	for _, s := range list(q["quad"]) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return f, fmt.Errorf("%w: quad %q: want a QuadClass from 1 to 4", ErrBadFilter, s)
		}
		f.Quads = append(f.Quads, n)
	}
	f.Outlets = list(q["outlet"])
	if s := get("min"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 1000 {
			return f, fmt.Errorf("%w: min %q: want a number of sources from 0", ErrBadFilter, s)
		}
		f.MinSources = n
	}
	f.Text = get("q")
	f.Form = report.FilterForm{
		From: get("from"), To: get("to"), Actors: strings.Join(f.Actors, ", "), Between: f.Between,
		Roots: f.Roots, Outlets: strings.Join(f.Outlets, ", "), Text: f.Text,
	}
	for _, n := range f.Quads {
		f.Form.Quads = append(f.Form.Quads, strconv.Itoa(n))
	}
	if f.MinSources > 0 {
		f.Form.MinSources = strconv.Itoa(f.MinSources)
	}
	f.Query = f.encode()
	return f, nil
}

// list gathers repeated and comma-separated values, trimmed, without
// empties: a form field "RUS, TUR" and ?actor=RUS&actor=TUR say the same.
func list(values []string) []string {
	var out []string
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if p := strings.TrimSpace(part); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// encode writes the filter back as a query in a fixed order, so that
// equal filters give equal links.
func (f Filter) encode() string {
	var parts []string
	add := func(k, v string) { parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v)) }
	if f.Form.From != "" {
		add("from", f.Form.From)
	}
	if f.Form.To != "" {
		add("to", f.Form.To)
	}
	for _, a := range f.Actors {
		add("actor", a)
	}
	if f.Between {
		add("between", "1")
	}
	for _, r := range f.Roots {
		add("root", r)
	}
	for _, q := range f.Form.Quads {
		add("quad", q)
	}
	for _, o := range f.Outlets {
		add("outlet", o)
	}
	if f.Form.MinSources != "" {
		add("min", f.Form.MinSources)
	}
	if f.Text != "" {
		add("q", f.Text)
	}
	return strings.Join(parts, "&")
}

// keep applies what the model filter cannot say: Between.
func (f Filter) keep(e model.Event) bool {
	if !f.Between || len(f.Actors) == 0 {
		return true
	}
	if e.Target == nil {
		return false
	}
	for i, a := range f.Actors {
		for j, b := range f.Actors {
			if (i != j || len(f.Actors) == 1) && model.ActorMatches(e.Source, a) && model.ActorMatches(*e.Target, b) {
				return true
			}
		}
	}
	return false
}
