// Package extract turns article text into dated, sourced CAMEO events.
//
// # Pipeline
//
// For each sentence of an article body ([sentence.Split]) the extractor
// finds actor mentions ([actor.Gazetteer.Find]), event triggers from the
// pattern lexicon ([coding.Lexicon.Match]) and time expressions
// ([timex.Tag]). Each trigger that survives the filters of filter.go
// (negation, modality, infinitive and complement clauses, bare
// nominalisations) is given a source and a target by the rules of roles.go
// and a date by date.go, and becomes one [model.Event] per (sentence,
// source country, target country, root).
//
// # Reported speech
//
// Reporting verbs (the lexicon's "say" flag) yield a statement (01) of the
// speaker only when what they report holds no coded act and the speaker
// comes first; "X said Y did Z" is coded as Y's act, and trailing sourcing
// ("..., the Kremlin said") adds nothing. Stance verbs (appeal, accuse,
// reject, threaten, agree, promise) are events of the speaker, and the
// acts inside their complements are not coded.
package extract

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/ingest/actor"
	"github.com/eventgraph/eventgraph/ingest/coding"
	"github.com/eventgraph/eventgraph/ingest/figures"
	"github.com/eventgraph/eventgraph/ingest/place"
	"github.com/eventgraph/eventgraph/ingest/sentence"
	"github.com/eventgraph/eventgraph/ingest/timex"
	"github.com/eventgraph/eventgraph/model"
)

// Extractor codes articles. It is safe for concurrent use: all per-article
// state lives in a [doc].
type Extractor struct {
	g   *actor.Gazetteer
	lex *coding.Lexicon
}

// New returns an extractor that finds actors with g and codes events with
// the embedded lexicon.
func New(g *actor.Gazetteer) *Extractor {
	return &Extractor{g: g, lex: coding.Default()}
}

// Extract returns the events of a.Body, each with one mention pointing
// into the body by byte offset.
func (x *Extractor) Extract(a model.Article) []model.Event {
	d := x.newDoc(a.Body, a.Published)
	cs := d.run()
	if d.ad != nil {
		// The events hold copies of the matches, nothing of the
		// document's buffers: the next article may reuse them.
		d.ad.Release()
		d.ad = nil
	}
	defer d.release()
	if len(cs) == 0 {
		return nil
	}
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.Format("2006-01-02")
	}
	// One array holds the events and one their mentions: each event's
	// mention slice is capped at its one element, so that appending to it
	// (a merge adding reports) copies rather than writes over the next.
	out := make([]model.Event, len(cs))
	ms := make([]model.Mention, len(cs))
	for i, c := range cs {
		x.event(&out[i], ms[i:i+1:i+1], a, pub, d, c)
	}
	return out
}

// ExtractText codes raw text published at the given time (zero when
// unknown), as the extract command does.
func (x *Extractor) ExtractText(text string, published time.Time) []model.Event {
	a := model.Article{Body: text, Published: published, Path: "-"}
	a.Seal()
	return x.Extract(a)
}

// coded is one event found in a sentence before it becomes a model.Event.
type coded struct {
	sent     int // index into doc.sents
	src      model.Actor
	tgt      *model.Actor
	code     string
	trigger  string
	nominal  bool // the trigger is a noun ("air strikes"), not a verb
	head     int  // the trigger's head token
	start    int  // and the tokens [start, end) its pattern spans
	end      int
	date     model.Date
	timeText string
	location string
}

// event fills e, the model event of c, with its one mention in ms;
// pub is the article's publication day as the mention writes it.
func (x *Extractor) event(e *model.Event, ms []model.Mention, a model.Article, pub string, d *doc, c coded) {
	s := d.sents[c.sent]
	ms[0] = model.Mention{
		ArticleID: a.ID, Path: a.Path, URL: a.URL, Outlet: a.Outlet, Published: pub,
		Sentence: s.span.Text, Start: s.span.Start, End: s.span.End,
		Trigger: c.trigger, TimeText: c.timeText, Figures: s.figures(),
	}
	*e = model.Event{
		Date: c.date, Source: c.src, Target: c.tgt, Code: c.code, Location: c.location,
		Mentions: ms,
	}
	e.SetID()
}

// doc is the state of one article while it is coded.
type doc struct {
	x    *Extractor
	text string
	low  string // text after sentence.LowerASCII
	dct  time.Time
	// pubZero is set when the article has no date: events then stay
	// undated unless the text dates them.
	pubZero bool
	times   []timex.Expr
	sents   []*sent
	// history holds the actors met so far, newest last, for pronouns and
	// short forms ("he", "the ministry").
	history []actor.Match
	// countries are the distinct countries of history, in order of first
	// mention: the context of the place lookup, kept as history grows.
	countries []string
	placeCtx  []string        // findPlaces' buffer for the countries of a sentence
	ad        *actor.Document // nil without a gazetteer
	done      []coded         // events coded so far, for context
	speech    speech          // reused by speakers (speech.go)
	codeBuf   []coded         // codeSentence's events, copied out by the caller
	trigs     coding.Triggers // holds the sentences' triggers (sent.trigs)
	seen      []seenKey       // the events add has kept in the sentence
	ints      []int           // slab for the sentences' heads and says
	tallies   [2][]tallied    // the tallies of sides and rolePair (pairs.go)
	bufs      *docBuffers
	actorSlab []model.Actor // coordLeft's results (roles.go); never reused
}

// docBuffers are the arrays a doc keeps per article, handed to the next
// article once the events are made: they are most of the bytes reading
// an article allocates. The events keep none of them (their texts are
// strings, their figures and mentions their own).
type docBuffers struct {
	sents   []sent
	ptrs    []*sent
	toks    []sentence.Token
	bounds  []int
	words   []string
	times   []timex.Expr
	history []actor.Match
	done    []coded
	tagged  []timex.Expr    // timex's expressions of the article
	spans   []sentence.Span // its sentences
	trigs   coding.Triggers

	// mentions and places hold the sentences' actors and places, each
	// sentence's a capped slice of them.
	mentions []mention
	places   []placeMention
	found    []place.Match // findPlaces' buffer for a sentence's places
	// The doc's own buffers, kept for the next article (see keep).
	ints      []int
	codeBuf   []coded
	seen      []seenKey
	placeCtx  []string
	countries []string
	tallies   [2][]tallied
}

var docPool sync.Pool

// resize returns *buf with length n, reallocated only when too small.
func resize[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// release hands d's arrays back for the next article; d is not read after.
func (d *doc) release() {
	b := d.bufs
	if b == nil {
		return
	}
	d.bufs = nil
	b.history, b.done = d.history, d.done
	d.keep(b)
	b.trigs = d.trigs
	b.trigs.Reset()
	docPool.Put(b)
}

// carve returns an empty slice with room for n, cut from *slab, which is
// renewed in chunks of at least chunk: the sentences of a document share a few allocations
// for the lists they keep rather than making one each. Appending past n
// moves the slice out, never over its neighbour.
func carve[T any](slab *[]T, n, chunk int) []T {
	if cap(*slab)-len(*slab) < n {
		*slab = make([]T, 0, max(n, chunk))
	}
	l := len(*slab)
	*slab = (*slab)[:l+n]
	return (*slab)[l : l : l+n]
}

// sent is one sentence with its tokens, actors and time expressions.
type sent struct {
	span   sentence.Span
	toks   []sentence.Token
	words  []string // lower-cased token texts
	actors []mention
	times  []timex.Expr // offsets relative to the sentence
	heads  []int        // head tokens of every trigger, coded or not
	says   []int        // head tokens of the reporting verbs
	trigs  []coding.Trigger
	// nominal has bit k set when trigs[k] is a verb pattern used as a
	// noun (nounUse), found once for the many rules that ask.
	nominal uint64
	figs    []model.Figure
	figsOK  bool
	// places are the sentence's places, found on first use (placesIn).
	places   []placeMention
	placesOK bool
}

// figures returns the figures of s, found once however many events the
// sentence holds.
func (s *sent) figures() []model.Figure {
	if !s.figsOK {
		s.figs, s.figsOK = figures.Find(s.span.Text), true
	}
	return s.figs
}

// mention is an actor match with its token range [ts, te).
type mention struct {
	actor.Match
	ts, te int
}

func (x *Extractor) newDoc(text string, dct time.Time) *doc {
	d := &doc{x: x, text: text, dct: dct}
	if dct.IsZero() {
		d.dct, d.pubZero = time.Now().UTC(), true
	}
	// One lower-cased copy of the text serves the time tagger, the words
	// and the actor tokenizer (d.low), which would each make their own.
	d.low = sentence.LowerASCII(text)
	b, _ := docPool.Get().(*docBuffers)
	if b == nil {
		b = new(docBuffers)
	}
	d.bufs = b
	// The expressions and the spans are read into the sentences below
	// and dropped: their arrays are the pooled ones of the last article.
	d.times = timex.TagLowIn(b.tagged, text, d.low, d.dct)
	b.tagged = d.times
	if x.g != nil {
		d.ad = x.g.NewDocument(d.dct)
	}
	// The sentences, their tokens, their words and their time expressions
	// each live in one array per article rather than in one per sentence:
	// an article then costs a handful of allocations, not hundreds.
	spans := sentence.AppendSplit(b.spans[:0], text)
	b.spans = spans
	d.trigs = b.trigs
	sents := resize(&b.sents, len(spans))
	clear(sents) // a sentence's fields are filled as it is read
	d.sents = resize(&b.ptrs, len(spans))
	toks := slices.Grow(b.toks[:0], len(text)/5+len(spans))
	bounds := resize(&b.bounds, len(spans)+1)
	bounds[0] = 0
	for i, sp := range spans {
		toks = sentence.AppendTokens(toks, sp.Text)
		bounds[i+1] = len(toks)
	}
	b.toks = toks
	words := resize(&b.words, len(toks))
	low := d.low
	times := slices.Grow(b.times[:0], len(d.times))
	k := 0 // d.times are in order: the first that may lie in the sentence
	for i, sp := range spans {
		s := &sents[i]
		d.sents[i] = s
		s.span = sp
		s.toks = toks[bounds[i]:bounds[i+1]:bounds[i+1]]
		s.words = words[bounds[i]:bounds[i+1]:bounds[i+1]]
		for j, t := range s.toks {
			s.words[j] = coding.LowerIn(t.Text, low[sp.Start+t.Start:sp.Start+t.End])
		}
		for k < len(d.times) && d.times[k].Start < sp.Start {
			k++
		}
		n := len(times)
		for _, t := range d.times[k:] {
			if t.Start >= sp.End {
				break
			}
			if t.End <= sp.End && wordEnd(text, t.End) {
				t.Start -= sp.Start
				t.End -= sp.Start
				times = append(times, t)
			}
		}
		if len(times) > n {
			s.times = times[n:len(times):len(times)]
		}
	}
	b.times = times
	return d
}

// run codes every sentence in order, carrying pronoun and date context.
func (d *doc) run() []coded {
	// Actors are found for the whole article first: the parties a story
	// is about are known to a reader from its first line (salient), and
	// the gazetteer's document state depends on text order only.
	remembered := 0
	d.bufs.mentions, d.bufs.places = d.bufs.mentions[:0], d.bufs.places[:0]
	d.reuse(d.bufs)
	for _, s := range d.sents {
		if !skipSentence(s.span.Text) {
			d.findActors(s)
			for i := range s.actors {
				if inHistory(s.actors[i].Kind) {
					remembered++
				}
			}
		}
	}
	// The history gets every actor kept: room for all of them at once
	// rather than copies of a growing slice of large values.
	d.history = slices.Grow(d.bufs.history[:0], remembered)
	// About one event per sentence is usual: room for that many at once
	// rather than copies of a growing slice of large values.
	d.done = slices.Grow(d.bufs.done[:0], len(d.sents))
	for i, s := range d.sents {
		if skipSentence(s.span.Text) {
			continue
		}
		d.done = append(d.done, d.codeSentence(i)...)
		d.remember(s)
	}
	// The events coded, in order, are the context the rules read back
	// (d.done): the same list is the result.
	return d.done
}

// remember adds the actors of s to the history that pronouns, short forms
// and place names are read against.
func (d *doc) remember(s *sent) {
	for i := range s.actors {
		m := &s.actors[i]
		if !inHistory(m.Kind) {
			continue
		}
		d.history = append(d.history, m.Match)
		if c := m.Actor.Country; c != "" && !slices.Contains(d.countries, c) {
			d.countries = append(d.countries, c)
		}
	}
}

// inHistory reports the kinds of mention the history keeps: a pronoun
// is read against it, a place is no actor.
func inHistory(k actor.Kind) bool { return k != actor.KindPronoun && k != actor.KindPlace }

// skipSentence drops lines that are page furniture rather than prose.
func skipSentence(s string) bool {
	return strings.HasPrefix(s, "Related article:") || strings.HasPrefix(s, "Original url:") ||
		strings.HasPrefix(s, "<http")
}

// findActors fills s.actors with the gazetteer's matches and their tokens.
func (d *doc) findActors(s *sent) {
	if d.ad == nil {
		return
	}
	ms := d.ad.FindSharedLow(s.span.Text, d.low[s.span.Start:s.span.End])
	if len(ms) == 0 {
		return
	}
	// The mentions go into the article's array (kept between articles):
	// s.actors is its own part of it, capped so that no append runs
	// into the next sentence's. An earlier sentence's part stays where
	// it is when the array grows.
	all := d.bufs.mentions
	first := len(all)
	for i := range ms {
		m := &ms[i]
		ts, te := tokenRange(s.toks, m.Start, m.End)
		if ts >= te {
			continue
		}
		// Two matches inside one token ("Sudan's'Burhan") would share
		// it; the roles slice the words between mentions, so mentions
		// must stay apart and in order.
		if n := len(all); n > first && ts < all[n-1].te {
			continue
		}
		all = append(all, mention{Match: *m, ts: ts, te: te})
	}
	d.bufs.mentions = all
	s.actors = all[first:len(all):len(all)]
	localizeArmedGroups(s)
}

// localizeArmedGroups gives an armed group whose country was only guessed
// from the article's focus ("jihadist fighters" in a story about France)
// the country of the place named just after it as where it acts: armed
// groups take the country they operate in ("fighters advancing on the
// capital Bamako" are MLI). A place before it is more often a venue
// ("a truce reached in Minsk by the rebels").
func localizeArmedGroups(s *sent) {
	for k := range s.actors {
		m := &s.actors[k]
		if !m.Inferred || m.Resolved || m.Kind != actor.KindAgent || m.Actor.Role != model.RoleREB {
			continue
		}
		best, dist := "", len(s.words)
		for _, p := range s.actors {
			c := p.Actor.Country
			if len(c) != 3 || c == model.CountryIGO || !placeKind(p.Kind) || p.ts < m.te || p.ts-m.te > 6 || !locativeBefore(s, p.ts) {
				continue
			}
			if d := p.ts - m.te; d < dist {
				best, dist = c, d
			}
		}
		if best != "" && best != m.Actor.Country {
			m.Actor = model.NewActor(m.Actor.Name, best, m.Actor.Role)
		}
	}
}

func placeKind(k actor.Kind) bool {
	return k == actor.KindPlace || k == actor.KindState || k == actor.KindMetonym
}

// tokenRange returns the tokens covering bytes [start, end).
func tokenRange(toks []sentence.Token, start, end int) (int, int) {
	ts, te := len(toks), len(toks)
	for i, t := range toks {
		if t.End > start && ts == len(toks) {
			ts = i
		}
		if t.Start >= end {
			te = i
			break
		}
	}
	return ts, te
}

// wordEnd reports that byte i of text ends a word: a time expression cut
// out of a longer word ("the year" of "the year-old agreement") names no
// time.
func wordEnd(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	switch text[i] {
	case '-':
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
