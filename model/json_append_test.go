package model

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"
	"unicode/utf8"
)

// referenceEventJSON is the contract's event as encoding/json writes it
// from eventJSON (MarshalJSON before json_append.go); its mentions are
// written by Mention.MarshalJSON, which referenceMentionJSON checks.
func referenceEventJSON(e Event) ([]byte, error) {
	c := e.CAMEO()
	out := eventJSON{
		ID: e.ID, Date: e.Date.String(), Precision: e.Date.Precision,
		Source: e.Source, Target: e.Target,
		CAMEO: e.Code, Root: e.Root(), Name: c.Name, Quad: c.Quad, Goldstein: c.Goldstein, PLOVER: c.PLOVER,
		Sources: e.Sources(), Articles: e.Articles(), Mentions: e.Mentions,
		MentionCount: len(e.Mentions), Outlets: e.SourceLabels(), Figures: e.Figures(),
		Disputed: e.Disputed(), Disputes: e.Disputes, Status: string(e.Status), Note: e.Note,
	}
	if out.Status == "" {
		out.Status = "unreviewed"
	}
	if out.Disputes == nil {
		out.Disputes = []Dispute{}
	}
	if end := e.Date.EndString(); end != "" {
		out.End = &end
	}
	if e.Location != "" {
		loc := e.Location
		out.Location = &loc
	}
	if out.Mentions == nil {
		out.Mentions = []Mention{}
	}
	return json.Marshal(out)
}

// referenceMentionJSON is the mention as encoding/json writes it from
// mentionJSON, by reflection alone.
func referenceMentionJSON(m Mention) ([]byte, error) {
	out := mentionJSON{mentionFields: mentionFields(m), Label: m.SourceLabel(), Figures: m.Figures}
	if !m.Date.IsZero() {
		out.Date, out.Precision, out.DateEnd = m.Date.String(), string(m.Date.Precision), m.Date.EndString()
	}
	return json.Marshal(out)
}

// asGo127 is encoding/json's output as Go 1.27 writes it: before, it
// escaped the U+FFFD that replaces invalid UTF-8. None of trickyStrings
// holds a backslash before "ufffd", so only those escapes are replaced.
func asGo127(b []byte) []byte { return bytes.ReplaceAll(b, []byte(`\ufffd`), []byte("\uFFFD")) }

// trickyStrings are what article text and ids may hold that JSON must
// escape or replace: quotes, backslashes, markup, control characters,
// invalid UTF-8, the JavaScript line separators, and plain text.
var trickyStrings = []string{
	"", "Reuters", "Kyiv", `say "no"`, `C:\path`, "</script><script>alert(1)</script>", "AT&T", "a > b < c",
	"tab\there", "line\nbreak\r\n", "\b\f\x00\x01\x1f", "\x7f", "bad \xff\xfe utf-8", "cut \xe2\x80", "sep \u2028 and \u2029",
	"Zürich, Świnoujście, Донецьк", "emoji 🚀", "\u00a0non-breaking", "'single'",
}

func randomEvent(r *rand.Rand) Event {
	str := func() string { return trickyStrings[r.IntN(len(trickyStrings))] }
	floats := []float64{0, 1, -3.5, 33, 0.1, 1e-7, 2.5e-9, 1e21, 123456789012, -1e-6, 4.2e22}
	date := func() Date {
		day := time.Date(2019+r.IntN(5), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		switch r.IntN(5) {
		case 0:
			return Date{}
		case 1:
			return Month(day.Year(), day.Month())
		case 2:
			return Year(day.Year())
		case 3:
			return Range(day, day.AddDate(0, 0, 1+r.IntN(40)))
		}
		return Day(day)
	}
	actor := func() *Actor {
		if r.IntN(4) == 0 {
			return nil
		}
		return &Actor{ID: str(), Name: str(), Country: str(), Role: Role(str()), Code: str()}
	}
	figures := func() []Figure {
		var out []Figure
		if r.IntN(3) == 0 {
			return []Figure{}
		}
		for range r.IntN(3) {
			out = append(out, Figure{Kind: FigureKind(str()), Value: floats[r.IntN(len(floats))], Low: floats[r.IntN(len(floats))],
				High: floats[r.IntN(len(floats))], Min: r.IntN(2) == 0, Max: r.IntN(2) == 0, Approx: r.IntN(2) == 0, Unit: str(), Text: str()})
		}
		return out
	}
	strs := func() []string {
		switch r.IntN(3) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		return []string{str(), str()}
	}
	codes := []string{"190", "042", "20", "173", "1011", "", "xyz", "57"}
	e := Event{ID: str(), Date: date(), Code: codes[r.IntN(len(codes))], Location: str(), Note: str()}
	if a := actor(); a != nil {
		e.Source = *a
	}
	e.Target = actor()
	e.Status = []Status{"", StatusDisputed, "confirmed", Status(str())}[r.IntN(4)]
	for range r.IntN(5) {
		e.Mentions = append(e.Mentions, Mention{ArticleID: str(), Path: str(), URL: str(), Outlet: str(), Published: str(),
			Sentence: str(), Start: r.IntN(5000), End: r.IntN(5000), Trigger: str(), TimeText: str(), Origin: str(),
			SourceCode: str(), TargetCode: str(), Code: codes[r.IntN(len(codes))], Date: date(), Location: str(),
			Figures: figures(), Source: actor(), Target: actor()})
	}
	if r.IntN(3) == 0 {
		e.Mentions = []Mention{}
	}
	for range r.IntN(3) {
		d := Dispute{Kind: DisputeKind(str()), What: str()}
		if r.IntN(3) > 0 {
			d.Versions = []Version{{Value: str(), Sources: strs(), Articles: strs()}}
		}
		e.Disputes = append(e.Disputes, d)
	}
	return e
}

// The appended JSON is encoding/json's, byte for byte, over random
// events of tricky text, every precision of date and every kind of
// float.
func TestAppendEvent_SameAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 27))
	same := func(i int, what string, marshal, reference func() ([]byte, error)) []byte {
		t.Helper()
		want, err := reference()
		if err != nil {
			t.Fatal(err)
		}
		want = asGo127(want)
		got, err := marshal()
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("case %d: %s:\n got %s (%v)\nwant %s", i, what, got, err, want)
		}
		return want
	}
	for i := range 3000 {
		e := randomEvent(r)
		for _, m := range e.Mentions {
			same(i, "mention", m.MarshalJSON, func() ([]byte, error) { return referenceMentionJSON(m) })
		}
		want := same(i, "event", e.MarshalJSON, func() ([]byte, error) { return referenceEventJSON(e) })
		// Written inside a document, as listings write events.
		doc, err := json.Marshal([]Event{e})
		if err != nil || !bytes.Equal(asGo127(doc), append(append([]byte{'['}, want...), ']')) {
			t.Fatalf("case %d: in a list: %s (%v)", i, doc, err)
		}
	}
}

// A figure that is not a number fails as encoding/json fails, not with
// invalid JSON.
func TestAppendEvent_NotANumber(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		e := Event{ID: "e-1", Source: Actor{ID: "a"}, Code: "190",
			Mentions: []Mention{{ArticleID: "r-1", Figures: []Figure{{Kind: FigureKilled, Value: 3, Low: f}}}}}
		if _, err := referenceEventJSON(e); err == nil {
			t.Fatalf("encoding/json encodes %v", f)
		}
		if b, err := e.MarshalJSON(); err == nil {
			t.Errorf("%v: encoded as %s", f, b)
		}
		if b, err := e.Mentions[0].MarshalJSON(); err == nil {
			t.Errorf("%v: mention encoded as %s", f, b)
		}
	}
}

// Any string, as encoding/json quotes it; invalid UTF-8 reads back as
// it does from encoding/json, whichever way the toolchain writes U+FFFD.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		got := appendJSONString(nil, s)
		if utf8.ValidString(s) {
			if !bytes.Equal(got, want) {
				t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
			}
			return
		}
		var g, w string
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%q: %s is not JSON: %v", s, got, err)
		}
		if err := json.Unmarshal(want, &w); err != nil || g != w {
			t.Fatalf("%q: reads back %q, encoding/json's %q (%v)", s, g, w, err)
		}
	})
}

// Any float, as encoding/json writes it.
func FuzzAppendJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 1, -3.5, 1e-7, 1e21, 123456789, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, x float64) {
		want, werr := json.Marshal(x)
		got, gerr := appendJSONFloat(nil, x)
		if (werr != nil) != (gerr != nil) || !bytes.Equal(got, want) {
			t.Fatalf("%v: got %s (%v), want %s (%v)", x, got, gerr, want, werr)
		}
	})
}

// BenchmarkEventMarshalJSON compares the appended JSON with
// encoding/json's from eventJSON, on 100 random events.
func BenchmarkEventMarshalJSON(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	events := make([]Event, 100)
	for i := range events {
		events[i] = randomEvent(r)
	}
	for _, enc := range []struct {
		name    string
		marshal func(Event) ([]byte, error)
	}{{"append", Event.MarshalJSON}, {"encoding-json", referenceEventJSON}} {
		b.Run(enc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, e := range events {
					if _, err := enc.marshal(e); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// AppendJSON writes the members given for those computed from the
// mentions, every other member as MarshalJSON does, and refuses to
// replace any other member.
func TestEvent_AppendJSONReplaces(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	replace := map[string][]byte{"sources": []byte("7"), "articles": []byte("9"), "mention_count": []byte("12"),
		"outlets": []byte(`["AP","Reuters"]`), "figures": []byte(`[]`)}
	for i := range 300 {
		e := randomEvent(r)
		given := map[string][]byte{}
		for _, k := range FromAllMentions {
			if r.IntN(2) == 0 {
				given[k] = replace[k]
			}
		}
		got, err := e.AppendJSON(nil, given)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := e.MarshalJSON()
		var g, p map[string]json.RawMessage
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("case %d: %s: %v", i, got, err)
		}
		json.Unmarshal(plain, &p)
		if len(g) != len(p) {
			t.Fatalf("case %d: %d members, want %d", i, len(g), len(p))
		}
		for k, v := range p {
			want := []byte(v)
			if x, ok := given[k]; ok {
				want = x
			}
			if !bytes.Equal(g[k], want) {
				t.Errorf("case %d: %s = %s, want %s", i, k, g[k], want)
			}
		}
	}
	if _, err := (Event{ID: "e-1"}).AppendJSON(nil, map[string][]byte{"date": []byte(`"2020"`)}); err == nil {
		t.Error("date replaced")
	}
}
