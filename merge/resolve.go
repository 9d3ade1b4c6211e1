package merge

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/model"
)

// Resolve sets e's date and location from its mentions' own dates and
// places (mentions without their own date leave the event's as it is) and
// lists in e.Disputes where the mentions disagree. It keeps the event's
// coding otherwise.
func Resolve(e *model.Event) {
	e.Disputes = nil
	var dates []model.Date
	for _, m := range e.Mentions {
		if !m.Date.IsZero() {
			dates = append(dates, m.Date)
		}
		if e.Location == "" && m.Location != "" {
			e.Location = m.Location
		}
	}
	if len(dates) > 0 {
		d, agree := eventDate(dates)
		e.Date = d
		if !agree {
			e.Disputes = append(e.Disputes, versions(e, model.DisputeDate, "", func(m model.Mention) string {
				if m.Date.IsZero() {
					return ""
				}
				return m.Date.Encode()
			}))
		}
	}
	e.Disputes = append(e.Disputes, figureDisputes(e)...)
	if d, ok := blameDispute(e); ok {
		e.Disputes = append(e.Disputes, d)
	}
}

// eventDate is the finest mention date that lies within every other one;
// when there is none but the dates share days, those days; when they share
// none, the span of all of them, and agree is false.
func eventDate(dates []model.Date) (d model.Date, agree bool) {
	first, last := dates[0].First(), dates[0].Last()
	lo, hi := first, last
	for _, x := range dates[1:] {
		if x.First().After(first) {
			first = x.First()
		}
		if x.Last().Before(last) {
			last = x.Last()
		}
		if x.First().Before(lo) {
			lo = x.First()
		}
		if x.Last().After(hi) {
			hi = x.Last()
		}
	}
	if first.After(last) {
		return model.Range(lo, hi), false
	}
	var best model.Date
	for _, x := range dates {
		if x.First().Before(first) || x.Last().After(last) {
			continue // not within every other date
		}
		if best.IsZero() || span(x) < span(best) || (span(x) == span(best) && x.Compare(best) < 0) {
			best = x
		}
	}
	if best.IsZero() {
		return model.Range(first, last), true
	}
	return best, true
}

func span(d model.Date) time.Duration { return d.Last().Sub(d.First()) }

// figureDisputes finds, per kind of figure, figures from different sources
// that cannot both be true. Figures of one source may rise within a story
// ("the toll rose to 33") and are not held against each other.
func figureDisputes(e *model.Event) []model.Dispute {
	byKind := map[model.FigureKind][]sourced{}
	for _, m := range e.Mentions {
		for _, f := range m.Figures {
			byKind[f.Kind] = append(byKind[f.Kind], sourced{f, m.SourceLabel() + "\x00" + m.ArticleID})
		}
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	var out []model.Dispute
	for _, k := range kinds {
		if !figuresConflict(byKind[model.FigureKind(k)]) {
			continue
		}
		out = append(out, versions(e, model.DisputeFigure, k, func(m model.Mention) string {
			var vs []string
			for _, f := range m.Figures {
				if string(f.Kind) == k {
					vs = append(vs, FigureText(f))
				}
			}
			return strings.Join(vs, "; ")
		}))
	}
	return out
}

// sourced is a figure and who gave it (source and article).
type sourced struct {
	f   model.Figure
	src string
}

// figuresConflict reports whether two figures of one kind from different
// sources cannot both be true. It compares the distinct figures only (what
// Agrees reads of them), each with one source or several: an event retold
// in thousands of articles repeats a few figures, and comparing every pair
// of them took seconds.
func figuresConflict(fs []sourced) bool {
	type value struct {
		unit      string
		low, high float64
	}
	type told struct {
		f    model.Figure
		src  string // the first source to give it
		many bool   // another source gave it too
	}
	var distinct []told
	index := map[value]int{}
	for _, x := range fs {
		v := value{x.f.Unit, x.f.Low, x.f.High}
		i, ok := index[v]
		if !ok {
			index[v] = len(distinct)
			distinct = append(distinct, told{f: x.f, src: x.src})
			continue
		}
		if distinct[i].src != x.src {
			distinct[i].many = true
		}
	}
	for i := range distinct {
		a := &distinct[i]
		if a.many && !a.f.Agrees(a.f) {
			return true
		}
		for j := i + 1; j < len(distinct); j++ {
			b := &distinct[j]
			if (a.many || b.many || a.src != b.src) && !a.f.Agrees(b.f) {
				return true
			}
		}
	}
	return false
}

// FigureText writes a figure the way a reader compares them:
// "at least 33 soldiers".
func FigureText(f model.Figure) string {
	q := ""
	switch {
	case f.Min:
		q = "at least "
	case f.Max:
		q = "up to "
	case f.Approx:
		q = "about "
	}
	return q + strconv.FormatFloat(f.Value, 'f', -1, 64) + " " + f.Unit
}

// versions groups the mentions by the value each gives (skipping "") into
// the versions of one dispute, in order of first appearance.
func versions(e *model.Event, kind model.DisputeKind, what string, value func(model.Mention) string) model.Dispute {
	d := model.Dispute{Kind: kind, What: what}
	index := map[string]int{}
	for _, m := range e.Mentions {
		v := value(m)
		if v == "" {
			continue
		}
		i, ok := index[v]
		if !ok {
			i = len(d.Versions)
			index[v] = i
			d.Versions = append(d.Versions, model.Version{Value: v})
		}
		ver := &d.Versions[i]
		ver.Sources = appendOnce(ver.Sources, m.SourceLabel())
		ver.Articles = appendOnce(ver.Articles, m.ArticleID)
	}
	return d
}

func appendOnce(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
