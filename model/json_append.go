package model

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The contract's JSON of events and mentions, appended directly to a
// buffer. encoding/json wrote it from eventJSON and mentionJSON by
// reflection, and checked and copied the output of each mention's
// MarshalJSON, then of the event's, again: for a page of /api/events,
// whose events carry up to ten mentions each, that was two fifths of the
// CPU of a request. The bytes are the same as encoding/json's, HTML
// escaping included (TestAppendEvent_SameAsEncodingJSON).

// FromAllMentions are the members of an event's JSON computed from its
// mentions, which AppendJSON may be given from elsewhere: a page that
// shows some of an event's mentions writes them from all.
var FromAllMentions = []string{"sources", "articles", "mention_count", "outlets", "figures"}

// AppendJSON appends e as MarshalJSON writes it, with the members of
// FromAllMentions that replace holds written as the JSON values given
// there, unchecked. A key of replace not in FromAllMentions is an error.
func (e Event) AppendJSON(b []byte, replace map[string][]byte) ([]byte, error) {
	for k := range replace {
		if !slices.Contains(FromAllMentions, k) {
			return nil, fmt.Errorf("event %s: member %q is not computed from mentions", e.ID, k)
		}
	}
	return appendEvent(b, e, replace)
}

// appendEvent appends e as Event.MarshalJSON writes it, with the members
// replace holds (AppendJSON).
func appendEvent(b []byte, e Event, replace map[string][]byte) ([]byte, error) {
	c := e.CAMEO()
	b = appendMember(b, `{"id":`, e.ID)
	b = appendMember(b, `,"date":`, e.Date.String())
	b = appendMember(b, `,"precision":`, string(e.Date.Precision))
	b = append(b, `,"end":`...)
	if end := e.Date.EndString(); end != "" {
		b = appendJSONString(b, end)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"source":`...)
	b = appendActor(b, &e.Source)
	b = append(b, `,"target":`...)
	b = appendActor(b, e.Target)
	b = appendMember(b, `,"cameo":`, e.Code)
	b = appendMember(b, `,"root":`, e.Root())
	b = appendMember(b, `,"name":`, c.Name)
	b = append(b, `,"quad":`...)
	b = strconv.AppendInt(b, int64(c.Quad), 10)
	b = append(b, `,"goldstein":`...)
	var err error
	if b, err = appendJSONFloat(b, c.Goldstein); err != nil {
		return nil, err
	}
	b = appendMember(b, `,"plover":`, c.PLOVER)
	b = append(b, `,"location":`...)
	if e.Location != "" {
		b = appendJSONString(b, e.Location)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"sources":`...)
	if v, ok := replace["sources"]; ok {
		b = append(b, v...)
	} else {
		b = strconv.AppendInt(b, int64(e.Sources()), 10)
	}
	b = append(b, `,"articles":`...)
	if v, ok := replace["articles"]; ok {
		b = append(b, v...)
	} else {
		b = strconv.AppendInt(b, int64(e.Articles()), 10)
	}
	b = append(b, `,"mentions":[`...)
	for i := range e.Mentions {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendMention(b, &e.Mentions[i]); err != nil {
			return nil, err
		}
	}
	b = append(b, `],"mention_count":`...)
	if v, ok := replace["mention_count"]; ok {
		b = append(b, v...)
	} else {
		b = strconv.AppendInt(b, int64(len(e.Mentions)), 10)
	}
	b = append(b, `,"outlets":`...)
	if v, ok := replace["outlets"]; ok {
		b = append(b, v...)
	} else {
		b = appendStrings(b, e.SourceLabels())
	}
	b = append(b, `,"figures":`...)
	if v, ok := replace["figures"]; ok {
		b = append(b, v...)
	} else if figures := e.Figures(); figures != nil {
		b = append(b, '[')
		for i := range figures {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendFigure(b, &figures[i].Figure, false); err != nil {
				return nil, err
			}
			b = appendMember(b, `,"source":`, figures[i].Source)
			b = appendMember(b, `,"article":`, figures[i].Article)
			b = append(b, '}')
		}
		b = append(b, ']')
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"disputed":`...)
	b = strconv.AppendBool(b, e.Disputed())
	b = append(b, `,"disputes":[`...)
	for i, d := range e.Disputes {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendDispute(b, &d)
	}
	b = append(b, `],"status":`...)
	status := string(e.Status)
	if status == "" {
		status = "unreviewed"
	}
	b = appendJSONString(b, status)
	if e.Note != "" {
		b = appendMember(b, `,"note":`, e.Note)
	}
	return append(b, '}'), nil
}

// appendMention appends m as Mention.MarshalJSON writes it: the tagged
// fields of Mention, then its own date, source label and figures.
func appendMention(b []byte, m *Mention) ([]byte, error) {
	b = appendMember(b, `{"article":`, m.ArticleID)
	b = appendMember(b, `,"path":`, m.Path)
	b = appendMember(b, `,"url":`, m.URL)
	b = appendMember(b, `,"outlet":`, m.Outlet)
	b = appendMember(b, `,"published":`, m.Published)
	b = appendMember(b, `,"sentence":`, m.Sentence)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(m.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(m.End), 10)
	b = appendMember(b, `,"trigger":`, m.Trigger)
	b = appendMember(b, `,"time_text":`, m.TimeText)
	b = appendOptional(b, `,"origin":`, m.Origin)
	b = appendOptional(b, `,"source_code":`, m.SourceCode)
	b = appendOptional(b, `,"target_code":`, m.TargetCode)
	b = appendOptional(b, `,"cameo":`, m.Code)
	b = appendOptional(b, `,"location":`, m.Location)
	if !m.Date.IsZero() {
		b = appendOptional(b, `,"date":`, m.Date.String())
		b = appendOptional(b, `,"precision":`, string(m.Date.Precision))
		b = appendOptional(b, `,"date_end":`, m.Date.EndString())
	}
	b = appendOptional(b, `,"source_label":`, m.SourceLabel())
	if len(m.Figures) > 0 {
		b = append(b, `,"figures":[`...)
		for i := range m.Figures {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendFigure(b, &m.Figures[i], true); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// appendMember appends a string member: key (with its comma, if any,
// and colon) and s.
func appendMember(b []byte, key, s string) []byte { return appendJSONString(append(b, key...), s) }

// appendOptional appends a member tagged omitempty: key (with its comma
// and colon) and s, unless s is empty.
func appendOptional(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendMember(b, key, s)
}

// appendActor appends a, or null.
func appendActor(b []byte, a *Actor) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	b = appendMember(b, `{"id":`, a.ID)
	b = appendMember(b, `,"name":`, a.Name)
	b = appendMember(b, `,"country":`, a.Country)
	b = appendMember(b, `,"role":`, string(a.Role))
	b = appendMember(b, `,"code":`, a.Code)
	return append(b, '}')
}

// appendFigure appends f's members after an opening brace, and the
// closing brace when closed is set (a SourcedFigure adds its own members).
func appendFigure(b []byte, f *Figure, closed bool) ([]byte, error) {
	b = appendMember(b, `{"kind":`, string(f.Kind))
	b = append(b, `,"value":`...)
	var err error
	if b, err = appendJSONFloat(b, f.Value); err != nil {
		return nil, err
	}
	b = append(b, `,"low":`...)
	if b, err = appendJSONFloat(b, f.Low); err != nil {
		return nil, err
	}
	if f.High != 0 {
		b = append(b, `,"high":`...)
		if b, err = appendJSONFloat(b, f.High); err != nil {
			return nil, err
		}
	}
	if f.Min {
		b = append(b, `,"min":true`...)
	}
	if f.Max {
		b = append(b, `,"max":true`...)
	}
	if f.Approx {
		b = append(b, `,"approx":true`...)
	}
	b = appendMember(b, `,"unit":`, f.Unit)
	b = appendMember(b, `,"text":`, f.Text)
	if closed {
		b = append(b, '}')
	}
	return b, nil
}

func appendDispute(b []byte, d *Dispute) []byte {
	b = appendMember(b, `{"kind":`, string(d.Kind))
	b = appendOptional(b, `,"what":`, d.What)
	b = append(b, `,"versions":`...)
	if d.Versions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, v := range d.Versions {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendMember(b, `{"value":`, v.Value)
			b = append(b, `,"sources":`...)
			b = appendStrings(b, v.Sources)
			b = append(b, `,"articles":`...)
			b = appendStrings(b, v.Articles)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendStrings appends a list of strings, null when it is nil.
func appendStrings(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// appendJSONFloat appends f as encoding/json writes a float64: like %g
// with the exponent cut-offs of ECMAScript, and no padding of the
// exponent. NaN and the infinities have no JSON form.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes it with HTML
// escaping on (its default): <, > and & as \u003c, \u003e and \u0026, so
// that article text cannot close a script element it is written into;
// control characters escaped, and U+2028 and U+2029 escaped for
// JavaScript. Each byte of invalid UTF-8 becomes U+FFFD, written as it
// is, as encoding/json writes it from Go 1.27 on (before, it wrote the
// escape \ufffd, which reads back the same). Ingested text is valid
// UTF-8 already (ingest/decode.go).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
