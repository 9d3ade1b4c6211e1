// Package timex tags time expressions in English news text and normalises
// them to TIMEX3 values against the document creation time.
//
// # How it works
//
// [Tag] tokenises the text once, then walks the tokens left to right and at
// each position tries every rule, keeping the longest match. Rules are
// grouped by theme: explicit calendar dates (explicit.go), deictic and
// anaphoric references (relative.go, anchor.go), durations and sets
// (duration.go), unquantified periods (period.go), clock times (clock.go)
// and vague references. Lexicons are
// closed word classes (lexicon.go), so rules generalise beyond the texts
// they were written against.
//
// # Resolution
//
// Deictic expressions ("yesterday", "last week") are resolved against the
// document creation time. Anaphoric ones ("a day earlier", "the following
// day", "two days after") are resolved against the last day-precision date
// the document resolved before them, as in TempEval practice, else against
// the creation time. Unanchored weekday and month names are read backwards
// from the creation time unless the nearest tense cue ("will", "planned
// to", "as soon as"; tense.go), or failing one the sentence, speaks of the
// future.
package timex

import (
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/ingest/sentence"
	"github.com/eventgraph/eventgraph/model"
)

// Type is the TIMEX3 type of an expression.
type Type string

// The TIMEX3 types.
const (
	TypeDate     Type = "DATE"
	TypeTime     Type = "TIME"
	TypeDuration Type = "DURATION"
	TypeSet      Type = "SET"
)

// Expr is one time expression found in a text.
type Expr struct {
	Start int    `json:"start"` // byte offsets into the text
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  Type   `json:"type"`
	Value string `json:"value"` // TIMEX3 value: "2019-06-03", "2018-09", "2019-W22", "P3D", "PAST_REF"
	// Date is the calendar span the expression points at, with its
	// precision, for dating events; zero for durations, sets and vague
	// references that name no span.
	Date model.Date `json:"-"`
}

// Tag returns the time expressions of text in order, resolved against the
// document creation time dct.
func Tag(text string, dct time.Time) []Expr { return TagLow(text, "", dct) }

// TagLow is [Tag] given low, text after [sentence.LowerASCII] (or "" to
// have it made when needed): a caller that lowered the text for its own
// use spares the copy.
func TagLow(text, low string, dct time.Time) []Expr { return TagLowIn(nil, text, low, dct) }

// TagLowIn is [TagLow] with the expressions written into buf's array
// from its start (grown when too small): a caller that copies them out,
// as the extractor does, reuses one array from text to text.
func TagLowIn(buf []Expr, text, low string, dct time.Time) []Expr {
	if len(low) != len(text) {
		low = "" // not text's lower-cased form: make it here
	}
	toks := tokenPool.Get().(*[]token)
	defer tokenPool.Put(toks)
	*toks = tokenizeLow(text, low, *toks)
	tg := &tagger{text: text, t: *toks, dct: day(dct), out: buf[:0]}
	tg.markFuture()
	tg.refDay = tg.dct
	for i := 0; i < len(tg.t); {
		m, ok := tg.best(i)
		if !ok {
			i++
			continue
		}
		tg.emit(i, m)
		i = m.end
	}
	tg.joinRanges()
	return tg.out
}

// tokenPool holds token slices between calls of Tag: the tokens never
// outlive the call, and a long text needs a large slice.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// match is a rule's reading of the tokens [i, end).
type match struct {
	end  int
	typ  Type
	val  string
	date model.Date
	// noRef marks dates computed from another one ("a year earlier"):
	// they do not become the anchor of later anaphora.
	noRef bool
}

// rule reads tokens from position i; ok is false when it does not apply.
type rule func(tg *tagger, i int) (m match, ok bool)

// rules are tried at every position; the longest match wins and, between
// equally long ones, the earlier rule.
var rules []rule

func init() {
	rules = []rule{
		(*tagger).period,
		(*tagger).explicitMonthFirst, (*tagger).relMonth, (*tagger).explicitDayFirst, (*tagger).numericDate,
		(*tagger).yearOrDecade, (*tagger).clock, (*tagger).weekday, (*tagger).deictic,
		(*tagger).quarter, (*tagger).season, (*tagger).duration, (*tagger).set,
		(*tagger).vagueRef, (*tagger).holiday, (*tagger).century, (*tagger).modified,
	}
}

// tagger holds the state of one document.
type tagger struct {
	text   string
	t      []token
	dct    time.Time
	refDay time.Time // anchor for anaphoric expressions
	lastQ  bool      // the last concrete date was a quarter ("a year earlier" stays one)
	qRef   time.Time // first day of that quarter
	out    []Expr
	fut    []bool // per sentence: does it speak of the future?
}

func (tg *tagger) best(i int) (match, bool) {
	if t := &tg.t[i]; t.kind != tkNum && !t.start && !(t.w == "as" && tg.w(i+1) == "soon") {
		return match{}, false // most tokens cannot open an expression
	}
	var b match
	found := false
	for r, s := range rules {
		if tg.t[i].opens&(1<<r) == 0 {
			continue
		}
		if m, ok := s(tg, i); ok && m.end > i && (!found || m.end > b.end) {
			b, found = m, true
		}
	}
	return b, found
}

func (tg *tagger) emit(i int, m match) {
	s, e := tg.t[i].s, tg.t[m.end-1].e
	tg.out = append(tg.out, Expr{Start: s, End: e, Text: tg.text[s:e], Type: m.typ, Value: m.val, Date: m.date})
	if (m.typ == TypeDate || m.typ == TypeTime) && !m.noRef {
		if m.date.Precision == model.PrecisionDay {
			tg.refDay = m.date.Start
		}
		if !m.date.IsZero() {
			tg.lastQ = len(m.val) == 7 && m.val[5] == 'Q'
			if tg.lastQ {
				tg.qRef = m.date.Start
			}
		}
	}
}

// joinRanges gives both ends of "between X and Y" / "from X to Y" the
// range they delimit, so an event dated by either end gets the span.
func (tg *tagger) joinRanges() {
	for k := 0; k+1 < len(tg.out); k++ {
		a, b := &tg.out[k], &tg.out[k+1]
		if a.Date.Precision != model.PrecisionDay || b.Date.Precision != model.PrecisionDay || !b.Date.Start.After(a.Date.Start) {
			continue
		}
		gap := tg.text[a.End:b.Start]
		if gap != " and " && gap != " to " && gap != " until " && gap != " through " && gap != "-" && gap != " - " && gap != " till " {
			continue
		}
		before := tg.text[:a.Start]
		if !hasSuffixFold(before, "between ") && !hasSuffixFold(before, "from ") {
			continue
		}
		r := model.Range(a.Date.Start, b.Date.Start)
		a.Date, b.Date = r, r
	}
}

func hasSuffixFold(s, suf string) bool {
	if len(s) < len(suf) {
		return false
	}
	return sentence.LowerASCII(s[len(s)-len(suf):]) == suf
}

// Token helpers used by every rule.

// w returns the lower-case word at i, or "" past the end.
func (tg *tagger) w(i int) string {
	if i < 0 || i >= len(tg.t) {
		return ""
	}
	return tg.t[i].w
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (tg *tagger) adjacent(i int) bool {
	return i >= 0 && i+1 < len(tg.t) && tg.t[i].e == tg.t[i+1].s
}

// hyphen reports whether token i is a hyphen touching both neighbours.
func (tg *tagger) hyphen(i int) bool {
	return tg.w(i) == "-" && tg.adjacent(i-1) && tg.adjacent(i)
}
