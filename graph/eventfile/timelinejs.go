package eventfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/model"
)

// tlDate is a TimelineJS date object. Fields below the event's precision
// are left out, which is how TimelineJS knows to show "June 2019" rather
// than "1 June 2019".
type tlDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

type tlSlide struct {
	StartDate   *tlDate `json:"start_date,omitempty"`
	EndDate     *tlDate `json:"end_date,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	Text        tlText  `json:"text"`
	Group       string  `json:"group,omitempty"`
	UniqueID    string  `json:"unique_id,omitempty"`
}

type tlDocument struct {
	Title  tlSlide   `json:"title"`
	Events []tlSlide `json:"events"`
}

// maxQuotes caps the reports quoted on one slide; the rest are counted.
const maxQuotes = 3

// WriteTimelineJS writes the events as a TimelineJS 3 JSON timeline: a
// title slide, then one slide per dated event with start_date at the
// event's precision (year, month and day for a day; year and month for a
// month; the year alone for a year; a range gets an end_date too),
// display_date in the report's form ("3 Jun 2019", "Sep 2018"), a headline
// (who did what to whom), a text quoting the evidence sentences with a
// link to each source, and the source actor's name as group, so that
// TimelineJS gives each actor a row. Undated events cannot be placed on a
// timeline and are left out; the title slide counts them.
//
// title is the headline of the title slide ("" gives a default). Write
// errors of w are returned wrapped.
func WriteTimelineJS(w io.Writer, events []model.Event, title string) error {
	events = sorted(events)
	doc := tlDocument{Events: make([]tlSlide, 0, len(events))}
	undated := 0
	for _, e := range events {
		if e.Date.IsZero() {
			undated++
			continue
		}
		doc.Events = append(doc.Events, timelineSlide(e))
	}
	if title == "" {
		title = "eventgraph timeline"
	}
	intro := fmt.Sprintf("%d events, each with the sentence that reports it.", len(doc.Events))
	if undated > 0 {
		intro += fmt.Sprintf(" %d undated events are not shown.", undated)
	}
	doc.Title = tlSlide{Text: tlText{Headline: html.EscapeString(title), Text: "<p>" + html.EscapeString(intro) + "</p>"}}

	var b bytes.Buffer
	enc := json.NewEncoder(&b) // escapes <, > and & too, so the JSON can sit in a <script>
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("eventfile: write TimelineJS: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("eventfile: write TimelineJS: %w", err)
	}
	return nil
}

func timelineSlide(e model.Event) tlSlide {
	d := e.Date
	s := tlSlide{DisplayDate: d.Display(), Group: e.Source.Name, UniqueID: e.ID}
	start := tlDate{Year: d.Start.Year()}
	switch d.Precision {
	case model.PrecisionDay, model.PrecisionRange:
		start.Month, start.Day = int(d.Start.Month()), d.Start.Day()
	case model.PrecisionMonth:
		start.Month = int(d.Start.Month())
	}
	s.StartDate = &start
	if d.Precision == model.PrecisionRange {
		s.EndDate = &tlDate{Year: d.End.Year(), Month: int(d.End.Month()), Day: d.End.Day()}
	}

	c := e.CAMEO()
	headline := e.Source.Name + ": " + c.Name
	if e.Target != nil {
		headline = e.Source.Name + " → " + e.Target.Name + ": " + c.Name
	}
	s.Text.Headline = html.EscapeString(headline)

	var t strings.Builder
	for i, m := range e.Mentions {
		if i == maxQuotes {
			fmt.Fprintf(&t, "<p>and %d more reports</p>", len(e.Mentions)-maxQuotes)
			break
		}
		t.WriteString("<blockquote>" + html.EscapeString(m.Sentence) + "</blockquote>")
		t.WriteString("<p>— " + sourceLink(m) + "</p>")
	}
	fmt.Fprintf(&t, "<p>CAMEO %s (%s), QuadClass %d, Goldstein %+.1f</p>",
		html.EscapeString(e.Code), html.EscapeString(model.QuadNames[c.Quad]), c.Quad, c.Goldstein)
	s.Text.Text = t.String()
	return s
}

// sourceLink names the outlet and publication day of a mention, linked to
// the article when its URL is http or https.
func sourceLink(m model.Mention) string {
	name := m.Outlet
	if name == "" {
		name = "source"
	}
	name = html.EscapeString(name)
	if m.Published != "" {
		name += ", " + html.EscapeString(m.Published)
	}
	if !safeURL(m.URL) {
		return name
	}
	return `<a href="` + html.EscapeString(m.URL) + `" target="_blank" rel="noopener noreferrer">` + name + "</a>"
}

// safeURL reports whether u is an absolute http or https URL, the only
// links an export may carry: a javascript: or data: URL would run in the
// reader's browser.
func safeURL(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}

// sorted returns the events oldest first, then by id, without changing
// the caller's slice.
func sorted(events []model.Event) []model.Event {
	out := slices.Clone(events)
	model.SortEvents(out)
	return out
}
