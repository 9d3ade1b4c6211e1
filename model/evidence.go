package model

import (
	"encoding/json"
	"sort"
	"strings"
)

// This file holds what the evidence of an event says beyond its sentence:
// the figures a mention gives, the wire story an article republishes, the
// points on which mentions of one event disagree, and a reviewer's verdict.

// FigureKind is what a figure counts.
type FigureKind string

// The kinds of figures attached to events.
const (
	FigureKilled    FigureKind = "killed"
	FigureInjured   FigureKind = "injured"
	FigureDisplaced FigureKind = "displaced" // displaced, fled, refugees
	FigureArrested  FigureKind = "arrested"  // arrested, detained, abducted
	FigureAid       FigureKind = "aid"       // money or goods pledged or delivered
)

// Figure is one number a sentence attaches to an event: "at least 33
// soldiers were killed" is {killed, 33, Min: true, Unit: "soldiers"}.
// Value is the number as written; Min and Max say it is a lower bound ("at
// least", "more than", "dozens") or an upper one ("up to"), Approx that it
// is rounded ("about", "nearly"). Low and High bound the number these
// qualifiers allow (High 0: no upper bound), so that two figures can be
// compared without reading their words again.
type Figure struct {
	Kind   FigureKind `json:"kind"`
	Value  float64    `json:"value"`
	Low    float64    `json:"low"`
	High   float64    `json:"high,omitempty"`
	Min    bool       `json:"min,omitempty"`
	Max    bool       `json:"max,omitempty"`
	Approx bool       `json:"approx,omitempty"`
	Unit   string     `json:"unit"` // "people", "soldiers", "civilians", "USD", "tonnes"
	Text   string     `json:"text"` // the words of the sentence that give it
}

// Agrees reports whether two figures of the same kind and unit can both be
// true: their [Low, High] intervals meet. Figures of different kinds or
// units never disagree.
func (f Figure) Agrees(o Figure) bool {
	if f.Kind != o.Kind || !sameUnit(f.Unit, o.Unit) {
		return true
	}
	fh, oh := f.High, o.High
	if fh == 0 {
		fh = 1e18
	}
	if oh == 0 {
		oh = 1e18
	}
	return f.Low <= oh && o.Low <= fh
}

// sameUnit treats people-like units as one: "33 soldiers" and "33 people"
// counted by two outlets are the same toll.
func sameUnit(a, b string) bool {
	money := func(u string) bool { return u == "USD" || u == "EUR" || u == "GBP" || u == "tonnes" }
	if money(a) || money(b) {
		return a == b
	}
	return true
}

// SourcedFigure is a figure with the mention that gives it.
type SourcedFigure struct {
	Figure
	Source  string `json:"source"` // "Reuters via The Moscow Times"
	Article string `json:"article"`
}

// SourceLabel names where a mention comes from for readers: the outlet, or
// "Reuters via The Moscow Times" when the article republishes a wire
// story; "" when neither is known.
func (m Mention) SourceLabel() string {
	switch {
	case m.Origin == "" || strings.EqualFold(m.Origin, m.Outlet):
		return m.Outlet
	case m.Outlet == "":
		return m.Origin
	}
	return m.Origin + " via " + m.Outlet
}

// sourceKey is what [Event.Sources] counts: the originating service of a
// republished story, else the outlet, else the article itself.
func (m Mention) sourceKey() string {
	switch {
	case m.Origin != "":
		return "outlet:" + strings.ToLower(m.Origin)
	case m.Outlet != "":
		return "outlet:" + strings.ToLower(m.Outlet)
	}
	return "article:" + m.ArticleID
}

// mentionJSON adds the mention's own coding to the contract's mention
// fields: what this one report says, which may differ from its event.
type mentionJSON struct {
	mentionFields
	Date      string   `json:"date,omitempty"`
	Precision string   `json:"precision,omitempty"`
	DateEnd   string   `json:"date_end,omitempty"`
	Label     string   `json:"source_label,omitempty"`
	Figures   []Figure `json:"figures,omitempty"`
}

type mentionFields Mention

// MarshalJSON writes the contract's mention fields and, when known, the
// mention's own date, its source label and its figures (mentionJSON;
// json_append.go writes it).
func (m Mention) MarshalJSON() ([]byte, error) { return appendMention(make([]byte, 0, 512), &m) }

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Mention) UnmarshalJSON(b []byte) error {
	var in mentionJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*m = Mention(in.mentionFields)
	m.Figures = in.Figures
	if in.Date != "" {
		d, err := DecodeDate(in.Date)
		if err != nil {
			return err
		}
		if in.DateEnd != "" {
			end, err := ParseDate(in.DateEnd)
			if err != nil {
				return err
			}
			d = Range(d.Start, end.Start)
		}
		m.Date = d
	}
	return nil
}

// Figures lists the figures of every mention with its source, in mention
// order.
func (e Event) Figures() []SourcedFigure {
	out := []SourcedFigure{}
	for _, m := range e.Mentions {
		for _, f := range m.Figures {
			out = append(out, SourcedFigure{Figure: f, Source: m.SourceLabel(), Article: m.ArticleID})
		}
	}
	return out
}

// SourceLabels lists the distinct sources of the mentions as readers see
// them ("Reuters via The Moscow Times", "Al Jazeera"), sorted.
func (e Event) SourceLabels() []string {
	seen := map[string]bool{}
	out := []string{}
	for _, m := range e.Mentions {
		if l := m.SourceLabel(); l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}
