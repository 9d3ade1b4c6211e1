package report

import (
	"net/url"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// eventRow is one line of the event list on index.html. Every string in it
// is plain text; the template escapes it.
type eventRow struct {
	ID        string
	Page      string // the event's own page
	Date      string // at its precision: "Sep 2018", "3 Jun 2019"
	Precision string // "day", "month", "year", "range"; "" when undated
	ISO       string // machine-readable date for <time datetime>
	Source    actorView
	Target    *actorView
	Code      string
	Name      string // CAMEO name
	Quad      int
	Goldstein float64
	Location  string
	Mentions  []mentionView
	Disputed  bool   // the reports disagree, or a reviewer said so
	Status    string // review status, "" when unreviewed
}

type actorView struct {
	Name    string
	Country string
	Role    string
	Page    string // the actor's page
}

// mentionView is one report of an event. Link is the URL to put in an href;
// it is empty unless the URL is absolute http or https, in which case URL is
// shown as text (so the reader still sees what the article gave).
type mentionView struct {
	Outlet    string
	Published string
	Sentence  string
	Trigger   string
	TimeText  string
	URL       string
	Link      string
}

func actorOf(a model.Actor) actorView {
	v := actorView{Name: a.Name, Country: a.Country, Role: string(a.Role), Page: actorPage(a.ID)}
	if v.Role == v.Country {
		v.Role = "" // an international body: "IGO" once is enough
	}
	return v
}

// label is the actor as one line of text: "Kremlin (RUS GOV)", and
// "United Nations (IGO)" rather than repeating IGO as country and role.
func (a actorView) label() string {
	tags := strings.TrimSpace(a.Country + " " + a.Role)
	if a.Country == a.Role {
		tags = a.Country
	}
	if tags == "" {
		return a.Name
	}
	return a.Name + " (" + tags + ")"
}

func makeRows(events []model.Event) []eventRow {
	rows := make([]eventRow, 0, len(events))
	for _, e := range events {
		c := e.CAMEO()
		r := eventRow{
			ID: e.ID, Page: eventPage(e.ID), Date: e.Date.Display(), Precision: string(e.Date.Precision),
			Source: actorOf(e.Source), Code: e.Code, Name: c.Name, Quad: c.Quad,
			Goldstein: c.Goldstein, Location: e.Location,
			Disputed: e.Disputed(), Status: string(e.Status),
		}
		if r.Name == "" {
			r.Name = "Code not in the CAMEO table"
		}
		if !e.Date.IsZero() {
			r.ISO = e.Date.String()
		}
		if e.Target != nil {
			t := actorOf(*e.Target)
			r.Target = &t
		}
		for _, m := range e.Mentions {
			r.Mentions = append(r.Mentions, mentionView{
				Outlet: m.SourceLabel(), Published: m.Published, Sentence: m.Sentence,
				Trigger: m.Trigger, TimeText: m.TimeText,
				URL: m.URL, Link: safeLink(m.URL),
			})
		}
		rows = append(rows, r)
	}
	return rows
}

// safeLink returns u when it is an absolute http or https URL with a host,
// else "". html/template would already defuse "javascript:" in an href, but
// it keeps other schemes (mailto:, ftp:, relative paths) that have no place
// as a source link; those are shown as text instead.
func safeLink(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	if s := strings.ToLower(p.Scheme); s != "http" && s != "https" {
		return ""
	}
	return p.String()
}

// outlets lists the distinct outlets of an event, in mention order.
func outlets(e model.Event) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		o := m.Outlet
		if o == "" {
			o = "unnamed outlet"
		}
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

// quote is the event's evidence sentence for tooltips: the first mention's,
// cut to a readable length on a rune boundary.
func quote(e model.Event, max int) string {
	if len(e.Mentions) == 0 {
		return ""
	}
	s := strings.Join(strings.Fields(e.Mentions[0].Sentence), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return s
}
