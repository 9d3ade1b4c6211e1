package model

import (
	"context"
	"errors"
	"strings"
)

// ErrNotFound is returned by readers when a requested item does not exist.
var ErrNotFound = errors.New("not found")

// ArticleWriter stores articles with the events extracted from them.
type ArticleWriter interface {
	// SaveArticle stores the article, its actors, events and mentions in one
	// transaction: either all of it is stored or nothing is. Events whose
	// key matches a stored event gain the new mentions instead of a second
	// row. It returns added=false, and stores nothing, when an article with
	// the same content hash is already stored.
	SaveArticle(ctx context.Context, a Article, events []Event) (added bool, err error)
}

// EventReader reads stored data back. Results are ordered deterministically:
// events oldest first, actors and articles by name and path.
type EventReader interface {
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	Actors(ctx context.Context) ([]ActorSummary, error)
	Articles(ctx context.Context) ([]ArticleSummary, error)
	// Article returns one article with its body, or ErrNotFound.
	Article(ctx context.Context, id string) (Article, error)
}

// Store is the whole storage interface, implemented by package store with
// SQLite.
type Store interface {
	ArticleWriter
	EventReader
	Close() error
}

// ActorSummary is an actor with the number of events it takes part in.
type ActorSummary struct {
	Actor
	Events int `json:"events"`
}

// ArticleSummary is a stored article without its body, with its event count.
type ArticleSummary struct {
	Article
	Events int `json:"events"`
}

// EventFilter selects events. Zero fields select everything but the
// events a reviewer rejected.
type EventFilter struct {
	From, To   Date     // events whose date overlaps [From, To]
	Actors     []string // name, code, country or id of source or target
	Roots      []string // CAMEO roots, "01".."20"
	Quads      []int    // QuadClass 1..4
	Outlets    []string // outlet names of at least one mention, case-insensitive
	MinSources int
	// IncludeRejected keeps events a reviewer rejected; by default they
	// leave every listing, report and export.
	IncludeRejected bool
	// Text is a full-text query: every word of it must occur, case-folded,
	// in the evidence sentences or the actor names of the event.
	Text string
}

// Match reports whether the event passes the filter. Stores may push the
// filter down to their query language; Match is the reference meaning.
func (f EventFilter) Match(e Event) bool {
	if !f.IncludeRejected && e.Status == StatusRejected {
		return false
	}
	if !f.From.IsZero() && e.Date.Last().Before(f.From.First()) {
		return false
	}
	if !f.To.IsZero() && e.Date.First().After(f.To.Last()) {
		return false
	}
	if len(f.Roots) > 0 && !containsString(f.Roots, e.Root()) {
		return false
	}
	if len(f.Quads) > 0 {
		ok := false
		for _, q := range f.Quads {
			ok = ok || q == e.CAMEO().Quad
		}
		if !ok {
			return false
		}
	}
	if f.MinSources > 0 && e.Sources() < f.MinSources {
		return false
	}
	if len(f.Outlets) > 0 && !mentionsOutlet(e, f.Outlets) {
		return false
	}
	if f.Text != "" && !matchesText(e, f.Text) {
		return false
	}
	if len(f.Actors) > 0 {
		ok := false
		for _, want := range f.Actors {
			ok = ok || ActorMatches(e.Source, want) || (e.Target != nil && ActorMatches(*e.Target, want))
		}
		if !ok {
			return false
		}
	}
	return true
}

// ActorMatches reports whether the actor answers to want: its id, its name
// (case-insensitive), its code, or its country.
func ActorMatches(a Actor, want string) bool {
	w := strings.TrimSpace(want)
	return w != "" && (a.ID == w || strings.EqualFold(a.Name, w) || strings.EqualFold(a.Code, w) || strings.EqualFold(a.Country, w))
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func mentionsOutlet(e Event, outlets []string) bool {
	for _, m := range e.Mentions {
		for _, o := range outlets {
			if strings.EqualFold(strings.TrimSpace(o), m.Outlet) {
				return true
			}
		}
	}
	return false
}

// matchesText is the reference meaning of EventFilter.Text: each word of
// the query, case-folded, is a substring of the event's searchable text.
func matchesText(e Event, query string) bool {
	var b strings.Builder
	b.WriteString(e.Source.Name)
	if e.Target != nil {
		b.WriteString("\n" + e.Target.Name)
	}
	for _, m := range e.Mentions {
		b.WriteString("\n" + m.Sentence)
	}
	hay := strings.ToLower(b.String())
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
